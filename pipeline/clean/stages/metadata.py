"""Stages that read the title and the metadata (date, source, author, editor) off the page: the credit
reader first (`read/credits.py`), then the rules (`read/values.py`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from pipeline.chinese import FULL_STOPS, HAN_CLASS
from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.read import credits
from pipeline.clean.read.credits import FIELD_OF, CreditReader, Span
from pipeline.clean.read.values import (
    FIELD_SEPARATORS,
    NAME_SEPARATOR,
    as_printed,
    byline_by_shape,
    clock_time,
    credit_people,
    dateline_agency,
    first_word,
    iso_date,
    iso_time,
    parse_meta_line,
    people,
    reporter_names,
    role_parted,
    without_glued_place,
)
from pipeline.clean.stages.page import head_names_whole
from pipeline.clean.tagger.titles import title_value
from pipeline.clean.types import Draft, Line, Metadata, Person, Reading
from pipeline.regex_cache import Patterns

PATTERNS = Patterns(__file__)  # saved at the end of the module

SUBTITLE_DASH = PATTERNS.compile(r"(?<!\s)\s*(?:——|--|―{2})\s*")  # tried where white space starts: linear
# A time closing a headline (貧血 小心大腸癌上身 【11:25】), tried where white space starts: linear on long runs.
TITLE_TIME = PATTERNS.compile(r"(?<!\s)\s*[【\[（(](?P<time>(?:[01]?\d|2[0-3]):[0-5]\d)[】\]）)]$")
# A gallery's page counter after its headline: 成都大熊猫幼仔开始群体生活 (5/7). Tried where white space starts.
PAGE_COUNTER = PATTERNS.compile(r"(?<!\s)\s*[（(]\d{1,3}\s*/\s*\d{1,3}[）)]$")
DATELINE_LINES = 3  # a dateline opens one of the first paragraphs (an editor's note may come first)
CLOSING_PARAGRAPHS = 3  # a closing credit ends one of the last paragraphs (a line of promotion may follow)
# Lines made metadata for the date they carry (a breadcrumb with the day, a date under the text): only the date is read
# from them, not the site's or the programme's name beside it.
DATE_ONLY = ("date_over_title", "date_under_text")


def split_title(draft: Draft) -> Draft:
    """Join the header's headline lines into the title and split off a subtitle (——, 题注)."""
    title_lines = [line for line in draft.lines if line.zone == "header" and line.role != "meta"]
    if not title_lines:
        return draft
    title, subtitle = "", None
    # Lines joined as a headline's two halves (the page printing them as one elsewhere: its scraped <title>)
    continued = {d.line for d in draft.report.lines if d.by == "headline_continued"}
    for line in title_lines:
        text = title_value(line.text)
        if not title:
            title = text
        elif subtitle is None and c.continues_headline(title, text):
            title += text  # a headline broken over two lines
        elif subtitle is None and draft.head is not None and head_names_whole(draft.head, title, text):
            title += f" {text}"  # … in two parts, as the head prints it whole
        elif (subtitle is None and {line.number, title_lines[0].number} & continued
              and not text.startswith(c.DASHES) and not _bracketed(text)):
            # … in two parts, as the page prints it whole (with the space it prints between them)
            title += f" {text}" if any(f"{title} {text}" in other for other in draft.texts) else text
        elif subtitle is None:
            # ——副题, a 题注 in brackets, or a sub-headline on its own line
            subtitle = text if _bracketed(text) else SUBTITLE_DASH.sub("", text, count=1).strip("—- ")
        draft.record("title", line, text)
    stamp = TITLE_TIME.search(title)  # 貧血 小心大腸癌上身 【11:25】: the time of the article, not its title
    if stamp and c.han_count(title[: stamp.start()]) >= 2:
        title = title[: stamp.start()]
        draft.report.readings.append(Reading(title_lines[0].number, "TIME", stamp["time"], None))
    counter = PAGE_COUNTER.search(title)
    if counter and c.han_count(title[: counter.start()]) >= 2:
        title = title[: counter.start()]
    if subtitle is None and SUBTITLE_DASH.search(title):
        head, tail = SUBTITLE_DASH.split(title, maxsplit=1)
        if c.han_count(head) >= 2 and c.han_count(tail) >= 2:
            title, subtitle = head, tail
    draft.meta.title = title.strip()
    draft.meta.subtitle = subtitle.strip() if subtitle else None
    draft.lines = [line for line in draft.lines if line not in title_lines]
    return draft


