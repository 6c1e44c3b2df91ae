"""HTML pages as input: the same cleaning over their visible text, the head as evidence, bad pages refused."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import lxml.etree
import lxml.html
import pdfplumber
import pypdf
import pytest

from pipeline import docbook, document, html_page
from pipeline.build import run
from pipeline.clean.read.values import iso_date
from pipeline.clean.stages.page import headline_line
from pipeline.clean.tagger.page import Page
from pipeline.clean.types import Draft, Head, Line, Metadata, Report
from pipeline.cli import main
from pipeline.config import Config
from pipeline.docbook import DB
from pipeline.errors import InputError
from tests import epub_checker
from tests.conftest import TESTS

HTML = TESTS / "data" / "html"
REAL = HTML / "101_newssc_bb91803c.html"  # a page of a training site (tests/data/html/README.md)
REAL_TEXT = TESTS / "data" / "imported" / "101_newssc_bb91803c.txt"  # its text rendering, as imported
HEAD = HTML / "head_evidence.html"


def body(doc: document.Document) -> list[str]:
    return [docbook.text_of(p) for p in doc.tree.iter(docbook.DB + "para")]


def test_an_html_page_is_cleaned_as_its_text_rendering() -> None:
    page = document.from_file(REAL)
    text = document.from_file(REAL_TEXT)
    assert page.id == "101_newssc_bb91803c" and page.report.kind == "html"
    title = docbook.read_info(page.tree).title
    assert title == docbook.read_info(text.tree).title == "权威人士谈我国南极考察队直升机失事"
    assert body(page) == body(text) and len(body(page)) >= 5
    assert "不可见" not in docbook.serialize(document.from_file(HEAD).tree).decode(), "scripts are not text"


def test_an_article_the_pages_script_shows_is_cleaned_not_refused() -> None:
    """A WeChat article as a scraper fetches it: its text hidden until the page's script shows it."""
    page = document.from_file(HTML / "script_revealed_article.html")
    info = docbook.read_info(page.tree)
    assert info.title == "城南社区推出“一站式”养老服务，老人们点赞"
    paragraphs = body(page)
    assert paragraphs[0] == "近日，" and paragraphs[-1] == "让更多老人乐享晚年" and len(paragraphs) >= 8
    assert any(p.startswith("“以前中午饭常常凑合") for p in paragraphs)
    assert not any("扫一扫" in p or "阅读原文" in p for p in paragraphs)


def test_an_html_page_is_read_by_the_model_for_html_pages_with_what_its_markup_says() -> None:
    page = html_page.read(REAL.read_bytes())
    assert len(page.dom) == page.text.count("\n") + 1
    hints = dict(zip(page.text.split("\n"), page.dom, strict=True))
    title = hints["权威人士谈我国南极考察队直升机失事"]
    assert title is not None and title.title == "near"  # its <div id="main_left_title">
    assert document.from_file(REAL).report.model == "line-tagger-html.zip"
    assert document.from_file(REAL_TEXT).report.model == "line-tagger.zip"


def test_a_line_the_markup_marks_as_a_caption_is_no_paragraph(tmp_path: Path) -> None:
    """A <figcaption> that reads as a short sentence of text (市民在新建成的步道上健身。) is the picture's caption, not
    a paragraph, whatever the model, trained on pages whose captions stand in plain blocks, says of it."""
    caption = "市民在新建成的步道上健身。"
    paragraphs = ["城东新建的健身步道昨日正式开放，全长三公里，沿途设有休息区和健身器材，附近居民纷纷前来体验。",
                  "据介绍，步道采用透水材料铺设，雨天不积水，夜间有照明，方便市民早晚锻炼。",
                  "市园林部门表示，今年还将在城西和城北各建一条步道，让更多市民就近健身。"]
    page = tmp_path / "trail.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>城东健身步道开放</title></head><body>"
        "<nav><a href='/'>首页</a> <a href='/news'>新闻</a></nav><article><h1>城东健身步道开放</h1>"
        "<div class='date'>2024-04-18 10:30</div>"
        f"<p>{paragraphs[0]}</p><figure><img src='trail.jpg' alt='{caption}'><figcaption>{caption}</figcaption>"
        f"</figure><p>{paragraphs[1]}</p><p>{paragraphs[2]}</p></article><footer>版权所有</footer></body></html>",
        encoding="utf-8")
    doc = document.from_file(page)
    assert body(doc) == paragraphs
    assert [d.by for d in doc.report.lines if d.label == "caption"] == ["marked_caption"]


