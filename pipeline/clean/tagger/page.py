"""Where a line stands in its page, for the line tagger: the `Page` (a page's trimmed lines with
what is measured over all of them: the main block of running text, runs of short lines, repeats),
the features of each line's place (`PAGE_FEATURES`), and `page_features`, the one place that
combines a line's features with its neighbours' over a window, as the strings CRFsuite reads.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property

from pipeline.chinese import RUNNING_TEXT_MARKS
from pipeline.clean import classify as c
from pipeline.clean.tagger.features import (
    CHAINED_HAN,
    CODES,
    CREDIT_GAP,
    CREDIT_REACH,
    LINE_FEATURES,
    LINE_NAMES,
    LONG_LINE_CHARS,
    SHORT_LINE_CHARS,
    TITLE_WINDOW,
    WINDOW,
    Value,
    _coded,
    bucket,
    dated_short,
    is_headline,
)
from pipeline.clean.types import DOM_FIELDS, Line


class Page:
    """A page's trimmed lines with what is measured over all of them (the main block, repeats)."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = list(lines)
        self.texts = [line.text for line in self.lines]
        self._credits: dict[int, int | None] = {}

    @cached_property
    def paragraph(self) -> list[bool]:
        """Which lines read as running text."""
        return [c.looks_like_paragraph(t) for t in self.texts]

    @cached_property
    def main_block(self) -> tuple[int, int]:
        """(first, last) index of the densest run of running text (a maximum-sum segment).

        Running text scores its Han characters; any other line costs a short line's worth, so
        a menu or a list of headlines between two paragraphs splits them unless they are long.
        """
        best, best_span = 0.0, (0, max(0, len(self.texts) - 1))
        total, start = 0.0, 0
        for i, text in enumerate(self.texts):
            running = self.paragraph[i] or any(m in text for m in RUNNING_TEXT_MARKS)
            score = float(c.han_count(text)) if running else -float(SHORT_LINE_CHARS + 2)
            if total <= 0:
                total, start = 0.0, i
            total += score
            if total > best:
                best, best_span = total, (start, i)
        return best_span

    @cached_property
    def running_han(self) -> list[int]:
        """Cumulative Han characters of lines with sentence punctuation (index k: lines before k)."""
        sums = [0]
        for text in self.texts:
            sums.append(sums[-1] + (c.han_count(text) if any(m in text for m in RUNNING_TEXT_MARKS) else 0))
        return sums

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each text stands in the page."""
        return Counter(self.texts)

    @cached_property
    def short_runs(self) -> list[int]:
        """For each line, the length of the run of short lines it belongs to (0 for a long line)."""
        runs = [0] * len(self.texts)
        i = 0
        while i < len(self.texts):
            j = i
            while j < len(self.texts) and len(self.texts[j]) <= SHORT_LINE_CHARS:
                j += 1
            for k in range(i, j):
                runs[k] = j - i
            i = max(j, i + 1)
        return runs

    @cached_property
    def non_text_runs(self) -> list[tuple[int, int]]:
        """For each line, the (first, last) index of the run of lines not reading as running text around it."""
        runs = [(i, i) for i in range(len(self.texts))]
        i = 0
        while i < len(self.texts):
            j = i
            while j < len(self.texts) and not self.paragraph[j]:
                j += 1
            for k in range(i, j):
                runs[k] = (i, j - 1)
            i = max(j, i + 1)
        return runs

    @cached_property
    def title_rank(self) -> list[int | None]:
        """For headline-shaped lines above the main block, their rank counted upwards from it."""
        ranks: list[int | None] = [None] * len(self.texts)
        rank = 0
        for i in range(self.main_block[0] - 1, -1, -1):
            if is_headline(self.texts[i]):
                ranks[i] = rank
                rank += 1
        return ranks

    @cached_property
    def headline_length_rank(self) -> list[int | None]:
        """For headlines among the 15 lines above the main block, their rank by length (0: longest)."""
        first = self.main_block[0]
        near = [i for i in range(max(0, first - 15), first + 1) if is_headline(self.texts[i])]
        order = sorted(near, key=lambda i: -len(self.texts[i]))
        ranks: list[int | None] = [None] * len(self.texts)
        for rank, i in enumerate(order):
            ranks[i] = rank
        return ranks

    @cached_property
    def dated(self) -> list[bool]:
        """Lines with a date in them and no sentence."""
        return [bool(dated_short(t)) for t in self.texts]

    @cached_property
    def article_end(self) -> int:
        """The last line of running text chained to the main block: each within CREDIT_REACH lines of
        the one before (an article of short lines has its paragraphs apart, a menu has none)."""
        end = self.main_block[1]
        for i in range(end + 1, len(self.texts)):
            if i > end + CREDIT_REACH:
                break
            if self.paragraph[i] and c.han_count(self.texts[i]) >= CHAINED_HAN:
                end = i
        return end

    def closing_credit(self, title: int) -> int | None:
        """The first short line labelling an editor or a source a few lines below the title and not far
        below the article's running text: the article's end (worked out once per title)."""
        if title not in self._credits:
            self._credits[title] = next(
                (i for i in range(title + CREDIT_GAP, min(len(self.texts), self.article_end + CREDIT_REACH))
                 if len(self.texts[i]) <= 40 and {"editor", "source"} & set(c.meta_labels(self.texts[i], glued=True))),
                None)
        return self._credits[title]

    @cached_property
    def own(self) -> list[list[str]]:
        """Each line's own features."""
        return own_features(self)

    @cached_property
    def near(self) -> list[list[bytes]]:
        """Each line's features and its TITLE_WINDOW neighbours' on each side (the title pass's)."""
        return [[b"bias", *row] for row in _windows(self.own, ((b"", 0), *NEAR))]

    @cached_property
    def long_text(self) -> str:
        """The page's lines of LONG_LINE_CHARS or more, one per line, where a shorter line may be repeated."""
        return "\n".join(t for t in self.texts if len(t) >= LONG_LINE_CHARS)

