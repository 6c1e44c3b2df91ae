"""Bytes to text: detect the encoding, normalise line ends and Unicode (NFC, never NFKC)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from pipeline.errors import InputError

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY_ENCODINGS = ("gb18030", "big5")
# C0 controls other than tab and line ends: a text page never has many of them.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What no XML text may hold or only steers rendering, removed from every line and reported: terminal
# colour codes; C0 and C1 controls and DEL; noncharacters and lone surrogates; bidirectional marks,
# embeddings, overrides and isolates; zero-width spaces and joiners, soft hyphens, word joiners,
# invisible operators, BOMs inside the text, interlinear annotation marks, variation selectors and
# tags; private-use characters (web icon fonts).
_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 15))
STRAY = re.compile(
    "\x1b\\[[0-9;]*[A-Za-z]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
    "\ue000-\uf8ff\U000e0000-\U000e01ef\U000f0000-\U0010ffff" + _NONCHARACTERS + "]"
)


@dataclass(frozen=True)
class Text:
    """A decoded page: its text and the encoding it was read in."""

    text: str
    encoding: str
    removed: tuple[tuple[int, str, str], ...] = ()  # (line, before, after) for lines stray characters left



MAX_LINES = 50_000  # lines of one page: a long law runs to 2,000; each line costs the cleaning memory


def check_size(size: int, max_bytes: int) -> None:
    """Refuse a page over the size limit (also before it is read, from its size on disk)."""
    if size > max_bytes:
        raise InputError(
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one article"
            " (max_input_bytes)"
        )


def decode(data: bytes, *, max_bytes: int) -> Text:
    """Decode a scraped page, trying UTF-8 first, then GB18030 and Big5."""
    check_size(len(data), max_bytes)
    if not data.strip():
        raise InputError("file is empty" if not data else "file has only white space")
    text, encoding = _decode_bytes(data)
    return finish(text, encoding)


def finish(text: str, encoding: str) -> Text:
    """A decoded page made ready for the cleaning: bounded, normalised, stray characters removed."""
    if not text.strip():
        raise InputError("file has only white space")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise InputError(f"{lines:,} lines, over the limit of {MAX_LINES:,} for one article page")
    clean_text, removed = remove_stray(normalise(text))
    return Text(clean_text, encoding, removed)


def _decode_bytes(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {encoding} byte-order mark but is not {encoding}") from exc
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary data (NUL bytes), not a text page", line=line)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    decodable = [enc for enc in LEGACY_ENCODINGS if _decodes(data, enc)]
    if not decodable:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise InputError(
            f"cannot be decoded as UTF-8, GB18030 or Big5 (byte 0x{data[utf8_error.start]:02x} "
            f"at offset {utf8_error.start})",
            line=line,
        )
    encoding = decodable[0]
    if len(decodable) > 1:
        best = from_bytes(data, cp_isolation=list(decodable)).best()
        if best is not None:
            encoding = best.encoding.replace("_", "")
    return data.decode(encoding), encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def normalise(text: str) -> str:
    """Line ends to \\n, NFC; full-width punctuation kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    controls = CONTROL.findall(text)
    if len(controls) > max(8, len(text) // 200):
        line = text[: CONTROL.search(text).start()].count("\n") + 1  # type: ignore[union-attr]
        raise InputError("binary data (control characters), not a text page", line=line)
    return text


def remove_stray(text: str) -> tuple[str, tuple[tuple[int, str, str], ...]]:
    """The text without STRAY characters, and each line that lost some: (number, before, after)."""
    if not STRAY.search(text):
        return text, ()
    lines = text.split("\n")
    removed = []
    for number, line in enumerate(lines, start=1):
        cleaned = STRAY.sub("", line)
        if cleaned != line:
            removed.append((number, line, cleaned))
            lines[number - 1] = cleaned
    return "\n".join(lines), tuple(removed)


def describe(before: str, after: str) -> str:
    """The code points a line lost, with how many of each: U+FFFE ×1, U+202E ×2."""
    counts: dict[str, int] = {}
    for match in STRAY.finditer(before):
        for ch in match.group():
            counts[f"U+{ord(ch):04X}"] = counts.get(f"U+{ord(ch):04X}", 0) + 1
    return ", ".join(f"{code} ×{n}" for code, n in counts.items())
