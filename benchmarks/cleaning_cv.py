"""The cleaning measured on sites it has not seen, by the measures of the team's score_cleaning.py.

The corpus (tests/data/README.md): the development pages (tests/data/corpus) and the imported
pages (tests/data/imported), each scored in its fine rendering; the imported pages' joined
rendering (tests/data/imported-joined) and the written pages (tests/data/pages) are training
data only. The sites of the frozen test split (tests/data/split.json) are never trained on.

1. Grouped cross-validation over the training sites: the sites fall into five folds (by a hash
   of their names); each fold's pages are cleaned by a model trained on the other four. This is
   the figure to develop by.
2. The frozen split: its pages cleaned by a model trained on every training site. Scored for
   the record, never to choose between versions.

With `--html`, the same for the model of HTML pages: trained with what the markup says of each line
(NAME.dom.json) and scored on the pages rendered from HTML (their text and hints, without the head's
evidence: `make bench-html` adds that, from the HTML).

Each page is cleaned in this process (`pipeline.document.from_bytes` with the fold's model) and
scored as score_cleaning.py scores a command's output: the six fields, paragraph P/R/F1 and
heading F1, per site and overall; the development pages apart too, beside the hand-written rules
of commit b1036f2 (benchmarks/rules_b1036f2.json) for continuity.

Run: `make bench-cleaning` (minutes on two cores).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline import docbook, document
from pipeline.clean.tagger import training
from pipeline.errors import PipelineError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "tools"))
import score_cleaning  # noqa: E402

DATA = ROOT / "tests" / "data"
DEVELOPMENT = DATA / "corpus"
SCORED = (DEVELOPMENT, DATA / "imported")  # pages scored, in the rendering a scraper most often gives
EXTRA = (DATA / "imported-joined", DATA / "pages")  # training data only: never scored
SPLIT = DATA / "split.json"
RULES = Path(__file__).with_name("rules_b1036f2.json")
FIELDS: tuple[str, ...] = score_cleaning.FIELDS


def corpus(*, html: bool = False) -> tuple[
        list[training.LabelledPage], list[training.LabelledPage], list[training.LabelledPage]]:
    """The scored pages of the training sites, the extra training pages, and the frozen split's pages; with
    `html`, the pages rendered from HTML with what their markup says of each line (as the model for HTML pages
    is trained)."""
    scored = [p for folder in SCORED for p in training.read_corpus(folder, html=html)]
    extra = [p for folder in EXTRA for p in training.read_corpus(folder, html=html)]
    test = training.frozen_sites(SPLIT)
    return ([p for p in scored if p.site not in test], [p for p in extra if p.site not in test],
            [p for p in scored if p.site in test])


def text_path(name: str) -> Path:
    """The scored text of a page."""
    for folder in SCORED:
        path = folder / f"{name}.txt"
        if path.exists():
            return path
    raise FileNotFoundError(name)


def score_page(txt: Path, model: Path | None, *, html: bool = False) -> dict[str, Any]:
    """score_cleaning.score_doc's result for a page cleaned in this process with `model` (with `html`, with
    what its markup says of each line)."""
    exp = json.loads(txt.with_name(txt.name.removesuffix(".txt") + ".expected.json").read_text("utf-8"))
    raw_lines = txt.read_text("utf-8").split("\n")
    body = [score_cleaning.norm(raw_lines[i - 1]) for i in score_cleaning.line_numbers(exp["line_classes"]["body"])]
    heads_exp = [score_cleaning.norm(h) for h in exp["headings"]]
    result: dict[str, Any] = {"doc": txt.name.removesuffix(".txt"), "error": None,
                              "paragraphs": {"predicted": 0, "expected": len(body), "matched": 0},
                              "headings": {"predicted": 0, "expected": len(heads_exp), "matched": 0}}
    xml = _clean(txt, model, html=html)
    if isinstance(xml, str):
        result["error"] = xml
        return result
    got = score_cleaning.extract(xml)
    result["fields"] = {f: score_cleaning.field_ok(f, exp[f], got.fields.get(f, []), exp) for f in FIELDS}
    result["got"] = {f: (got.fields.get(f) or [None])[0] for f in FIELDS}
    pred = [score_cleaning.norm(p) for p in got.paragraphs]
    matched = score_cleaning.ordered_matches(pred, body, score_cleaning.same_para)
    result["paragraphs"] = dict(zip(("p", "r", "f1"), score_cleaning.prf(matched, len(pred), len(body)), strict=True),
                                predicted=len(pred), expected=len(body), matched=matched)
    heads = [score_cleaning.norm(h) for h in got.headings]
    matched = score_cleaning.ordered_matches(heads, heads_exp, lambda a, b: a == b)
    result["headings"] = dict(zip(("p", "r", "f1"), score_cleaning.prf(matched, len(heads), len(heads_exp)),
                                  strict=True), predicted=len(heads), expected=len(heads_exp), matched=matched)
    legacy = txt.with_name(txt.name.removesuffix(".txt") + ".gbk.txt")
    if legacy.exists():
        other = _clean(legacy, model)
        same = not isinstance(other, str) and score_cleaning.extract(other).paragraphs == got.paragraphs
        result["legacy_same"] = same
    return result


def has_dom(name: str) -> bool:
    """Whether a scored page was rendered from HTML (its NAME.dom.json is beside it)."""
    return text_path(name).with_name(name + training.DOM_SUFFIX).exists()


def _clean(path: Path, model: Path | None, *, html: bool = False) -> bytes | str:
    """The page's DocBook, or the one-line error the command line would print."""
    dom_path = path.with_name(path.name.removesuffix(".txt") + training.DOM_SUFFIX)
    dom = training.read_dom(dom_path) if html and dom_path.exists() else []
    try:
        doc = document.from_bytes(path.read_bytes(), name=str(path), model=model, dom=dom)
    except PipelineError as exc:
        return str(exc)
    return docbook.serialize(doc.tree)


