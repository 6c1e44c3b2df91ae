"""Batch benchmark: 200 documents built with --jobs 1 and --jobs 2, a no-op rebuild, and the bare tools.

The corpus is the seeds and the test corpus copied under new names until there are 200. Each
build runs in this process's API (`pipeline.build.run`), one variant (zh-Hans) and all four
formats. The bare tools make the same files from the same inputs: pandoc's CLI per file for
EPUB and DOCX, WeasyPrint in one process for the PDFs; the pipeline's overhead is the ratio of
its single-worker time to theirs, by the clock and by CPU time (each side's processes with their
children: on a shared host the clock also counts other machines' work, which CPU time does not).
Prints documents per second, seconds per format, the speed-up, peak memory per worker and the
no-op rebuild time. Run: `python benchmarks/batch.py`.

With `--scheduler` it compares instead the process pool (--jobs 2) with a Dask LocalCluster of two
single-threaded worker processes on the same documents (`--scheduler tcp://host:8786`: that
cluster), and prints the client's cost per document: bytes moved and CPU milliseconds of the
client process (which, with a LocalCluster, also runs the scheduler).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from pipeline import build, docbook
from pipeline.config import Config
from pipeline.render import xhtml
from pipeline.render.common import STYLESHEETS
from pipeline.render.pandoc import pandoc_path
from pipeline.render.pdf import variant_css
from pipeline.variants import variant

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("xml", "epub", "pdf", "docx")


def make_corpus(folder: Path, count: int) -> list[Path]:
    """`count` seeds: the seeds and the UTF-8 corpus pages, copied under new names."""
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        p for p in (ROOT / "tests" / "data" / "corpus").glob("*.txt") if ".gbk." not in p.name)
    folder.mkdir(parents=True)
    return [Path(shutil.copy(sources[i % len(sources)], folder / f"doc{i:03d}.txt")) for i in range(count)]


def timed_build(seeds: Path, out: Path, jobs: int) -> tuple[build.Summary, float, float]:
    """The build's summary, wall seconds and CPU seconds (this process's and its workers' with theirs)."""
    config = Config(seeds=seeds, out=out, formats=FORMATS, variants=("zh-Hans",), jobs=jobs)
    cpu, started = cpu_seconds(), time.perf_counter()
    summary = build.run(config)
    return summary, time.perf_counter() - started, cpu_seconds() - cpu


def cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (pandoc, the build's workers with
    theirs): unlike the wall clock, not slowed by other machines' work on a shared host."""
    return sum(usage.ru_utime + usage.ru_stime for usage in (
        resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def bare_tools(dist: Path) -> tuple[dict[str, float], float]:
    """pandoc's CLI per file and WeasyPrint in one process, on the XML the build wrote: a plain loop, as a user
    would write it (no collection of garbage forced after each PDF, which costs WeasyPrint 35 ms or more)."""
    import weasyprint

    times: dict[str, float] = defaultdict(float)
    cpu = cpu_seconds()
    sheets = [weasyprint.CSS(filename=str(STYLESHEETS / "print.css")),
              weasyprint.CSS(string=variant_css(variant("zh-Hans"), "A4"))]
    with tempfile.TemporaryDirectory() as tmp:
        for xml in sorted(dist.glob("*/*.zh-Hans.xml")):
            for to, ext in (("epub3", "epub"), ("docx", "docx")):
                started = time.perf_counter()
                subprocess.run([pandoc_path(), "-f", "docbook", "-t", to, "-o", f"{tmp}/out.{ext}", str(xml)],
                               check=True)
                times[ext] += time.perf_counter() - started
            html = xhtml.serialize(xhtml.to_xhtml(docbook.parse(xml.read_bytes()))).decode()
            started = time.perf_counter()
            weasyprint.HTML(string=html).write_pdf(f"{tmp}/out.pdf", stylesheets=sheets, pdf_variant="pdf/ua-1",
                                                   custom_metadata=True)
            times["pdf"] += time.perf_counter() - started
    return dict(times), cpu_seconds() - cpu


def per_format(summary: build.Summary) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for result in summary.results:
        for fmt, seconds in result.format_seconds.items():
            totals[fmt] += seconds
    return dict(totals)


def _client_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def on_cluster(seeds: Path, root: Path, address: str) -> int:
    """The process pool against the cluster at `address` (or a local one of two workers)."""
    pool, pool_s, _ = timed_build(seeds, root / "pool", 2)
    local = None
    if address == "local":
        from distributed import LocalCluster

        local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
        address = local.scheduler_address
    config = Config(seeds=seeds, out=root / "cluster", formats=FORMATS, variants=("zh-Hans",), scheduler=address)
    cpu, started = _client_cpu_seconds(), time.perf_counter()
    remote = build.run(config)
    remote_s, cpu = time.perf_counter() - started, _client_cpu_seconds() - cpu
    if local:
        local.close()
    assert not pool.failed and not remote.failed, (pool.failed, remote.failed)
    count = len(remote.results)
    sent = sum(p.stat().st_size for p in seeds.glob("*.txt"))
    received = sum(p.stat().st_size for p in (root / "cluster").glob("*/*.*") if not p.name.startswith("."))
    print(f"process pool, 2 workers:  {pool_s:7.1f} s  {count / pool_s:5.2f} documents/s")
    print(f"Dask cluster, 2 workers:  {remote_s:7.1f} s  {count / remote_s:5.2f} documents/s  "
          f"({100 * (remote_s / pool_s - 1):+.0f}% against the pool)")
    inside = [sum(r.seconds for r in summary.results) / count for summary in (pool, remote)]
    print(f"building one document inside a worker: {inside[0]:.3f} s in the pool, {inside[1]:.3f} s on the cluster")
    print(f"client per document: {sent / count / 1000:.1f} kB sent, {received / count / 1e6:.2f} MB received, "
          f"{1000 * cpu / count:.0f} ms CPU of the client process (with the scheduler, for a LocalCluster; "
          "with the import of Dask and the connection)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--scheduler", nargs="?", const="local", metavar="ADDRESS",
                        help="compare the process pool with a Dask cluster (default: a local one of two workers)")
    args = parser.parse_args()
    if args.scheduler:
        with tempfile.TemporaryDirectory() as tmp:
            seeds = make_corpus(Path(tmp) / "seeds", args.documents)
            print(f"batch benchmark on a cluster: {len(seeds)} documents, variant zh-Hans, "
                  f"formats {', '.join(FORMATS)}")
            return on_cluster(Path(tmp) / "seeds", Path(tmp), args.scheduler)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds = make_corpus(root / "seeds", args.documents)
        print(f"batch benchmark: {len(seeds)} documents, variant zh-Hans, formats {', '.join(FORMATS)}")
        one, one_s, one_cpu = timed_build(root / "seeds", root / "dist1", 1)
        two, two_s, _ = timed_build(root / "seeds", root / "dist2", 2)
        assert not one.failed and not two.failed, (one.failed, two.failed)
        before = {p: p.stat().st_mtime_ns for p in (root / "dist2").glob("*/*.*")}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "build", "-q", "--jobs", "2", "--formats",
                               ",".join(FORMATS), "--variants", "zh-Hans", "--out", str(root / "dist2"),
                               str(root / "seeds")], capture_output=True, check=True)
        noop_s = time.perf_counter() - started
        assert before == {p: p.stat().st_mtime_ns for p in (root / "dist2").glob("*/*.*")}, "nothing rebuilt"
        bare, bare_cpu = bare_tools(root / "dist1")
    formats = per_format(one)
    ours = sum(formats[f] for f in ("pdf", "epub", "docx"))
    theirs = sum(bare.values())
    workers: dict[int, float] = defaultdict(float)
    for result in two.results:
        workers[result.worker] = max(workers[result.worker], result.peak_rss_mb)
    print(f"--jobs 1: {one_s:7.1f} s  {len(seeds) / one_s:5.2f} documents/s")
    print(f"--jobs 2: {two_s:7.1f} s  {len(seeds) / two_s:5.2f} documents/s  speed-up {one_s / two_s:.2f}x")
    print(f"no-op rebuild of {len(seeds)} documents (`pipeline build`, a new process): {noop_s:.2f} s")
    print(f"peak memory per worker (--jobs 2, {len(workers)} worker processes over the run): "
          f"max {max(workers.values()):.0f} MB")
    print("\nseconds per format over all documents (--jobs 1)   pipeline   bare tool")
    for fmt, label in (("pdf", "WeasyPrint in one process"), ("epub", "pandoc CLI per file"),
                       ("docx", "pandoc CLI per file")):
        print(f"  {fmt:<5} {formats[fmt]:8.1f} {bare[fmt]:10.1f}   {label}")
    print(f"  xml   {formats.get('xml', 0.0):8.1f}")
    print(f"renderers total {ours:.1f} s against the bare tools' {theirs:.1f} s: "
          f"overhead {100 * (ours / theirs - 1):.0f}%")
    print(f"whole --jobs 1 build (cleaning, variants, XML, reports, manifest, page) against the bare tools: "
          f"overhead {100 * (one_s / theirs - 1):.0f}% by the clock, {100 * (one_cpu / bare_cpu - 1):.0f}% by CPU time "
          f"({one_cpu:.1f} s against {bare_cpu:.1f} s: each process's own, with its children's)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
