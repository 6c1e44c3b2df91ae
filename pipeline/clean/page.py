"""Stages that find the article in the page and drop everything around and inside it that is not text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.model import Draft, Line
from pipeline.errors import CleaningError

HEADER_LOOKBACK = 3  # lines above a date line where the title may stand
FALLBACK_LOOKBACK = 6  # lines above the main block of text where the title may stand
BODY_LOOKAHEAD = 15  # lines below the header where the first paragraph must start
MIN_HEADLINE_CHARS = 8  # a channel name above a title is shorter (要闻, 地方新闻)
MIN_SUBTITLE_CHARS = 6
MENU_RUN = 3  # this many very short lines in a row are a menu
MENU_LINE_CHARS = 6
QUIET_LABELS = {"register", "views", "updated"}  # labels that may stand inside an article
MAX_CAPTION_CHARS = 150  # a longer line that ends with a picture credit is a paragraph


def trim_whitespace(draft: Draft) -> Draft:
    """Strip indentation (spaces, U+3000, NBSP) and blank lines, remembering both."""
    kept: list[Line] = []
    blank = False
    for line in draft.lines:
        text = line.text.replace("\u00a0", " ").replace("\t", " ").strip()
        if not text:
            if line.text:
                draft.record("trim_whitespace", "blank", line)
            blank = True
            continue
        indented = line.indented or line.text[:1] in (" ", "\u3000", "\u00a0", "\t")
        trimmed = line.having(text=text, indented=indented, blank_before=line.blank_before or blank)
        if text != line.text:
            draft.record("trim_whitespace", "indentation", line, text)
        kept.append(trimmed)
        blank = False
    draft.lines = kept
    return draft


def read_breadcrumb(draft: Draft) -> Draft:
    """Take the site (publisher) and the category (subjects) from the first breadcrumb."""
    if draft.meta.publisher or draft.meta.subjects:
        return draft
    for line in draft.lines:
        if c.is_breadcrumb(line.text):
            publisher, subjects = parse_breadcrumb(line.text)
            draft.meta.publisher = publisher
            draft.meta.subjects = subjects
            draft.record("read_breadcrumb", "breadcrumb", line, line.text)
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


def locate_article(draft: Draft) -> Draft:
    """Find the title, the header's date line and the body; drop the page around them.

    1. The header is the first date or metadata line with a headline just above it and running
       text just below it; without one, the title is the headline above the main block of text.
       Metadata right above the title is kept too, and an official title (关于……的通知) right
       under a metadata block (a government page's register) is the title.
    2. The body runs from the header to the first end marker (a metadata line, a related-articles
       list, tags, a footer) after the first paragraph.
    3. After the end, only metadata lines and repeats of the body (a page summary) are kept.
    """
    texts = [line.text for line in draft.lines]
    place = _place_article(texts, [line.number for line in draft.lines])
    body_texts = {texts[i] for i in range(place.header_end + 1, place.end)}
    kept: list[Line] = []
    in_end_block = True
    for i, line in enumerate(draft.lines):
        if i in place.register and c.is_meta_line(line.text, in_header=True):
            kept.append(line.having(zone="header", role="meta"))
        elif i < place.title:
            draft.record("locate_article", "before_title", line)
        elif i <= place.header_end:
            role = "meta" if i > place.title and c.is_meta_line(line.text, in_header=True) else ""
            kept.append(line.having(zone="header", role=role))
        elif i < place.end:
            labels = set(c.meta_labels(line.text)) if c.is_meta_line(line.text) else set()
            # 原标题：…, 浏览次数：… inside the text are read and dropped; they do not end it.
            kept.append(line.having(zone="body", role="meta" if labels and labels <= QUIET_LABELS else ""))
        elif in_end_block and c.is_meta_line(line.text):
            kept.append(line.having(zone="tail", role="meta"))
        elif line.text in body_texts:
            kept.append(line.having(zone="tail"))
        else:
            if not c.is_chrome(line.text) and i > place.end:
                in_end_block = False
            draft.record("locate_article", "after_article", line)
    draft.lines = kept
    return draft


@dataclass(frozen=True)
class Placement:
    """Where the article stands in the page's lines (indices)."""

    title: int
    header_end: int  # last line of the title and header metadata
    end: int  # first line after the body
    register: range  # metadata lines above the title


def _place_article(texts: Sequence[str], numbers: Sequence[int]) -> Placement:
    paragraphs = [i for i, text in enumerate(texts) if c.looks_like_paragraph(text)]
    if not paragraphs:
        raise CleaningError("no body text found: no line reads as running Chinese text")
    header = _find_header(texts, paragraphs)
    if header is None:
        first_para = _main_block_start(paragraphs, texts)
        title = _nearest_title(texts, first_para, FALLBACK_LOOKBACK)
        if title is None:
            raise CleaningError("cannot tell the title from the navigation", line=numbers[first_para])
        header = (title, title)
    title, header_end = header
    register = None
    below = _official_title_below(texts, header_end)
    if below is not None and not p.OFFICIAL_TITLE.match(texts[title]):
        register = range(title + 1, header_end + 1)
        title, header_end = below
    title = _title_start(texts, title)
    if register is None:
        register = _meta_above(texts, title)
    first_para = next(i for i in paragraphs if i > header_end)
    return Placement(title, header_end, _find_end(texts, first_para, paragraphs), register)


def _find_header(texts: Sequence[str], paragraphs: Sequence[int]) -> tuple[int, int] | None:
    """(title index, last header line index) for the first date/metadata line under a headline."""
    for i, text in enumerate(texts):
        if not c.is_meta_line(text, in_header=True):
            continue
        title = _nearest_title(texts, i, HEADER_LOOKBACK, skip_meta=True)
        if title is None or any(title < k < i for k in paragraphs):
            continue
        end = _header_end(texts, i)
        if any(end < k <= end + BODY_LOOKAHEAD for k in paragraphs):
            return title, end
    return None


def _meta_above(texts: Sequence[str], title: int) -> range:
    """Metadata lines right above the title (some pages print the date line first), furniture between."""
    start = title
    for j in range(title - 1, max(-1, title - HEADER_LOOKBACK - 1), -1):
        if c.is_meta_line(texts[j], in_header=True):
            start = j
        elif not (c.is_chrome(texts[j]) or c.is_breadcrumb(texts[j])):
            break
    return range(start, title)


def _official_title_below(texts: Sequence[str], header_end: int) -> tuple[int, int] | None:
    """(title, last header line) of an official title (关于……的通知) right under a metadata block.

    A government page's register (索引号, 发布机构, 成文日期…) stands above the title it describes.
    """
    below = header_end + 1
    if below >= len(texts) or not p.OFFICIAL_TITLE.match(texts[below]):
        return None
    end = below
    while end + 1 < len(texts) and p.DOC_NUMBER.match(texts[end + 1]):
        end += 1
    return below, end


def _header_end(texts: Sequence[str], first: int) -> int:
    """The last line of a header block: metadata lines, with furniture between them."""
    end = first
    for j in range(first + 1, min(len(texts), first + 6)):
        if c.is_meta_line(texts[j], in_header=True):
            end = j
        elif not c.is_chrome(texts[j]):
            break
    return end


def _nearest_title(texts: Sequence[str], below: int, lookback: int, *, skip_meta: bool = False) -> int | None:
    """The closest headline above line `below`, passing over furniture (and metadata lines)."""
    looked = 0
    j = below - 1
    while j >= 0 and looked < lookback:
        text = texts[j]
        if c.is_title_like(text) and not c.is_caption(text):
            if text.startswith(("——", "—", "--")) and j > 0 and c.is_title_like(texts[j - 1]):
                return j - 1
            return j - 1 if _headline_above(texts, j) else j
        if skip_meta and c.is_meta_line(text, in_header=True):
            j -= 1
            continue
        if not (c.is_chrome(text) or c.is_breadcrumb(text) or c.is_caption(text)):
            looked += 1
        j -= 1
    return None


def _headline_above(texts: Sequence[str], j: int) -> bool:
    """Whether line j is a sub-headline under a title on the line above (not under a list of links)."""
    if j < 1 or len(texts[j]) < MIN_SUBTITLE_CHARS:
        return False
    above = texts[j - 1]
    lone = j < 2 or not (c.is_title_like(texts[j - 2]) and len(texts[j - 2]) >= MIN_HEADLINE_CHARS)
    return c.is_title_like(above) and len(above) >= MIN_HEADLINE_CHARS and lone and not c.is_caption(above)


def _title_start(texts: Sequence[str], title: int) -> int:
    """Move the title's start up a line when the headline is broken over two lines."""
    if title == 0:
        return title
    above, here = texts[title - 1], texts[title]
    broken = c.continues_headline(above, here)
    fits = len(above) + len(here) <= c.MAX_TITLE_CHARS
    if broken and fits and c.is_title_like(above.rstrip(p.CONTINUES) or above):
        return title - 1
    return title


def _main_block_start(paragraphs: Sequence[int], texts: Sequence[str]) -> int:
    """The first line of the longest run of paragraphs (gaps of a few lines allowed)."""
    best_start, best_size = paragraphs[0], 0
    start, size, previous = paragraphs[0], 0, paragraphs[0]
    for i in paragraphs:
        if i - previous > 3:
            start, size = i, 0
        size += len(texts[i])
        previous = i
        if size > best_size:
            best_start, best_size = start, size
    return best_start


def _find_end(texts: Sequence[str], first_para: int, paragraphs: Sequence[int]) -> int:
    """Index of the first line after the body."""
    for j in range(first_para + 1, len(texts)):
        text = texts[j]
        ends = c.is_meta_line(text) and not set(c.meta_labels(text)) <= QUIET_LABELS
        if ends or c.is_end_marker(text):
            return j
    later = [i for i in paragraphs if i >= first_para]
    last = later[0]
    for i in later[1:]:
        if i - last > 8:
            break
        last = i
    return last + 1


def drop_page_chrome(draft: Draft) -> Draft:
    """Drop buttons, share bars, link lines and menus (runs of very short lines) in the article."""
    menu = _menu_runs([line.text for line in draft.lines], [line.role == "meta" for line in draft.lines])

    def rule(index: int, line: Line) -> str | None:
        if line.role == "meta":
            return None
        if index in menu:
            return "menu"
        return "chrome" if c.is_chrome(line.text) else None

    return draft.drop("drop_page_chrome", rule)


def _menu_runs(texts: Sequence[str], meta: Sequence[bool]) -> set[int]:
    short = [
        len(text) <= MENU_LINE_CHARS and not is_meta and not c.heading_kind(text)
        for text, is_meta in zip(texts, meta, strict=True)
    ]
    found: set[int] = set()
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and short[j]:
            j += 1
        if j - i >= MENU_RUN:
            found.update(range(i, j))
        i = max(j, i + 1)
    return found


def drop_repeats(draft: Draft) -> Draft:
    """Drop the title repeated in the body and lines the page shows twice (notices, widgets)."""
    title_forms = {_squash(t) for t in _title_forms(draft) if t}
    counts = Counter(line.text for line in draft.lines if line.zone == "body")

    def rule(_: int, line: Line) -> str | None:
        if line.zone != "body" or line.role == "meta":
            return None
        if _squash(line.text) in title_forms:
            return "title_repeated"
        return "repeated_line" if counts[line.text] > 1 else None

    return draft.drop("drop_repeats", rule)


def _title_forms(draft: Draft) -> list[str]:
    meta = draft.meta
    forms = [meta.title or ""]
    if meta.title and meta.subtitle:
        forms += [f"{meta.title}——{meta.subtitle}", f"{meta.title}{meta.subtitle}"]
    return forms


def _squash(text: str) -> str:
    return "".join(text.split())


def drop_captions(draft: Draft) -> Draft:
    """Drop photo captions and picture credits from the body."""

    def rule(_: int, line: Line) -> str | None:
        caption = line.zone == "body" and line.role != "meta" and c.is_caption(line.text)
        return "caption" if caption and len(line.text) <= MAX_CAPTION_CHARS else None

    return draft.drop("drop_captions", rule)


def take_abstract(draft: Draft) -> Draft:
    """A summary (摘要：…, or the lede repeated after the article) becomes the abstract; leftovers go."""
    opening = [line.text for line in draft.lines if line.zone == "body"][:3]
    kept: list[Line] = []
    for line in draft.lines:
        summary = p.SUMMARY.match(line.text) if line.zone == "body" and line.text in opening else None
        if summary and draft.meta.abstract is None:
            draft.meta.abstract = line.text[summary.end() :].strip()
            draft.record("take_abstract", "summary_label", line)
        elif line.zone != "tail" or line.role == "meta":
            kept.append(line)
        elif line.text in opening and draft.meta.abstract is None:
            draft.meta.abstract = line.text
            draft.record("take_abstract", "summary_repeat", line)
        else:
            draft.record("take_abstract", "after_article", line)
    draft.lines = kept
    return draft
