"""The Han–Latin gap in a PDF marked as spacing, so that the PDF's text is the document's text.

For print, xhtml.spaced puts a space (U+0020, or U+00A0 after a number: it keeps its unit) between Han
characters and Latin letters or digits; WeasyPrint lays the line out and justifies with it. Drawn as a
plain glyph, that space would be a character of the PDF's text layer (`于 2025 年`, and a search for
`2025年` fails). Here the character before each such space and the space are drawn inside one marked
span whose replacement text (`/ActualText`, PDF 32000 14.9.4) is that character alone: the page looks the
same, and text extraction (pdftotext, viewers' search) reads `于2025年`, the gap counted as part of the
character's width.

`install()` wraps WeasyPrint's `Stream.show_text` once per process; it is tested with the WeasyPrint
versions pinned in pyproject.toml.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.chinese import HAN

GAP_SPACES = frozenset(" \u00a0")
LATIN = re.compile(r"[A-Za-z0-9%]")
TOKEN = re.compile(r"<([0-9a-fA-F]*)>|([-+0-9.eE]+)")  # WeasyPrint's TJ strings: <glyph ids> and shifts
_installed = False


def install() -> None:
    """Mark the Han–Latin gaps of WeasyPrint's PDFs as spacing (idempotent)."""
    global _installed
    if _installed:
        return
    from weasyprint.pdf.stream import Stream

    original_show_text = Stream.show_text

    def show_text(self: Any, text: str) -> None:
        font_hash = getattr(self, "_current_font", (None,))[0]
        font = next((f for f in self._fonts.values() if f.hash == font_hash), None)
        if font is None or font.bitmap:
            original_show_text(self, text)
            return
        for glyphs, actual_text in _pieces(text, font.to_unicode):
            if actual_text:
                hexes = ("\ufeff" + actual_text).encode("utf-16-be").hex().upper()
                self.stream.append(f"/Span <</ActualText <{hexes}>>> BDC".encode())
            original_show_text(self, glyphs)
            if actual_text:
                self.stream.append(b"EMC")

    Stream.show_text = show_text
    _installed = True


def _pieces(text: str, to_unicode: dict[int, str]) -> list[tuple[str, str]]:
    """The TJ string cut around each Han–Latin gap: (glyph string, replacement text) pairs, where a piece
    holding the character before a gap and the gap's space has that character as its replacement text
    (the others none: "")."""
    items: list[int | float] = []  # glyph ids (int) and shifts (float, thousandths of an em)
    for match in TOKEN.finditer(text):
        if match.group(1) is not None:
            hexes = match.group(1)
            items += [int(hexes[i : i + 4], 16) for i in range(0, len(hexes) - len(hexes) % 4, 4)]
        else:
            items.append(float(match.group(2)))
    glyph_at = [i for i, item in enumerate(items) if isinstance(item, int)]
    pieces, start = [], 0
    for before, space, after in zip(glyph_at, glyph_at[1:], glyph_at[2:], strict=False):
        character = to_unicode.get(int(items[before]), "")
        if to_unicode.get(int(items[space])) not in GAP_SPACES or not _han_latin(
                character, to_unicode.get(int(items[after]), "")) or before < start:
            continue
        if before > start:
            pieces.append((_string(items[start:before]), ""))
        pieces.append((_string(items[before : space + 1]), character))
        start = space + 1
    if not pieces:
        return [(text, "")]
    pieces.append((_string(items[start:]), ""))
    return [(glyphs, actual) for glyphs, actual in pieces if glyphs]


def _han_latin(before: str, after: str) -> bool:
    """Whether a space between these two characters is the Han–Latin gap."""
    han_first = HAN.fullmatch(before) and LATIN.fullmatch(after)
    return bool(han_first or (LATIN.fullmatch(before) and HAN.fullmatch(after)))


def _string(items: list[int | float]) -> str:
    """A TJ string of glyph ids and shifts, as WeasyPrint writes them (`<00120034>-250<0056>`)."""
    out, glyphs = [], []
    for item in [*items, None]:
        if isinstance(item, int):
            glyphs.append(f"{item:04x}")
            continue
        if glyphs:
            out.append(f"<{''.join(glyphs)}>")
            glyphs = []
        if item is not None:
            out.append(f"{item:g}")
    return "".join(out)
