"""Stages that find the article in the page: trimmed lines, the breadcrumb, each line's class, repeats."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from pipeline.chinese import CONTINUES, SENTENCE_MARKS
from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.tagger.corrections import CODE, overrule
from pipeline.clean.tagger.lines import LineTagger, NoHeadline, Tagging
from pipeline.clean.tagger.page import Page
from pipeline.clean.tagger.titles import MIN_HAN, PICTURE_MARK, heading_copy
from pipeline.clean.types import (
    Decision,
    DomHints,
    Draft,
    Event,
    Head,
    Line,
    LineClass,
    Metadata,
    Report,
    TitleCandidate,
)
from pipeline.errors import DocumentWarning

TITLE_CANDIDATES_KEPT = 5  # the title ranker's likeliest lines the report keeps
TAB_WIDTH = 4  # columns of a tab in program code


def trim_whitespace(draft: Draft) -> Draft:
    """Strip indentation (spaces, U+3000, NBSP) and blank lines, remembering both."""
    kept: list[Line] = []
    blank = False
    for line in draft.lines:
        text = line.text.replace("\u00a0", " ").replace("\t", " ").strip()
        if not text:
            if line.text:
                draft.record("blank", line)
            blank = True
            continue
        indented = line.indented or line.text[:1] in (" ", "\u3000", "\u00a0", "\t")
        trimmed = line.having(text=text, indented=indented, blank_before=line.blank_before or blank)
        if text != line.text:
            draft.record("indentation", line, text)
        kept.append(trimmed)
        blank = False
    draft.lines = kept
    return draft


def page_lines(text: str, dom: Sequence[DomHints | None] = ()) -> list[Line]:
    """A page's lines as the tagger sees them: trimmed, blank lines gone, numbered as in the page; with `dom`,
    an HTML page's hints of each line (in the page's order)."""
    draft = Draft(numbered(text.split("\n"), dom), Metadata(), Report("", ""))
    return trim_whitespace(draft).lines


def numbered(raw: Sequence[str], dom: Sequence[DomHints | None] = ()) -> list[Line]:
    """The page's lines numbered from 1, each with its DomHints where `dom` gives them (an HTML page's, one
    per line but for blank lines at the end; none where their number differs from the lines')."""
    if len(dom) > len(raw) or any(raw[len(dom):]):
        dom = ()
    return [Line(n, t, dom=dom[n - 1] if n <= len(dom) else None) for n, t in enumerate(raw, start=1)]


CATEGORY_CHARS = 10  # a breadcrumb's category is no longer; its last part printed as a line below is the headline


def read_breadcrumb(draft: Draft) -> Draft:
    """Take the site (publisher) and the category (subjects) from the first breadcrumb."""
    if draft.meta.publisher or draft.meta.subjects:
        return draft
    for k, line in enumerate(draft.lines):
        if c.is_breadcrumb(line.text):
            publisher, subjects = parse_breadcrumb(line.text)
            below = {other.text for other in draft.lines[k + 1 :]}
            if subjects and len(subjects[-1]) > CATEGORY_CHARS and subjects[-1] in below:
                subjects = subjects[:-1]  # … > 社会新闻 > 城区老旧小区改造今年全面启动: the headline printed below
            draft.meta.publisher = publisher
            draft.meta.subjects = subjects
            draft.record("breadcrumb", line, line.text)
            break
    return draft


def parse_breadcrumb(text: str) -> tuple[str | None, list[str]]:
    """Split a breadcrumb into the site (a first part such as 杭州网 or 网易首页) and categories."""
    trail = p.BREADCRUMB_LEAD.sub("", text)
    parts = [part.strip() for part in p.BREADCRUMB_SEP.split(trail) if part.strip()]
    publisher = None
    if parts:
        site = p.SITE_SUFFIX.match(parts[0])
        if site and not p.BREADCRUMB_HOME.match(parts[0]):
            publisher, parts = site.group("site"), parts[1:]
        elif parts[0][-1:] in ("网", "網") and len(parts[0]) <= 12:
            publisher, parts = parts[0], parts[1:]
    subjects = [part for part in parts if not p.BREADCRUMB_HOME.match(part) and c.han_count(part) >= 1]
    return publisher, subjects


