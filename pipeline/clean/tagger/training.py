"""Training the line tagger from annotated pages, and measuring it on sites it has not seen.

A corpus is a folder of `NAME.txt` pages, each with its line classes in `NAME.expected.json`
(`line_classes`, as in tests/data/corpus) or in a `NAME.lines.json` sidecar. Lines that no
class names count as boilerplate. Pages named `NN_site_slug.txt` are grouped by site for the
cross-validation (all pages of a site are held out together); other names are each their own site.

A split file (tests/data/split.json) names the sites of the frozen test split: nothing is trained
on them, and the cross-validation runs over the other sites only.

The model for HTML pages is trained on the same pages with what their markup says of each line: a
page rendered from HTML keeps its lines' DomHints in `NAME.dom.json` (`dom_json`), read with
`html=True`; pages without one are trained on as text.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from pipeline import __version__
from pipeline.clean.read import credits
from pipeline.clean.stages.page import page_lines
from pipeline.clean.tagger import corrections, titles
from pipeline.clean.tagger.features import FEATURE_SET_VERSION
from pipeline.clean.tagger.labels import SIDECAR_SUFFIX, line_classes
from pipeline.clean.tagger.lines import CLASSES, KEPT, LineTagger, pack
from pipeline.clean.tagger.page import FEATURES, Page, page_features
from pipeline.clean.types import DOM_FIELDS, DomHints
from pipeline.config import MAX_INPUT_BYTES
from pipeline.errors import InputError, PipelineError
from pipeline.ingest import decode
from pipeline.writing import write_atomic

# L1 and L2 penalties and iterations, chosen by the leave-one-site-out cross-validation. Over the 79 training
# sites' 283 pages (grouped CV, five folds), c1 0.2 against 0.05 and 1.0: fields 92.9% against 92.6% and 92.5%,
# paragraph F1 0.946 against 0.935 and 0.940, heading F1 0.849 against 0.824 and 0.852.
CRF_PARAMS: dict[str, object] = {"c1": 0.2, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}
CUT_MARGIN = 2  # lines of furniture a cut-out keeps on each side of the article
SITE = re.compile(r"^\d+_(?P<site>[^_]+)_")
CREDIT_FIELDS = ("published", "source", "author", "editor")  # the values the credit reader learns to find
FOLDS = 5  # the grouped cross-validation's folds: every site's pages in one of them
DOM_SUFFIX = ".dom.json"  # NAME.dom.json: what an HTML page's markup says of each line of NAME.txt


@dataclass(frozen=True)
class LabelledPage:
    """One annotated page: its lines as the cleaning trims them, and the class of each."""

    name: str
    page: Page
    labels: list[str]
    fields: Mapping[str, str | None] | None = None  # the annotated values (NAME.expected.json), if any

    @property
    def site(self) -> str:
        """The site the page comes from."""
        return site_of(self.name)


def site_of(name: str) -> str:
    """The site of a page named NN_site_slug, or the page's own name."""
    match = SITE.match(name)
    return match["site"] if match else name


def dom_json(hints: Sequence[DomHints | None]) -> str:
    """The DomHints of a page's lines as NAME.dom.json keeps them: the field names, then a line's hints per
    line of JSON (null for a line the markup says nothing of)."""
    rows = [json.dumps(None if h is None else astuple(h), ensure_ascii=False, separators=(",", ":")) for h in hints]
    return f'{{"fields": {json.dumps(list(DOM_FIELDS))},\n "lines": [\n  ' + ",\n  ".join(rows) + "\n ]\n}\n"


def read_dom(path: Path) -> list[DomHints | None]:
    """The DomHints of a page's lines, from its NAME.dom.json."""
    data = json.loads(path.read_text("utf-8"))
    if data["fields"] != list(DOM_FIELDS):
        raise ValueError(f"{path.name} names the hints {data['fields']}, not {list(DOM_FIELDS)}")
    return [None if row is None else DomHints(*row) for row in data["lines"]]


