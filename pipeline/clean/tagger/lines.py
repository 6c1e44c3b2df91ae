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
import itertools
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from pipeline.clean.classify import han_count
from pipeline.clean.read.credits import CreditReader
from pipeline.clean.tagger.corrections import RULES, credit_read, dek_over_credits
from pipeline.clean.tagger.features import FEATURE_SET_VERSION
from pipeline.clean.tagger.page import FEATURES, Page, page_features
from pipeline.clean.tagger.titles import Candidate, TitleRanker, registered_title
from pipeline.clean.types import Decision
from pipeline.errors import CleaningError, ConfigError
from pipeline.writing import ZIP_DATE

CLASSES = ("title", "meta", "heading", "body", "caption", "boilerplate")
KEPT = ("title", "meta", "heading", "body")  # the classes whose lines stay in the article
MEMBERS = ("titles.crf", "lines.crf", "credits.crf")
DEFAULT_MODEL = Path(str(resources.files("pipeline") / "models" / "line-tagger.zip"))
# The packaged model for HTML pages: trained on the same pages, with what their markup says of each line.
HTML_MODEL = DEFAULT_MODEL.with_name("line-tagger-html.zip")
PACKAGED_MODELS = (DEFAULT_MODEL, HTML_MODEL)
REVIEW_BELOW = 0.7  # a decision less sure than this is marked for review in --explain
LIKELY = 0.5  # the ranker's probability of a line that it is likelier the headline than not
UNLIKELY = 0.05  # … and of a line it all but rules out
# Where the ranker doubts its best headline (under LIKELY), a rival scored at least RIVAL of the best is weighed
# by the text the line model finds under each: a rival heading MORE_TEXT times the text is the headline.
RIVAL, MORE_TEXT = 0.5, 2.0
DEK_LINES = 2  # a rival this close under a headline is its dek or an excerpt of its text, no other headline
# The ranker's likeliest line as a dek under its headline (柯达宣布重组 起诉苹果 / 有分析认为…，也有观点认为，…): a
# sentence of clauses right under a shorter line without any that the ranker gives at least DEK_HEADLINE.
DEK_HEADLINE = 0.2
CLAUSE_MARKS = "，,；;。"
ELLIPSES = ("...", "…")  # closing an excerpt of the text cut short
MAX_MODEL_BYTES = 64_000_000  # a model file, and each of its members unpacked (the packaged one is 0.3 MB)


