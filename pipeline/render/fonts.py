"""The CJK faces of each region: where they are (fontconfig), and whether they cover a document's text."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

from pipeline.errors import RenderError, RequirementError

SERIF, SANS = "Noto Serif CJK", "Noto Sans CJK"
# Faces a character the CJK faces lack is drawn from, in this order: symbols, arrows, dingbats and
# U+FFFD (DejaVu, Noto Sans Symbols), math, rare CJK Extension B–H ideographs (HanaMin), emoji.
FALLBACK_PACKAGES = "fonts-dejavu-core fonts-noto-core fonts-hanazono fonts-noto-color-emoji"
EMOJI = "Noto Color Emoji"
MONOSPACE = "'DejaVu Sans Mono'"  # program code's face (fonts-dejavu-core), in CSS
FALLBACKS = ("DejaVu Sans", "Noto Sans Symbols2", "Noto Sans Symbols", "Noto Sans Math", "HanaMinA", "HanaMinB", EMOJI)


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


@cache
def fallbacks() -> tuple[Face, ...]:
    """The installed FALLBACKS faces, in their order."""
    if shutil.which("fc-list") is None:
        return ()
    listing = subprocess.run(["fc-list", "--format", "%{family}|%{file}|%{index}|%{style}\n"],
                             capture_output=True, text=True, check=False).stdout
    found: dict[str, Face] = {}
    for line in listing.splitlines():
        parts = line.split("|")
        if len(parts) != 4 or not {"Regular", "Book"} & set(parts[3].split(",")):
            continue
        for family in parts[0].split(","):
            if family in FALLBACKS and family not in found:
                found[family] = Face(family, parts[1], int(parts[2] or 0))
    return tuple(found[name] for name in FALLBACKS if name in found)


def css_fallbacks() -> str:
    """The fallback families as a CSS list, after a CJK family. The emoji face is left to fontconfig's
    own fallback: named in the list, Pango takes it for digits (keycap bases) too."""
    return ", ".join(f"'{name}'" for name in FALLBACKS if name != EMOJI)


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
    """Fail, naming the characters, when neither the region's faces nor the fallbacks have a glyph for them."""
    needed = {ord(ch) for ch in set(text) if not ch.isspace()}  # each character once: a text repeats most
    for face in faces(region):
        missing = needed - coverage(face)
        for fallback in fallbacks():
            if not missing:
                break
            missing -= coverage(fallback)
        if missing:
            shown = " ".join(f"{chr(c)} (U+{c:04X})" for c in sorted(missing)[:10])
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            names = ", ".join(f.family for f in fallbacks()) or "no fallback faces installed"
            raise RenderError(f"no installed font has a glyph for {shown}{more} ({face.family}; {names})")
