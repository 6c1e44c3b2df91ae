"""A learned reader of credit lines: which characters of a metadata line are the date, the outlet,
the author or the editor.

A linear-chain CRF over the characters of one line (`read`) tags each character DATE, OUTLET,
AUTHOR, EDITOR or O. Its features are the character and its neighbours, what the word lists
of `patterns.py` find around it (a label such as 来源： before it, and whether it stands in the
first piece after the label; a role word such as 记者; a date), the piece of the line it stands
in (between separators: its length, whether it ends like an outlet's name or a report place,
whether the page prints the same piece elsewhere), and a surname list. A run of one tag is a
value; `values` turns the runs into the fields, and the
rules of `metadata.py` normalise them (ISO dates).

It is trained (`training.py`) on the metadata lines of the corpus, each character labelled by
finding the page's annotated values in the line (`span_labels`).
"""

from __future__ import annotations

import bisect
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from pipeline.chinese import HAN
from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.read.values import iso_datetime
from pipeline.regex_cache import Patterns

PATTERNS = Patterns(__file__)  # saved at the end of the module

# Over the 79 training sites' 283 pages (grouped CV), c1 0.1 against 1.0: fields 92.9% against 92.6%, source
# 90.1% against 89.0% (a stronger penalty does not steady the outlets it reads as it steadies the title ranker);
# measured again at 7a1f919, each with and without one surname more in the features: 93.3% / 92.9% against
# 92.3% / 92.6%, though that one surname flipped 10 fields with 0.1 and 4 with 1.0.
PARAMS: dict[str, object] = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
TAGS = ("DATE", "OUTLET", "AUTHOR", "EDITOR")
FIELD_OF = {"OUTLET": "source", "AUTHOR": "author", "EDITOR": "editor", "DATE": "published"}
OUTSIDE = "O"
SNIPPET = 40  # characters at the start of the first paragraph and the end of the last where a credit stands
# A piece of a credit line: what stands between white space, bars, slashes, brackets, dots.
PIECE = PATTERNS.compile(r"[^\s|｜∣│╱/／\\·•,，;；:：【】\[\]（）()〔〕<>《》「」『』]+")
MEDIA_END = PATTERNS.compile(r"(?:报|報|网|網|社|台|电视|電視|新闻|新聞|周刊|週刊|中文|频道|頻道|在线|在線)$")
REPORT_END = PATTERNS.compile(r"(?:报道|報導|电|電|讯|訊|摄|攝|撰稿|编译|編譯|整理)$")
ROLE = PATTERNS.compile(
    r"记者|記者|通讯员|通訊員|实习生|實習生|编译|編譯|撰稿|撰文|执笔|執筆|整理|特约|特約|摄影|攝影|作者|主编|主編|文"
    r"|责任编辑|責任編輯|责编|責編|编辑|編輯"
)
DATE_SPAN = PATTERNS.compile(
    p.DATE + r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d|\d{1,2}:\d{2}(?::\d{2})?|(?:[ap]\.?m\.?|上午|下午|星期.|週.|周.)",
    re.I,
)
SEPARATORS = " \u3000\u00a0|｜∣│丨︱╱/／·•,，:：【】[]（）()"  # trimmed off a span's ends
# never a name
WEEKDAY_OR_TIME = PATTERNS.compile(r"(?:星期|週|周|禮拜|礼拜)[一二三四五六日天末]|\d{1,2}:\d{2}(?::\d{2})?")


def _kind(ch: str) -> str:
    if HAN.match(ch):
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "S" if ch.isspace() else "P"


@dataclass(frozen=True)
class Span:
    """A run of characters of one tag in a line."""

    tag: str
    start: int
    end: int
    text: str


