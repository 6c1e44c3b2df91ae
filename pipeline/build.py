"""The batch: seeds/ to dist/<id>/<id>.<variant>.<ext>, in worker processes, incremental and crash-safe.

1. Lock dist/ so that two builds never write it at once; clear temporary files a killed build left.
2. Check that every requested format can be made for every variant (fonts, pandoc, HarfBuzz).
3. Build each seed whose outputs are missing, damaged or were made from other inputs (source bytes,
   settings, stylesheets, the model, the package's code) in worker processes (`workers.py`) or on
   a Dask cluster (`cluster.py`), each in a temporary folder of its own (`make_apart`); only this
   process writes what they send back into dist/ (`commit`). A seed that fails, crashes its worker
   or overruns the time bound is reported and keeps what an earlier build made; the others go on.
4. In a build of the whole seeds folder, remove the outputs of seeds that are gone; then write the
   manifest, SHA256SUMS and index.html.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from pipeline import cluster, document, html_page, workers
from pipeline.config import Config
from pipeline.errors import ConfigError, InputError, PipelineError, printable
from pipeline.search import BUNDLE
from pipeline.site import RECORD, document_folders, publish
from pipeline.task import DocumentResult, Made, Plan, check_requirements, make_apart, plan, read_record, warm_worker
from pipeline.writing import TEMP_SUFFIX, write_atomic

SEED_SUFFIXES = (".txt", *html_page.SUFFIXES)
LOCK = ".lock"
# There while a build runs: a build that finds it was killed, and looks for its temporary files in every folder.
UNFINISHED = ".unfinished"
# Documents a worker renders before it is replaced: a worker holds about 200–250 MB over 120 documents of
# every format (it leaks little), and each new one costs about 1.4 s of imports and first-render set-up.
RECYCLE_AFTER = 500
FAILURES = "failures.log"
FAILED = "failed"  # in a document's record: the error of its last build, while its outputs are older
# The names the build itself writes in the output folder (and every name ending in .html: the site's pages).
RESERVED = frozenset({"manifest.json", "SHA256SUMS", FAILURES, LOCK, UNFINISHED, BUNDLE})


@dataclass
class Summary:
    """The whole build: one result per seed, the files removed, and the time taken."""

    results: list[DocumentResult]
    seconds: float
    removed: list[str] = field(default_factory=list)
    failures_log: Path | None = None  # the tracebacks of internal errors, if there were any

    @property
    def failed(self) -> list[DocumentResult]:
        """The documents that failed."""
        return [r for r in self.results if r.error]


def find_seeds(config: Config, paths: Iterable[Path] = ()) -> list[Path]:
    """The seed files named, or every .txt and .html (.htm) file in the configured seeds folder, sorted. A
    folder without seeds (empty, or not mounted) is an error: a build of nothing would remove every output."""
    named = list(paths) or [config.seeds]
    seeds: list[Path] = []
    for path in named:
        if path.is_dir():
            # Sorted by name (a string's comparison: a path's is ten times slower); special files fail by name.
            found = [path / name for name in sorted(os.listdir(path)) if Path(name).suffix.lower() in SEED_SUFFIXES]
            if not found:
                raise InputError("no .txt or .html seeds in this folder: nothing is built and nothing removed",
                                 path=path)
            seeds += found
        elif path.exists() or path.is_symlink():
            seeds.append(path)
        else:
            raise InputError("no such file or folder", path=path)
    return seeds


def refused(seeds: Iterable[Path]) -> dict[Path, str]:
    """The seeds that cannot be built, each with its one-line reason: an output name that would leave the
    output folder, hide, hold control characters or take a name the build writes, or that two seeds share."""
    seeds = list(seeds)
    ids = Counter(document.document_id(s) for s in seeds)
    reasons = {}
    for seed in seeds:
        doc_id = document.document_id(seed)
        reason = (unsafe_id(doc_id) or document.not_a_file(seed)
                  or (f"another seed has the output name {doc_id} too" if ids[doc_id] > 1 else None))
        if reason:
            reasons[seed] = f"{printable(str(seed))}: {reason}"
    return reasons


def unsafe_id(doc_id: str) -> str | None:
    """Why a document id cannot name a folder of the output (None when it can)."""
    if not doc_id or doc_id.startswith("."):
        return "its output name would be empty or start with a dot (hidden, or outside the output folder)"
    if any(ch in "/\\" or unicodedata.category(ch)[0] == "C" for ch in doc_id):
        return "its output name has a path separator or a control character"
    if doc_id in RESERVED or doc_id.lower().endswith(".html"):
        return f"its output name {doc_id} is the name of a file the build writes"
    return None


def build_document(seed: Path, config: Config, *, force: bool = False) -> DocumentResult:
    """Build one seed's outputs (only those whose inputs changed; no thumbnail: that is for the download
    page); errors are caught and reported."""
    todo = plan(seed, config, force=force)
    return skip(todo) if todo.up_to_date else commit(todo, make_apart(todo, config, thumbnail=False))


def commit(planned: Plan, made: Made) -> DocumentResult:
    """Write what a worker made of a document into its folder of the output (each file atomically), and
    record it; a failure writes nothing and keeps what an earlier build made."""
    if made.result.error:
        return made.result
    try:
        digests = {}
        for name, data in made.files.items():
            write_atomic(planned.folder / name, data)
            digests[name] = hashlib.sha256(data).hexdigest()  # from the bytes at hand, not read back
        record(planned, made.result.metadata, digests)
    except OSError as exc:  # a full disk, a read-only output folder: the next build makes the rest
        where = exc.filename or planned.folder
        return replace(made.result, built=[], error=f"{printable(str(planned.seed))}: write: cannot write {where}: "
                                                     f"{exc.strerror}")
    return made.result


def skip(todo: Plan) -> DocumentResult:
    """The result of an up-to-date seed; outputs no longer asked for are removed, a failure noted before forgotten."""
    if set(todo.recorded.get("outputs", {})) - set(todo.wanted) or FAILED in todo.recorded:
        _record(todo.folder, todo.recorded, todo.wanted, {})
    return DocumentResult(todo.seed, todo.id, skipped=True)


def record(todo: Plan, metadata: object, digests: dict[str, str]) -> None:
    """Record what made a seed's outputs, with the metadata read from it, once they are written (`digests`: the
    SHA-256 of each file written: the outputs built, the report and the thumbnail)."""
    _record(todo.folder, {**todo.recorded, "seed": todo.seed.name, "document": metadata}, todo.wanted, digests)


def mark_failed(folder: Path, error: str) -> None:
    """Note in a document's record that the last build of it failed: its outputs are from an earlier build
    (the manifest and the page say so until a build of it succeeds)."""
    recorded = read_record(folder)
    if recorded and recorded.get(FAILED) != error:
        write_atomic(folder / RECORD, json.dumps({**recorded, FAILED: error}, ensure_ascii=False).encode())


def _record(folder: Path, recorded: dict[str, Any], wanted: dict[str, str], written: dict[str, str]) -> None:
    """Remove outputs no longer asked for; record the wanted ones with their size, time and SHA-256, and so the
    other files `written` (the report and the thumbnail: `extras`), so that publishing need not read them."""
    for old in set(recorded.get("outputs", {})) - set(wanted):
        (folder / old).unlink(missing_ok=True)
    files = {name: entry for name, entry in recorded.get("files", {}).items() if name in wanted and name not in written}
    extras = dict(recorded.get("extras", {}))
    for name, digest in written.items():
        stat = (folder / name).stat()
        (files if name in wanted else extras)[name] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                                                       "sha256": digest}
    updated = {**{k: v for k, v in recorded.items() if k != FAILED}, "outputs": wanted, "files": files,
               "extras": extras}
    write_atomic(folder / RECORD, json.dumps(updated, ensure_ascii=False).encode())


@contextmanager
def locked(out: Path, *, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold dist/.lock for the build; a second build waits, and says so."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / LOCK).open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait(f"waiting for another build that holds {out / LOCK}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clear_leftovers(out: Path, *, every_folder: bool) -> list[str]:
    """Remove the temporary files a stopped build left behind in the output folder, and in its document folders
    with `every_folder` (a build that ended cleanly left none there; only one killed leaves its UNFINISHED mark):
    only names the pipeline makes, never another file."""
    removed = []
    for folder in (out, *(document_folders(out) if every_folder else ())):
        removed += [str(p.relative_to(out)) for p in _temporary(folder)]
    return removed


def _temporary(folder: Path) -> list[Path]:
    """Remove the pipeline's temporary files in one folder; those removed."""
    found = [p for p in folder.glob(f".*{TEMP_SUFFIX}") if p.is_file()]
    for path in found:
        path.unlink(missing_ok=True)
    return found