def main_block_place(page: Page, i: int) -> Value:
    """Before, inside or after the densest block of running text, and how far."""
    first, last = page.main_block
    if i < first:
        return "before" + bucket(first - i, (2, 4, 8, 16, 40))
    if i > last:
        return "after" + bucket(i - last, (2, 4, 8, 16, 40))
    return "inside"


def short_run(page: Page, i: int) -> Value:
    """The length of the run of short lines around the line (a menu is a long run)."""
    return bucket(page.short_runs[i], (1, 2, 3, 5, 10, 20))


def paragraphs_near(page: Page, i: int) -> Value:
    """How many of the five lines on each side read as running text."""
    near = page.paragraph[max(0, i - 5) : i] + page.paragraph[i + 1 : i + 6]
    return bucket(sum(near), (1, 2, 4, 6, 8))


def density_near(page: Page, i: int) -> Value:
    """Han characters of running text among the ten lines on each side (the article is dense)."""
    return bucket(page.running_han[min(len(page.texts), i + 11)] - page.running_han[max(0, i - 10)],
                  (20, 60, 150, 300, 600))


def repeated(page: Page, i: int) -> Value:
    """The same line elsewhere in the page, or inside a longer line (a headline in a ticker)."""
    text = page.texts[i]
    if page.counts[text] > 1:
        return "same"
    if len(text) >= 6 and page.long_text.count(text) > (len(text) >= LONG_LINE_CHARS):
        return "inside"  # found in a long line that is not itself
    return None


def between_text(page: Page, i: int) -> Value:
    """For a line that is not running text, how long its run of such lines is when running text stands
    on both sides (one line: a heading or a caption; several: a text cut into phrases)."""
    if page.paragraph[i]:
        return None
    first, last = page.non_text_runs[i]
    if first == 0 or last == len(page.texts) - 1:
        return None
    return bucket(last - first + 1, (1, 2, 4, 8))


def title_rank(page: Page, i: int) -> Value:
    """For a headline above the main block: first, second … counted upwards from the block."""
    rank = page.title_rank[i]
    return None if rank is None else bucket(rank, (1, 2, 3))


def headline_length_rank(page: Page, i: int) -> Value:
    """For a headline near the top of the main block: longest, second longest …"""
    rank = page.headline_length_rank[i]
    return None if rank is None else bucket(rank, (1, 2, 3))


def date_below(page: Page, i: int) -> Value:
    """How many lines down the nearest dated line is, within five."""
    for k in range(1, 6):
        if i + k < len(page.texts) and page.dated[i + k]:
            return str(k)
    return None


def date_above(page: Page, i: int) -> Value:
    """How many lines up the nearest dated line is, within five."""
    for k in range(1, 6):
        if i - k >= 0 and page.dated[i - k]:
            return str(k)
    return None


def indent(page: Page, i: int) -> Value:
    """The line was indented in the page."""
    return page.lines[i].indented


def blank_above(page: Page, i: int) -> Value:
    """A blank line stood above it."""
    return page.lines[i].blank_before


def log_gap(page: Page, i: int) -> Value:
    """Characters of this line against the one above, in doublings (a title over a date line)."""
    if i == 0:
        return None
    return bucket(math.log2((len(page.texts[i]) + 1) / (len(page.texts[i - 1]) + 1)), (-2, -1, 0, 1, 2))


PageFeature = Callable[[Page, int], Value]


