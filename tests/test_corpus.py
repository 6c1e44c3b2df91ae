"""The cleaning scored on real scraped pages, gated on the recorded baseline."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS, ROOT, TESTS

BASELINE = json.loads((TESTS / "cleaning_baseline.json").read_text("utf-8"))
SUMMARY = re.compile(
    r"docs (?P<docs>\d+) failed (?P<failed>\d+) · fields (?P<hits>\d+)/(?P<total>\d+) \((?P<pct>\d+)%\) · "
    r"paragraphs P(?P<pp>[\d.]+) R(?P<pr>[\d.]+) F1 (?P<pf>[\d.]+) · headings F1 (?P<hf>[\d.]+) · "
    r"legacy-encoding mismatches (?P<legacy>\d+)"
)


def test_cleaning_score_does_not_drop_below_the_baseline(tmp_path: Path) -> None:
    cmd = f"{sys.executable} -m pipeline clean {{file}}"
    out = subprocess.run(
        [sys.executable, str(TESTS / "tools" / "score_cleaning.py"), str(CORPUS), "--cmd", cmd,
         "--json", str(tmp_path / "scores.json")],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    summary = SUMMARY.search(out.strip().splitlines()[-1])
    assert summary, out
    assert int(summary["docs"]) == 7
    assert int(summary["failed"]) <= BASELINE["failed_documents"], out
    assert 100 * int(summary["hits"]) / int(summary["total"]) >= BASELINE["fields_percent"], out
    assert float(summary["pf"]) >= BASELINE["paragraph_f1"], out
    assert float(summary["hf"]) >= BASELINE["heading_f1"], out
    assert int(summary["legacy"]) <= BASELINE["legacy_encoding_mismatches"], out
