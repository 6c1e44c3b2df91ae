"""EPUB 3 through pandoc: DocBook in, metadata passed explicitly, a generated cover, epub.css."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.config import Config
from pipeline.docbook import Info, read_info
from pipeline.render import fonts, pandoc
from pipeline.render.common import STYLESHEETS, epoch, identifier
from pipeline.render.cover import cover_jpeg
from pipeline.variants import Variant, with_corner_quotes
from pipeline.writing import ZIP_DATE, write_atomic

# Faces a reading system may have when it has no Noto CJK, per region.
FALLBACK_SERIF = {
    "SC": "'Source Han Serif SC', 'Songti SC', SimSun",
    "TC": "'Source Han Serif TC', 'Songti TC', PMingLiU",
    "HK": "'Source Han Serif HK', 'Songti TC', MingLiU_HKSCS",
}


def font_css(variant: Variant) -> str:
    """The CJK font stacks of the variant and its punctuation widths, appended to epub.css: a mark beside
    another set half width where the variant compresses (Simplified, Hong Kong: the reading system's
    `text-spacing-trim`, in both writing modes), every mark full width where it does not (Taiwan)."""
    serif, sans = fonts.families(variant.region)
    fallback = FALLBACK_SERIF[variant.region]
    trim = "normal" if variant.compress_punctuation else "space-all"
    return (
        f"\nbody {{ font-family: '{serif}', {fallback}, {fonts.css_fallbacks()}, serif; }}\n"
        f"h1, h2, h3, h4, h5, h6 {{ font-family: '{sans}', {fonts.css_fallbacks()}, sans-serif; }}\n"
        f"pre, code {{ font-family: {fonts.MONOSPACE}, '{sans}', {fonts.css_fallbacks()}, monospace; }}\n"
        f"html {{ text-spacing-trim: {trim}; }}\n"
    )


@dataclass(frozen=True)
class EpubRenderer:
    """pandoc's EPUB 3 writer (the session of `pandoc.convert`)."""

    format: str = "epub"
    extension: str = "epub"
    stylesheets: tuple[str, ...] = ("epub.css",)
    settings: tuple[str, ...] = ("vertical",)

    def check(self, variant: Variant) -> None:
        """pandoc, and the region's fonts for the cover."""
        pandoc.pandoc_path()
        fonts.faces(variant.region)

    def render(self, tree: etree._Element, dest: Path, *, variant: Variant, config: Config) -> Path:
        """Write the EPUB of one variant's tree."""
        if config.vertical:
            tree = with_corner_quotes(tree)
        info = read_info(tree)
        meta = pandoc.metadata(info, identifier=[{"scheme": "UUID", "text": f"urn:uuid:{identifier(tree)}"}],
                               **{"toc-title": contents_word(info.lang)})
        epub = pandoc.convert(tree, "epub3", {"table_of_contents": True, "toc_depth": MAX_TOC_DEPTH, "split_level": 1},
                              meta)
        house = config.house_stylesheet("epub.css")
        css = (STYLESHEETS / "epub.css").read_text("utf-8") + font_css(variant)
        if config.vertical:
            css += VERTICAL_CSS
        if house:
            css += "\n/* house style */\n" + house.read_text("utf-8")
        cover = cover_jpeg(info, variant.region)
        write_atomic(dest, finish(epub, css=css, cover=cover, modified=epoch(info), info=info,
                                  vertical=config.vertical))
        return dest