def test_a_line_printing_the_alt_text_of_the_picture_over_it_is_its_caption(tmp_path: Path) -> None:
    """A gallery prints each picture's words under it in a plain block (<img alt="导弹车出营。"> / <div>导弹车出营。
    </div>): a caption, not the article's text; a line with other words under a picture stays text."""
    paragraphs = ["城东新建的健身步道昨日正式开放，全长三公里，沿途设有休息区和健身器材，附近居民纷纷前来体验。",
                  "据介绍，步道采用透水材料铺设，雨天不积水，夜间有照明，方便市民早晚锻炼。",
                  "市园林部门表示，今年还将在城西和城北各建一条步道，让更多市民就近健身。"]
    gallery = ["市民在步道上跑步。", "步道旁的休息区。", "夜间照明的步道。"]
    pictures = "".join(f"<div><div><img src='p{k}.jpg' alt='{alt}'></div><div class='name'>{alt}</div></div>"
                       for k, alt in enumerate(gallery))
    page = tmp_path / "gallery.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>城东健身步道开放</title></head><body><article>"
        f"<h1>城东健身步道开放</h1><div class='date'>2024-04-18 10:30</div><p>{paragraphs[0]}</p>{pictures}"
        f"<p>{paragraphs[1]}</p><div><img src='q.jpg' alt='步道'></div><p>{paragraphs[2]}</p></article></body></html>",
        encoding="utf-8")
    read = html_page.read(page.read_bytes())
    hints = dict(zip(read.text.split("\n"), read.dom, strict=True))
    assert [getattr(hints[alt], "element", None) for alt in gallery] == ["caption"] * 3
    assert getattr(hints[paragraphs[2]], "element", None) == "p"
    assert body(document.from_file(page)) == paragraphs


@pytest.mark.parametrize("charset", ["gb2312", "gbk", "GB18030"])
def test_a_page_declared_in_a_legacy_charset_reads_as_its_utf8_copy(tmp_path: Path, charset: str) -> None:
    source = REAL.read_bytes().decode("utf-8").replace("charset=utf-8", f"charset={charset}")
    legacy = tmp_path / "legacy.html"
    legacy.write_bytes(source.encode("gb18030"))
    doc = document.from_file(legacy)
    assert doc.report.encoding == "gb18030" and body(doc) == body(document.from_file(REAL))


def test_the_head_fills_what_the_text_does_not_say_and_the_report_names_where_from() -> None:
    doc = document.from_file(HEAD)
    info = docbook.read_info(doc.tree)
    assert info.title == "市民公园新增两处健身步道"
    assert info.authors == ("王晓明",), "the JSON-LD author; the site's name in the author meta is not a person"
    assert (info.date or "").startswith("2024-05-06") and info.publisher == "示例新闻网"
    assert set(doc.report.from_head) == {"title", "authors", "published", "publisher"}
    assert [c.by for c in doc.report.lines if c.label == "title"] == ["head_title"]
    assert doc.report.as_json()["input"] == "html"
    headings = [docbook.text_of(t) for t in doc.tree.iter(docbook.DB + "title")][1:]
    assert headings == ["夜间照明同步升级"]


def test_the_text_wins_over_the_head() -> None:
    credits = "<p>2024年5月7日 来源：城市晚报 作者：李红</p>"
    source = HEAD.read_text("utf-8").replace("</h1>", f"</h1>\n{credits}")
    doc = document.from_bytes(source.encode(), name="page.html")
    info = docbook.read_info(doc.tree)
    assert (info.date or "").startswith("2024-05-07") and info.authors == ("李红",)
    assert "published" not in doc.report.from_head and "authors" not in doc.report.from_head


def test_an_editor_the_page_credits_is_no_author_from_the_head() -> None:
    """A site that fills the author meta with its editor's name: one of the names of the editors' credit as printed
    (（编辑：王晓明 李红）) is no author."""
    source = HEAD.read_text("utf-8").replace("</article>", "<p>（编辑：王晓明 李红）</p>\n</article>")
    info = docbook.read_info(document.from_bytes(source.encode(), name="page.html").tree)
    assert (info.authors, info.editors) == ((), ("王晓明 李红",))


def test_a_content_systems_meta_tags_give_the_headline_the_date_and_the_outlet() -> None:
    """A government portal's TRS meta tags (ArticleTitle with its subtitle in markup, PubDate, ContentSource) and a
    news system's (publishdate, source, itemprop datePublished) fill what the text does not print."""
    source = HEAD.read_text("utf-8")
    start, end = source.index("<title>"), source.index("</script>") + len("</script>")
    trs = ('<title>示例市人民政府</title><meta name="ArticleTitle" content="市民公园新增两处健身步道<div>——城市更新'
           '</div>"><meta name="PubDate" content="2022-02-11 09:52"><meta name="ContentSource" content="示例日报">')
    doc = document.from_bytes((source[:start] + trs + source[end:]).encode(), name="page.html")
    info = docbook.read_info(doc.tree)
    assert (info.title, info.source) == ("市民公园新增两处健身步道", "示例日报")
    assert doc.tree.findtext(f"{DB}info/{DB}pubdate") == "2022-02-11T09:52:00+08:00"
    assert {"published", "source"} <= set(doc.report.from_head)
    assert [c.by for c in doc.report.lines if c.label == "title"] == ["head_title"]
    news = ('<title>示例新闻网</title><meta itemprop="datePublished" content="2012-01-17 08:04">'
            '<meta name="source" content="http://example.com/">')
    doc = document.from_bytes((source[:start] + news + source[end:]).encode(), name="page.html")
    assert doc.tree.findtext(f"{DB}info/{DB}pubdate") == "2012-01-17T08:04:00+08:00"
    assert docbook.read_info(doc.tree).source is None, "a web address names no outlet"


