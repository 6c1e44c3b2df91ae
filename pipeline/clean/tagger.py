"""The line tagger: which line of a page is the title, metadata, a heading, body text, a caption or boilerplate.

Three models (CRFsuite) decide it:
1. the title ranker (`titles.py`) scores every line that could be the headline and takes the best;
2. a linear-chain CRF over the features of `features.py` sees, besides them, where each line
   stands from that title, and labels every line. Lines above the title are boilerplate unless
   they are metadata;
3. the credit reader (`credits.py`) reads the metadata lines' dates, outlets and names.

A model file is a zip of the three (`titles.crf`, `lines.crf`, `credits.crf`); its sidecar
`NAME.json` says what it was trained on (`training.py` writes both).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from pipeline.clean import classify as c
from pipeline.clean import features as f
from pipeline.clean import patterns as p
from pipeline.clean.credits import CreditReader
from pipeline.clean.features import FEATURE_SET_VERSION, FEATURES, Page, page_features
from pipeline.clean.titles import Candidate, TitleRanker
from pipeline.errors import CleaningError, ConfigError

CLASSES = ("title", "meta", "heading", "body", "caption", "boilerplate")
KEPT = ("title", "meta", "heading", "body")  # the classes whose lines stay in the article
MEMBERS = ("titles.crf", "lines.crf", "credits.crf")
DEFAULT_MODEL = Path(str(resources.files("pipeline") / "models" / "line-tagger.zip"))
REVIEW_BELOW = 0.7  # a decision less sure than this is marked for review in --explain
CAPTION_DOUBT = 0.8  # a headline-shaped caption less sure than this, over a paragraph, is taken for a heading
FOOTER_LINES = 3  # lines below the article's text where a credit (责任编辑：…) is looked for
MAX_CREDIT_CHARS = 40  # … and how long such a credit line may be
MAX_MODEL_BYTES = 64_000_000  # a model file, and each of its members unpacked (the packaged one is 0.3 MB)
CHAPTERS = ("part", "chapter", "section")  # numbering that only a heading has (not 一、 or 1. of a list)


@dataclass(frozen=True)
class Decision:
    """The class of one line, how sure the model is (its marginal probability), and who decided."""

    label: str
    confidence: float
    by: str = "model"  # or "sidecar" (a NAME.lines.json named the line), or the name of a correction


@dataclass(frozen=True)
class Tagging:
    """A page's decisions, and the title candidates (likeliest first; none where a sidecar names the title)."""

    decisions: list[Decision]
    candidates: list[Candidate]


