"""The EPUB cover: title, subtitle, date and publisher set in the variant's CJK faces (Pillow)."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from pipeline.docbook import Info
from pipeline.render import fonts
from pipeline.render.linebreak import balanced_lines, units

SIZE = (1200, 1600)
THUMBNAIL = (150, 200)  # the download page shows it at half this, sharp on high-density screens
MARGIN = 120
INK, PAPER, ACCENT = (28, 28, 28), (247, 244, 236), (150, 28, 28)


@cache
def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    """A face at a size, loaded once per process (a Noto CJK collection is tens of megabytes)."""
    return ImageFont.truetype(path, size, index=index)


def lines_of(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The text in even lines that fit `width` pixels, broken as a typesetter would (linebreak.py).

    The breaks are chosen by the sum of the widths of a line's unbreakable units (a Han character with the
    marks that cling to it, a Latin word), each measured once: the search measures a hundred candidate lines
    or more, and the face's layout of a string costs far more than an addition. Lines that the face's own
    measure of the whole line finds too wide are broken again by it."""
    lines = balanced_lines(text, _by_units(font), width)
    if all(font.getlength(line) <= width or len(units(line)) == 1 for line in lines):
        return lines
    return balanced_lines(text, font.getlength, width)


def _by_units(font: ImageFont.FreeTypeFont) -> Callable[[str], float]:
    """A string's width in a face as the sum of its units' widths."""
    measured: dict[str, float] = {}

    def measure(text: str) -> float:
        total = 0.0
        for unit in units(text):
            width = measured.get(unit)
            if width is None:
                width = measured[unit] = font.getlength(unit)
            total += width
        return total

    return measure


def cover_jpeg(info: Info, region: str) -> bytes:
    """A JPEG cover for the document; the same document gives the same bytes."""
    out = io.BytesIO()
    _cover(info, region).save(out, format="JPEG", quality=90)  # a third of the time a PNG takes to encode
    return out.getvalue()


def thumbnail_webp(info: Info, region: str) -> bytes:
    """The cover as a small WebP for the download page (THUMBNAIL pixels)."""
    out = io.BytesIO()
    # Drawn at twice the size and halved (a box filter): as sharp as the full cover reduced, a tenth of the time.
    small = _cover(info, region, scale=2 * THUMBNAIL[0] / SIZE[0]).reduce(2)
    small.save(out, format="WEBP", quality=75, method=2)  # method 4 and up: twice the time, 5% smaller
    return out.getvalue()


def _cover(info: Info, region: str, scale: float = 1.0) -> Image.Image:
    """The cover of a document, drawn at `scale` times SIZE."""
    return _drawn(info.title, info.subtitle, tuple(t for t in (info.written_date, info.publisher or info.source) if t),
                  region, scale)


def _drawn(title: str, subtitle: str | None, foot: tuple[str, ...], region: str, scale: float) -> Image.Image:
    def px(value: float) -> int:
        return round(value * scale)

    serif, sans = fonts.faces(region)
    width, height = px(SIZE[0]), px(SIZE[1])
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    left, right = px(MARGIN), width - px(MARGIN)
    draw.rectangle((left, px(180), right, px(190)), fill=ACCENT)
    y = 300
    title_font = _font(sans.path, sans.index, px(84))
    for line in lines_of(title, title_font, right - left):
        draw.text((left, px(y)), line, font=title_font, fill=INK)
        y += 120
    if subtitle:
        y += 30
        subtitle_font = _font(serif.path, serif.index, px(52))
        for line in lines_of(subtitle, subtitle_font, right - left):
            draw.text((left, px(y)), line, font=subtitle_font, fill=INK)
            y += 76
    small = _font(serif.path, serif.index, px(44))
    y = SIZE[1] - MARGIN - 70 * len(foot)
    for text in foot:
        draw.text((left, px(y)), text, font=small, fill=INK)
        y += 70
    draw.rectangle((left, height - px(MARGIN - 10), right, height - px(MARGIN - 20)), fill=ACCENT)
    return image
