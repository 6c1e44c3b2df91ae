"""Shallow features of one line's text alone, for the line tagger: its length, its punctuation, the
word lists of `patterns.py`. Each feature is a small named function (`LINE_FEATURES`); those of
where a line stands in the page are in `page.py`, which combines both over a window of neighbours.

A model's sidecar records FEATURES (the names) and FEATURE_SET_VERSION, and a model made for other
features is refused: adding or removing a feature is seen by name; changing what one measures
needs FEATURE_SET_VERSION bumped.

A feature string is a short code, the value and the neighbour's offset (`+1:c=before3`), since
CRFsuite's work per line grows with the length of its strings; CODES gives each feature's code by
its name, so that adding a feature renames no other.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from pipeline.chinese import HAN
from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.read.values import without_date

FEATURE_SET_VERSION = 6  # also counts the title ranker's evidence and the credit reader's features
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
    return "han" if HAN.match(ch) else "other"


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
    return "han" if HAN.match(ch) else "other"


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
    return _short(text) and p.DATETIME.search(text) is not None


def dated_any(text: str) -> bool:
    """A short line with a date in it in any shape pages print (２０１２年１月１７日, January 17, 2012 06:00 AM), and no
    sentence: what the corrections look for. The model's feature (`dated_short`) reads the shapes it was trained on."""
    rest = without_date(text)  # a comma between the date and its time is the date's
    return rest is not None and len(text) <= SHORT_CHARS and _short(rest)


SHORT_CHARS = 60  # a line of metadata is no longer


def _short(text: str) -> bool:
    return len(text) <= SHORT_CHARS and "。" not in text and "，" not in text


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
    return len(text) <= c.MAX_CREDIT_CHARS and p.ROLE_WORD.search(text) is not None


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
    "date_above": "R", "indent": "S", "blank_above": "T", "log_gap": "U", "from_title": "V", "dom_element": "W",
    "dom_region": "X", "dom_links": "Y", "dom_emphasis": "Z", "dom_furniture": "0", "dom_content": "1",
    "dom_meta": "2", "dom_title": "3",
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
