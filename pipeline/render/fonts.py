"""The CJK faces of each region: where they are (fontconfig), and whether they cover a document's text."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

from pipeline.errors import RenderError, RequirementError

SERIF, SANS = "Noto Serif CJK", "Noto Sans CJK"


@dataclass(frozen=True)
class Face:
    """One installed font face: its family name, file and index in a collection."""

    family: str
    path: str
    index: int


def families(region: str) -> tuple[str, str]:
    """The body (serif) and heading (sans) family names of a region (SC, TC, HK)."""
    return f"{SERIF} {region}", f"{SANS} {region}"


@cache
def installed() -> dict[str, Face]:
    """Regular faces of the installed Noto CJK families, by family name."""
    if shutil.which("fc-list") is None:
        return {}
    listing = subprocess.run(
        ["fc-list", "--format", "%{family}|%{file}|%{index}|%{style}\n", ":lang=zh"],
        capture_output=True, text=True, check=False,
    ).stdout
    faces: dict[str, Face] = {}
    for line in listing.splitlines():
        parts = line.split("|")
        if len(parts) != 4 or "Regular" not in parts[3]:
            continue
        for family in parts[0].split(","):
            if family.startswith(("Noto Serif CJK", "Noto Sans CJK")):
                faces[family] = Face(family, parts[1], int(parts[2] or 0))
    return faces


def faces(region: str) -> tuple[Face, Face]:
    """The installed serif and sans faces of a region, or a RequirementError naming what is missing."""
    found = installed()
    missing = [name for name in families(region) if name not in found]
    if missing:
        raise RequirementError(
            f"font {', '.join(missing)} is not installed (Debian: apt-get install fonts-noto-cjk); "
            "without it the PDF would show empty boxes"
        )
    serif, sans = families(region)
    return found[serif], found[sans]


@cache
def coverage(face: Face) -> frozenset[int]:
    """The code points a face has glyphs for (read once per process)."""
    from fontTools.ttLib import TTFont

    font = TTFont(face.path, fontNumber=face.index, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def check_coverage(text: str, region: str) -> None:
    """Fail, naming the characters, when the region's faces lack a glyph for any of them."""
    needed = {ord(ch) for ch in text if not ch.isspace()}
    for face in faces(region):
        missing = sorted(needed - coverage(face))
        if missing:
            shown = " ".join(f"{chr(c)} (U+{c:04X})" for c in missing[:10])
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            raise RenderError(f"{face.family} has no glyph for {shown}{more}")
