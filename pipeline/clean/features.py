"""Shallow features of each line of a page and of its neighbours, for the line tagger.

Each feature is a small named function. `LINE_FEATURES` look at one line's text alone (its
length, its punctuation, the word lists of `patterns.py`); `PAGE_FEATURES` look at where the
line stands in the page (the dense block of running text, runs of short lines, repeats).
`page_features` combines them over a window of neighbours, the one place that does so.
A model's sidecar records FEATURES (the names) and FEATURE_SET_VERSION, and a model made for other
features is refused: adding or removing a feature is seen by name; changing what one measures
needs FEATURE_SET_VERSION bumped.

A feature string is a short code, the value and the neighbour's offset (`+1:c=before3`), since
CRFsuite's work per line grows with the length of its strings; CODES gives each feature's code by
its name, so that adding a feature renames no other.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property

from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.model import Line

FEATURE_SET_VERSION = 5
WINDOW = 3  # neighbours on each side whose features a line sees
TITLE_WINDOW = 2  # … in the first pass, which only looks for the title
CREDIT_GAP = 4  # lines below the title where an editor's or a source's credit closes the article
CREDIT_REACH = 15  # … and no farther below the main block than this
CHAINED_HAN = 20  # Han characters of a paragraph that carries the article on past the main block
SHORT_LINE_CHARS = 10  # a menu entry, a channel label, a button
LONG_LINE_CHARS = 20  # a line that may hold another (a ticker of headlines)
Value = str | bool | None
BUCKETS = tuple(str(k) for k in range(16))  # bucket labels, made once
LATIN = re.compile(r"[A-Za-z]")


def bucket(n: float, edges: Sequence[float]) -> str:
    """The index of the first edge n is under, as a label (n under edges[0] → "0")."""
    return BUCKETS[bisect.bisect_right(edges, n)]


# --- one line alone -----------------------------------------------------------------------


def length(text: str) -> Value:
    """Characters, in rough doublings."""
    return bucket(len(text), (3, 6, 10, 16, 25, 40, 70, 120, 250))


def han_ratio(text: str) -> Value:
    """Share of Han characters, in fifths."""
    return bucket(c.han_count(text) / len(text), (0.2, 0.4, 0.6, 0.8, 0.95))


def sentence_marks(text: str) -> Value:
    """How many of ，。；！？、 the line has."""
    return bucket(c.mark_count(text), (1, 2, 4, 8))


def mark_density(text: str) -> Value:
    """Sentence marks per Han character (running text has one every 10 to 20)."""
    han = c.han_count(text)
    return bucket(c.mark_count(text) / han if han else 0, (0.01, 0.04, 0.08, 0.15))


def has_full_stop(text: str) -> Value:
    """Whether the line has a 。 anywhere."""
    return "。" in text


def last_char(text: str) -> Value:
    """The kind of the line's last character."""
    ch = text[-1]
    if ch in "。":
        return "stop"
    if ch in "！？!?":
        return "exclaim"
    if ch in "，、；,;":
        return "comma"
    if ch in "：:":
        return "colon"
    if ch in "”’」』\"":
        return "quote"
    if ch in "）)】]〕":
        return "bracket"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "han" if p.HAN.match(ch) else "other"


def first_char(text: str) -> Value:
    """The kind of the line's first character."""
    ch = text[0]
    if ch in "（(【[〔":
        return "bracket"
    if ch in "“「『\"":
        return "quote"
    if ch.isdigit():
        return "digit"
    if ch in c.COLUMN_MARKS or ch in "·•．>»|｜-—":
        return "mark"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "han" if p.HAN.match(ch) else "other"


def digit_ratio(text: str) -> Value:
    """Share of digits."""
    return bucket(sum(map(str.isdigit, text)) / len(text), (0.05, 0.2, 0.4, 0.6))


def latin_ratio(text: str) -> Value:
    """Share of Latin letters."""
    return bucket(len(LATIN.findall(text)) / len(text), (0.05, 0.3, 0.6))


def date_shape(text: str) -> Value:
    """A date that opens the line, a date inside it, a glued time and date, a bare time, or none."""
    if not p.DIGIT.search(text):
        return None
    if p.LEADING_DATE.match(text):
        return "leading"
    if p.GLUED_DATE.search(text):
        return "glued"
    if p.TIME_ONLY.match(text):
        return "time"
    return "inside" if p.DATETIME.search(text) else None


def dated_short(text: str) -> Value:
    """A short line with a date in it and no sentence (an outlet and a date, a byline and a time)."""
    return len(text) <= 60 and "。" not in text and "，" not in text and p.DATETIME.search(text) is not None


def han_chars(text: str) -> Value:
    """Han characters, in rough doublings."""
    return bucket(c.han_count(text), (1, 3, 6, 10, 16, 25, 40, 70))


def date_line(text: str) -> Value:
    """A line that is a date with at most labels, an outlet or a byline beside it."""
    return c.is_date_line(text)


def labels(text: str) -> Value:
    """The metadata fields the line labels (发布时间：, 来源：, 作者：…), joined."""
    found = c.meta_labels(text)
    return "+".join(sorted(set(found))) if found else None


def label_first(text: str) -> Value:
    """Whether a metadata label opens the line."""
    matches = c.label_matches(text)
    return bool(matches) and matches[0].start() <= 1


def meta_line(text: str) -> Value:
    """The rules' metadata line (labels, or a date/byline line next to a title)."""
    return "labels" if c.is_meta_line(text) else ("header" if c.is_meta_line(text, in_header=True) else None)


def role_word(text: str) -> Value:
    """Whether a role word (记者, 编译, 出品, 策划…) stands in a short line."""
    return len(text) <= 40 and p.ROLE_WORD.search(text) is not None


