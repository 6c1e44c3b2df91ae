"""HTML input measured side by side: this project on a page's HTML, this project on the page's text
rendering, trafilatura and readability-lxml on the same HTML, in one run.

The pages are the imported corpus pages (tests/data/imported) of the frozen split's sites
(tests/data/split.json), never trained on; their HTML is read from the snapshots of the repositories
that tests/data/imported/SOURCES.json names (the `fetch` of each, a git directory under `--mirrors`,
OWNER+NAME/repo; `tools/corpus.py` reads the same). The packaged model, trained on the other
sites only, cleans them. `--cv` scores the training sites' pages instead, each cleaned by a model
trained on the other folds' sites (the grouped cross-validation of benchmarks/cleaning_cv.py): the
figure to develop by.

Measures, per tool:
- body: precision, recall and F1 over characters, as bags (multisets) of the characters of the
  article's text (paragraphs and headings, white space removed) against those of the expected body
  lines: the token-bag measure of the public extraction benchmarks, with characters as tokens (Chinese
  has no spaces between words); micro-averaged over pages, and the mean of the pages' F1;
- title, published (the date) and author: right on how many pages, by score_cleaning.py's rules (a
  tool that gives no value where the page has one is wrong);
- for this project, which gives paragraphs and headings apart, the heading F1 of score_cleaning.py too.

The HTML is cleaned with the model for HTML pages (which reads what the markup says of each line), the
text rendering with the model for text pages.

Run: `make bench-html` (a few minutes on two cores).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.snapshots import MIRRORS, git_show, snapshot
from pipeline import docbook, document
from pipeline.errors import PipelineError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "tools"))
import score_cleaning  # noqa: E402

DATA = ROOT / "tests" / "data"
IMPORTED = DATA / "imported"


@dataclass
class Extracted:
    """What a tool took from a page: the body text, and the fields (None where it gave nothing)."""

    body: str = ""
    title: str | None = None
    published: str | None = None
    author: str | None = None
    error: str | None = None
    headings: list[str] | None = None  # None for a tool that does not give headings apart


@dataclass
class Tally:
    """A tool's scores summed over pages."""

    overlap: int = 0
    predicted: int = 0
    expected: int = 0
    f1s: list[float] = field(default_factory=list)
    right: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    errors: int = 0
    seconds: float = 0.0
    headings: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, predicted, expected
    pages_seen: dict[str, dict[str, Any]] = field(default_factory=dict)  # page → what the tool gave, and the scores


def bag(text: str) -> Counter[str]:
    """The characters of a text, white space removed, as a multiset."""
    return Counter(ch for ch in text if not ch.isspace())


def ours(data: bytes, name: str, model: Path | None = None) -> Extracted:
    """This project's cleaning of the page (HTML or text, by its name), with the packaged model or `model`."""
    try:
        doc = document.from_bytes(data, name=name, model=model)
    except PipelineError as exc:
        return Extracted(error=str(exc))
    got = score_cleaning.extract(docbook.serialize(doc.tree))
    fields = {f: (got.fields.get(f) or [None])[0] for f in ("title", "published", "author")}
    return Extracted("\n".join([*got.headings, *got.paragraphs]), **fields, headings=got.headings)


def trafilatura_of(data: bytes, name: str, model: Path | None = None) -> Extracted:
    import trafilatura

    result = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True)
    if result is None:
        return Extracted(error="nothing extracted")
    values = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return Extracted(values.get("text") or "", values.get("title"), values.get("date"), values.get("author"))


def readability_of(data: bytes, name: str, model: Path | None = None) -> Extracted:
    import lxml.html
    from readability import Document

    from pipeline import visible_text

    text, _ = visible_text.decode_html(data)
    article = Document(text)
    body = "".join(str(t) for t in lxml.html.fromstring(article.summary()).itertext())
    return Extracted(body, article.short_title() or None)


def score(tally: Tally, got: Extracted, exp: dict[str, Any], body: str, name: str) -> None:
    tally.pages += 1
    if got.error:
        tally.errors += 1
    want, have = bag(body), bag(got.body)
    overlap = sum((want & have).values())
    tally.overlap += overlap
    tally.predicted += sum(have.values())
    tally.expected += sum(want.values())
    p = overlap / max(1, sum(have.values()))
    r = overlap / max(1, sum(want.values()))
    tally.f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    seen: dict[str, Any] = {"error": got.error, "body_f1": round(tally.f1s[-1], 3)}
    for key, value in (("title", got.title), ("published", got.published), ("author", got.author)):
        got_values = [value] if value else []
        right = bool(score_cleaning.field_ok(key, exp[key], got_values, exp))
        tally.right[key] += right
        seen[key] = {"got": value, "expected": exp[key], "right": right}
    tally.pages_seen[name] = seen
    if got.headings is not None or got.error:
        heads = [score_cleaning.norm(h) for h in got.headings or []]
        wanted = [score_cleaning.norm(h) for h in exp["headings"]]
        matched = score_cleaning.ordered_matches(heads, wanted, lambda a, b: a == b)
        for k, n in enumerate((matched, len(heads), len(wanted))):
            tally.headings[k] += n


