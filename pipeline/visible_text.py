"""HTML to the lines a scraper makes of it: the visible text, a line break around every block.

Scripts, styles, forms' hidden fields and hidden elements are dropped, a line break stands around
every block element and at `<br>`, and white space runs collapse to one space (except in `<pre>`).
A hidden element that holds more text than the page shows is shown (`revealed`): it is the article
that the page's script reveals once it has loaded (a WeChat article's `js_content`).
Scrapers differ in a few habits, and a `Rendering` names them: table cells one per line or a row
on one line, list items one per line or a list on one line, the `<title>` as the first line or not.

Every line keeps the numbers of the *segments* it is made of: a segment is one run of text
between two breaks of the finest rendering (cells and items apart). Two renderings of one page
share their segments, so a class given to each segment carries over from one to the other.

Every line also keeps what the markup says about it (`DomHints`): its element, the region of the page
around it (nav, footer…), how much of it is links or emphasis, and the class and id words of the
elements around it. The line tagger reads them as evidence beside the text.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import lxml.html
from lxml import etree

from pipeline.clean.types import DomHints, Table
from pipeline.errors import InputError
from pipeline.ingest import BOMS, legacy_encoding, repaired

BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "noframes", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"
))
INVISIBLE = frozenset((
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math", "canvas",
    "select", "option", "button", "textarea", "input", "map", "area", "audio", "video", "source", "track", "param"
))
CELLS = frozenset(("td", "th"))
# What each block element is to the line tagger (DomHints.element); any other block is a "div".
ELEMENTS = {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4", "p": "p", "li": "li", "dt": "dl",
            "dd": "dl", "td": "cell", "th": "cell", "figcaption": "caption", "caption": "caption", "pre": "pre",
            "blockquote": "quote", "address": "address"}
REGIONS = {"nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "form": "form",
           "article": "article", "main": "article"}
EMPHASIS = frozenset(("b", "strong", "em"))
# Words of class and id names, as web pages commonly name their parts (DomHints); a name's word counts when it
# is one of these, starts with one of three letters or more (navbar, comments, related_news), or holds one of
# five or more (breadcrumb, mainContent).
CLASS_WORDS = {
    "furniture": ("nav", "menu", "crumb", "share", "comment", "relat", "footer", "copyright", "sidebar", "banner",
                  "recommend", "hot", "rank", "tag", "login", "search", "link", "ad"),
    "content": ("content", "article", "text", "body", "main", "detail", "post", "entry", "story", "zw"),
    "meta": ("author", "date", "time", "source", "info", "editor", "byline", "from", "pub"),
    "title": ("title", "headline", "tit"),
}
NAME_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
NEAR_LEVELS = 2  # a class word this many elements up from a line's own is "near"
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACES = re.compile(r"[ \t\n\r\f]+")
# A charset named in the first bytes of the page: <meta charset=…> or http-equiv's content.
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# Charsets pages declare that a larger one decodes better: GB2312 and GBK pages hold GB18030
# characters, Big5 pages hold the Hong Kong and Windows extensions.
WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
         "big5": "big5hkscs", "x-x-big5": "big5hkscs", "cp950": "big5hkscs"}
PRESCAN_BYTES = 4096
FILE_ATTRIBUTE = "data-pipeline-file"  # on an <img> whose file the build put in as a data: URL: that file
# Share of U+FFFD a declared charset may leave before another is tried.
MAX_REPLACED = 0.002
MAX_TABLE_CELLS = 2000  # a larger table stays lines of text
MAX_CELL_CHARS = 200  # a cell with more text is a page's layout, not data


@dataclass(frozen=True)
class Rendering:
    """A scraper's habits: how it breaks tables and lists, and whether it keeps the page's <title>."""

    name: str
    cells_joined: bool = False
    items_joined: bool = False
    title_line: bool = False


FINE = Rendering("fine")
JOINED = Rendering("joined", cells_joined=True, items_joined=True, title_line=True)


@dataclass(frozen=True)
class RenderedLine:
    """One line of the rendering, the segments it is made of (none for the <title> line), and what the
    markup says about it (None for the <title> line)."""

    text: str
    segments: tuple[int, ...]
    dom: DomHints | None = None


@dataclass(frozen=True)
class _Segment:
    text: str
    row: int | None  # the table row of a cell that holds no block of its own
    items: int | None  # the list of an item that holds no block of its own
    hints: DomHints
    linked: int = 0  # characters (white space aside) inside links
    emphasised: int = 0  # … inside b, strong or em


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and encoding: its byte-order mark, else UTF-8 where it is UTF-8 beyond ASCII, else its
    declared charset, else detection; text that was misread before it was saved is repaired (`ingest.repaired`)."""
    if not data.strip():
        raise InputError("file is empty")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, "replace"), encoding.removesuffix("-sig")
    saved_as_utf8 = _utf8_beyond_ascii(data)
    if saved_as_utf8 is not None:  # a page saved again as UTF-8 keeps the <meta charset=gb2312> it was fetched with
        return repaired(saved_as_utf8, "utf-8")
    declared = CHARSET.search(data[:PRESCAN_BYTES])
    if declared:
        name = declared[1].decode("ascii").lower()
        try:
            encoding = codecs.lookup(WIDER.get(name, name)).name
        except LookupError:
            encoding = ""
        if encoding:
            text = data.decode(encoding, "replace")
            if text.count("\ufffd") <= MAX_REPLACED * len(text):
                return repaired(text, encoding)
    if data.isascii():  # a page of ASCII alone (its Chinese written as &#20013; entities) is UTF-8
        return data.decode("ascii"), "utf-8"
    legacy = legacy_encoding(data)  # not UTF-8 (tried above)
    if legacy is not None:
        return repaired(data.decode(legacy), legacy)
    return data.decode("gb18030", "replace"), "gb18030"