@pytest.mark.parametrize("mark", ['<time itemprop="datePublished" datetime="2024-05-07T09:00:00+08:00">昨天</time>',
                                  '<time pubdate datetime="2024-05-07T09:00:00+08:00">昨天</time>',
                                  '<span itemprop="datePublished" content="2024-05-07T09:00:00+08:00">昨天</span>'])
def test_a_date_the_bodys_markup_marks_as_published_fills_an_undated_text(mark: str) -> None:
    """Microdata's itemprop="datePublished" or HTML's <time pubdate> beside a relative date (昨天) the text cannot
    read."""
    meta = '<meta property="article:published_time" content="2024-05-06T08:30:00+08:00">'
    source = HEAD.read_text("utf-8").replace(meta, "").replace("</h1>", f"</h1>\n<p>{mark}</p>")
    doc = document.from_bytes(source.encode(), name="page.html")
    assert doc.tree.findtext(f"{DB}info/{DB}pubdate") == "2024-05-07T09:00:00+08:00"
    assert "published" in doc.report.from_head


def test_an_author_the_bodys_markup_marks_fills_an_uncredited_text() -> None:
    """Microdata's itemprop="author" with its name in a <meta> inside: evidence as the head's author is."""
    mark = '<span itemprop="author" itemscope><meta itemprop="name" content="李红"></span>'
    source = HEAD.read_text("utf-8")
    start, end = source.index('<script type="application/ld+json">'), source.index("</script>") + len("</script>")
    source = (source[:start] + source[end:]).replace("</h1>", f"</h1>\n<p>{mark}</p>")
    doc = document.from_bytes(source.encode(), name="page.html")
    assert docbook.read_info(doc.tree).authors == ("李红",) and "authors" in doc.report.from_head


def test_broken_or_empty_head_evidence_is_passed_over() -> None:
    source = HEAD.read_text("utf-8")
    start, end = source.index('<script type="application/ld+json">'), source.index("</script>") + len("</script>")
    cut = '<script type="application/ld+json">{"@type": "NewsArticle", "author": [</script>'
    broken = source[:start] + cut + source[end:]
    broken = broken.replace('content="2024-05-06T08:30:00+08:00"', 'content="not a date"')
    doc = document.from_bytes(broken.encode(), name="page.html")
    info = docbook.read_info(doc.tree)
    assert info.authors == () and info.date is None and "published" not in doc.report.from_head


def test_a_saved_page_named_txt_is_read_as_html() -> None:
    assert html_page.is_html("page.txt", b"\xef\xbb\xbf  <!-- saved --> <!DOCTYPE html><html>")
    assert not html_page.is_html("page.txt", "<小标题>正文".encode())
    doc = document.from_bytes(HEAD.read_bytes(), name="saved.txt")
    assert doc.report.kind == "html" and docbook.read_info(doc.tree).title == "市民公园新增两处健身步道"


