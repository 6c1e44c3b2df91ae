"""One document's task, wherever it runs (a worker process of `workers.py` or a Dask worker of
`cluster.py`): plan which of its outputs are stale (`plan`, from the incremental key `output_key`),
then clean the seed and render them in a temporary folder of its own and send back what it made as
bytes (`make_apart`). Writing into dist/ is the build's main process's job (`build.commit`).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import resource
import tempfile
import time
import traceback
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

from lxml import etree

from pipeline import __version__, document, html_page
from pipeline import dictionary as phrase_dictionary
from pipeline.clean import tagger
from pipeline.clean.tagger import labels
from pipeline.config import Config
from pipeline.docbook import DB, read_info, text_of
from pipeline.errors import PipelineError, StrictError, printable
from pipeline.render import renderer
from pipeline.render.common import STYLESHEETS
from pipeline.render.cover import thumbnail_webp
from pipeline.site import RECORD, REPORT, sha256, thumbnail_name
from pipeline.variants import convert, variant
from pipeline.writing import scratch, write_atomic


@dataclass
class DocumentResult:
    """What the build made of one seed: its outputs, whether it was skipped, or why it failed."""

    seed: Path
    id: str
    built: list[str] = field(default_factory=list)
    skipped: bool = False
    error: str | None = None
    seconds: float = 0.0
    format_seconds: dict[str, float] = field(default_factory=dict)
    explain: list[dict[str, object]] = field(default_factory=list)  # the variants' review lists, every group
    peak_rss_mb: float = 0.0  # of the process that built it, after the build
    worker: int = 0  # that process's id
    traceback: str | None = None  # of an internal error, for dist/failures.log
    metadata: dict[str, Any] = field(default_factory=dict)  # what the cleaning read (report.json's metadata)


def check_requirements(config: Config) -> None:
    """Every renderer asked for can run for every variant asked for; raise before any work."""
    for tag in config.variants:
        for fmt in config.formats:
            renderer(fmt).check(variant(tag))


EVERY_OUTPUT = ("phrases", "strict", "max_input_bytes")  # the settings every output depends on (the cleaning's)


@cache
def code_fingerprint() -> str:
    """A hash of the package's version and source (its Python and the Lua pandoc runs), so that changed code
    rebuilds."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(str(resources.files("pipeline")))
    for path in sorted(p for suffix in CODE_SUFFIXES for p in root.rglob(f"*{suffix}")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


CODE_SUFFIXES = (".py", ".lua")


def output_key(source: bytes, fmt: str, tag: str, config: Config, *, html: bool = False) -> str:
    """What made one output: the source bytes (with its sidecar's), the settings it depends on, its
    stylesheets (the package's and the house's), the line-tagger model that reads it (the packaged one for
    an `html` page or a text page, unless the settings name one) and the code."""
    digest = hashlib.sha256(source)
    digest.update(model_fingerprint(config.model_path or tagger.default_model(html=html)).encode())
    settings = {"format": fmt, "variant": tag, **{name: getattr(config, name) for name in EVERY_OUTPUT},
                **{name: getattr(config, name) for name in renderer(fmt).settings}}
    digest.update(json.dumps(settings, sort_keys=True).encode())
    digest.update(stylesheets_fingerprint(fmt).encode())
    for name in renderer(fmt).stylesheets:
        house = config.house_stylesheet(name)
        digest.update(hashlib.sha256(house.read_bytes()).digest() if house else b"-")
    digest.update(code_fingerprint().encode())
    digest.update(phrase_dictionary.fingerprint(config.dictionary_path).encode())
    return digest.hexdigest()


@cache
def model_fingerprint(path: Path) -> str:
    """A hash of the line-tagger model file (read once per process)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"  # the build reports why it cannot load the model


@cache
def stylesheets_fingerprint(fmt: str) -> str:
    """A hash of the stylesheets a format uses (read once per process)."""
    digest = hashlib.sha256()
    for name in renderer(fmt).stylesheets:
        digest.update((STYLESHEETS / name).read_bytes())
    return digest.hexdigest()


def output_name(doc_id: str, tag: str, fmt: str) -> str:
    """dist/<id>/<id>.<variant>.<ext>."""
    return f"{doc_id}.{tag}.{renderer(fmt).extension}"


def read_record(folder: Path) -> dict[str, Any]:
    """The record of what made a document's outputs, or an empty one."""
    try:
        data = json.loads((folder / RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}  # a damaged record: the outputs are made again


@dataclass
class Plan:
    """What one seed needs: the outputs wanted (name → key of their inputs) and which are stale."""

    seed: Path
    id: str
    folder: Path
    wanted: dict[str, str]
    stale: list[str]
    recorded: dict[str, Any]

    @property
    def up_to_date(self) -> bool:
        """Every output exists and was made from the same inputs."""
        return not self.stale and (self.folder / REPORT).exists()


def plan(seed: Path, config: Config, *, force: bool = False) -> Plan:
    """Hash what would make each output of a seed and compare with the record of the last build."""
    doc_id = document.document_id(seed)
    folder = config.out / doc_id
    try:
        source = seed.read_bytes() if seed.stat().st_size <= config.max_input_bytes else b""
        source = document.with_images(seed, source, config.max_input_bytes)  # an HTML page's images count
    except OSError:
        source = b""  # the build reports why it cannot read the file
    html = html_page.is_html(seed.name, source)
    sidecar = labels.sidecar_path(seed)
    with contextlib.suppress(OSError):  # an unreadable sidecar: the build reports it for this seed alone
        if sidecar.is_file():
            source += b"\0" + sidecar.read_bytes()
    wanted = {output_name(doc_id, tag, fmt): output_key(source, fmt, tag, config, html=html)
              for tag in config.variants for fmt in config.formats}
    recorded = read_record(folder)
    done, files = recorded.get("outputs", {}), recorded.get("files", {})
    stale = [name for name, key in wanted.items()
             if force or done.get(name) != key or not intact(folder / name, files.get(name))]
    return Plan(seed, doc_id, folder, wanted, stale, recorded)


def intact(path: Path, entry: dict[str, Any] | None) -> bool:
    """Whether an output is as the build recorded it: its size, and its SHA-256 where its time changed
    (a truncated or damaged file is rebuilt)."""
    try:
        stat = path.stat()
    except OSError:
        return False
    if not isinstance(entry, dict):
        return True  # recorded before sizes were
    if stat.st_size != entry.get("size"):
        return False
    return stat.st_mtime_ns == entry.get("mtime_ns") or sha256(path) == entry.get("sha256")


def make(todo: Plan, config: Config, *, thumbnail: bool = True,
         source: tuple[bytes, bytes | None] | None = None) -> DocumentResult:
    """Clean a seed and render its stale outputs, its report and the cover thumbnail into the folder of its
    plan (a temporary one of its own: `make_apart`); `commit` records them once written into the output.

    `source` is the seed's bytes and its sidecar's, where they were read elsewhere (a cluster worker
    has no seeds folder); without it the seed file is read.
    """
    started = time.perf_counter()
    seed = todo.seed
    result = DocumentResult(seed, todo.id)
    stage = "clean"
    try:
        data, fixes = source or document.read_seed(seed, max_bytes=config.max_input_bytes)
        doc = document.from_seed(seed, data, fixes, max_bytes=config.max_input_bytes, model=config.model_path)
        report = doc.report_json()
        stage = "variants"
        conversions = {tag: convert(doc.tree, tag, phrases=config.phrases, dictionary=config.dictionary_path)
                       for tag in config.variants}
        warnings = [*doc.report.warnings, *(w for conversion in conversions.values() for w in conversion.warnings())]
        if config.strict and warnings:
            raise StrictError(warnings)
        report["variants"] = {tag: conversion.report() for tag, conversion in conversions.items()}
        for tag, conversion in conversions.items():
            result.explain += [{"variant": tag, **group} for group in conversion.review(everything=True)]
            for fmt in config.formats:
                name = output_name(todo.id, tag, fmt)
                if name not in todo.stale:
                    continue
                format_started = time.perf_counter()
                stage = f"render {fmt}"
                todo.folder.mkdir(parents=True, exist_ok=True)
                renderer(fmt).render(conversion.tree, todo.folder / name, variant=variant(tag), config=config)
                result.format_seconds[fmt] = result.format_seconds.get(fmt, 0.0) + time.perf_counter() - format_started
                result.built.append(name)
        stage = "write"
        if thumbnail:  # the cover of the first variant, as converted above
            first = config.variants[0]
            write_atomic(todo.folder / thumbnail_name(todo.id),
                         thumbnail_webp(read_info(conversions[first].tree), variant(first).region))
        write_atomic(todo.folder / REPORT, json.dumps(report, ensure_ascii=False).encode())  # C's encoder: no indent
        result.metadata = {**cast(dict[str, Any], report["metadata"]), "lead": lead(doc.tree)}
    except PipelineError as exc:
        result.error = str(exc.located(seed))
    except OSError as exc:  # a full disk, a read-only output folder: no fault of the program
        result.error = f"{printable(str(seed))}: {stage}: cannot write {exc.filename or todo.folder}: {exc.strerror}"
    except MemoryError:
        raise  # over the worker's memory bound: the worker reports it and is replaced
    except Exception as exc:  # a fault in a stage or a library: this document fails, the others go on
        result.error = f"{printable(str(seed))}: {stage}: internal error: {type(exc).__name__}: {exc}"
        result.traceback = traceback.format_exc()
    finally:
        if result.error:
            result.built = []
        result.seconds = time.perf_counter() - started
        result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result.worker = os.getpid()
    return result


LEAD_CHARS = 200  # of the first paragraph, for the document's page


def lead(tree: etree._Element) -> str:
    """What the document's page shows of the text: the abstract, else the first paragraph (shortened)."""
    for para in tree.iter(DB + "para"):
        text = text_of(para)
        if text:
            return text if len(text) <= LEAD_CHARS else text[:LEAD_CHARS].rstrip() + "…"
    return ""


@dataclass(frozen=True)
class Made:
    """What building one document apart made: its result and its files (name → bytes)."""

    result: DocumentResult
    files: dict[str, bytes]


def make_apart(todo: Plan, config: Config, source: tuple[bytes, bytes | None] | None = None, *,
               thumbnail: bool = True) -> Made:
    """Build a document in a temporary folder of its own and return what it made as bytes: a worker (a
    process here, or a Dask worker) never writes into the output folder; the build's main process does
    (`commit`)."""
    with tempfile.TemporaryDirectory(prefix=f"pipeline-build-{os.getpid()}-") as tmp, scratch():
        apart = replace(todo, folder=Path(tmp) / todo.id, recorded={})
        result = make(apart, replace(config, out=Path(tmp)), source=source, thumbnail=thumbnail)
        files: dict[str, bytes] = {}
        if not result.error:
            files = {p.name: p.read_bytes() for p in sorted(apart.folder.iterdir()) if p.is_file()}
        return Made(result, files)


def warm_worker(formats: tuple[str, ...]) -> None:
    """Load the heavy libraries once per worker process."""
    if "pdf" in formats:
        import weasyprint  # noqa: F401

    from pipeline.variants import converter

    for config in ("s2t", "s2tw", "s2hk", "t2s"):
        converter(config)
    for model in tagger.PACKAGED_MODELS:
        tagger.load(model)
    # What is loaded now stays for the worker's life: the garbage collector leaves it out of every later pass
    # (a full collection after each PDF took about 35 ms scanning the libraries and models, 1 ms without).
    gc.freeze()
