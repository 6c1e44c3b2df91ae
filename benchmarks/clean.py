"""Time the clean (ingest → validated DocBook) per stage on the seed and on the corpus.

Prints the time the line-tagger model takes to load (in a fresh process, as a worker pays it),
then the median of many runs in a warm process, in milliseconds. Run: `make bench`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from pipeline import docbook
from pipeline.clean import _article, tagger
from pipeline.clean.classify import clear_caches
from pipeline.clean.stages import stage_name, stages
from pipeline.clean.stages.page import numbered
from pipeline.clean.types import Draft, Metadata, Report
from pipeline.config import MAX_INPUT_BYTES
from pipeline.document import from_bytes
from pipeline.ingest import decode

ROOT = Path(__file__).resolve().parent.parent
RUNS = 50
LIMIT = MAX_INPUT_BYTES


def median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of `work` in milliseconds, the line classifiers' memory cleared each run."""
    times = []
    for _ in range(runs):
        clear_caches()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def profile(path: Path) -> dict[str, float]:
    """Milliseconds per step for one file: ingest, each stage, build, validate, and the whole."""
    data = path.read_bytes()
    text = decode(data, max_bytes=LIMIT).text
    raw = text.split("\n")
    figures = {"ingest": median_ms(lambda: decode(data, max_bytes=LIMIT))}

    run = stages(tagger.load())
    stage_times: dict[str, list[float]] = {stage_name(stage): [] for stage in run}
    article = None
    for _ in range(RUNS):
        clear_caches()
        draft = Draft(numbered(raw), Metadata(), Report("b", "utf-8"), raw=raw)
        for stage in run:
            started = time.perf_counter()
            draft.stage = stage_name(stage)
            draft = stage(draft)
            stage_times[draft.stage].append(time.perf_counter() - started)
        article = _article(draft)
    assert article is not None
    for name, times in stage_times.items():
        figures[name] = 1000 * statistics.median(times)
    figures["docbook.build"] = median_ms(lambda: docbook.build(article))
    tree = docbook.build(article)
    docbook.schema()
    figures["docbook.validate"] = median_ms(lambda: docbook.validate(tree))

    def whole() -> None:
        from_bytes(data, name=path.name)
    figures["whole clean"] = median_ms(whole)
    return figures


LOAD = (
    "import time; started = time.perf_counter(); from pipeline.clean import tagger; tagger.load(); "
    "print(1000 * (time.perf_counter() - started))"
)


def model_load_ms(*, bytecode: bool) -> float:
    """Milliseconds to import the tagger and load the packaged model in a new process (median of 5): with the
    modules' bytecode and compiled patterns cached (regex_cache; as an installed package runs: a first run writes
    them, to a folder of their own) or compiled from source each time (PYTHONDONTWRITEBYTECODE, a read-only
    checkout)."""
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        env.update({"PYTHONPYCACHEPREFIX": cache} if bytecode else {"PYTHONDONTWRITEBYTECODE": "1"})

        def run() -> float:
            done = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True, env=env)
            return float(done.stdout)
        run()
        return statistics.median(run() for _ in range(5))


def main() -> int:
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    corpus = sorted(p for p in (ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    print(f"line tagger import and model load in a new process: {model_load_ms(bytecode=True):.1f} ms "
          f"({model_load_ms(bytecode=False):.1f} ms compiling the modules and patterns from source)")
    print(f"clean benchmark: median of {RUNS} runs in a warm process, ms")
    seed_figures = profile(seed)
    width = max(map(len, seed_figures))
    print(f"\nseed {seed.name} ({seed.stat().st_size} bytes)")
    for name, ms in seed_figures.items():
        print(f"  {name:<{width}}  {ms:7.3f}")
    pages = [p for p in corpus if ".gbk." not in p.name]
    print(f"\ncorpus: whole clean per document ({len(pages)} pages, then their copies in a legacy encoding)")
    totals = []
    for path in pages:
        ms = median_ms(partial(from_bytes, path.read_bytes(), name=path.name), runs=5)
        totals.append(ms)
        print(f"  {path.name:<45} {path.stat().st_size:>7} bytes  {ms:7.3f}")
    print(f"  {f'total, {len(pages)} pages':<45} {'':>13}  {sum(totals):7.3f}")
    for path in sorted(set(corpus) - set(pages)):
        ms = median_ms(partial(from_bytes, path.read_bytes(), name=path.name), runs=5)
        print(f"  {path.name:<45} {path.stat().st_size:>7} bytes  {ms:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