@pytest.mark.parametrize(("data", "message"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "not an HTML page"),
    (b"<html><body>" + b"<div>" * 300 + "深".encode() + b"</div>" * 300 + b"</body></html>", "nested 255 deep"),
    (b"<html><head><title>x</title></head><body><script>var a;</script></body></html>", "shows no text"),
    (b"   ", "file"),
], ids=["binary", "deeply-nested", "no-text", "empty"])
def test_bad_html_is_one_line_naming_the_file(tmp_path: Path, data: bytes, message: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "bad.html"
    page.write_bytes(data)
    with pytest.raises(InputError, match=message):
        document.from_file(page)
    assert main(["clean", str(page)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.html" in err and "Traceback" not in err


def test_an_html_page_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_bytes(b"<html><body>" + "<p>正文</p>".encode() * 20000 + b"</body></html>")
    with pytest.raises(InputError, match="limit"):
        document.from_file(page, max_bytes=100_000)


def test_clean_on_the_command_line_reads_html(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pipeline", "clean", str(HEAD), "--report", str(tmp_path / "r.json")]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "<title>市民公园新增两处健身步道</title>" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert report["input"] == "html"
    assert report["from_head"]["authors"] == "meta author, json-ld author or the body's itemprop=author"


def test_explain_shows_the_lines_of_an_html_pages_visible_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(TABLE), "--explain"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out[: out.index("title candidates")].splitlines()]
    classed = {int(row[0]): row[1:] for row in rows if len(row) >= 3 and row[0].isdigit()}
    assert classed[4][0] == "title" and classed[4][-1].startswith("我市发布一季度")
    assert classed[1][-1] == "首页" and not any("<" in " ".join(row) for row in classed.values()), "no tags"
    assert "h1" in classed[4] and "links:all" in classed[1]  # what the markup says of each line, in words


@pytest.fixture(scope="module")
def every_format(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """HTML seeds (a saved page with its photo, a page with a head, a real page, a page with a table) beside a text
    seed, built in one run into every format, Simplified and Traditional (Taiwan)."""
    seeds = tmp_path_factory.mktemp("html") / "seeds"
    saved_page(seeds)  # seeds/page.html with the photo beside it
    (seeds / "park.html").write_bytes(HEAD.read_bytes())
    (seeds / "newssc.htm").write_bytes(REAL.read_bytes())
    (seeds / "text.txt").write_bytes(REAL_TEXT.read_bytes())
    (seeds / "table.html").write_bytes(TABLE.read_bytes())
    out = seeds.parent / "dist"
    summary = run(Config(seeds=seeds, out=out, variants=("zh-Hans", "zh-Hant-TW"), jobs=2))
    assert not summary.failed, summary.failed
    return out


@pytest.mark.slow
@epub_checker.ON_ONE_WORKER  # with the other EPUB checks; one build of `every_format` for both
def test_an_html_seed_builds_into_every_format_and_variant_beside_a_text_seed(every_format: Path) -> None:
    out = every_format
    for name in ("page", "park", "newssc", "text", "table"):
        made = sorted(p.name for p in (out / name).iterdir() if not p.name.startswith("."))
        outputs = [f"{name}.{tag}.{ext}" for tag in ("zh-Hans", "zh-Hant-TW")
                   for ext in ("xml", "html", "epub", "pdf", "docx")]
        assert made == sorted([*outputs, f"{name}.thumb.webp", "index.html", "report.json"]), made
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert {d["document"] for d in manifest["documents"]} == {"page", "park", "newssc", "text", "table"}
    assert json.loads((out / "park" / "report.json").read_text("utf-8"))["input"] == "html"
    for tag in ("zh-Hans", "zh-Hant-TW"):  # the photo in every format, the EPUB as EPUBCheck wants it
        epub = out / "page" / f"page.{tag}.epub"
        assert epub_checker.check(epub).valid
        assert [n for n in zipfile.ZipFile(epub).namelist() if n.endswith(".jpg") and "cover" not in n]
        package = zipfile.ZipFile(out / "page" / f"page.{tag}.docx")
        assert [n for n in package.namelist() if n.startswith("word/media/")]
        styles = docx.Document(str(out / "page" / f"page.{tag}.docx")).styles
        caption = styles["Image Caption"]  # pandoc's caption style, based on Caption: centred and upright
        assert caption.base_style is not None and caption.base_style.paragraph_format.alignment == 1
        assert not caption.base_style.font.italic and "新建成的健身步道" in package.read("word/document.xml").decode()
        images = [image for p in pypdf.PdfReader(out / "page" / f"page.{tag}.pdf").pages for image in p.images]
        assert len(images) == 1 and images[0].image is not None and images[0].image.size == (640, 360)
        web = lxml.html.fromstring((out / "page" / f"page.{tag}.html").read_text("utf-8"))
        shown = web.findall(".//figure/img")  # the web page carries its photo inside, and the caption
        assert len(shown) == 1 and str(shown[0].get("src")).startswith("data:image/jpeg;base64,")
        assert "健身步道" in str(web.findtext(".//figure/figcaption"))


def test_the_headline_the_title_names_is_the_title_not_the_site_name_before_it() -> None:
    title = "<title>示例新闻网都市频道 - 市民公园新增两处健身步道</title>"
    source = HEAD.read_text("utf-8").replace("<title>市民公园新增两处健身步道_城市频道_示例新闻网</title>", title)
    source = source.replace('<script type="application/ld+json">', '<script type="text/plain">')
    source = source.replace("<nav>", "<div>示例新闻网都市频道</div>\n<div>正有 2 人评论 我来说两句</div>\n<nav>")
    doc = document.from_bytes(source.encode(), name="page.html")
    assert docbook.read_info(doc.tree).title == "市民公园新增两处健身步道"
    assert doc.report.from_head["title"] == "the line the head names as the headline"


SITE_NAMED = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某县人民政府</title>{json_ld}</head><body>
<table><tr><td>某某县人民政府</td></tr><tr><td>首页 | 政务公开 | 政务服务 | 互动交流</td></tr></table>
<table><tr><td class="title">关于做好2025年冬春季森林防火工作的通知</td></tr>
<tr><td class="info">发布时间：2024-11-20 10:15 来源：县应急管理局 浏览次数：1532</td></tr>
<tr><td class="content"><p>当前已进入冬春季森林防火紧要期，为切实做好森林防火工作，现将有关事项通知如下。</p>
<p>各乡镇要落实属地管理责任，明确专人负责辖区内森林防火工作，做到守土有责、守土尽责。</p></td></tr></table>
</body></html>"""


def test_a_head_naming_the_pages_first_line_the_site_name_gives_way_to_the_likelier_headline() -> None:
    """A government site's <title> is its name on every page, printed as the page's first line: the headline the
    ranker finds under it, over the date and the source, is the title."""
    doc = document.from_bytes(SITE_NAMED.format(json_ld="").encode(), name="page.html")
    assert docbook.read_info(doc.tree).title == "关于做好2025年冬春季森林防火工作的通知"


def test_a_head_naming_a_menus_link_gives_way_to_the_likelier_headline() -> None:
    """A section's page whose <title> is the section's name (我要投稿-某某校友网), printed as a link of the menu: the
    ranker all but rules that line out and finds the headline over the date: that is the title."""
    source = SITE_NAMED.format(json_ld="")
    source = source.replace("<title>某某县人民政府</title>", "<title>我要投稿-某某校友网</title>")
    source = source.replace("<tr><td>首页 | 政务公开 | 政务服务 | 互动交流</td></tr>",
                            "<tr><td><ul><li><a>首页</a></li><li><a>校友动态</a></li><li><a>我要投稿</a></li>"
                            "<li><a>联系我们</a></li></ul></td></tr>")
    doc = document.from_bytes(source.encode(), name="page.html")
    assert docbook.read_info(doc.tree).title == "关于做好2025年冬春季森林防火工作的通知"


def test_a_heads_time_in_another_zone_is_the_same_moment_in_the_pages_own() -> None:
    """JSON-LD's datePublished in UTC (…Z) is read at the same moment at +08:00 (it was taken as a time at +08:00,
    eight hours early), where the text prints no date."""
    json_ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-11-19T23:45:00Z"}'
               "</script>")
    source = SITE_NAMED.format(json_ld=json_ld).replace("发布时间：2024-11-20 10:15 ", "")
    doc = document.from_bytes(source.encode(), name="page.html")
    assert docbook.read_info(doc.tree).published == "2024-11-20T07:45:00+08:00"
    assert iso_date("2024-11-20T01:45:00.000-0500") == "2024-11-20T14:45:00+08:00"
    assert iso_date("2024-11-20 08:00:00") == "2024-11-20T08:00:00+08:00"


@pytest.mark.parametrize(("title", "expected"), [
    ("市民公园新增两处健身步道 夜间照明同步开放_城市频道_示例新闻网", "市民公园新增两处健身步道 夜间照明同步开放"),
    ("市民公园新增两处健身步道_城市频道_示例新闻网", "市民公园新增两处健身步道"),  # the line under it no part of it
])
def test_a_headline_over_two_lines_is_one_title_where_the_head_holds_it_whole(title: str, expected: str) -> None:
    source = HEAD.read_text("utf-8").replace("<title>市民公园新增两处健身步道_城市频道_示例新闻网</title>",
                                             f"<title>{title}</title>")
    source = source.replace('<script type="application/ld+json">', '<script type="text/plain">')
    two_lines = "<h1>市民公园新增两处健身步道<br>夜间照明同步开放</h1>"
    source = source.replace("<h1>市民公园新增两处健身步道</h1>", two_lines)
    assert docbook.read_info(document.from_bytes(source.encode(), name="page.html").tree).title == expected


def saved_page(folder: Path) -> Path:
    """A page saved with its images beside it: a photo in the article with its caption, an icon, an image
    outside the page's folder and a remote one in the navigation, a file that is not an image."""
    from PIL import Image

    (folder / "page_files").mkdir(parents=True)
    Image.new("RGB", (640, 360), (40, 90, 160)).save(folder / "page_files" / "park.jpg", "JPEG")
    Image.new("RGB", (16, 16)).save(folder / "page_files" / "icon.png")
    Image.new("RGB", (300, 200)).save(folder.parent / "outside.png")
    (folder / "page_files" / "broken.jpg").write_bytes(b"not a picture at all" * 50)
    figure = ('<figure><img src="page_files/park.jpg" alt="步道全景"><figcaption>新建成的健身步道（记者 王晓明 摄）'
              '</figcaption></figure>\n<p><img src="page_files/broken.jpg"></p>\n<h2>')
    source = HEAD.read_text("utf-8").replace("<h2>", figure, 1).replace(
        "<nav>", '<nav><img src="page_files/icon.png"><img src="../outside.png"><img src="https://example.com/ad.jpg">')
    page = folder / "page.html"
    page.write_text(source, "utf-8")
    return page


def test_images_beside_the_page_become_figures_and_the_others_are_listed_with_why(tmp_path: Path) -> None:
    doc = document.from_file(saved_page(tmp_path / "saved"))
    figures = list(doc.tree.iter(docbook.DB + "figure"))
    assert len(figures) == 1 and not list(doc.tree.iter(docbook.DB + "informalfigure"))
    title = figures[0].find(docbook.DB + "title")
    assert title is not None and docbook.text_of(title) == "新建成的健身步道（记者 王晓明 摄）"
    data = figures[0].find(f".//{docbook.DB}imagedata")
    assert data is not None and data.get("fileref", "").startswith("data:image/jpeg;base64,")
    assert "新建成的健身步道" not in "".join(body(doc)), "the caption is the figure's, not a paragraph"
    outcomes = {note["src"]: note["outcome"] for note in doc.report.images}
    assert outcomes["page_files/park.jpg"] == "kept"
    assert outcomes["page_files/icon.png"].startswith("left out: 16×16 pixels")
    assert outcomes["page_files/broken.jpg"].startswith("left out: not an image Pillow opens")
    assert outcomes["../outside.png"].startswith("left out: not a file beside the page")
    assert outcomes["https://example.com/ad.jpg"] == "left out: a remote image (nothing is fetched)"


def test_an_image_bomb_is_left_out_unopened(tmp_path: Path) -> None:
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    side = 30_000  # 900 million pixels in a few kilobytes
    rows = zlib.compress(b"\0" * (side // 8 + 1) * 1000)
    bomb = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", side.to_bytes(4, "big") * 2 + b"\x01\x00\x00\x00\x00")
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
    folder = tmp_path / "bomb"
    page = saved_page(folder)
    (folder / "page_files" / "park.jpg").write_bytes(bomb)
    outcomes = {note["src"]: note["outcome"] for note in document.from_file(page).report.images}
    assert outcomes["page_files/park.jpg"] == "left out: too many pixels to open (a decompression bomb)"


def test_an_image_beside_the_page_is_part_of_the_incremental_key(tmp_path: Path) -> None:
    from PIL import Image

    from pipeline.task import plan

    folder = tmp_path / "seeds"
    saved_page(folder)
    config = Config(seeds=folder, out=tmp_path / "dist")
    before = plan(folder / "page.html", config).wanted
    Image.new("RGB", (640, 360), (200, 30, 30)).save(folder / "page_files" / "park.jpg", "JPEG")
    assert plan(folder / "page.html", config).wanted != before


TABLE = HTML / "table_page.html"


def test_a_simple_table_in_the_article_becomes_a_docbook_table_and_others_stay_text() -> None:
    doc = document.from_file(TABLE)
    tables = doc.tree.findall(f".//{DB}table") + doc.tree.findall(f".//{DB}informaltable")
    assert len(tables) == 1, "the statistics table; not the navigation's row of links nor the table with a span"
    table = tables[0]
    assert table.findtext(f"{DB}title") == "表1 一季度主要经济指标"
    assert table.xpath("string(db:tgroup/@cols)", namespaces={"db": DB.strip("{}")}) == "3"
    head = [docbook.text_of(e) for e in table.iterfind(f"{DB}tgroup/{DB}thead/{DB}row/{DB}entry")]
    rows = [[docbook.text_of(e) for e in row] for row in table.iterfind(f"{DB}tgroup/{DB}tbody/{DB}row")]
    assert head == ["指标", "数值", "同比增长"]
    assert rows[1] == ["规模以上工业增加值", "410亿元", "6.8%"] and len(rows) == 3
    paras = [docbook.text_of(p) for p in doc.tree.iter(f"{DB}para")]
    assert paras[-1].startswith("从市场主体看") and paras[-2].startswith("市统计局有关负责人"), "what follows stays"
    assert not any("规模以上工业增加值" in p for p in paras), "the table's cells are not paragraphs too"
    assert doc.report.tables == [{"line": 8, "rows": 4, "columns": 3, "outcome": "kept"}]  # the line after it
    before = table.getprevious()
    assert table.getparent() is doc.tree and before is not None and docbook.text_of(before).startswith("一季度，")


@pytest.mark.slow
@epub_checker.ON_ONE_WORKER  # with the other EPUB checks; one build of `every_format` for both
def test_a_table_reaches_every_format_and_variant(every_format: Path) -> None:
    folder = every_format / "table"
    for tag, cell in (("zh-Hans", "规模以上工业增加值"), ("zh-Hant-TW", "規模以上工業增加值")):
        epub = folder / f"table.{tag}.epub"
        check = epub_checker.check(epub)  # an article without sections: its contents list the text under its title
        assert check.valid, [m.short for m in check.messages]
        chapter = lxml.etree.fromstring(zipfile.ZipFile(epub).read("EPUB/text/ch001.xhtml"))
        assert [td.text for td in chapter.iter("{http://www.w3.org/1999/xhtml}td")][3] == cell
        word = docx.Document(str(folder / f"table.{tag}.docx"))
        assert len(word.tables) == 1 and len(word.tables[0].rows) == 4 and len(word.tables[0].columns) == 3
        paragraph = word.tables[0].cell(2, 0).paragraphs[0]
        assert paragraph.text == cell and paragraph.style is not None
        assert not paragraph.style.paragraph_format.first_line_indent, "a cell is not indented as a paragraph"
        with pdfplumber.open(folder / f"table.{tag}.pdf") as pdf:
            text = pdf.pages[0].extract_text()
        assert any(line.startswith(cell) and "410" in line for line in text.splitlines()), "a row on one line"
        web = lxml.html.fromstring((folder / f"table.{tag}.html").read_text("utf-8"))
        assert web.findtext(".//table/thead/tr/th") in ("指标", "指標")


def test_an_html_pages_pre_between_the_text_is_code_whatever_its_lines_read_as() -> None:
    page = document.from_file(TESTS / "data" / "code" / "pre.html")
    listings = [x.text for x in page.tree.iter(DB + "programlisting")]
    assert listings == ['for f in *.txt; do\n    iconv -f GBK -t UTF-8 "$f" > "utf8/$f"\ndone']


def test_a_line_like_the_headline_is_looked_for_above_the_text_only() -> None:
    """Below the text a list's entry repeating the headline with its tag may be likelier than the headline printed
    with a kicker above the text: the one above is the headline."""
    text = "记者从市园林部门获悉，市民公园改造工程近日完工，园内新增两处健身步道，总长约三公里，沿途设置了饮水点。"
    lines = ["首页", "【记者即时播报】市民公园新增两处健身步道 总长三公里", text, text.replace("记者", "据悉"),
             "相关新闻", "·[新闻] 市民公园新增两处健身步道 总长三公里"]
    draft = Draft([Line(n, t) for n, t in enumerate(lines, start=1)], Metadata(), Report("page.html", "utf-8"),
                  head=Head(title="市民公园新增两处健身步道 总长三公里_新闻中心_示例网"))
    assert headline_line(draft, Page(draft.lines)) == 1


@pytest.mark.parametrize(("title", "lines", "named"), [
    ("市民公园新增两处健身步道――示例新闻网", ["首页", "市民公园新增两处健身步道"], 1),  # ――: no part separator
    ("市民公园新增两处 健身步道 城市_新闻中心_示例网", ["市民公园新增两处\u00a0健身步道"], 0),  # a channel after it
    ("市民公园新增两处健身步道,示例网", ["市民公园新增两处健身步道"], 0),
    ("市民公园新增两处健身步道 - 示例電子報 即時新聞", ["市民公园新增两处健身步道 【16:15】"], 0),  # a time after it
    ("市民公园新增两处健身步道（图）_示例网", ["市民公园新增两处健身步道(图)"], 0),  # widths unified
    ("示例新闻网 - 市民公园新增两处健身步道的建设与开放", ["示例新闻网", "正文"], None),  # the site's name first
    ("市民公园新增两处健身步道――示例新闻网", ["市民公园新增两处健身", "步道"], None),  # not up to a separator
    ("市民公园新增两处健身步道-示例新闻网", ["市民公园新增两处健身步道-示例新闻网", "首页", "市民公园新增两处健身步道"],
     2),  # the <title> printed at the top: the headline alone further down
    ("市民公园新增两处健身步道-示例新闻网", ["市民公园新增两处健身步道-示例新闻网", "首页"], 0),  # printed only so
    ("市民公园新增两处健身步道_本地新闻_示例网", ["首页", "示例网", "本市2个市民公园新增两处健身步道"], 2),  # a kicker
    ("市民公园新增两处健身步道_本地新闻_示例网", ["首页", "本地新闻", "公园健身步道的维护"], None),  # none alike
])
def test_the_line_the_title_opens_with_is_the_headline(title: str, lines: list[str], named: int | None) -> None:
    draft = Draft([Line(n, t) for n, t in enumerate(lines, start=1)], Metadata(), Report("page.html", "utf-8"),
                  head=Head(title=title))
    assert headline_line(draft, Page(draft.lines)) == named


def test_a_dashed_subtitle_under_the_headline_the_head_names_is_the_subtitle(tmp_path: Path) -> None:
    """<h1> holds the headline the <title> names, the <h2> under it a ——subtitle: the subtitle, not furniture."""
    title = "示例市举办春季农业技术培训会"
    paragraphs = "".join(f"<p>{p}</p>" for p in [
        "为提高农民种植技术水平，示例市农业农村局于3月10日在市农技中心举办春季农业技术培训会，共200余人参加培训。",
        "培训邀请省农科院专家围绕小麦春季管理、病虫害防治等内容进行了讲解，并现场解答了农户提出的问题。"])
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><div class="crumb">'
                    f'首页 &gt; 农业 &gt; 正文</div><div class="article"><h1 class="title">{title}</h1>'
                    f'<h2 class="subtitle">——200余名农技人员参加</h2><div class="source">2026-03-12 示例日报</div>'
                    f"{paragraphs}</div></body></html>", "utf-8")
    info = docbook.read_info(document.from_file(page).tree)
    assert (info.title, info.subtitle) == (title, "200余名农技人员参加")


EPAPER = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>老街改造后迎来首批游客 商户说生意好了 - 示例晨报</title></head><body>
<div class="nav"><a href="/">首页</a></div><table><tr><td><a href="p1.html">上一版</a></td></tr></table>
<h2>本版新闻</h2>
<div><a href="a1.html">老街改造后迎来首批游客 商户说生意好了</a></div>
<div><a href="a2.html">这样的城市更新，值得推广</a></div>
<div><a href="a3.html">社区书屋开进了菜市场</a></div>
<ul><li>国内统一刊号：CN12-3456</li><li>2026年3月12日 星期四</li></ul>
<div class="content"><h1>老街改造后迎来首批游客 商户说生意好了</h1>
<p>改造历时两年；保留了六十多栋老建筑，新增停车位三百个</p><h4>2026年3月12日</h4><p>本报记者王小明长沙报道</p>
<p>经过两年的改造，示例市老街昨日重新开放，迎来了首批游客。不少市民专程赶来，拍照留念。</p>
<p>老街商户李女士说，改造以后客流明显增加，店里的生意比以前好了不少。</p>
<p>据介绍，老街改造保留了六十多栋老建筑，并新增停车位三百个，方便市民游客。</p></div></body></html>"""


def test_of_the_headlines_copies_the_head_names_the_one_over_the_text_is_the_title() -> None:
    """An e-paper's page lists the page's headlines (the article's among them, as a link) over the article's own
    <h1>: the <h1>'s copy (line 9) heads the article, with its date and byline under it, and the list is furniture."""
    doc = document.from_bytes(EPAPER.encode(), name="page.html")
    info = docbook.read_info(doc.tree)
    assert info.title == "老街改造后迎来首批游客 商户说生意好了"
    assert [(d.line, d.by) for d in doc.report.lines if d.label == "title"] == [(9, "head_title")]
    assert info.authors == ("王小明",) and info.date == "2026-03-12"
    assert body(doc)[-3:] == [
        "经过两年的改造，示例市老街昨日重新开放，迎来了首批游客。不少市民专程赶来，拍照留念。",
        "老街商户李女士说，改造以后客流明显增加，店里的生意比以前好了不少。",
        "据介绍，老街改造保留了六十多栋老建筑，并新增停车位三百个，方便市民游客。"]
    assert "这样的城市更新，值得推广" not in body(doc) and "社区书屋开进了菜市场" not in body(doc)


SITE_SOURCED = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>示例公司推3款AI筆電　瞄準創作者 | 科技 | 示例新聞網 EXAMPLE.COM</title>
<meta property="og:title" content="示例公司推3款AI筆電 瞄準創作者 | 科技 | 示例新聞網 EXAMPLE.COM">
<meta property="og:site_name" content="示例新聞網"><meta name="source" content="{source}"></head><body>
<nav><a href="/">示例新聞網</a> <a href="/tech">科技</a></nav>
<form><h1>示例公司推3款AI筆電　瞄準創作者</h1><div>2024/09/07 13:36:00</div></form>
<article><p>記者王小明／台北報導</p>
<p>示例公司於9月6日舉行的柏林展會中展現其在AI技術領域的最新突破，吸引了大批觀眾駐足。</p>
<p>這次的產品發佈展現了示例公司與晶片廠商的密切合作，特別是推出了整合多項智慧功能的新筆電。</p></article>
<footer><div>示例公司推3款AI筆電　瞄準創作者 | 科技 | 示例新聞網 EXAMPLE.COM</div><div>版權所有</div></footer>
</body></html>"""


@pytest.mark.parametrize(("source", "expected"), [("示例新聞網", None), ("示例日報", "示例日報")])
def test_the_heads_bare_headline_is_tried_before_one_holding_the_sites_name(source: str, expected: str | None) -> None:
    """The og:title with the site's name after it, printed again in the footer: the <h1> printing the headline alone
    is the title; and a source meta naming the site itself names no other outlet (the site is the publisher)."""
    doc = document.from_bytes(SITE_SOURCED.replace("{source}", source).encode(), name="page.html")
    info = docbook.read_info(doc.tree)
    assert info.title == "示例公司推3款AI筆電　瞄準創作者"
    assert (info.source, info.publisher) == (expected, "示例新聞網")