def remove_gone(out: Path, keep: set[str]) -> list[str]:
    """Remove the folders of documents whose seed is gone (only folders this build made)."""
    removed = []
    for folder in document_folders(out):
        if folder.name not in keep and (folder / RECORD).exists():
            shutil.rmtree(folder)
            removed.append(folder.name)
    return removed


def run(
    config: Config,
    seeds: Iterable[Path] = (),
    *,
    force: bool = False,
    on_result: Callable[[DocumentResult], None] = lambda result: None,
    on_note: Callable[[str], None] = lambda message: None,
) -> Summary:
    """Build every seed into config.out; see the module docstring for the steps."""
    started = time.perf_counter()
    named = list(seeds)
    if config.out.exists() and not config.out.is_dir():
        raise ConfigError("the output folder is a file", path=config.out)
    seed_list = find_seeds(config, named)
    check_requirements(config)
    with locked(config.out, on_wait=on_note):
        unfinished = config.out / UNFINISHED
        clear_leftovers(config.out, every_folder=unfinished.exists())  # a build was killed: look everywhere
        write_atomic(unfinished, b"")
        try:
            summary = _run_locked(config, seed_list, named, force=force, on_result=on_result, on_note=on_note,
                                  started=started)
        except BaseException:
            clear_leftovers(config.out, every_folder=True)  # stopped (Ctrl-C, SIGTERM): the documents in flight
            unfinished.unlink(missing_ok=True)  # leave nothing
            raise
        unfinished.unlink()
        return summary