def model_file(path: Path, model: bytes, pages: Sequence[training.LabelledPage]) -> Path:
    """A model written as `pipeline train` writes one (with its sidecar, which loading checks)."""
    training.write_model(path, model, corpus=SCORED, pages=pages)
    return path


def cross_validated(pages: Sequence[training.LabelledPage], extra: Sequence[training.LabelledPage], *,
                    jobs: int = 2, html: bool = False) -> list[dict[str, Any]]:
    """The score of every page, each cleaned by a model trained on the other folds' sites (with `html`: every
    page rendered from HTML, by the model for HTML pages)."""
    models = training.fold_models(pages, extra=extra, jobs=jobs)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        for fold, model in models.items():
            path = Path(folder) / f"fold-{fold}.zip"
            model_file(path, model, pages)
            held = [p for p in pages if training.fold_of(p.site) == fold and (has_dom(p.name) or not html)]
            results.extend(score_page(text_path(p.name), path, html=html) for p in held)
    return sorted(results, key=lambda r: str(r["doc"]))


def frozen(pages: Sequence[training.LabelledPage], extra: Sequence[training.LabelledPage],
           test: Sequence[training.LabelledPage], *, html: bool = False) -> list[dict[str, Any]]:
    """The frozen split's pages, cleaned by a model trained on every training site."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all-training-sites.zip"
        model_file(path, training.train([*pages, *extra]), pages)
        return [score_page(text_path(p.name), path, html=html) for p in test if has_dom(p.name) or not html]


def summarize(results: Iterable[dict[str, Any]]) -> dict[str, float]:
    """The scorer's summary of some pages: each field's accuracy, all fields, micro paragraph P/R/F1, heading F1."""
    results = list(results)
    scored = [r for r in results if not r.get("error")]

    def micro(key: str) -> tuple[float, float, float]:
        counts = [sum(r[key][name] for r in results) for name in ("matched", "predicted", "expected")]
        figures: tuple[float, float, float] = score_cleaning.prf(*counts)
        return figures

    per_field = {f: 100 * sum(r["fields"][f] for r in scored) / len(results) if results else 0.0 for f in FIELDS}
    pp, pr, pf = micro("paragraphs")
    _, _, hf = micro("headings")
    return {"docs": len(results), "failed": len(results) - len(scored),
            "fields": sum(per_field.values()) / len(FIELDS), **per_field,
            "paragraph_p": pp, "paragraph_r": pr, "paragraph_f1": pf, "heading_f1": hf,
            "legacy_mismatches": sum(1 for r in results if r.get("legacy_same") is False)}


def by_site(results: Iterable[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """summarize() for each site's pages."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        groups[training.site_of(r["doc"])].append(r)
    return {site: summarize(group) for site, group in sorted(groups.items())}


INTERVAL_KEYS = ("fields", *FIELDS, "paragraph_f1", "heading_f1")
BOOTSTRAP_ROUNDS = 1000


