"""How often OpenCC and the second opinion (MediaWiki's tables, zhconv) disagree on the corpus's Simplified
pages, per 1,000 Han characters, before and after the project's phrases and forms; the most frequent pairs
(our form / theirs); and how long the review lists are.

Run: `.venv/bin/python -m benchmarks.variants_review` (a minute or two).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from lxml import etree

from pipeline import dictionary, docbook, document
from pipeline.chinese import HAN
from pipeline.errors import PipelineError
from pipeline.variants import convert, converter

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "tests" / "data" / "corpus", ROOT / "tests" / "data" / "imported")
TARGETS = ("zh-Hant-TW", "zh-Hant-HK")


def trees() -> list[etree._Element]:
    """The cleaned trees of the corpus's Simplified pages."""
    found = []
    for folder in FOLDERS:
        for page in sorted(folder.glob("*.txt")):
            if ".gbk." in page.name:
                continue
            try:
                tree = document.from_file(page).tree
            except PipelineError:
                continue
            if tree.get(docbook.XML_LANG) == "zh-Hans":
                found.append(tree)
    return found


def measure(pages: list[etree._Element], label: str) -> None:
    han = sum(len(HAN.findall(docbook.text_of(tree))) for tree in pages)
    for target in TARGETS:
        pairs: Counter[str] = Counter()
        lengths: list[int] = []
        for tree in pages:
            conversion = convert(tree, target)
            pairs.update(d["words"] for d in conversion.disagreements)
            lengths.append(len(conversion.review()))
        total = sum(pairs.values())
        common = ", ".join(f"{words} ×{n}" for words, n in pairs.most_common(12))
        lengths.sort()
        print(f"{label:32} {target:11} {total:5d} disagreements, {1000 * total / han:5.2f} per 1,000 Han characters; "
              f"review list median {lengths[len(lengths) // 2]} groups, max {lengths[-1]}")
        print(f"{'':45} most frequent (ours/theirs): {common}")


def main() -> int:
    pages = trees()
    print(f"{len(pages)} Simplified pages of the corpus")
    project, forms = dictionary.PROJECT, dictionary.FORMS
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.tsv"
        empty.write_text("", "utf-8")
        dictionary.PROJECT = dictionary.FORMS = empty
        converter.cache_clear()
        measure(pages, "OpenCC alone")
    dictionary.PROJECT, dictionary.FORMS = project, forms
    converter.cache_clear()
    measure(pages, "with the project's dictionary")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