def _run_locked(config: Config, seed_list: list[Path], named: list[Path], *, force: bool,
                on_result: Callable[[DocumentResult], None], on_note: Callable[[str], None],
                started: float) -> Summary:
    """The build, holding the lock: refuse the seeds that cannot be built, build the others, remove what a
    whole-folder build no longer has, publish."""
    reasons = refused(seed_list)
    results = []
    for seed, reason in reasons.items():
        results.append(DocumentResult(seed, document.document_id(seed), error=reason))
        on_result(results[-1])
    buildable = [seed for seed in seed_list if seed not in reasons]
    # Each generator of the chain is closed where it is consumed, so that a Ctrl-C or SIGTERM between two
    # results still stops the workers (and their temporary folders go) before the lock is released.
    with contextlib.closing(_build_all(buildable, config, force=force, on_result=on_result, on_note=on_note)) as built:
        results += built
    order = {seed: k for k, seed in enumerate(seed_list)}
    results.sort(key=lambda r: order[r.seed])
    for result in results:
        if result.error and result.seed not in reasons:
            mark_failed(config.out / result.id, result.error)
    # Only a build of the whole seeds folder removes anything: the folders of seeds no longer there. A
    # document that failed keeps what an earlier build made of it; a build of named seeds touches only them.
    whole = not named or [p.resolve() for p in named] == [config.seeds.resolve()]
    removed = remove_gone(config.out, {document.document_id(s) for s in seed_list}) if whole else []
    try:
        publish(config.out, on_note=on_note)
        log = write_failures(config.out, results)
    except OSError as exc:
        raise PipelineError(f"cannot write the manifest and the page: {exc.strerror} (the documents built are kept; "
                            "the next build writes them)", path=config.out) from exc
    return Summary(results, time.perf_counter() - started, removed, log)


def _build_all(seeds: list[Path], config: Config, *, force: bool, on_result: Callable[[DocumentResult], None],
               on_note: Callable[[str], None]) -> Generator[DocumentResult, None, None]:
    plans = [plan(seed, config, force=force) for seed in seeds]
    todo = []
    for planned in plans:
        if planned.up_to_date:
            result = skip(planned)
            on_result(result)
            yield result
        else:
            todo.append(planned)
    if not todo:
        return
    by_seed = {p.seed: p for p in todo}
    made = cluster.run(todo, config, on_note=on_note) if config.scheduler else made_apart(todo, config)
    with contextlib.closing(made):
        for outcome in made:
            result = commit(by_seed[outcome.result.seed], outcome)
            on_result(result)
            yield result


def build_apart(todo: list[Plan], config: Config, *,
                thumbnail: bool = True) -> Generator[DocumentResult, None, None]:
    """Build the planned documents in worker processes and write what each sends back; yield each result."""
    by_seed = {p.seed: p for p in todo}
    with contextlib.closing(made_apart(todo, config, thumbnail=thumbnail)) as made:
        for outcome in made:
            yield commit(by_seed[outcome.result.seed], outcome)


def made_apart(todo: list[Plan], config: Config, *, thumbnail: bool = True) -> Generator[Made, None, None]:
    """What worker processes make of the planned documents (with the cover thumbnail of the download page,
    or without), as each comes back.

    Spawned workers share nothing with this process; one that dies, overruns the time bound or its memory
    fails its document alone. Only this process writes into the output folder (`commit`).
    """
    work = partial(make_apart, config=config, thumbnail=thumbnail)
    outcomes = workers.run(todo, work, workers=min(config.workers, len(todo)),
                           timeout=config.timeout, warm=partial(warm_worker, config.formats),
                           recycle_after=RECYCLE_AFTER, memory=config.max_worker_memory)
    with contextlib.closing(outcomes):
        for outcome in outcomes:
            yield outcome if isinstance(outcome, Made) else _lost(outcome)


def _lost(lost: workers.Lost[Plan]) -> Made:
    """The failure of a document whose worker died or ran out of time (it wrote nothing into the output)."""
    return Made(DocumentResult(lost.task.seed, lost.task.id, error=f"{lost.task.seed}: {lost.reason}"), {})


def write_failures(out: Path, results: Iterable[DocumentResult]) -> Path | None:
    """dist/failures.log: the traceback of every internal error of this build (None when there was none)."""
    path = out / FAILURES
    logged = [r for r in results if r.traceback]
    if not logged:
        path.unlink(missing_ok=True)
        return None
    write_atomic(path, "\n".join(f"{r.error}\n{r.traceback}" for r in logged).encode())
    return path