def headline_line(draft: Draft, page: Page) -> int | None:
    """The line (index) that an HTML page's head names as its headline (`Head.headlines`: JSON-LD's,
    og:title, the longest part of the <title>), widths and white space aside, or that headline with a picture
    mark after it (…[组图]), where printed twice the copy heading the text (`heading_copy`); else the first line
    that opens the <title> up to a separator and is at least half as long as each of its other parts (标题――中新网,
    标题 消费_新闻中心_解放牛网, 标题,股城网), or the headline with a time or a note in brackets after it
    (标题 【16:15】); else the line most like a headline above the page's text (`_likest_line`; `page` is the
    lines as the tagger reads them). None without a head or such a line."""
    if draft.head is None:
        return None
    wanted = list(dict.fromkeys(h for h in map(squeezed, draft.head.headlines()) if len(h) >= MIN_HAN))
    # A headline holding another (the whole <title>, an og:title with the site's name after it) is tried last: a page
    # that prints its <title> at the top prints the headline alone further down.
    wanted = sorted(wanted, key=lambda h: any(other != h and other in h for other in wanted))  # (sort() empties it)
    printed = [(squeezed(line.text), squeezed(PICTURE_MARK.sub("", line.text))) for line in draft.lines]
    for headline in wanted:
        copies = [i for i, texts in enumerate(printed) if headline in texts]
        if copies:  # the copy that heads the article (an e-paper's list of the page's headlines prints it first)
            return heading_copy(page, copies)
    titles = [_spaced(t) for t in (draft.head.title, draft.head.og_title) if t]
    headlines = [_spaced(h) for h in draft.head.headlines() if c.han_count(h) >= MIN_HAN]
    for i, line in enumerate(draft.lines):
        text = _spaced(line.text)
        if c.han_count(text) < MIN_HAN:
            continue
        if any(_opens(title, text) for title in titles) or any(
                text.startswith(h) and BRACKETED_NOTE.fullmatch(text[len(h) :]) for h in headlines):
            return i
    return _likest_line(draft.lines, draft.head, page.main_block[0] if any(page.paragraph) else len(draft.lines))


def _likest_line(lines: Sequence[Line], head: Head, text_start: int) -> int | None:
    """The line above the article's text (`text_start`: where the page's densest block of running text
    starts, if it has any) most like one of the head's headlines of at least HEADLINE_CHARS characters (not
    the site's name), where it is at least LIKENESS like it (difflib's ratio over the characters, widths
    unified and white space aside): the printed headline with a place or a kicker the <title> leaves out
    (内蒙古9部门：确保… printed, 内蒙古确保… in the head), or a word changed. On the training sites' HTML
    the likest line is the headline on every page where it is that like and no other rule found the line
    (2 of 2); a menu's entry beside the site's name (公視新聞網 / 醫療) measures at most 0.72; below the
    text, a list's entry repeating the headline with its tag (·[新闻] …) may be likelier than the headline
    printed with a kicker above it (0.86 against 0.81), so only lines above the text are weighed. None
    where no line is that like."""
    sites = {squeezed(name) for name in head.site_names()}
    headlines = [h for h in dict.fromkeys(squeezed(h) for h in head.headlines())
                 if len(h) >= HEADLINE_CHARS and h not in sites]
    texts = [(i, squeezed(line.text)) for i, line in enumerate(lines[:text_start])]
    above = [(i, text) for i, text in texts if c.han_count(text) >= MIN_HAN]
    best, found = LIKENESS, None
    for headline in headlines:
        for i, text in above:
            matcher = difflib.SequenceMatcher(None, headline, text, autojunk=False)
            if matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
                continue
            if (likeness := matcher.ratio()) >= best and (found is None or likeness > best):
                best, found = likeness, i
    return found


