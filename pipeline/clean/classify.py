"""Predicates on one line of text: what it looks like, before its neighbours are considered."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.chinese import CONTINUES, HAN_RUN, SENTENCE_END, SENTENCE_MARKS
from pipeline.clean import patterns as p

SEPARATORS = re.compile(r"[|｜]")
MAX_META_CHARS = 100
MAX_TITLE_CHARS = 80
MAX_HEADING_CHARS = 32
MIN_NUMBERED_HAN = 4  # Han characters of a bracketed heading with digits in it (【超100名学生感染】, not 【第2页】)
MAX_CREDIT_CHARS = 40  # a credit or byline line (责任编辑：…, 聯合報／記者…) is at most this long
PARAGRAPH_HAN = 40  # Han characters that make a line running text even without a full stop
MENU_ITEMS = 4  # this many short items in a line, split by spaces, are a menu or a toolbar
MENU_ITEM_CHARS = 4
COLUMN_MARKS = "■□●◆◇▲△▶►◎※★☆"
HEADING_KINDS = tuple(p.HEADING_NUMBERS)


def clear_caches() -> None:
    """Forget the memoised answers (the benchmarks measure cold documents)."""
    for predicate in (han_count, _label_matches, mark_count, is_chrome, is_breadcrumb, is_meta_line,
                      looks_like_paragraph, is_title_like, is_heading_shaped, heading_kind, is_caption):
        predicate.cache_clear()


@lru_cache(maxsize=8192)
def han_count(text: str) -> int:
    """How many Han characters the text has."""
    return sum(map(len, HAN_RUN.findall(text)))


@lru_cache(maxsize=4096)
def is_chrome(text: str) -> bool:
    """A button, menu entry, share bar or footer, or a line without Chinese text."""
    if han_count(text) < 2:
        return True
    if p.CHROME_LINE.match(text):
        return True
    # "首页|新闻|图片|评论|…", "缩小字体 放大字体 收藏 微博 微信": a menu of links, a toolbar.
    items = text.split()
    toolbar = len(items) >= MENU_ITEMS and all(len(item) <= MENU_ITEM_CHARS for item in items)
    return (toolbar or len(SEPARATORS.findall(text)) >= 3) and not is_meta_line(text)


@lru_cache(maxsize=4096)
def is_breadcrumb(text: str) -> bool:
    """A "you are here" trail: 所在位置: 杭州网 > 热点专题, 首页 >> 东区新闻 >> 正文."""
    if len(text) > 60:
        return False
    if p.BREADCRUMB_LEAD.match(text):
        return True
    if p.BREADCRUMB_SEP.search(text) is None:
        return False
    parts = [part for part in p.BREADCRUMB_SEP.split(text) if part]
    return len(parts) >= 2 and any(p.BREADCRUMB_HOME.match(part) for part in parts)


def is_end_marker(text: str) -> bool:
    """A line after which the article is over (related lists, tags, footers, share bars), bars or bullets before
    it aside (| 打印本页 | 关闭窗口)."""
    return p.END_MARKER.match(text.lstrip(BAR_MARKS)) is not None


BAR_MARKS = " |｜·•"  # what a row of buttons may open with


@lru_cache(maxsize=8192)
def mark_count(text: str) -> int:
    """How many sentence marks (，。；！？、) the text has."""
    return sum(map(text.count, SENTENCE_MARKS))


def label_matches(text: str, *, glued: bool = False) -> tuple[re.Match[str], ...]:
    """The metadata labels in a line (发布时间：, 来源：, 作者：, 编辑：…), each a whole word.

    A label may also open the line with a bar (编辑|禤志杰); with `glued`, labels may follow
    the previous value without a space (12:11来源：证券时报网作者：李在山), as in a line known to be metadata.
    """
    if not (glued or any(mark in text for mark in p.LABEL_MARKS)):
        return ()  # every label but a loose one is followed by a colon or a bar
    return _label_matches(text, glued)


@lru_cache(maxsize=8192)
def _label_matches(text: str, glued: bool) -> tuple[re.Match[str], ...]:
    opening = p.LABEL_BAR.match(text)
    found = [opening] if opening else []
    pattern = p.LABEL_LOOSE if glued else p.LABEL
    found += [m for m in pattern.finditer(text, opening.end() if opening else 0)
              if glued or _label_stands_alone(text, m.start())]
    credit = opening or p.WRITTEN_BY.match(text)  # 记者｜张晓明, or a writer's credit: 文｜张晓明
    if credit:  # … 编辑｜李雪: the labels after it that a space opens and a bar follows
        taken = {m.start() for m in found}
        found += [m for m in p.LABEL_BAR.finditer(text, credit.end())
                  if m.start() not in taken and text[m.start() - 1].isspace()]
        found.sort(key=lambda m: m.start())
    return tuple(found)


def meta_labels(text: str, *, glued: bool = False) -> list[str]:
    """The names of the fields (published, source, author, editor, …) a line labels."""
    return [label_field(m) for m in label_matches(text, glued=glued)]


def label_field(match: re.Match[str]) -> str:
    """The field a label match names: published, updated, source, author, editor or views."""
    return next(name for name in p.LABELS if match.group(name) is not None)


def _label_stands_alone(text: str, start: int) -> bool:
    # A label starts the line or follows a space, a separator or a bracket, never mid-word.
    return start == 0 or text[start - 1] in " \t\u3000|｜】]）)（(【[/·•：:，,"


@lru_cache(maxsize=4096)
def is_meta_line(text: str, *, in_header: bool = False) -> bool:
    """A line of metadata: labelled fields, or (next to the title) a date line."""
    if len(text) > MAX_META_CHARS or "。" in text:
        return False
    if meta_labels(text):
        return True
    if in_header and (p.BYLINE.match(text) or p.DOC_NUMBER.match(text) or p.REPOST.match(text)):
        return True
    if in_header:
        return is_date_line(text)
    return False


def is_date_line(text: str) -> bool:
    """A line that starts with a date and has at most labels or an update note beside it."""
    match = p.LEADING_DATE.match(text)
    if not match:
        return False
    rest = text[match.end() :]
    if p.DATE_LINE_REST.match(rest) or meta_labels(rest):
        return True
    # "2024-07-24 08:30 聯合報／ 記者王小明／台北即時報導": an outlet and a byline, no sentence.
    return len(rest) <= MAX_CREDIT_CHARS and not any(mark in rest for mark in "。，！？；,")


def ends_sentence(text: str) -> bool:
    """Whether the text ends with sentence-final punctuation (quotes and brackets included)."""
    return bool(text) and text[-1] in SENTENCE_END


@lru_cache(maxsize=4096)
def looks_like_paragraph(text: str) -> bool:
    """Running text: enough Chinese and sentence punctuation, not a headline or a link."""
    han = han_count(text)
    if han < 8 or is_chrome(text) or is_meta_line(text):
        return False
    marks = sum(map(text.count, "，。；、！？："))
    if ends_sentence(text) and ("。" in text or "，" in text or "," in text or marks >= 1):
        return True
    if text[-1] in "；：;:" and han >= 12:
        return True  # a clause that leads into a list, or a list item
    return han >= PARAGRAPH_HAN and marks >= 3


def bracketed_outlet(text: str) -> str | None:
    """The outlet's name a line prints alone in round brackets ((中時新聞網), （金羊网）), if it is one."""
    match = p.BRACKETED_OUTLET.fullmatch(text)
    return match["outlet"] if match and p.MEDIA_WORDS.search(match["outlet"]) else None