def read_page(text_path: Path, *, html: bool = False) -> LabelledPage:
    """A page and its classes, from NAME.expected.json's line_classes or NAME.lines.json; with `html`, its
    lines' DomHints from NAME.dom.json where there is one."""
    stem = text_path.name.removesuffix(".txt")
    dom_path = text_path.with_name(stem + DOM_SUFFIX)
    expected = text_path.with_name(stem + ".expected.json")
    sidecar = text_path.with_name(stem + SIDECAR_SUFFIX)
    try:
        text = decode(text_path.read_bytes(), max_bytes=MAX_INPUT_BYTES).text
        raw_count = text.count("\n") + 1
        fields = None
        if expected.exists():
            annotation = json.loads(expected.read_text("utf-8"))
            mapping = annotation["line_classes"]
            fields = {name: annotation.get(name) for name in CREDIT_FIELDS}
        elif sidecar.exists():
            mapping = json.loads(sidecar.read_text("utf-8"))
        else:
            raise InputError(f"no line classes: neither {expected.name} nor {sidecar.name}")
        classes = line_classes(mapping, raw_count)
        dom = read_dom(dom_path) if html and dom_path.exists() else []
    except (OSError, KeyError, ValueError, TypeError, AttributeError) as exc:  # TypeError: a list, not an object
        raise InputError(f"cannot read its annotation: {exc}", path=text_path) from exc
    except PipelineError as exc:
        raise exc.located(text_path) from None
    lines = page_lines(text, dom)
    labels = [classes.get(line.number, "boilerplate") for line in lines]
    if "title" not in labels:
        raise InputError("no line is classed title", path=text_path)
    return LabelledPage(stem, Page(lines), labels, fields)


def read_corpus(folder: Path, *, html: bool = False) -> list[LabelledPage]:
    """Every annotated page of a folder, sorted by name (NAME.gbk.txt copies are left out); with `html`, with
    their DomHints."""
    if not folder.is_dir():
        raise InputError("no such folder", path=folder)
    paths = sorted(p for p in folder.glob("*.txt") if "." not in p.name.removesuffix(".txt"))
    if not paths:
        raise InputError("no NAME.txt pages in the folder", path=folder)
    return [read_page(path, html=html) for path in paths]


def frozen_sites(split: Path) -> frozenset[str]:
    """The sites of the frozen test split a split file names."""
    try:
        names = json.loads(split.read_text("utf-8"))["test_sites"]
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(f"cannot read the split: {exc}", path=split) from exc
    return frozenset(names)


def training_pages(pages: Sequence[LabelledPage], split: Path | None) -> list[LabelledPage]:
    """The pages whose sites are not in the frozen test split (all of them without a split)."""
    held = frozen_sites(split) if split else frozenset()
    return [p for p in pages if p.site not in held]


def fold_of(site: str, folds: int = FOLDS) -> int:
    """The fold a site belongs to: by a hash of its name, so a site keeps its fold as the corpus grows
    (the frozen split is chosen by the same hash)."""
    return int(hashlib.sha256(site.encode()).hexdigest()[:8], 16) % folds


def corpus_hash(folders: Sequence[Path]) -> str:
    """SHA-256 over the names and bytes of the corpus's pages and annotations."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.name.endswith((".txt", ".expected.json", SIDECAR_SUFFIX, DOM_SUFFIX)) and path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def train(pages: Sequence[LabelledPage]) -> bytes:
    """A model file trained on the pages and their cut-outs (deterministic): the title ranker, the line
    CRF, and the credit reader (on the metadata lines of the pages with annotated values)."""
    examples = [*pages, *(cut_out(p) for p in pages)]
    ranker = titles.train((p.page, p.labels) for p in examples)
    lines = _train_crf((page_features(p.page, p.labels.index("title")), p.labels) for p in examples)
    return pack([ranker, lines, credits.train(credit_examples(pages))])


def credit_examples(pages: Iterable[LabelledPage]) -> Iterable[tuple[str, str, list[str]]]:
    """Each metadata line of the annotated pages, the opening of the first paragraph and the close of the last,
    and the short lines between the title and the text (the header's furniture, which the reader must learn to
    leave alone: `corrections.credit_read` reads them), with the page's other lines and the characters' tags."""
    for page in pages:
        if page.fields is None:
            continue
        texts = page.page.texts
        body = [i for i, label in enumerate(page.labels) if label == "body"]
        snippets = [(i, texts[i]) for i, label in enumerate(page.labels) if label == "meta"]
        if body:
            snippets += [(body[0], credits.opening(texts[body[0]])), (body[-1], credits.closing(texts[body[-1]]))]
            snippets += [(i, texts[i]) for i in range(page.labels.index("title") + 1, body[0])
                         if page.labels[i] == "boilerplate" and corrections.may_be_credit(page.page, i)]
        for i, text in snippets:
            yield text, credits.rest_of_page(texts, texts[i]), credits.span_labels(text, page.fields)


def cut_out(page: LabelledPage) -> LabelledPage:
    """The page as someone who copied only the article would give it: from just above the title to just
    after the last line of the article (so that the model also knows pages with little furniture)."""
    kept = [i for i, label in enumerate(page.labels) if label in KEPT]
    start = max(0, page.labels.index("title") - CUT_MARGIN)
    end = min(len(page.labels), kept[-1] + 1 + CUT_MARGIN)
    return LabelledPage(page.name, Page(page.page.lines[start:end]), page.labels[start:end], page.fields)


def _train_crf(sequences: Iterable[tuple[list[list[bytes]], list[str]]]) -> bytes:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.set_params(CRF_PARAMS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.crf"
        trainer.train(str(path))
        return path.read_bytes()


def sites(pages: Sequence[LabelledPage]) -> list[str]:
    """The sites of a corpus, sorted."""
    return sorted({p.site for p in pages})


def line_scores(pages: Sequence[LabelledPage], predicted: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of each class over all lines, from the predictions per page name."""
    pairs = Counter((gold, got) for p in pages for gold, got in zip(p.labels, predicted[p.name], strict=True))
    scores = {}
    for label in CLASSES:
        hit = pairs[(label, label)]
        guessed = sum(n for (_, got), n in pairs.items() if got == label)
        actual = sum(n for (gold, _), n in pairs.items() if gold == label)
        precision = hit / guessed if guessed else 0.0
        recall = hit / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                         "lines": actual}
    return scores