def site_intervals(results: Sequence[dict[str, Any]], rounds: int = BOOTSTRAP_ROUNDS) -> dict[str, tuple[float, float]]:
    """For each figure, the range that holds 95% of it over samples of the sites drawn again with replacement
    (each site with all its pages): how far the figure would move on other sites like these. Pages of one site
    fail together, so a split of few sites is less sure than its page count says."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        groups[training.site_of(r["doc"])].append(r)
    names = sorted(groups)
    draw = random.Random(0)  # the same intervals on every run
    samples = [summarize([r for _ in names for r in groups[draw.choice(names)]]) for _ in range(rounds)]
    low, high = round(0.025 * (rounds - 1)), round(0.975 * (rounds - 1))
    ordered = {key: sorted(s[key] for s in samples) for key in INTERVAL_KEYS}
    return {key: (values[low], values[high]) for key, values in ordered.items()}


def interval_row(label: str, bounds: dict[str, tuple[float, float]]) -> str:
    """One row of 95% intervals, under the figures they bound."""
    fields = " ".join(f"{bounds[f][0]:4.0f}-{bounds[f][1]:3.0f}%" for f in ("fields", *FIELDS))
    para, head = bounds["paragraph_f1"], bounds["heading_f1"]
    return (f"{label:34s} {'':5s} {'':6s} {fields}   {'':11s}{para[0]:.2f}-{para[1]:.2f}"
            f"  {head[0]:.2f}-{head[1]:.2f}")


def rules_results() -> list[dict[str, Any]]:
    """The recorded per-page scores of the hand-written rules on the development pages."""
    documents: list[dict[str, Any]] = json.loads(RULES.read_text("utf-8"))["documents"]
    return documents


HEADER = (f"{'':34s} {'pages':>5s} {'failed':>6s} {'fields':>6s} "
          + " ".join(f"{f[:9]:>9s}" for f in FIELDS) + "   para P    R   F1   head F1")


def row(label: str, s: dict[str, float]) -> str:
    """One row of figures."""
    return (f"{label:34s} {int(s['docs']):5d} {int(s['failed']):6d} {s['fields']:5.1f}% "
            + " ".join(f"{s[f]:8.1f}%" for f in FIELDS)
            + f"   {s['paragraph_p']:.3f} {s['paragraph_r']:.3f} {s['paragraph_f1']:.3f}   {s['heading_f1']:.3f}")


def report(title: str, results: list[dict[str, Any]], *, sites: bool) -> None:
    """Print a table: overall, and per site when asked."""
    print(f"\n{title}\n{HEADER}")
    print(row("all", summarize(results)))
    if len({training.site_of(r["doc"]) for r in results}) > 1:
        print(interval_row("  95% interval, sites resampled", site_intervals(results)))
    if sites:
        for site, figures in by_site(results).items():
            print(row(f"  {site}", figures))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the per-page results here")
    parser.add_argument("--no-frozen", action="store_true", help="only the cross-validation over the training sites")
    parser.add_argument("--sites", action="store_true", help="a row per site")
    parser.add_argument("--html", action="store_true",
                        help="the model for HTML pages, on the pages rendered from HTML (their text and DOM hints)")
    args = parser.parse_args(argv)
    pages, extra, test = corpus(html=args.html)
    results = cross_validated(pages, extra, jobs=args.jobs, html=args.html)
    report(f"grouped cross-validation: {len(pages)} pages of {len(training.sites(pages))} training sites in "
           f"{training.FOLDS} folds, each cleaned by a model trained on the other folds", results, sites=args.sites)
    development = {p.name for p in training.read_corpus(DEVELOPMENT)}
    report("  of which the development pages (tests/data/corpus)", [r for r in results if r["doc"] in development],
           sites=False)
    rules = [r for r in rules_results() if r["doc"] in development]
    report("  the hand-written rules of b1036f2 on the development pages (recorded)", rules, sites=False)
    frozen_results: list[dict[str, Any]] = []
    if not args.no_frozen:
        frozen_results = frozen(pages, extra, test, html=args.html)
        report(f"frozen split: {len(test)} pages of {len(training.sites(test))} sites never trained on or "
               "looked at while choosing (for the record)", frozen_results, sites=args.sites)
    if args.json:
        args.json.write_text(json.dumps({"cross_validated": results, "frozen": frozen_results},
                                        ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