def _dom_feature(name: str) -> PageFeature:
    """The feature of one of an HTML page's DomHints (none on a text page)."""

    def feature(page: Page, i: int) -> Value:
        hints = page.lines[i].dom
        return getattr(hints, name) or None if hints is not None else None

    feature.__name__ = f"dom_{name}"
    feature.__doc__ = f"What the markup says of the line: its DomHints.{name} (HTML pages only)."
    return feature


# What an HTML page's markup says of each line (visible_text.py): its element, region, links, emphasis and the
# class words around it. A model trained on text pages never sees them; the model for HTML pages learns them.
DOM_FEATURES = tuple(_dom_feature(name) for name in DOM_FIELDS)
PAGE_FEATURES: tuple[PageFeature, ...] = (
    main_block_place,
    short_run,
    paragraphs_near,
    density_near,
    repeated,
    between_text,
    title_rank,
    headline_length_rank,
    date_below,
    date_above,
    indent,
    blank_above,
    log_gap,
    *DOM_FEATURES,
)
PAGE_NAMES = _coded(PAGE_FEATURES)
PLACE_NAME = CODES["from_title"] + "="  # where a line stands from the title
FEATURES = sorted([*(feature.__name__ for feature in (*LINE_FEATURES, *PAGE_FEATURES)), "from_title"])
if sorted(CODES) != FEATURES or len(set(CODES.values())) != len(CODES):
    raise ImportError("features.CODES must give each feature one code of its own, and no other name a code")


def from_title(title: int, i: int) -> str:
    """Where a line stands from the article's title: above it, or how far below."""
    if i < title:
        return "above"
    if i == title:
        return "title"
    return "below" + bucket(i - title, (2, 3, 5, 8))


def line_features(text: str) -> list[str]:
    """The features of a line's text alone, as name=value strings (a false or empty value is left out)."""
    return [name + (value if value is not True else "1") for feature, name in LINE_NAMES if (value := feature(text))]


def own_features(page: Page) -> list[list[str]]:
    """For each line, the features of its text (worked out once for a text the page repeats) and of
    where it stands, as name=value strings (a false or empty value is left out)."""
    by_text = {text: line_features(text) for text in page.counts}
    lines = range(len(page.texts))
    columns = [[name + (value if value is not True else "1") if value else None
                for value in (feature(page, i) for i in lines)] for feature, name in PAGE_NAMES]
    rows = zip(page.texts, zip(*columns, strict=True), strict=True)
    return [[*by_text[text], *filter(None, values)] for text, values in rows]


def page_features(page: Page, title: int | None = None) -> list[list[bytes]]:
    """For each line, its own features and those of its neighbours, prefixed by offset: TITLE_WINDOW
    on each side for the first pass, which looks for the title (it needs no more, and a CRF's work
    grows with the features it is given), and WINDOW for the second.

    With the index of the title (found by the first pass), each line also says where its neighbours
    stand from it. The features without the title are worked out once per page.
    """
    if title is None:
        return page.near
    close = page.closing_credit(title)
    places = [[f"{PLACE_NAME}{from_title(title, i)}" + ("" if close is None else f"|{'in' if i < close else 'out'}")]
              for i in range(len(page.texts))]
    return [[*row, *far, *place] for row, far, place in
            zip(page.near, _windows(page.own, FAR), _windows(places, NEAR + FAR), strict=True)]


def _offsets(distances: range) -> tuple[tuple[bytes, int], ...]:
    return tuple((f"{offset:+d}:".encode(), offset) for distance in distances for offset in (-distance, distance))


NEAR = _offsets(range(1, TITLE_WINDOW + 1))  # the neighbours both passes see, nearest first
FAR = _offsets(range(TITLE_WINDOW + 1, WINDOW + 1))  # … and those only the second pass sees


class _Prefixed(dict[str, bytes]):
    """Feature strings with one offset's prefix, as the bytes CRFsuite reads (a str it would encode
    each time), each made once per page: a page repeats few values."""

    def __init__(self, prefix: bytes) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, feature: str) -> bytes:
        named = self[feature] = self.prefix + feature.encode()
        return named


def _windows(own: Sequence[list[str]], offsets: Sequence[tuple[bytes, int]]) -> list[list[bytes]]:
    """For each line, the features of the lines at the offsets (0: its own), each prefixed by its
    offset (+1:, -2:, …), or `edge` where the page ends first."""
    count = len(own)
    out: list[list[bytes]] = [[] for _ in range(count)]
    for prefix, offset in offsets:
        edge = [prefix + b"edge"]
        named = _Prefixed(prefix).__getitem__
        for i, near in enumerate(out):
            j = i + offset
            near.extend(map(named, own[j]) if 0 <= j < count else edge)
    return out
