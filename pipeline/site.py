"""What dist/ publishes beside the documents: manifest.json, SHA256SUMS, the download site (index.html and the
listings beside it: page-N.html, sources.html, source-*.html, months.html, month-*.html; each document's page
dist/<id>/index.html) and its search index (search.py).

manifest.json (schema 1):
    {"schema": 1, "generator": "pipeline X.Y.Z",
     "documents": [{"document", "title", "subtitle", "published", "source", "publisher", "authors", "editors",
                    "lang", "report", "failed"}],
     "files": [{"document", "variant", "format", "path", "size", "sha256", "report"}]}
Paths are relative to dist/; `report` is the document's cleaning report (report.json); `failed` is null, or
the error of the last build of a document whose files are from an earlier build.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline import __version__, search
from pipeline.chinese import byline
from pipeline.writing import write_atomic

RECORD = ".inputs.json"  # per document folder, its record: what made each output, written by the build
REPORT = "report.json"  # per document folder: the cleaning report
FORMAT_LABELS = {"html": "HTML", "epub": "EPUB", "pdf": "PDF", "docx": "Word", "xml": "DocBook XML"}
FORMAT_ORDER = ("html", "pdf", "epub", "docx", "xml")
READ = "html"  # the format read in the browser (a link that opens; the others download)
PER_PAGE = 50  # documents on a page of a listing
GROUPS_PER_PAGE = 300  # outlets or months on a page of their index
# The pages speak the script most of the documents are written in.
UI = {
    "zh-Hans": {"title": "文档下载", "report": "清理报告", "format": "格式", "size": "大小",
                "footer": "由 pipeline {version} 生成。",
                "stale": "以下文件来自较早的一次构建：最近一次构建未能完成。",
                "lead": "共 {count} 篇文档，按发布时间排列，最新的在前；格式：{formats}。"
                        "校验值见 {sums}，文件清单见 {manifest}。",
                "all": "全部文档", "sources": "按来源", "months": "按月份", "no_source": "未注明来源",
                "no_date": "未注明日期", "count": "{count} 篇", "prev": "上一页", "next": "下一页",
                "pages": "分页", "page": "第 {n} 页", "read": "在线阅读", "search": "全文搜索", "web": "网页",
                "found": "找到 {count} 篇", "more": "更多结果"},
    "zh-Hant": {"title": "文件下載", "report": "清理報告", "format": "格式", "size": "大小",
                "footer": "由 pipeline {version} 產生。",
                "stale": "以下檔案來自較早的一次建置：最近一次建置未能完成。",
                "lead": "共 {count} 篇文件，依發布時間排列，最新的在前；格式：{formats}。"
                        "校驗值見 {sums}，檔案清單見 {manifest}。",
                "all": "全部文件", "sources": "依來源", "months": "依月份", "no_source": "未註明來源",
                "no_date": "未註明日期", "count": "{count} 篇", "prev": "上一頁", "next": "下一頁",
                "pages": "分頁", "page": "第 {n} 頁", "read": "線上閱讀", "search": "全文搜尋", "web": "網頁",
                "found": "找到 {count} 篇", "more": "更多結果"},
}
PAGE = "index.html"  # a document's own page, in its folder
VARIANT_LABELS = {"zh-Hans": "简体", "zh-Hant": "繁體", "zh-Hant-TW": "繁體（台灣）", "zh-Hant-HK": "繁體（香港）"}


@dataclass(frozen=True)
class File:
    """One output file as the manifest lists it."""

    document: str
    variant: str
    format: str
    path: str
    size: int
    sha256: str
    report: str


def sha256(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def thumbnail_name(doc_id: str) -> str:
    """The file name of a document's cover thumbnail in its folder."""
    return f"{doc_id}.thumb.webp"


def document_folders(out: Path) -> list[Path]:
    """The folders in the output folder, by name (read from the folder's listing: no call per folder)."""
    with os.scandir(out) as entries:
        names = sorted(entry.name for entry in entries if entry.is_dir(follow_symlinks=False))
    return [out / name for name in names]