def _signed_day(draft: Draft) -> Line | None:
    """The day of the signature closing a notice's text (体育室 / 2021年8月13日), if one does."""
    signed = {decided.line for decided in draft.report.lines if decided.by == "signature"}
    return next((line for line in reversed(draft.lines) if line.number in signed and c.is_day_alone(line.text)), None)


def _bracketed(text: str) -> bool:
    return text[:1] in "（(" and text[-1:] in "）)"


def read_metadata(draft: Draft, reader: CreditReader) -> Draft:
    """Read every metadata line: first the credit reader's outlets and names, then the rules (dates,
    and the fields the reader found nothing for). The first value of a field wins: the reader reads the lines
    under the title before those above it (the site's frame: its day, its name); the rules read the header's
    lines (under the title, then those above it the model took for metadata) before the lines under the text,
    and the dates of the site's frame last. An author credit that is the outlet's name names no one."""
    title = next((decided.line for decided in draft.report.lines if decided.label == "title"), 0)
    for_date = {decided.line for decided in draft.report.lines if decided.by in DATE_ONLY}
    draft.lines = [_without_place(draft, line) if line.role == "meta" else line for line in draft.lines]
    # A line that labels its outlet (来源：国际在线, or a shared article's 以下文章来源于…) is read before one that may
    # only print a name (东北网手机版, the account sharing it), and one that credits only a checker (审核：…) after
    # the others (编辑：…).
    ordered = sorted((line for line in draft.lines if line.role == "meta"), key=_reading_order)
    under = [line for line in ordered if line.number >= title]
    over = [line for line in ordered if line.number < title]
    for line in under:
        if line.number not in for_date:
            _read_credits(draft, reader, line)
    byline = next((line for line in under if line.zone == "header" and c.is_name_alone(line.text)), None)
    if byline is not None and not draft.meta.authors:  # 侯小州、張小睿 alone in the header: names the reader missed
        draft.meta.authors = credit_people(byline.text)
        draft.report.readings.append(Reading(byline.number, "AUTHOR", byline.text, "author"))
    if draft.meta.source is None:
        _read_opening_tag(draft)  # the text's own tag before the site's frame (自由電子報 > 即時新聞)
    for line in over:
        if line.number not in for_date:
            _read_credits(draft, reader, line)
    # The rules read the article's header first (under the title, then what the model found above it), then the
    # lines under the text (a footer's 发行:2012-01-04 is no date of the article), and the frame's dates last.
    own = [line for line in over if line.number not in for_date]
    meta_lines = [*(line for line in under if line.zone == "header"), *own,
                  *(line for line in under if line.zone != "header"), *(line for line in over if line not in own)]
    dated = None  # the number of the line the date is read from
    for line in meta_lines:
        read = draft.meta if line.number not in for_date else Metadata()
        undated = draft.meta.published is None
        parse_meta_line(line.text, read, header=line.zone == "header", names=False)
        if draft.meta.published is None:
            draft.meta.published = read.published
        if undated and draft.meta.published:
            dated = line.number
        draft.record("metadata", line)
    if draft.meta.published is None:  # a date in a shape the rules do not read as the line's date
        dates = (iso_date(r.text) for r in draft.report.readings if r.tag == "DATE")
        draft.meta.published = next((iso for iso in dates if iso), None)
    if draft.meta.published is None and (day := _signed_day(draft)):
        draft.meta.published = iso_date(day.text)  # a notice dated by its signature alone: the text's, and its date
        draft.report.readings.append(Reading(day.number, "DATE", day.text, "published"))
    published = draft.meta.published
    time = next((r for r in draft.report.readings if r.tag == "TIME"), None)
    if published and len(published) == len("2024-01-31"):  # a day alone: its time by the title, or under the date
        clock: str | None = None
        if time:
            hour, minute = time.text.split(":")
            clock = iso_time(int(hour), int(minute))
        else:
            clock = _clock_under(draft, dated) if dated is not None else None
        draft.meta.published = published + (clock or "")
    draft.report.readings = [replace(r, field="published") if (r.tag == "DATE" and iso_date(r.text) == published)
                             or (r.tag == "TIME" and published != draft.meta.published) else r
                             for r in draft.report.readings]
    if not draft.meta.editors:
        _read_editor_below(draft, reader)
    outlet = (draft.meta.source or "").casefold()
    if outlet and [author.name.casefold() for author in draft.meta.authors] == [outlet]:
        draft.meta.authors = []  # 作者：PConline beside 出处：pconline: the outlet credited, no one named
    draft.lines = [line for line in draft.lines if line.role != "meta"]
    return draft