def char_features(text: str, elsewhere: str = "") -> list[list[str]]:
    """The features of each character of a line; `elsewhere` is the rest of the page, its other lines
    joined (a piece of this line printed there too is likely the site's or the outlet's name)."""
    n = len(text)
    field_after: list[str | None] = [None] * n
    in_label = [False] * n
    label_end = [0] * n  # where the last label before a character ends
    for match in c.label_matches(text, glued=True):
        field = c.label_field(match)
        for k in range(match.start(), match.end()):
            in_label[k] = True
        for k in range(match.end(), n):
            field_after[k] = field
            label_end[k] = match.end()
    in_date = [False] * n
    for match in DATE_SPAN.finditer(text):
        for k in range(match.start(), match.end()):
            in_date[k] = True
    role_before = [False] * n
    role_after = [False] * n
    in_role = [False] * n
    for match in ROLE.finditer(text):
        for k in range(match.start(), match.end()):
            in_role[k] = True
        for k in range(match.end(), min(n, match.end() + 4)):
            role_before[k] = True
        for k in range(max(0, match.start() - 4), match.start()):
            role_after[k] = True
    piece_of = [-1] * n
    pieces = [(m.start(), m.end()) for m in PIECE.finditer(text)]
    starts = [start for start, _ in pieces]
    for index, (start, end) in enumerate(pieces):
        for k in range(start, end):
            piece_of[k] = index
    piece_rows = [_piece_features(text[start:end], index, len(pieces), elsewhere)
                  for index, (start, end) in enumerate(pieces)]
    shape = ["pieces=" + str(min(len(pieces), 6))]
    if DATE_SPAN.search(text):
        shape.append("line_date")
    if any(field_after):
        shape.append("line_label")
    rows: list[list[str]] = []
    for k, ch in enumerate(text):
        row = ["b", "c=" + ch, "k=" + _kind(ch), "c-1=" + (text[k - 1] if k else "^"),
               "c+1=" + (text[k + 1] if k + 1 < n else "$"), "c-2=" + (text[k - 2] if k > 1 else "^"),
               "c+2=" + (text[k + 2] if k + 2 < n else "$"),
               "b-=" + text[max(0, k - 1) : k + 1], "b+=" + text[k : k + 2]]
        row.append("kk=" + "".join(_kind(x) for x in text[max(0, k - 1) : k + 2]))
        row.extend(shape)
        if field_after[k]:
            row.append("after=" + str(field_after[k]))
        if field_after[k] not in (None, "published", "updated"):
            # the first piece after a credit's label is its value (来源： 中新網), a later one may be another
            # credit (a date's pieces are its parts: 2012-01-12 10:50)
            since = piece_of[k] - bisect.bisect_left(starts, label_end[k])
            row.append(f"after={field_after[k]}|{min(max(since, 0), 2) if piece_of[k] >= 0 else 'sep'}")
        if in_label[k]:
            row.append("label")
        if in_date[k]:
            row.append("date")
        if in_role[k]:
            row.append("role")
        if role_before[k]:
            row.append("role_before")
        if role_after[k]:
            row.append("role_after")
        if ch in p.SURNAMES:
            row.append("surname")
        index = piece_of[k]
        if index >= 0:
            start, end = pieces[index]
            row.append("ppos=" + ("first" if k == start else "last" if k == end - 1 else "in"))
            row.extend(piece_rows[index])
        else:
            row.append("sep")
        rows.append(row)
    return rows


def _piece_features(piece: str, index: int, count: int, elsewhere: str) -> list[str]:
    """What the piece of a line between separators looks like (its characters all share these)."""
    row = ["plen=" + str(min(len(piece), 9)), "pidx=" + str(min(index, 5))]
    if index == count - 1:
        row.append("plast")
    if MEDIA_END.search(piece):
        row.append("pmedia")
    if REPORT_END.search(piece):
        row.append("preport")
    if piece[:1] in p.SURNAMES and 2 <= c.han_count(piece) <= 4 and c.han_count(piece) == len(piece):
        row.append("pname")
    if len(piece) >= 2 and piece in elsewhere:
        row.append("pecho")
    if c.is_chrome(piece):
        row.append("pchrome")
    return row


