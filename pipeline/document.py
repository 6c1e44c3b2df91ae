"""One document's way from raw bytes to a validated DocBook tree (ingest → clean → build → validate)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from pipeline import docbook, html_page
from pipeline.clean import clean, tagger
from pipeline.clean.tagger import labels
from pipeline.clean.types import DomHints, Event, Head, Picture, Report, Table
from pipeline.config import MAX_INPUT_BYTES
from pipeline.errors import InputError, PipelineError
from pipeline.ingest import Text, check_size, decode, describe, finish
from pipeline.variants import source_script


@dataclass
class Document:
    """A cleaned, validated document: its id, DocBook tree and cleaning report."""

    id: str
    source: Path
    tree: etree._Element
    report: Report

    def report_json(self) -> dict[str, object]:
        """The cleaning report with the metadata read, for report.json."""
        data = self.report.as_json()
        data["metadata"] = docbook.read_info(self.tree).__dict__
        return data


def document_id(path: Path) -> str:
    """The output name of a seed: its file name without .txt or .html (and without an encoding suffix)."""
    name = path.name
    kind = next((s for s in (".txt", *html_page.SUFFIXES) if name.lower().endswith(s)), "")
    name = name[: len(name) - len(kind)]
    for suffix in (".gbk", ".big5", ".utf8"):
        name = name.removesuffix(suffix)
    return name


@dataclass(frozen=True)
class Source:
    """What the cleaning reads of a seed: its text (an HTML page's visible text), and an HTML page's head, images
    (checked, and what became of each) and simple tables."""

    text: Text
    head: Head | None = None
    pictures: list[Picture] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    dom: list[DomHints | None] = field(default_factory=list)


def read_page(data: bytes, *, name: str, max_bytes: int = MAX_INPUT_BYTES) -> Source:
    """A seed's bytes as the cleaning reads them: an HTML page (by its name or first bytes) or a text page."""
    if not html_page.is_html(name, data):
        return Source(decode(data, max_bytes=max_bytes))
    check_size(len(data), max_bytes)
    page = html_page.read(data)
    return Source(finish(page.text, page.encoding), page.head, page.pictures, page.images, page.tables, page.dom)


def from_bytes(data: bytes, *, name: str, max_bytes: int = MAX_INPUT_BYTES, model: Path | None = None,
               fixed: dict[int, str] | None = None, dom: Sequence[DomHints | None] = ()) -> Document:
    """Clean one page given as bytes; errors carry no file name (the caller adds it).

    `model` is a line-tagger model file (default: the packaged one for the page's kind); `fixed` the line classes
    of a sidecar (line number → class); `dom`, for a text page rendered from HTML, what the markup said of each
    line (its text is then cleaned as the HTML page's would be, without its head: how a corpus scores the model
    for HTML pages).
    """
    source = read_page(data, name=name, max_bytes=max_bytes)
    text, head = source.text, source.head
    dom = source.dom or dom
    article = clean(text.text, source=name, encoding=text.encoding, tagger=tagger.load(model or tagger.default_model(
        html=bool(dom))), fixed=fixed, head=head, pictures=source.pictures, tables=source.tables, dom=dom)
    if head is not None:  # the images the cleaning did not weigh, beside those it did
        left_out = [note for note in source.images if note["outcome"] != "checked"]
        article.report.images = sorted([*left_out, *article.report.images], key=lambda note: note["line"])
    article.report.events[:0] = [Event("ingest", f"stray_characters: {describe(before, after)}", number, before, after)
                                 for number, before, after in text.removed]
    tree = docbook.build(article, lang=source_script(text.text))
    docbook.validate(tree)
    return Document(document_id(Path(name)), Path(name), tree, article.report)


def from_file(path: Path, *, max_bytes: int = MAX_INPUT_BYTES, model: Path | None = None) -> Document:
    """Clean one raw file (with the line classes of its NAME.lines.json, if any); every error names the file."""
    return from_seed(path, *read_seed(path, max_bytes=max_bytes), max_bytes=max_bytes, model=model)


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, reading no more than the limit allows (a file may grow, or lie about its size)."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    check_size(len(data), max_bytes)
    return data


def not_a_file(seed: Path) -> str | None:
    """Why a seed (or its sidecar) is not a regular file to read (None when it is): never opened, so a pipe
    cannot hang."""
    try:
        if seed.is_file():
            return None
        if seed.is_dir():
            return "is a folder, not a file"
        if seed.is_symlink():
            return "is a link that leads nowhere (dangling, or a loop)"
        return "not a regular file (a device, a pipe or a socket): not read"
    except OSError as exc:  # a loop of links on some systems, a folder we may not read
        return f"cannot be read: {exc.strerror or exc}"


def read_seed(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, bytes | None]:
    """The bytes of a raw file and of its NAME.lines.json sidecar (None without one); errors name the file."""
    try:
        if os.path.lexists(path) and (reason := not_a_file(path)):
            raise InputError(reason, path=path)
        check_size(path.stat().st_size, max_bytes)
        sidecar = labels.sidecar_path(path)
        if os.path.lexists(sidecar) and (reason := not_a_file(sidecar)):  # fixes given, but not readable
            raise InputError(f"line classes: {reason}", path=sidecar)
        data = with_images(path, read_bounded(path, max_bytes), max_bytes)
        return data, read_bounded(sidecar, max_bytes) if sidecar.is_file() else None
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a file", path=path) from exc
    except FileNotFoundError as exc:
        raise InputError("no such file", path=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from exc
    except PipelineError as exc:
        raise exc.located(path) from None


def with_images(path: Path, data: bytes, max_bytes: int) -> bytes:
    """A seed's bytes as the build reads and hashes them: an HTML page with the images beside it put in
    (html_page.inline_images, within the size limit), any other seed as it is."""
    if not html_page.is_html(path.name, data):
        return data
    return html_page.inline_images(data, path.parent, max(0, max_bytes - len(data)))


def from_seed(path: Path, data: bytes, fixes: bytes | None, *, max_bytes: int = MAX_INPUT_BYTES,
              model: Path | None = None) -> Document:
    """Clean the bytes of the seed at `path` and of its sidecar (`fixes`, or None), read already
    (on a cluster worker, by the machine that has the file); every error names the file."""
    try:
        check_size(len(data), max_bytes)
        fixed = None
        if fixes is not None:
            fixed = labels.read_sidecar(fixes, data.count(b"\n") + 1, path=labels.sidecar_path(path))
        document = from_bytes(data, name=str(path), max_bytes=max_bytes, model=model, fixed=fixed)
    except PipelineError as exc:
        raise exc.located(path) from None
    document.source = path
    return document
