"""Shared paths and helpers for the tests."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CASES = TESTS / "cases"
CORPUS = TESTS / "data" / "corpus"
SEEDS = ROOT / "seeds"

# EPUBCheck's JVM: the quick compiler only. A check runs once per JVM, so the optimising compiler's work
# is never paid back; this halves the CPU time of each check.
os.environ.setdefault("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1")


def load_cases(name: str) -> list[dict[str, Any]]:
    """The JSON test cases of one file in tests/cases/."""
    cases: list[dict[str, Any]] = json.loads((CASES / name).read_text("utf-8"))
    return cases


def case_ids(cases: list[dict[str, Any]]) -> list[str]:
    """pytest ids from the cases' labels."""
    return [str(case["label"]) for case in cases]


@pytest.fixture
def no_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A machine without fonts, as fontconfig sees it: an empty configuration (FONTCONFIG_FILE)."""
    from pipeline.render import fonts

    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', "utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    fonts.installed.cache_clear()
    yield
    fonts.installed.cache_clear()  # the machine's fonts again, once the variable is restored


@pytest.fixture
def page(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a page's text (or bytes) to a file and return its path."""

    def write(content: str | bytes, name: str = "page.txt") -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, "utf-8")
        else:
            path.write_bytes(content)
        return path

    return write
