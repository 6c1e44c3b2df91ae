"""The title ranker: which line of a page is the article's headline, scored with its evidence.

Every line that could be a headline (`candidates`) is scored by a logistic model (CRFsuite over
one-item sequences: its marginal is the probability) on the line's own features (`features.py`)
and on evidence of where it stands (`evidence`): a date, a byline or a labelled line just below
it; running text starting soon after it; running text above it; the same string elsewhere on the
page (a related list repeats headlines, a `<title>` with the site's name stands at the top); how
many of its pairs of characters the page's running text uses (a headline's words come back in its
text, a widget's do not); its place against the densest block of text; and shapes headlines never
have (a `label：value` line, a run of short glued words, a counter, a line starting with `>`, the
first sentence of the text).
The ranker learns what furniture looks like from the corpus; no list of the corpus's strings.
"""

from __future__ import annotations

import bisect
import itertools
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from pipeline.chinese import HAN_RUN
from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.read.credits import REPORT_END
from pipeline.clean.tagger.features import bucket
from pipeline.clean.tagger.page import Page, main_block_place

YES, NO = "title", "other"
MIN_CHARS, MAX_CHARS = 4, 100  # a candidate's length
MIN_HAN = 4
BELOW = 4  # lines below a candidate where its date or byline is looked for
TEXT_REACH = 30  # lines below a candidate where running text is looked for
NEAR_COPY = 2  # lines between two copies of the headline that are one headline printed twice (with a picture mark
# and as its picture's caption)
AFTER = 15  # lines below a candidate whose running text is counted
HELD_CHARS = 6  # a line at least this long printed inside a candidate (a <title> holding the headline)
# A picture or video mark closing a headline: 农民工维权绿色通道(图), …[组图], …（附圖）. Tried where white
# space starts, so that a long run of it costs linear time.
PICTURE_MARK = re.compile(
    r"(?<!\s)\s*[（(\[【](?:组图|組圖|图|圖|附图|附圖|多图|多圖|图表|圖表|视频|視頻|高清)[）)\]】]$"
    r"|^[（(\[【](?:组图|組圖|图|圖|多图|多圖|视频|視頻|高清)[）)\]】]\s*")  # or opening it: [多图]RIM…
# A counter: 正有 2 人评论, 0人参与, 1307人参与, 阅读 35 次.
COUNTER = re.compile(r"(?<!\d)\d+\s*(?:人|条|條|次|则|則)")  # tried where a number starts: linear
# A register's label of the title: 标      题：, 名　　称：, alone on its line over the value or before it on one line.
TITLE_LABEL = re.compile(r"^(?:标\s*题|標\s*題|名\s*称|名\s*稱)\s*[:：]\s*")
# A strong L1 penalty: the ranker keeps the evidence that holds across sites and drops what one site's layout
# taught it. Chosen by the ranker's top-1 over the five folds of the training sites (c1 0.1: 91.9%; 1: 93.6%;
# 2, 3 and 5: 94.7%; 10: 95.1%; 20: 93.6%; 40: 91.9%; an L2 penalty alone, c2 0.1 to 30: 92.9–93.6%).
PARAMS: dict[str, object] = {"c1": 5.0, "c2": 0.01, "max_iterations": 200}


@dataclass(frozen=True)
class Candidate:
    """A line that may be the title, and the probability the ranker gives it."""

    index: int
    score: float


def candidates(page: Page) -> list[int]:
    """The lines that could be a headline: long enough, Chinese, headline-shaped (a picture mark aside), not a
    bracketed byline nor a notice's issuers side by side."""
    return [i for i, text in enumerate(page.texts)
            if MIN_CHARS <= len(text) <= MAX_CHARS and c.han_count(text) >= MIN_HAN
            and c.could_be_title(bare := PICTURE_MARK.sub("", text)) and not _bracketed_byline(bare)
            and not p.ISSUERS.fullmatch(bare)]


def registered_title(page: Page) -> int | None:
    """The line a register names as the title, where its value reads as a headline: the value under a bare
    标题： label (a government page's table of 索引号, 发文机关, 标题, 发文字号 …, one cell a line); with the value
    on the label's line (名称：关于…的通知), the line printing the value alone (the headline over the text), else
    the label's line (`title_value` reads the value off it)."""
    for i, text in enumerate(page.texts):
        label = TITLE_LABEL.match(text)
        if label is None:
            continue
        inline = label.end() < len(text)
        if not inline and i + 1 == len(page.texts):
            continue
        at, value = (i, text[label.end() :]) if inline else (i + 1, page.texts[i + 1])
        if c.han_count(value) < MIN_HAN or len(value) > MAX_CHARS or "。" in value:
            continue
        printed = [j for j, other in enumerate(page.texts) if j != at and other == value] if inline else []
        return next((j for j in printed if j > i), printed[0] if printed else at)
    return None


