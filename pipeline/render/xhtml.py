"""The one small transform from the DocBook tree to XHTML, for WeasyPrint (and for reading in a browser)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from lxml import etree

from pipeline.chinese import CLOSING_MARKS, HAN_CLASS, OPENING_MARKS
from pipeline.docbook import DB, XML_ID, XML_LANG, read_info, text_of
from pipeline.render.linebreak import balanced_lines, em_width, separated
from pipeline.variants import VARIANTS, variant

XHTML_NS = "http://www.w3.org/1999/xhtml"
H = f"{{{XHTML_NS}}}"
MAX_HEADING = 6


def to_xhtml(root: etree._Element, *, stylesheet: str | None = None, title_em: float = 0.0,
             spacing: bool = True) -> etree._Element:
    """An XHTML document of the article: a title block, then sections as h2…h6 and paragraphs. With
    `title_em` (the title block's width in ems of the title's size), the title is broken into even lines
    as a typesetter would (linebreak.py), the lines joined by <br/>. With `spacing`, the paragraphs are
    spaced for print and adjacent marks compressed (`spaced`, `fill`); without, the text is as it is."""
    info = read_info(root)
    html = etree.Element(H + "html", {"lang": info.lang, XML_LANG: info.lang}, nsmap={None: XHTML_NS})  # type: ignore[dict-item]
    head = etree.SubElement(html, H + "head")
    etree.SubElement(head, H + "meta", {"charset": "utf-8"})
    etree.SubElement(head, H + "title").text = info.title
    meta = {
        "author": "、".join(info.authors) or info.source or info.publisher,
        "description": info.abstract or info.subtitle,
        "keywords": ", ".join(info.subjects) or None,
        "dcterms.created": info.date,
        "generator": "pipeline",
    }
    for name, content in meta.items():
        if content:
            etree.SubElement(head, H + "meta", {"name": name, "content": content})
    if stylesheet:
        etree.SubElement(head, H + "link", {"rel": "stylesheet", "href": stylesheet})
    body = etree.SubElement(html, H + "body")
    header = etree.SubElement(body, H + "header", {"class": "title-block"})
    title = etree.SubElement(header, H + "h1")
    title.text = info.title
    if title_em:
        lines = balanced_lines(info.title, em_width, title_em)
        title.text = lines[0]
        for gap, line in zip(separated(info.title, lines), lines[1:], strict=True):
            last = title[-1] if len(title) else None
            if last is None:
                title.text = (title.text or "") + gap  # a space broken at stays in the text (the running header)
            else:
                last.tail = (last.tail or "") + gap
            etree.SubElement(title, H + "br").tail = line
    if info.subtitle:
        etree.SubElement(header, H + "p", {"class": "subtitle"}).text = info.subtitle
    line = info.byline
    if line:
        etree.SubElement(header, H + "p", {"class": "byline"}).text = line
    main = etree.SubElement(body, H + "main")
    compress = spacing and info.lang in VARIANTS and variant(info.lang).compress_punctuation
    _blocks(root, main, depth=1, compress=compress, prepare=spaced if spacing else str)
    return html


# Han next to a Latin letter or a digit, with nothing between them.
HAN_LATIN = re.compile(rf"(?<=[{HAN_CLASS}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])(?=[{HAN_CLASS}])")
HAN_SPACE_HAN = re.compile(rf"(?<=[{HAN_CLASS}]) (?=[{HAN_CLASS}])")
WORD_JOINER = "\u2060"  # no break here (drawn as nothing)
NO_BREAK_SPACE = "\u00a0"


def spaced(text: str) -> str:
    """Spacing for print: a space between Han and Western characters (clreq's quarter-em gap; after a
    number a no-break one, so that a number keeps its unit), an ideographic space (one em) where the text
    has a space between two Han characters, and the paragraph's last two characters joined (`unbroken_end`).

    Justification widens the gaps between characters, a space as any other: the first lets lines holding
    digits or Latin words end flush; the second keeps a phrase gap (三推两助 双岗建功) from being
    stretched. The PDF draws the Han–Latin gap as spacing, not as a character (textlayer.py).
    """
    text = HAN_SPACE_HAN.sub("\u3000", text)
    text = HAN_LATIN.sub(lambda m: NO_BREAK_SPACE if m.string[m.start() - 1].isdigit() else " ", text)
    return unbroken_end(text)


def unbroken_end(text: str) -> str:
    """The text with its last two characters (punctuation and spaces aside) joined by word joiners and a
    space between them made a no-break one, so that a paragraph's last line never holds one character
    alone (a runt: `助。`). A last Latin word or number of two or more characters is unbreakable already."""
    units = [i for i, ch in enumerate(text) if not _mark_or_space(ch)]
    if len(units) < 2:
        return text
    first, last = units[-2], units[-1]
    if last == first + 1 and LATIN_OR_DIGIT.match(text[first]) and LATIN_OR_DIGIT.match(text[last]):
        return text
    joined = text[first]
    for ch in text[first + 1 : last + 1]:
        ch = NO_BREAK_SPACE if ch == " " else ch
        joined += ch if NO_BREAK_SPACE in (ch, joined[-1]) else WORD_JOINER + ch
    return text[:first] + joined + text[last + 1 :]


LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def _mark_or_space(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PZ" or ch.isspace() or ch == WORD_JOINER


# Two full-width marks side by side (chinese.CLOSING_MARKS, OPENING_MARKS) leave a hole that clreq's
# punctuation width adjustment closes; a word joiner between them (unbroken_end) leaves them side by side.
ADJACENT = re.compile(rf"[{CLOSING_MARKS}](?={WORD_JOINER}?[{CLOSING_MARKS}{OPENING_MARKS}])"
                      rf"|(?:(?<=[{OPENING_MARKS}])|(?<=[{OPENING_MARKS}]{WORD_JOINER}))[{OPENING_MARKS}]")


def fill(element: etree._Element, text: str, *, compress: bool) -> None:
    """Put the text into the element; with `compress`, a mark beside another (。” ，“ ）、 《「) goes in
    a <span class="halt"> that the stylesheet sets half width (the fonts' `halt` feature). The text
    itself is unchanged."""
    if not compress or not ADJACENT.search(text):
        element.text = text
        return
    last: etree._Element | None = None
    position = 0
    for match in ADJACENT.finditer(text):
        piece = text[position : match.start()]
        if last is None:
            element.text = piece
        else:
            last.tail = piece
        last = etree.SubElement(element, H + "span", {"class": "halt"})
        last.text = match.group()
        position = match.end()
    assert last is not None
    last.tail = text[position:]


def _blocks(source: etree._Element, target: etree._Element, depth: int, *, compress: bool,
            prepare: Callable[[str], str]) -> None:
    for child in source:
        if child.tag == DB + "para":
            role = {"class": child.get("role", "")} if child.get("role") else {}  # types.PARA_ROLES: a notice's parts
            fill(etree.SubElement(target, H + "p", role), prepare(text_of(child)), compress=compress)
        elif child.tag in (DB + "figure", DB + "informalfigure"):
            _figure(child, target, compress=compress)
        elif child.tag in (DB + "table", DB + "informaltable"):
            _table(child, target, compress=compress, prepare=prepare)
        elif child.tag == DB + "programlisting":  # as printed: no spacing of marks, no breaks of its own
            etree.SubElement(etree.SubElement(target, H + "pre"), H + "code").text = "".join(map(str, child.itertext()))
        elif child.tag == DB + "section":
            section = etree.SubElement(target, H + "section", {"id": child.get(XML_ID, "")})
            title = child.find(DB + "title")
            heading = etree.SubElement(section, H + f"h{min(depth + 1, MAX_HEADING)}")
            fill(heading, text_of(title) if title is not None else "", compress=compress)
            _blocks(child, section, depth + 1, compress=compress, prepare=prepare)


def _figure(source: etree._Element, target: etree._Element, *, compress: bool) -> None:
    """A DocBook figure as <figure>: its image (a data: URL) and its title as the caption below it."""
    data = source.find(f"{DB}mediaobject/{DB}imageobject/{DB}imagedata")
    if data is None:
        return
    alt = source.find(f"{DB}mediaobject/{DB}alt")
    figure = etree.SubElement(target, H + "figure")
    described = text_of(alt) if alt is not None else ""
    etree.SubElement(figure, H + "img", {"src": data.get("fileref", ""), "alt": described})
    title = source.find(DB + "title")
    if title is not None:
        fill(etree.SubElement(figure, H + "figcaption"), text_of(title), compress=compress)


def _table(source: etree._Element, target: etree._Element, *, compress: bool,
           prepare: Callable[[str], str]) -> None:
    """A DocBook CALS table as <table>: its title as the caption, thead rows as <th> cells."""
    table = etree.SubElement(target, H + "table")
    title = source.find(DB + "title")
    if title is not None:
        fill(etree.SubElement(table, H + "caption"), text_of(title), compress=compress)
    for part in ("thead", "tbody"):
        section = source.find(f"{DB}tgroup/{DB}{part}")
        if section is None:
            continue
        html_part = etree.SubElement(table, H + part)
        for row in section.iterfind(DB + "row"):
            html_row = etree.SubElement(html_part, H + "tr")
            for entry in row.iterfind(DB + "entry"):
                cell = etree.SubElement(html_row, H + ("th" if part == "thead" else "td"))
                fill(cell, prepare(text_of(entry)), compress=compress)


def serialize(html: etree._Element) -> bytes:
    """XHTML bytes with the XML declaration and the HTML doctype."""
    return etree.tostring(html, xml_declaration=True, encoding="UTF-8", doctype="<!DOCTYPE html>")