HEADLINE_CHARS = 8  # a head's headline shorter than this is too short to be known by likeness (a site's name)
LIKENESS = 0.8


def squeezed(text: str) -> str:
    """A text with its widths unified (NFKC) and without white space."""
    return "".join(unicodedata.normalize("NFKC", text).split())


# 【16:15】, （图）, [组图] after a headline; tried where white space starts: linear on long runs
BRACKETED_NOTE = re.compile(r"(?<!\s)\s*[【\[（(][^】\]）)]{1,12}[】\]）)]")


def _spaced(text: str) -> str:
    """A text with its widths unified (NFKC) and each run of white space one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _opens(title: str, text: str) -> bool:
    """Whether `text` opens the <title> up to a separator (not in the middle of a word) and is at least half as
    long as each part after it (the site's and the channel's names: 中新网 opening 中新网 - 标题 is no headline)."""
    if not title.startswith(text) or len(title) == len(text) or title[len(text)].isalnum():
        return False
    parts = TITLE_PARTS.split(title[len(text) :])
    return 2 * len(text) >= max(len(part) for part in parts)


CLAUSE_MARK = re.compile(f"[{SENTENCE_MARKS},;!?]")  # where a first line that stands for a title is cut
FILE_TITLE_CHARS = 30  # … and at most this many of its characters
TITLE_PARTS = re.compile(r"[\s_|｜\-—–－―,，:：·]+")


def tag_lines(draft: Draft, tagger: LineTagger) -> Draft:
    """Give every line its class (title, meta, heading, body, caption, boilerplate) from the line tagger.

    The tagger's model decides, except for lines a NAME.lines.json sidecar names. Each decision
    is kept in the report with its confidence. A headline broken over two lines (关于做好… / …的通知)
    and a ——subtitle on the line under it join the title line.
    """
    if draft.report.lines:
        return draft  # tagged already: the tagger reads the whole page, not what is left of it
    index_of = {line.number: i for i, line in enumerate(draft.lines)}
    fixed = {index_of[n]: label for n, label in draft.fixed.items() if n in index_of}
    page = Page(draft.lines)
    headline = headline_line(draft, page)
    try:
        tagging = tagger.read(page, fixed, headline)
    except NoHeadline:
        if not any(page.paragraph):
            raise  # no headline and no text: navigation alone
        draft.lines = [_file_name_line(draft), *draft.lines]
        page = Page(draft.lines)
        tagging = tagger.read(page, {0: "title"} | {i + 1: label for i, label in fixed.items()})
        tagging = Tagging(_text_without_headline(page, tagging.decisions), [])
    if headline is not None and "title" not in fixed.values():
        draft.report.from_head["title"] = "the line the head names as the headline"
    decisions = tagging.decisions
    if not decisions:
        return draft
    draft.texts = [line.text for line in draft.lines]
    draft.report.title_candidates = [TitleCandidate(draft.lines[x.index].number, round(x.score, 3))
                                     for x in tagging.candidates[:TITLE_CANDIDATES_KEPT]]
    decisions = _title_group(draft.lines, decisions, draft.head)
    if not any(d.label == "body" for d in decisions):
        decisions = _densest_block(draft, decisions)
    draft.report.lines = [
        LineClass(line.number, d.label, d.confidence, d.by) for line, d in zip(draft.lines, decisions, strict=True)
    ]
    first_body = next((i for i, d in enumerate(decisions) if d.label in ("body", "heading")), len(decisions))
    kept: list[Line] = []
    for i, (line, decision) in enumerate(zip(draft.lines, decisions, strict=True)):
        label = decision.label
        if label == "title":
            kept.append(line.having(zone="header"))
        elif label == "meta":
            kept.append(line.having(zone="header" if i < first_body else "tail", role="meta"))
        elif label == "heading":
            kept.append(line.having(zone="body", role="heading"))
        elif label == "body":
            kept.append(line.having(zone="body"))
        elif label == CODE:  # as printed, with its indentation
            printed = draft.raw[line.number - 1].expandtabs(TAB_WIDTH).rstrip() if draft.raw else line.text
            kept.append(line.having(zone="body", role="code", text=printed))
        else:
            draft.record(label, line)
    draft.lines = kept
    return draft


def _file_name_line(draft: Draft) -> Line:
    """A title line above a page no line of which reads as a headline: the file's name (its stem, as pandoc titles
    a document without one), or where the text has none, the opening of its first line up to a sentence's mark."""
    stem = Path(draft.report.source).stem if not draft.report.source.startswith("<") else ""
    first = next((line.text for line in draft.lines if line.text), "")
    title = stem or CLAUSE_MARK.split(first, maxsplit=1)[0][:FILE_TITLE_CHARS]
    draft.report.warnings.append(DocumentWarning.of("W104", None, title=title))
    return Line(0, title)


