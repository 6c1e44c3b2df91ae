"""The line tagger's second pass as a CRF against gradient boosting, each site held out.

Both learners see the same windowed features (`features.page_features`, knowing the title) and
are trained on the same pages (the other sites, their cut-outs and tests/data/pages). On the
held-out site, both start from the same CRF title pass and go through the same rules
(`tagger.RULES`); only the learner that labels the lines differs. Printed: the per-class line F1
over all held-out pages, and the time to train and to tag a page (its features included).

Run: `make bench-tagger` (installs LightGBM and scikit-learn in the venv; a few minutes).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import Any

import lightgbm
import numpy as np
from sklearn.feature_extraction import FeatureHasher

from benchmarks import cleaning_cv
from pipeline.clean.tagger import CLASSES, LineTagger, training
from pipeline.clean.tagger.page import Page, page_features

HASHER = FeatureHasher(n_features=2**20, input_type="string", alternate_sign=False)
BOOSTING: dict[str, Any] = {"n_estimators": 300, "learning_rate": 0.05, "num_leaves": 31, "min_child_samples": 5,
            "colsample_bytree": 0.5, "deterministic": True, "random_state": 0, "n_jobs": 2, "verbose": -1}


def matrix(rows: Sequence[list[bytes]]) -> Any:
    """The rows' feature strings as a sparse 0/1 matrix."""
    return HASHER.transform([b.decode() for b in row] for row in rows)


class Boosted:
    """A LightGBM classifier behind the part of pycrfsuite.Tagger's interface that LineTagger uses."""

    def __init__(self, pages: Sequence[training.LabelledPage]) -> None:
        examples = [*pages, *(training.cut_out(p) for p in pages)]
        rows = [row for p in examples for row in page_features(p.page, p.labels.index("title"))]
        labels = [CLASSES.index(label) for p in examples for label in p.labels]
        self.model = lightgbm.LGBMClassifier(**BOOSTING).fit(matrix(rows), np.array(labels))
        self.known = [CLASSES[k] for k in self.model.classes_]
        self.probabilities: Any = np.zeros((0, len(self.known)))

    def labels(self) -> list[str]:
        return self.known

    def tag(self, rows: Sequence[list[bytes]]) -> list[str]:
        self.probabilities = self.model.predict_proba(matrix(rows))
        return [self.known[k] for k in self.probabilities.argmax(axis=1)]

    def marginal(self, label: str, i: int) -> float:
        return float(self.probabilities[i, self.known.index(label)])


def main() -> int:
    pages, extra, _ = cleaning_cv.corpus()
    started = time.perf_counter()
    models = training.fold_models(pages, extra=extra, jobs=2)
    crf_train = time.perf_counter() - started
    predicted: dict[str, dict[str, list[str]]] = {"crf": {}, "boosting": {}}
    seconds = {"crf": 0.0, "boosting": 0.0}
    boost_train = 0.0
    for fold, model in models.items():
        held = [p for p in pages if training.fold_of(p.site) == fold]
        crf = LineTagger(model, f"fold {fold}")
        started = time.perf_counter()
        boosted = Boosted([p for p in (*pages, *extra) if training.fold_of(p.site) != fold])
        boost_train += time.perf_counter() - started
        mixed = LineTagger(model, f"fold {fold}")  # the same title pass; its second pass replaced by the boosted trees
        mixed._lines = boosted
        mixed._known[id(boosted)] = set(boosted.labels())
        for name, tagger in (("crf", crf), ("boosting", mixed)):
            fresh = [Page(p.page.lines) for p in held]  # each learner's time includes working out the features
            started = time.perf_counter()
            for p, page in zip(held, fresh, strict=True):
                predicted[name][p.name] = [d.label for d in tagger.tag(page)]
            seconds[name] += time.perf_counter() - started
    lines = sum(len(p.labels) for p in pages)
    print(f"line F1 by class, {len(pages)} pages of {len(training.sites(pages))} sites in {len(models)} folds"
          f" grouped by site ({lines} lines)")
    print(f"  {'class':<12} {'lines':>6} {'CRF':>7} {'boosting':>9}")
    scores = {name: training.line_scores(pages, labels) for name, labels in predicted.items()}
    for label in CLASSES:
        print(f"  {label:<12} {scores['crf'][label]['lines']:>6} {scores['crf'][label]['f1']:>7.3f}"
              f" {scores['boosting'][label]['f1']:>9.3f}")
    print(f"  {'train, s':<12} {'':>6} {crf_train:>7.1f} {boost_train:>9.1f}   (CRF: two passes, two processes;"
          " boosting: one pass, two threads)")
    print(f"  {'tag, ms/page':<12} {'':>6} {1000 * seconds['crf'] / len(pages):>7.1f}"
          f" {1000 * seconds['boosting'] / len(pages):>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