def title_value(text: str) -> str:
    """A title line's text without a register's label before it (名称：关于…的通知)."""
    label = TITLE_LABEL.match(text)
    return text[label.end() :] if label and label.end() < len(text) else text


def _bracketed_byline(text: str) -> bool:
    """【聯合報╱記者陳俐君／即時報導】, 【世界日報╱法新社華盛頓9日電】: a byline or a dispatch's line in brackets,
    never a headline (such lines of the training sites are all metadata)."""
    inner = text.strip("【】[]（）()〔〕")
    return inner != text and (p.REPORT_SUFFIX.search(inner) is not None or REPORT_END.search(inner) is not None
                              or p.ROLE_WORD.search(inner[:8]) is not None)


@dataclass(frozen=True)
class _Repeats:
    """Where candidates' texts stand inside other lines of the page, and hold other lines."""

    holders: dict[int, list[int]]  # candidate → the longer lines holding its text, in page order
    prefixed: frozenset[int]  # candidates whose text opens a longer line
    holding: frozenset[int]  # candidates that hold a shorter line of six characters or more


def _repeats(page: Page, chosen: Sequence[int]) -> _Repeats:
    joined = "\n".join(page.texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in page.texts), initial=0))
    holders: dict[int, list[int]] = {}
    prefixed = set()
    for i in chosen:
        text, found = page.texts[i], set()
        at = joined.find(text)
        while at >= 0:
            j = bisect.bisect_right(starts, at) - 1
            if len(page.texts[j]) > len(text):
                found.add(j)
                if at == starts[j]:
                    prefixed.add(i)
            at = joined.find(text, at + 1)
        if found:
            holders[i] = sorted(found)
    texts = "\n".join(page.texts[i] for i in chosen)
    offsets = list(itertools.accumulate((len(page.texts[i]) + 1 for i in chosen), initial=0))
    holding = set()
    for other in page.counts:
        if len(other) < HELD_CHARS:
            continue
        at = texts.find(other)
        while at >= 0:
            i = chosen[bisect.bisect_right(offsets, at) - 1]
            if len(page.texts[i]) > len(other):
                holding.add(i)
            at = texts.find(other, at + 1)
    return _Repeats(holders, frozenset(prefixed), frozenset(holding))


def _bigrams(text: str) -> set[str]:
    """The pairs of Han characters side by side in the text."""
    return {run[k : k + 2] for run in HAN_RUN.findall(text) for k in range(len(run) - 1)}


def _running_text(page: Page) -> str:
    """The page's lines of running text, joined (a pair of characters is looked for in it)."""
    return "\n".join(text for text, running in zip(page.texts, page.paragraph, strict=True) if running)


def evidence(page: Page, i: int, above_block: Sequence[int], repeats: _Repeats, in_text: str) -> list[str]:
    """Why line i is, or is not, the headline: what stands around it and its shape."""
    text, n = page.texts[i], len(page.texts)
    found: list[str] = []
    pairs = _bigrams(text)
    if pairs:  # a headline's words come back in its text; a menu's or a widget's do not
        found.append("in_text=" + bucket(sum(pair in in_text for pair in pairs) / len(pairs), (0.2, 0.4, 0.6, 0.8)))
    dated = next((k for k in range(1, BELOW + 1) if i + k < n and page.dated[i + k]), None)
    if dated:
        found.append(f"dated_below={dated}")
    labelled = next((k for k in range(1, BELOW + 1) if i + k < n and (
        c.meta_labels(page.texts[i + k]) or p.BYLINE.match(page.texts[i + k]))), None)
    if labelled:
        found.append(f"label_below={labelled}")
    following = _text_start(page, i)
    found.append("text_after=" + ("none" if following is None else bucket(following - i, (2, 3, 4, 6, 10, 20))))
    found.append("han_after=" + bucket(page.running_han[min(n, i + AFTER + 1)] - page.running_han[i + 1],
                                       (20, 60, 150, 300, 600)))
    above, total = page.running_han[i], page.running_han[n] or 1
    found.append("share_above=" + bucket(above / total, (0.02, 0.1, 0.3, 0.6)))
    found.append("han_above=" + bucket(above, (20, 60, 150, 400)))
    found.append("paras_above=" + bucket(sum(page.paragraph[:i]), (1, 2, 4, 8)))
    if page.counts[text] > 1:
        found.append("repeat=" + ("first" if page.texts.index(text) == i else "later"))
    holders = repeats.holders.get(i)
    if holders:
        found.append("inside_other=" + ("above" if holders[0] < i else "below"))
        if i in repeats.prefixed:
            found.append("prefix_of_other")
    if i in repeats.holding:
        found.append("holds_other")
    found.append("block=" + str(main_block_place(page, i)))
    if c.meta_labels(text):
        found.append("labelled")
    if text[:1] in ">»›":
        found.append("starts_gt")
    if following is not None and page.texts[following].startswith(text[: max(MIN_CHARS, len(text) - 1)]):
        found.append("opens_text")
    parts = text.split()
    found.append("parts=" + bucket(len(parts), (2, 3, 4, 6)))
    if len(parts) >= 3 and max(map(len, parts)) <= 6:
        found.append("glued_words")
    found.append("bars=" + bucket(sum(map(text.count, "|｜∣/·•-_")), (1, 2, 4)))
    if COUNTER.search(text):
        found.append("counter")
    if PICTURE_MARK.search(text):
        found.append("picture_mark")
    if i in above_block:
        found.append("rank_up=" + bucket(len(above_block) - 1 - above_block.index(i), (1, 2, 3, 5)))
    return found


