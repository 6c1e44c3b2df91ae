"""The renderers' files opened with the tools readers use: EPUBCheck, pypdf/pdfplumber, python-docx, LibreOffice."""

from __future__ import annotations

import itertools
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree

from pipeline import build, docbook
from pipeline.config import Config
from pipeline.errors import RenderError, RequirementError
from pipeline.render import REGISTRY, register, renderer, xhtml
from pipeline.render.common import PAPER
from pipeline.variants import convert, variant
from tests import epub_checker
from tests import render_checks as rc
from tests.conftest import CHROMIUM, CORPUS, SEEDS, TESTS

pytestmark = pytest.mark.slow  # renders, EPUBCheck, LibreOffice, Chromium: `make check` leaves it out

SEED = SEEDS / "000_240bc3948afeefef.txt"
DOC = "000_240bc3948afeefef"
VARIANTS = ("zh-Hans", "zh-Hant-TW")
REGION = {"zh-Hans": "SC", "zh-Hant-TW": "TC"}
OTHER_REGIONS = {"SC": ("TC", "HK", "JP", "KR"), "TC": ("SC", "HK", "JP", "KR")}
DOCX_LANG = {"zh-Hans": "zh-CN", "zh-Hant-TW": "zh-TW"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built once in both variants and all formats."""
    out = tmp_path_factory.mktemp("dist")
    config = Config(seeds=SEEDS, out=out, variants=VARIANTS, jobs=1)
    summary = build.run(config, [SEED])
    assert not summary.failed, summary.failed
    return out / DOC


def tree_of(folder: Path, tag: str) -> etree._Element:
    return docbook.parse((folder / f"{DOC}.{tag}.xml").read_bytes())


def test_registry_refuses_a_second_renderer_for_a_format() -> None:
    assert set(REGISTRY) == {"xml", "html", "epub", "pdf", "docx"}
    with pytest.raises(ValueError, match="registered already"):
        register(REGISTRY["pdf"])


# EPUB ---------------------------------------------------------------------------------------------

@epub_checker.ON_ONE_WORKER
@pytest.mark.parametrize("tag", VARIANTS)
def test_epubcheck_reports_no_error_and_no_warning(built: Path, tag: str) -> None:
    result = epub_checker.check(built / f"{DOC}.{tag}.epub")
    messages = [(m.level, m.id, m.message) for m in result.messages]
    assert result.valid and messages == []


@pytest.mark.parametrize("tag", VARIANTS)
def test_the_epub_is_made_as_e_books_are(built: Path, tag: str) -> None:
    info = docbook.read_info(tree_of(built, tag))
    with zipfile.ZipFile(built / f"{DOC}.{tag}.epub") as package:
        names = package.namelist()
        title_page = etree.fromstring(package.read("EPUB/text/title_page.xhtml"))
        nav = etree.fromstring(package.read("EPUB/nav.xhtml"))
        chapters = sorted(n for n in names if n.startswith("EPUB/text/ch"))
        first = etree.fromstring(package.read(chapters[0]))
    x = "{http://www.w3.org/1999/xhtml}"
    shown = {p.get("class"): "".join(map(str, p.itertext())) for p in title_page.iter(x + "p")}
    assert shown == {"subtitle": info.subtitle, "byline": info.byline}  # the byline of the PDF and the DOCX
    assert info.byline.startswith("2026年1月20日 · ")
    assert nav.findtext(f".//{x}h1") == ("目錄" if tag.startswith("zh-Hant") else "目录")
    headings = ["".join(map(str, h.itertext())) for h in first.iter(x + "h1", x + "h2")]
    assert info.title not in headings  # the title page has it; the text under it does not repeat it
    sections = len(tree_of(built, tag).findall(docbook.DB + "section"))
    assert len(chapters) == sections + 1  # the opening text, then one file a top-level section


def _opf(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("EPUB/content.opf"))


@pytest.mark.parametrize("tag", VARIANTS)
def test_epub_metadata_is_passed_explicitly(built: Path, tag: str) -> None:
    info = docbook.read_info(tree_of(built, tag))
    opf = _opf(built / f"{DOC}.{tag}.epub")
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "opf": "http://www.idpf.org/2007/opf"}

    def dc(name: str) -> list[str]:
        return [e.text or "" for e in opf.findall(f".//dc:{name}", ns)]

    assert dc("language") == [tag]
    assert dc("title")[0] == info.title
    assert dc("date") == ["2026-01-20"]
    assert dc("creator") == list(info.authors) and dc("contributor") == list(info.editors)
    assert dc("publisher") == [info.publisher] and dc("source") == [info.source]
    assert dc("subject") == list(info.subjects) and dc("description") == [info.abstract]
    roles = {m.get("refines"): m.text for m in opf.findall(".//opf:meta[@property='role']", ns)}
    assert sorted(str(v) for v in roles.values()) == ["aut", "edt"]
    assert dc("identifier")[0].startswith("urn:uuid:")
    modified = opf.find(".//opf:meta[@property='dcterms:modified']", ns)
    assert modified is not None and modified.text == "2026-01-19T23:27:03Z"


def test_epub_navigation_cover_and_stylesheet_follow_the_variant(built: Path) -> None:
    for tag in VARIANTS:
        with zipfile.ZipFile(built / f"{DOC}.{tag}.epub") as package:
            assert package.namelist()[0] == "mimetype"
            nav = package.read("EPUB/nav.xhtml").decode()
            css = package.read("EPUB/styles/stylesheet1.css").decode()
            cover = package.read("EPUB/media/cover.jpg")
        for title in tree_of(built, tag).iter(docbook.DB + "title"):
            if title.getparent().tag == docbook.DB + "section":  # type: ignore[union-attr]
                assert docbook.text_of(title) in nav
        region = REGION[tag]
        assert f"Noto Serif CJK {region}" in css and "text-indent: 2em" in css
        assert not any(f"CJK {other}" in css for other in OTHER_REGIONS[region])
        assert cover.startswith(b"\xff\xd8\xff")
    opf = _opf(built / f"{DOC}.zh-Hans.epub")
    assert opf.find(".//{http://www.idpf.org/2007/opf}item[@properties='cover-image']") is not None
    declared = {(m.get("property"), m.text) for m in opf.iter("{http://www.idpf.org/2007/opf}meta")}
    for entry in (("schema:accessMode", "textual"), ("schema:accessibilityHazard", "none"),
                  ("schema:accessibilityFeature", "tableOfContents"),
                  ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level A")):
        assert entry in declared
    assert any(prop == "schema:accessibilitySummary" and text for prop, text in declared)
    assert "text-justify: inter-character" in css


# Where a text node holds `pair`: the box of its first character and of the next, and the font size.
MEASURE_PAIR = """(pair) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, i = node.data.indexOf(pair);
    if (i < 0) continue;
    const box = k => { const r = document.createRange(); r.setStart(node, k); r.setEnd(node, k + 1);
                       return r.getBoundingClientRect(); };
    const a = box(i), b = box(i + 1);
    return {x: b.left - a.left, y: b.top - a.top, size: parseFloat(getComputedStyle(node.parentElement).fontSize)};
  }
  return null;
}"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")
@pytest.mark.parametrize("vertical", [False, True], ids=["horizontal", "vertical"])
def test_epub_punctuation_widths_and_gaps_in_chromium(tmp_path: Path, vertical: bool, browser: Any) -> None:
    # The first mark's advance, in em (vertical text quotes with corner brackets).
    pairs = {"zh-Hans": ("战略」，" if vertical else "战略”，", 0.5), "zh-Hant-TW": ("戰略」，", 1.0)}
    chapters = {}
    for tag in pairs:
        out = renderer("epub").render(convert(tree_of_golden(), tag).tree, tmp_path / f"{tag}.epub",
                                      variant=variant(tag), config=Config(vertical=vertical))
        with zipfile.ZipFile(out) as package:
            package.extractall(tmp_path / tag)
        chapters[tag] = tmp_path / tag / "EPUB" / "text" / "ch001.xhtml"
    page = browser.new_page(viewport={"width": 800, "height": 1000})
    for tag, (pair, advance) in pairs.items():
        page.goto(chapters[tag].as_uri())
        found = page.evaluate(MEASURE_PAIR, pair[2:])
        assert found is not None, pair
        step = abs(found["y"] if vertical else found["x"]) / found["size"]
        # Half width where the variant compresses, full width in Taiwan's text, in both writing modes.
        assert abs(step - advance) < 0.1, (tag, vertical, step)
        if not vertical:  # the quarter-em gap between a digit and Han (text-autospace): 2025年
            gap = page.evaluate(MEASURE_PAIR, "5年")
            assert gap is not None and gap["x"] / gap["size"] > 0.6, gap