def _reading_order(line: Line) -> tuple[bool, bool]:
    """Where a metadata line is read among the others (False first): a labelled outlet first, a checker's credit
    last."""
    labels = c.label_matches(line.text)
    sourced = any(c.label_field(m) == "source" for m in labels) or p.REPOST.match(line.text) is not None
    checked = bool(labels) and all(c.label_field(m) == "editor" and p.REVIEWER.match(m.group("label"))
                                   for m in labels)
    return not sourced, checked


def _without_place(draft: Draft, line: Line) -> Line:
    """A metadata line without the place its post was sent from (IP属地：江苏, 发表于江苏), which names no one, and
    with the words a scraper glued to the date after them set apart (谢小含2017-03-01: 谢小含 2017-03-01)."""
    text = " ".join(p.POSTED_FROM.sub(" ", line.text).split())
    if text != " ".join(line.text.split()):
        draft.record("posted_from", line, text)
    spaced = p.WORDS_ON_DATE.sub(" ", text)
    if spaced != text:
        draft.record("words_on_date", line, spaced)
    return line if spaced == " ".join(line.text.split()) else line.having(text=spaced)


def _read_editor_below(draft: Draft, reader: CreditReader) -> None:
    """An editor's credit under the text past a box of promotion (出品：… 策划：… 编辑：…, [责任编辑：xcwang] under a
    microblog's box, (陈巍 编辑) under a table) that the model took for furniture: where no metadata line names the
    editor, the first short line under the text's last paragraph that credits one names them."""
    body = [decided.line for decided in draft.report.lines if decided.label == "body"]
    if not body or not draft.raw:
        return
    for decided in draft.report.lines:
        text = draft.raw[decided.line - 1].strip() if decided.line <= len(draft.raw) else ""
        if (decided.line <= body[-1] or decided.label != "boilerplate" or len(text) > c.MAX_CREDIT_CHARS
                or not ("editor" in c.meta_labels(text) or p.EDITOR_CREDIT.match(text))):
            continue
        line = Line(decided.line, text, zone="tail", role="meta")
        _read_credits(draft, reader, line)
        if not draft.meta.editors:
            read = Metadata()
            parse_meta_line(text, read, header=False)
            draft.meta.editors = read.editors
        draft.record("editor_below", line)
        return


def _clock_under(draft: Draft, number: int) -> str | None:
    """The time on the page's line right under line `number` where that line is a clock time alone (香港時間１７時０６分
    under 2012年1月17日（星期二）): the date's time."""
    numbers = [decided.line for decided in draft.report.lines]
    k = numbers.index(number) if number in numbers else len(numbers)
    return clock_time(draft.texts[k + 1]) if k + 1 < len(draft.texts) else None


def _read_opening_tag(draft: Draft) -> None:
    """The outlet's tag opening one of the first paragraphs ([世华财讯]…, 新浪财经讯 …) is the source."""
    paragraphs = [line for line in draft.lines if line.zone == "body" and line.role not in ("heading", "code", "meta")]
    for line in paragraphs[:DATELINE_LINES]:
        match = p.OPENING_TAG.match(line.text)
        if match is None:
            continue
        lead, tag = match["lead"], match["tag"]
        if (lead and not p.SELF_REFERENCE.match(lead)) or (tag and _outlet_like(tag)):
            draft.meta.source = lead or _without_report_word(tag)
            draft.record("opening_tag", line, line.text)
        return


def _without_report_word(tag: str) -> str:
    """A bracketed tag's outlet without the 讯 closing it where the rest ends like an outlet's name (【香港文匯報訊】:
    香港文匯報, as 香港文匯報訊 unbracketed and 【明報專訊】 read), kept where 讯 ends the name itself ([世华财讯])."""
    bare = tag[:-1]
    return bare if tag.endswith(("讯", "訊")) and p.MEDIA_WORDS.search(bare) else tag


