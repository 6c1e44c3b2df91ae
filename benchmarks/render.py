"""Time each renderer per seed in a warm process, next to the bare tools on the same input, and the variant conversion.

- PDF: the pipeline's renderer (font check, XHTML transform, WeasyPrint, write) against WeasyPrint
  alone on the same XHTML and stylesheets, in the same process.
- EPUB and DOCX: the pipeline's renderers against pandoc's CLI on the same DocBook file.
- Variants: OpenCC conversion of the seed's tree (text nodes, quotes, review list).

Prints medians of several runs, in seconds (conversion in milliseconds). Run: `make bench`.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from pipeline import document
from pipeline.config import Config
from pipeline.docbook import serialize
from pipeline.render import renderer, xhtml
from pipeline.render.common import STYLESHEETS
from pipeline.render.pandoc import pandoc_path
from pipeline.render.pdf import variant_css
from pipeline.variants import convert, variant

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
VARIANTS = ("zh-Hans", "zh-Hant-TW")


def median_s(work: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time in seconds after one warm-up run."""
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _weasyprint_alone(html: str, sheets: list[object], dest: Path) -> None:
    import weasyprint

    weasyprint.HTML(string=html).write_pdf(dest, stylesheets=sheets, pdf_variant="pdf/ua-1", custom_metadata=True)
    gc.collect()


def main() -> int:
    import weasyprint

    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    doc = document.from_file(seed)
    config = Config()
    print(f"render benchmark: {seed.name}, median of {RUNS} warm runs, seconds")
    print(f"{'variant':<12} {'format':<6} {'pipeline':>9} {'bare tool':>10}  bare tool")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for tag in VARIANTS:
            tree = convert(doc.tree, tag).tree
            chosen = variant(tag)
            xml_path = work / f"{tag}.xml"
            xml_path.write_bytes(serialize(tree))
            for fmt in ("pdf", "epub", "docx"):
                dest = work / f"{tag}.{fmt}"
                ours = median_s(partial(renderer(fmt).render, tree, dest, variant=chosen, config=config))
                if fmt == "pdf":
                    html = xhtml.serialize(xhtml.to_xhtml(tree)).decode()
                    sheets = [weasyprint.CSS(filename=str(STYLESHEETS / "print.css")),
                              weasyprint.CSS(string=variant_css(chosen, "A4"))]

                    bare = median_s(partial(_weasyprint_alone, html, sheets, work / "bare.pdf"))
                    label = "WeasyPrint alone, same XHTML, CSS and options"
                else:
                    to = "epub3" if fmt == "epub" else "docx"
                    command = [pandoc_path(), "-f", "docbook", "-t", to, "-o", str(work / f"bare.{fmt}"), str(xml_path)]
                    bare = median_s(partial(subprocess.run, command, check=True))
                    label = f"pandoc CLI -f docbook -t {to}"
                print(f"{tag:<12} {fmt:<6} {ours:9.3f} {bare:10.3f}  {label}")
    conversion_ms = {tag: 1000 * median_s(partial(convert, doc.tree, tag), runs=50)
                     for tag in ("zh-Hant", "zh-Hant-TW", "zh-Hant-HK")}
    print("\nvariant conversion of the seed's tree (OpenCC, quotes, review list), median of 50, ms")
    for tag, ms in conversion_ms.items():
        print(f"  {tag:<12} {ms:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
