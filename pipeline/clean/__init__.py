"""The cleaning: raw page text to an article (metadata, headings, paragraphs) and its report.

- `stages/`: the named stages, in run order (`stages.stages`), each `Draft -> Draft`;
- `tagger/`: the line tagger (features, the title ranker, the line CRF, the corrections that
  overrule it, training);
- `read/`: the value readers (the learned credit reader, the rules that read labelled fields);
- `types.py`: the data the stages pass along (Draft, Line, Metadata, Report);
- `patterns.py`, `classify.py`, `punctuation.py`: word lists, text tests and punctuation that all
  of them use.

Every line a stage drops or changes is recorded in the report with the stage, the rule and the
line number.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.clean import tagger as line_tagger
from pipeline.clean.stages import stage_name, stages
from pipeline.clean.stages.page import numbered
from pipeline.clean.tagger import LineTagger
from pipeline.clean.types import PARA_ROLES, DomHints, Draft, Head, Metadata, Picture, Report, Table
from pipeline.errors import CleaningError, DocumentWarning
from pipeline.ingest import REPAIRED


@dataclass(frozen=True)
class Block:
    """A heading (with its level), a paragraph, program code (its lines as printed), a figure or a table of the
    article body."""

    kind: str  # heading, para (or one of PARA_ROLES), code, figure or table (the text of these two their caption)
    text: str
    line: int
    level: int = 0
    image: str = ""  # a figure's image, a data: URL
    alt: str = ""  # a figure's alt text
    rows: tuple[tuple[str, ...], ...] = ()  # a table's rows of cell texts
    header: bool = False  # a table's first row is its header


@dataclass
class Article:
    """The cleaned article: metadata and body blocks in reading order."""

    meta: Metadata
    blocks: list[Block]
    report: Report


def clean(
    text: str,
    *,
    source: str = "<text>",
    encoding: str = "utf-8",
    tagger: LineTagger | None = None,
    fixed: dict[int, str] | None = None,
    head: Head | None = None,
    pictures: Sequence[Picture] = (),
    tables: Sequence[Table] = (),
    dom: Sequence[DomHints | None] = (),
) -> Article:
    """Run every stage over a page's text and return the article with its report.

    `tagger` is a line-tagger model (default: the packaged one); `fixed` maps line numbers to
    the classes a person gave them (a NAME.lines.json sidecar), which the tagger does not change;
    `head` what an HTML page's head says (the text is then its visible text), read where the text is silent;
    `pictures` its images and `tables` its simple tables, which become figures and tables where they stand in
    the article's text; `dom` what its markup says of each line (the tagger's evidence beside the text).
    """
    raw = text.split("\n")
    report = Report(source=source, encoding=encoding, line_count=len(raw), kind="text" if head is None else "html")
    draft = Draft(numbered(raw, dom), Metadata(), report, fixed or {}, head=head,
                  pictures=list(pictures), tables=list(tables), raw=raw)
    tagger = tagger or line_tagger.load()
    report.model = Path(tagger.name).name
    try:
        for stage in stages(tagger):
            draft.stage = stage_name(stage)
            draft = stage(draft)
        return _article(draft)
    except CleaningError as exc:
        exc.report = draft.report  # what the stages decided, for --explain
        raise


def _article(draft: Draft) -> Article:
    if not draft.meta.title:
        raise CleaningError("cannot tell the title from the navigation")
    blocks: list[Block] = []
    for line in draft.lines:
        if line.zone != "body" or not line.text:
            continue
        if line.role == "code" and blocks and blocks[-1].kind == "code":  # a listing's next line, and a blank one
            gap = "\n\n" if line.blank_before else "\n"
            blocks[-1] = replace(blocks[-1], text=f"{blocks[-1].text}{gap}{line.text}")
        else:
            kind = line.role if line.role in ("heading", "code", *PARA_ROLES) else "para"
            blocks.append(Block(kind, line.text, line.number, line.level))
    blocks = [replace(b, text=textwrap.dedent(b.text)) if b.kind == "code" else b for b in blocks]
    if not any(block.kind == "para" for block in blocks):
        raise CleaningError("no body text found: the page has only navigation and metadata")
    inserted = [*_figures(draft), *_tables(draft)]  # before the line they stand before
    blocks = sorted([*blocks, *inserted], key=lambda b: (b.line, b.kind not in ("figure", "table")))
    if draft.meta.published is None:
        draft.report.warnings.append(DocumentWarning.of("W101"))
    if REPAIRED in draft.report.encoding:
        draft.report.warnings.append(DocumentWarning.of("W103", encoding=draft.report.encoding))
    return Article(draft.meta, blocks, draft.report)


TEXT = ("body", "heading")  # the classes of the article's own lines


def _figures(draft: Draft) -> list[Block]:
    """The page's pictures that stand in the article's text: before a line of it (a paragraph, a heading,
    a caption, which is then the figure's), or right after its last line; each kept or left out in the
    report."""
    label = {decision.line: decision.label for decision in draft.report.lines}
    figures = []
    for picture in draft.pictures:
        here, before = label.get(picture.line), label.get(picture.line - 1)
        kept = here in (*TEXT, "caption") or before in TEXT
        draft.report.images.append({"src": picture.src, "line": picture.line,
                                    "outcome": "kept" if kept else "left out: not in the article's text"})
        if kept:
            caption = draft.raw[picture.line - 1].strip() if here == "caption" else ""
            figures.append(Block("figure", caption, picture.line, image=picture.uri, alt=picture.alt))
    return figures


def _tables(draft: Draft) -> list[Block]:
    """The page's simple tables that stand in the article's text: before a line of it, or right after its last
    line (as figures do); each kept or left out in the report."""
    label = {decision.line: decision.label for decision in draft.report.lines}
    kept = []
    for table in draft.tables:
        inside = label.get(table.line) in TEXT or label.get(table.line - 1) in TEXT
        draft.report.tables.append({"line": table.line, "rows": len(table.rows), "columns": len(table.rows[0]),
                                    "outcome": "kept" if inside else "left out: not in the article's text"})
        if inside:
            kept.append(Block("table", table.caption, table.line, rows=table.rows, header=table.header))
    return kept
