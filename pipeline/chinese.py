"""What the package knows of Chinese text, in one place for the cleaning, the variants and the
renderers: the Han ranges, the punctuation sets, and the time zone the pages' dates are in."""

from __future__ import annotations

import datetime as dt
import re

# CJK Unified Ideographs, Extension A and the compatibility ideographs.
HAN_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{HAN_CLASS}]")
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")  # counting runs is faster than characters

# Marks that end a sentence, closing quotes and brackets included.
SENTENCE_END = "。！？…!?”’」』）)"
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

# Pages in Chinese give their times in China Standard Time (and Taiwan's and Hong Kong's, the same).
UTC_OFFSET = "+08:00"
TIMEZONE = dt.timezone(dt.timedelta(hours=8))