def _text_without_headline(page: Page, decisions: list[Decision]) -> list[Decision]:
    """The decisions on a page with the file's name for its title: the lines of running text above the first line
    the model read as text are text too (the model knows pages that open with a headline, not with their text)."""
    first = next((i for i, d in enumerate(decisions) if d.label == "body"), len(decisions))
    return [Decision("title", 1.0, "file_name") if i == 0 else
            overrule(d, "body", "file_name") if i < first and page.paragraph[i] and d.by == "model" else d
            for i, d in enumerate(decisions)]


def _title_group(lines: Sequence[Line], decisions: list[Decision], head: Head | None = None) -> list[Decision]:
    """Join to the title line the rest of a headline broken over two lines and a ——subtitle under it (not to
    a line the page's head names as the whole headline; not a line split by bars above it: 瀏覽人數5802 | 字級：; not a
    label above it, which a colon closes: 港澳频道：). A line the head names as the headline is joined by the line
    under it only where the two make the head's headline whole (途牛发布春节出游调查报告 / 六成受调者选择自助游 printed
    over two lines, the <title> holding both before its channel's and site's names)."""
    title = next((i for i, d in enumerate(decisions) if d.label == "title"), None)
    if title is None or decisions[title].by == "registered_title":
        return decisions
    joined = list(decisions)
    if decisions[title].by == "head_title":  # the head names the headline: only a ——subtitle, or what makes it whole
        if title + 1 < len(lines) and decisions[title + 1].by == "model" and (
                _dashed_subtitle(lines[title + 1].text)
                or (head is not None and head_names_whole(head, lines[title].text, lines[title + 1].text))):
            joined[title + 1] = overrule(decisions[title], "title", "headline_continued")
        return joined
    text = lines[title].text

    def free(i: int) -> bool:
        return 0 <= i < len(lines) and decisions[i].by == "model" and decisions[i].label != "title"

    if free(title - 1) and decisions[title - 1].label == "boilerplate":
        above = lines[title - 1].text
        if ((c.continues_headline(above, text) or _printed_whole(lines, title - 1))
                and len(above) + len(text) <= c.MAX_TITLE_CHARS
                and c.is_title_like(above.rstrip(CONTINUES) or above) and not c.SEPARATORS.search(above)
                and not c.label_matches(above) and above[-1] not in "：:"):  # 港澳频道：, 发文机关： label what follows
            joined[title - 1] = overrule(decisions[title], "title", "headline_continued")
    if free(title + 1):
        below = lines[title + 1].text
        if ((c.continues_headline(text, below) or _printed_whole(lines, title))
                and len(text) + len(below) <= c.MAX_TITLE_CHARS) or _dashed_subtitle(below):
            joined[title + 1] = overrule(decisions[title], "title", "headline_continued")
    return joined


def _dashed_subtitle(text: str) -> bool:
    """A subtitle a dash opens under the headline: ——200余名农技人员参加."""
    return text.startswith(c.DASHES) and c.is_title_like(text.lstrip("—-－ "))