def fold_models(pages: Sequence[LabelledPage], *, extra: Sequence[LabelledPage] = (), folds: int = FOLDS,
                jobs: int = 1) -> dict[int, bytes]:
    """For each fold of sites, a model trained on the pages (and the `extra` pages) of the other folds.

    `extra` pages are training data only (another rendering of a page, pages written for the
    tests); those of a held-out site are held out with it.
    """
    numbers = sorted({fold_of(p.site, folds) for p in pages})
    training_sets = [[p for p in (*pages, *extra) if fold_of(p.site, folds) != k] for k in numbers]
    if jobs <= 1:
        models = [train(chosen) for chosen in training_sets]
    else:
        context = multiprocessing.get_context("spawn")
        with context.Pool(min(jobs, len(numbers))) as pool:
            models = pool.map(train, training_sets)
    return dict(zip(numbers, models, strict=True))


def cross_validate(pages: Sequence[LabelledPage], *, extra: Sequence[LabelledPage] = (), folds: int = FOLDS,
                   jobs: int = 1) -> dict[str, Any]:
    """Grouped by site: each fold's pages tagged by a model trained on the other folds; line scores."""
    predicted: dict[str, list[str]] = {}
    for k, model in fold_models(pages, extra=extra, folds=folds, jobs=jobs).items():
        predicted.update(tag_with(model, [p for p in pages if fold_of(p.site, folds) == k]))
    return {"method": f"{folds} folds grouped by site", "sites": len(sites(pages)), "pages": len(pages),
            "lines": line_scores(pages, predicted)}


def tag_with(model: bytes, pages: Sequence[LabelledPage]) -> dict[str, list[str]]:
    """The classes a model gives each page's lines."""
    tagger = LineTagger(model, "fold")
    return {p.name: [d.label for d in tagger.tag(p.page)] for p in pages}


def write_model(path: Path, model: bytes, *, corpus: Sequence[Path], pages: Sequence[LabelledPage],
                split: Path | None = None, cross_validation: dict[str, Any] | None = None) -> Path:
    """Write the model file and its sidecar NAME.json (what it is, what it was trained on, how it scores)."""
    meta = {
        "model": path.name,
        "input": "html" if any(line.dom for p in pages for line in p.page.lines) else "text",
        "generator": f"pipeline {__version__}",
        "feature_set": FEATURE_SET_VERSION,
        "features": FEATURES,
        "crf": CRF_PARAMS,
        "classes": list(CLASSES),
        "corpus": {"folders": [str(f) for f in corpus], "sha256": corpus_hash(corpus), "pages": len(pages),
                   "sites": len(sites(pages)),
                   "lines": sum(len(p.labels) for p in pages),
                   "split": {"file": str(split), "sha256": hashlib.sha256(split.read_bytes()).hexdigest(),
                             "test_sites_left_out": sorted(frozen_sites(split))} if split else None},
        "model_sha256": hashlib.sha256(model).hexdigest(),
        "cross_validation": cross_validation,
    }
    write_atomic(path, model)
    sidecar = path.with_suffix(".json")
    write_atomic(sidecar, (json.dumps(meta, ensure_ascii=False, indent=1) + "\n").encode())
    return sidecar
