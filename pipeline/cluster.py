"""The batch on a Dask distributed cluster (`pipeline build --scheduler tcp://host:8786`).

This machine plans the build as for a local one and keeps dist/; the workers share no file system
with it. Each task carries one document's seed bytes and settings (with the model and house
stylesheets it names) and comes back with the files made (`task.make_apart`), which the build
writes here with the usual atomic writes and records:

1. connect, and check every worker: the same pipeline version and code, stylesheets and packaged
   model (the fingerprints the incremental key uses), and what the formats and variants need;
2. submit the documents with a bounded number in flight (more go out as results come back);
3. a worker that dies mid-task: the scheduler runs the task again elsewhere, and a document whose
   tasks killed `allowed-failures` workers fails with one line, the others go on;
4. a lost scheduler or Ctrl-C ends the build with what was written kept (the next build resumes).

Only this module imports `distributed` (the `dask` extra), and only when a scheduler is named.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import __version__, document
from pipeline.clean import tagger
from pipeline.config import FORMATS, Config
from pipeline.errors import PipelineError, RequirementError
from pipeline.render import renderer
from pipeline.task import (
    DocumentResult,
    Made,
    Plan,
    check_requirements,
    code_fingerprint,
    make_apart,
    model_fingerprint,
    stylesheets_fingerprint,
    warm_worker,
)

if TYPE_CHECKING:
    from distributed import Client, Future

CONNECT_SECONDS = 30  # to reach the scheduler, and to wait for its first worker
IN_FLIGHT_PER_THREAD = 2  # tasks submitted per worker thread before the first results come back
MODEL = "model.zip"


@dataclass(frozen=True)
class Job:
    """One document's task: its plan, seed bytes and settings, with the files the settings name."""

    plan: Plan
    source: tuple[bytes, bytes | None]  # the seed's bytes and its sidecar's
    config: Config
    model: tuple[bytes, bytes] | None  # a model other than the packaged one, and its sidecar
    house: dict[str, bytes]  # house stylesheets by name
    code: str  # the client's fingerprint, checked again by the worker that runs the job


@dataclass(frozen=True)
class Done:
    """What a worker made of a job (build.Made: the result and the files as bytes), and the
    address of a worker left building a document past the time bound, if it was."""

    made: Made
    overran: str = ""


@cache
def fingerprint() -> str:
    """The pipeline's version, code, package stylesheets and packaged model, as one hash."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for fmt in FORMATS:
        digest.update(stylesheets_fingerprint(fmt).encode())
    for model in tagger.PACKAGED_MODELS:
        digest.update(model_fingerprint(model).encode())
    return digest.hexdigest()


def worker_facts(formats: tuple[str, ...], variants: tuple[str, ...]) -> dict[str, Any]:
    """Run on each worker: its version and fingerprint, and what it lacks for the formats and variants
    (with the heavy libraries loaded, so that the first documents do not pay for them)."""
    missing = ""
    try:
        check_requirements(Config(formats=formats, variants=variants))
        warm_worker(formats)
    except PipelineError as exc:
        missing = exc.message
    return {"version": __version__, "fingerprint": fingerprint(), "missing": missing}


def _other_code(facts: dict[str, Any]) -> bool:
    """The worker runs other pipeline code than this machine."""
    return bool(facts["fingerprint"] != fingerprint())


def describe(address: str, facts: dict[str, Any]) -> str:
    """One line about a worker, for `pipeline doctor --scheduler`."""
    code = "same code as here" if not _other_code(facts) else f"OTHER CODE (fingerprint {facts['fingerprint'][:12]})"
    lacks = f"; MISSING {facts['missing']}" if facts["missing"] else ""
    return f"worker {address}: pipeline {facts['version']}, {code}{lacks}"


def connect(address: str) -> Client:
    """A client of the scheduler at `address`, with at least one worker; or a one-line error."""
    from distributed import Client

    for name in ["distributed", *logging.root.manager.loggerDict]:  # its failures become this build's one-liners
        if name.startswith("distributed"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise RequirementError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except TimeoutError:
        client.close()
        raise RequirementError(f"the Dask scheduler at {address} has no workers "
                               f"(none joined within {CONNECT_SECONDS} s)") from None
    return client


def survey(client: Client, config: Config) -> dict[str, dict[str, Any]]:
    """Every worker's facts (worker address → worker_facts)."""
    facts: dict[str, dict[str, Any]] = client.run(worker_facts, config.formats, config.variants)
    return facts


def report(address: str, config: Config) -> tuple[list[str], int]:
    """For `pipeline doctor --scheduler`: a line per worker (for the configured formats and variants),
    and how many of them could not build."""
    client = connect(address)
    try:
        facts = survey(client, config)
    finally:
        client.close()
    lines = [f"Dask scheduler {address}: {len(facts)} workers, for {', '.join(config.formats)} "
             f"in {', '.join(config.variants)}"]
    lines += [describe(worker, facts[worker]) for worker in sorted(facts)]
    unusable = sum(_other_code(f) or bool(f["missing"]) for f in facts.values())
    return lines, unusable


def check_workers(client: Client, config: Config) -> None:
    """Stop the build before it starts if any worker runs other code or lacks what the build needs."""
    facts = survey(client, config)
    other = sorted(address for address, f in facts.items() if _other_code(f))
    if other:
        raise RequirementError(f"{len(other)} of {len(facts)} Dask workers run other pipeline code than this "
                               f"machine (pipeline {__version__}): {', '.join(other)}; install the same version "
                               "on every worker")
    lacking = sorted(f"{address} ({f['missing']})" for address, f in facts.items() if f["missing"])
    if lacking:
        raise RequirementError(f"Dask workers cannot build these formats and variants: {'; '.join(lacking)}")