def _printed_whole(lines: Sequence[Line], first: int) -> bool:
    """Whether another line of the page prints lines `first` and `first + 1` as one, as a whole word of it (a
    scraped <title> at the top, 全市首批口袋公园建成开放_城市晚报; a related list's ·[新闻] 途牛发布春节出游调查报告
    六成受调者选择自助游): a headline printed over two lines."""
    whole = squeezed(lines[first].text + lines[first + 1].text)
    if c.han_count(whole) < 2 * MIN_HAN:
        return False
    bounded = re.compile(rf"(?<![^\W_]){re.escape(whole)}(?![^\W_])")  # not inside a longer word
    return any(bounded.search(squeezed(line.text)) for k, line in enumerate(lines) if k not in (first, first + 1))


def head_names_whole(head: Head, first: str, second: str) -> bool:
    """Whether two lines make, one after the other, the headline an HTML page's head names (one of its headlines,
    or the opening of its <title> up to a separator): a headline printed over two lines."""
    both = _spaced(f"{first} {second}")
    return c.han_count(second) >= MIN_HAN and (
        squeezed(both) in {squeezed(h) for h in head.headlines()}
        or any(_opens(_spaced(t), both) for t in (head.title, head.og_title) if t))


def _densest_block(draft: Draft, decisions: list[Decision]) -> list[Decision]:
    """Where the tagger found no text at all (a poem of short lines, a table of contents, a title taken
    from below the text), the densest block of the page is the article: kept, never refused."""
    first, last = Page(draft.lines).main_block
    first_line, last_line = draft.lines[first].number, draft.lines[last].number
    draft.report.warnings.append(DocumentWarning.of("W102", first_line, first=first_line, last=last_line))
    return [overrule(d, "body", "densest_block") if first <= i <= last and d.label not in ("title", "meta")
            else d for i, d in enumerate(decisions)]


def drop_repeats(draft: Draft) -> Draft:
    """Drop the title repeated in the body and lines the page shows twice (notices, widgets)."""
    title_forms = {_squash(t) for t in _title_forms(draft) if t}
    counts = Counter(line.text for line in draft.lines if line.zone == "body")

    def rule(_: int, line: Line) -> str | None:
        if line.zone != "body" or line.role in ("meta", "code"):
            return None
        if _squash(line.text) in title_forms:
            return "title_repeated"
        return "repeated_line" if counts[line.text] > 1 else None

    return draft.drop(rule)


def _title_forms(draft: Draft) -> list[str]:
    meta = draft.meta
    forms = [meta.title or ""]
    if meta.title and meta.subtitle:
        forms += [f"{meta.title}——{meta.subtitle}", f"{meta.title}{meta.subtitle}"]
    return forms


def _squash(text: str) -> str:
    return "".join(text.split())


def take_abstract(draft: Draft) -> Draft:
    """The abstract: a labelled summary (摘要：…, 核心提示：…) among the first lines of the body, or
    one of those lines repeated after the article (a page summary the tagger dropped)."""
    body = [line for line in draft.lines if line.zone == "body"]
    opening = [line.text for line in body][:3]
    kept: list[Line] = []
    for line in draft.lines:
        summary = p.SUMMARY.match(line.text) if line.zone == "body" and line.text in opening else None
        if summary and draft.meta.abstract is None and line.text[summary.end() :].strip():
            draft.meta.abstract = line.text[summary.end() :].strip()
            draft.record("summary_label", line)
        else:
            kept.append(line)
    draft.lines = kept
    last = body[-1].number if body else 0
    repeated = [e for e in draft.report.events if e.stage == "tag_lines" and e.line > last and e.before in opening]
    if repeated and draft.meta.abstract is None:
        draft.meta.abstract = repeated[0].before
        draft.report.events.append(Event("take_abstract", "summary_repeat", repeated[0].line, repeated[0].before, None))
    return draft