# A paragraph's last line holding one character (punctuation aside), counted from Chromium's layout.
COUNT_RUNTS = """() => {
  let runts = 0, paragraphs = 0;
  for (const p of document.querySelectorAll('p')) {
    const node = p.firstChild;
    if (!node || node.nodeType !== 3 || node.length < 4) continue;
    paragraphs++;
    const range = document.createRange(), tops = [];
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1); tops.push(range.getBoundingClientRect().top);
    }
    const last = tops[tops.length - 1];
    const onLast = [...node.data].filter((ch, i) => Math.abs(tops[i] - last) < 2).join('');
    if (tops.some(top => Math.abs(top - last) >= 2) && onLast.replace(/[\\p{P}\\s]/gu, '').length <= 1) runts++;
  }
  return [runts, paragraphs];
}"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")
def test_epub_paragraphs_end_without_runts_in_chromium(built: Path, tmp_path: Path, browser: Any) -> None:
    with zipfile.ZipFile(built / f"{DOC}.zh-Hans.epub") as package:
        package.extractall(tmp_path)
    chapters = sorted((tmp_path / "EPUB" / "text").glob("ch*.xhtml"))
    for width in (360, 480):  # phone widths, where the seed's paragraphs end in runts without the rule
        page = browser.new_page(viewport={"width": width, "height": 800})
        counts = []
        for chapter in chapters:
            page.goto(chapter.as_uri())
            counts.append(page.evaluate(COUNT_RUNTS))
        assert sum(n for n, _ in counts) == 0 and sum(p for _, p in counts) >= 20, (width, counts)


# PDF ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_the_pdf_title_breaks_into_even_lines_by_the_rules(tmp_path: Path, paper: str) -> None:
    import pdfplumber

    from pipeline import document

    tree = document.from_file(CORPUS / "42_netease_5g_chip_power.txt").tree  # 华为Mate20X 5G版半天不到需充电 …
    title = docbook.read_info(tree).title
    out = renderer("pdf").render(tree, tmp_path / "t.pdf", variant=variant("zh-Hans"), config=Config(paper=paper))
    with pdfplumber.open(out) as pdf:
        chars = [c for c in pdf.pages[0].chars if round(c["size"]) == 20 and c["text"].strip()]
    lines: dict[int, str] = {}
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        lines[round(char["top"])] = lines.get(round(char["top"]), "") + char["text"]
    printed = list(lines.values())
    assert "".join(printed) == title.replace(" ", "")
    assert len(printed) == 2 and all(len(line) >= 4 for line in printed), printed  # even, no lone character
    if paper == "A4":
        assert printed[1] == "耗电制约5G芯片"  # broken at the headline's space
    assert not any(line[-1].isascii() and after[0].isascii() for line, after in itertools.pairwise(printed))


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_the_docx_title_breaks_into_even_lines_and_shrinks_a_step_before_a_third(tmp_path: Path, paper: str) -> None:
    from pipeline import document

    tree = document.from_file(CORPUS / "42_netease_5g_chip_power.txt").tree
    title = docbook.read_info(tree).title
    out = renderer("docx").render(tree, tmp_path / "t.docx", variant=variant("zh-Hans"), config=Config(paper=paper))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paragraph = next(p for p in rc.docx_xml(out, "word/document.xml").iter(w + "p")
                     if p.find(f"{w}pPr/{w}pStyle[@{w}val='Title']") is not None)
    lines = [t.text or "" for t in paragraph.iter(w + "t")]
    assert len(lines) == 2 == len(paragraph.findall(f".//{w}br")) + 1
    assert "".join(lines).replace(" ", "") == title.replace(" ", "") and all(len(line) >= 4 for line in lines)
    sizes = {s.get(w + "val") for s in paragraph.iter(w + "sz")}
    assert sizes == (set() if paper == "A4" else {"44"})  # 28 pt, or a step smaller (22 pt) on A5
    if rc.libreoffice() is not None:  # LibreOffice sets it on the lines given: no third line, no lone character
        text = pypdf.PdfReader(rc.libreoffice_convert(out, "pdf", tmp_path)).pages[0].extract_text()
        assert [line.replace(" ", "") for line in text.splitlines()[:2]] == [x.replace(" ", "") for x in lines]


@pytest.mark.parametrize("tag", VARIANTS)
def test_pdf_text_equals_the_xml_text(built: Path, tag: str) -> None:
    assert rc.pdf_body_text(built / f"{DOC}.{tag}.pdf") == rc.xml_text_in_reading_order(tree_of(built, tag))


@pytest.mark.parametrize("tag", VARIANTS)
def test_pdf_fonts_are_the_regions_faces_embedded_as_subsets(built: Path, tag: str) -> None:
    used = rc.pdf_fonts(built / f"{DOC}.{tag}.pdf")
    region = REGION[tag]
    assert used and all(embedded for _, embedded in used)
    assert all("+" in name for name, _ in used), "fonts are subset (a tag before the name)"
    names = " ".join(name for name, _ in used)
    assert f"Serif-CJK-{region}" in names and f"Sans-CJK-{region}" in names
    assert not any(f"CJK-{other}" in names for other in OTHER_REGIONS[region])


@pytest.mark.parametrize("tag", VARIANTS)
def test_pdf_bookmarks_metadata_language_and_tags(built: Path, tag: str) -> None:
    tree = tree_of(built, tag)
    info = docbook.read_info(tree)
    reader = pypdf.PdfReader(built / f"{DOC}.{tag}.pdf")
    outline = reader.outline
    sections = [docbook.text_of(t) for t in tree.iter(docbook.DB + "title")
                if t.getparent().tag == docbook.DB + "section"]  # type: ignore[union-attr]
    assert outline[0].title == info.title  # type: ignore[union-attr]
    assert [item.title for item in outline[1]] == sections  # type: ignore[union-attr]
    meta: Any = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author, meta["/Keywords"]) == (info.title, "、".join(info.authors), info.subjects[0])
    assert meta["/CreationDate"].startswith("D:20260120")
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == tag and root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root


@pytest.mark.parametrize("tag", VARIANTS)
def test_pdf_meets_the_typesetting_rules(built: Path, tag: str) -> None:
    m = rc.typeset(built / f"{DOC}.{tag}.pdf")
    assert m["indent_lines"] >= 20 and m["indent_off_2em"] == 0 and abs(m["indent_em"] - 2) < 0.1
    assert m["bad_line_starts"] == [] and m["half_width_in_han"] == 0 and m["replacement_chars"] == 0
    assert m["regions"] == [REGION[tag]]
    assert m["flush_rate"] >= 0.95, "lines of Chinese text end flush (inter-character justification)"
    assert m["runts"] == [], "no last line of one character"


# The four longest corpus pages (by text).
LONG_PAGES = ("08_sxmu_supervision_law", "42_netease_5g_chip_power", "46_ifeng_girl_eye_paper", "82_bbc_belt_and_road")


# Both scripts and both papers, each long page in one of them (the seed: test_pdf_meets_the_typesetting_rules).
@pytest.mark.parametrize(("tag", "paper", "pages"), [("zh-Hans", "A4", LONG_PAGES[::2]),
                                                    ("zh-Hant-TW", "A5", LONG_PAGES[1::2])])
def test_long_pages_end_their_lines_flush_without_runts_and_with_the_text_layer_intact(
        tag: str, paper: str, pages: tuple[str, ...], tmp_path: Path) -> None:
    from pipeline import document

    for source in [CORPUS / f"{name}.txt" for name in pages]:
        tree = convert(document.from_file(source).tree, tag).tree
        out = renderer("pdf").render(tree, tmp_path / f"{source.stem}.pdf", variant=variant(tag),
                                     config=Config(paper=paper))
        m = rc.typeset(out)
        assert m["flush_rate"] >= 0.95 and m["full_lines"] >= 30, (source.stem, m["flush_rate"])
        assert m["bad_line_starts"] == [] and m["half_width_in_han"] == 0
        assert m["runts"] == [], (source.stem, m["runts"])
        sheet = PAPER[paper]
        assert rc.pdf_body_text(out, top_mm=sheet.top_mm, bottom_mm=sheet.bottom_mm) == rc.xml_text_in_reading_order(
            tree), "nothing inserted to justify"


@pytest.mark.parametrize("tag", VARIANTS)
def test_the_pdfs_text_has_no_space_where_the_han_latin_gap_is_drawn(built: Path, tag: str) -> None:
    import re
    import subprocess

    from pipeline.chinese import HAN_CLASS

    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(built / f"{DOC}.{tag}.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout.replace("\n", "")
    xml = rc.xml_text_in_reading_order(tree_of(built, tag), keep_spaces=True)
    gap = re.compile(rf"[{HAN_CLASS}] +[A-Za-z0-9]|[A-Za-z0-9%] +[{HAN_CLASS}]")
    assert "2025年" in text and "2025 年" not in text
    assert len(re.findall(rf"[{HAN_CLASS}][A-Za-z0-9]|[A-Za-z0-9%][{HAN_CLASS}]", text)) >= 20
    assert sorted(gap.findall(text)) == sorted(gap.findall(xml)), "only the spaces of the text itself"


def test_latin_words_and_numbers_keep_their_letter_spacing(tmp_path: Path) -> None:
    import pdfplumber

    tree = tree_of_golden()
    para = tree.find(docbook.DB + "para")
    assert para is not None
    para.text = "华为发布Mate手机，型号为ABCDEF与2025年的新品相比，" * 6
    out = renderer("pdf").render(tree, tmp_path / "x.pdf", variant=variant("zh-Hans"), config=Config())
    with pdfplumber.open(out) as pdf:
        chars = pdf.pages[0].chars
    text = "".join(c["text"] for c in chars)
    start = text.find("ABCDEF")
    word = chars[start : start + 6]
    assert all(abs(b["x0"] - a["x1"]) < 0.05 for a, b in itertools.pairwise(word)), "no space inside a word"


def test_a_character_the_fonts_lack_is_named_instead_of_an_empty_box(tmp_path: Path) -> None:
    tree = tree_of_golden()
    para = tree.find(docbook.DB + "para")
    assert para is not None
    para.text = "私用区字符\ue000在此。"
    with pytest.raises(RenderError, match=r"no installed font has a glyph for \ue000 \(U\+E000\)"):
        renderer("pdf").render(tree, tmp_path / "x.pdf", variant=variant("zh-Hans"), config=Config())
    assert not (tmp_path / "x.pdf").exists()


def test_symbols_emoji_and_rare_ideographs_come_from_the_fallback_faces(tmp_path: Path) -> None:
    tree = tree_of_golden()
    para = tree.find(docbook.DB + "para")
    assert para is not None
    para.text = "箭头➨替换字符\ufffd表情😀生僻字𠀀𪜀数学∮结束。"
    out = renderer("pdf").render(tree, tmp_path / "x.pdf", variant=variant("zh-Hans"), config=Config())
    names = " ".join(name for name, _ in rc.pdf_fonts(out))
    for face in ("DejaVu-Sans", "Noto-Color-Emoji", "HanaMinB", "Noto-Serif-CJK-SC"):
        assert face in names
    assert "箭头➨替换字符\ufffd表情😀生僻字𠀀𪜀数学∮结束。" in rc.pdf_body_text(out)


def test_a5_paper_and_nothing_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    tree = tree_of_golden()
    with caplog.at_level("WARNING", logger="weasyprint"):
        out = renderer("pdf").render(tree, tmp_path / "a5.pdf", variant=variant("zh-Hans"), config=Config(paper="A5"))
    assert [r.getMessage() for r in caplog.records if r.name == "weasyprint" and r.levelname != "INFO"] == []
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert (round(float(box.width) / rc.MM), round(float(box.height) / rc.MM)) == (148, 210)
    assert rc.typeset(out)["indent_off_2em"] == 0


@pytest.mark.usefixtures("no_fonts")
def test_missing_fonts_are_a_clear_requirement_error() -> None:
    with pytest.raises(RequirementError, match="Noto Serif CJK TC, Noto Sans CJK TC is not installed"):
        renderer("pdf").check(variant("zh-Hant-TW"))


# DOCX ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", VARIANTS)
def test_docx_headings_text_and_core_properties(built: Path, tag: str) -> None:
    tree = tree_of(built, tag)
    info = docbook.read_info(tree)
    document = docx.Document(str(built / f"{DOC}.{tag}.docx"))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    body = [p.text for p in document.paragraphs
            if p.style is not None and p.style.name in ("Body Text", "First Paragraph")]
    sections = [docbook.text_of(t) for t in tree.iter(docbook.DB + "title")
                if t.getparent().tag == docbook.DB + "section"]  # type: ignore[union-attr]
    paras = [docbook.text_of(p) for p in tree.iter(docbook.DB + "para")
             if p.getparent().tag != docbook.DB + "abstract"]  # type: ignore[union-attr]
    assert headings == sections and body == paras
    titled = [p.text for p in document.paragraphs if p.style is not None and p.style.name in ("Title", "Subtitle")]
    assert titled == [info.title, info.subtitle]
    core = document.core_properties
    assert (core.title, core.author, core.subject) == (info.title, "、".join(info.authors), info.subjects[0])
    assert core.created is not None and core.created.isoformat().startswith("2026-01-19T23:27:03")


@pytest.mark.parametrize("tag", VARIANTS)
def test_docx_names_the_east_asian_faces_language_and_indent(built: Path, tag: str) -> None:
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    styles = rc.docx_xml(built / f"{DOC}.{tag}.docx", "word/styles.xml")
    region = REGION[tag]
    defaults = styles.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr")
    assert defaults is not None
    assert defaults.find(f"{w}rFonts").get(f"{w}eastAsia") == f"Noto Serif CJK {region}"  # type: ignore[union-attr]
    assert defaults.find(f"{w}lang").get(f"{w}eastAsia") == DOCX_LANG[tag]  # type: ignore[union-attr]
    by_id = {s.get(f"{w}styleId"): s for s in styles.findall(f"{w}style")}
    assert by_id["BodyText"].find(f"{w}pPr/{w}ind").get(f"{w}firstLineChars") == "200"  # type: ignore[union-attr]
    heading = by_id["Heading1"].find(f"{w}rPr/{w}rFonts")
    assert heading is not None and heading.get(f"{w}eastAsia") == f"Noto Sans CJK {region}"
    text = etree.tostring(styles).decode()
    assert not any(f"CJK {other}" in text for other in OTHER_REGIONS[region])


@pytest.mark.skipif(rc.libreoffice() is None, reason="LibreOffice is not installed (make test installs it)")
@pytest.mark.parametrize("tag", VARIANTS)
def test_libreoffice_prints_the_docx_in_the_regions_faces(built: Path, tag: str, tmp_path: Path) -> None:
    pdf = rc.libreoffice_convert(built / f"{DOC}.{tag}.docx", "pdf", tmp_path)
    names = [name for name, _ in rc.pdf_fonts(pdf)]
    assert any("NotoSerifCJK" in n for n in names) and any("NotoSansCJK" in n for n in names)
    assert not any(n.split("+")[-1].startswith(("DejaVu", "Droid", "Liberation")) for n in names), names
    votes = [v for v in rc.region_votes(pdf) if v]
    region = REGION[tag]
    assert len(votes) > 50
    assert all(region in v for v in votes), "every character whose glyph differs shows the region's form"
    assert any(v == {region} for v in votes) or region == "SC"


# Safety and reproducibility ---------------------------------------------------------------------------

HOSTILE = """首页 > 测试
恶意内容测试页面
发布时间：2024-01-01 10:00
正文里有标记<img src="file:///etc/passwd"/>和<link rel="attachment" href="file:///etc/passwd">，还有<a href="http://127.0.0.1:9/x">链接</a>。
还有<style>@import url(http://127.0.0.1:9/a.css);</style>和![图](file:///etc/passwd)与[链接](http://127.0.0.1:9/)。
来源：测试
"""


def test_markup_and_urls_in_the_text_are_printed_as_text_and_nothing_is_fetched(tmp_path: Path) -> None:
    seed = tmp_path / "hostile.txt"
    seed.write_text(HOSTILE, "utf-8")
    pdf_renderer = REGISTRY["pdf"]
    blocked_before = len(pdf_renderer.blocked)  # type: ignore[attr-defined]
    config = Config(out=tmp_path / "out", variants=("zh-Hans",), jobs=1)
    result = build.build_document(seed, config)
    assert result.error is None, result.error
    folder = tmp_path / "out" / "hostile"
    pdf = folder / "hostile.zh-Hans.pdf"
    text = rc.pdf_body_text(pdf)
    assert 'src="file:///etc/passwd"' in text and "http://127.0.0.1:9/x" in text
    root: Any = pypdf.PdfReader(pdf).trailer["/Root"]
    assert "/EmbeddedFiles" not in root.get("/Names", {})
    assert len(pdf_renderer.blocked) == blocked_before  # type: ignore[attr-defined]
    passwd = Path("/etc/passwd").read_bytes()[:20]
    for ext in ("epub", "docx"):
        with zipfile.ZipFile(folder / f"hostile.zh-Hans.{ext}") as package:
            names = package.namelist()
            assert all(not n.endswith(("passwd", ".css")) or "styles" in n for n in names)
            assert all(passwd not in package.read(n) for n in names)
            content = b"".join(package.read(n) for n in names if n.endswith((".xhtml", ".xml")))
            assert b"file:///etc/passwd" in content  # kept as text
            assert b'<img src="file:' not in content and b'<link rel="attachment"' not in content


def test_weasyprint_fetcher_blocks_everything_but_stylesheets(tmp_path: Path) -> None:
    from pipeline.render.common import STYLESHEETS
    from pipeline.render.pdf import _fetcher

    blocked: list[str] = []
    fetcher = _fetcher(blocked, (STYLESHEETS,))
    escapes = [STYLESHEETS.resolve().as_uri() + "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",  # encoded ..
               STYLESHEETS.resolve().as_uri() + "/../../../../etc/passwd", "file://otherhost/etc/passwd"]
    urls = ("file:///etc/passwd", "http://127.0.0.1:9/x.css", "https://example.org/a.png", *escapes)
    for url in urls:
        with pytest.raises(ValueError, match="not fetched"):
            fetcher.fetch(url)
    assert blocked == list(urls)
    assert fetcher.fetch((STYLESHEETS / "print.css").resolve().as_uri()) is not None


def test_two_builds_are_byte_identical(tmp_path: Path, built: Path) -> None:
    config = Config(seeds=SEEDS, out=tmp_path / "again", variants=VARIANTS, jobs=1)
    assert not build.run(config, [SEED]).failed
    for tag in VARIANTS:
        for ext in ("xml", "epub", "pdf", "docx"):
            name = f"{DOC}.{tag}.{ext}"
            assert (built / name).read_bytes() == (tmp_path / "again" / DOC / name).read_bytes(), name


def test_source_date_epoch_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    tree = tree_of_golden()
    out = renderer("epub").render(tree, tmp_path / "a.epub", variant=variant("zh-Hans"), config=Config())
    assert b"2023-11-14T22:13:20Z" in zipfile.ZipFile(out).read("EPUB/content.opf")


def tree_of_golden() -> etree._Element:
    return docbook.parse((TESTS / "golden" / f"{DOC}.zh-Hans.xml").read_bytes())


def test_report_lists_the_ambiguous_characters(built: Path) -> None:
    report = json.loads((built / "report.json").read_text("utf-8"))
    spots = report["variants"]["zh-Hant-TW"]["ambiguous"]
    assert report["variants"]["zh-Hant-TW"]["opencc"] == "s2tw"
    assert any(s["char"] == "发" and s["chosen"] == "發" for s in spots)
    assert report["variants"]["zh-Hans"]["ambiguous"] == []


def test_hong_kong_variant_uses_hong_kong_faces_everywhere(tmp_path: Path) -> None:
    from pipeline.variants import convert

    tree = convert(tree_of_golden(), "zh-Hant-HK").tree
    chosen = variant("zh-Hant-HK")
    pdf = renderer("pdf").render(tree, tmp_path / "hk.pdf", variant=chosen, config=Config())
    names = " ".join(name for name, _ in rc.pdf_fonts(pdf))
    assert "Serif-CJK-HK" in names and not any(f"CJK-{r}" in names for r in ("SC", "TC", "JP", "KR"))
    epub = renderer("epub").render(tree, tmp_path / "hk.epub", variant=chosen, config=Config())
    css = zipfile.ZipFile(epub).read("EPUB/styles/stylesheet1.css").decode()
    assert "Noto Serif CJK HK" in css and "CJK TC" not in css
    document = renderer("docx").render(tree, tmp_path / "hk.docx", variant=chosen, config=Config())
    styles = etree.tostring(rc.docx_xml(document, "word/styles.xml")).decode()
    assert 'eastAsia="zh-HK"' in styles and "Noto Serif CJK HK" in styles and "CJK TC" not in styles


def test_adjacent_punctuation_is_set_half_width_where_the_region_compresses(tmp_path: Path) -> None:
    tree = tree_of_golden()
    para = tree.find(docbook.DB + "para")
    assert para is not None
    para.text = "围绕“盯住法”“管好钱”，坚持（一）、（二）。"
    html = xhtml.to_xhtml(tree)
    p = html.find(f".//{xhtml.H}main/{xhtml.H}p")
    assert p is not None
    halves = [s.text for s in p.iter(xhtml.H + "span")]
    assert halves == ["”", "”", "）", "、", "）"]  # the first of ”“ ”， ）、 、（ ）。
    assert "".join(str(t) for t in p.itertext()).replace(xhtml.WORD_JOINER, "") == para.text  # the text is unchanged
    taiwan = xhtml.to_xhtml(convert(tree, "zh-Hant-TW").tree)
    assert not list(taiwan.iter(xhtml.H + "span"))  # Taiwan practice keeps every mark full width
    out = renderer("pdf").render(tree, tmp_path / "x.pdf", variant=variant("zh-Hans"), config=Config())
    assert "围绕“盯住法”“管好钱”，坚持（一）、（二）。" in rc.pdf_body_text(out)


@pytest.mark.parametrize("tag", VARIANTS)
def test_the_docx_is_set_like_a_chinese_document(built: Path, tag: str, tmp_path: Path) -> None:
    path = built / f"{DOC}.{tag}.docx"
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    styles = {s.get(w + "styleId"): s for s in rc.docx_xml(path, "word/styles.xml").iter(w + "style")}
    body = styles["BodyText"]
    assert body.find(f"{w}pPr/{w}jc").get(w + "val") == "both"  # type: ignore[union-attr]
    spacing = body.find(f"{w}pPr/{w}spacing")
    assert spacing is not None and (spacing.get(w + "before"), spacing.get(w + "after")) == ("0", "0")
    for heading in ("Heading1", "Heading2", "Title"):
        assert styles[heading].find(f"{w}rPr/{w}color").get(w + "val") == "000000"  # type: ignore[union-attr]
    control = rc.docx_xml(path, "word/settings.xml").find(w + "characterSpacingControl")
    assert control is not None
    assert control.get(w + "val") == ("doNotCompress" if tag == "zh-Hant-TW" else "compressPunctuation")
    section = rc.docx_xml(path, "word/document.xml").find(f"{w}body/{w}sectPr")
    assert section is not None and section.find(w + "titlePg") is not None
    assert {r.get(w + "type") for r in section.iter(w + "footerReference")} == {"default", "first"}
    if rc.libreoffice() is None:
        return
    pdf_path = rc.libreoffice_convert(path, "pdf", tmp_path)
    assert rc.justified_share(pdf_path, body_size=12) >= 0.98
    pages = [page.extract_text() for page in pypdf.PdfReader(pdf_path).pages]
    info = docbook.read_info(tree_of(built, tag))
    assert pages[0].count(info.title.split()[0]) == 1  # the title block only: no running header on page 1
    assert pages[1].startswith(info.title.split()[0]) and pages[0].split()[-1] == "1"  # header, page number


@pytest.mark.parametrize("tag", VARIANTS)
def test_docx_is_laid_out_like_the_pdf(built: Path, tag: str, tmp_path: Path) -> None:
    info = docbook.read_info(tree_of(built, tag))
    path = built / f"{DOC}.{tag}.docx"
    document = docx.Document(str(path))
    (section,) = document.sections
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # type: ignore[union-attr]
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 31  # type: ignore[union-attr]
    assert [p.text for p in section.header.paragraphs] == [info.title]
    assert "PAGE" in section.footer._element.xml
    bylines = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Author"]
    assert bylines == [info.byline] and " · " in bylines[0]
    if rc.libreoffice() is not None:
        pdf = pypdf.PdfReader(rc.libreoffice_convert(path, "pdf", tmp_path))
        box = pdf.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
        first = pdf.pages[0].extract_text()
        written = first.replace(" ", "")  # LibreOffice spaces Han from digits in the text it extracts
        assert info.written_date and info.written_date in written and info.title.split()[0] in first
        assert pdf.pages[1].extract_text().split()[-1] == "2"  # the page number in the footer


def test_a5_docx_has_a5_paper(tmp_path: Path) -> None:
    out = renderer("docx").render(tree_of_golden(), tmp_path / "x.docx", variant=variant("zh-Hans"),
                                  config=Config(paper="A5"))
    (section,) = docx.Document(str(out)).sections
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (148, 210)  # type: ignore[union-attr]


VERTICAL_POSITIONS = """() => {
  const p = [...document.querySelectorAll("p")].find(e => e.textContent.length > 80);
  const node = [...p.childNodes].find(n => n.nodeType === 3 && n.length > 40);
  const range = document.createRange();
  const positions = [];
  for (let i = 0; i < node.length; i++) {
    range.setStart(node, i); range.setEnd(node, i + 1);
    const box = range.getBoundingClientRect();
    positions.push([box.x, box.y]);
  }
  return positions;
}"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")
@epub_checker.ON_ONE_WORKER
def test_a_vertical_epub_is_laid_out_top_to_bottom_right_to_left(tmp_path: Path, browser: Any) -> None:
    out = renderer("epub").render(tree_of_golden(), tmp_path / "v.epub", variant=variant("zh-Hans"),
                                  config=Config(vertical=True))
    assert epub_checker.check(out).valid
    with zipfile.ZipFile(out) as package:
        package.extractall(tmp_path / "book")
        opf = package.read("EPUB/content.opf").decode()
    assert 'page-progression-direction="rtl"' in opf and 'content="vertical-rl"' in opf
    chapter = sorted((tmp_path / "book" / "EPUB" / "text").glob("ch*.xhtml"))[1]
    text = chapter.read_text("utf-8")
    assert "「" in text and "“" not in text and '<span class="tcy">' in text
    book = "".join(p.read_text("utf-8") for p in (tmp_path / "book" / "EPUB" / "text").glob("ch*.xhtml"))
    assert '<span class="tcy">8</span>' in book and "1550" in book  # one or two digits upright, longer sideways
    page = browser.new_page(viewport={"width": 900, "height": 500})
    page.goto(chapter.as_uri())
    assert page.evaluate("getComputedStyle(document.documentElement).writingMode") == "vertical-rl"
    positions = page.evaluate(VERTICAL_POSITIONS)
    columns: list[list[tuple[float, float]]] = []
    for x, y in positions:
        if columns and abs(columns[-1][-1][0] - x) < 2:
            columns[-1].append((x, y))
        else:
            columns.append([(x, y)])
    assert len(columns) >= 2, "the paragraph takes more than one line"
    for column in columns:
        assert all(b[1] > a[1] for a, b in itertools.pairwise(column)), "characters run top to bottom"
    assert all(b[0][0] < a[0][0] for a, b in itertools.pairwise(columns)), "lines run right to left"


