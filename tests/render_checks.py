"""Helpers that open rendered files with the tools their readers use (pypdf, pdfplumber, python-docx, LibreOffice)."""

from __future__ import annotations

import atexit
import importlib.util
import itertools
import re
import shutil
import subprocess
import tempfile
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf
from fontTools.ttLib import TTFont
from lxml import etree

from pipeline import docbook
from pipeline.render import fonts

MM = 72 / 25.4
TOOLS = Path(__file__).resolve().parent / "tools"
REGION_INDEX = {"JP": 0, "KR": 1, "SC": 2, "TC": 3, "HK": 4}  # faces in Debian's Noto CJK collections


def squash(text: str) -> str:
    """Text without any white space, for comparing what a PDF holds with the XML."""
    return re.sub(r"\s+", "", text)


def xml_text_in_reading_order(root: etree._Element, *, keep_spaces: bool = False) -> str:
    """Title, subtitle, byline parts, headings and paragraphs of a DocBook tree, as the PDF prints them
    (without white space, unless `keep_spaces`)."""
    info = docbook.read_info(root)
    parts = [info.title, info.subtitle or "", info.byline]
    for element in root.iter(docbook.DB + "title", docbook.DB + "para"):
        parent = element.getparent()
        if (parent is not None and parent.tag in (docbook.DB + "section",)) or (element.tag == docbook.DB + "para" and (
            parent is not None and parent.tag != docbook.DB + "abstract"
        )):
            parts.append(docbook.text_of(element))
    return "\n".join(parts) if keep_spaces else squash("".join(parts))


def pdf_body_text(path: Path, *, top_mm: float = 24, bottom_mm: float = 22) -> str:
    """The text inside the page margins (no running header, no page numbers), pages joined."""
    with pdfplumber.open(path) as pdf:
        pieces = []
        for page in pdf.pages:
            body = page.crop((0, top_mm * MM, page.width, page.height - bottom_mm * MM))
            pieces.append(body.extract_text() or "")
    return squash("".join(pieces))


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(BaseFont, embedded) of every font the PDF's pages use."""
    found: dict[str, bool] = {}
    for page in pypdf.PdfReader(path).pages:
        resources = page.get("/Resources")
        if resources is None or "/Font" not in resources:
            continue
        for ref in resources["/Font"].values():
            font = ref.get_object()
            descriptor = None
            if "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            else:
                descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return sorted(found.items())


def typeset(path: Path) -> dict[str, Any]:
    """The team's typesetting measures of a PDF (tests/tools/typeset_check.py)."""
    spec = importlib.util.spec_from_file_location("typeset_check", TOOLS / "typeset_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    measures: dict[str, Any] = module.measure(str(path))
    return measures




def libreoffice() -> str | None:
    """The LibreOffice binary, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@cache
def _libreoffice_profile() -> Path:
    """A LibreOffice profile folder of this test process's own: runs in other processes never clash with it, and
    the runs in this one find it made (a new profile costs half a second a run)."""
    folder = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def libreoffice_convert(source: Path, to: str, outdir: Path) -> Path:
    """Convert a document with LibreOffice headless."""
    binary = libreoffice()
    assert binary, "LibreOffice is not installed"
    profile = _libreoffice_profile()
    subprocess.run(
        [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", to,
         "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    out = outdir / f"{source.stem}.{to.split(':')[0]}"
    assert out.exists(), f"LibreOffice made no {out.name}"
    return out


@cache
def region_cmap(region: str, serif: bool = True) -> dict[int, str]:
    """Unicode → glyph name (cidNNNNN) of a region's face in the Noto CJK collection."""
    face = fonts.faces("SC")[0 if serif else 1]
    font = TTFont(face.path, fontNumber=REGION_INDEX[region], lazy=True)
    try:
        return dict(font.getBestCmap())
    finally:
        font.close()


def type1_glyphs_by_char(path: Path) -> dict[str, dict[str, str]]:
    """For each Type 1 font LibreOffice embedded: character → glyph name, from its encoding and ToUnicode."""
    result: dict[str, dict[str, str]] = {}
    for page in pypdf.PdfReader(path).pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font = ref.get_object()
            if font.get("/Subtype") != "/Type1" or "/ToUnicode" not in font:
                continue
            program = font["/FontDescriptor"].get_object()["/FontFile"].get_object().get_data()
            head = program.split(b"eexec")[0].decode("latin-1")
            codes = {int(code): name for code, name in re.findall(r"dup (\d+) /(\S+) put", head)}
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars = result.setdefault(str(font["/BaseFont"]), {})
            for code, uni in re.findall(r"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{4,8})>", cmap):
                name = codes.get(int(code, 16))
                if name:
                    chars[chr(int(uni, 16))] = name
    return result


def region_votes(path: Path) -> list[frozenset[str]]:
    """For each character whose glyph differs between regions: the regions whose glyph the PDF shows.

    Debian's Noto CJK collections share one CFF program (named …jp) among the JP, KR, SC, TC and HK
    faces, so a PDF's font name cannot tell the region; the glyph chosen for a character can.
    """
    votes: list[frozenset[str]] = []
    for name, chars in type1_glyphs_by_char(path).items():
        serif = "Serif" in name
        maps = {region: region_cmap(region, serif) for region in REGION_INDEX}
        for char, glyph in chars.items():
            candidates = frozenset(region for region, cmap in maps.items() if cmap.get(ord(char)) == glyph)
            if len(candidates) < len(REGION_INDEX):
                votes.append(candidates)
    return votes


def docx_xml(path: Path, member: str) -> etree._Element:
    """One XML part of a DOCX package."""
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(member))


