"""Regular expressions compiled once and kept beside a module's bytecode.

Python's `re` builds a character class by visiting every character of its ranges: a class of Han
characters (28,000 of them, `chinese.HAN_CLASS`) takes it 1–2 ms, and the cleaning's patterns hold
dozens, most of a new process's start. A module compiles its patterns through a `Patterns` and
saves them when it is done (`Patterns.save`, at its end); the next process reads the compiled
code from that file (`NAME.cpython-311.re` beside `NAME.cpython-311.pyc`, wherever Python keeps
bytecode) and hands it to the same engine: the patterns are the very ones `re.compile` gives
(a test compares them). The file is keyed by the interpreter's version and the engine's magic
number; a file of another, one that is unreadable or damaged (the engine checks the code it is
given), or no file at all means compiling as usual. Like bytecode, the file is not written
where Python writes none (PYTHONDONTWRITEBYTECODE) or cannot.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import contextlib
import marshal
import os
import re
import sys
from importlib.util import cache_from_source
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

KEY = f"{sys.implementation.cache_tag} {_sre.MAGIC}"

# What the engine is given for one pattern: its flags, code, group count, group names both ways.
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class Patterns:
    """The compiled patterns of one module (its file's name is `module_file`)."""

    def __init__(self, module_file: str) -> None:
        self.path: Path | None = None  # an interpreter that keeps no bytecode keeps no patterns either
        with contextlib.suppress(NotImplementedError):
            self.path = Path(cache_from_source(module_file)).with_suffix(".re")
        self.known: dict[tuple[str, int], Compiled] = {}
        self.used: dict[tuple[str, int], Compiled] = {}
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            key, known = marshal.loads(self.path.read_bytes()) if self.path else (None, None)
            if key == KEY and isinstance(known, dict):
                self.known = known

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """What `re.compile(pattern, flags)` gives, from the saved code where there is some."""
        key = (pattern, int(flags))
        saved = self.known.get(key)
        if saved is not None:
            try:
                compiled: re.Pattern[str] = _sre.compile(pattern, *saved)
            except (RuntimeError, TypeError, ValueError, OverflowError):  # damaged: the engine refuses the code
                pass
            else:
                self.used[key] = saved
                return compiled
        try:  # a pattern that is no pattern raises re.error here, as re.compile does
            made = _code(pattern, int(flags))
            compiled = _sre.compile(pattern, *made)
        except (AttributeError, TypeError, ValueError):  # an engine that takes its code otherwise: compile as usual
            return re.compile(pattern, flags)
        self.used[key] = made
        return compiled

    def save(self) -> None:
        """Keep the module's patterns for the next process (unless the file holds them already)."""
        if self.path is None or sys.dont_write_bytecode or self.used == self.known:
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(marshal.dumps((KEY, self.used)))
            os.replace(temporary, self.path)
        except OSError:  # a folder that cannot be written: the next process compiles again
            with contextlib.suppress(OSError):
                temporary.unlink()


def _code(pattern: str, flags: int) -> Compiled:
    """The engine's code for a pattern, as `re._compiler.compile` makes it."""
    parsed = _parser.parse(pattern, flags)
    groups = parsed.state.groupdict
    names: list[str | None] = [None] * parsed.state.groups
    for name, index in groups.items():
        names[index] = name
    return (int(flags | parsed.state.flags), [int(op) for op in _compiler._code(parsed, flags)],
            parsed.state.groups - 1, dict(groups), tuple(names))