@pytest.mark.skipif(rc.libreoffice() is None, reason="LibreOffice is not installed (make test installs it)")
@pytest.mark.parametrize("tag", VARIANTS)
def test_a_vertical_docx_is_printed_top_to_bottom_by_libreoffice(tmp_path: Path, tag: str) -> None:
    import pdfplumber

    tree = convert(tree_of_golden(), tag).tree
    out = renderer("docx").render(tree, tmp_path / "v.docx", variant=variant(tag), config=Config(vertical=True))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    section = rc.docx_xml(out, "word/document.xml").find(f"{w}body/{w}sectPr")
    assert section is not None
    names = [etree.QName(child).localname for child in section]
    assert names[-4:] == ["pgSz", "pgMar", "titlePg", "textDirection"]  # in the schema's order
    assert section.find(f"{w}textDirection").get(f"{w}val") == "tbRl"  # type: ignore[union-attr]
    text = "".join(map(str, rc.docx_xml(out, "word/document.xml").itertext()))
    assert "「" in text and "“" not in text  # corner brackets, as vertical books set quotes
    pdf_path = rc.libreoffice_convert(out, "pdf", tmp_path)
    # A paragraph running onto the next page used to be printed over the lines before it there.
    assert rc.overlapping_glyphs(pdf_path) == 0
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) > 1
        chars = [c for c in pdf.pages[0].chars if "\u4e00" <= c["text"] <= "\u9fff" and c["size"] > 9]
    runs = sum(1 for a, b in itertools.pairwise(chars) if abs(a["x0"] - b["x0"]) < 1 and b["top"] > a["top"])
    assert runs > 0.8 * len(chars), "characters follow each other down a column"