def _outlet_like(tag: str) -> bool:
    """Whether a bracketed tag ends like an outlet's name (中央社, 世华财讯), not a topic (订票电话加价) nor this
    paper (【本報訊】)."""
    return (p.MEDIA_WORDS.search(tag) is not None or tag.endswith(("讯", "訊"))) and not p.SELF_REFERENCE.match(tag)


def _read_credits(draft: Draft, reader: CreditReader, line: Line, part: str | None = None, *,
                  in_text: str | None = None) -> None:
    """The credit reader's spans of a line, or of a part of it (the page's other lines tell the reader
    which words the site prints elsewhere). In the text (`in_text` is "opening" or "closing"), a name in one of
    its sentences is someone it speaks of, not its writer: one a sentence starts with (張小明《示例》音樂會前晚
    舉行), one the text's last sentence goes on past (…譚小文與鍾小美等歌手勁歌熱舞一番。); a credit stands before the
    first sentence or after the last ((李楠), 文/包小臻)."""
    text = line.text if part is None else part
    if p.WECHAT_HEADER.match(text):  # its shape says which is the writer and which the account: the rules read it
        return
    spans = reader.read(text, credits.rest_of_page(draft.texts, line.text))
    spoken_of = _sentence_subject if in_text == "opening" else _in_last_sentence if in_text == "closing" else None
    if spoken_of:
        spans = [s for s in spans if not (s.tag == "AUTHOR" and spoken_of(text, s))]
    _take_spans(draft, line.having(text=text), spans)


def _sentence_subject(text: str, span: Span) -> bool:
    """Whether a name opens the text's sentence, running text right after it (張小明《示例》…, 王小明昨日表示…),
    not a dateline's reporter (王小明／台北報導, 王小明 北京报道, 王小明台北報導)."""
    after = text[span.end : span.end + 1]
    return span.start == 0 and bool(after) and (after in "《「“『" or c.han_count(after) == 1) and (
        p.REPORT_AFTER.search(text, span.end, span.end + SUBJECT_REACH) is None)


def _in_last_sentence(text: str, span: Span) -> bool:
    """Whether a name at the text's end stands inside its last sentence, the sentence's end after it."""
    return any(mark in text[span.end :] for mark in FULL_STOPS)


SUBJECT_REACH = 8  # characters after a name that opens the text where a report word makes it a dateline's


def _after_labels(text: str, field: str) -> set[int]:
    """Where the values of a field's labels on a line start (past the separators after each label)."""
    return {len(text) - len(text[match.end() :].lstrip(FIELD_SEPARATORS))
            for match in c.label_matches(text, glued=True) if c.label_field(match) == field}


