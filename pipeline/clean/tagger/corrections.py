"""The corrections that overrule the line model where a line's words say what it is, each with a name
(CORRECTIONS) that the decisions it makes record (`by`); RULES run them in order over the model's
decisions, once the title is chosen, and then `credit_read`, which asks the model's credit reader.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence

from pipeline.chinese import FULL_STOPS
from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.read.credits import ROLE, CreditReader, rest_of_page
from pipeline.clean.read.values import byline_by_shape, clock_time, number, without_date
from pipeline.clean.tagger import features as f
from pipeline.clean.tagger.page import Page
from pipeline.clean.tagger.titles import same_headline
from pipeline.clean.types import Decision

CAPTION_DOUBT = 0.8  # a headline-shaped caption less sure than this, over a paragraph, is taken for a heading
FOOTER_LINES = 3  # lines below the article's text where a credit (责任编辑：…) is looked for
FRAME_LINES = 6  # lines above the title where its date is looked for when none stands below it
CHAPTERS = ("part", "chapter", "section")  # numbering that only a heading has (not 一、 or 1. of a list)


def framed_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Between the article's first line of text and the credit that closes it (编辑：…), every line is
    the article's, text, a caption or a section's heading, unless it is furniture (a button, a page list, a
    widget's words: 图集, 正文已结束; not a sentence in English): an article cut into one short line per phrase
    reads as a menu to the model. Program code is the article's too: text between listings is text. Below the last
    line the model read as text, furniture (分享到：, an end marker, 相关阅读：…, a list of pages) closes the frame:
    what follows it is the site's, not the article's."""
    close = page.closing_credit(title)
    body = _body_lines(decisions, CODE)
    if close is None or not body or close - body[-1] > f.CREDIT_REACH:
        return decisions  # a credit far below the last text the model read closes no frame (a poll, related links)
    out = list(decisions)
    for i in range(body[0] + 1, close):
        text, decision = page.texts[i], out[i]
        furniture = ((c.is_chrome(text) and not (c.is_bracketed_heading(text) and _section_heading(page, i))
                      and not c.is_latin_sentence(text)) or c.is_end_marker(text) or p.WIDGET_WORDS.match(text))
        if (furniture or p.LINKS_UNDER_TEXT.match(text)) and i > body[-1]:
            break
        if decision.by == "model" and decision.label == "boilerplate" and not furniture:
            out[i] = overrule(decision, _frame_class(page, i), "text_in_frame")
    return out


def text_around_some_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Where the model finds no text, or only a sliver of the page's densest run of running text (its text lines
    inside the run, with a quarter of its running text or less, in lines and in characters), the article is around
    it: a how-to's short steps under their headings, or a post of short lines between its pictures' captions, read as
    a menu to the model. Around a sliver the whole run is the article's, its furniture aside (a button, a widget's
    words, a line with no Chinese), each of its lines read as `framed_text` reads a line (a caption, a section's
    heading over its paragraph, or text). From the run's ends, or from the line chosen where the model found no text
    (`some_text`), the running text goes on, with its pictures' captions and the sections' headings over its
    paragraphs, up to furniture, metadata or a line that is none of these."""
    seeds = _body_lines(decisions)
    if not seeds:
        return decisions
    first, last = page.main_block
    sliver = title < first <= seeds[0] and seeds[-1] <= last and THIN * len(seeds) <= last - first + 1
    if sliver:  # in lines, then in characters, of the run's running text
        running = [k for k in range(first, last + 1) if page.paragraph[k]]
        sliver = THIN * len(seeds) <= len(running) and THIN * sum(c.han_count(page.texts[i]) for i in seeds) <= sum(
            c.han_count(page.texts[k]) for k in running)
    if not sliver and decisions[seeds[0]].by != "some_text":
        return decisions
    out = list(decisions)
    if not sliver:
        first = last = seeds[0]
    for k in range(first, last + 1):
        text = page.texts[k]
        if out[k].by == "model" and out[k].label == "boilerplate" and not _furniture_in_text(text):
            out[k] = overrule(out[k], _frame_class(page, k), "text_around_some_text")
    for step, k in ((1, last + 1), (-1, first - 1)):
        while title < k < len(out) and out[k].by == "model" and out[k].label == "boilerplate":
            text = page.texts[k]
            if _furniture_in_text(text) or not (page.paragraph[k] or c.is_caption(text) or _section_heading(page, k)):
                break
            out[k] = overrule(out[k], _frame_class(page, k), "text_around_some_text")
            k += step
    return out


THIN = 4  # a sliver of the densest run: a quarter of its running text or less, in lines and in characters


def text_between_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Lines the model calls furniture between two of its lines of text, most of them running text and none of them
    furniture (a button, an end marker, links under their label), are the text's, read as `framed_text` reads them
    (a caption, a section's heading over its paragraph, or text): a writer's spacing (体温 38.5 度, 12 月 7 日) or a
    run of dated entries can make paragraphs read as a menu. On the training pages, 2 of 2,315 lines of running text
    between two lines of text are the site's (a promotion's headline)."""
    out = list(decisions)
    for above, below in itertools.pairwise(_body_lines(decisions)):
        run = [k for k in range(above + 1, below)
               if decisions[k].by == "model" and decisions[k].label == "boilerplate"]
        if not run or any(_furniture_in_text(page.texts[k]) for k in run) or 2 * sum(
                page.paragraph[k] for k in run) <= len(run):
            continue
        for k in run:
            out[k] = overrule(decisions[k], _frame_class(page, k), "text_between_text")
    return out


def _furniture_in_text(text: str, *, by_shape: bool = True) -> bool:
    """Furniture among lines of text: by its words, a button (分享到：), an end marker (相关阅读), a widget's words
    (字号：大 中 小), links under their label (延伸閱讀：…); and, `by_shape`, a line with no Chinese or a menu's
    (facebook, 首页|新闻|图片)."""
    return bool((c.is_chrome(text) if by_shape else p.CHROME_LINE.match(text)) or c.is_end_marker(text)
                or p.WIDGET_WORDS.match(text) or p.LINKS_UNDER_TEXT.match(text))


def _frame_class(page: Page, i: int) -> str:
    """How a line of the article's frame that is no furniture reads: a picture's caption, a section's heading over its
    paragraph, or text."""
    return "caption" if c.is_caption(page.texts[i]) else "heading" if _section_heading(page, i) else "body"


def _section_heading(page: Page, i: int) -> bool:
    """Whether line i of an article's frame is a section's heading: a headline over a paragraph under a sentence
    that ends (furniture and captions between them aside: 01, ▲…), not a phrase of an article cut into one
    phrase a line (目前 / 南沙国际邮轮母港码头工程 / 已进入…) nor a sentence of its own (全！封！闭！)."""
    before = next((k for k in range(i - 1, -1, -1)
                   if not (c.is_chrome(page.texts[k]) or c.is_caption(page.texts[k]))), None)
    return (before is not None and c.ends_sentence(page.texts[before]) and not c.ends_sentence(page.texts[i])
            and _heads_paragraph(page, i))


def _heads_paragraph(page: Page, i: int) -> bool:
    """Whether line i is a headline over a paragraph (a section's heading), not a button, a caption, a stamp, a
    byline or a document's number (国办发〔2018〕15号)."""
    text = page.texts[i]
    return (i + 1 < len(page.texts) and page.paragraph[i + 1]
            and (c.is_heading_shaped(text) or c.is_bracketed_heading(text))
            and not (c.is_end_marker(text) or p.FOLD.match(text) or c.is_caption(text) or _stamp_or_link(text)
                     or _byline(text) or p.DOC_NUMBER.match(text)))


