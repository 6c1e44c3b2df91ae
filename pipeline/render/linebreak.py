"""Breaking a title into lines as a typesetter would: at its spaces and after its punctuation first,
never inside a run of digits or Latin letters (`4GB`, `iPhone`), never with a mark that may not start
a line at a line's start (`？`, `，`, `」`) nor one that may not end it at a line's end (`「`, `《`),
and into lines of even length (no line much shorter than the others, none of one character).

`balanced_lines(text, measure, width)` takes the renderer's own measure of a string (pixels, points,
ems) and the width it has; the cover, the PDF's and the DOCX's title blocks use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

NO_LINE_START = set("、，。．；：！？）］｝〕〉》」』】〗”’…·,.;:!?)]}%")
NO_LINE_END = set("（［｛〔〈《「『【〖“‘([{")
# Units a break never falls inside: a run of Latin letters, digits and their joiners (4GB, 3.5, 4+1,
# iPhone 15 is two units), or one character.
UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%+\-/:'’&]*[A-Za-z0-9%]|[A-Za-z0-9]|\s+|.", re.DOTALL)
# Where a break is preferred: at a space, or after a mark that ends a phrase.
PHRASE_ENDS = set("，、；：！？。—…）」』》】”’·,;:!?")
SHORTEST = 1 / 3  # no line shorter than this share of the longest


def em_width(text: str) -> float:
    """A CJK face's width of a text in em, estimated: Han and full-width marks one em, Latin letters,
    digits and spaces about half."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in text)


def separated(text: str, lines: list[str]) -> list[str]:
    """What stood between the lines in the text (a space broken at, or nothing), one for each break."""
    cursor, gaps = 0, []
    for line in lines:
        start = text.find(line, cursor)
        gaps.append(text[cursor:start])
        cursor = start + len(line)
    return gaps[1:]


def units(text: str) -> list[str]:
    """The text in unbreakable units: a mark that may not start a line joins the unit before it, one
    that may not end a line the unit after it."""
    pieces = UNIT.findall(text)
    joined: list[str] = []
    for piece in pieces:
        if joined and (piece[0] in NO_LINE_START or joined[-1][-1] in NO_LINE_END) and not piece.isspace() \
                and not joined[-1].isspace():
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def balanced_lines(text: str, measure: Callable[[str], float], width: float, max_lines: int = 4) -> list[str]:
    """The fewest lines the text fits `width` in, as even as they can be: broken at spaces and after
    phrase-ending marks where that gives lines of which none is under a third of the longest, else
    between any two units too; a unit wider than `width` alone gets a line of its own."""
    parts = units(text.strip())
    if not parts:
        return []

    @cache
    def line(i: int, j: int) -> str:
        return "".join(parts[i:j]).strip()

    @cache
    def wide(i: int, j: int) -> float:
        return measure(line(i, j))

    def preferred(j: int) -> bool:
        before, after = parts[j - 1], parts[j]
        return before.isspace() or after.isspace() or before[-1] in PHRASE_ENDS

    count = len(parts)
    for lines in range(1, max_lines + 1):
        for only_preferred in (True, False):
            found = _even(count, lines, line, wide, width,
                          (lambda j: preferred(j)) if only_preferred else (lambda j: True))
            widths = [wide(i, j) for i, j in found or ()]
            if found and min(widths) >= SHORTEST * max(widths):
                return [line(i, j) for i, j in found]
    return [line(0, count)]


def _even(count: int, lines: int, line: Callable[[int, int], str], wide: Callable[[int, int], float],
          width: float, may_break: Callable[[int], bool]) -> list[tuple[int, int]] | None:
    """The spans (start, end) of parts in `lines` lines, each within `width` (or one unit alone), whose
    widths are closest to even (least sum of squares), breaking only where `may_break`; None if none."""
    target = wide(0, count) / lines
    best: dict[tuple[int, int], tuple[float, int]] = {(0, 0): (0.0, 0)}
    for k in range(1, lines + 1):
        for j in range(1, count + 1):
            if j < count and not may_break(j):
                continue
            options = [(best[(k - 1, i)][0] + (wide(i, j) - target) ** 2, i) for i in range(k - 1, j)
                       if (k - 1, i) in best and line(i, j) and (wide(i, j) <= width or j - i == 1)]
            if options:
                best[(k, j)] = min(options)
    if (lines, count) not in best:
        return None
    spans, j = [], count
    for k in range(lines, 0, -1):
        i = best[(k, j)][1]
        spans.append((i, j))
        j = i
    return spans[::-1]