def _take_spans(draft: Draft, line: Line, spans: list[Span]) -> None:
    """The outlet, the authors and the editors of one line's spans, where not read already. Names of one
    role printed side by side are one credit, as printed (张建 周长庆, 唐佩君/呂佳蓉), and so are authors that a role
    word parts (记者 柳德新 通讯员 彭娟: 柳德新、彭娟). A chart's maker (制图/李铭) and a work's title are no author, a
    picture's credit (图/示例新闻社) no outlet."""
    meta = draft.meta
    byline = p.OUTLET_BEFORE_ROLE.match(line.text)
    spans = [_by_shape(line.text, s, byline) for s in spans]
    if shared := p.REPOST.match(line.text):  # the account an article is shared from and its writer: as printed
        spans = [Span("OUTLET", shared.start("account"), shared.end("account"), shared["account"])]
        if shared["name"]:
            spans.append(Span("AUTHOR", shared.start("name"), shared.end("name"), shared["name"]))
    if posted := p.POSTED_BY.match(line.text):  # janus 發表於 2024年9月26日: the name the reader may miss
        spans = [Span("AUTHOR", posted.start("name"), posted.end("name"), posted["name"]),
                 *(s for s in spans if s.start >= posted.end() and s.tag == "DATE")]
    not_writers = [s for s in spans if s.tag == "AUTHOR" and _no_writer(line.text, s)]
    spans = [s for s in spans if not (s.tag == "OUTLET" and p.PICTURE_BEFORE.search(line.text, 0, s.start))]
    taken: dict[str, str] = {}
    starts: dict[str, int] = {}  # where each field's taken credit starts
    labelled = _after_labels(line.text, "source")
    for tag in ("OUTLET", "AUTHOR", "EDITOR"):
        runs = [s for s in spans if s.tag == tag and s not in not_writers]
        if tag == "OUTLET":  # a labelled outlet before one printed bare (中国网山东频道 … 稿件来源：大众日报)
            runs.sort(key=lambda s: s.start not in labelled)
        if not runs:
            continue
        value, starts[tag] = runs[0].text, runs[0].start
        for before, run in pairwise(runs):
            between = line.text[before.end : run.start]
            if tag == "OUTLET" or (between.strip(p.NAME_JOINERS) and not (tag == "AUTHOR" and role_parted(between))):
                break
            value += between + run.text
        taken[tag] = value
    fields = {"OUTLET": meta.source is None, "AUTHOR": not meta.authors, "EDITOR": not meta.editors}
    for span in spans:
        used = span.tag in taken and fields.get(span.tag, False) and span.text in taken[span.tag]
        draft.report.readings.append(Reading(line.number, span.tag, span.text, FIELD_OF[span.tag] if used else None))
    if fields["OUTLET"] and "OUTLET" in taken:
        meta.source = p.OUTLET_SUFFIX.sub("", first_word(taken["OUTLET"]) or "") or None  # 新京报 举报, 上報快訊
    elif fields["OUTLET"] and "AUTHOR" in taken and byline:
        meta.source = byline["outlet"]  # 欣傳媒╱記者丁彥伶: the byline's shape names the outlet the reader missed
        draft.report.readings.append(Reading(line.number, "OUTLET", byline["outlet"], "source"))
    elif (fields["OUTLET"] and "AUTHOR" in taken
          and (glued := p.OUTLET_GLUED_ROLE.search(line.text[: starts["AUTHOR"]]))
          and p.MEDIA_WORDS.search(glued["outlet"]) and not p.SELF_NAMED.search(glued["outlet"])):
        meta.source = glued["outlet"]  # 示例商报记者李文博: the outlet glued before the reporter's role
        draft.report.readings.append(Reading(line.number, "OUTLET", glued["outlet"], "source"))
    if fields["AUTHOR"] and "AUTHOR" in taken:
        start = starts["AUTHOR"]
        end = _names_after(line.text, start + len(taken["AUTHOR"]), surnamed=True)
        dispatch = p.NAMES_PLACE_DAY.match(line.text, start)  # 趙麗妍台中20日電: the name, not the place after it
        if dispatch and (names := reporter_names(dispatch.group(), dated=True)):
            end = start + len(names[0])
        role = p.ROLE_BEFORE.search(line.text[:start])  # 記者林小華: the role apart from the name
        credit = _whole_credit(line.text, start, end)
        shaped = byline_by_shape(line.text)  # 民視新聞／王小明、李大華 台中報導: the byline's names, all of them
        if shaped and credit in shaped[1] and len(shaped[1]) > len(credit):
            credit = shaped[1]
        meta.authors = credit_people(credit, role[1] if role else None)
    if fields["EDITOR"] and "EDITOR" in taken:
        start = starts["EDITOR"]
        meta.editors = credit_people(line.text[start : _names_after(line.text, start + len(taken["EDITOR"]))])


def _names_after(text: str, end: int, *, surnamed: bool = False) -> int:
    """Where a credit the reader took up to `end` ends with the names after it, up to its bracket or the line's end
    (( 編輯： 劉威 楊倩 ), 执笔人：闵乐夫 … 刘晋芳 胡玉顺); with `surnamed`, only where each opens with a common
    surname (a place may close a byline: 黃千容 賴世杰 台中)."""
    after = p.CREDIT_NAMES_AFTER.match(text, end)
    if after is None:
        return end
    names = [name for name in NAME_SEPARATOR.split(after.group()) if name]
    return after.end() if not surnamed or all(name[0] in p.SURNAMES for name in names) else end


def _no_writer(text: str, span: Span) -> bool:
    """Whether a name is not the text's writer: a chart's or a map's maker (制图/李铭, 新华社记者 曲振东 编制), or a
    work's title in book-title marks (据中国之声《新闻晚高峰》报道: a programme)."""
    titled = text[: span.start].endswith("《") and text[span.end :].startswith("》")
    return titled or bool(p.GRAPHIC_BEFORE.search(text, 0, span.start) or p.GRAPHIC_AFTER.match(text, span.end))


