"""Titles on the pages the corpus leaves out: the collection's Chinese pages of training sites past the corpus's
twelve a site (and those the import passed over), which no rule was written from and no annotation names.

Each page is read from the snapshot of `rundimeco/waddle` (as tools/corpus.py reads it) and cleaned by the fold's
model that never saw its site (the grouped cross-validation's folds, trained here): its text in the fine and
the joined rendering by the text model, its HTML by the model for HTML pages. The title is right where it is
the collection's reference title (its first paragraph), white space and widths aside; the reference's own
slips (a title cut short or garbled) count against every rendering alike. Pages of the frozen split's sites
are never read.

Run: `python -m benchmarks.outside_pages` (about twenty minutes on two cores: ten fold models are trained).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from benchmarks import cleaning_cv
from benchmarks.snapshots import MIRRORS, git_show, snapshot
from pipeline import docbook, document, visible_text
from pipeline.clean.stages.page import squeezed
from pipeline.clean.tagger import training
from pipeline.errors import PipelineError
from tools import corpus

COLLECTION = "rundimeco/waddle"
RENDERINGS = ("text, fine", "text, joined", "HTML")


def outside_pages(mirrors: Path) -> Iterator[tuple[str, str, bytes, str]]:
    """(site, key, HTML, reference title) of each Chinese page of the collection on a training site that the corpus
    does not hold, where the snapshot has its page and its reference."""
    git_dir = snapshot(COLLECTION, mirrors)
    languages = json.loads(git_show(git_dir, f"{corpus.WADDLE_DIR}/doc_lg.json"))
    held = {source["key"] for source in json.loads(corpus.SOURCES.read_text("utf-8")).values() if "key" in source}
    frozen = training.frozen_sites(cleaning_cv.SPLIT)
    for key in sorted(k for k, language in languages.items() if language == "Chinese" and k not in held):
        site = corpus.site_of_host(key.split("_")[1])
        if site in frozen:
            continue
        try:
            html = git_show(git_dir, f"{corpus.WADDLE_DIR}/html/{key}")
            titles = corpus.reference(git_show(git_dir, f"{corpus.WADDLE_DIR}/reference/{key}"))
        except subprocess.CalledProcessError:
            continue  # a page the snapshot lacks
        if titles:
            yield site, key, html, titles[0]


def title_of(data: bytes, name: str, model: Path) -> str:
    """The title the cleaning gives a page ("" where it fails)."""
    try:
        return docbook.read_info(document.from_bytes(data, name=name, model=model).tree).title or ""
    except PipelineError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirrors", type=Path, default=MIRRORS, help="the folder of the fetched snapshots")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if not snapshot(COLLECTION, args.mirrors).exists():
        print(f"outside pages: no snapshot of {COLLECTION} under {args.mirrors} (fetch it)", file=sys.stderr)
        return 2
    pages, extra, _ = cleaning_cv.corpus()
    html_pages, html_extra, _ = cleaning_cv.corpus(html=True)
    right: dict[str, dict[str, list[bool]]] = {rendering: defaultdict(list) for rendering in RENDERINGS}
    with tempfile.TemporaryDirectory() as folder:
        models = {}
        for kind, (scored, more) in {"text": (pages, extra), "html": (html_pages, html_extra)}.items():
            for fold, model in training.fold_models(scored, extra=more, jobs=args.jobs).items():
                models[kind, fold] = cleaning_cv.model_file(Path(folder) / f"{kind}-{fold}.zip", model, scored)
        for site, key, html, reference in outside_pages(args.mirrors):
            fold = training.fold_of(site)
            root = visible_text.parse(visible_text.decode_html(html)[0])
            texts = {rendering: "\n".join(line.text for line in visible_text.render(root, habit)).encode()
                     for rendering, habit in zip(RENDERINGS[:2], (visible_text.FINE, visible_text.JOINED), strict=True)}
            got = {rendering: title_of(text, f"{key[:40]}.txt", models["text", fold])
                   for rendering, text in texts.items()}
            got["HTML"] = title_of(html, f"{key[:40]}.html", models["html", fold])
            for rendering, title in got.items():
                right[rendering][site].append(squeezed(title) == squeezed(reference))
    print(f"titles on the pages of {COLLECTION} the corpus leaves out, training sites only, fold models")
    print(f"{'rendering':14s} {'pages':>5s} {'sites':>5s} {'title':>7s} {'site mean':>9s}")
    for rendering, by_site in right.items():
        scores = [ok for oks in by_site.values() for ok in oks]
        site_mean = sum(sum(oks) / len(oks) for oks in by_site.values()) / max(1, len(by_site))
        print(f"{rendering:14s} {len(scores):5d} {len(by_site):5d} {100 * sum(scores) / max(1, len(scores)):6.1f}% "
              f"{100 * site_mean:8.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
