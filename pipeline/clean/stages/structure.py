"""Stages that give the body its structure: wrapped lines joined, headings found, punctuation fixed."""

from __future__ import annotations

import unicodedata

from pipeline.chinese import SENTENCE_END
from pipeline.clean import classify as c
from pipeline.clean import patterns as p
from pipeline.clean.punctuation import pair_brackets, tidy_spacing, to_full_width
from pipeline.clean.types import Draft, Line, Role

WRAP_MAX_WIDTH = 200  # display columns; a page with longer lines has one paragraph a line
WRAP_MIN_WIDTH = 30  # narrower pages are not hard-wrapped text but lists of short lines
MIN_CONTINUED_CHARS = 15  # a shorter unfinished line is a heading or a label, not a broken sentence


def display_width(text: str) -> int:
    """Columns on a terminal: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def join_wrapped_lines(draft: Draft) -> Draft:
    """Join lines broken at a fixed width back into paragraphs, with no space between Han.

    Two signs that a line goes on in the next one:
    - the page is hard-wrapped (its longest lines are short, under 200 columns, and several
      reach that width) and the line reaches the width, unless a blank line, an indent (where
      the page marks paragraphs so) or sentence-final punctuation says otherwise;
    - the page indents its paragraphs, the next line is not indented, and the line stops
      mid-sentence.
    """
    body = [line for line in draft.lines if line.zone == "body" and line.role != "code"]
    width = wrap_width([line.text for line in body])
    uses_blank = any(line.blank_before for line in body[1:])
    uses_indent = sum(line.indented for line in body) >= 2
    if width is None and not uses_indent:
        return draft
    joined: list[Line] = []
    for line in draft.lines:
        previous = joined[-1] if joined else None
        if (previous is None or previous.zone != "body" or line.zone != "body" or line.blank_before
                or "code" in (previous.role, line.role)):
            joined.append(line)
            continue
        starts_paragraph = (uses_indent and line.indented) or c.heading_kind(line.text) is not None
        # a sentence in English ends with a full stop after a word (…20,000 farmers.), not after a digit (增长7. / 2%)
        english_end = previous.text[-1] == "." and previous.text[-2:-1].isascii() and previous.text[-2:-1].isalpha()
        unfinished = previous.text[-1] not in SENTENCE_END + "：；:;" and not english_end
        at_width = width is not None and display_width(previous.text) >= width
        wrapped = at_width and (uses_blank or uses_indent or unfinished)
        indented_page = uses_indent and unfinished and len(previous.text) >= MIN_CONTINUED_CHARS
        if not starts_paragraph and (wrapped or indented_page):
            text = join_text(previous.text, line.text)
            draft.record("wrapped", line, text)
            joined[-1] = previous.having(text=text)
        else:
            joined.append(line)
    draft.lines = joined
    return draft


def wrap_width(texts: list[str]) -> int | None:
    """The least width of a line broken by hard wrapping, or None when lines are whole paragraphs."""
    if any(len(t) > WRAP_MAX_WIDTH for t in texts):
        return None  # a line this long is a whole paragraph
    widths = [display_width(t) for t in texts]
    if not widths or not WRAP_MIN_WIDTH <= max(widths) <= WRAP_MAX_WIDTH:
        return None
    threshold = max(widths) - max(4, max(widths) // 10)
    if sum(1 for w in widths if w >= threshold) < 2:
        return None
    return threshold


def join_text(left: str, right: str) -> str:
    """Join two pieces of one paragraph: a space only between two Latin letters or digits."""
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right


def _aside(text: str) -> bool:
    """A photo caption or a note in brackets, which a heading never is (a phrase in 【】 may be: 【扩大本地种植】)."""
    return c.is_caption(text) or (c.is_bracketed(text) and c.heading_kind(text) is None
                                  and not c.is_bracketed_heading(text))


def find_headings(draft: Draft) -> Draft:
    """Give the headings the tagger found their levels; the other body lines are paragraphs.

    A line the tagger calls a heading that is a photo caption or a note in brackets (（视频截图）) is
    dropped; one that
    ends mid-sentence (…工程，) is a paragraph. A numbered line (一、总体要求) over text is a heading, not one
    beside a line numbered the same way (1、示例甲 / 2、示例乙: a list's items).
    Levels follow the order in which each numbering kind (第一章, 一、, （一）, plain) first
    appears, and a heading right under another nests one level down. A heading with no
    paragraph after it before the article ends heads nothing and stays a paragraph.
    """
    draft.drop(lambda _, line: "caption" if line.role == "heading" and _aside(line.text) else None)
    body = [i for i, line in enumerate(draft.lines) if line.zone == "body" and line.role != "code"]
    for i in body:
        line = draft.lines[i]
        if line.role == "heading" and (line.text[-1] in "，、；,;….·—" or "。" in line.text
                                       or p.SENTENCE_GOES_ON.search(line.text)):
            # a heading never ends mid-sentence (text cut into lines), nor leads into the text under it (…作出更大
            #贡献——), nor goes on past a question or an exclamation (记者：…天气如何？10日至11日…)
            draft.lines[i] = line.having(role="")
    kinds_of = [c.heading_kind(draft.lines[i].text) for i in body]
    for k, i in enumerate(body[:-1]):
        line = draft.lines[i]
        numbered = kinds_of[k] is not None and c.is_heading_shaped(line.text)
        listed = kinds_of[k] in (kinds_of[k + 1], kinds_of[k - 1] if k else None)  # 1、示例甲 / 2、示例乙: a list
        if (numbered and not listed and line.role != "heading" and draft.lines[body[k + 1]].role != "heading"
                and not _attachment_item(draft, body, k)):
            draft.lines[i] = line.having(role="heading")  # 一、总体要求 over its text: numbered, so a heading
    last_para = max((i for i in body if draft.lines[i].role != "heading"), default=-1)
    kinds: list[str] = []
    previous_heading_level = 0
    for i in body:
        line = draft.lines[i]
        if line.role != "heading" or i > last_para:
            draft.lines[i] = line.having(role="para")
            previous_heading_level = 0
            continue
        kind = c.heading_kind(line.text) or "plain"
        if kind not in kinds:
            kinds.append(kind)
        level = kinds.index(kind) + 1
        if previous_heading_level and level <= previous_heading_level:
            level = previous_heading_level + 1
        previous_heading_level = level
        draft.lines[i] = line.having(role="heading", level=level)
        draft.record(f"heading_{kind}", line, line.text)
    return draft


def _attachment_item(draft: Draft, body: list[int], k: int) -> bool:
    """Whether body line k is an item of a notice's note of attachments (附件：1.培训日程安排 / 2.报名表): numbered
    lines under the note."""
    texts = [draft.lines[i].text for i in body]
    j = k - 1
    while j >= 0 and c.is_attachment_item(texts[j]):
        j -= 1
    return j >= 0 and c.attachments_end(texts, j) > k


def mark_notice_parts(draft: Draft) -> Draft:
    """A letter's or a notice's parts set apart from its text (in every output): the salutation or the addressees
    on the text's first line (各区县教育局，各直属学校：, 尊敬的旅客：), flush left; the items of the note of
    attachments after its first (附件：1.培训日程安排 / 2.报名表), under the first item's text; and the signature
    (落款) at its end, flush right: the day alone on the last line and the issuer's name on a line or two over it
    (市教育局 / 2024年2月20日), under a line that may close the text before it (`may_close_before_signature`)."""
    body = [i for i, line in enumerate(draft.lines) if line.zone == "body"]
    paras = [i for i in body if draft.lines[i].role == "para"]
    if len(paras) >= 2 and paras[0] == body[0] and p.SALUTATION.match(draft.lines[paras[0]].text):
        _set_role(draft, [paras[0]], "salutation")
    texts = [line.text for line in draft.lines]
    noted = next((i for i in paras if p.ATTACHMENTS.match(texts[i])), None)  # 附件：1.培训日程安排 / 2.报名表
    if noted is not None:
        _set_role(draft, [j for j in range(noted + 1, c.attachments_end(texts, noted))
                          if draft.lines[j].role == "para"], "attachment")
    if not body or draft.lines[body[-1]].role != "para" or not c.is_day_alone(draft.lines[body[-1]].text):
        return draft
    start = len(body) - 1
    while (start > 1 and len(body) - 1 - start < c.SIGNATURE_NAMES and draft.lines[body[start - 1]].role == "para"
           and c.could_be_issuer(draft.lines[body[start - 1]].text)):
        start -= 1
    above = draft.lines[body[start - 1]] if start else None
    if above is None or above.role not in ("para", "attachment") or not c.may_close_before_signature(above.text):
        return draft
    _set_role(draft, body[start:], "signature")
    return draft


def _set_role(draft: Draft, indices: list[int], role: Role) -> None:
    for i in indices:
        draft.record(role, draft.lines[i], draft.lines[i].text)
        draft.lines[i] = draft.lines[i].having(role=role)


def drop_link_labels(draft: Draft) -> Draft:
    """A link's short label with its arrow after a paragraph's last sentence (…的保护时长。详情>>) goes: the page's
    link to more, not the text's words."""
    for i, line in enumerate(draft.lines):
        if line.zone == "body" and line.role == "para":
            text = p.LINK_AFTER_SENTENCE.sub("", line.text)
            if text != line.text:
                draft.record("link_label", line, text)
                draft.lines[i] = line.having(text=text)
    return draft


FIXES = (("full_width", to_full_width), ("bracket_pair", pair_brackets), ("space_beside_mark", tidy_spacing))


def fix_punctuation(draft: Draft) -> Draft:
    """ASCII , : ; ! ? ( ) in Chinese text become full-width, a bracket pair takes one width, and a space
    beside a full-width mark goes, in the text and the metadata (not in program code); each change is
    recorded by its fix."""
    fixed: list[Line] = []
    for line in draft.lines:
        if line.role == "code":  # program code is printed as it was written
            fixed.append(line)
            continue
        for rule, fix in FIXES:
            text = fix(line.text)
            if text != line.text:
                draft.record(rule, line, text)
                line = line.having(text=text)
        fixed.append(line)
    draft.lines = fixed
    meta = draft.meta
    for name in ("title", "subtitle", "abstract"):
        value = getattr(meta, name)
        for _, fix in FIXES:
            value = fix(value) if value else value
        setattr(meta, name, value)
    return draft
