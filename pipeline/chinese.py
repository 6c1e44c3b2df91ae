"""What the package knows of Chinese text, in one place for the cleaning, the variants and the
renderers: the Han ranges, the punctuation sets, and the time zone the pages' dates are in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pipeline.regex_cache import Patterns

PATTERNS = Patterns(__file__)  # saved at the end of the module

# CJK Unified Ideographs, Extension A and the compatibility ideographs.
HAN_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = PATTERNS.compile(f"[{HAN_CLASS}]")
HAN_RUN = PATTERNS.compile(f"[{HAN_CLASS}]+")  # counting runs is faster than characters

# Marks that end a sentence, closing quotes and brackets included.
SENTENCE_END = "。！？…!?”’」』）)"
# Marks that end a sentence inside a line.
FULL_STOPS = "。！？"
# Marks inside running text: a line with them is a sentence, not a label or a menu.
SENTENCE_MARKS = "，。；！？、"
# Marks that only running text has (a pause mark 、 alone may be a list's).
RUNNING_TEXT_MARKS = "，。！？；"
# Marks after which a line is plainly not finished.
CONTINUES = "，、；：,;:（(“‘「『《—"
# Full-width marks that leave half an em blank on their right (closing, stops, pauses) and those that
# leave it on their left (opening): two side by side leave the hole that punctuation compression closes.
CLOSING_MARKS = "。，、；：？！）」』”’》〉】〕"
OPENING_MARKS = "（「『“‘《〈【〔"

def written_date(iso: str) -> str:
    """An ISO date (2026-01-20, or with a time after it) as Chinese readers write it: 2026年1月20日, the
    same in both scripts."""
    year, month, day = iso[:10].split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


def byline(published: str | None, source: str | None, authors: Sequence[str], editors: Sequence[str],
           lang: str) -> str:
    """The line under the title, the same in every output and on the download page: date · source · author
    · editor, each where known."""
    editor_word = "編輯" if lang.startswith("zh-Hant") else "编辑"
    parts = [written_date(published) if published else "", source or "", "、".join(authors),
             f"{editor_word} {'、'.join(editors)}" if editors else ""]
    return " · ".join(p for p in parts if p)


# Pages in Chinese give their times in China Standard Time (and Taiwan's and Hong Kong's, the same).
UTC_OFFSET = "+08:00"
TIMEZONE = dt.timezone(dt.timedelta(hours=8))

PATTERNS.save()
