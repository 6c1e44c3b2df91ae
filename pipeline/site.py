"""What dist/ publishes beside the documents: manifest.json, SHA256SUMS and index.html (the download page).

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline import __version__
from pipeline.chinese import byline
from pipeline.writing import write_atomic

RECORD = ".inputs.json"  # per document folder, its record: what made each output, written by the build
REPORT = "report.json"  # per document folder: the cleaning report
FORMAT_LABELS = {"epub": "EPUB", "pdf": "PDF", "docx": "Word", "xml": "DocBook XML"}
FORMAT_ORDER = ("pdf", "epub", "docx", "xml")
# The page speaks the script most of its documents are written in.
UI = {
    "zh-Hans": {"title": "文档下载", "report": "清理报告", "format": "格式", "size": "大小",
                "footer": "由 pipeline {version} 生成。",
                "stale": "以下文件来自较早的一次构建：最近一次构建未能完成。",
                "filter": "按标题、来源或日期筛选",
                "lead": "共 {count} 篇文档，提供 PDF、EPUB、Word 与 DocBook XML 格式。"
                        "校验值见 {sums}，文件清单见 {manifest}。"},
    "zh-Hant": {"title": "文件下載", "report": "清理報告", "format": "格式", "size": "大小",
                "footer": "由 pipeline {version} 產生。",
                "stale": "以下檔案來自較早的一次建置：最近一次建置未能完成。",
                "filter": "依標題、來源或日期篩選",
                "lead": "共 {count} 篇文件，提供 PDF、EPUB、Word 與 DocBook XML 格式。"
                        "校驗值見 {sums}，檔案清單見 {manifest}。"},
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


def collect(out: Path) -> tuple[list[dict[str, Any]], list[File]]:
    """The documents (from each folder's record of its build) and their output files."""
    documents, files = [], []
    for folder in sorted(p for p in out.iterdir() if p.is_dir()):
        try:
            record = json.loads((folder / RECORD).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        doc_id, info = folder.name, record.get("document", {})
        report, thumb = f"{doc_id}/{REPORT}", f"{doc_id}/{thumbnail_name(doc_id)}"
        documents.append({"document": doc_id, "title": info.get("title"), "subtitle": info.get("subtitle"),
                          "published": info.get("published"), "source": info.get("source"),
                          "publisher": info.get("publisher"), "authors": info.get("authors") or [],
                          "editors": info.get("editors") or [], "lang": info.get("lang", "zh-Hans"),
                          "report": report, "thumbnail": thumb if (out / thumb).exists() else None,
                          "page": f"{doc_id}/{PAGE}", "lead": info.get("lead") or "", "failed": record.get("failed")})
        recorded = record.get("files", {})
        for name in sorted(record.get("outputs", {})):
            path = folder / name
            if not path.exists():
                continue
            stat = path.stat()
            entry = recorded.get(name, {})
            # The hash the build recorded, while the file is the one it wrote; else hash it again.
            same = entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns
            digest = entry["sha256"] if same else sha256(path)
            tag, _, ext = name[len(doc_id) + 1 :].rpartition(".")
            files.append(File(doc_id, tag, ext, f"{doc_id}/{name}", stat.st_size, digest, report))
    return documents, files


def publish(out: Path) -> None:
    """Write manifest.json, SHA256SUMS and index.html for what dist/ holds now."""
    documents, files = collect(out)
    manifest = {"schema": 1, "generator": f"pipeline {__version__}", "documents": documents,
                "files": [f.__dict__ for f in files]}
    write_atomic(out / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    sums = [(f.path, f.sha256) for f in files]
    sums += [(d[key], sha256(out / d[key])) for d in documents for key in ("report", "thumbnail")
             if d[key] and (out / d[key]).exists()]
    lines = [f"{digest}  {path}" for path, digest in sorted(sums)]  # sha256sum's format, by path
    write_atomic(out / "SHA256SUMS", ("\n".join(lines) + "\n").encode())
    write_atomic(out / "index.html", index_html(documents, files).encode())
    by_document = _by_document(files)
    for doc in documents:  # each document's own page, rewritten only when it changes
        page = out / doc["page"]
        data = document_html(doc, by_document.get(doc["document"], [])).encode()
        if not page.is_file() or page.read_bytes() != data:
            write_atomic(page, data)


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
    meta = esc(byline(doc.get("published"), doc.get("source"), doc.get("authors") or [], doc.get("editors") or [],
                      lang))
    title = esc(doc.get("title") or doc["document"])
    parts = ["<!DOCTYPE html>", f'<html lang="{esc(lang)}">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{title}</title>",
             f"<style>{PAGE_CSS}</style>", "</head>", "<body>", "<main>",
             f'<p class="meta"><a href="../index.html">{ui["title"]}</a></p>', "<article>"]
    if doc.get("thumbnail"):
        parts.append(f'<img class="thumb" src="{esc(quote(doc["thumbnail"].removeprefix(prefix)))}" alt="" '
                     'width="150" height="200">')
    parts.append(f"<h1>{title}</h1>")
    if doc.get("subtitle"):
        parts.append(f'<p class="subtitle">{esc(doc["subtitle"])}</p>')
    if meta:
        parts.append(f'<p class="meta">{meta}</p>')
    if doc.get("lead"):
        parts.append(f'<p class="abstract">{esc(doc["lead"])}</p>')
    if doc.get("failed"):
        parts.append(f'<p class="meta stale">{ui["stale"]}</p>')
    for tag in sorted({f.variant for f in own}, key=_variant_order):
        rows = "".join(
            f'<tr><td><a href="{esc(quote(f.path.removeprefix(prefix)))}" download>{esc(f.format.upper())}</a></td>'
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
#filter { width: 100%; font: inherit; padding: .5rem .8rem; margin: 0 0 1rem; border: 1px solid var(--line);
          border-radius: .5rem; }
"""
FILTER_AFTER = 10  # documents on a page before it offers a filter box
# The filter box shows itself (a page without scripts lists everything) and hides the documents
# whose title, subtitle, source and date do not hold every word typed.
FILTER_SCRIPT = """
const box = document.getElementById("filter");
box.hidden = false;
box.addEventListener("input", () => {
  const words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
  for (const doc of document.querySelectorAll("article[data-search]")) {
    const text = doc.dataset.search.toLowerCase();
    doc.hidden = !words.every(word => text.includes(word));
  }
});
"""


def _variant_order(tag: str) -> int:
    return list(VARIANT_LABELS).index(tag) if tag in VARIANT_LABELS else len(VARIANT_LABELS)


def index_html(documents: list[dict[str, Any]], files: list[File]) -> str:
    """The static download page: every document, its variants, one link a format with its size."""
    esc = html.escape
    traditional = sum(1 for d in documents if str(d.get("lang", "")).startswith("zh-Hant"))
    page_lang = "zh-Hant" if traditional * 2 > len(documents) else "zh-Hans"
    ui = UI[page_lang]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{page_lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{ui['title']}</title>",
        f"<style>{PAGE_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{ui['title']}</h1>",
        '<p class="lead">' + ui["lead"].format(count=len(documents), sums='<a href="SHA256SUMS">SHA256SUMS</a>',
                                                manifest='<a href="manifest.json">manifest.json</a>') + "</p>",
    ]
    if len(documents) > FILTER_AFTER:
        parts.append(f'<input type="search" id="filter" hidden placeholder="{ui["filter"]}" '
                     f'aria-label="{ui["filter"]}">')
    by_document = _by_document(files)
    for doc in documents:
        own = by_document.get(doc["document"], [])
        variants = sorted({f.variant for f in own}, key=_variant_order)
        lang = variants[0] if variants else "zh-Hans"
        meta = esc(byline(doc.get("published"), doc.get("source"), doc.get("authors") or [], doc.get("editors") or [],
                          str(doc.get("lang") or "zh-Hans")))
        search = " ".join(str(doc.get(k) or "") for k in ("title", "subtitle", "source", "published"))
        parts.append(f'<article id="{esc(doc["document"])}" lang="{esc(lang)}" data-search="{esc(search)}">')
        if doc.get("thumbnail"):
            parts.append(f'<img class="thumb" src="{esc(quote(doc["thumbnail"]))}" alt="" width="75" height="100" '
                         'loading="lazy">')
        page = doc.get("page") or f"{doc['document']}/{PAGE}"
        parts.append(f'<h2><a href="{esc(quote(page))}">{esc(doc.get("title") or doc["document"])}</a></h2>')
        if doc.get("subtitle"):
            parts.append(f'<p class="subtitle">{esc(doc["subtitle"])}</p>')
        parts.append(f'<p class="meta">{meta}</p>' if meta else "")
        if doc.get("failed"):
            parts.append(f'<p class="meta stale">{ui["stale"]}</p>')
        for tag in variants:
            links = sorted((f for f in own if f.variant == tag), key=_format_order)
            anchors = " ".join(
                f'<a href="{esc(quote(f.path))}" download data-format="{esc(f.format)}" data-size="{f.size}">'
                f'{FORMAT_LABELS.get(f.format, f.format)} <span class="size">{human_size(f.size)}</span></a>'
                for f in links
            )
            label = VARIANT_LABELS.get(tag, tag)
            parts.append(f'<div class="variant" lang="{esc(tag)}"><b>{esc(label)}</b> {anchors}</div>')
        parts.append(f'<p class="meta"><a href="{esc(quote(doc["report"]))}">{ui["report"]}</a></p>')
        parts.append("</article>")
    parts.append(f"<footer>{ui['footer'].format(version=esc(__version__))}</footer>")
    parts.append("</main>")
    if len(documents) > FILTER_AFTER:
        parts.append(f"<script>{FILTER_SCRIPT}</script>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(p for p in parts if p)