class LineTagger:
    """A trained model, loaded once: tags the lines of a page."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if any(archive.getinfo(member).file_size > MAX_MODEL_BYTES for member in MEMBERS):
                    raise zipfile.BadZipFile(f"a member over {MAX_MODEL_BYTES // 1_000_000} MB")
                titles, lines, credit_lines = (archive.read(member) for member in MEMBERS)
        except (zipfile.BadZipFile, KeyError) as exc:
            raise ConfigError(f"{name}: not a line-tagger model ({exc})") from exc
        self._blob = lines  # CRFsuite reads the model in place: it must outlive the tagger
        self._lines = _open(lines)
        self._known = {id(self._lines): set(self._lines.labels())}
        self.titles = TitleRanker(titles)
        self.credits = CreditReader(credit_lines)

    def tag(self, page: Page, fixed: Mapping[int, str] | None = None) -> list[Decision]:
        """One decision per line of the page; `fixed` (index → class) overrides the model."""
        return self.read(page, fixed).decisions

    def read(self, page: Page, fixed: Mapping[int, str] | None = None) -> Tagging:
        """The decisions, and the title candidates the ranker weighed."""
        fixed = fixed or {}
        if not page.texts:
            return Tagging([], [])
        named = [i for i, label in fixed.items() if label == "title"]
        candidates = [] if named else self.titles.rank(page)
        if not named and not candidates:
            raise CleaningError("cannot tell the title from the navigation: no line reads as a headline")
        title = min(named) if named else candidates[0].index
        title_confidence = 1.0 if named else candidates[0].score
        tagger = self._lines
        labels = tagger.tag(page_features(page, title))
        decisions = []
        for i, label in enumerate(labels):
            if i in fixed:
                decisions.append(Decision(fixed[i], 1.0, "sidecar"))
                continue
            if i == title:
                label = "title"
            elif label == "title" or (i < title and label != "meta"):
                label = "boilerplate"
            confidence = title_confidence if label == "title" else self._marginal(tagger, label, i)
            decisions.append(Decision(label, round(confidence, 3)))
        for rule in RULES:
            decisions = rule(page, decisions, title)
        if not any(d.label == "body" for d in decisions) and title + 1 < len(decisions):
            # An article has text: the line below the title most likely to be it (a gallery's one caption-like
            # paragraph, a page of one long line) is its body.
            likeliest = max(range(title + 1, len(decisions)), key=lambda i: self._marginal(tagger, "body", i))
            if decisions[likeliest].by == "model" and page.paragraph[likeliest]:
                confidence = round(self._marginal(tagger, "body", likeliest), 3)
                decisions[likeliest] = Decision("body", confidence, "some_text")
        return Tagging(decisions, candidates)

    def _marginal(self, tagger: pycrfsuite.Tagger, label: str, i: int) -> float:
        """P(line i has `label`) for the sequence last tagged; 0 for a class the model never saw."""
        return tagger.marginal(label, i) if label in self._known[id(tagger)] else 0.0


def framed_text(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Between the article's first line of text and the credit that closes it (编辑：…), every line is
    the article's, text or a caption, unless it is furniture (a button, a page list, 正文已结束): an
    article cut into one short line per phrase reads as a menu to the model."""
    close = page.closing_credit(title)
    body = _body_lines(decisions)
    if close is None or not body:
        return decisions
    out = list(decisions)
    for i in range(body[0] + 1, close):
        text, decision = page.texts[i], out[i]
        if decision.by == "model" and decision.label == "boilerplate" and not (
            c.is_chrome(text) or c.is_end_marker(text)
        ):
            out[i] = _overrule(decision, "caption" if c.is_caption(text) else "body", "text_in_frame")
    return out


