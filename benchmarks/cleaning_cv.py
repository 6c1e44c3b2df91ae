"""Leave-one-site-out cross-validation of the cleaning, scored by the team's score_cleaning.py.

For each site of the corpus, a model is trained on the pages of all the other sites
(`pipeline.clean.training`); the site's pages are then cleaned by `pipeline clean --model`
with that model and scored with score_cleaning.py's measures (fields, paragraphs, headings,
the legacy-encoding copy). Printed per site and overall, next to the hand-written rules of
commit b1036f2 (benchmarks/rules_b1036f2.json, measured with the same scorer).

Run: `make bench-cleaning` (about a minute on two cores).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pipeline.clean import training

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "tools"))
import score_cleaning  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
PAGES = ROOT / "tests" / "data" / "pages"  # small written pages: always training data, never scored
RULES = Path(__file__).with_name("rules_b1036f2.json")


def cross_validated(corpus: Path = CORPUS, *, jobs: int = 2) -> list[dict[str, Any]]:
    """score_cleaning's result for every page, each cleaned by a model that never saw its site."""
    pages = training.read_corpus(corpus)
    models = training.fold_models(pages, extra=training.read_corpus(PAGES), jobs=jobs)
    with tempfile.TemporaryDirectory() as folder:
        work = []
        for page in pages:
            model = Path(folder) / f"{page.site}.zip"
            if not model.exists():
                model.write_bytes(models[page.site])
            cmd = f"{sys.executable} -m pipeline clean --model {model} {{file}}"
            work.append((corpus / f"{page.name}.txt", cmd))
        with ThreadPoolExecutor(jobs) as pool:
            return list(pool.map(lambda item: score_cleaning.score_doc(*item), work))


def summarize(results: Iterable[dict[str, Any]]) -> dict[str, float]:
    """The scorer's summary of some pages: fields right, micro paragraph P/R/F1 and heading F1."""
    results = list(results)
    hits = sum(sum(r["fields"].values()) for r in results if not r.get("error"))
    total = len(score_cleaning.FIELDS) * len(results)

    def micro(key: str) -> tuple[float, float, float]:
        counts = [sum(r[key][name] for r in results) for name in ("matched", "predicted", "expected")]
        figures: tuple[float, float, float] = score_cleaning.prf(*counts)
        return figures

    pp, pr, pf = micro("paragraphs")
    _, _, hf = micro("headings")
    return {"docs": len(results), "failed": sum(1 for r in results if r.get("error")),
            "fields": 100 * hits / total if total else 0.0, "paragraph_p": pp, "paragraph_r": pr,
            "paragraph_f1": pf, "heading_f1": hf,
            "legacy_mismatches": sum(1 for r in results if r.get("legacy_same") is False)}


def by_site(results: Iterable[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """summarize() for each site's pages."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        groups[training.site_of(r["doc"])].append(r)
    return {site: summarize(group) for site, group in sorted(groups.items())}


def rules_results() -> list[dict[str, Any]]:
    """The recorded per-page scores of the hand-written rules."""
    documents: list[dict[str, Any]] = json.loads(RULES.read_text("utf-8"))["documents"]
    return documents


def line(s: dict[str, float]) -> str:
    """One row of figures."""
    return (f"fields {s['fields']:5.1f}%  paragraphs P{s['paragraph_p']:.3f} R{s['paragraph_r']:.3f} "
            f"F1 {s['paragraph_f1']:.3f}  headings F1 {s['heading_f1']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the per-page results here")
    args = parser.parse_args(argv)
    results = cross_validated(jobs=args.jobs)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    rules = {r["doc"]: r for r in rules_results()}
    model_sites = by_site(results)
    rules_sites = by_site(rules[r["doc"]] for r in results if r["doc"] in rules)
    print("leave-one-site-out cross-validation: each site's pages cleaned by a model trained on the other sites\n")
    for site, figures in model_sites.items():
        print(f"{site:10s} ({int(figures['docs'])}) model  {line(figures)}")
        if site in rules_sites:
            print(f"{'':10s}     rules  {line(rules_sites[site])}")
    overall = summarize(results)
    print(f"\nall {int(overall['docs'])} pages, {len(model_sites)} sites")
    print(f"  model (held out by site)  {line(overall)}  failed {int(overall['failed'])}"
          f"  legacy-encoding mismatches {int(overall['legacy_mismatches'])}")
    print(f"  rules of b1036f2          {line(summarize(rules.values()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