# A vertical book: lines top to bottom, right to left (the -epub- and -webkit- forms for reading
# systems that still need them), numbers of one or two digits upright in one em.
VERTICAL_CSS = """
html { -epub-writing-mode: vertical-rl; -webkit-writing-mode: vertical-rl; writing-mode: vertical-rl; }
.tcy { -epub-text-combine: horizontal; -webkit-text-combine: horizontal; text-combine-upright: all; }
"""
MAX_TOC_DEPTH = 6  # the navigation document lists every section, however deep
OPF_NS = "http://www.idpf.org/2007/opf"
OPF = f"{{{OPF_NS}}}"
DC = "{http://purl.org/dc/elements/1.1/}"
OPF_PATH = "EPUB/content.opf"
STYLESHEET_PATH = "EPUB/styles/stylesheet1.css"
COVER_IMAGE, COVER_PAGE = "EPUB/media/cover.jpg", "EPUB/text/cover.xhtml"
# EPUB Accessibility 1.1 metadata: what the book offers a reader who cannot see it or navigates by
# structure. Text throughout, the cover an image with its title as alternative text.
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityHazard", "none"),
    ("schema:accessibilitySummary",
     "The article's text in reading order, its sections as headings listed in the table of contents, "
     "the language of the text declared, and a cover image described by the title."),
    ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level A"),
)
COVER_XHTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">
<head><meta charset="utf-8" /><title>{title}</title>
<style>body {{ margin: 0; text-align: center; }} img {{ max-width: 100%; max-height: 100%; }}</style></head>
<body epub:type="cover"><img src="../media/cover.jpg" alt="{title}" /></body>
</html>
"""


def contents_word(lang: str) -> str:
    """What a Chinese book calls its table of contents."""
    return "目錄" if lang.startswith("zh-Hant") else "目录"


def finish(epub: bytes, *, css: str, cover: bytes, modified: int, info: Info, vertical: bool = False) -> bytes:
    """pandoc's EPUB with our stylesheet, a cover, and dcterms:modified set (pandoc reads no files);
    the title page shows the title, the subtitle and the byline every output prints, and the text before the
    first section follows it without the title again as a heading; when `vertical`, the spine runs right to
    left, the package says so, and numbers of one or two digits stand upright.

    The package is rewritten with `mimetype` first and stored, and fixed file dates, so that the
    same document gives the same bytes.
    """
    with zipfile.ZipFile(io.BytesIO(epub)) as source:
        files = {name: source.read(name) for name in source.namelist()}
    opf = etree.fromstring(files[OPF_PATH])
    title = opf.findtext(f"{OPF}metadata/{DC}title") or ""
    stamp = dt.datetime.fromtimestamp(modified, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for meta in opf.iter(OPF + "meta"):
        if meta.get("property") == "dcterms:modified":
            meta.text = stamp
    metadata, manifest, spine = (opf.find(OPF + tag) for tag in ("metadata", "manifest", "spine"))
    assert metadata is not None and manifest is not None and spine is not None, "pandoc wrote no OPF package"
    if not info.date:  # pandoc dates an undated document with the time of conversion: it has no date
        for date in metadata.findall(DC + "date"):
            metadata.remove(date)
    etree.SubElement(metadata, OPF + "meta", {"name": "cover", "content": "cover-image"})
    for prop, value in ACCESSIBILITY:
        etree.SubElement(metadata, OPF + "meta", {"property": prop}).text = value
    etree.SubElement(manifest, OPF + "item", {"id": "cover-image", "href": "media/cover.jpg",
                                              "media-type": "image/jpeg", "properties": "cover-image"})
    etree.SubElement(manifest, OPF + "item", {"id": "cover-page", "href": "text/cover.xhtml",
                                              "media-type": "application/xhtml+xml"})
    spine.insert(0, etree.Element(OPF + "itemref", {"idref": "cover-page", "linear": "yes"}))
    if vertical:
        spine.set("page-progression-direction", "rtl")
        etree.SubElement(metadata, OPF + "meta", {"name": "primary-writing-mode", "content": "vertical-rl"})
    chapters = sorted(n for n in files if n.startswith("EPUB/text/ch") and n.endswith(".xhtml"))
    if TITLE_PAGE in files:
        files[TITLE_PAGE] = title_page(files[TITLE_PAGE], info)
    if chapters:
        files[chapters[0]], dropped = without_title_heading(files[chapters[0]], info.title)
        files[NAV_PATH] = navigation(files[NAV_PATH], info.lang, dropped)
    for name in chapters:
        if vertical:
            files[name] = wrap_matches(files[name], SHORT_NUMBER, "tcy")  # upright in one em
    files[OPF_PATH] = etree.tostring(opf, xml_declaration=True, encoding="UTF-8")
    files[STYLESHEET_PATH] = css.encode()
    files[COVER_IMAGE] = cover
    files[COVER_PAGE] = COVER_XHTML.format(lang=info.lang, title=_escape(title)).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(zipfile.ZipInfo("mimetype", ZIP_DATE), files.pop("mimetype"), zipfile.ZIP_STORED)
        for name in sorted(files):
            target.writestr(zipfile.ZipInfo(name, ZIP_DATE), files[name], zipfile.ZIP_DEFLATED)
    return out.getvalue()


XHTML = "{http://www.w3.org/1999/xhtml}"
TITLE_PAGE, NAV_PATH = "EPUB/text/title_page.xhtml", "EPUB/nav.xhtml"
LANDMARKS = {"titlepage": ("标题页", "標題頁"), "toc": ("目录", "目錄")}


def title_page(page: bytes, info: Info) -> bytes:
    """pandoc's title page with the byline (date · source · author · editor) in place of its author, publisher
    and date lines."""
    root = etree.fromstring(page)
    section = next(root.iter(XHTML + "section"), None)
    if section is None:
        return page
    for p in [p for p in section.iter(XHTML + "p") if p.get("class") in ("author", "publisher", "date")]:
        section.remove(p)
    if info.byline:
        etree.SubElement(section, XHTML + "p", {"class": "byline"}).text = info.byline
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def without_title_heading(chapter: bytes, title: str) -> tuple[bytes, str | None]:
    """The first chapter without the heading pandoc gives the text before the first section (the title
    again, right after the title page); and that section's id, where there was one."""
    root = etree.fromstring(chapter)
    section = next(root.iter(XHTML + "section"), None)
    heading = section.find(XHTML + "h1") if section is not None else None
    if section is None or heading is None or "unnumbered" not in (heading.get("class") or "") \
            or "".join(map(str, heading.itertext())).strip() != title.strip():
        return chapter, None
    section.remove(heading)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), section.get("id")


