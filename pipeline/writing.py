"""Writing files so that no reader ever sees half of one: a temporary name, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _umask()
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the date of every zip member written (the earliest a zip holds): equal bytes
TEMP_SUFFIX = ".pipeline.tmp"  # the end of every temporary name the pipeline makes, and of no other file


_SCRATCH: ContextVar[bool] = ContextVar("scratch", default=False)


@contextmanager
def scratch() -> Iterator[None]:
    """Writes within are to a scratch folder, read back at once and thrown away: they need not reach the disk
    (no fsync). A worker builds a document so; the build's own writes into the output are durable."""
    token = _SCRATCH.set(True)
    try:
        yield
    finally:
        _SCRATCH.reset(token)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file under a temporary name in the same folder, made durable (fsync; not in `scratch`), then
    rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if not _SCRATCH.get():
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~UMASK)  # readable like any file the user makes, for web servers too
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