class CreditReader:
    """A trained model, loaded once: reads the spans of credit lines."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob  # CRFsuite reads the model in place: it must outlive the tagger
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(blob)

    def read(self, text: str, elsewhere: str = "") -> list[Span]:
        """The spans of one line (a run of one tag each), a name or an outlet without what says when or what was
        done (`_name_only`: 周四 opening a paragraph, 周四 李明: 周 is a surname too; 賴俊佑報導; 摘自京华时报)."""
        if not text:
            return []
        found = spans(text, self._tagger.tag(_encoded(char_features(text, elsewhere))))
        wholes = [_whole_value(text, kept) for span in found if (kept := _name_only(_without_desk(text, span)))]
        return [kept for whole in wholes if (kept := _unbuttoned(whole))]


def _without_desk(text: str, span: Span) -> Span:
    """A name's span without the end of a desk's name glued before it that the model took in (編輯部陳大文: 陳大文,
    新聞中心王小明: 王小明)."""
    if span.tag not in ("AUTHOR", "EDITOR"):
        return span
    for k in (2, 1):
        if len(span.text) - k >= 2 and p.DESK.search(text[: span.start + k]):  # a name of two characters at least
            return _cut(span, k, len(span.text)) or span
    return span


def _whole_value(text: str, span: Span) -> Span:
    """An outlet's span that a source label opens, run on to the end of its piece of the line: the label's value
    is the piece (来源：河南日报客户端, 来源: 京华时报网络版, 来源：凤凰网综合), where the model stopped at a word that
    ends an outlet's name (日报, 网). Not past a digit, another label, a role word or what ends a report (讯, 电).
    A name in Latin script runs on over the words after it (來源：Cult of Mac), a person's too (记者：John Smith: the
    model stops at the space)."""
    if span.tag in ("AUTHOR", "EDITOR"):
        latin = p.LATIN_NAME.match(text, span.start) if span.text[:1].isascii() and span.text[:1].isalpha() else None
        if latin and latin.end() > span.end:
            return Span(span.tag, span.start, latin.end(), latin.group())
        dotted = p.DOTTED_NAME.match(text, span.end) if HAN.match(span.text[-1:]) else None
        if dotted and not p.NAME_END.search(dotted.group()):  # 作者：马克·吐温: the model stops at the dot
            return Span(span.tag, span.start, dotted.end(), span.text + dotted.group())
        return span
    if span.tag != "OUTLET":
        return span
    labels = c.label_matches(text, glued=True)
    opened = any(c.label_field(m) == "source" and not text[m.end() : span.start].strip(SEPARATORS) for m in labels)
    latin = p.LATIN_NAME.match(text, span.start) if opened else None
    if latin and latin.end() > span.end:  # 來源：Cult of Mac: a name in Latin script is words
        return Span(span.tag, span.start, latin.end(), latin.group())
    piece = next((m for m in PIECE.finditer(text) if m.start() <= span.start < m.end()), None)
    if not opened or piece is None or piece.end() <= span.end:
        return span
    rest = text[span.end : min([piece.end(), *(m.start() for m in labels if m.start() >= span.end)])]
    if not rest or not all(HAN.match(ch) or (ch.isascii() and ch.isalpha()) for ch in rest) or (
            ROLE.search(rest) or REPORT_END.search(rest)):
        return span
    return Span(span.tag, span.start, span.end + len(rest), span.text + rest)


def _unbuttoned(span: Span) -> Span | None:
    """An outlet's span without a button's words glued after it (来源：求是网参与互动: a link beside the source)."""
    tail = p.BUTTON_TAIL.search(span.text) if span.tag == "OUTLET" else None
    return _cut(span, 0, tail.start()) if tail else span


def _button(text: str) -> bool:
    """A button's word (列印, 分享), not names a space parts (a menu's words look alike)."""
    return not any(ch.isspace() for ch in text) and c.is_chrome(text)


def _name_only(span: Span) -> Span | None:
    """A name's or an outlet's span without what says when or what was done (None if nothing is left): a
    weekday or a time it starts with (周四 李明, 10:30 新华网), a word opening an outlet (摘自京华时报, 据北京晨报),
    a report word closing a name (賴俊佑報導, 廖宇杰摄, 陈智 整合)."""
    kept: Span | None = span
    if span.tag != "DATE" and (stamp := WEEKDAY_OR_TIME.match(span.text)):
        kept = _cut(span, stamp.end(), len(span.text))
    if kept and kept.tag == "OUTLET" and (lead := p.OUTLET_LEAD.match(kept.text)):
        kept = _cut(kept, lead.end(), len(kept.text))
    if kept and kept.tag == "OUTLET" and p.SELF_REFERENCE.match(kept.text):  # 【本報訊】: this paper names no outlet
        return None
    if kept and kept.tag in ("AUTHOR", "EDITOR") and _button(kept.text):  # 2023-04-03 列印 文字大小
        return None
    if kept and kept.tag in ("AUTHOR", "EDITOR") and (word := p.NAME_END.search(kept.text)):
        kept = _cut(kept, 0, word.start())
    if kept and kept.tag in ("AUTHOR", "EDITOR") and (word := p.DONE_AT.search(kept.text)):
        kept = _cut(kept, 0, word.start())  # 更新于 2020-03-18: no name
    return kept


def _cut(span: Span, start: int, end: int) -> Span | None:
    """The part start:end of a span's text, without separators at its ends (None if nothing is left)."""
    part = span.text[start:end]
    name = part.strip(SEPARATORS)
    if not name:
        return None
    at = span.start + start + part.index(name)
    return Span(span.tag, at, at + len(name), name)