def is_attachment_item(text: str) -> bool:
    """An item of a notice's note of attachments, under 附件： (2.报名表): a short line a number opens."""
    return bool(p.HEADING_NUMBER.match(text) or p.ITEM_BEFORE_YEAR.match(text)) and len(text) <= MAX_CREDIT_CHARS


def attachments_end(texts: Sequence[str], i: int) -> int:
    """Where the note of a notice's attachments on line i ends (附件：1.… and the numbered items under it); i where
    line i is no such note."""
    if i >= len(texts) or not p.ATTACHMENTS.match(texts[i]):
        return i
    k = i + 1
    while k < len(texts) and is_attachment_item(texts[k]):
        k += 1
    return k


SIGNATURE_NAMES = 2  # lines of a notice's issuer's name over its signature's day


def may_close_before_signature(text: str) -> bool:
    """Whether a line of a notice's text may stand right over its signature (the issuer's name over the day): the
    end of a sentence or of a list's item (…；), a numbered item, a contact line (联系人：…) or the note of
    attachments (附件：…)."""
    return bool(text) and (ends_sentence(text) or text[-1] in "；;" or p.HEADING_NUMBER.match(text) is not None
                           or p.ITEM_BEFORE_YEAR.match(text) is not None or is_contact(text)
                           or p.ATTACHMENTS.match(text) is not None)