def _items(page: Page, chosen: Sequence[int]) -> list[dict[str, float]]:
    first = page.main_block[0]
    above_block = [j for j in chosen if j < first]
    repeats = _repeats(page, chosen)
    in_text = _running_text(page)
    return [{name: 1.0 for name in ("bias", *page.own[i], *evidence(page, i, above_block, repeats, in_text))}
            for i in chosen]


class TitleRanker:
    """A trained ranker, loaded once."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob  # CRFsuite reads the model in place: it must outlive the tagger
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(blob)

    def rank(self, page: Page) -> list[Candidate]:
        """The candidates, likeliest first."""
        chosen = candidates(page)
        if not chosen:
            return []
        # One sequence of all the candidates: the ranker has no transitions (it is trained on one-item
        # sequences), so each item's marginal is its probability alone, and CRFsuite is called once.
        self._tagger.set(_items(page, chosen))
        scored = [Candidate(i, self._tagger.marginal(YES, k)) for k, i in enumerate(chosen)]
        return first_copy_first(page, sorted(scored, key=lambda candidate: -candidate.score))


def first_copy_first(page: Page, ranked: Sequence[Candidate]) -> list[Candidate]:
    """The ranked candidates with the copy of the best one that heads the article in its place: the ranker learns
    nothing to tell the headline's copies apart (a related list repeating it, a <title> above it, the headline with
    its picture mark over a caption without it). The first heads the article, unless the same line further down,
    with no running text between them, has the text start nearer under it (an e-paper's list of the page's headlines
    above the article's own)."""
    best = ranked[0]
    heading = heading_copy(page, sorted(x.index for x in ranked if same_headline(page.texts[x.index],
                                                                                  page.texts[best.index])))
    return [Candidate(heading, best.score), *(x for x in ranked if x.index != heading)]


def heading_copy(page: Page, copies: Sequence[int]) -> int:
    """Of the lines printing one headline (in page order), the copy that heads the article: the first, unless the
    same line further down, with no running text between them, has the text start nearer under it."""
    heading = copies[0]
    for later in copies[1:]:
        if (later - heading > NEAR_COPY and page.texts[later] == page.texts[heading]
                and not any(page.paragraph[heading + 1 : later])
                and _lines_to_text(page, later) < _lines_to_text(page, heading)):
            heading = later
    return heading


def _text_start(page: Page, i: int) -> int | None:
    """The first line of running text under line i, within TEXT_REACH lines."""
    return next((j for j in range(i + 1, min(len(page.texts), i + TEXT_REACH)) if page.paragraph[j]), None)


def _lines_to_text(page: Page, i: int) -> int:
    """Lines from line i down to the first of running text under it (TEXT_REACH where none is near)."""
    start = _text_start(page, i)
    return TEXT_REACH if start is None else start - i


def same_headline(headline: str, text: str) -> bool:
    """Whether a line prints the same headline, white space and a picture mark (…[组图]) aside."""
    return _bare(headline) == _bare(text)


def _bare(text: str) -> str:
    return "".join(PICTURE_MARK.sub("", text).split())


def examples(page: Page, labels: Sequence[str]) -> Iterable[tuple[dict[str, float], str]]:
    """The candidates of an annotated page with their answers: the first title line is the title; a
    copy of its text elsewhere is left out (either is right)."""
    gold = labels.index("title")
    chosen = [i for i in candidates(page) if i == gold or page.texts[i] != page.texts[gold]]
    for i, item in zip(chosen, _items(page, chosen), strict=True):
        yield item, YES if i == gold else NO


def train(pages: Iterable[tuple[Page, Sequence[str]]]) -> bytes:
    """A ranker trained on annotated pages (deterministic)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for page, labels in pages:
        for item, answer in examples(page, labels):
            trainer.append([item], [answer])
    trainer.set_params(PARAMS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "titles.crf"
        trainer.train(str(path))
        return path.read_bytes()
