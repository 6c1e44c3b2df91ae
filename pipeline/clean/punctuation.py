"""Full-width punctuation in Chinese text: ASCII , : ; ! ? ( ) beside Han characters; no stray space beside
a full-width mark; a bracket pair of one width.

Numbers (1,000 and 07:27), ratios, URLs, e-mail addresses, Latin phrases and 4+1-style
expressions keep their ASCII marks. Never NFKC: it would turn ，。 back into ,.
"""

from __future__ import annotations

import re

from pipeline.chinese import CLOSING_MARKS, HAN_CLASS, OPENING_MARKS
from pipeline.regex_cache import Patterns

PATTERNS = Patterns(__file__)  # saved at the end of the module

# Characters that make a neighbour "Chinese": Han, and full-width punctuation and quotes.
CJK = f"[{HAN_CLASS}\u3000-\u303f\uff01-\uff5e“”‘’…—]"
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
PROTECTED = PATTERNS.compile(
    r"(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef" + HAN_CLASS + r"]+"
    r"|www\.[A-Za-z0-9.-]+[^\s\u3000-\u303f\uff00-\uffef" + HAN_CLASS + r"]*"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"  # tried only where a word starts: linear on a long word
)
PROTECTED_MARKS = ("://", "www.", "@")  # each alternative of PROTECTED holds one: a line without any is not searched
MARK = PATTERNS.compile(r"(?<![ \t])[ \t]*([,:;!?])[ \t]*")  # tried where white space starts: linear
PAREN = PATTERNS.compile(r"\(([^()]*)\)")
HAS_HAN = PATTERNS.compile(f"[{HAN_CLASS}]")
IS_CJK = PATTERNS.compile(CJK)
ASCII_MARKS = PATTERNS.compile(r"[,:;!?()]")


def to_full_width(text: str) -> str:
    """ASCII punctuation in Chinese text as full-width marks; everything else unchanged."""
    if not ASCII_MARKS.search(text):
        return text
    if not any(mark in text for mark in PROTECTED_MARKS):
        return _convert(text)
    pieces: list[str] = []
    last = 0
    for match in PROTECTED.finditer(text):
        pieces.append(_convert(text[last : match.start()]))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_convert(text[last:]))
    return "".join(pieces)


def _convert(text: str) -> str:
    text = PAREN.sub(_paren, text)
    return MARK.sub(_mark, text)


def _mark(match: re.Match[str]) -> str:
    """A mark with Chinese on its left, or on its right when its left is not a Latin word or digit."""
    start, end = match.span()
    text = match.string
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    left_chinese = bool(before) and IS_CJK.match(before) is not None
    right_chinese = bool(after) and IS_CJK.match(after) is not None
    left_latin = bool(before) and before.isascii() and before.isalnum()
    if left_chinese or (right_chinese and not left_latin):
        return FULL_WIDTH[match.group(1)]
    return match.group()


def _paren(match: re.Match[str]) -> str:
    inner = match.group(1)
    start, end = match.span()
    before = match.string[start - 1] if start else ""
    after = match.string[end] if end < len(match.string) else ""
    chinese_outside = bool(IS_CJK.match(before) or IS_CJK.match(after))
    if HAS_HAN.search(inner) or (chinese_outside and inner.strip()):
        return f"（{inner.strip()}）"
    return match.group()


# A space or tab beside a full-width mark: the mark carries its own blank, so a space there is the
# source's (Pro ，, ） 高級, 差距。 雪上加霜). Tried where the white space starts, or right after a mark:
# linear on long runs.
MARKS = CLOSING_MARKS + OPENING_MARKS
SPACE_BESIDE_MARK = PATTERNS.compile(rf"(?<![ \t])[ \t]+(?=[{MARKS}])|(?<=[{MARKS}])[ \t]+")
BRACKETS = {"(": ")", "（": "）"}


def tidy_spacing(text: str) -> str:
    """No ASCII space or tab beside a full-width mark."""
    return SPACE_BESIDE_MARK.sub("", text) if " " in text or "\t" in text else text


def pair_brackets(text: str) -> str:
    """A bracket closed by one of the other width takes one width for both, by what is inside: full
    width around Chinese (（含税) → （含税）), half width around Latin text ((Apple） → (Apple))."""
    if not (("(" in text or ")" in text) and ("（" in text or "）" in text)):
        return text
    chars = list(text)
    opened: list[int] = []
    for i, ch in enumerate(chars):
        if ch in BRACKETS:
            opened.append(i)
        elif ch in (")", "）") and opened:
            start = opened.pop()
            if BRACKETS[chars[start]] != ch:
                full = HAS_HAN.search(text, start + 1, i) is not None
                chars[start], chars[i] = ("（", "）") if full else ("(", ")")
    return "".join(chars)

PATTERNS.save()
