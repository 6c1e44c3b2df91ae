"""Line classes written by a person: the corpus's `line_classes` and a seed's `NAME.lines.json` sidecar.

Both map a class to line numbers of the raw page, 1-based: `{"title": "12", "body": "15-40,44",
"boilerplate": "41-"}`; a range without an end runs to the last line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from pipeline.clean.tagger import CLASSES
from pipeline.errors import InputError

SPEC = re.compile(r"^\s*(\d+)\s*(?:(-)\s*(\d*))?\s*$")
ALIASES = {"subtitle": "title"}  # the corpus marks a subtitle line apart; the rules split it off the title
SIDECAR_SUFFIX = ".lines.json"


def line_numbers(spec: str, last: int) -> list[int]:
    """The line numbers of a spec such as "3,5-7,41-" (41- runs to `last`)."""
    numbers: list[int] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        match = SPEC.match(part)
        if not match:
            raise ValueError(f"{part!r} is not a line number or a range such as 15-40 or 41-")
        low = int(match[1])
        high = (int(match[3]) if match[3] else last) if match[2] else low
        if high < low:
            raise ValueError(f"{part!r} ends before it starts")
        numbers.extend(range(low, min(high, last) + 1))  # a range past the page's end stops at its last line
    return numbers


def line_classes(mapping: Mapping[str, object], last: int) -> dict[int, str]:
    """Line number → class, from a mapping of class → spec; a title wins over a subtitle on one line."""
    classes: dict[int, str] = {}
    for name, spec in mapping.items():
        label = ALIASES.get(name, name)
        if label not in CLASSES:
            raise ValueError(f"unknown class {name!r} (classes: {', '.join(CLASSES)})")
        if not isinstance(spec, str):
            raise ValueError(f"{name}: {spec!r} is not a string of line numbers")
        for number in line_numbers(spec, last):
            if classes.get(number) != "title":
                classes[number] = label
    return classes


def sidecar_path(seed: Path) -> Path:
    """NAME.lines.json beside NAME.txt."""
    return seed.with_name(seed.name.removesuffix(".txt") + SIDECAR_SUFFIX)


def read_sidecar(data: bytes, last: int, *, path: Path) -> dict[int, str]:
    """The line classes a sidecar fixes, or a one-line error naming it."""
    try:
        mapping = json.loads(data.decode("utf-8"))
        if not isinstance(mapping, dict):
            raise ValueError("expected an object of class → line numbers")
        return line_classes(mapping, last)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"line classes: {exc}", path=path) from exc