def credit_lines(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """Metadata the words show: between the title and the text, a date line, a byline or a labelled
    field; just below the text, a short labelled credit (责任编辑：…, 【编辑：…】). The model may call
    them boilerplate (a site's own layout), but their values are read by rules."""
    body = _body_lines(decisions)
    if not body:
        return decisions
    first, last = body[0], body[-1]
    out = list(decisions)
    for i in [*range(title + 1, first), *range(last + 1, min(len(out), last + 1 + FOOTER_LINES))]:
        text, decision = page.texts[i], out[i]
        if decision.by != "model" or decision.label == "meta" or page.paragraph[i]:
            continue
        if i < first:
            credit = c.is_meta_line(text, in_header=True) or f.dated_short(text)
        else:
            labelled = bool(c.meta_labels(text)) or p.EDITOR_TAG.search(text) is not None
            credit = len(text) <= MAX_CREDIT_CHARS and labelled
        if credit:
            out[i] = _overrule(decision, "meta", "credit_words")
    return out


def heading_words(page: Page, decisions: list[Decision], title: int) -> list[Decision]:
    """What a heading's words say: a labelled credit (《棱镜》作者 周纯) is metadata, a button (facebook) is
    boilerplate, a piece of a sentence (因为) inside the text is text; and a chapter, part or section
    number (第二章　…) between lines of text makes a heading, as does a headline over a paragraph."""
    body = _body_lines(decisions)
    out = list(decisions)
    for i, decision in enumerate(out):
        text = page.texts[i]
        if decision.by != "model":
            continue
        if decision.label == "heading" and len(text) <= MAX_CREDIT_CHARS and c.meta_labels(text, glued=True):
            out[i] = _overrule(decision, "meta", "heading_is_credit")
        elif decision.label == "heading" and c.is_chrome(text) and not text.isdigit():  # 01: a numbered part
            out[i] = _overrule(decision, "boilerplate", "heading_is_button")
        elif decision.label == "heading" and body and body[0] < i < body[-1] and c.is_fragment(text):
            out[i] = _overrule(decision, "body", "heading_is_fragment")
        elif (decision.label != "heading" and body and body[0] < i < body[-1]
              and c.heading_kind(text) in CHAPTERS and c.is_heading_shaped(text)):
            out[i] = _overrule(decision, "heading", "chapter_number")
        elif ((decision.label == "boilerplate" or (decision.label == "caption" and decision.confidence < CAPTION_DOUBT))
              and body and body[0] < i < body[-1]
              and out[i + 1].label == "body" and page.paragraph[i + 1] and c.is_heading_shaped(text)
              and not (c.is_chrome(text) or c.is_caption(text))):
            out[i] = _overrule(decision, "heading", "headline_over_text")
    return out


def _overrule(decision: Decision, label: str, correction: str) -> Decision:
    """The decision a correction makes instead of the model's (named in CORRECTIONS)."""
    assert correction in CORRECTIONS, correction
    return Decision(label, decision.confidence, correction)


def _body_lines(decisions: Sequence[Decision]) -> list[int]:
    """The indices of the lines the decisions call body text."""
    return [i for i, d in enumerate(decisions) if d.label == "body"]


RULES = (framed_text, credit_lines, heading_words)  # run in this order over the model's decisions

# The corrections that overrule the line model, by the name a decision records (`by`), each with what it
# does: `pipeline clean --corrections` lists them and `--explain` shows which one decided a line.
CORRECTIONS = {
    "text_in_frame": "between the article's first line of text and the credit that closes it, a line is text or "
                     "a caption unless it is furniture (a button, a page list, an end marker)",
    "credit_words": "between the title and the text a date line, a byline or a labelled field, and just below the "
                    "text a short labelled credit, is metadata",
    "heading_is_credit": "a heading-shaped labelled credit (《棱镜》作者 周纯) is metadata",
    "heading_is_button": "a heading-shaped button or menu word (facebook) is boilerplate",
    "heading_is_fragment": "a heading-shaped piece of a sentence (因为) inside the text is text",
    "chapter_number": "a chapter, part or section number (第二章 …) between lines of text is a heading",
    "headline_over_text": "a headline-shaped line over a paragraph, inside the text, is a heading",
    "some_text": "a page the model finds no text on: the line below the title likeliest to be text is its text",
}


def _open(blob: bytes) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(blob)
    return tagger


def pack(models: Sequence[bytes]) -> bytes:
    """The model file of the ranker, the line CRF and the reader (in MEMBERS' order): a zip with fixed
    dates, so equal models give equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, blob in zip(MEMBERS, models, strict=True):
            archive.writestr(zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0)), blob)
    return buffer.getvalue()


@lru_cache(maxsize=4)
def load(path: Path = DEFAULT_MODEL) -> LineTagger:
    """The tagger of a model file, loaded once per process, after checking it against its sidecar."""
    if path.exists() and not path.is_file():
        raise ConfigError(f"{path}: not a line-tagger model (not a regular file)")
    try:
        if path.stat().st_size > MAX_MODEL_BYTES:
            raise ConfigError(f"{path}: not a line-tagger model (over {MAX_MODEL_BYTES // 1_000_000} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the model {path}: {exc.strerror}") from exc
    verify(path, data)
    return LineTagger(data, str(path))


def verify(path: Path, data: bytes) -> None:
    """Refuse a model whose bytes are not those its sidecar NAME.json records, or that was trained on
    other features: CRFsuite trusts what it reads, and a damaged model would crash it."""
    sidecar = path.with_suffix(".json")
    try:
        meta = json.loads(sidecar.read_text("utf-8"))
        recorded, version, features = meta["model_sha256"], meta["feature_set"], meta.get("features", [])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a line-tagger model: no readable {sidecar.name} beside it "
                          "(pipeline train writes both)") from exc
    if hashlib.sha256(data).hexdigest() != recorded:
        raise ConfigError(f"{path}: not the model {sidecar.name} describes (damaged or replaced): retrain it")
    if version != FEATURE_SET_VERSION:
        raise ConfigError(f"{path}: trained on feature set {version}, this pipeline reads {FEATURE_SET_VERSION}: "
                          "retrain it")
    if features != FEATURES:
        known = set(features) if isinstance(features, list) else set()
        added, gone = sorted(set(FEATURES) - known), sorted(known - set(FEATURES))
        differ = [f"trained without {', '.join(added)}"] if added else []
        differ += [f"trained on {', '.join(gone)}, no longer read"] if gone else []
        if not known:
            differ = [f"{sidecar.name} names none"]
        raise ConfigError(f"{path}: made for other line features ({'; '.join(differ)}): retrain it")
