"""An HTML page as input: the lines a scraper would make of it, and what its head says.

The page is decoded (its byte-order mark, else its declared charset, else detection:
`visible_text.decode_html`), parsed as browsers parse it (lxml), and rendered into the visible text a
line per block (`visible_text.render`, the *fine* habit: a line per block, table cell and list item);
those lines go through the same cleaning as a text page.

The head is evidence about the article, never the answer: `<title>` (often the headline with the
site's name after it), `og:title`, `og:site_name`, `article:published_time`, `meta[name=author]`,
JSON-LD `NewsArticle`/`Article` (headline, datePublished, author, publisher), and the meta tags of the
content systems Chinese sites run on (`ArticleTitle`, `PubDate`, `ContentSource`, `publishdate`, `source`).
Some pages leave them empty or fill them wrongly (the site's name as author, the crawl date as published),
so the cleaning takes a value from them only where the text has none, and the report says where each came from
(`stages/metadata.py`, `from_head`).
"""

from __future__ import annotations

import base64
import html
import io
import json
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, unquote_to_bytes

import PIL.Image
from lxml import etree

from pipeline import visible_text
from pipeline.clean.types import DomHints, Head, Picture, Table
from pipeline.errors import InputError
from pipeline.ingest import BOMS

SUFFIXES = (".html", ".htm", ".xhtml")
MAX_IMAGES = 60  # images of one page looked at
MAX_TABLES = 60  # simple tables of one page that may become tables (the others stay lines of text)
MAX_IMAGE_BYTES = 10_000_000
MAX_PIXELS = 40_000_000  # Pillow's own decompression-bomb bound is 89 million
MIN_SIDE = 48  # pixels: a smaller image is an icon, a button or a spacer
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
REMOTE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//")  # http://, https://, //host/…
DATA_URL = re.compile(r"data:(?P<mime>[^;,]*)(?:;[^;,=]+=[^;,]*)*(?P<base64>;base64)?,(?P<data>.*)", re.DOTALL)
IMG_SRC = re.compile(rb"""(?P<before><img\b[^>]*?\bsrc\s*=\s*)(?P<quote>["']?)(?P<src>[^"'\s>]+)(?P=quote)""",
                     re.IGNORECASE)