def _whole_credit(text: str, start: int, end: int) -> str:
    """The authors' credit text[start:end] with the names of the same credit the reader left out on either side,
    where role words part them (編譯茅毅、記者謝守真, 嚴瓏 通訊員黃冬香 涂曉晨)."""
    before = p.NAME_ROLE_BEFORE.search(text, 0, start)
    after = p.ROLE_NAMES_AFTER.match(text, end)
    return text[before.start("name") if before else start : after.end() if after else end]


def _by_shape(text: str, span: Span, byline: re.Match[str] | None) -> Span:
    """A name's span as the credit's shape has it, whatever the reader tagged it: what stands before a slash and the
    reporter's role is the outlet (欣傳媒╱記者丁彥伶), and so is a name that ends like one ((金羊网)); a name that 编辑
    closes is the editor ((曹文明 編輯)), as is one that 编辑/ opens (文/张晓明 编辑/李大伟)."""
    if span.tag == "AUTHOR" and ((byline and span.text == byline["outlet"]) or p.OUTLET_NAMED.match(span.text)):
        return replace(span, tag="OUTLET")
    if span.tag == "AUTHOR" and (p.EDITOR_AFTER.match(text, span.end) or p.EDITOR_BEFORE.search(text[: span.start])):
        return replace(span, tag="EDITOR")
    if span.tag == "AUTHOR" and (did := p.ROLE_AFTER_SLASH.search(span.text)):  # 李文博/文受访者供图: the name
        return replace(span, end=span.start + did.start(), text=span.text[: did.start()])
    if span.tag == "AUTHOR" and p.REPORT_AFTER.match(text, span.end):  # 本报记者王小明长沙报道
        name = without_glued_place(span.text)
        return replace(span, end=span.start + len(name), text=name)
    return span


def read_bylines(draft: Draft, reader: CreditReader) -> Draft:
    """Read the reporter and agency of a dateline (kept in the text) and cut off an editor tag: first the
    credit reader over the opening of the first paragraph and the close of each of the last three (from the last:
    a line of credits or promotion may follow the text's; a notice's contact line names no writer, nor does a
    quotation's attribution that a dash opens: ——示例支部党员 王小明), then the rules."""
    body = [i for i, line in enumerate(draft.lines) if line.zone == "body" and line.role != "code"]
    paragraphs = [i for i in body if draft.lines[i].role != "heading"]
    closing = [i for i in paragraphs[-CLOSING_PARAGRAPHS:][::-1]  # the last first: credits or promotion may follow
               if not (p.CONTACT.match(draft.lines[i].text) or draft.lines[i].text.startswith(c.DASHES))]
    meta = draft.meta
    if paragraphs and not (meta.authors and meta.source and meta.editors):
        first = draft.lines[paragraphs[0]]
        _read_credits(draft, reader, first, credits.opening(first.text), in_text="opening")
        for i in closing:
            _read_credits(draft, reader, draft.lines[i], credits.closing(draft.lines[i].text), in_text="closing")
    for i in body[:DATELINE_LINES]:
        if _read_dateline(draft, i):
            break
    for i in body:
        _read_editor_tag(draft, i)
    # …实现轻松换新iPhone。(李楠): in the last paragraph any name (书聿, 立悟); in one of the two before it a name that
    # opens with a common surname, not an outlet's ((经济通)). An agency's or an outlet's name ((新华社)) is no one's.
    for i in closing:
        credit = None if draft.meta.authors else p.TRAILING_CREDIT.search(draft.lines[i].text)
        if (credit and (i == closing[0] or credit["name"][0] in p.SURNAMES)
                and not (p.MEDIA_WORDS.search(credit["name"]) or p.NOT_A_PERSON.match(credit["name"]))):
            draft.meta.authors = [Person(credit["name"])]
            draft.record("trailing_credit", draft.lines[i], draft.lines[i].text)
    draft.lines = [line for line in draft.lines if line.text]
    return draft