def test_paragraph_ends_and_numbers_are_joined_for_print() -> None:
    join, nbsp = xhtml.WORD_JOINER, "\u00a0"
    assert xhtml.spaced("国家给予资助。") == f"国家给予资{join}助。"
    assert xhtml.spaced("价格为4971元）") == f"价格为 4971{nbsp}元）", "a number keeps its unit"
    assert xhtml.spaced("发布于2025年的Mate 60。") == f"发布于 2025{nbsp}年的 Mate 60。"
    assert xhtml.spaced("首款5G手机（样机）。") == f"首款 5G 手机（样{join}机）。"
    assert xhtml.spaced("支持iPhone。") == "支持 iPhone。", "a last word of two or more letters breaks nowhere"
    assert xhtml.spaced("共计 5。") == f"共计{nbsp}5。"
    assert xhtml.spaced("他们 说好。") == f"他们\u3000说{join}好。"


# A notice's signature ------------------------------------------------------------------------------

NOTICE_PAGE = TESTS / "data" / "notice" / "notice.txt"
SIGNATURE = ["示例市农业农村局", "2026年3月12日"]
ADDRESSEES = "各区县农业农村局，局属各单位："


def assert_set_flush_right(pdf: Path, lines: list[str]) -> None:
    """The lines end at the text block's right edge (where most of the body's lines end: full lines, a mark hung
    past the edge aside) and start well past the paragraphs' indent."""
    printed = rc.line_ends(pdf)
    body_size = max((size for *_, size in printed), key=[size for *_, size in printed].count)
    body = [(x0, x1) for text, x0, x1, size in printed if size == body_size]
    left = min(x0 for x0, _ in body)
    right = max({round(x1) for _, x1 in body}, key=lambda x: sum(abs(x1 - x) < 1 for _, x1 in body))
    found = [(x0, x1) for text, x0, x1, _ in printed if text in lines]
    assert len(found) == len(lines), (lines, printed)
    for x0, x1 in found:
        assert right - x1 <= 0.25 * body_size and x0 - left > 4 * body_size, (x0, x1, left, right)


