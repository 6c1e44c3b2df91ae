"""Worker processes that one document cannot take down: each task runs in a spawned process, and a
worker that dies (killed, out of memory, a crash in a native library) or overruns the time bound is
replaced; its task fails with one line and the others go on.

multiprocessing's Pool loses a task whose worker dies and then waits for it forever, so the
supervisor here keeps its own processes, each with a pipe, and watches their results, their
deaths (process sentinels) and their deadlines in one `connection.wait`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import shutil
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

Task = TypeVar("Task")
Result = TypeVar("Result")
STOP = None  # sent to a worker to end it
READY = "ready"  # sent by a worker once warmed up: its first task's time starts then
OUT_OF_MEMORY = "out of memory"  # sent by a worker whose task needed more memory than its bound
WARM_UP_SECONDS = 120.0  # beyond the time bound, what a fresh worker may take to load its libraries
MEMORY_CHECK = 0.25  # seconds between looks at the workers' memory, when it is bounded
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
JOIN_SECONDS = 5.0  # how long a stopped worker may take to exit before it is killed


@dataclass
class Lost(Generic[Task]):
    """A task whose worker died or ran out of time, and why (one line)."""

    task: Task
    reason: str


def _cold() -> None:
    """No warm-up."""


def serve(connection: Connection, work: Callable[[Task], Result], warm: Callable[[], None], memory: int) -> None:
    """A worker's loop: bound its memory, warm up, say so, then run each task received and send back its
    result (or OUT_OF_MEMORY, when the task needed more than the bound)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    os.setpgid(0, 0)  # a group of its own: stopping the worker stops what it started (pandoc) too
    if memory:  # the heap and private mappings, its children's too: an allocation past it fails at once
        resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    try:
        warm()
    except MemoryError:  # the bound is below what the libraries need: each task is lost with that line
        connection.send(OUT_OF_MEMORY)
        return
    connection.send(READY)
    while True:
        try:
            task = connection.recv()
        except EOFError:
            return
        if task is STOP:
            return
        try:
            result: Any = work(task)
        except MemoryError:
            result = OUT_OF_MEMORY
        connection.send(result)


class _Worker(Generic[Task]):
    def __init__(self, context: multiprocessing.context.SpawnContext, work: Callable[[Task], object],
                 warm: Callable[[], None], memory: int) -> None:
        self.connection, child = context.Pipe()
        self.process: BaseProcess = context.Process(target=serve, args=(child, work, warm, memory), daemon=True)
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.ready = False  # warmed up: until then its task's time has not started
        self.born = time.monotonic()
        self.started = 0.0
        self.done = 0

    def give(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        with contextlib.suppress(OSError):  # it died already (in its warm-up): its sentinel tells
            self.connection.send(task)

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # it died already
            self.connection.send(STOP)
        self.process.join(JOIN_SECONDS)
        self.kill()

    def kill(self) -> None:
        if self.connection.closed:
            return
        if self.process.is_alive() and self.process.pid:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)  # the worker and its children
            self.process.kill()
        self.process.join()
        for left in Path(tempfile.gettempdir()).glob(f"pipeline-*-{self.process.pid}-*"):
            shutil.rmtree(left, ignore_errors=True)  # the temporary folders of the renderers it ran
        self.connection.close()


