"""Bytes to text: detect the encoding, normalise line ends and Unicode (NFC, never NFKC)."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from pipeline.chinese import HAN
from pipeline.errors import InputError
from pipeline.regex_cache import Patterns

PATTERNS = Patterns(__file__)  # saved at the end of the module

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
CONTROL = PATTERNS.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What no XML text may hold or only steers rendering, removed from every line and reported: terminal
# colour codes; C0 and C1 controls and DEL; noncharacters and lone surrogates; bidirectional marks,
# embeddings, overrides and isolates; zero-width spaces and joiners, soft hyphens, word joiners,
# invisible operators, BOMs inside the text, interlinear annotation marks, variation selectors and
# tags; private-use characters (web icon fonts).
_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 15))
STRAY = PATTERNS.compile(
    "\x1b\\[[0-9;]*[A-Za-z]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
    "\ue000-\uf8ff\U000e0000-\U000e01ef\U000f0000-\U0010ffff" + _NONCHARACTERS + "]"
)


# Text that was read in the wrong encoding before it was saved (mojibake: a scraper that took GBK or UTF-8 bytes
# for Latin-1, Windows-1252 or Latin-9 writes 北京 as ±±¾© or åŒ—äº¬): its characters are those bytes again. For
# each misreading (Latin-1 reads as either but for a few characters), its characters back to the Latin-1
# characters of the same bytes.
MISREADINGS = ("cp1252", "iso8859-15")
BYTES_OF = {codec: {ord(ch): chr(b) for b in range(0x80, 0x100)
                    if (ch := bytes([b]).decode(codec, "ignore")) and ch != chr(b)} for codec in MISREADINGS}
MISREAD_RUN = PATTERNS.compile("[\u0080-\u00ff" + "".join(chr(k) for table in BYTES_OF.values() for k in table) + "]+")
MIN_MISREAD = 20  # such characters of a page before it is taken for mojibake (a page may print ©, ·, ×, é)
MAX_ALONE = 0.1  # … of which this share at most stand alone (a Han character is two bytes or three: 北 is ±±)
MAX_MISREADINGS = 3  # a page misread, saved, and misread again
MIN_COMMON_SHARE = 0.8  # common characters (`_common`) among those beyond ASCII of a page decoded again
BIG5_COMMON = (0xA1, 0xC6)  # lead bytes of Big5's symbols and first level
REPAIRED = " (repaired: "  # in the encoding a repaired text names (gb18030 (repaired: misread 1x …))


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
    text, encoding = repaired(*_decode_bytes(data))
    return finish(text, encoding)


def repaired(text: str, encoding: str) -> tuple[str, str]:
    """A text read from `encoding` as it was before it was misread (mojibake: few Han characters and at least
    MIN_MISREAD of U+0080-U+00FF and the like, nearly all beside another): its characters taken for the
    bytes they were read from (MISREADINGS) and those bytes decoded again, as UTF-8 where they are UTF-8, else
    as GB18030 or Big5 where that gives mostly their common characters; as many times as it was misread. The
    encoding names what was done. A text that is no such misreading, or only partly one, comes back as it is."""
    found = []
    for _ in range(MAX_MISREADINGS):
        runs = MISREAD_RUN.findall(text)
        misread = sum(map(len, runs))
        alone = sum(len(run) == 1 for run in runs)
        if misread < MIN_MISREAD or 4 * len(HAN.findall(text)) > misread or alone > MAX_ALONE * misread:
            break
        again, original, share = max((_decoded_again(text, codec) for codec in MISREADINGS), key=lambda x: x[2])
        if share < MIN_COMMON_SHARE:
            break
        text = again
        found.append(original)
    if not found:
        return text, encoding
    return text, f"{found[-1]}{REPAIRED}misread {len(found)}x before it was saved as {encoding})"


def _decoded_again(text: str, codec: str) -> tuple[str, str, float]:
    """A misread text's bytes (read as `codec`) decoded again: as UTF-8 where they are UTF-8 (share 1), else in
    the legacy encoding that gives the largest share of common characters beyond ASCII (0 where none decodes)."""
    try:
        raw = text.translate(BYTES_OF[codec]).encode("latin-1")
    except UnicodeEncodeError:
        return text, "", 0.0
    try:
        return raw.decode("utf-8"), "utf-8", 1.0
    except UnicodeDecodeError:
        pass
    best = (text, "", 0.0)
    for encoding in LEGACY_ENCODINGS:
        try:
            decoded = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        wide = [ch for ch in decoded if ord(ch) > 0x7F]
        share = sum(map(_common, wide, [encoding] * len(wide))) / len(wide) if wide else 0.0
        if share > best[2]:
            best = (decoded, encoding, share)
    return best


def _common(ch: str, encoding: str) -> bool:
    """Whether a character is in the common set of the encoding it was decoded from: GB2312 for GB18030, Big5's
    symbols and first level for Big5; bytes misread in the wrong way decode to the rare characters around them."""
    if encoding == "gb18030":
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True
    return BIG5_COMMON[0] <= ch.encode(encoding)[0] <= BIG5_COMMON[1]


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
    legacy = legacy_encoding(data)
    if legacy is None:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise InputError(
            f"cannot be decoded as UTF-8, GB18030 or Big5 (byte 0x{data[utf8_error.start]:02x} "
            f"at offset {utf8_error.start})",
            line=line,
        )
    return data.decode(legacy), legacy


def legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding (GB18030 or Big5) that bytes which are not UTF-8 are in: the one that decodes them, and
    where both do (Big5's bytes are nearly all GB18030's too), the likelier by charset_normalizer. None where
    neither decodes them."""
    decodable = [enc for enc in LEGACY_ENCODINGS if _decodes(data, enc)]
    if not decodable:
        return None
    encoding = decodable[0]
    if len(decodable) > 1:
        best = from_bytes(data, cp_isolation=list(decodable)).best()
        if best is not None:
            encoding = best.encoding.replace("_", "")
    return encoding


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

PATTERNS.save()
