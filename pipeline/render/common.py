"""What the renderers share: the stylesheets folder, reproducible dates and identifiers, safe pandoc."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from importlib import resources
from pathlib import Path

from lxml import etree

from pipeline.docbook import Info, serialize

STYLESHEETS = Path(str(resources.files("pipeline").joinpath("stylesheets")))
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
            when = when.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
        return max(0, int(when.timestamp()))
    return FIXED_EPOCH


def identifier(tree: etree._Element) -> str:
    """A UUID derived from the document's content: the same input gives the same identifier."""
    return str(uuid.UUID(bytes=hashlib.sha256(serialize(tree)).digest()[:16], version=5))