def _utf8_beyond_ascii(data: bytes) -> str | None:
    """A page's text where it is UTF-8 with characters beyond ASCII, whatever charset it declares (text in a
    legacy encoding is not valid UTF-8); None otherwise."""
    if data.isascii():
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def parse(text: str) -> etree._Element:
    """The page's element tree (lxml's HTML parser, which mends broken markup as browsers do)."""
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not an HTML page: {exc}") from exc
    return root


def page_title(root: etree._Element) -> str:
    """The text of the page's <title>, white space collapsed."""
    found = root.find(".//title")
    return _collapse("".join(map(str, found.itertext()))) if found is not None else ""


@dataclass(frozen=True)
class Image:
    """An <img> of the page: its src and alt, and the line (number, from 1) it stands before."""

    src: str
    alt: str
    line: int
    file: str = ""  # the file beside the page it was read from, where the build put it in (html_page.py)


def render(root: etree._Element, rendering: Rendering = FINE, images: list[Image] | None = None,
           tables: list[Table] | None = None) -> list[RenderedLine]:
    """The page's visible text as a scraper with these habits gives it, a line at a time; with `images`,
    the page's visible images are added to it, each with the line it stands before; with `tables`, its simple
    tables (`grid`), each with the line it stands before (its text is not in the lines)."""
    anchors: list[tuple[str, str, int, str]] = []
    grids: list[tuple[int, int, Table]] = []
    segments = list(_segments(root, anchors, grids, revealed(root)))
    lines: list[RenderedLine] = []
    if rendering.title_line and (title := page_title(root)):
        lines.append(RenderedLine(title, ()))
    group: list[int] = []
    # With `tables`, each simple table leaves the text, as an image does: the article's text around it reads as
    # if it were not there (a run of short cell lines reads as the page's furniture), and the cleaning puts the
    # table back where that text is the article's.
    taken = {i for start, end, _ in grids for i in range(start, end)} if tables is not None else set()

    def key(index: int) -> tuple[str, int] | None:
        segment = segments[index]
        if rendering.cells_joined and segment.row is not None:
            return ("row", segment.row)
        if rendering.items_joined and segment.items is not None:
            return ("list", segment.items)
        return None

    for index in (i for i in range(len(segments)) if i not in taken):
        if group and (key(index) is None or key(index) != key(group[-1])):
            lines.append(_joined(segments, group))
            group = []
        group.append(index)
    if group:
        lines.append(_joined(segments, group))
    line_of = {segment: number for number, line in enumerate(lines, start=1) for segment in line.segments}
    if images is not None:
        images += [Image(src, alt, line_of.get(segment, len(lines) + 1), file) for src, alt, segment, file in anchors]
    if tables is not None:
        shown = sorted(line_of)  # the segments that made lines
        for _, end, table in grids:
            k = bisect.bisect_left(shown, end)
            tables.append(replace(table, line=line_of[shown[k]] if k < len(shown) else len(lines) + 1))
    return lines


def _joined(segments: list[_Segment], group: list[int]) -> RenderedLine:
    """The line of a group of segments: their texts joined, the first one's hints with the shares of links and
    emphasis over all of them."""
    parts = [segments[i] for i in group]
    size = sum(len(part.text) - part.text.count(" ") for part in parts) or 1
    hints = replace(parts[0].hints, links=_share(sum(part.linked for part in parts), size, True),
                    emphasis=_share(sum(part.emphasised for part in parts), size, False))
    return RenderedLine(" ".join(part.text for part in parts), tuple(group), hints)