def navigation(nav: bytes, lang: str, dropped: str | None) -> bytes:
    """The navigation document in the book's language: the contents without the entry of a section whose
    heading went (kept, under the title, when it is the only one: an article without sections), the landmarks
    named in Chinese."""
    root = etree.fromstring(nav)
    traditional = lang.startswith("zh-Hant")
    for link in root.iter(XHTML + "a"):
        href = link.get("href") or ""
        kind = link.get("{http://www.idpf.org/2007/ops}type")
        if dropped and href.endswith(f"#{dropped}"):
            item = link.getparent()
            contents = item.getparent() if item is not None else None
            if item is not None and contents is not None and len(contents) > 1:  # the contents are never empty
                contents.remove(item)
        elif kind in LANDMARKS:
            link.text = LANDMARKS[kind][traditional]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
SHORT_NUMBER = re.compile(r"(?<![0-9A-Za-z.])[0-9]{1,2}(?![0-9A-Za-z.])")  # 1 reads like 一 set sideways


def wrap_matches(chapter: bytes, pattern: re.Pattern[str], name: str) -> bytes:
    """A chapter with each match of the pattern in its body text put in a <span class="NAME">."""
    root = etree.fromstring(chapter)
    body = root.find(XHTML + "body")
    if body is None:
        return chapter
    for element in list(body.iter()):
        if not isinstance(element.tag, str):
            continue
        for attr in ("text", "tail"):
            text = getattr(element, attr)
            if not text or not pattern.search(text) or (attr == "tail" and element is body):
                continue
            spans, pieces, position = [], [], 0
            for match in pattern.finditer(text):
                pieces.append(text[position : match.start()])
                span = etree.Element(XHTML + "span", {"class": name})
                span.text = match.group()
                spans.append(span)
                position = match.end()
            setattr(element, attr, pieces[0])
            for span, after in zip(spans, [*pieces[1:], text[position:]], strict=True):
                span.tail = after
            if attr == "text":
                for index, span in enumerate(spans):
                    element.insert(index, span)
            else:
                parent = element.getparent()
                assert parent is not None
                at = parent.index(element)
                for offset, span in enumerate(spans, start=1):
                    parent.insert(at + offset, span)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


RENDERER = EpubRenderer()