def is_contact(text: str) -> bool:
    """A notice's contact line (联系人：…, 联系电话：…, 电子邮箱：…), its value shaped as its label says: an e-mail
    address with an @ (not 邮箱：稿件处理, a footer's), a telephone number with digits."""
    label = p.CONTACT.match(text)
    if label is None or len(text) > MAX_CREDIT_CHARS:
        return False
    value = text[label.end() :].split("  ")[0]
    if p.MAIL_LABEL.search(label.group()):
        return "@" in value
    return any(ch.isdigit() for ch in value) if p.NUMBER_LABEL.search(label.group()) else True


def is_day_alone(text: str) -> bool:
    """A day alone as a document's signature prints it, by year, month and day (2024年2月20日, 二〇二四年二月二十日),
    no time."""
    day = p.DATETIME.fullmatch(text) or p.DATE_HAN.fullmatch(text)
    return day is not None and day["hour"] is None and "年" in text


def is_name_alone(text: str) -> bool:
    """People's names alone on their line, as a byline prints them: three Han characters each, a common surname
    first, several parted by 、 (孫小君, 侯小州、張小睿)."""
    names = text.split("、")
    return len(names) <= MAX_BYLINE_NAMES and all(
        len(name) == 3 and han_count(name) == 3 and name[0] in p.SURNAMES for name in names)


MAX_BYLINE_NAMES = 4  # names of a byline's list


def could_be_issuer(text: str) -> bool:
    """A line that may name a notice's issuer (or issuers: 教务处、经济学院): a short name, no sentence, no label (nor
    a contact line's or the note of attachments'), no date, no button."""
    return (han_count(text) >= 2 and len(text) <= MAX_CREDIT_CHARS and mark_count(text) == text.count("、")
            and not (is_chrome(text) or is_end_marker(text) or meta_labels(text, glued=True) or p.CONTACT.match(text)
                     or p.ATTACHMENTS.match(text) or p.DIGIT.search(text) or is_bracketed(text)))


def is_latin_sentence(text: str) -> bool:
    """A sentence in Latin script (an English paragraph quoted in the text): words, no Chinese, a full stop at
    its end; not a button's or a menu's few words."""
    return han_count(text) == 0 and len(text.split()) >= LATIN_SENTENCE_WORDS and text.rstrip("\"'”’)")[-1:] in ".!?"


LATIN_SENTENCE_WORDS = 8


@lru_cache(maxsize=4096)
def is_title_like(text: str) -> bool:
    """A headline: short, Chinese, not a sentence, not furniture."""
    if not 4 <= len(text) <= MAX_TITLE_CHARS or han_count(text) < 4:
        return False
    if text[0] in COLUMN_MARKS or text.endswith(("正文", "首页", "首頁")):
        return False  # a column label (■ 纪检监察) or the end of a breadcrumb (新华网 正文)
    if text[-1] in "。，、；：,;:" or text.count("。") > 0:
        return False
    return not (is_chrome(text) or is_breadcrumb(text) or is_meta_line(text, in_header=True))


def could_be_title(text: str) -> bool:
    """A headline that may be the article's title: not a byline (石佳/中国青年报, BBC中文記者), an
    outlet or a desk alone (新闻中心), a picture credit, a line a dash opens (——副题, a subtitle or an
    attribution: a headline never starts with one), nor one with a web address (a site's name and URL), nor a line of
    credits alone (图文：张晓明, 口述：李大华 整理：张晓明), nor a list of short words (a channel's menu: 帮你约专家
    健康行 青年汇 新媒助政 幸福满家, a tag list)."""
    if (not is_title_like(text) or is_caption(text) or p.REPORT_SUFFIX.search(text) or text.startswith(DASHES)
            or p.WEB_ADDRESS.search(text) or p.CREDITS_ONLY.match(text) or _word_list(text)):
        return False
    if len(text) > 12:
        return True
    credit = p.MEDIA_WORDS.search(text) is not None and any(mark in text for mark in "/／")
    return not (credit or p.DESK.search(text))


