"""How the PDF time grows with a document's length: seconds per PDF page at a tenth, a third and the
whole of two long documents of normal shape, the pipeline's renderer next to WeasyPrint alone on the
same XHTML and stylesheets (the part that is WeasyPrint's own).

- an article of 300,000 characters in 1,000 paragraphs;
- a document of 3,000 numbered sections, each a heading and a paragraph.

If the time per page stays flat as the length grows, the PDF time is linear in the page count.
Run: `make bench-long` (a few minutes).
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pypdf

from pipeline import document
from pipeline.config import Config
from pipeline.render import renderer, xhtml
from pipeline.render.common import STYLESHEETS
from pipeline.render.pdf import variant_css
from pipeline.variants import variant

SENTENCE = "各地区各部门要认真贯彻落实会议精神，结合实际抓好各项工作任务，确保取得实效。"  # 38 characters
SCALES = (0.1, 1 / 3, 1.0)


def article(paragraphs: int) -> str:
    """A notice of that many paragraphs of 300 characters."""
    body = "\n".join(f"第{n}段。" + SENTENCE * 8 for n in range(1, paragraphs + 1))
    return f"关于做好工作的通知\n发布时间：2024-01-02 来源：测试网\n{body}\n"


def sections(count: int) -> str:
    """A regulation of that many numbered sections, each a heading and a paragraph."""
    body = "\n".join(f"{n}. 第{n}项规定\n本项第{n}条。" + SENTENCE * 2 for n in range(1, count + 1))
    return f"关于做好工作的规定\n发布时间：2024-01-02 来源：测试网\n{body}\n"


def seconds(work: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> int:
    import weasyprint

    chosen, config = variant("zh-Hans"), Config()
    sheets = [weasyprint.CSS(filename=str(STYLESHEETS / "print.css")), weasyprint.CSS(string=variant_css(chosen, "A4"))]
    print("PDF time against length, seconds (one warm run each)")
    print(f"{'document':<34} {'chars':>8} {'pages':>6} {'pipeline':>9} {'s/page':>7} {'WeasyPrint':>11} {'s/page':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        renderer("pdf").render(document.from_bytes(article(5).encode(), name="warm.txt").tree, work / "warm.pdf",
                               variant=chosen, config=config)
        for name, make, full in (("paragraphs", article, 1000), ("sections", sections, 3000)):
            for scale in SCALES:
                count = round(full * scale)
                text = make(count)
                doc = document.from_bytes(text.encode(), name=f"{name}.txt")
                dest = work / f"{name}.pdf"
                ours = seconds(partial(renderer("pdf").render, doc.tree, dest, variant=chosen, config=config))
                pages = len(pypdf.PdfReader(dest).pages)
                html = xhtml.serialize(xhtml.to_xhtml(doc.tree)).decode()
                bare = seconds(partial(weasyprint.HTML(string=html).write_pdf, work / "bare.pdf", stylesheets=sheets,
                                       pdf_variant="pdf/ua-1", custom_metadata=True))
                label = f"{count} {name}"
                print(f"{label:<34} {len(text):>8} {pages:>6} {ours:9.1f} {ours / pages:7.3f} {bare:11.1f} "
                      f"{bare / pages:7.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