def recorded_file(path: Path, entry: dict[str, Any] | None) -> tuple[int, str] | None:
    """A file's size and SHA-256: the hash the build recorded when it wrote it (`entry`: size, mtime_ns, sha256)
    while the file is the one it wrote (the same size and time), else the file hashed again; None when it is
    not there."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    if entry and entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns:
        return stat.st_size, str(entry["sha256"])
    return stat.st_size, sha256(path)


def collect(out: Path) -> tuple[list[dict[str, Any]], list[File], list[tuple[str, str]]]:
    """The documents (from each folder's record of its build), their output files, and the path and SHA-256
    of each document's report and thumbnail."""
    documents, files, extras = [], [], []
    for folder in document_folders(out):
        try:
            record = json.loads((folder / RECORD).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        doc_id, info = folder.name, record.get("document", {})
        report, thumb = f"{doc_id}/{REPORT}", f"{doc_id}/{thumbnail_name(doc_id)}"
        written = record.get("extras", {})
        found = {f"{doc_id}/{name}": recorded_file(folder / name, written.get(name))
                 for name in (REPORT, thumbnail_name(doc_id))}
        extras += [(path, known[1]) for path, known in found.items() if known]
        documents.append({"document": doc_id, "title": info.get("title"), "subtitle": info.get("subtitle"),
                          "published": info.get("published"), "source": info.get("source"),
                          "publisher": info.get("publisher"), "authors": info.get("authors") or [],
                          "editors": info.get("editors") or [], "lang": info.get("lang", "zh-Hans"),
                          "report": report, "thumbnail": thumb if found[thumb] else None,
                          "page": f"{doc_id}/{PAGE}", "lead": info.get("lead") or "", "failed": record.get("failed")})
        recorded = record.get("files", {})
        for name in sorted(record.get("outputs", {})):
            if (known := recorded_file(folder / name, recorded.get(name))) is None:
                continue
            tag, _, ext = name[len(doc_id) + 1 :].rpartition(".")
            files.append(File(doc_id, tag, ext, f"{doc_id}/{name}", *known, report))
    return documents, files, extras


def publish(out: Path, *, on_note: Callable[[str], None] = print) -> None:
    """Write manifest.json, SHA256SUMS, the site's listings, each document's page and the search index for
    what dist/ holds now. Every page is rewritten only when it changes; pages no longer listed go."""
    documents, files, extras = collect(out)
    write_atomic(out / "manifest.json", manifest_json(documents, files).encode())
    sums = [(f.path, f.sha256) for f in files] + extras
    lines = [f"{digest}  {path}" for path, digest in sorted(sums)]  # sha256sum's format, by path
    write_atomic(out / "SHA256SUMS", ("\n".join(lines) + "\n").encode())
    by_document = _by_document(files)
    searchable = search.update(out, [f for f in files if f.format == READ], on_note=on_note)
    written = {path: html_text for path, html_text in listings(documents, by_document, searchable=searchable)}
    for path, text in written.items():
        _write_changed(out / path, text.encode())
    _remove_unlisted(out, set(written))
    for doc in documents:  # each document's own page
        _write_changed(out / doc["page"], document_html(doc, by_document.get(doc["document"], [])).encode())


def manifest_json(documents: list[dict[str, Any]], files: list[File]) -> str:
    """manifest.json with a document or a file a line: readable, and written by json's C encoder (an indented
    dump goes through the pure-Python one, a second at 50,000 documents)."""
    def rows(items: list[dict[str, Any]]) -> str:
        return ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)

    return (f'{{"schema": 1, "generator": {json.dumps(f"pipeline {__version__}")},\n"documents": [\n'
            f'{rows(documents)}\n],\n"files": [\n{rows([f.__dict__ for f in files])}\n]}}\n')


def _write_changed(path: Path, data: bytes) -> None:
    """Write a page only when it changes (a no-op rebuild rewrites nothing)."""
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)


LISTING = re.compile(r"(page|sources?|months?)(-[\w-]+)?\.html")  # the names of the listing pages (listings())


def _remove_unlisted(out: Path, listed: set[str]) -> None:
    """Remove the listing pages of outlets, months and page numbers that the archive no longer has."""
    for page in out.glob("*.html"):
        if page.name not in listed and LISTING.fullmatch(page.name):
            page.unlink()


def _by_document(files: list[File]) -> dict[str, list[File]]:
    """Each document's files, in one pass (the pages are linear in the number of documents)."""
    grouped: dict[str, list[File]] = {}
    for file in files:
        grouped.setdefault(file.document, []).append(file)
    return grouped


