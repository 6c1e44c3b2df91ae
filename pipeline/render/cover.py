"""The EPUB cover: title, subtitle, date and publisher set in the variant's CJK faces (Pillow)."""

from __future__ import annotations

import io
from functools import cache, lru_cache

from PIL import Image, ImageDraw, ImageFont

from pipeline.docbook import Info
from pipeline.render import fonts
from pipeline.render.linebreak import balanced_lines

SIZE = (1200, 1600)
THUMBNAIL = (150, 200)  # the download page shows it at half this, sharp on high-density screens
MARGIN = 120
INK, PAPER, ACCENT = (28, 28, 28), (247, 244, 236), (150, 28, 28)


@cache
def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    """A face at a size, loaded once per process (a Noto CJK collection is tens of megabytes)."""
    return ImageFont.truetype(path, size, index=index)


def lines_of(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The text in even lines that fit `width` pixels, broken as a typesetter would (linebreak.py)."""
    return balanced_lines(text, font.getlength, width)


def cover_jpeg(info: Info, region: str) -> bytes:
    """A JPEG cover for the document; the same document gives the same bytes."""
    out = io.BytesIO()
    _cover(info, region).save(out, format="JPEG", quality=90)  # a third of the time a PNG takes to encode
    return out.getvalue()


def thumbnail_webp(info: Info, region: str) -> bytes:
    """The cover as a small WebP for the download page (THUMBNAIL pixels)."""
    out = io.BytesIO()
    # Reduced by whole factors first, then Lanczos over the last step: a fifth of the time, the same picture.
    small = _cover(info, region).resize(THUMBNAIL, Image.Resampling.LANCZOS, reducing_gap=2.0)
    small.save(out, format="WEBP", quality=75, method=4)
    return out.getvalue()


def _cover(info: Info, region: str) -> Image.Image:
    """The cover of a document (the EPUB's and the thumbnail's: drawn once for both)."""
    return _drawn(info.title, info.subtitle, tuple(t for t in (info.written_date, info.publisher or info.source) if t),
                  region)


@lru_cache(maxsize=2)  # the variants of one document: one cover for its EPUB and its thumbnail
def _drawn(title: str, subtitle: str | None, foot: tuple[str, ...], region: str) -> Image.Image:
    serif, sans = fonts.faces(region)
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((MARGIN, 180, SIZE[0] - MARGIN, 190), fill=ACCENT)
    y = 300
    title_font = _font(sans.path, sans.index, 84)
    for line in lines_of(title, title_font, width):
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 120
    if subtitle:
        y += 30
        subtitle_font = _font(serif.path, serif.index, 52)
        for line in lines_of(subtitle, subtitle_font, width):
            draw.text((MARGIN, y), line, font=subtitle_font, fill=INK)
            y += 76
    small = _font(serif.path, serif.index, 44)
    y = SIZE[1] - MARGIN - 70 * len(foot)
    for text in foot:
        draw.text((MARGIN, y), text, font=small, fill=INK)
        y += 70
    draw.rectangle((MARGIN, SIZE[1] - MARGIN + 10, SIZE[0] - MARGIN, SIZE[1] - MARGIN + 20), fill=ACCENT)
    return image