def assert_set_flush_left(pdf: Path, line: str) -> None:
    """The line starts at the text block's left edge, where the paragraphs' indented first lines do not."""
    printed = rc.line_ends(pdf)
    body_size = max((size for *_, size in printed), key=[size for *_, size in printed].count)
    left = min(x0 for _, x0, _, size in printed if size == body_size)
    found = [x0 for text, x0, _, _ in printed if text == line]
    assert found and abs(found[0] - left) < 0.25 * body_size, (found, left)


@epub_checker.ON_ONE_WORKER
@pytest.mark.skipif(rc.libreoffice() is None, reason="LibreOffice is not installed (make test installs it)")
def test_a_notices_addressees_and_signature_are_set_apart_in_every_format(tmp_path: Path) -> None:
    """The issuer's name and the day under a notice end at the text block's right edge, unindented, and its
    addressees over the text start at its left edge, in the PDF, the DOCX (as LibreOffice prints it), the EPUB and
    the web page; the text between keeps its two-em indent."""
    config = Config(seeds=NOTICE_PAGE.parent, out=tmp_path, variants=("zh-Hans",), jobs=1)
    assert not build.run(config, [NOTICE_PAGE]).failed
    folder, name = tmp_path / "notice", "notice.zh-Hans"
    pdf = folder / f"{name}.pdf"
    assert_set_flush_right(pdf, SIGNATURE)
    assert_set_flush_left(pdf, ADDRESSEES)
    assert rc.typeset(pdf)["indent_off_2em"] == 0
    paragraphs = docx.Document(str(folder / f"{name}.docx")).paragraphs
    styled = {name: [p for p in paragraphs if p.style is not None and p.style.name == name]
              for name in ("Signature", "Salutation")}
    assert [p.text for p in styled["Signature"]] == SIGNATURE
    assert [p.text for p in styled["Salutation"]] == [ADDRESSEES]
    signed, addressed = styled["Signature"][0].style, styled["Salutation"][0].style
    assert signed is not None and addressed is not None
    assert signed.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert not signed.paragraph_format.first_line_indent and not addressed.paragraph_format.first_line_indent
    printed = rc.libreoffice_convert(folder / f"{name}.docx", "pdf", tmp_path)
    assert_set_flush_right(printed, SIGNATURE)
    assert_set_flush_left(printed, ADDRESSEES)
    for pdf_file in (pdf, printed):  # 2.报名表 under the first item's text: past 附件：, three characters
        lines = rc.line_ends(pdf_file)
        body_size = max((size for *_, size in lines), key=[size for *_, size in lines].count)
        starts = {text: x0 for text, x0, _, _ in lines}
        first = next(text for text in starts if text.startswith("附件"))
        assert starts["2.报名表"] - starts[first] == pytest.approx(3 * body_size, abs=0.25 * body_size), starts
    result = epub_checker.check(folder / f"{name}.epub")
    assert result.valid and result.messages == []
    with zipfile.ZipFile(folder / f"{name}.epub") as epub:
        chapters = "".join(epub.read(n).decode() for n in epub.namelist() if n.startswith("EPUB/text/ch"))
        css = epub.read("EPUB/styles/stylesheet1.css").decode()
    assert chapters.count('<div class="signature"') == 2 and chapters.count('<div class="salutation"') == 1
    assert chapters.count('<div class="attachment"') == 1
    assert "role=" not in chapters
    assert "div.signature p { text-indent: 0; text-align: right; }" in css and "div.salutation p" in css
    page = (folder / f"{name}.html").read_text("utf-8")
    assert [line for line in SIGNATURE if f'<p class="signature">{line}</p>' in page] == SIGNATURE
    assert f'<p class="salutation">{ADDRESSEES}</p>' in page


