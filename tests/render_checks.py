"""Helpers that open rendered files with the tools their readers use (pypdf, pdfplumber, python-docx, LibreOffice)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
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


def xml_text_in_reading_order(root: etree._Element) -> str:
    """Title, subtitle, byline parts, headings and paragraphs of a DocBook tree, as the PDF prints them."""
    info = docbook.read_info(root)
    parts = [info.title, info.subtitle or "", info.byline]
    for element in root.iter(docbook.DB + "title", docbook.DB + "para"):
        parent = element.getparent()
        if (parent is not None and parent.tag in (docbook.DB + "section",)) or (element.tag == docbook.DB + "para" and (
            parent is not None and parent.tag != docbook.DB + "abstract"
        )):
            parts.append(docbook.text_of(element))
    return squash("".join(parts))


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


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def libreoffice() -> str | None:
    """The LibreOffice binary, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source: Path, to: str, outdir: Path) -> Path:
    """Convert a document with LibreOffice headless (its own profile folder, so runs never clash)."""
    binary = libreoffice()
    assert binary, "LibreOffice is not installed"
    profile = outdir / "lo-profile"
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
