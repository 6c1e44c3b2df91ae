"""The cleaning scored on real scraped pages by the team's measures, gated on recorded floors.

No training here: the packaged model is scored on the frozen split of sites it was never trained
on, and on the training sites' pages it was trained on. The grouped cross-validation, which trains
a model per fold, is `make bench-cleaning`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks import cleaning_cv
from pipeline.clean.tagger import training
from tests.conftest import ROOT, TESTS

BASELINE = json.loads((TESTS / "cleaning_baseline.json").read_text("utf-8"))
MODEL_META = json.loads((ROOT / "pipeline" / "models" / "line-tagger.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def corpus() -> tuple[list[training.LabelledPage], list[training.LabelledPage], list[training.LabelledPage]]:
    """The training sites' scored pages, the extra training pages and the frozen split's pages."""
    return cleaning_cv.corpus()


def _check(figures: dict[str, Any], floor: dict[str, float]) -> None:
    assert figures["failed"] <= floor["failed_documents"], figures
    assert figures["fields"] >= floor["fields_percent"], figures
    assert figures["paragraph_f1"] >= floor["paragraph_f1"], figures
    assert figures["heading_f1"] >= floor["heading_f1"], figures
    assert figures["legacy_mismatches"] == 0, figures


def test_the_frozen_split_is_sites_the_packaged_model_never_saw(corpus: Any) -> None:
    pages, extra, test = corpus
    held = training.frozen_sites(cleaning_cv.SPLIT)
    assert held and {p.site for p in test} == held
    assert not held & {p.site for p in [*pages, *extra]}
    assert MODEL_META["corpus"]["split"]["test_sites_left_out"] == sorted(held)
    every_site = {p.site for p in [*pages, *test]}
    assert len(held) >= len(every_site) / 4, (len(held), len(every_site))


def test_packaged_model_on_the_frozen_split_does_not_drop_below_the_baseline(corpus: Any) -> None:
    """Pages of sites nothing was trained on: the figure that says how new sites fare."""
    _, _, test = corpus
    figures = cleaning_cv.summarize(cleaning_cv.score_page(cleaning_cv.text_path(p.name), None) for p in test)
    assert figures["docs"] == len(test) > 50
    _check(figures, BASELINE["frozen"])


def test_packaged_html_model_on_the_frozen_split_does_not_drop_below_the_baseline(corpus: Any) -> None:
    """The same pages as rendered from their HTML, with what the markup says of each line, read by the model for
    HTML pages (the head's evidence aside: its HTML is not in the repository)."""
    _, _, test = corpus
    scored = [cleaning_cv.score_page(cleaning_cv.text_path(p.name), None, html=True) for p in test
              if cleaning_cv.has_dom(p.name)]
    figures = cleaning_cv.summarize(scored)
    assert figures["docs"] == len(test) > 50
    _check(figures, BASELINE["html_frozen"])


@pytest.mark.slow
def test_packaged_model_in_sample_does_not_drop_below_the_baseline(corpus: Any) -> None:
    """The packaged model on the pages it was trained on (a check that training took, not a score to quote)."""
    pages, _, _ = corpus
    figures = cleaning_cv.summarize(cleaning_cv.score_page(cleaning_cv.text_path(p.name), None) for p in pages)
    _check(figures, BASELINE["in_sample"])


@pytest.mark.slow
def test_the_team_scorer_agrees_with_the_in_process_scoring(tmp_path: Path) -> None:
    """score_cleaning.py through the command line gives what the in-process scoring gives (two pages, one
    with its legacy-encoding copy)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    names = ["00_hangzhou_npc_review", "12_netease_sac_proposal"]
    for name in names:
        for suffix in (".txt", ".expected.json", ".gbk.txt"):
            source = cleaning_cv.DEVELOPMENT / (name + suffix)
            if source.exists():
                (folder / source.name).write_bytes(source.read_bytes())
    out = subprocess.run(
        [sys.executable, str(TESTS / "tools" / "score_cleaning.py"), str(folder), "--cmd",
         f"{sys.executable} -m pipeline clean {{file}}", "--json", str(tmp_path / "scores.json")],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    assert "docs 2 failed 0" in out
    by_command = json.loads((tmp_path / "scores.json").read_text("utf-8"))
    for result in by_command:
        in_process = cleaning_cv.score_page(folder / f"{result['doc']}.txt", None)
        assert {k: in_process.get(k) for k in ("fields", "paragraphs", "headings", "legacy_same")} == \
               {k: result.get(k) for k in ("fields", "paragraphs", "headings", "legacy_same")}
    assert any("legacy_same" in result for result in by_command)


def test_every_imported_annotation_passes_the_teams_checker() -> None:
    """Every class given once, and the keys derived from the classes (headings in page order, the first and
    last paragraph, the counts) agreeing with them: `tools/corpus.py check` (and `derive` to mend)."""
    files = sorted(str(path) for path in (TESTS / "data" / "imported").glob("*.expected.json"))
    result = subprocess.run([sys.executable, str(TESTS / "tools" / "check_annotations.py"), *files],
                            capture_output=True, text=True, check=False)
    failed = [line for line in result.stdout.splitlines() if not line.startswith("OK")]
    assert result.returncode == 0 and not failed, failed[:10]
    assert result.stdout.count("OK ") == len(files) > 250


def test_the_site_resampled_interval_bounds_the_figure_and_widens_with_disagreeing_sites() -> None:
    """Sites drawn again with replacement: a figure every site shares has no spread; sites that disagree give a
    range around the overall figure, the same on every run."""
    def page(doc: str, right: bool) -> dict[str, Any]:
        return {"doc": doc, "error": None, "fields": dict.fromkeys(cleaning_cv.FIELDS, right),
                "paragraphs": {"matched": 1, "predicted": 1, "expected": 1},
                "headings": {"matched": 0, "predicted": 0, "expected": 0}}
    alike = [page(f"{k:03d}_site{k % 4}_0", True) for k in range(12)]
    assert cleaning_cv.site_intervals(alike, rounds=200)["title"] == (100.0, 100.0)
    mixed = [page(f"{k:03d}_site{k % 4}_0", k % 4 != 0) for k in range(12)]
    low, high = cleaning_cv.site_intervals(mixed, rounds=200)["title"]
    assert low < cleaning_cv.summarize(mixed)["title"] < high
    assert cleaning_cv.site_intervals(mixed, rounds=200) == cleaning_cv.site_intervals(mixed, rounds=200)