PARSER_DEPTH = 255  # lxml (libxml2) drops what is nested deeper, without a word: such a page is refused
MAX_JSON_LD = 200_000  # characters of one JSON-LD block read
ARTICLE_TYPES = frozenset(("Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "WebPage"))
# The meta tags (name, property or itemprop) that name the article's headline, its date and its outlet, likeliest
# first: Open Graph's and schema.org's, and those of the content systems Chinese sites run on (TRS's ArticleTitle,
# PubDate and ContentSource on government portals; publishdate and source on news sites).
TITLE_KEYS = ("articletitle",)
PUBLISHED_KEYS = ("article:published_time", "datepublished", "pubdate", "publishdate", "publish_date",
                  "og:release_date", "dc.date.issued", "date")
SOURCE_KEYS = ("contentsource", "source")
# The body's elements marked with the article's date or author (microdata on any element but <meta>, which the
# head's reading takes; HTML's <time pubdate>).
MARKED = etree.XPath("//*[@itemprop and not(self::meta)] | //time[@pubdate]")
# How a page's first bytes start when it is HTML whatever its name (a saved page named .txt).
MARKUP_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Page:
    """An HTML page read: its visible text (a line per block), the encoding it was read in, its head, its
    images that can be printed, what became of each image (for the report), its simple tables, and what the
    markup says of each line."""

    text: str
    encoding: str
    head: Head
    pictures: list[Picture]
    images: list[dict[str, Any]]
    tables: list[Table]
    dom: list[DomHints | None]


def is_html(name: str, data: bytes) -> bool:
    """Whether a seed is an HTML page: by its name (.html, .htm, .xhtml), else by its first bytes."""
    if Path(name).suffix.lower() in SUFFIXES:
        return True
    start = data[:1024]
    for bom, _ in BOMS:
        if start.startswith(bom):
            start = start[len(bom) :]
            break
    return bool(MARKUP_START.match(start))


def read(data: bytes) -> Page:
    """The page's visible text, encoding and head; a page that is not HTML or shows no text is an
    InputError (one line)."""
    text, encoding = visible_text.decode_html(data)
    if "<" not in text[:65536]:
        raise InputError("not an HTML page: no markup in its first 64 KB")
    if text.count("\ufffd") > 0.05 * len(text) or text.count("\x00") > 0:
        raise InputError(f"not an HTML page: binary data, or not in its declared encoding ({encoding})")
    root = visible_text.parse(text)
    if _depth(root) >= PARSER_DEPTH - 1:
        raise InputError(f"elements nested {PARSER_DEPTH} deep or more: the HTML parser would drop what is inside")
    images: list[visible_text.Image] = []
    tables: list[Table] = []
    rendered = visible_text.render(root, images=images, tables=tables)
    lines = [line.text for line in rendered]
    if not lines:
        raise InputError("the HTML page shows no text")
    pictures, notes = [], []
    for image in images[:MAX_IMAGES]:
        picture, why = _picture(image)
        if picture is not None:
            pictures.append(picture)
        notes.append({"src": image.file or image.src[:80], "line": image.line, "outcome": why})
    return Page("\n".join(lines), encoding, read_head(root), pictures, notes, tables[:MAX_TABLES],
                [line.dom for line in rendered])


def _picture(image: visible_text.Image) -> tuple[Picture | None, str]:
    """The image as a Picture, with "checked", or None and why it is left out."""
    src = image.src
    if REMOTE.match(src):
        return None, "left out: a remote image (nothing is fetched)"
    found = DATA_URL.match(src)
    if not found:
        return None, "left out: not a file beside the page (a relative path inside its folder)"
    try:
        blob = base64.b64decode(found["data"], validate=False) if found["base64"] else unquote_to_bytes(found["data"])
    except ValueError:
        return None, "left out: a data: URL that does not decode"
    if len(blob) > MAX_IMAGE_BYTES:
        return None, f"left out: over {MAX_IMAGE_BYTES // 1_000_000} MB"
    try:
        with PIL.Image.open(io.BytesIO(blob)) as opened:
            kind, (width, height) = opened.format, opened.size
            if width * height > MAX_PIXELS:
                return None, f"left out: {width}×{height} pixels, over the {MAX_PIXELS:,} limit"
            opened.verify()
    except PIL.Image.DecompressionBombError:
        return None, "left out: too many pixels to open (a decompression bomb)"
    except (OSError, SyntaxError, ValueError) as exc:
        return None, f"left out: not an image Pillow opens ({type(exc).__name__})"
    if kind not in FORMATS:
        return None, f"left out: {kind} is not an image format e-readers show (JPEG, PNG, GIF, WebP)"
    if min(width, height) < MIN_SIDE:
        return None, f"left out: {width}×{height} pixels, an icon or a spacer"
    uri = f"data:{FORMATS[kind]};base64,{base64.b64encode(blob).decode('ascii')}"
    return Picture(image.line, uri, image.alt, width, height, image.file or src[:80]), "checked"


def inline_images(data: bytes, folder: Path, budget: int) -> bytes:
    """The page's bytes with each image that is a file beside it (a relative path inside the page's folder,
    as "save page as" writes one) put in as a data: URL, up to `budget` bytes in all: the page then
    travels as one piece (to a cluster worker) and its images are part of what the build hashes. Remote,
    missing and outside images are left as they are (the cleaning reports them)."""
    base = folder.resolve()
    left = budget

    def inline(match: re.Match[bytes]) -> bytes:
        nonlocal left
        path = _beside(match["src"], base)
        if path is None:
            return match.group(0)
        try:
            size = path.stat().st_size
            if size > min(MAX_IMAGE_BYTES, left * 3 // 4):
                return match.group(0)
            blob = path.read_bytes()
        except OSError:
            return match.group(0)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        url = f"data:{mime};base64,".encode() + base64.b64encode(blob)
        left -= len(url)
        return match["before"] + b'"' + url + b'" ' + visible_text.FILE_ATTRIBUTE.encode() + b'="' + match["src"] + b'"'

    return IMG_SRC.sub(inline, data)


def _beside(src: bytes, base: Path) -> Path | None:
    """The file a relative image src names inside the page's folder (None for a URL, an absolute path, a
    path leading out of the folder, or one that is not a regular file)."""
    try:
        text = html.unescape(src.decode("utf-8"))
    except UnicodeDecodeError:
        text = html.unescape(src.decode("gb18030", "replace"))
    if REMOTE.match(text) or DATA_URL.match(text) or ":" in text.split("/")[0] or text.startswith(("/", "\\")):
        return None
    path = (base / unquote(text.split("?")[0].split("#")[0])).resolve()
    return path if path.is_relative_to(base) and path.is_file() else None


def _depth(root: etree._Element) -> int:
    """How deep the page's elements are nested."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def read_head(root: etree._Element) -> Head:
    """The head's evidence: <title>, Open Graph and article meta, JSON-LD."""
    meta: dict[str, str] = {}
    authors: list[str] = []
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = _collapse(element.get("content") or "")
        if not key or not content:
            continue
        if key in ("author", "article:author", "byl", "dc.creator"):
            if content not in authors and not content.startswith(("http://", "https://")):
                authors.append(content)
        else:
            meta.setdefault(key, content)
    linked = _json_ld(root)
    marked_date, marked_authors = _marked(root)
    return Head(
        title=visible_text.page_title(root),
        og_title=meta.get("og:title", ""),
        site_name=meta.get("og:site_name", "") or _name(linked.get("publisher")),
        headline=_text(linked.get("headline")),
        article_title=_first(meta, TITLE_KEYS).split("<")[0].strip(),  # 标题<div>——副题</div>: the headline
        published=_first(meta, PUBLISHED_KEYS) or _text(linked.get("datePublished")) or marked_date,
        source="" if REMOTE.match(source := _first(meta, SOURCE_KEYS)) else source,
        authors=tuple(dict.fromkeys([*authors, *_names(linked.get("author")), *marked_authors])),
    )


def _marked(root: etree._Element) -> tuple[str, list[str]]:
    """What the body's markup marks: the date published (the first element with microdata's
    itemprop="datePublished" or a <time pubdate>, from its datetime or content, else its text; "" without one)
    and the authors (microdata's itemprop="author": its itemprop="name" inside, as text or a <meta>'s content,
    else its text; a name given as an address is none). A link marked rel="author" is not read: its words are as
    often 作者主页 as a name. One pass of XPath over the elements so marked."""
    date, names = "", []
    found = MARKED(root)
    for element in found if isinstance(found, list) else []:
        if not isinstance(element, etree._Element):
            continue
        prop = (element.get("itemprop") or "").strip().lower()
        if prop == "author":
            named = next((e for e in element.iter() if (e.get("itemprop") or "").strip().lower() == "name"), element)
            name = _collapse(named.get("content") or "".join(map(str, named.itertext())))
            if name and not REMOTE.match(name) and name not in names:
                names.append(name)
        elif not date and (prop == "datepublished" or (element.tag == "time" and element.get("pubdate") is not None)):
            date = _collapse(element.get("datetime") or element.get("content") or "".join(map(str, element.itertext())))
    return date, names


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    """The first of the meta tags `keys` names that the page fills."""
    return next((meta[key] for key in keys if meta.get(key)), "")


def _json_ld(root: etree._Element) -> dict[str, Any]:
    """The first Article-like object of the page's JSON-LD blocks ({} without one; a broken block is
    passed over: it is evidence, not input)."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text[:MAX_JSON_LD])
        except (ValueError, RecursionError):
            continue
        for item in _items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k in ARTICLE_TYPES for k in kinds):
                return item
    return {}


def _items(data: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD block: itself, the members of a list or of an @graph."""
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    if isinstance(data, dict):
        graph = data.get("@graph")
        return [data, *(item for item in graph if isinstance(item, dict))] if isinstance(graph, list) else [data]
    return []


def _text(value: Any) -> str:
    return _collapse(value) if isinstance(value, str) else ""


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list) and value:
        return _name(value[0])
    return _text(value)


def _names(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(name for name in (_name(v) for v in values) if name)


def _collapse(text: str) -> str:
    return " ".join(text.split())
