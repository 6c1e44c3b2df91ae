"""What the renderers share: the stylesheets folder, reproducible dates and identifiers, safe pandoc."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from pipeline.chinese import TIMEZONE
from pipeline.docbook import Info, serialize

STYLESHEETS = Path(str(resources.files("pipeline").joinpath("stylesheets")))
BODY_PT = 10.5  # the body text size of the PDF and the DOCX
TITLE_PT = 20  # the PDF's title size (print.css h1)
TITLE_MARGIN = 0.9  # of the text block the title's lines are broken for: the width of Latin text is estimated


@dataclass(frozen=True)
class Paper:
    """A paper size and its text block: a width of whole em of body text, so that Chinese lines end flush."""

    width_mm: float
    height_mm: float
    text_em: int
    top_mm: float
    bottom_mm: float

    @property
    def side_mm(self) -> float:
        """The left and right margins that centre the text block."""
        return (self.width_mm - self.text_em * BODY_PT * 25.4 / 72) / 2


PAPER = {"A4": Paper(210, 297, 40, 24, 22), "A5": Paper(148, 210, 30, 18, 16)}
FIXED_EPOCH = 0  # 1970-01-01, for documents with neither SOURCE_DATE_EPOCH nor a date


def epoch(info: Info) -> int:
    """Seconds for file dates: SOURCE_DATE_EPOCH when set, else the publication date (UTC+8)."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env and env.strip().isdigit():
        return int(env)
    if info.published:
        try:
            when = dt.datetime.fromisoformat(info.published)
        except ValueError:
            return FIXED_EPOCH
        if when.tzinfo is None:
            when = when.replace(tzinfo=TIMEZONE)
        return max(0, int(when.timestamp()))
    return FIXED_EPOCH


def identifier(tree: etree._Element) -> str:
    """A UUID derived from the document's content: the same input gives the same identifier."""
    return str(uuid.UUID(bytes=hashlib.sha256(serialize(tree)).digest()[:16], version=5))