def footer_is_frame(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A line an HTML page's markup places in its footer (a footer element, or one its class or id names footer or
    copyright: the site's address, its contact lines) is the site's, whatever else read it as text: none of the
    training pages' 806 such lines is the article's."""
    out = list(decisions)
    for i, line in enumerate(page.lines):
        hints = line.dom
        if (hints is not None and (hints.region == "footer" or hints.furniture in FOOTER_WORDS)
                and out[i].label in ("body", "heading", "caption")):
            out[i] = overrule(out[i], "boilerplate", "footer_is_frame")
    return out


FOOTER_WORDS = ("footer", "copyright")  # visible_text's furniture words of a page's footer


def site_under_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """The lines the model calls text at the text's end that are the site's are furniture, from the last up: its
    legal notice (a disclaimer, the terms of reprinting, a comment board's rules), related links opened by their
    heading, a link to the item before or after, the article's keywords. The first line of text that is none of these
    ends them (an article may quote such words)."""
    body = _body_lines(decisions)
    out = list(decisions)
    for i in reversed(body[1:]):
        text = page.texts[i]
        if out[i].by != "model" or not _sites_line(text):
            break
        out[i] = overrule(out[i], "boilerplate", "site_under_text")
    return out


def _sites_line(text: str) -> bool:
    """A site's line under an article: its legal notice, related links, a link to the item before or after, the
    article's keywords or a field of its register (原标题：…)."""
    register = p.LABEL.match(text)
    return bool(p.LEGAL_NOTICE.search(text) or p.LINKS_UNDER_TEXT.match(text) or p.SIBLINGS_OR_KEYWORDS.match(text)
                or (register and register.group("register")))


def _running_text(page: Page, i: int) -> bool:
    """Whether line i reads as running text, an editor's tag closing it aside (…資訊。（編輯：陳小華）1131030), or is
    a sentence in English quoted in the text."""
    return (page.paragraph[i] or c.looks_like_paragraph(p.EDITOR_TAG.sub("", page.texts[i]))
            or c.is_latin_sentence(page.texts[i]))


def _led_in_item(page: Page, decisions: Sequence[Decision], i: int) -> bool:
    """Whether line i is an item of a list that a line of text leads into (…应当具备下列条件： / （一）具有完全民事
    行为能力； / （二）…。): it opens with a number and ends a clause, as do the lines between it and that line."""
    k = i
    while k > 0 and p.HEADING_NUMBER.match(page.texts[k]) and page.texts[k][-1] in ITEM_ENDS:
        k -= 1
    return k < i and decisions[k].label == "body" and page.texts[k][-1] in LEAD_IN


ITEM_ENDS = "；;。"  # what ends a list's item that is a clause of the sentence leading into it


def _furniture_under_text(text: str) -> bool:
    """A line under the text that is the site's, a picture's caption or a link (►颱風假薪水怎麼算？), whatever its
    sentences."""
    return _sites_line(text) or c.is_caption(text) or _stamp_or_link(text) or p.LINK_LEAD.match(text) is not None


def text_to_page_end(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A page that ends with its text (the article copied with a button or two under it; the model learnt pages
    with the site's footer under the text): the running text between the model's last line of text and the page's
    end is text, as are the items of a list it leads into, where no more than FOOTER_LINES lines follow it, none
    of them running text but furniture (the site's legal notice, a link); a headline over a paragraph there is the
    last section's heading, where the text above has headings."""
    body = _body_lines(decisions)
    if not body:
        return decisions
    end = body[-1] + 1
    folds = set()  # 展开全文 between the text's halves: a button folding the rest, which stays furniture
    heads = set()  # the last section's heading, on a page whose text has headings
    headed = any(d.label == "heading" for d in decisions[: body[-1]])
    while end < len(page.texts) and decisions[end].by == "model" and decisions[end].label in ("boilerplate", "caption"):
        if p.FOLD.match(page.texts[end]) and end + 1 < len(page.texts) and _running_text(page, end + 1):
            folds.add(end)
        elif headed and _heads_paragraph(page, end) and not _furniture_under_text(page.texts[end]):
            heads.add(end)
        elif not (_running_text(page, end) or _led_in_item(page, decisions, end)) or _furniture_under_text(
                page.texts[end]) or _closing_credit(page.texts[end]):
            break
        end += 1
    rest = range(end, len(page.texts))
    if end - len(folds) - len(heads) == body[-1] + 1 or len(rest) > FOOTER_LINES or any(
            page.paragraph[k] and not _furniture_under_text(page.texts[k]) for k in rest):
        return decisions
    out = list(decisions)
    for i in range(body[-1] + 1, end):
        if i not in folds:
            out[i] = overrule(out[i], "heading" if i in heads else "body", "text_to_page_end")
    return out


def text_past_picture(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """The text going on past a picture the model took for its end: the running text right under a caption under
    the model's last line of text (…的新筆電。 / ▲…（圖／業者提供） / …此次還推出了…。) is text, on through more
    captions and a line of promotion between its paragraphs (更多新聞：…), up to a line that is none of these."""
    body = _body_lines(decisions)
    if not body:
        return decisions
    k, pictured, resumed, between = body[-1] + 1, False, [], 0
    while k < len(page.texts) and decisions[k].by == "model" and page.counts[page.texts[k]] == 1:
        text = page.texts[k]
        if decisions[k].label == "caption" or c.is_caption(text):
            pictured = True
        elif (pictured and decisions[k].label == "boilerplate" and _running_text(page, k)
              and not (_furniture_under_text(text) or _closing_credit(text))):
            resumed.append(k)
            between = 0
        elif resumed and between < PROMOTION_LINES and not page.paragraph[k]:
            between += 1
        else:
            break
        k += 1
    if not resumed:
        return decisions
    out = list(decisions)
    for i in resumed:
        out[i] = overrule(out[i], "body", "text_past_picture")
    return out


PROMOTION_LINES = 1  # lines of promotion between the paragraphs of text going on past a picture


def lead_under_header(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A short page's lead: the running text between the header (the title and the metadata under it) and the
    model's first line of text, no more than FOOTER_LINES lines of it, is text where the model called it furniture
    (a page of two or three paragraphs gives the model little to go on), as is a letter's salutation there (各位业主：,
    尊敬的旅客：) or a notice's addressees (各部门、各单位：) whatever the model called it, and whatever stands over
    them (a widget's 字号：大 中 小)."""
    body = _body_lines(decisions)
    if not body:
        return decisions
    start = title + 1
    while start < body[0] and decisions[start].label == "meta" and not p.SALUTATION.match(page.texts[start]):
        start += 1
    lead = range(start, body[0])
    if lead and not all(decisions[k].by == "model" and (
            p.SALUTATION.match(page.texts[k]) or (decisions[k].label == "boilerplate" and page.paragraph[k]
                                                  and not _furniture_under_text(page.texts[k]))) for k in lead):
        lead = lead[-1:] if p.SALUTATION.match(page.texts[lead[-1]]) else range(0)  # furniture over the salutation
    if not lead or len(lead) > FOOTER_LINES or decisions[lead[-1]].by != "model":
        return decisions
    out = list(decisions)
    for i in lead:
        out[i] = overrule(out[i], "body", "lead_under_header")
    return out


def comment_board(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Under the text's first line, a comment board's heading (热门评论（128）, 最新评论, 已有 8 条评论) and every
    line under it are furniture: readers' comments (国产手机越来越好了，支持！) read as text to the model, and their
    stamps (2018年04月12日 20:06) as the article's date."""
    body = _body_lines(decisions)
    start = next((i for i in range(body[0] + 1, len(page.texts)) if p.COMMENT_BOARD.match(page.texts[i])),
                 None) if body else None
    if start is None:
        return decisions
    out = list(decisions)
    for i in range(start, len(out)):
        if out[i].by == "model" and out[i].label in ("body", "heading", "caption", "meta"):
            out[i] = overrule(out[i], "boilerplate", "comment_board")
    return out


def closing_paragraph(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A paragraph right under the text that ends with its writer's name in brackets (…表达慰问。(书聿)) or its
    editor's tag (…口袋公園。（編輯：李雪）1131120) is the text's last paragraph: a closing credit, not furniture,
    and no line of metadata; and so is running text right under the text that a line ending the article follows
    (…收在233.85美元。 over 相關新聞)."""
    body = _body_lines(decisions)
    below = body[-1] + 1 if body else len(decisions)
    if below >= len(decisions):
        return decisions
    decision, text = decisions[below], page.texts[below]
    ended = (below + 1 < len(decisions) and c.is_end_marker(page.texts[below + 1]) and page.counts[text] == 1
             and not (_furniture_under_text(text) or _closing_credit(text)))
    closed = ((page.paragraph[below] and p.TRAILING_CREDIT.search(text) is not None)
              or (p.EDITOR_TAG.search(text) is not None and _running_text(page, below))
              or (ended and page.paragraph[below] and c.ends_sentence(text)))
    if decision.by != "model" or decision.label not in ("boilerplate", "meta") or not closed:
        return decisions
    out = list(decisions)
    out[below] = overrule(decision, "body", "closing_paragraph")
    return out


def _body_over_day(page: Page, decisions: Sequence[Decision]) -> list[int]:
    """The lines of text, but a day alone the model took for the last (a signature's: the lines over it may still be
    furniture)."""
    body = _body_lines(decisions)
    return body[:-1] if body and c.is_day_alone(page.texts[body[-1]]) else body


def list_goes_on(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """The numbered outline the text ends with goes on under the model's last line of text: under an item that ends
    a clause, a line numbered next in the same way (1.竞赛联系人：…。 / 2.官方网站：http://…) is the list's next item,
    whatever its words; a list numbered from its first item under a line leading into it (…排名如下： / 1、示例甲,
    the text's last line or the one right under it) or under a section's numbered heading (三、研究方向 / 1. …) is
    the text's; and so is the next section numbered on from the text's (四、申请程序 under 三、…, or （六）under
    （五）), with its list, its contact lines and its note of attachments (六、联系方式 / 联系人：… / 附件：…), and an
    item's sentence that the page broke over lines (4.…上岸後 / 應立即戴上口罩，…); unless a line is the site's, a
    caption or a link."""
    body = _body_over_day(page, decisions)
    if not body:
        return decisions
    k = body[-1] + 1
    if k < len(page.texts) and page.texts[k][-1] in LEAD_IN and decisions[k].by == "model" and (
            c.ends_sentence(page.texts[k - 1])):
        k += 1  # the line leading into the list, under the text
    last = page.texts[k - 1]
    sections = _sections(page, title, body)
    item = _next(_item_number(last)) if last[-1] in ITEM_ENDS else None  # 1、…吗？: a list of headlines
    in_section = _is_last_section(sections, _item_number(last))
    opens = last[-1] in LEAD_IN or in_section
    start = k
    while k < len(page.texts) and decisions[k].by == "model" and decisions[k].label != "meta" and not (
            _furniture_under_text(page.texts[k])):
        text = page.texts[k]
        number = _item_number(text)
        if _numbered_on(sections, number):
            assert number is not None
            sections[number[0]] = number[1]  # 四、… under the text's 三、…
            item, opens, in_section = None, True, True
        elif number is not None and (number == item or (opens and number[1] == 1
                                                         and number[0] not in SECTION_KINDS)):
            item, opens = _next(number), False
        elif not ((in_section and _contact(text)) or (item is not None and number is None and _wrapped(page, k))):
            break
        k += 1
    out = list(decisions)
    for i in range(body[-1] + 1, k if k > start else body[-1] + 1):
        out[i] = overrule(out[i], "body", "list_goes_on")
    return out


def _wrapped(page: Page, i: int) -> bool:
    """Whether line i goes on with the sentence of the line over it, which a page broke mid-clause (…上岸後 /
    應立即戴上口罩，… / 距離，並避免群聚交談。): the sentence ends within WRAPPED_LINES lines, none of them numbered
    or furniture (a list of names, 3、示例丙 / 其他名次, ends no sentence)."""
    if c.ends_sentence(page.texts[i - 1]) or page.texts[i - 1][-1] in ITEM_ENDS + LEAD_IN:
        return False
    for text in page.texts[i : i + WRAPPED_LINES]:
        if _item_number(text) or _furniture_in_text(text):
            return False
        if c.ends_sentence(text) or text[-1] in ITEM_ENDS:
            return True
    return False


WRAPPED_LINES = 3  # lines a page breaks one sentence of a list's item over, at most


def contact_under_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Contact lines right under the text's last line (联系人：张老师 / 联系电话：… / 附件：报名表.docx) are a notice's,
    where the text does not end with a signature's day: a site's footer prints the same labels under its menus
    (on the training sites, none right under the text)."""
    body = _body_lines(decisions)
    if not body:
        return decisions
    above = body[-1]
    while above > 0 and _contact(page.texts[above]):  # the contact lines the model took for text already
        above -= 1
    if c.is_day_alone(page.texts[above]):
        return decisions
    out = list(decisions)
    for k in range(body[-1] + 1, min(len(page.texts), body[-1] + 1 + CONTACT_LINES)):
        text = page.texts[k]
        if not (decisions[k].by == "model" and decisions[k].label != "meta" and _contact(text)):
            break
        out[k] = overrule(decisions[k], "body", "contact_under_text")
    return out


def _contact(text: str) -> bool:
    """A notice's contact line or note of its attachments (联系电话：…, 附件：…)."""
    return c.is_contact(text) or (p.ATTACHMENTS.match(text) is not None and len(text) <= c.MAX_CREDIT_CHARS)


CONTACT_LINES = 8  # a notice's contact lines and note of attachments under its text, at most


def _sections(page: Page, title: int, body: Sequence[int]) -> dict[str, int]:
    """The last number of each kind of section numbering under the title down to the text's last line, headings and
    lines of text (一、…, （一）…)."""
    found: dict[str, int] = {}
    for i in range(title + 1, body[-1] + 1):
        number = _item_number(page.texts[i])
        if number is not None and number[0] in SECTION_KINDS:
            found[number[0]] = number[1]
    return found


def _is_last_section(sections: Mapping[str, int], number: tuple[str, int] | None) -> bool:
    """Whether a line's numbering is the text's last section's (三、… where the text's sections end at 三)."""
    return number is not None and sections.get(number[0]) == number[1]


def _numbered_on(sections: Mapping[str, int], number: tuple[str, int] | None) -> bool:
    """Whether a line's numbering goes on from the text's sections (四、… after 三、…)."""
    return number is not None and number[0] in sections and number[1] == sections[number[0]] + 1


def _item_number(text: str) -> tuple[str, int] | None:
    """A list item's numbering: its kind (1. or 一、 or （一）) and its value."""
    kind = c.heading_kind(text) or ("arabic-number" if p.ITEM_BEFORE_YEAR.match(text) else None)
    if kind not in ITEM_KINDS:
        return None
    value = p.ITEM_VALUE.match(text)
    return (kind, number(value[1])) if value else None


def _next(item: tuple[str, int] | None) -> tuple[str, int] | None:
    return (item[0], item[1] + 1) if item else None


ITEM_KINDS = ("han-number", "bracket-number", "arabic-number")  # a list's numbering (a chapter's is a heading's)
SECTION_KINDS = ("han-number", "bracket-number")  # a notice's sections: 一、…, （一）…


def signature(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A notice's signature (落款) right under its text: the issuer's name on a line or two and the day alone under
    it (市教育局 / 2024年2月20日) close the text, under its last sentence or list item, and so do the contact lines
    and the note of attachments printed between them (联系人：…, 附件：1.培训日程安排 / 2.报名表). Where a metadata
    line is dated only (the day itself, or another): a day alone under the text of a page without one is its date
    (`date_under_text`); the metadata reader takes a signature's day where the page prints no other."""
    body = _body_over_day(page, decisions)
    if not body or not c.may_close_before_signature(page.texts[body[-1]]) or not _dated_meta(page, decisions):
        return decisions
    contact = body[-1] + 1
    while contact < len(page.texts) and c.is_contact(page.texts[contact]):
        contact += 1  # 联系人：…, 电子邮箱：…: the notice's, where its signature is under them
    end = c.attachments_end(page.texts, contact)
    for day in range(end + 1, min(end + 1 + c.SIGNATURE_NAMES, len(decisions))):
        names = range(end, day)
        if not c.is_day_alone(page.texts[day]):
            continue
        if all(c.could_be_issuer(page.texts[k]) and decisions[k].label != "body" for k in names) and all(
                decisions[k].by == "model" for k in range(body[-1] + 1, day + 1)):
            out = list(decisions)
            for k in range(body[-1] + 1, day + 1):
                out[k] = overrule(out[k], "body", "signature")
            return out
        break
    return _signature_further_down(page, decisions, title, body)


def _signature_further_down(page: Page, decisions: list[Decision], title: int, body: list[int]) -> list[Decision]:
    """A notice's signature further under the model's last line of text (up to SIGNATURE_REACH lines): the issuer's
    name over the day alone, and every line between them and the text, are the notice's where the text's numbered
    outline goes on among them (二、征集时间 under the text's 一、…: its later sections, their items and contact lines)
    and none of them is furniture."""
    last = body[-1]
    sections = _sections(page, title, body)
    for day in range(last + 2, min(last + 1 + SIGNATURE_REACH, len(decisions))):
        if not c.is_day_alone(page.texts[day]) or not c.could_be_issuer(page.texts[day - 1]):
            continue
        between = range(last + 1, day + 1)
        outlined = any(_numbered_on(sections, _item_number(page.texts[k])) for k in between)
        if outlined and all(decisions[k].by == "model" and decisions[k].label != "meta" and not (
                (c.is_chrome(page.texts[k]) and page.texts[k].strip(ELLIPSIS_MARKS))  # ……: a list going on
                or _furniture_under_text(page.texts[k])) for k in between[:-1]):
            out = list(decisions)
            for k in between:
                out[k] = overrule(out[k], "body", "signature")
            return out
        break
    return decisions


SIGNATURE_REACH = 20  # lines under the model's last line of text where a notice's signature is looked for
ELLIPSIS_MARKS = ".…。·"  # a line of them alone says a list goes on


def credit_lines(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Metadata the words show: between the title and the text, a date line (and a time alone under it), a
    byline (one with no role word by its shape: 中廣新聞／楊菁惠; a name alone beside other metadata: 孫小君), a
    labelled field or an outlet's name printed once or between other metadata and a name (中國時報, 旺報; 示例時報
    / 吳小觀), and a short line of a date and a labelled field or a writer's credit that the model took for the
    text's first (… 08:51来源： 华龙网, 作者：Steed(…)); just below the text, a closing credit (`_closing_credit`).
    The model may call them boilerplate (a site's own layout), but their values are read by rules."""
    body = _body_lines(decisions)
    if not body:
        return decisions
    first = body[0]
    out = list(decisions)
    for i in [*range(title + 1, first + 1), *_under_text(body, len(out))]:
        text, decision = page.texts[i], out[i]
        if decision.by != "model" or decision.label == "meta" or (
                page.paragraph[i] and i != first and not (i > first and c.is_bracketed(text))):  # (供稿：…)
            continue
        if i == first:  # the text's first line: a short date and a labelled field (08:51来源： 华龙网), or a credit
            credit = (f.dated_any(text) and bool(c.meta_labels(text, glued=True))) or _credit_opening(text)
        elif i < first:
            credit = (c.is_meta_line(text, in_header=True) or f.dated_any(text) or bool(p.REPORT_BYLINE.match(text))
                      or byline_by_shape(text) is not None
                      or (clock_time(text) is not None and out[i - 1].label == "meta")  # 11:51 under 2024.08.05
                      or (c.is_name_alone(text) and "meta" in (out[i - 1].label, out[i + 1].label))  # 孫小君
                      or bool(f.media_name(text) and not any(ch.isspace() for ch in text) and (
                          page.counts[text] == 1 or (out[i - 1].label == "meta" and i + 1 < len(out)
                                                     and c.is_name_alone(page.texts[i + 1])))))  # 示例時報 / 吳小觀
        else:  # a closing credit, or the name under its label alone (撰文： / 王小明: table cells a line each)
            credit = _closing_credit(text) or (c.is_name_alone(text) and _label_alone(page.texts[i - 1]))
        if credit:
            out[i] = overrule(decision, "meta", "credit_words")
    return out


def past_closing_credit(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Another article further down the page (a sponsored story, the next article a page scrolls on to, a list of
    stories with their summaries): the text, headings and captions past the credit closing the article's text
    (責任編輯：…) or a line saying it is over (related links, the tags) and a run of SECOND_ARTICLE_GAP lines of
    furniture or more, or past a run of FAR_GAP lines of furniture under the text with neither, are not the
    article's."""
    body = _body_lines(decisions)
    if len(body) < MIN_ARTICLE_LINES:
        return decisions
    for above, (before, after) in enumerate(itertools.pairwise(body), start=1):
        if after - before - 1 < SECOND_ARTICLE_GAP or above < MIN_ARTICLE_LINES:
            continue
        between = range(before + 1, after)
        ended = any((decisions[k].label == "meta" and _closing_credit(page.texts[k])) or _article_over(page.texts[k])
                    for k in between)
        furniture = sum(decisions[k].label == "boilerplate" for k in between)
        if (ended and furniture >= SECOND_ARTICLE_GAP) or furniture >= FAR_GAP:
            out = list(decisions)
            for i in range(after, len(out)):
                if out[i].label in ("body", "heading", "caption"):
                    out[i] = overrule(out[i], "boilerplate", "past_closing_credit")
            return out
    return decisions


SECOND_ARTICLE_GAP = 12  # lines of furniture between an article's closing credit and another article's text
FAR_GAP = 36  # lines of furniture between the text and another's, with no closing credit between
MIN_ARTICLE_LINES = 3  # lines of text an article has above the furniture, for text under it to be another's


def _article_over(text: str) -> bool:
    """Whether a line under the text says the article is over: an end marker (相关新闻, 上一篇：…, #標籤) or the
    site's line (related links under their label, its legal notice)."""
    return c.is_end_marker(text) or _sites_line(text)


def _closing_credit(text: str) -> bool:
    """Whether a line under the text is a short labelled credit (责任编辑：…, 【编辑：…】, 网络编辑:…), an editor's in
    brackets ((陈巍 编辑)), one that names the text's source (（供稿：宣传部）, 摘自《示例周刊》) or an outlet's name
    alone in brackets ((中時新聞網))."""
    return len(text) <= c.MAX_CREDIT_CHARS and (
        bool(c.meta_labels(text, glued=True)) or p.EDITOR_TAG.search(text) is not None
        or p.EDITOR_CREDIT.match(text) is not None or p.SOURCE_CREDIT.search(text) is not None
        or c.bracketed_outlet(text) is not None)


def _credit_opening(text: str) -> bool:
    """Whether a line opens with a writer's or a source's label (作者：Steed(…), 来源：…), not a speaker's
    (记者：…？ opens an interview's question)."""
    label = _opening_label(text)
    return label is not None and c.label_field(label) in ("author", "source") and not (
        label["label"].startswith(("记者", "記者")))


def _label_alone(text: str) -> bool:
    """Whether a line is a metadata label alone (撰文：, 責任編輯:), its value on the next line."""
    label = _opening_label(text)
    return label is not None and label.end() == len(text.rstrip())


def _opening_label(text: str) -> re.Match[str] | None:
    """The metadata label a line opens with, if any."""
    labels = c.label_matches(text)
    return labels[0] if labels and labels[0].start() == 0 else None


def credit_read(page: Page, decisions: list[Decision], title: int, reader: CreditReader) -> list[Decision]:
    """Between the title and the text, or just under the text, a short line the model calls furniture in which
    the credit reader finds an outlet or a name is metadata: a byline without a label or role word (中廣新聞／楊菁惠,
    (李艳 撰稿)) that the rules of `credit_lines` cannot tell from a menu; above the text, a writer's credit the model
    calls a caption too (文/张晓明 图/李雪). The reader learned the furniture above
    the text as well as the credits (trained on the furniture under it too, it read fewer outlets right); a line
    the page prints again (a share button, a menu word) is furniture whatever it reads as, and so is a line with
    furniture on both sides (进入财经社区 between 热点排行 and 相关新闻: a byline stands by the title, the date or the
    text). Under the text only a line shaped like a closing credit is asked, and only for people: an outlet's name
    there is a button or a link."""
    body = _body_lines(decisions)
    if not body:
        return decisions
    out = list(decisions)
    for i in (*range(title + 1, body[0]), *_under_text(body, len(out))):
        text, decision = page.texts[i], out[i]
        under = i > body[-1]
        credited = not under and p.WRITTEN_BY.search(text) is not None  # 文/张晓明 图/李雪: no picture's caption
        asked = ("boilerplate", "caption") if credited else ("boilerplate",)
        if (decision.by != "model" or decision.label not in asked or not may_be_credit(page, i)
                or page.counts[text] > 1 or (under and not _closing_credit_shaped(text))  # a byline is printed once
                or (not under and _amid_furniture(out, i))):
            continue
        naming = PEOPLE if under else NAMING
        if any(span.tag in naming for span in reader.read(text, rest_of_page(page.texts, text))):
            out[i] = overrule(decision, "meta", "credit_read")
    return out


def dek_over_credits(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A line the model calls text right under the title and over the credits (a date line, a byline), ending no
    sentence and no picture's caption, is the headline's dek, its subtitle (因资金不足导致改造停滞，…；目前已完成招商
    over 2026年3月12日 / 本报记者王小明长沙报道)."""
    i = title + 1
    if i + 1 >= len(decisions):
        return decisions
    text, decision = page.texts[i], decisions[i]
    if (decision.by != "model" or decision.label != "body" or decisions[i + 1].label != "meta"
            or c.ends_sentence(text) or len(text) > DEK_CHARS or c.is_caption(text)):
        return decisions
    out = list(decisions)
    out[i] = overrule(decision, "title", "dek_over_credits")
    return out


DEK_CHARS = 60  # a dek under a headline is at most this long; a longer line is the text's lead


def _amid_furniture(decisions: Sequence[Decision], i: int) -> bool:
    """Whether the lines on both sides of line i are furniture."""
    return 0 < i < len(decisions) - 1 and decisions[i - 1].label == decisions[i + 1].label == "boilerplate"


def may_be_credit(page: Page, i: int) -> bool:
    """A short line that does not read as running text: where a byline without a label may stand under the title
    (`credit_read` reads such lines; the credit reader is trained on them, furniture included)."""
    return not page.paragraph[i] and len(page.texts[i]) <= c.MAX_CREDIT_CHARS


def _closing_credit_shaped(text: str) -> bool:
    """A credit under the text is bracketed ((李艳 撰稿)), opens with a role word (記者…, 責任編輯 呂放, 文 官嘉盈)
    or ends with what was done (…嘉義報導); a related headline or a list's title (最新文章) does neither."""
    return c.is_bracketed(text) or bool(ROLE.match(text) or p.NAME_END.search(text))


def _under_text(body: Sequence[int], lines: int) -> range:
    """The FOOTER_LINES lines under the text's last line, where a closing credit or the date may stand."""
    return range(body[-1] + 1, min(lines, body[-1] + 1 + FOOTER_LINES))


NAMING = ("OUTLET", "AUTHOR", "EDITOR")  # the reader's tags that name someone (a date alone may be a stamp)
PEOPLE = ("AUTHOR", "EDITOR")


def _doubtful_lead(page: Page, decisions: list[Decision], i: int, first: int) -> bool:
    """Whether line i, a caption the model doubts, stands between the header (the title or a metadata line just
    above it) and the text's first line: the text's lead."""
    return (i == first - 1 and i > 0 and decisions[i].confidence < CAPTION_DOUBT
            and decisions[i - 1].label in ("title", "meta"))


def heading_words(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """What a heading's words say: a labelled credit (《棱镜》作者 周纯), a byline or a document's number is metadata,
    a button (facebook) is boilerplate (as is a line of text that is a widget's words, 字号：大 中 小, or a link
    under its label, 延伸閱讀：…), a piece of a sentence (因为) inside the text is text; and a chapter, part or
    section number (第二章　…) between lines of text or right over the first makes a heading, as does a headline over
    a paragraph (one the model called furniture, a caption it was unsure of or that stands under a heading, or,
    unsure, text or metadata that names nothing: metadata numbered as a section, 一、…, names none, sure or not), a
    phrase in 【】 among them (【扩大本地种植】: no button there)."""
    body = _body_lines(decisions)
    out = list(decisions)
    styles = {_heading_style(t) for t, d in zip(page.texts, decisions, strict=True) if d.label == "heading"} - {None}
    for i, decision in enumerate(out):
        text = page.texts[i]
        if decision.by != "model":
            continue
        if i > title and same_headline(page.texts[title], text):  # never a heading: furniture, or a caption
            if decision.label in ("heading", "body"):
                out[i] = overrule(decision, "boilerplate", "headline_repeated")
            continue
        if decision.label == "heading" and len(text) <= c.MAX_CREDIT_CHARS and (
                c.meta_labels(text, glued=True) or _byline(text) or p.DOC_NUMBER.match(text)
                or (p.REPORTED.search(text) and f.dated_any(text))):  # 示例网2014.10.24 示例名/高雄報導: a dateline
            out[i] = overrule(decision, "meta", "heading_is_credit")
        elif decision.label == "heading" and ((c.is_chrome(text) and not text.isdigit()  # 01: a numbered part
                                               and not (c.is_bracketed_heading(text) and _heads_paragraph(page, i)))
                                              or c.is_end_marker(text) or p.WIDGET_WORDS.match(text)
                                              or _stamp_or_link(text)):
            out[i] = overrule(decision, "boilerplate", "heading_is_button")
        elif decision.label == "body" and ((not page.paragraph[i] and p.CHROME_LINE.match(text))
                                           or p.LINKS_UNDER_TEXT.match(text)):
            out[i] = overrule(decision, "boilerplate", "body_is_button")
        elif decision.label == "heading" and body and i < body[-1] and (
                (body[0] < i and (c.is_fragment(text) or p.CONTACT.match(text))) or _leads_in(text)):
            out[i] = overrule(decision, "body", "heading_is_fragment")
        elif decision.label == "caption" and body and (body[0] < i or _doubtful_lead(page, out, i, body[0])) and (
                (i < body[-1] and page.paragraph[i] and ("，" in text or text.endswith("；"))
                 and not c.is_caption(text)) or _text_with_writers_credit(page, i)):
            out[i] = overrule(decision, "body", "caption_is_text")
        elif (decision.label != "heading" and body and title < i < body[-1] and (body[0] < i or i + 1 == body[0])
              and (c.heading_kind(text) in CHAPTERS or _decimal_section(page, out, i)) and c.is_heading_shaped(text)):
            out[i] = overrule(decision, "heading", "chapter_number")
        elif ((decision.label == "boilerplate" or (decision.label == "caption" and (
                decision.confidence < CAPTION_DOUBT or (i > 0 and out[i - 1].label == "heading")  # a heading's deck
                or _heading_style(text) in styles))  # marked as the page's headings are
               or (decision.label == "body" and decision.confidence < CAPTION_DOUBT and not page.paragraph[i]
                   and not c.is_fragment(text))
               or (decision.label == "meta" and (decision.confidence < CAPTION_DOUBT or p.HEADING_NUMBER.match(text))
                   and not f.dated_any(text) and not c.is_meta_line(text, in_header=True)))
              and body and (body[0] <= i or (i + 1 == body[0] and c.heading_kind(text) in SECTION_KINDS))
              and i < body[-1] and out[i + 1].label == "body" and _heads_paragraph(page, i)):
            out[i] = overrule(decision, "heading", "headline_over_text")
    return out


def _decimal_section(page: Page, decisions: Sequence[Decision], i: int) -> bool:
    """Whether line i names a section numbered in decimals (1.1 示例目的) over the section's text: no field of a
    list's item (7.2 截止时间：…), nor an item of a list of them."""
    text = page.texts[i]
    return (bool(p.DECIMAL_SECTION.match(text)) and not any(mark in text for mark in p.COLONS)
            and not c.ends_sentence(text) and i + 1 < len(decisions) and decisions[i + 1].label == "body"
            and not p.DECIMAL_SECTION.match(page.texts[i + 1]))


def _heading_style(text: str) -> str | None:
    """How a line is marked as a heading may be: the kind of its number (1., 一、) or the mark opening it (■, ◆, ▶);
    None for neither (a letter, a bracket or a quote opening it)."""
    mark = text[:1]
    return c.heading_kind(text) or (mark if mark and not mark.isalnum() and not mark.isspace()
                                    and mark not in HEADING_MARK_EXCEPT else None)


HEADING_MARK_EXCEPT = "（(【[“「『《\"'"  # an opening bracket or quote is no mark of a heading


def _leads_in(text: str) -> bool:
    """A sentence's opening that a colon leads into the text: an official document's addressees (各区、县（市）人民
    政府，市政府各部门：), never a heading (a heading with a colon has no clauses: 核心提示：)."""
    return text[-1] in p.COLONS and any(mark in text for mark in "，,；")


def _text_with_writers_credit(page: Page, i: int) -> bool:
    """Running text of sentences closed by its writers' credit in brackets, a picture's maker beside them (…高尚行為。
    （記者 李慧婷/文 通訊員 史貝貝/圖）): text, though the credit names a picture; not a caption's text (圖為…), nor a
    caption closed by the picture's credit alone ((圖／翻攝自 中央氣象局))."""
    text = page.texts[i]
    closing = p.CLOSING_CREDIT.search(text)
    if not (page.paragraph[i] and closing and p.WRITER_CREDIT.search(closing["credit"])):
        return False
    core = text[: closing.start()]
    return "。" in core and "，" in core and not c.is_caption(core)


def _byline(text: str) -> bool:
    """A byline (記者陳鈞凱／台北報導, 本报记者 于涛, 中廣新聞／楊菁惠): never a heading."""
    return p.BYLINE.match(text) is not None or byline_by_shape(text) is not None


def _stamp_or_link(text: str) -> bool:
    """A post's stamp (胡任标今天 12:08:48) or a link's arrow (更多>>农业): never in a heading."""
    return p.STAMP.search(text) is not None or p.LINK_ARROW.search(text) is not None


def overrule(decision: Decision, label: str, correction: str) -> Decision:
    """The decision a correction makes instead of the model's (named in CORRECTIONS)."""
    assert correction in CORRECTIONS, correction
    return Decision(label, decision.confidence, correction)


CODE = "code"  # program code, kept as printed: a class that corrections and sidecars give, never the model
LEAD_IN = "：:"  # a line of text ending so leads into what follows it (a command to type)


def code_between_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Program code in the article (a listing, a command to type) is kept as code, whatever the model said:
    a run of two lines of code or more (classify.is_code) below the title with text after it (a line the
    model calls text, or a paragraph right under the run, above the closing credit), or right after
    a line of text that leads into it (…如下：); a single command or statement when a line of text leads into
    it; on an HTML page, the lines of a <pre> there, whatever they read as. (Runs before the other
    corrections, which would take a comment in a listing for text.)"""
    body = _body_lines(decisions)
    if not body:
        return decisions
    out = list(decisions)
    i, end = title + 1, len(out)
    close = page.closing_credit(title)
    while i < end:
        if not _codeable(page, out, i):
            i += 1
            continue
        j = i
        while j < end and _codeable(page, out, j):
            j += 1
        led_in = out[i - 1].label == "body" and page.texts[i - 1][-1] in LEAD_IN
        # Text goes on after the run: the model's, or a paragraph right under it above the article's closing credit
        # (a site's script under the credit, 责任编辑：…, is furniture whatever comes after it).
        inside = body[-1] >= j or (j < end and page.paragraph[j] and (close is None or j < close))
        preformatted = all(_in_pre(page, k) for k in range(i, j))  # an HTML page's <pre>: code as its markup says
        if ((j - i >= 2 or preformatted) and (inside or led_in)) or (
                j - i == 1 and led_in and c.is_command(page.texts[i])):
            for k in range(i, j):
                out[k] = overrule(out[k], CODE, "code_between_text")
        i = j
    return out


def date_over_title(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A page whose header block prints no date under its title may print it above (a breadcrumb with the
    day, 自由電子報 > 生活 2012年1月12日‧星期四): where no metadata line has a date, the nearest short dated line
    among the few above the title is metadata. So is a dated line right under the title that is no sentence, however
    long (a blog's 28 March 2009 Categoried in 示例 13 Preview : 282 …, 发表于 2019-12-18 分类于 甲 ， 乙): on the
    training pages all 221 such lines are metadata."""
    if not _dated_meta(page, decisions):
        for i in range(title + 1, min(title + 1 + UNDER_TITLE_LINES, len(page.texts))):
            text = page.texts[i]
            if (decisions[i].by == "model" and decisions[i].label == "boilerplate" and without_date(text) is not None
                    and not (c.ends_sentence(text) or "。" in text or page.paragraph[i])):
                return [*decisions[:i], overrule(decisions[i], "meta", "date_over_title"), *decisions[i + 1 :]]
    return _dated_line(page, decisions, range(title - 1, max(-1, title - 1 - FRAME_LINES), -1), "date_over_title")


UNDER_TITLE_LINES = 2  # lines right under the title where a dated line is the article's stamp


def date_under_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A page that prints no date around its title may print it under the text ((2012-01-17 20:00)  晚間新聞):
    where no metadata line has a date, the first short dated line among the few under the text is metadata, and so
    is the text's last line where it is one (发布于 2024-11-20 08:03・IP 属地北京: no sentence). Not under an end
    marker: the items of a related list (相关新闻) print their own dates, nor under a comment board's heading: its
    comments do."""
    body = _body_lines(decisions)
    if not body:
        return decisions
    last = body[-1:] if len(body) > 1 else []
    under = list(itertools.takewhile(lambda i: not (c.is_end_marker(page.texts[i]) or p.COMMENT_BOARD.match(
        page.texts[i])), _under_text(body, len(decisions))))
    return _dated_line(page, decisions, [*last, *under], "date_under_text")


def _dated_line(page: Page, decisions: list[Decision], places: Iterable[int], rule: str) -> list[Decision]:
    """Where no metadata line has a date, the first short dated line of `places` that the model decided is
    metadata, by `rule`."""
    if _dated_meta(page, decisions):
        return decisions
    found = next((i for i in places if f.dated_any(page.texts[i]) and decisions[i].by == "model"
                  and not (page.paragraph[i] and c.looks_like_paragraph(without_date(page.texts[i]) or ""))), None)
    if found is None:
        return decisions
    out = list(decisions)
    out[found] = overrule(decisions[found], "meta", rule)
    return out


def _dated_meta(page: Page, decisions: Sequence[Decision]) -> bool:
    """Whether a line decided to be metadata has a date: the page prints its date."""
    return any(d.label == "meta" and f.dated_any(page.texts[i]) for i, d in enumerate(decisions))


def spoken_lines(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Inside the text, a labelled line that is a sentence of clauses is what someone said, not a credit, and so
    is a question there or on the line right over or under the text: an interview's question (记者：这次评级下调
    对欧美股市没有带来影响，那么是否会对A股构成影响？, 记者：学校有哪些新举措？). Run before the corrections that
    read where the text begins and ends."""
    body = _body_lines(decisions)
    out = list(decisions)
    for i in range(max(title + 1, body[0] - 1), min(len(out), body[-1] + 2)) if body else ():
        text, decision = page.texts[i], out[i]
        clauses = ("，" in text or "," in text) and body[0] < i < body[-1]
        asked = text[-1] in QUESTION_MARKS and not _register_field(text)  # 原标题：…为何…？ is the register's
        if decision.by == "model" and decision.label == "meta" and c.ends_sentence(text) and (
                clauses or asked) and not c.is_bracketed(text):  # （作者：张三，系某大学教授）: a credit
            out[i] = overrule(decision, "body", "spoken_line")
    return out


QUESTION_MARKS = "？?"  # what ends a question, which no credit does


def _register_field(text: str) -> bool:
    """Whether a line opens with a label of the page's register (原标题：…, 关键词：…)."""
    label = _opening_label(text)
    return label is not None and c.label_field(label) == "register"


def _codeable(page: Page, decisions: Sequence[Decision], i: int) -> bool:
    """A line the model decided that reads as code, or stands in an HTML page's <pre> (not the title, nor a line
    a sidecar fixed)."""
    return decisions[i].by == "model" and decisions[i].label not in ("title", "meta") and (
        c.is_code(page.texts[i]) or _in_pre(page, i))


def picture_caption(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A line the model calls metadata that is a picture's caption with a sentence in it (图为手艺人正在印制年画。记者
    李大华 摄) is a caption: its photographer is not the article's writer (on the training sites such lines are all
    captions, text or furniture)."""
    out = list(decisions)
    for i, decision in enumerate(decisions):
        text = page.texts[i]
        if (decision.by == "model" and decision.label == "meta" and c.is_caption(text)
                and any(mark in text for mark in FULL_STOPS)):
            out[i] = overrule(decision, "caption", "picture_caption")
    return out


def marked_caption(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A line an HTML page's markup marks as a caption (<figcaption>, or a line printing the alt text of the
    picture right over it; a data table's <caption> is the table's title, not a line) that the model calls text or
    a heading is a caption: the training pages, of 2011–12, print their captions in plain blocks, and the model
    learnt nothing of the element. (Under a thumbnail, a related story's headline prints its alt text too: not
    the article's text either.) So is a line a picture's pointer opens (▲國民黨總統參選人侯友宜。, ■周慧明感謝哥哥
    生前提攜。)."""
    out = list(decisions)
    for i, decision in enumerate(decisions):
        hints = page.lines[i].dom
        if decision.by == "model" and decision.label in ("body", "heading") and (
                (hints is not None and hints.element == "caption") or page.texts[i].startswith(p.PICTURE_POINTERS)):
            out[i] = overrule(decision, "caption", "marked_caption")
    return out


def marked_heading(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A line an HTML page's markup marks as a heading (<h1>–<h6>) inside the text, over one of the model's lines of
    text (the next line or the one after it), outside the page's frame (a menu, a header, a sidebar, a footer, an
    element named as furniture: 热门, comment) and not all a link, is a section's heading whatever the model said (the
    training pages, of 2011–12, seldom mark one: all 4 such lines there are headings, as are 58 of 59 on the outside
    batches whose renderings keep the markup), unless it is furniture by its words (分享到：, 相关阅读: a heading may
    be a word in Latin script, GET) or the article's stamp or credit (<h4>2014年5月21日</h4>, a line the model calls
    metadata)."""
    body = _body_lines(decisions)
    out = list(decisions)
    for i in range(body[0] + 1, body[-1]) if body else ():
        hints, text = page.lines[i].dom, page.texts[i]
        if (hints is not None and hints.element in HEADING_ELEMENTS and hints.region not in FRAME_REGIONS
                and not hints.furniture and hints.links != "all" and decisions[i].by == "model"
                and decisions[i].label not in ("heading", "meta") and _over_text(decisions, i)
                and not _furniture_in_text(text, by_shape=False) and not f.dated_any(text)):
            out[i] = overrule(decisions[i], "heading", "marked_heading")
    return out


def _over_text(decisions: Sequence[Decision], i: int) -> bool:
    """Whether one of the two lines under line i is text (a picture's caption may stand between)."""
    return any(d.label == "body" for d in decisions[i + 1 : i + 3])


HEADING_ELEMENTS = ("h1", "h2", "h3", "h4")  # visible_text's elements of a heading (h4 for h4–h6)
FRAME_REGIONS = ("nav", "aside", "footer", "form", "header")  # the regions of a page's frame, never of its text


def text_under_heading(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """A line the model calls a caption right under a section's heading, reading as running text and not marked as
    a caption (图为…, …摄), is the section's text: a heading heads text (the last section's one paragraph over the
    editor's credit was dropped with its heading)."""
    out = list(decisions)
    for i in range(max(title, 0) + 2, len(decisions)):
        if (decisions[i].by == "model" and decisions[i].label == "caption" and out[i - 1].label == "heading"
                and page.paragraph[i] and not c.is_caption(page.texts[i])):
            out[i] = overrule(decisions[i], "body", "text_under_heading")
    return out


def latin_in_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Sentences in English between lines of text (a foreign speaker's words quoted as said) are text: the model
    learnt a line without Chinese as furniture."""
    out = list(decisions)
    for i in range(max(title, 0) + 1, len(decisions) - 1):
        if not (decisions[i].by == "model" and decisions[i].label == "boilerplate"
                and c.is_latin_sentence(page.texts[i])):
            continue
        below = next((k for k in range(i + 1, len(decisions)) if not c.is_latin_sentence(page.texts[k])), None)
        if out[i - 1].label == "body" and below is not None and out[below].label == "body":
            out[i] = overrule(decisions[i], "body", "latin_in_text")
    return out


def _in_pre(page: Page, i: int) -> bool:
    """The line stands in an HTML page's <pre> (its DomHints say so)."""
    hints = page.lines[i].dom
    return hints is not None and hints.element == "pre"


def _body_lines(decisions: Sequence[Decision], *also: str) -> list[int]:
    """The indices of the lines the decisions call body text (or one of the classes `also` names)."""
    return [i for i, d in enumerate(decisions) if d.label == "body" or d.label in also]


# run in this order over the decisions
RULES = (text_around_some_text, code_between_text, picture_caption, marked_caption, marked_heading, spoken_lines,
         lead_under_header, list_goes_on, framed_text, text_between_text, text_under_heading, site_under_text,
         text_to_page_end, text_past_picture, footer_is_frame, latin_in_text, comment_board, closing_paragraph,
         signature, contact_under_text, credit_lines, past_closing_credit, date_over_title, date_under_text,
         heading_words)

# The corrections that overrule the line model, by the name a decision records (`by`), each with what it
# does: `pipeline clean --corrections` lists them and `--explain` shows which one decided a line.
CORRECTIONS = {
    "code_between_text": "a run of lines of program code (or an HTML page's <pre>) below the title with the "
                         "article's text after it, or a command a line of text leads into (…输入：), is code, "
                         "kept as printed",
    "text_around_some_text": "where the model finds no text, or only a sliver of the page's densest run of running "
                             "text, the run around it is the article's (its furniture aside), and the running text "
                             "goes on from it, with its captions and the headings over its paragraphs, up to "
                             "furniture, metadata or a line that is none of these",
    "footer_is_frame": "a line an HTML page's markup places in its footer (a footer element, or one named footer or "
                       "copyright) is the site's",
    "picture_caption": "a line the model calls metadata that is a picture's caption with a sentence in it (图为…。"
                       "记者 李大华 摄) is a caption",
    "marked_caption": "a line an HTML page's markup marks as a caption (<figcaption>, the alt text of the picture "
                      "over it), or that a picture's pointer opens (▲…, ■…), is a caption",
    "text_between_text": "between two lines of text, a run of lines the model calls furniture, most of them running "
                         "text and none a button, an end marker or links, is text (a caption, a section's heading "
                         "over its paragraph, or text)",
    "marked_heading": "a line an HTML page's markup marks as a heading (<h1>–<h6>) between two lines of text, outside "
                      "the page's frame and not all a link, is a heading unless it is furniture",
    "text_under_heading": "a line the model calls a caption right under a section's heading that reads as "
                          "running text and is not marked as a caption (图为…, …摄) is text",
    "latin_in_text": "a sentence in English between lines of text is text",
    "text_in_frame": "between the article's first line of text and the credit that closes it, a line is text, "
                     "a caption or a section's heading (a headline under a sentence that ends, over a paragraph) "
                     "unless it is furniture (a button, a page list, an end marker)",
    "site_under_text": "at the text's end, a line that is the site's is boilerplate: its legal notice "
                       "(免责声明：…, 转载请注明出处, 不代表本网立场), related links under their heading "
                       "(相关阅读：…), a link to the item before or after (下一条：…), the keywords (關鍵字：…), "
                       "a field of the register (原标题：…)",
    "text_to_page_end": "running text (and the items of a list that text leads into: …下列条件： / （一）…；) between "
                        "the model's last line of text and the page's end, with no more than "
                        f"{FOOTER_LINES} lines of furniture under it, is text (a page that ends with its text), and "
                        "a headline over a paragraph there its last section's heading where the text has headings",
    "text_past_picture": "the running text right under a caption under the model's last line of text is text, on "
                         "through more captions and a line of promotion between its paragraphs",
    "past_closing_credit": "the text, headings and captions past the credit closing the article's text (or a line "
                           "ending it: 延伸閱讀：…, #標籤) and "
                           f"{SECOND_ARTICLE_GAP} lines of furniture or more, or past {FAR_GAP} lines of furniture "
                           "under the text (another article further down), are boilerplate",
    "lead_under_header": f"running text between the header (the title and the metadata under it) and the model's "
                         f"first line of text, no more than {FOOTER_LINES} lines of it, is text (a short page's lead), "
                         "as is a letter's salutation or a notice's addressees there (各位业主：, 各部门、各单位：)",
    "comment_board": "under the text's first line, a comment board's heading (热门评论（128）, 最新评论, "
                     "已有 8 条评论) and the lines under it (comments, their stamps) are boilerplate",
    "closing_paragraph": "a paragraph right under the text that ends with its writer's name in brackets "
                         "(…表达慰问。(书聿)) or its editor's tag (…。（編輯：李雪）1131120), or that a line "
                         "ending the article follows (相關新聞), is the text's last paragraph",
    "list_goes_on": "a line numbered next (2.… under 1.…。) right under the list of clauses the text ends with is the "
                    "list's next item, as are the items numbered from 1 under a line leading into them (…排名如下：), "
                    "unless it is the site's line, a caption or a link",
    "signature": "a notice's signature right under its text, the issuer's name on a line or two and the day alone "
                 "under it (市教育局 / 2024年2月20日), is text, where the page prints its date elsewhere, and so are "
                 "the contact lines and the note of its attachments between them (联系人：…, 附件：1.… / 2.…); "
                 f"further down (up to {SIGNATURE_REACH} lines), so are the lines over it where the text's numbered "
                 "outline goes on among them (二、… under the text's 一、…) and none is furniture",
    "contact_under_text": "contact lines right under the text's last line (联系人：…, 联系电话：…, 附件：…) are a "
                          "notice's text, where the text does not end with its signature's day",
    "credit_words": "between the title and the text a date line, a byline or a labelled field, and just below the "
                    "text a closing credit (a short labelled one, an editor's in brackets, one naming the text's "
                    "source: 供稿：…, 摘自《…》, (中時新聞網)), is metadata",
    "date_over_title": "where no metadata line has a date, a dated line right under the title that is no sentence, "
                       "or else the nearest short dated line among the few above it (a breadcrumb with the day), is "
                       "metadata",
    "date_under_text": "where no metadata line has a date, the first short dated line among the few under the text "
                       "(or the text's last line, where it is one: 发布于 2024-11-20 08:03・IP 属地北京) is metadata",
    "spoken_line": "inside the text, a labelled line that is a sentence of clauses (记者：…，…？, an interview's "
                   "question) is text, not a credit, as is a question there or right over or under the text "
                   "(记者：…？)",
    "credit_read": "between the title and the text or just under it, a short line in which the credit reader finds an "
                   "outlet or a name (中廣新聞／楊菁惠, (李艳 撰稿)) is metadata, unless furniture stands on both "
                   "sides of it",
    "headline_repeated": "a line under the title that repeats the headline (white space and a picture mark aside) "
                         "is neither a heading nor text",
    "heading_is_credit": "a heading-shaped labelled credit (《棱镜》作者 周纯), byline (本报记者 于涛) or document's "
                         "number (国办发〔2018〕15号) is metadata",
    "heading_is_button": "a heading-shaped button or menu word (facebook), a widget's words (廣告, 調整字級：), an end "
                         "marker (展开全文), a link's label with its arrow (更多>>农业), or a post's stamp "
                         "(胡任标今天 12:08:48), is boilerplate",
    "body_is_button": "a short line the model calls text that is a widget's or a button's words (字号：大 中 小), "
                      "or a link to another article under its label (延伸閱讀：…, 相关新闻：…), is boilerplate",
    "heading_is_fragment": "a heading-shaped piece of a sentence (因为) or a contact line (联系人：王明) inside the "
                           "text, or a sentence's opening of clauses that a colon leads into the text "
                           "(各区人民政府，市政府各部门：), is text",
    "chapter_number": "a chapter, part or section number (第二章 …, or in decimals over a paragraph: 1.1 …) between "
                      "lines of text or right over the first is a heading",
    "caption_is_text": "inside the text (or just over it, under the header, where the model doubts it: the lead), a "
                       "line the model called a caption that reads as running text of clauses "
                       "(or a list item ending with ；) and has no picture's words (图为, 摄) is text, as is one below "
                       "the text's start of sentences closed by their writers' credit in brackets",
    "headline_over_text": "a headline-shaped line over a paragraph, inside the text, is a heading (where the model "
                          "called it furniture, a caption under 0.80 or under a heading, or text or metadata with no "
                          "label, date or byline under 0.80), a phrase in 【】 too (【扩大本地种植】)",
    "some_text": "a page the model finds no text on: the line below the title likeliest to be text is its text",
    "registered_title": "a page whose register names its title (a government page's table: a bare 标题： label over "
                        "it, or 名称：… with the headline printed again below) has that line for its title, over the "
                        "ranker's choice",
    "dek_under_headline": "the ranker's likeliest headline that is a sentence of clauses right under a headline "
                          "without any, no longer than it (有分析认为…，也有观点认为，… under 柯达宣布重组 "
                          "起诉苹果), is the subtitle under that title (an excerpt of the text cut short, "
                          "…新興市場…, a teaser: boilerplate)",
    "dek_over_credits": "a line the model calls text right under the title and over the credits (a date line, a "
                        "byline), ending no sentence and no picture's caption, is the subtitle",
    "headline_continued": "the rest of a headline broken over two lines, and a ——subtitle under it, join the title",
    "file_name": "a page no line of which reads as a headline (a text of paragraphs only) has its file's name for its "
                 "title, as a line above its first (warning W104), and its lines of running text above the first "
                 "line the model read as text are text",
    "densest_block": "a page with no text line at all (a poem of short lines, a table of contents): its densest "
                     "block is the article (warning W102)",
}