def byline(text: str) -> Value:
    """A reporter's byline or a dateline in brackets."""
    if p.BYLINE.match(text):
        return "byline"
    return "dateline" if p.DATELINE.match(text) else None


def editor_tag(text: str) -> Value:
    """A closing （编辑：…） tag."""
    return p.EDITOR_TAG.search(text) is not None


def chrome(text: str) -> Value:
    """The rules' page furniture: buttons, menus, share bars, footers."""
    return c.is_chrome(text)


def end_marker(text: str) -> Value:
    """A related-articles heading, a tag line, a footer: the article is over."""
    return c.is_end_marker(text)


def breadcrumb(text: str) -> Value:
    """A "you are here" trail."""
    return c.is_breadcrumb(text)


def paragraph_like(text: str) -> Value:
    """The rules' running text."""
    return c.looks_like_paragraph(text)


def title_like(text: str) -> Value:
    """The rules' headline shape."""
    return c.is_title_like(text)


def heading_shape(text: str) -> Value:
    """The rules' heading shape, with the numbering kind where there is one."""
    return c.heading_kind(text) or ("plain" if c.is_heading_shaped(text) else None)


def caption(text: str) -> Value:
    """A photo caption or picture credit."""
    return c.is_caption(text)


def summary_label(text: str) -> Value:
    """A 摘要／核心提示 label."""
    return p.SUMMARY.match(text) is not None and len(text) > 6


def official_title(text: str) -> Value:
    """An official document's title (关于……的通知) or its number."""
    if p.OFFICIAL_TITLE.match(text):
        return "title"
    return "number" if p.DOC_NUMBER.match(text) else None


def separators(text: str) -> Value:
    """How many | ｜ / · separate parts of the line (menus, bylines)."""
    return bucket(sum(map(text.count, "|｜/·•")), (1, 2, 4))


def spaces(text: str) -> Value:
    """How many runs of white space split the line (menus of links, headline lists)."""
    return bucket(len(text.split()) - 1, (1, 2, 4, 8))


def url(text: str) -> Value:
    """A web or mail address."""
    return p.URL.search(text) is not None


def media_name(text: str) -> Value:
    """A short line that ends like an outlet's name (…报, …网, …社, BBC中文)."""
    return len(text) <= 16 and p.MEDIA_WORDS.search(text) is not None


def brackets_whole(text: str) -> Value:
    """The whole line stands in brackets: a note, a credit, a caption."""
    return c.is_bracketed(text)


def question(text: str) -> Value:
    """The line ends with a question or exclamation mark."""
    return text[-1] in "？！?!"


LineFeature = Callable[[str], Value]
LINE_FEATURES: tuple[LineFeature, ...] = (
    length,
    han_ratio,
    sentence_marks,
    mark_density,
    has_full_stop,
    last_char,
    first_char,
    digit_ratio,
    latin_ratio,
    date_shape,
    dated_short,
    han_chars,
    date_line,
    labels,
    label_first,
    meta_line,
    role_word,
    byline,
    editor_tag,
    chrome,
    end_marker,
    breadcrumb,
    paragraph_like,
    title_like,
    heading_shape,
    caption,
    summary_label,
    official_title,
    separators,
    spaces,
    url,
    media_name,
    brackets_whole,
    question,
)


# Each feature's code in a model's strings, by the feature's name. A code is given once and never changed
# or reused: a feature added takes a new code (after the last), so every other keeps what it means in a
# model trained before; such a model is refused all the same (its sidecar's `features` differ).
CODES = {
    "length": "a", "han_ratio": "b", "sentence_marks": "c", "mark_density": "d", "has_full_stop": "e",
    "last_char": "f", "first_char": "g", "digit_ratio": "h", "latin_ratio": "i", "date_shape": "j",
    "dated_short": "k", "han_chars": "l", "date_line": "m", "labels": "n", "label_first": "o", "meta_line": "p",
    "role_word": "q", "byline": "r", "editor_tag": "s", "chrome": "t", "end_marker": "u", "breadcrumb": "v",
    "paragraph_like": "w", "title_like": "x", "heading_shape": "y", "caption": "z", "summary_label": "A",
    "official_title": "B", "separators": "C", "spaces": "D", "url": "E", "media_name": "F", "brackets_whole": "G",
    "question": "H", "main_block_place": "I", "short_run": "J", "paragraphs_near": "K", "density_near": "L",
    "repeated": "M", "between_text": "N", "title_rank": "O", "headline_length_rank": "P", "date_below": "Q",
    "date_above": "R", "indent": "S", "blank_above": "T", "log_gap": "U", "from_title": "V",
}


def _coded(features: Sequence[Callable[..., Value]]) -> tuple[tuple[Callable[..., Value], str], ...]:
    """Each feature with its code and `=`: a feature without a code in CODES stops the import."""
    missing = [feature.__name__ for feature in features if feature.__name__ not in CODES]
    if missing:
        raise ImportError(f"features without a code in features.CODES: {', '.join(missing)}")
    return tuple((feature, CODES[feature.__name__] + "=") for feature in features)


LINE_NAMES = _coded(LINE_FEATURES)


def is_headline(text: str) -> bool:
    """A line that could be the article's headline: title-shaped, long enough, no date or credit in it."""
    return (c.is_title_like(text) and c.han_count(text) >= 6 and len(text) >= 8
            and p.DATETIME.search(text) is None and not c.is_caption(text) and not p.ROLE_WORD.search(text[:6]))


# --- where the line stands in the page -------------------------------------------------------


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
            running = self.paragraph[i] or any(m in text for m in "，。！？；")
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
            sums.append(sums[-1] + (c.han_count(text) if any(m in text for m in "，。！？；") else 0))
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
