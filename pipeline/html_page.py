"""An HTML page as input: the lines a scraper would make of it, and what its head says.

The page is decoded (its byte-order mark, else its declared charset, else detection:
`visible_text.decode_html`), parsed as browsers parse it (lxml), and rendered into the visible text a
line per block (`visible_text.render`, the *fine* habit: a line per block, table cell and list item);
those lines go through the same cleaning as a text page.

The head is evidence about the article, never the answer: `<title>` (often the headline with the
site's name after it), `og:title`, `og:site_name`, `article:published_time`, `meta[name=author]` and
JSON-LD `NewsArticle`/`Article` (headline, datePublished, author, publisher). Some pages leave them
empty or fill them wrongly (the site's name as author, the crawl date as published), so the cleaning
takes a value from them only where the text has none, and the report says where each came from
(`stages/metadata.py`, `from_head`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from pipeline import visible_text
from pipeline.clean.types import Head
from pipeline.errors import InputError
from pipeline.ingest import BOMS

SUFFIXES = (".html", ".htm", ".xhtml")
PARSER_DEPTH = 255  # lxml (libxml2) drops what is nested deeper, without a word: such a page is refused
MAX_JSON_LD = 200_000  # characters of one JSON-LD block read
ARTICLE_TYPES = frozenset(("Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "WebPage"))
# How a page's first bytes start when it is HTML whatever its name (a saved page named .txt).
MARKUP_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Page:
    """An HTML page read: its visible text (a line per block), the encoding it was read in, its head."""

    text: str
    encoding: str
    head: Head


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
    lines = [line.text for line in visible_text.render(root)]
    if not lines:
        raise InputError("the HTML page shows no text")
    return Page("\n".join(lines), encoding, read_head(root))


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
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = _collapse(element.get("content") or "")
        if not key or not content:
            continue
        if key in ("author", "article:author", "byl", "dc.creator"):
            if content not in authors and not content.startswith(("http://", "https://")):
                authors.append(content)
        else:
            meta.setdefault(key, content)
    linked = _json_ld(root)
    return Head(
        title=visible_text.page_title(root),
        og_title=meta.get("og:title", ""),
        site_name=meta.get("og:site_name", "") or _name(linked.get("publisher")),
        headline=_text(linked.get("headline")),
        published=meta.get("article:published_time", "") or meta.get("pubdate", "") or _text(
            linked.get("datePublished")),
        authors=tuple(dict.fromkeys([*authors, *_names(linked.get("author"))])),
    )


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