def expected_body(name: str, exp: dict[str, Any]) -> str:
    """The expected article text: the page's body and heading lines, in its text rendering."""
    lines = (IMPORTED / f"{name}.txt").read_text("utf-8").split("\n")
    numbers = sorted(score_cleaning.line_numbers(exp["line_classes"]["body"])
                     + score_cleaning.line_numbers(exp["line_classes"].get("heading", "")))
    return "\n".join(lines[n - 1] for n in numbers)


def html_of(source: dict[str, str], mirrors: Path) -> bytes:
    """A page's HTML, from the snapshot of the repository its source names, at the commit it names."""
    return git_show(snapshot(source["repository"], mirrors), source["path"], source["commit"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, default=MIRRORS,
                        help="the folder of the fetched repositories (OWNER+NAME/repo)")
    parser.add_argument("--cv", action="store_true", help="the training sites' pages, cross-validated by site")
    parser.add_argument("--limit", type=int, default=0, help="at most this many pages")
    parser.add_argument("--json", type=Path, help="write each tool's values and scores per page to this file")
    args = parser.parse_args(argv)
    sources = json.loads((IMPORTED / "SOURCES.json").read_text("utf-8"))
    missing = sorted({s["repository"] for s in sources.values()
                      if not snapshot(s["repository"], args.mirrors).is_dir()})
    if missing:
        print(f"bench-html: no snapshot of {', '.join(missing)} under {args.mirrors} (fetch it; --mirrors names "
              "another folder)")
        return 2
    test_sites = set(json.loads((DATA / "split.json").read_text("utf-8"))["test_sites"])
    names = sorted(n for n, s in sources.items() if (s["site"] in test_sites) != args.cv)
    names = names[: args.limit] if args.limit else names
    with tempfile.TemporaryDirectory() as folder:
        models = fold_models(Path(folder)) if args.cv else {}
        tallies = measure(names, sources, args.mirrors, models)
    split = "training sites, cross-validated by site" if args.cv else "frozen split"
    print(f"{len(names)} pages of the {split}, {len({sources[n]['site'] for n in names})} sites")
    print(f"{'tool':28} {'body P':>7} {'R':>6} {'F1':>6} {'F1 mean':>8} {'title':>6} {'date':>6} {'author':>7}"
          f" {'head F1':>8} {'errors':>7} {'ms/page':>8}")
    for tool, t in tallies.items():
        p, r = t.overlap / max(1, t.predicted), t.overlap / max(1, t.expected)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        share = {k: t.right[k] / max(1, t.pages) for k in ("title", "published", "author")}
        print(f"{tool:28} {p:7.3f} {r:6.3f} {f1:6.3f} {sum(t.f1s) / max(1, len(t.f1s)):8.3f} "
              f"{share['title']:6.1%} {share['published']:6.1%} {share['author']:7.1%} {heading_f1(t):>8} "
              f"{t.errors:7d} "
              f"{1000 * t.seconds / max(1, t.pages):8.0f}")
    if args.json:
        pages = {tool: t.pages_seen for tool, t in tallies.items()}
        args.json.write_text(json.dumps(pages, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


def heading_f1(tally: Tally) -> str:
    """The heading F1 of a tool that gives headings apart ("-" for the others)."""
    matched, predicted, expected = tally.headings
    if not predicted and not expected:
        return "-"
    return f"{score_cleaning.prf(matched, predicted, expected)[2]:.3f}"


def fold_models(folder: Path) -> dict[tuple[str, bool], Path]:
    """Each training site's model files, for text and for HTML: trained on the other folds' sites (as
    bench-cleaning does), keyed by (site, html)."""
    from benchmarks.cleaning_cv import corpus, model_file
    from pipeline.clean.tagger import training

    models: dict[tuple[str, bool], Path] = {}
    for html in (False, True):
        pages, extra, _ = corpus(html=html)
        for fold, model in training.fold_models(pages, extra=extra, jobs=2).items():
            path = model_file(folder / f"fold-{fold}-{'html' if html else 'text'}.zip", model, pages)
            models.update({(site, html): path for site in {p.site for p in pages} if training.fold_of(site) == fold})
    return models


def measure(names: list[str], sources: dict[str, dict[str, str]], mirrors: Path,
            models: dict[tuple[str, bool], Path]) -> dict[str, Tally]:
    """Every tool's tally over the pages (cleaned with their site's fold model where `models` has one)."""
    tools: dict[str, Callable[[bytes, str, Path | None], Extracted]] = {
        "pipeline, HTML": ours, "pipeline, text rendering": ours,
        "trafilatura 2 (HTML)": trafilatura_of, "readability-lxml (HTML)": readability_of}
    tallies = {tool: Tally() for tool in tools}
    for name in names:
        exp = json.loads((IMPORTED / f"{name}.expected.json").read_text("utf-8"))
        body = expected_body(name, exp)
        html = html_of(sources[name], mirrors)
        text = (IMPORTED / f"{name}.txt").read_bytes()
        for tool, extract in tools.items():
            as_text = tool.endswith("text rendering")
            data, file = (text, f"{name}.txt") if as_text else (html, f"{name}.html")
            model = models.get((sources[name]["site"], not as_text))
            started = time.perf_counter()
            try:
                got = extract(data, file, model)
            except Exception as exc:  # a tool's own failure counts as a page it got nothing from
                got = Extracted(error=f"{type(exc).__name__}: {exc}")
            tallies[tool].seconds += time.perf_counter() - started
            score(tallies[tool], got, exp, body, name)
    return tallies


if __name__ == "__main__":
    raise SystemExit(main())
