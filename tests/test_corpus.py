"""The cleaning scored on real scraped pages: cross-validated by site, and in-sample, gated on recorded baselines."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from benchmarks import cleaning_cv
from tests.conftest import CORPUS, ROOT, TESTS

BASELINE = json.loads((TESTS / "cleaning_baseline.json").read_text("utf-8"))
SUMMARY = re.compile(
    r"docs (?P<docs>\d+) failed (?P<failed>\d+) · fields (?P<hits>\d+)/(?P<total>\d+) \((?P<pct>\d+)%\) · "
    r"paragraphs P(?P<pp>[\d.]+) R(?P<pr>[\d.]+) F1 (?P<pf>[\d.]+) · headings F1 (?P<hf>[\d.]+) · "
    r"legacy-encoding mismatches (?P<legacy>\d+)"
)
PAGES = len([p for p in CORPUS.glob("*.txt") if ".gbk." not in p.name])


def test_cleaning_held_out_by_site_does_not_drop_below_the_baseline() -> None:
    """Each site's pages cleaned by a model trained without that site: the figure that generalises."""
    floor = BASELINE["cross_validated"]
    figures = cleaning_cv.summarize(cleaning_cv.cross_validated(CORPUS, jobs=2))
    assert figures["docs"] == PAGES == 42
    assert figures["failed"] <= floor["failed_documents"], figures
    assert figures["fields"] >= floor["fields_percent"], figures
    assert figures["paragraph_f1"] >= floor["paragraph_f1"], figures
    assert figures["heading_f1"] >= floor["heading_f1"], figures
    assert figures["legacy_mismatches"] == 0, figures


def test_shipped_model_in_sample_does_not_drop_below_the_baseline(tmp_path: Path) -> None:
    """The packaged model on the pages it was trained on, through the command line and the team's scorer."""
    floor = BASELINE["in_sample"]
    cmd = f"{sys.executable} -m pipeline clean {{file}}"
    out = subprocess.run(
        [sys.executable, str(TESTS / "tools" / "score_cleaning.py"), str(CORPUS), "--cmd", cmd,
         "--json", str(tmp_path / "scores.json")],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    summary = SUMMARY.search(out.strip().splitlines()[-1])
    assert summary, out
    assert int(summary["docs"]) == PAGES
    assert int(summary["failed"]) <= floor["failed_documents"], out
    assert 100 * int(summary["hits"]) / int(summary["total"]) >= floor["fields_percent"], out
    assert float(summary["pf"]) >= floor["paragraph_f1"], out
    assert float(summary["hf"]) >= floor["heading_f1"], out
    assert int(summary["legacy"]) == 0, out