class NoHeadline(CleaningError):
    """No line of the page reads as a headline and nothing names one (a text of paragraphs only)."""


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

    def read(self, page: Page, fixed: Mapping[int, str] | None = None, headline: int | None = None) -> Tagging:
        """The decisions, and the title candidates the ranker weighed; `headline` is the line an HTML page's
        head names as the headline (its <title>, og:title, JSON-LD), taken for the title over the ranker's
        choice (a sidecar's title over both), unless that is the page's first line and the ranker likelier takes
        another (a site's name printed over its pages, the <title> of every page); without one, the line a
        register's 标题： label stands over is."""
        fixed = fixed or {}
        if not page.texts:
            return Tagging([], [])
        named = [i for i, label in fixed.items() if label == "title"]
        candidates = [] if named else self.titles.rank(page)
        if (headline is not None and candidates and candidates[0].index != headline
                and candidates[0].score >= LIKELY and (headline == 0 or _score(candidates, headline) < UNLIKELY)):
            headline = None  # the head names the page's first line, the site's name over every page (某某县人民政府),
            # or a line the ranker all but rules out (a menu's link: a section's name in the <title>, 我要投稿-某某网)
        registered = None if named or headline is not None else registered_title(page)  # 标题： over it
        given = headline if headline is not None else registered  # the page names its headline
        if named:
            title = min(named)
        elif given is not None:
            title = given
        elif candidates:
            title = candidates[0].index
        else:
            raise NoHeadline("cannot tell the title from the navigation: no line reads as a headline")
        title_confidence = 1.0 if named or given is not None else candidates[0].score
        dek = title if not named and given is None and _dek_under_headline(page, candidates) else None
        if dek is not None:
            title = dek - 1
        tagger = self._lines
        labels = tagger.tag(page_features(page, title))
        if not named and given is None and dek is None and title_confidence < LIKELY:
            title, labels, title_confidence = self._heads_the_text(page, candidates, labels)
        decisions = []
        for i, label in enumerate(labels):
            if i in fixed:
                decisions.append(Decision(fixed[i], 1.0, "sidecar"))
                continue
            if i == dek:  # the subtitle; an excerpt of the text cut short (…新興市場…) is a teaser, furniture
                excerpt = page.texts[i].endswith(ELLIPSES)
                decisions.append(Decision("boilerplate" if excerpt else "title", round(title_confidence, 3),
                                          "dek_under_headline"))
                continue
            if i == title:
                if headline == title or registered == title:
                    decisions.append(Decision("title", 1.0, "head_title" if headline == title else "registered_title"))
                    continue
                label = "title"
            elif label == "title" or (i < title and label != "meta"):
                label = "boilerplate"
            confidence = title_confidence if label == "title" else self._marginal(tagger, label, i)
            decisions.append(Decision(label, round(confidence, 3)))
        if not any(d.label == "body" for d in decisions) and title + 1 < len(decisions):
            # An article has text: the line below the title most likely to be it (a gallery's one caption-like
            # paragraph, a page of one long line) is its body; the corrections then read the text's place.
            likeliest = max(range(title + 1, len(decisions)), key=lambda i: self._marginal(tagger, "body", i))
            if decisions[likeliest].by == "model" and page.paragraph[likeliest]:
                confidence = round(self._marginal(tagger, "body", likeliest), 3)
                decisions[likeliest] = Decision("body", confidence, "some_text")
        for rule in RULES:
            decisions = rule(page, decisions, title)
        decisions = credit_read(page, decisions, title, self.credits)
        decisions = dek_over_credits(page, decisions, title)
        return Tagging(decisions, candidates)

    def _heads_the_text(self, page: Page, candidates: Sequence[Candidate], labels: list[str],
                        ) -> tuple[int, list[str], float]:
        """The doubted best headline, or the close rival standing over far more of the text the line model
        finds (a related list's headline under the article outscores the headline in a few pages); with the
        line labels under it and its score."""
        best, *others = candidates
        rivals = list(itertools.takewhile(lambda rival: rival.score >= RIVAL * best.score, others))
        if not rivals:
            return best.index, labels, best.score
        heads = sorted(x.index for x in (best, *rivals))
        text = _text_under(page, best.index, labels, _next_head(heads, best.index, len(labels)))
        chosen, chosen_labels, chosen_text = best, labels, text
        for rival in rivals:
            rival_labels = self._lines.tag(page_features(page, rival.index))
            under = _text_under(page, rival.index, rival_labels, _next_head(heads, rival.index, len(labels)))
            if under >= MORE_TEXT * max(text, 1) and under > chosen_text:
                chosen, chosen_labels, chosen_text = rival, rival_labels, under
        self._lines.tag(page_features(page, chosen.index))  # the marginals read below are the chosen sequence's
        return chosen.index, chosen_labels, chosen.score

    def _marginal(self, tagger: pycrfsuite.Tagger, label: str, i: int) -> float:
        """P(line i has `label`) for the sequence last tagged; 0 for a class the model never saw."""
        return tagger.marginal(label, i) if label in self._known[id(tagger)] else 0.0


def _dek_under_headline(page: Page, candidates: Sequence[Candidate]) -> bool:
    """Whether the likeliest headline is a dek right under the headline: a sentence of clauses under a candidate
    without any, no longer than it, that the ranker gives at least DEK_HEADLINE (the two are the title and its
    subtitle)."""
    best = candidates[0].index
    above = next((x for x in candidates if x.index == best - 1), None)
    if above is None or above.score < DEK_HEADLINE:
        return False
    headline, dek = page.texts[best - 1], page.texts[best]
    return (any(mark in dek for mark in CLAUSE_MARKS) and not any(mark in headline for mark in CLAUSE_MARKS)
            and len(headline) <= len(dek))


def _text_under(page: Page, title: int, labels: Sequence[str], end: int) -> int:
    """The Han characters of the lines labelled body below the title, up to line `end`."""
    return sum(han_count(page.texts[i]) for i in range(title + 1, end) if labels[i] == "body")


def _next_head(heads: Sequence[int], head: int, end: int) -> int:
    """Where the text under a headline ends: at the next of the close rivals below it (a teaser's headline over the
    page heads no more than the lines down to the article's own), but not one right under it (its dek, an excerpt of
    its text), else at the page's end."""
    return next((other for other in heads if other > head + DEK_LINES), end)


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
            archive.writestr(zipfile.ZipInfo(member, date_time=ZIP_DATE), blob)
    return buffer.getvalue()


def default_model(*, html: bool) -> Path:
    """The packaged model for a page of this kind."""
    return HTML_MODEL if html else DEFAULT_MODEL


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


def _score(candidates: Sequence[Candidate], index: int) -> float:
    """The ranker's probability of line `index` (0 for a line it did not take for a candidate)."""
    return next((candidate.score for candidate in candidates if candidate.index == index), 0.0)
