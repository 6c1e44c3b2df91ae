"""Inter-character justification for WeasyPrint (CSS Text 3 `text-justify: inter-character` for CJK).

WeasyPrint justifies a line by widening its spaces only, so a Chinese line without spaces that
breaks one character short stays short. Here, a justified line with Han characters spreads its
extra width evenly over the gaps between its characters (spaces take the same share as any
other gap, never after the line's last character). Each text box of the line gets its share as
wider glyph advances in Pango's first line (the letters and digits of a Latin word or a number keep
their spacing), which is what WeasyPrint draws: the text layer is
unchanged, nothing is inserted.

`install()` replaces WeasyPrint's `justify_line` (and wraps `Layout.get_first_line`) once per
process; it is tested with the WeasyPrint versions pinned in pyproject.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pipeline.chinese import HAN
from pipeline.render.xhtml import WORD_JOINER  # a joined pair has one gap: the joiner may have no glyph

WORD = re.compile(r"[A-Za-z0-9]")  # letters and digits of a Latin word or a number keep their spacing
_installed = False


def install() -> None:
    """Make WeasyPrint justify Chinese lines between characters (idempotent)."""
    global _installed
    if _installed:
        return
    from weasyprint.layout import inline
    from weasyprint.text import line_break

    original_justify = inline.justify_line
    original_first_line = line_break.Layout.get_first_line

    def justify_line(context: Any, line: Any, extra_width: float) -> None:
        texts = list(_text_boxes(line))
        if extra_width <= 0 or not any(HAN.search(box.text) for box in texts):
            original_justify(context, line, extra_width)
            return
        text = "".join(box.text for box in texts).rstrip()
        after = [i for i in range(len(text) - 1)
                 if not (WORD.match(text[i]) and WORD.match(text[i + 1])) and text[i] != WORD_JOINER]
        if not after:
            return
        per_gap = extra_width / len(after)
        shares, start = [], 0
        for box in texts:  # the gaps of each box, as indices into its own text
            end = start + len(box.text)
            shares.append([i - start for i in after if start <= i < end])
            start = end
        _spread(line, per_gap, iter(shares), 0.0)

    def get_first_line(self: Any) -> Any:
        first_line, index = original_first_line(self)
        spread = getattr(self, "inter_character", None)
        if spread:
            _widen(self, first_line, *spread)
        return first_line, index

    inline.justify_line = justify_line
    line_break.Layout.get_first_line = get_first_line
    _installed = True


def _text_boxes(box: Any) -> Iterator[Any]:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield box
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        for child in box.children:
            if child.is_in_normal_flow():
                yield from _text_boxes(child)


def _spread(box: Any, per_gap: float, shares: Iterator[list[int]], x_advance: float) -> float:
    """Move each box by the width added before it and widen each text box by its share of gaps."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        box.position_x += x_advance
        gaps = next(shares)
        if gaps:
            box.pango_layout.inter_character = (per_gap, frozenset(gaps))
            box.width += per_gap * len(gaps)
            x_advance += per_gap * len(gaps)
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += x_advance
        before = x_advance
        for child in box.children:
            if child.is_in_normal_flow():
                x_advance = _spread(child, per_gap, shares, x_advance)
        box.width += x_advance - before
    else:
        box.translate(x_advance, 0)
    return x_advance


def _widen(layout: Any, first_line: Any, per_gap: float, gaps: frozenset[int]) -> None:
    """Add per_gap to the advance of the glyph of each character in `gaps` (character indices into the
    layout's text), once per laid-out line; a character drawn with several glyphs widens its last."""
    from weasyprint.text.ffi import TO_UNITS, ffi

    units = int(per_gap * TO_UNITS)
    char_at = {}  # UTF-8 byte offset → character index
    offset = 0
    for index, ch in enumerate(layout.text):
        char_at[offset] = index
        offset += len(ch.encode())
    last_glyph: dict[int, Any] = {}
    run = first_line.runs
    while run != ffi.NULL:
        item, string = run.data.item, run.data.glyphs
        for i in range(string.num_glyphs):
            character = char_at.get(item.offset + string.log_clusters[i])
            if character in gaps:
                last_glyph[character] = string.glyphs[i].geometry
        run = run.next
    glyphs = list(last_glyph.values())
    widths = [g.width for g in glyphs]
    if getattr(layout, "widened", None) == widths:
        return  # this very line was widened already
    for geometry in glyphs:
        geometry.width += units
    layout.widened = [g.width for g in glyphs]
