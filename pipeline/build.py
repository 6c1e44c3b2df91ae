"""The batch: every seed in seeds/ to dist/<id>/, a document's failure never stopping the others."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import docbook, document
from pipeline.config import Config
from pipeline.errors import InputError, PipelineError

SEED_SUFFIXES = (".txt",)


@dataclass
class DocumentResult:
    """What the build made of one seed: its outputs, or the one-line reason it failed."""

    seed: Path
    id: str
    outputs: list[Path] = field(default_factory=list)
    error: str | None = None


@dataclass
class Summary:
    """The whole build: one result per seed and the time taken."""

    results: list[DocumentResult]
    seconds: float

    @property
    def failed(self) -> list[DocumentResult]:
        """The documents that failed."""
        return [r for r in self.results if r.error]


def find_seeds(config: Config, paths: Iterable[Path] = ()) -> list[Path]:
    """The seed files named, or every *.txt in the configured seeds folder, sorted."""
    named = list(paths)
    if not named:
        if not config.seeds.is_dir():
            raise InputError("no seeds folder", path=config.seeds)
        named = [config.seeds]
    seeds: list[Path] = []
    for path in named:
        if path.is_dir():
            seeds += sorted(p for p in path.iterdir() if p.suffix in SEED_SUFFIXES and p.is_file())
        else:
            seeds.append(path)
    return seeds


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file under a temporary name in the same folder, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_document(seed: Path, config: Config) -> DocumentResult:
    """Clean one seed and write its XML and cleaning report; errors are caught and reported."""
    doc_id = document.document_id(seed)
    result = DocumentResult(seed, doc_id)
    try:
        doc = document.from_file(seed, max_bytes=config.max_input_bytes)
        folder = config.out / doc_id
        xml_path = folder / f"{doc_id}.{docbook.SOURCE_LANG}.xml"
        write_atomic(xml_path, docbook.serialize(doc.tree))
        report_path = folder / "report.json"
        write_atomic(report_path, json.dumps(doc.report_json(), ensure_ascii=False, indent=1).encode())
        result.outputs = [xml_path, report_path]
    except PipelineError as exc:
        result.error = str(exc.located(seed))
    return result


def build(config: Config, seeds: Iterable[Path] = ()) -> Summary:
    """Build every seed; returns the results (failures included) in seed order."""
    started = time.perf_counter()
    results = [build_document(seed, config) for seed in find_seeds(config, seeds)]
    return Summary(results, time.perf_counter() - started)
