"""Shared paths and helpers for the tests."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CASES = TESTS / "cases"
CORPUS = TESTS / "data" / "corpus"
SEEDS = ROOT / "seeds"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

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


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Chromium through Playwright, started once per test process."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def browser(chromium: Any) -> Iterator[Any]:
    """The test process's Chromium; the pages a test opens (each in a context of its own) close after it."""
    yield chromium
    for context in chromium.contexts:
        context.close()


def follow(page: Any, link: Any) -> None:
    """Click a link and wait until the page it leads to has loaded (not the one being left, which is loaded already)."""
    with page.expect_navigation(wait_until="load"):
        link.click()


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