def document_html(doc: dict[str, Any], own: list[File]) -> str:
    """A document's own page (dist/<id>/index.html, a link to share): its title, subtitle, byline, the abstract
    or the start of its text, the cover, and every file of every variant with its size and SHA-256."""
    esc = html.escape
    lang = str(doc.get("lang") or "zh-Hans")
    ui = UI["zh-Hant" if lang.startswith("zh-Hant") else "zh-Hans"]
    prefix = f"{doc['document']}/"
    title = esc(doc.get("title") or doc["document"])
    parts = ["<!DOCTYPE html>", f'<html lang="{esc(lang)}">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{title}</title>",
             f"<style>{PAGE_CSS}</style>", "</head>", "<body>", "<main>",
             site_nav(ui, up="../"), "<article>"]
    if doc.get("thumbnail"):
        parts.append(f'<img class="thumb" src="{esc(quote(doc["thumbnail"].removeprefix(prefix)))}" alt="" '
                     'width="150" height="200">')
    parts += [f"<h1>{title}</h1>", *_about(doc, ui, lead=True)]
    reading = [f for f in sorted(own, key=lambda f: _variant_order(f.variant)) if f.format == READ]
    if reading:
        links = " ".join(f'<a href="{esc(quote(f.path.removeprefix(prefix)))}" lang="{esc(f.variant)}">'
                         f"{esc(VARIANT_LABELS.get(f.variant, f.variant))}</a>" for f in reading)
        parts.append(f'<div class="variant"><b>{ui["read"]}</b> {links}</div>')
    for tag in sorted({f.variant for f in own}, key=_variant_order):
        rows = "".join(
            f'<tr><td><a href="{esc(quote(f.path.removeprefix(prefix)))}"{"" if f.format == READ else " download"}>'
            f"{esc(f.format.upper())}</a></td>"
            f"<td>{human_size(f.size)}</td><td><code>{esc(f.sha256)}</code></td></tr>"
            for f in sorted((f for f in own if f.variant == tag), key=_format_order))
        label = esc(VARIANT_LABELS.get(tag, tag))
        parts.append(f'<table class="files" lang="{esc(tag)}"><caption>{label}</caption>'
                     f"<tr><th>{ui['format']}</th><th>{ui['size']}</th><th>SHA-256</th></tr>{rows}</table>")
    parts.append(f'<p class="meta"><a href="{esc(quote(doc["report"].removeprefix(prefix)))}">{ui["report"]}</a></p>')
    parts += ["</article>", "</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _format_order(file: File) -> int:
    return FORMAT_ORDER.index(file.format) if file.format in FORMAT_ORDER else len(FORMAT_ORDER)


def human_size(size: int) -> str:
    """1.2 MB, 340 KB, 900 B."""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


PAGE_CSS = """
table.files { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .9rem; }
table.files caption { text-align: left; font-weight: bold; }
table.files th, table.files td { text-align: left; padding: .2rem .5rem; border-bottom: 1px solid var(--line);
                               white-space: nowrap; }
table.files td:last-child { white-space: normal; }
table.files code { font-size: .72rem; word-break: break-all; color: var(--muted); }
.abstract { text-indent: 2em; }
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f5f66; --line: #e3e1da; --accent: #8c1c13; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 16px/1.7 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       color: var(--ink); background: #faf9f6; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.lead { color: var(--muted); margin: 0 0 1.5rem; }
article { background: #fff; border: 1px solid var(--line); border-radius: .6rem;
          padding: 1rem 1.1rem; margin: 0 0 1rem; }
article h2 { font-size: 1.15rem; margin: 0; line-height: 1.5; }
.subtitle { margin: .1rem 0 0; color: var(--muted); }
.meta { margin: .3rem 0 .6rem; color: var(--muted); font-size: .9rem; }
.variant { display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem .6rem; padding: .45rem 0;
           border-top: 1px solid var(--line); }
.variant b { min-width: 6.5rem; font-weight: 600; }
.variant a { display: inline-block; padding: .2rem .6rem; border: 1px solid var(--accent); border-radius: 1rem;
             color: var(--accent); text-decoration: none; font-size: .92rem; }
.variant a:hover, .variant a:focus { background: var(--accent); color: #fff; }
.size { color: var(--muted); font-size: .8rem; }
footer { color: var(--muted); font-size: .85rem; margin-top: 2rem; }
article { display: grid; grid-template-columns: 75px minmax(0, 1fr); column-gap: 1rem; }
article > .thumb { grid-row: 1 / span 9; width: 75px; height: 100px; border: 1px solid var(--line); }
article > :not(.thumb) { grid-column: 2; }
nav.site { display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0 0 1rem; font-size: .95rem; }
nav.site a[aria-current], nav.pages a[aria-current] { font-weight: bold; color: var(--ink); text-decoration: none; }
nav.pages { display: flex; flex-wrap: wrap; gap: .3rem .6rem; margin: 1.5rem 0; }
ul.groups { columns: 14rem; padding: 0; list-style: none; }
ul.groups li { break-inside: avoid; padding: .15rem 0; }
ul.groups .size { margin-left: .4rem; }
#search { margin: 0 0 1rem; }
#search input { width: 100%; font: inherit; padding: .5rem .8rem; border: 1px solid var(--line); border-radius: .5rem; }
#search output { display: block; color: var(--muted); font-size: .9rem; margin-top: .3rem; }
#found { padding: 0; list-style: none; margin: 0 0 1.5rem; }
#found li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
#found p { margin: .2rem 0 0; color: var(--muted); font-size: .9rem; }
#more { font: inherit; margin: 0 0 1.5rem; padding: .3rem 1rem; border: 1px solid var(--accent); border-radius: 1rem;
        background: none; color: var(--accent); }
#found mark { background: #fbe7a1; color: inherit; }
"""
def _variant_order(tag: str) -> int:
    return list(VARIANT_LABELS).index(tag) if tag in VARIANT_LABELS else len(VARIANT_LABELS)




def newest_first(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents by the time they were published, newest first; undated ones last, by id."""
    dated = sorted((d for d in documents if d.get("published")), key=lambda d: (str(d["published"]), d["document"]),
                   reverse=True)
    return dated + sorted((d for d in documents if not d.get("published")), key=lambda d: str(d["document"]))


MONTH = re.compile(r"\d{4}-\d{2}")


def outlet(doc: dict[str, Any]) -> str:
    """The outlet a document is browsed under: its source, else the site that published it ('' for neither)."""
    return str(doc.get("source") or doc.get("publisher") or "")


def month(doc: dict[str, Any]) -> str:
    """The month a document was published in, YYYY-MM ('' when undated)."""
    found = MONTH.match(str(doc.get("published") or ""))
    return found.group() if found else ""


def group_name(kind: str, key: str) -> str:
    """The name of an outlet's or a month's listing: month-2026-01, source-<hash of the name> (any name makes a
    safe file name), and month-none, source-none for the documents without one."""
    if not key:
        return f"{kind}-none"
    return f"{kind}-{key}" if kind == "month" else f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def page_path(name: str, number: int) -> str:
    """A listing's page: all documents index.html, page-2.html …; the others <name>.html, <name>-2.html …. The
    pages sit beside index.html (links within the site are the same from every page); no document takes a name
    ending in .html (build.unsafe_id)."""
    if not name:
        return "index.html" if number == 1 else f"page-{number}.html"
    return f"{name}.html" if number == 1 else f"{name}-{number}.html"


def listings(documents: list[dict[str, Any]], by_document: dict[str, list[File]], *,
             searchable: bool = False) -> Iterator[tuple[str, str]]:
    """Every listing page of the site as (path in dist/, HTML): all documents newest first, the same by outlet and
    by month, and the index of outlets and of months; each paged, so that no page grows with the archive."""
    ui, lang = _ui(documents)
    ordered = newest_first(documents)
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {"source": {}, "month": {}}
    for doc in ordered:
        groups["source"].setdefault(outlet(doc), []).append(doc)
        groups["month"].setdefault(month(doc), []).append(doc)
    present = {f.format for files in by_document.values() for f in files}
    formats = "、".join(ui["web"] if fmt == READ else FORMAT_LABELS[fmt] for fmt in FORMAT_ORDER if fmt in present)
    site = Listing(ui, lang, by_document, formats or "—", searchable)
    yield from site.documents("", ui["title"], ordered, section="all", lead=True)
    for kind, label in (("source", ui["sources"]), ("month", ui["months"])):
        named = groups[kind]
        keys = sorted(named, key=lambda k: (-len(named[k]), k)) if kind == "source" else sorted(named, reverse=True)
        keys = [k for k in keys if k] + ([""] if "" in named else [])  # those without one last
        names = {k: k or ui["no_source" if kind == "source" else "no_date"] for k in keys}
        yield from site.groups(f"{kind}s", label, [(names[k], group_name(kind, k), len(named[k])) for k in keys],
                               section=kind)
        for key in keys:
            yield from site.documents(group_name(kind, key), f"{label}：{names[key]}", named[key], section=kind)


def _ui(documents: list[dict[str, Any]]) -> tuple[dict[str, str], str]:
    traditional = sum(1 for d in documents if str(d.get("lang", "")).startswith("zh-Hant"))
    lang = "zh-Hant" if traditional * 2 > len(documents) else "zh-Hans"
    return UI[lang], lang


@dataclass(frozen=True)
class Listing:
    """The listing pages' common parts: the head, the site's navigation, the pager, a document's card."""

    ui: dict[str, str]
    lang: str
    by_document: dict[str, list[File]]
    formats: str  # those the archive has, as the lead names them
    searchable: bool
    cards: dict[str, str] = field(default_factory=dict)  # by document id

    def documents(self, name: str, heading: str, docs: list[dict[str, Any]], *, section: str,
                  lead: bool = False) -> Iterator[tuple[str, str]]:
        """The pages of a list of documents, PER_PAGE a page."""
        total = max(1, -(-len(docs) // PER_PAGE))
        for number in range(1, total + 1):
            body = []
            if lead:
                body.append('<p class="lead">' + self.ui["lead"].format(
                    count=len(docs), formats=self.formats, sums='<a href="SHA256SUMS">SHA256SUMS</a>',
                    manifest='<a href="manifest.json">manifest.json</a>') + "</p>")
            else:
                body.append(f'<p class="lead">{self.ui["count"].format(count=len(docs))}</p>')
            chunk = docs[(number - 1) * PER_PAGE : number * PER_PAGE]
            body += [self.card(doc) for doc in chunk]
            body.append(self.pager(name, number, total))
            yield page_path(name, number), self.page(
                heading if number == 1 else f"{heading}（{self.ui['page'].format(n=number)}）", body, section)

    def groups(self, name: str, heading: str, entries: list[tuple[str, str, int]], *,
               section: str) -> Iterator[tuple[str, str]]:
        """The pages of an index of outlets or months: (label, listing name, documents) each, GROUPS_PER_PAGE a
        page."""
        esc = html.escape
        total = max(1, -(-len(entries) // GROUPS_PER_PAGE))
        for number in range(1, total + 1):
            chunk = entries[(number - 1) * GROUPS_PER_PAGE : number * GROUPS_PER_PAGE]
            items = "".join(f'<li><a href="{esc(page_path(listing, 1))}">{esc(label)}</a>'
                            f'<span class="size">{self.ui["count"].format(count=count)}</span></li>'
                            for label, listing, count in chunk)
            yield page_path(name, number), self.page(
                heading, [f'<ul class="groups">{items}</ul>', self.pager(name, number, total)], section)

    def card(self, doc: dict[str, Any]) -> str:
        """A document's card, made once for every listing it is in."""
        made = self.cards.get(doc["document"])
        if made is None:
            made = self.cards[doc["document"]] = card(doc, self.by_document.get(doc["document"], []), self.ui)
        return made

    def pager(self, name: str, number: int, total: int) -> str:
        """Links to the first and last pages, the two on each side of this one, and the previous and next."""
        if total == 1:
            return ""
        shown = sorted({1, total, *range(max(1, number - 2), min(total, number + 2) + 1)})
        links = []
        if number > 1:
            links.append(f'<a href="{page_path(name, number - 1)}" rel="prev">{self.ui["prev"]}</a>')
        for k, n in enumerate(shown):
            if k and n - shown[k - 1] > 1:
                links.append("<span>…</span>")
            current = ' aria-current="page"' if n == number else ""
            links.append(f'<a href="{page_path(name, n)}"{current}>{n}</a>')
        if number < total:
            links.append(f'<a href="{page_path(name, number + 1)}" rel="next">{self.ui["next"]}</a>')
        return f'<nav class="pages" aria-label="{self.ui["pages"]}">{"".join(links)}</nav>'

    def page(self, heading: str, body: list[str], section: str) -> str:
        """A whole listing page: the site's navigation, the search box (where it can work), the body."""
        esc = html.escape
        parts = ["<!DOCTYPE html>", f'<html lang="{self.lang}">', "<head>", '<meta charset="utf-8">',
                 '<meta name="viewport" content="width=device-width, initial-scale=1">',
                 f"<title>{esc(heading)}</title>", f"<style>{PAGE_CSS}</style>", "</head>", "<body>", "<main>",
                 f"<h1>{esc(heading)}</h1>", site_nav(self.ui, section=section)]
        if self.searchable:
            parts.append(search.box(self.ui))
        parts += [*(b for b in body if b), f"<footer>{self.ui['footer'].format(version=esc(__version__))}</footer>",
                  "</main>", "</body>", "</html>", ""]
        return "\n".join(parts)


SECTIONS = (("all", "index.html"), ("source", "sources.html"), ("month", "months.html"))  # the site's listings


def site_nav(ui: dict[str, str], *, up: str = "", section: str = "") -> str:
    """The links to the site's three listings (`up`: the way to the site's top), the current one marked."""
    labels = {"all": ui["all"], "source": ui["sources"], "month": ui["months"]}
    current = ' aria-current="page"'
    links = "".join(f'<a href="{up}{target}"{current if key == section else ""}>{labels[key]}</a>'
                    for key, target in SECTIONS)
    return f'<nav class="site">{links}</nav>'


def _about(doc: dict[str, Any], ui: dict[str, str], *, lead: bool = False) -> list[str]:
    """What a document's card and page say under its title: the subtitle, the byline, the abstract or the start
    of the text (`lead`), and that its files are from an earlier build, each where there is one."""
    esc = html.escape
    meta = esc(byline(doc.get("published"), doc.get("source"), doc.get("authors") or [], doc.get("editors") or [],
                      str(doc.get("lang") or "zh-Hans")))
    return [part for part, there in (
        (f'<p class="subtitle">{esc(str(doc.get("subtitle")))}</p>', doc.get("subtitle")),
        (f'<p class="meta">{meta}</p>', meta),
        (f'<p class="abstract">{esc(str(doc.get("lead")))}</p>', lead and doc.get("lead")),
        (f'<p class="meta stale">{ui["stale"]}</p>', doc.get("failed"))) if there]


def card(doc: dict[str, Any], own: list[File], ui: dict[str, str]) -> str:
    """A document in a listing: its cover, title (a link to its page), subtitle, byline, and per variant a link to
    read it and one to download each format, with its size."""
    esc = html.escape
    variants = sorted({f.variant for f in own}, key=_variant_order)
    lang = variants[0] if variants else "zh-Hans"
    parts = [f'<article id="{esc(doc["document"])}" lang="{esc(lang)}">']
    if doc.get("thumbnail"):
        parts.append(f'<img class="thumb" src="{esc(quote(doc["thumbnail"]))}" alt="" width="75" height="100" '
                     'loading="lazy">')
    page = doc.get("page") or f"{doc['document']}/{PAGE}"
    parts.append(f'<h2><a href="{esc(quote(page))}">{esc(doc.get("title") or doc["document"])}</a></h2>')
    parts += _about(doc, ui)
    for tag in variants:
        links = sorted((f for f in own if f.variant == tag), key=_format_order)
        anchors = " ".join(_file_link(f, quote(f.path), ui) for f in links)
        label = esc(VARIANT_LABELS.get(tag, tag))
        parts.append(f'<div class="variant" lang="{esc(tag)}"><b>{label}</b> {anchors}</div>')
    parts.append(f'<p class="meta"><a href="{esc(quote(doc["report"]))}">{ui["report"]}</a></p>')
    parts.append("</article>")
    return "\n".join(parts)


def _file_link(file: File, href: str, ui: dict[str, str]) -> str:
    """A link to one file: the web page opens to read, every other format downloads."""
    esc = html.escape
    label = ui["read"] if file.format == READ else FORMAT_LABELS.get(file.format, file.format)
    download = "" if file.format == READ else " download"
    return (f'<a href="{esc(href)}"{download} data-format="{esc(file.format)}" data-size="{file.size}">'
            f'{esc(label)} <span class="size">{human_size(file.size)}</span></a>')
