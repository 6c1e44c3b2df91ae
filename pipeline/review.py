"""The review list of a Traditional conversion: the few places an editor should read, ranked.

1. **A second opinion.** Every text node converted from Simplified is converted again by MediaWiki's
   conversion tables (the `zhconv` package: the tables Chinese Wikipedia converts with, kept by hand
   apart from OpenCC's, with their own phrase lists per region) for the variant's region. Where the two
   disagree (quotes aside: the project sets those), the spot goes on the list with both forms.
2. **Characters whose forms mean different things** in common text (发/髮, 干/乾/幹, 后/後, 里/裡 …),
   where OpenCC took the character table's form, no phrase deciding: those are the guesses.

Spots are grouped (the same pair of forms, counted) and ranked: disagreements first, then the
meaningful characters, most frequent first. Every other character with several forms (同/衕, 朱/硃)
is listed only when asked for (`everything`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from pipeline.dictionary import Entry

ZHCONV_LOCALES = {"zh-Hant": "zh-hant", "zh-Hant-TW": "zh-tw", "zh-Hant-HK": "zh-hk"}
# Simplified characters whose Traditional forms differ in meaning in everyday text, each form common:
# 發/髮, 乾/幹/干, 後/后, 裡/里, 臺/檯/颱/台, 係/系/繫, 制/製, 面/麵, 只/隻, 復/複/覆, 鬆/松, 鬥/斗, 穀/谷,
# 鐘/鍾, 衝/沖, 徵/征.
MEANINGFUL = frozenset("发干后里台系制面只复松斗谷钟冲征")
QUOTES = re.compile("[“”‘’「」『』]")
CONTEXT = 4


@cache
def _zhconv() -> Any:
    import zhconv

    return zhconv


def second_opinion(source: str, converted: str, target: str,
                   phrases: Iterable[Entry] = ()) -> list[dict[str, str]]:
    """Where MediaWiki's tables convert `source` otherwise than `converted` (quotes aside, and the phrases
    of the project's and the user's dictionaries taken as written): each spot with our form and theirs (the
    differing characters), the two as words (a character either side) and the context in our text."""
    locale = ZHCONV_LOCALES.get(target)
    if locale is None:
        return []
    other = _zhconv().convert(source, locale)
    if len(other) == len(source):  # character for character: the dictionaries' phrases put in as ours are
        for entry in phrases:
            for found in re.finditer(re.escape(entry.simplified), source):
                other = other[: found.start()] + entry.traditional + other[found.end() :]
    ours, theirs = QUOTES.sub('"', converted), QUOTES.sub('"', other)
    spots = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        spots.append({"ours": converted[i1:i2], "other": theirs[j1:j2],
                      "words": f"{converted[max(0, i1 - 1) : i2 + 1]}/{theirs[max(0, j1 - 1) : j2 + 1]}",
                      "context": converted[max(0, i1 - CONTEXT) : i2 + CONTEXT]})
    return spots


def ranked(disagreements: Iterable[dict[str, str]], ambiguous: Iterable[dict[str, str]], *,
           everything: bool = False) -> list[dict[str, Any]]:
    """The review list: groups of spots (kind, our form, the other form or the options, how many, one
    context), disagreements first, then meaningful characters OpenCC's character table decided, then (with
    `everything`) every other character with several forms; most frequent first within each kind."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add(kind: str, ours: str, other: str, shown: str, context: str) -> None:
        group = groups.setdefault((kind, ours, other), {"kind": kind, "ours": ours, "other": other, "shown": shown,
                                                        "count": 0, "context": context})
        group["count"] += 1

    for spot in disagreements:
        add("disagreement", spot["ours"], spot["other"], spot["words"], spot["context"])
    for spot in ambiguous:
        guessed = spot["char"] in MEANINGFUL and spot.get("by", "") == "character"
        if guessed or everything:
            add("meaning" if guessed else "variant", spot["char"], spot["chosen"],
                f"{spot['char']}→{spot['chosen']} ({spot['options']})", spot["context"])
    order = {"disagreement": 0, "meaning": 1, "variant": 2}
    return sorted(groups.values(), key=lambda g: (order[g["kind"]], -g["count"], g["ours"]))