def settings_files(config: Config) -> tuple[tuple[bytes, bytes] | None, dict[str, bytes]]:
    """The files the settings name, read once per build: a model other than the packaged one with its
    sidecar (checked here first), and the house stylesheets by name."""
    model = None
    if config.model_path:
        tagger.load(config.model_path)  # refuses a damaged model with one line, before any task is sent
        model = (config.model_path.read_bytes(), config.model_path.with_suffix(".json").read_bytes())
    house = {}
    for fmt in config.formats:
        for name in renderer(fmt).stylesheets:
            path = config.house_stylesheet(name)
            if path:
                house[name] = path.read_bytes()
    return model, house


def job(todo: Plan, config: Config, files: tuple[tuple[bytes, bytes] | None, dict[str, bytes]]) -> Job:
    """The task of one document: its seed's bytes read here, with the settings and their files."""
    source = document.read_seed(todo.seed, max_bytes=config.max_input_bytes)
    return Job(todo, source, config, *files, fingerprint())


def run_job(job: Job) -> Done:
    """Run on a worker: build the document in a temporary folder and send back the files made.

    A document over the time bound fails; the thread still building it cannot be stopped, so the
    result names the worker (`overran`) for the client to restart.
    """
    if job.code != fingerprint():
        raise RequirementError(f"this worker runs other pipeline code than the client (pipeline {__version__})")
    if not job.config.timeout:
        return _build_here(job)
    done: list[Done] = []
    thread = threading.Thread(target=lambda: done.append(_build_here(job)), daemon=True)
    thread.start()
    thread.join(job.config.timeout)
    if done:
        return done[0]
    from distributed import get_worker

    error = f"{job.plan.seed}: took longer than {job.config.timeout:g} s"
    failed = _failed(job.plan, error)
    return Done(replace(failed, result=replace(failed.result, worker=os.getpid())), overran=get_worker().address)


def _build_here(job: Job) -> Done:
    with tempfile.TemporaryDirectory(prefix="pipeline-") as tmp:
        root = Path(tmp)
        house = root / "stylesheets"
        house.mkdir()
        for name, data in job.house.items():
            (house / name).write_bytes(data)
        model = ""
        if job.model is not None:
            # Under its own name, which the report gives (`model`), as a local build's does.
            path = root / "model" / (Path(job.config.model).name or MODEL)
            path.parent.mkdir()
            path.write_bytes(job.model[0])
            path.with_suffix(".json").write_bytes(job.model[1])
            model = str(path)
        config = replace(job.config, model=model, stylesheets=str(house))
        return Done(make_apart(job.plan, config, source=job.source))


def run(todo: list[Plan], config: Config, *, on_note: Callable[[str], None]) -> Generator[Made, None, None]:
    """Build the planned documents on the cluster at config.scheduler; yield what each made as it comes
    (the build writes it into dist/)."""
    from distributed import as_completed

    client = connect(config.scheduler)
    try:
        check_workers(client, config)
        if client.dashboard_link:
            on_note(f"Dask dashboard: {client.dashboard_link}")
        limit = max(2, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
        files = settings_files(config)
        waiting = iter(todo)
        running: dict[Future[Any], Plan] = {}
        finished = as_completed(loop=client.loop)

        def submit() -> Iterator[Made]:
            """Send documents until `limit` are in flight; yield the failures of seeds not read."""
            for planned in waiting:
                try:
                    task = job(planned, config, files)
                except PipelineError as exc:
                    yield _failed(planned, str(exc.located(planned.seed)))
                    continue
                future = client.submit(run_job, task, pure=False)
                running[future] = planned
                finished.add(future)
                if len(running) >= limit:
                    return

        yield from submit()
        try:
            for future in finished:
                planned = running.pop(future)
                yield collect(client, future, planned, config)
                yield from submit()
        except BaseException:
            client.cancel(list(running), force=True)
            raise
    finally:
        with contextlib.suppress(Exception):
            client.close()


def collect(client: Client, future: Future[Any], planned: Plan, config: Config) -> Made:
    """What a finished task made; or the document's failure."""
    from distributed import CancelledError, KilledWorker

    try:
        done: Done = future.result()
    except KilledWorker as exc:
        return _failed(planned, f"{planned.seed}: its Dask worker died each of the {exc.allowed_failures + 1} "
                                f"times it was tried (last on {exc.last_worker.address})")
    except CancelledError:
        raise PipelineError(f"lost the connection to the Dask scheduler at {config.scheduler}; the documents "
                            "written are kept and the next build goes on from there") from None
    except PipelineError as exc:
        return _failed(planned, str(exc.located(planned.seed)))
    except Exception as exc:  # a fault of the worker or of Dask: this document fails, the others go on
        return _failed(planned, f"{planned.seed}: on the Dask worker: {type(exc).__name__}: {exc}")
    if done.overran:  # its nanny starts a fresh worker; another worker runs the tasks it had
        with contextlib.suppress(Exception):
            client.restart_workers([done.overran], raise_for_error=False)
    return done.made


def _failed(planned: Plan, error: str) -> Made:
    return Made(DocumentResult(planned.seed, planned.id, error=error), {})