# Program code ---------------------------------------------------------------------------------------

CODE_PAGE = TESTS / "data" / "code" / "listing.txt"


@epub_checker.ON_ONE_WORKER
def test_program_code_is_set_as_code_in_every_format(tmp_path: Path) -> None:
    """A listing keeps its lines and indentation, in a fixed-width face (the region's sans for its Chinese),
    unindented and unjustified, while the text around it keeps the typesetting rules."""
    config = Config(seeds=CODE_PAGE.parent, out=tmp_path, variants=("zh-Hant-TW",), jobs=1)
    assert not build.run(config, [CODE_PAGE]).failed
    folder, name = tmp_path / "listing", "listing.zh-Hant-TW"
    pdf = folder / f"{name}.pdf"
    names = " ".join(font for font, _ in rc.pdf_fonts(pdf))
    assert "DejaVu-Sans-Mono" in names and "Sans-CJK-TC" in names, names
    assert not any(f"CJK-{other}" in names for other in OTHER_REGIONS["TC"]), names
    lines = pypdf.PdfReader(pdf).pages[0].extract_text().splitlines()
    assert "response.encoding = response.apparent_encoding" in [line.strip() for line in lines]
    m = rc.typeset(pdf)
    assert m["indent_off_2em"] == 0 and m["bad_line_starts"] == [] and m["regions"] == ["TC"]
    result = epub_checker.check(folder / f"{name}.epub")
    assert result.valid and result.messages == []
    with zipfile.ZipFile(folder / f"{name}.epub") as epub:
        chapter = next(n for n in epub.namelist() if n.endswith("ch001.xhtml"))
        assert epub.read(chapter).decode().count("<pre") == 2
    code = [p for p in docx.Document(str(folder / f"{name}.docx")).paragraphs
            if p.style is not None and p.style.name == "SourceCode"]
    assert [p.text.splitlines()[0] for p in code] == ["import requests", "if (text == null) {"]
    assert code[0].style is not None
    style = code[0].style.paragraph_format
    assert style.alignment == WD_ALIGN_PARAGRAPH.LEFT and not style.first_line_indent
    page = (folder / f"{name}.html").read_text("utf-8")
    assert page.count("<pre>") == 2 and "    return &quot;&quot;;" not in page and '    return "";' in page
