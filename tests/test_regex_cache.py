"""The patterns kept between processes are the very ones `re.compile` gives, and a damaged or foreign file
only costs the compiling."""

from __future__ import annotations

import importlib
import marshal
import re
import sys
from pathlib import Path

import pytest

from pipeline import regex_cache
from pipeline.chinese import HAN_CLASS

MODULES = ("pipeline.chinese", "pipeline.ingest", "pipeline.clean.patterns", "pipeline.clean.punctuation",
           "pipeline.clean.stages.metadata", "pipeline.clean.read.credits", "pipeline.clean.read.values")
SAMPLES = [
    (f"(?P<name>[{HAN_CLASS}]{{2,4}})\\s*(?:摄|攝)$", 0),
    (r"(?<![\w.])www\.[a-z]+", re.IGNORECASE),
    (f"^[（(]?(?P<agency>[{HAN_CLASS}]{{1,6}}?社)", 0),
    (r"(\d{4})-(\d{2})", 0),
]
TEXTS = ["通讯员刘娟 摄", "WWW.example.com 新华社北京电", "（新华社北京9日电）", "2024-07 发布"]


@pytest.fixture
def writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A module file whose cache may be written (bytecode allowed, kept beside it)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    module = tmp_path / "module.py"
    module.write_text("", "utf-8")
    return module


def _file(cache: regex_cache.Patterns) -> Path:
    """Where the cache keeps its patterns (the interpreter keeps bytecode here)."""
    assert cache.path is not None
    return cache.path


def _same(got: re.Pattern[str], pattern: str, flags: int) -> None:
    wanted = re.compile(pattern, flags)
    assert got == wanted  # the same pattern, flags and engine code
    assert got.groupindex == wanted.groupindex and got.groups == wanted.groups
    for text in TEXTS:
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in wanted.finditer(text)]


def test_a_saved_pattern_is_the_one_re_compiles(writable: Path) -> None:
    first = regex_cache.Patterns(str(writable))
    for pattern, flags in SAMPLES:
        _same(first.compile(pattern, flags), pattern, flags)
    first.save()
    assert _file(first).is_file() and _file(first).parent.name == "__pycache__"
    again = regex_cache.Patterns(str(writable))
    assert set(again.known) == {(pattern, int(flags)) for pattern, flags in SAMPLES}
    for pattern, flags in SAMPLES:
        _same(again.compile(pattern, flags), pattern, flags)


def test_every_pattern_of_the_cleaning_is_the_one_re_compiles() -> None:
    for name in MODULES:
        patterns = importlib.import_module(name).PATTERNS
        assert patterns.used, name
        for pattern, flags in patterns.used:
            assert patterns.compile(pattern, flags) == re.compile(pattern, flags), (name, pattern)


def test_only_the_patterns_in_use_are_kept(writable: Path) -> None:
    old = regex_cache.Patterns(str(writable))
    old.compile(r"old\d+")
    old.save()
    new = regex_cache.Patterns(str(writable))
    new.compile(r"new\d+")
    new.save()
    assert set(regex_cache.Patterns(str(writable)).known) == {(r"new\d+", 0)}


@pytest.mark.parametrize("content", [
    b"not marshal data",
    marshal.dumps(("another interpreter", {(r"a", 0): (32, [1, 2, 3], 0, {}, (None,))})),
    marshal.dumps((regex_cache.KEY, {(r"\d+x", 0): (32, [1, 2, 3, 99999], 0, {}, (None,))})),  # code the engine refuses
    marshal.dumps((regex_cache.KEY, {(r"\d+x", 0): "a string"})),
    marshal.dumps((regex_cache.KEY, ["not", "a", "dict"])),
], ids=["not marshal data", "another interpreter", "code refused", "not code", "not a dict"])
def test_a_damaged_or_foreign_file_means_compiling(writable: Path, content: bytes) -> None:
    cache = regex_cache.Patterns(str(writable))
    _file(cache).parent.mkdir(exist_ok=True)
    _file(cache).write_bytes(content)
    _same(regex_cache.Patterns(str(writable)).compile(r"\d+x"), r"\d+x", 0)


def test_nothing_is_written_where_python_writes_no_bytecode(writable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = regex_cache.Patterns(str(writable))
    cache.compile(r"\d+")
    cache.save()
    assert not _file(cache).exists()


def test_a_folder_that_cannot_be_written_is_no_error(writable: Path) -> None:
    (writable.parent / "__pycache__").write_text("a file where the folder would be", "utf-8")
    cache = regex_cache.Patterns(str(writable))
    cache.compile(r"\d+")
    cache.save()  # no error, nothing left behind
    assert sorted(p.name for p in writable.parent.iterdir()) == ["__pycache__", "module.py"]


def test_an_engine_that_takes_its_code_otherwise_only_costs_the_compiling(
        writable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_code", lambda pattern, flags: ("code", "of", "another", "layout"))
    cache = regex_cache.Patterns(str(writable))
    _same(cache.compile(r"\d+x"), r"\d+x", 0)
    cache.save()
    assert not cache.used and not _file(cache).exists()  # nothing kept that the engine could not take


def test_a_pattern_that_is_no_pattern_is_refused_as_re_refuses_it(writable: Path) -> None:
    with pytest.raises(re.error):
        regex_cache.Patterns(str(writable)).compile(r"(unclosed")


def test_an_interpreter_that_keeps_no_bytecode_keeps_no_patterns(
        writable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.implementation, "cache_tag", None)
    cache = regex_cache.Patterns(str(writable))
    _same(cache.compile(r"\d+y"), r"\d+y", 0)
    cache.save()
    assert cache.path is None and not (writable.parent / "__pycache__").exists()