DASHES = ("——", "—", "--", "－－")  # opening a subtitle line: ——副题
WORD_LIST_PARTS, WORD_CHARS = 5, 6  # a list of words: this many parts at least, none longer (headlines: 4 at most)


def _word_list(text: str) -> bool:
    parts = text.split()
    return len(parts) >= WORD_LIST_PARTS and max(map(len, parts)) <= WORD_CHARS


def continues_headline(above: str, below: str) -> bool:
    """Whether `below` goes on with a headline broken after `above` (关于做好… / …的通知)."""
    if below.startswith(DASHES) or (below[:1] in "（(" and below[-1:] in "）)"):
        return False  # a subtitle: ——副题, or a 题注 in brackets
    return (above[-1:] in CONTINUES or below[:1] in "的之与和及》”）」、"
            or (p.OFFICIAL_TITLE.match(above + below) is not None and not p.OFFICIAL_TITLE.match(below)))


def is_bracketed(text: str) -> bool:
    """The whole line stands in brackets: a note, a credit, a caption (not a heading)."""
    return text[:1] in "（(【[〔" and text[-1:] in "）)】]〕"


@lru_cache(maxsize=4096)
def heading_kind(text: str) -> str | None:
    """The numbering kind of a numbered heading (chapter, 一、, （一）…), or None."""
    match = p.HEADING_NUMBER.match(text)  # the first kind whose numbering opens the line
    return HEADING_KINDS[match.lastindex - 1] if match and match.lastindex else None


@lru_cache(maxsize=4096)
def is_heading_shaped(text: str) -> bool:
    """Short and unpunctuated enough to be a section heading (neighbours decide the rest)."""
    limit = MAX_HEADING_CHARS + (8 if heading_kind(text) else 0)
    if not 2 <= len(text) <= limit or han_count(text) < 2:
        return False
    if "。" in text or text[-1] in "，、；：,;:…" or p.CAPTION.search(text):
        return False
    if (text[:1] in "“「『\"" and text[-1:] in "”」』\"") or text[-2] in "。！？!?…":
        return False  # a line of dialogue, or a sentence ending inside quotes
    return not (is_chrome(text) or is_meta_line(text))


def is_bracketed_heading(text: str) -> bool:
    """A heading-shaped phrase wholly in 【】 (【扩大本地种植】, 【美国西雅图一大学宿舍区超100名学生感染】), which the
    furniture rules take for a button (【纠错】, 【打印】【关闭】): where it stands decides. Digits are a count's in
    words (超100名), not a page's number or a date (【2】, 【2024-01-05】)."""
    inner = text[1:-1].strip()
    numbered = any(ch.isdigit() for ch in inner)
    return (text[:1] == "【" and text[-1:] == "】" and "】" not in inner and is_heading_shaped(inner)
            and not (numbered and (han_count(inner) < MIN_NUMBERED_HAN or p.DATETIME.search(inner)
                                   or p.DATE_HAN.search(inner))))


def is_fragment(text: str) -> bool:
    """A piece of a sentence cut at a line break, or a quotation's credit: text, not a heading."""
    return p.FRAGMENT.search(text) is not None


MAX_CODE_CHARS = 240  # a longer line is text, not a line of a listing
MAX_CODE_NON_ASCII = 0.3  # share of other characters a line of code may hold (a string, a name) outside comments


def is_code(text: str) -> bool:
    """A line of program code as printed (patterns.CODE_*): a prompt, a statement's keyword, a comment, a
    line closed by a brace or a semicolon, an assignment or a call; mostly ASCII outside comments."""
    if len(text) > MAX_CODE_CHARS:
        return False
    if text in p.CODE_CLOSER or p.CODE_COMMENT.match(text):
        return True
    if len(text) - len(text.encode("ascii", "ignore")) > MAX_CODE_NON_ASCII * len(text):  # characters beyond ASCII
        return False
    return bool(p.CODE_PROMPT.match(text) or p.CODE_KEYWORD.match(text) or p.CODE_END.search(text)
                or p.CODE_SHAPE.match(text))


def is_command(text: str) -> bool:
    """A single line of code that stands alone: a prompt's command or a statement's keyword."""
    return is_code(text) and bool(p.CODE_PROMPT.match(text) or p.CODE_KEYWORD.match(text))


@lru_cache(maxsize=4096)
def is_caption(text: str) -> bool:
    """A photo caption or picture credit."""
    return p.CAPTION.search(text) is not None