def run(tasks: Iterable[Task], work: Callable[[Task], Result], *, workers: int, timeout: float = 0.0,
        warm: Callable[[], None] = _cold, recycle_after: int = 0,
        memory: int = 0) -> Generator[Result | Lost[Task], None, None]:
    """Run `work` over the tasks in `workers` spawned processes; yield each result as it comes, or a
    Lost for a task whose worker died or took longer than `timeout` seconds (0: no limit) from the
    moment the worker, warmed up, had it.

    `work` and `warm` must be importable functions (the workers are spawned). A worker is replaced
    after `recycle_after` tasks (0: never), which bounds its memory. With a `memory` bound (bytes; 0: no
    limit) a worker's heap and private mappings cannot grow past it (RLIMIT_DATA, its children's each
    alike), and a worker found holding more (resident) is stopped; either way its task is lost and the
    worker replaced, so that one input cannot exhaust the machine.
    """
    context = multiprocessing.get_context("spawn")
    pending = deque(tasks)
    idle: list[_Worker[Task]] = []
    busy: list[_Worker[Task]] = []
    everyone: list[_Worker[Task]] = []  # each worker started
    try:
        while pending or busy:
            while pending and len(busy) < workers:
                if not idle:
                    everyone[:] = [w for w in everyone if not w.connection.closed]
                    everyone.append(_Worker(context, work, warm, memory))
                    idle.append(everyone[-1])
                worker = idle.pop()
                busy.append(worker)  # before it has the task: a stop in between still kills it and clears up
                worker.give(pending.popleft())
            seconds = _wait_seconds(busy, timeout)
            if memory:
                seconds = MEMORY_CHECK if seconds is None else min(seconds, MEMORY_CHECK)
            wait([w.connection for w in busy] + [w.process.sentinel for w in busy], seconds)
            for worker in list(busy):
                outcome = _outcome(worker, timeout, memory)
                if outcome is None:
                    outcome = _over_memory(worker, memory)
                if outcome is None:
                    continue
                busy.remove(worker)
                if isinstance(outcome, Lost):
                    worker.kill()
                else:
                    worker.done += 1
                    if recycle_after and worker.done >= recycle_after:
                        worker.stop()
                    else:
                        idle.append(worker)
                yield outcome
    finally:
        for worker in busy:
            worker.kill()
        for worker in idle:
            worker.stop()
        for worker in everyone:
            worker.kill()  # one caught between the lists when the build was stopped


def _wait_seconds(busy: list[_Worker[Task]], timeout: float) -> float | None:
    """Until the first running task's deadline, or no limit."""
    if not timeout:
        return None
    now = time.monotonic()
    return max(0.0, min(_deadline(w, timeout) - now for w in busy))


def _deadline(worker: _Worker[Task], timeout: float) -> float:
    """When a worker's task overruns: `timeout` after the warmed-up worker had it; a worker still warming
    up gets WARM_UP_SECONDS more (a warm-up that hangs must not hang the build)."""
    return worker.started + timeout if worker.ready else worker.born + timeout + WARM_UP_SECONDS


def _outcome(worker: _Worker[Task], timeout: float, memory: int) -> Any:
    """The worker's result if it sent one, a Lost if it died, overran or ran out of memory, else None (still
    working)."""
    assert worker.task is not None
    if worker.connection.poll():
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            message = None  # it died while sending
        else:
            if message == OUT_OF_MEMORY:
                return Lost(worker.task, _over(memory))
            if message != READY:
                return cast(Any, message)
            worker.ready, worker.started = True, time.monotonic()  # its task's time starts now
            return None
    if worker.process.is_alive():
        if timeout and time.monotonic() > _deadline(worker, timeout):
            return Lost(worker.task, f"took longer than {timeout:g} s")
        return None
    worker.process.join()
    return Lost(worker.task, f"its worker process died ({_death(worker.process.exitcode)})")


def _over_memory(worker: _Worker[Task], memory: int) -> Lost[Task] | None:
    """A Lost for a task whose worker holds more than `memory` bytes (resident), else None."""
    if not memory or worker.task is None:
        return None
    held = resident_bytes(worker.process.pid)
    return Lost(worker.task, _over(memory, held)) if held > memory else None


def _over(memory: int, held: int = 0) -> str:
    """Why a task was lost to the memory bound."""
    used = f"used {_gigabytes(held)}" if held else "needed more memory"
    return f"its worker {used}, over the {_gigabytes(memory)} limit (max_worker_memory)"


def _gigabytes(size: int) -> str:
    return f"{size / 1e9:.2f}".rstrip("0").rstrip(".") + " GB"


def resident_bytes(pid: int | None) -> int:
    """The resident memory of a process (0 where it cannot be read)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return 0


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"