def _encoded(rows: Sequence[Sequence[str]]) -> list[list[bytes]]:
    return [[feature.encode() for feature in row] for row in rows]


def spans(text: str, tags: Sequence[str]) -> list[Span]:
    """The runs of tags other than O in a line, as spans, their ends trimmed of separators."""
    out: list[Span] = []
    start = 0
    for k in range(1, len(tags) + 1):
        if k == len(tags) or tags[k] != tags[start]:
            if tags[start] != OUTSIDE:
                value = text[start:k]
                trimmed = value.strip(SEPARATORS)
                if trimmed:
                    offset = value.find(trimmed)
                    out.append(Span(tags[start], start + offset, start + offset + len(trimmed), trimmed))
            start = k
    return out


def rest_of_page(texts: Sequence[str], line: str) -> str:
    """The page's lines other than `line`, joined: where the reader looks for a piece printed elsewhere."""
    return "\n".join(t for t in texts if t != line)


def opening(text: str) -> str:
    """The start of a first paragraph, where a dateline stands: 新华网长春12月9日电（记者张建　周长庆）…"""
    return text[:SNIPPET]


def closing(text: str) -> str:
    """The end of a last paragraph, where a closing credit stands: …换新iPhone。(李楠)"""
    return text[-SNIPPET:]


# --- training labels --------------------------------------------------------------------------


def span_labels(text: str, fields: Mapping[str, str | None]) -> list[str]:
    """Each character's tag in a metadata line, from the page's annotated values: where the line
    prints the editor, the author (whole, or each name of several), the outlet or the date."""
    tags = [OUTSIDE] * len(text)

    def mark(tag: str, start: int, end: int) -> None:
        if all(t == OUTSIDE for t in tags[start:end]):
            tags[start:end] = [tag] * (end - start)

    for tag, field in (("EDITOR", "editor"), ("AUTHOR", "author"), ("OUTLET", "source")):
        value = fields.get(field)
        if not value:
            continue
        for start, end in _occurrences(text, value):
            mark(tag, start, end)
    published = fields.get("published")
    if published:
        want = re.sub(r"\D", "", published)
        for match in p.DATETIME.finditer(text):
            iso = re.sub(r"\D", "", iso_datetime(match) or "")
            if re.sub(r"\D", "", match.group(0)).startswith(want[:8]) or iso.startswith(want[:8]):
                mark("DATE", match.start(), match.end())
    return tags


def _occurrences(text: str, value: str) -> Iterable[tuple[int, int]]:
    """Where a value stands in a line: whole, or each of its names (张建、周长庆 printed 张建 周长庆)."""
    squeezed = value.strip()
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(squeezed), text)]
    if found:
        return found
    parts = [part for part in re.split(r"[\s、,，/／&]+", squeezed) if len(part) >= 2]
    if len(parts) < 2:
        return []
    return [(m.start(), m.end()) for part in parts for m in re.finditer(re.escape(part), text)]


def train(lines: Iterable[tuple[str, str, list[str]]]) -> bytes:
    """A reader trained on (line, the rest of the page, tags) examples."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, elsewhere, tags in lines:
        if text:
            trainer.append(_encoded(char_features(text, elsewhere)), tags)
    trainer.set_params(PARAMS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "credits.crf"
        trainer.train(str(path))
        return path.read_bytes()

PATTERNS.save()