def _share(part: int, whole: int, graded: bool) -> str:
    """How much of a line a kind of text is: "" (none), some, most (with `graded`: over half) or all."""
    if part <= 0:
        return ""
    if part >= whole:
        return "all"
    return "most" if graded and 2 * part > whole else "some"


def _class_words(element: etree._Element) -> dict[str, str]:
    """The CLASS_WORDS groups an element's class and id name, each with the word found."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not names.strip():
        return {}
    words = [w.lower() for w in NAME_WORD.findall(names)]
    found: dict[str, str] = {}
    for group, known in CLASS_WORDS.items():
        for word in words:
            hit = next((k for k in known if word == k or (len(k) >= 3 and word.startswith(k))
                        or (len(k) >= 5 and k in word)), None)
            if hit:
                found[group] = hit
                break
    return found


def _collapse(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def _blank(text: str) -> int:
    """How many white space characters a piece of text holds."""
    return sum(ch in " \t\n\r\f" for ch in text)


def _hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


def revealed(root: etree._Element) -> etree._Element | None:
    """The hidden element a script shows once the page has loaded: the one holding the most text of those hidden by
    their style or the `hidden` attribute, where that is more text than the rest of the page shows (a WeChat
    article's `<div id="js_content" style="visibility: hidden; opacity: 0">`). None where there is none: a hidden
    menu, dialog or copy of the text is shorter than the page around it."""
    best, most = None, 0
    for element in _outermost_hidden(root):
        size = _size(_visible(element, shown=element))
        if size > most:
            best, most = element, size
    return best if best is not None and most > _size(_visible(root)) else None


def _outermost_hidden(element: etree._Element) -> Iterator[etree._Element]:
    """The hidden elements under an element that no hidden element holds (one held by another stays hidden
    whatever it says), in page order."""
    for child in element:
        if not isinstance(child.tag, str) or child.tag.lower() in INVISIBLE:
            continue
        if _hidden(child):
            yield child
        else:
            yield from _outermost_hidden(child)


def _size(pieces: Iterator[str]) -> int:
    """The characters of text pieces, white space aside."""
    return sum(len(piece) - _blank(piece) for piece in pieces)


def _segments(root: etree._Element, images: list[tuple[str, str, int, str]],
              tables: list[tuple[int, int, Table]], shown: etree._Element | None = None) -> Iterator[_Segment]:
    """The finest lines: text between block boundaries, each with the row or list it may join; each visible
    <img> with a src goes into `images` as (src, alt, the number of the segment it stands before, the file
    it was read from), each simple table into `tables` as (its first segment, the one after its last, the
    table). The `shown` element is walked though it is hidden (`revealed`)."""
    buffer: list[tuple[str, bool, bool]] = []  # pieces of text, each inside a link or not, emphasised or not
    made = 0  # segments yielded
    # Each table row and list by number. Keyed by the element itself: lxml makes a new proxy object (with a new
    # id()) for an element no reference holds, and an id() may be reused, so ids would join other rows' cells.
    ids: dict[etree._Element, int] = {}
    context: list[tuple[int | None, int | None]] = [(None, None)]
    blocks: list[str] = ["div"]  # the block elements open, innermost last, as ELEMENTS names them
    regions: list[str] = []
    named: list[dict[str, str]] = []  # the class words of every element open, innermost last
    pre = links = emphasis = 0
    pictured: dict[int, set[str]] = {}  # the alt texts of the images standing before each segment

    def hints() -> DomHints:
        near: dict[str, str] = {}
        for depth, found in enumerate(reversed(named)):
            for group, word in found.items():
                near.setdefault(group, word if group == "furniture" else "near" if depth <= NEAR_LEVELS else "far")
        return DomHints(blocks[-1], regions[-1] if regions else "", furniture=near.get("furniture", ""),
                        content=near.get("content", ""), meta=near.get("meta", ""), title=near.get("title", ""))

    def flush() -> Iterator[_Segment]:
        nonlocal made
        if not buffer:
            return
        raw = "".join(piece for piece, _, _ in buffer)
        linked = sum(len(piece) - _blank(piece) for piece, link, _ in buffer if link)
        emphasised = sum(len(piece) - _blank(piece) for piece, _, strong in buffer if strong)
        buffer.clear()
        row, items = context[-1]
        if pre:
            for part in raw.split("\n"):
                if part.strip():
                    made += 1
                    yield _Segment(part.rstrip(), row, items, hints(), linked, emphasised)
        elif text := _collapse(raw):
            found = hints()
            if made in pictured and len(text) >= MIN_ALT_CHARS and _alt_key(text) in pictured[made]:
                found = replace(found, element="caption")  # the picture's words under it: its caption
            made += 1
            yield _Segment(text, row, items, found, linked, emphasised)

    def add(text: str | None) -> None:
        if text:
            buffer.append((text, links > 0, emphasis > 0))

    def walk(element: etree._Element) -> Iterator[_Segment]:
        nonlocal pre, links, emphasis
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if not tag or tag in INVISIBLE or (_hidden(element) and element is not shown):
            return
        if tag == "br":
            yield from flush()
            return
        if tag == "img" and (src := (element.get("src") or "").strip()):
            before = made + bool(_collapse("".join(piece for piece, _, _ in buffer)))
            alt = _collapse(element.get("alt") or "")
            images.append((src, alt, before, element.get(FILE_ATTRIBUTE) or ""))
            pictured.setdefault(before, set()).add(_alt_key(alt))
            return
        block = tag in BLOCKS
        if block:
            yield from flush()
            parent = element.getparent()
            if tag in CELLS and parent is not None:
                context.append((ids.setdefault(parent, len(ids)), None))
            elif tag == "li" and parent is not None:
                context.append((None, ids.setdefault(parent, len(ids))))
            else:
                context.append((None, None))
            blocks.append(ELEMENTS.get(tag, "div"))
        region = REGIONS.get(tag)
        if region:
            regions.append(region)
        named.append(_class_words(element))
        pre += tag == "pre"
        links += tag == "a"
        emphasis += tag in EMPHASIS
        start = made
        add(element.text)
        for child in element:
            yield from walk(child)
            add(child.tail)
        if block:
            yield from flush()
            context.pop()
            blocks.pop()
        if region:
            regions.pop()
        named.pop()
        pre -= tag == "pre"
        links -= tag == "a"
        emphasis -= tag in EMPHASIS
        if tag == "table" and made > start and (table := grid(element)) is not None:
            tables.append((start, made, table))

    yield from walk(root)
    yield from flush()


def _alt_key(text: str) -> str:
    """A picture's alt text or a line as they are compared: white space and a closing full stop aside."""
    return "".join(text.split()).rstrip("。.")


MIN_ALT_CHARS = 4  # a line this long at least that prints the alt text of the picture over it is its caption


def grid(table: etree._Element) -> Table | None:
    """A <table> as rows of cell texts, if it is a simple table of data: no cell spans rows or columns, none holds
    a table, a list, a heading or more than one paragraph, none more than MAX_CELL_CHARS characters, two rows and
    two columns at least, every row as wide, at most MAX_TABLE_CELLS cells, and less than half of its text in
    links (a table of links is a list of articles or the navigation). None otherwise. Rows with no text are left
    out; the first row is the header when its cells are all <th> or it is in <thead>. The table's line is the
    rendering's (`render` sets it)."""
    rows: list[tuple[str, ...]] = []
    header = False
    for tr in table.iter("tr"):
        if _hidden(tr):
            continue
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in CELLS and not _hidden(c)]
        if not all(_data_cell(c) for c in cells):
            return None
        texts = tuple(_collapse(" ".join(_visible(c))) for c in cells)
        if not any(texts):
            continue
        if not rows:
            parent = tr.getparent()
            header = all(c.tag.lower() == "th" for c in cells) or (parent is not None and parent.tag == "thead")
        rows.append(texts)
    if len(rows) < 2 or len(rows[0]) < 2 or any(len(r) != len(rows[0]) for r in rows):
        return None
    if len(rows) * len(rows[0]) > MAX_TABLE_CELLS or any(len(t) > MAX_CELL_CHARS for r in rows for t in r):
        return None
    linked = sum(len(_collapse(" ".join(_visible(a)))) for a in table.iter("a"))
    if linked * 2 >= sum(len(t) for r in rows for t in r):
        return None
    caption = table.find("caption")
    title = _collapse(" ".join(_visible(caption))) if caption is not None and not _hidden(caption) else ""
    return Table(0, tuple(rows), header, title)


def _data_cell(cell: etree._Element) -> bool:
    """A cell of a table of data: no spans, and at most one paragraph (or div) inside, no other block."""
    if _span(cell, "colspan") > 1 or _span(cell, "rowspan") > 1:
        return False
    blocks = [e.tag.lower() for e in cell.iterdescendants() if isinstance(e.tag, str) and e.tag.lower() in BLOCKS]
    return len(blocks) <= 1 and all(tag in ("p", "div") for tag in blocks)


def _span(cell: etree._Element, name: str) -> int:
    try:
        return int(cell.get(name) or 1)
    except ValueError:
        return 1


def _visible(element: etree._Element, shown: etree._Element | None = None) -> Iterator[str]:
    """The visible text pieces of an element (what `_segments` shows of it), the `shown` element's though it is
    hidden."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if not tag or tag in INVISIBLE or (_hidden(element) and element is not shown):
        return
    if element.text:
        yield element.text
    for child in element:
        yield from _visible(child, shown)
        if child.tail:
            yield child.tail