def overlapping_glyphs(path: Path) -> int:
    """Pairs of glyphs printed over each other (boxes overlapping by more than 40% each way), on every page:
    the measure of ../shared/tools/glyph_overlaps.py, for text a renderer sets over text."""
    count = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            grid: dict[tuple[int, int], list[dict[str, Any]]] = {}
            for char in page.chars:
                if char["text"].strip():
                    grid.setdefault((int(char["x0"] // 10), int(char["top"] // 10)), []).append(char)
            for (gx, gy), cell in grid.items():
                near = [b for dx in (0, 1) for dy in (-1, 0, 1) for b in grid.get((gx + dx, gy + dy), [])]
                for a in cell:
                    for b in near:
                        if b is a or (b["x0"], b["top"]) <= (a["x0"], a["top"]):
                            continue
                        width = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                        height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                        count += width > 0.4 * (a["x1"] - a["x0"]) and height > 0.4 * (a["bottom"] - a["top"])
    return count


HANGING = "，。、；：！？”’」』）"  # marks a reader may hang past the text block at a line's end


def justified_share(path: Path, body_size: float) -> float:
    """Of the body's full lines (those another line of the same paragraph follows), the share whose text ends
    flush with the text block's right edge (within a quarter em; a mark hung past the edge ends its line
    where it starts)."""
    with pdfplumber.open(path) as pdf:
        pages = [[row for row in _rows(page) if round(row[0]["size"]) == round(body_size)] for page in pdf.pages]
    rows = [row for page in pages for row in page]
    right = max({round(row[-1]["x1"]) for row in rows}, key=lambda x: sum(abs(r[-1]["x1"] - x) < 1 for r in rows))
    left = min(row[0]["x0"] for row in rows)
    tolerance = 0.25 * body_size

    def end(row: list[dict[str, Any]]) -> float:
        last = row[-1]
        hung = last["x1"] > right + tolerance and last["text"] in HANGING
        return float(last["x0"] if hung else last["x1"])

    full = [end(row) for page in pages for row, following in itertools.pairwise(page)
            if abs(following[0]["x0"] - left) < tolerance]
    return float(sum(abs(right - x) <= tolerance for x in full) / len(full))


def line_ends(path: Path) -> list[tuple[str, float, float, float]]:
    """Each printed line of a PDF: its text, where it starts and ends, and its type size."""
    with pdfplumber.open(path) as pdf:
        return [("".join(c["text"] for c in row), row[0]["x0"], row[-1]["x1"], row[0]["size"])
                for page in pdf.pages for row in _rows(page)]


def _rows(page: Any) -> list[list[dict[str, Any]]]:
    """A page's characters in lines (by baseline), left to right."""
    by_line: dict[int, list[dict[str, Any]]] = {}
    for char in page.chars:
        if char["text"].strip():
            by_line.setdefault(round(char["bottom"]), []).append(char)
    return [sorted(chars, key=lambda c: c["x0"]) for _, chars in sorted(by_line.items())]