def _read_dateline(draft: Draft, index: int) -> bool:
    """Read a dateline at the start of a body line; whether there was one."""
    line = draft.lines[index]
    match = p.DATELINE.match(line.text) or p.OPEN_DATELINE.match(line.text)
    if not match:
        wire = p.AGENCY_DATELINE.match(line.text)  # （中央社台北23日電）: the agency, no reporter
        if wire and draft.meta.source is None:
            draft.meta.source = dateline_agency(wire)
            draft.record("dateline_source", line, line.text)
        return wire is not None
    name = reporter_names(match["rest"], bool(match["dated"]))
    agency = dateline_agency(match)
    read_here = any(r.line == line.number and r.field == "author" for r in draft.report.readings)
    edited_here = {r.text for r in draft.report.readings if r.line == line.number and r.field == "editor"}
    if name and edited_here and {e.name for e in draft.meta.editors} <= edited_here <= set(name):
        draft.meta.editors = []  # （记者 格桑边觉）: the reporter of the dateline, whatever the reader tagged
    if name and (not draft.meta.authors or (read_here and _more_names(draft.meta.authors, name))):
        draft.meta.authors = [Person(as_printed(match["rest"], name), "记者" if "记" in line.text else "記者")]
        draft.record("dateline_author", line, line.text)
    if agency and draft.meta.source is None and not p.SELF_REFERENCE.match(agency):
        draft.meta.source = agency
        draft.record("dateline_source", line, line.text)
    return True


def _more_names(authors: list[Person], names: list[str]) -> bool:
    """Whether a dateline names the authors the credit reader took from it and more (（记者吴俊宽、高鹏） where 吴俊宽
    was read): its credit is the whole one. Authors a labelled field gave (作者：李明) stay."""
    read = {name for person in authors for name in re.split(f"[{re.escape(p.NAME_JOINERS)}]+", person.name) if name}
    return read < set(names)


def _read_editor_tag(draft: Draft, index: int) -> None:
    line = draft.lines[index]
    match = p.EDITOR_TAG.search(line.text)
    if not match:
        return
    if not draft.meta.editors:
        draft.meta.editors = people(match["name"])
    text = line.text[: match.start()].rstrip()
    draft.record("editor_tag", line, text or None)
    draft.lines[index] = line.having(text=text)  # a line that was only the tag is empty: not a block


# An author meta that names people: 李闽, 于立霄 陈建, 柳德新、彭娟 (a site's name or blurb is longer or mixed).
HEAD_AUTHOR = PATTERNS.compile(rf"[{HAN_CLASS}·・]{{2,6}}(?:[、，, ][{HAN_CLASS}·・]{{2,6}})*")


def from_head(draft: Draft) -> Draft:
    """Fill the fields the text left empty from what an HTML page's head says (html_page.py), each noted in
    the report with the key it came from; the site's own name is never taken for an author, nor for the source (a
    source meta naming the site itself: the page names no other outlet; the site is the publisher)."""
    head, meta = draft.head, draft.meta
    if head is None:
        return draft
    taken = draft.report.from_head
    if not meta.title and head.headlines():
        meta.title, taken["title"] = head.headlines()[0], "json-ld headline, og:title or <title>"
    if meta.published is None and (published := iso_date(head.published)):
        meta.published = published
        taken["published"] = "a published date meta tag, json-ld datePublished or the body's itemprop=datePublished"
    if meta.source is None and head.source and not _names_the_site(head.source, head.site_names()):
        meta.source, taken["source"] = head.source, "contentsource or source meta"
    if not meta.authors:
        meta.authors = [person for value in head.authors if _may_be_author(value, draft)
                        for person in credit_people(value)]
        if meta.authors:
            taken["authors"] = "meta author, json-ld author or the body's itemprop=author"
    if meta.publisher is None and head.site_name:
        meta.publisher, taken["publisher"] = head.site_name, "og:site_name or json-ld publisher"
    return draft


def _may_be_author(value: str, draft: Draft) -> bool:
    """Whether a head's author may be the article's: names in Han characters (2 to 6 each) that are not the
    site's (its <title> suffix, og:site_name, the outlet) nor an editor the page prints; sites fill the
    author meta with their own name as often as with a person's."""
    assert draft.head is not None
    sites = [*draft.head.site_names(), draft.meta.source or "", draft.meta.publisher or ""]
    editors = {name for editor in draft.meta.editors for name in (editor.name, *NAME_SEPARATOR.split(editor.name))}
    if not HEAD_AUTHOR.fullmatch(value) or value in editors:  # （编辑：严玉洁 王辉）: each of the credit's names
        return False
    return not _names_the_site(value, sites)


def _names_the_site(value: str, sites: Sequence[str]) -> bool:
    """Whether a value names one of the site's names, or a name in it (ETtoday新聞雲, 三立新聞網)."""
    return any(site and (value in site or site in value) for site in sites)

PATTERNS.save()
