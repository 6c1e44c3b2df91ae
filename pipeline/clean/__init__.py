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

from dataclasses import dataclass

from pipeline.clean import tagger as line_tagger
from pipeline.clean.stages import stage_name, stages
from pipeline.clean.tagger import LineTagger
from pipeline.clean.types import Draft, Head, Line, Metadata, Report
from pipeline.errors import CleaningError, DocumentWarning


@dataclass(frozen=True)
class Block:
    """A heading (with its level) or a paragraph of the article body."""

    kind: str
    text: str
    line: int
    level: int = 0


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
) -> Article:
    """Run every stage over a page's text and return the article with its report.

    `tagger` is a line-tagger model (default: the packaged one); `fixed` maps line numbers to
    the classes a person gave them (a NAME.lines.json sidecar), which the tagger does not change;
    `head` what an HTML page's head says (the text is then its visible text), read where the text is silent.
    """
    raw = text.split("\n")
    report = Report(source=source, encoding=encoding, line_count=len(raw), kind="text" if head is None else "html")
    draft = Draft([Line(n, t) for n, t in enumerate(raw, start=1)], Metadata(), report, fixed or {}, head=head)
    try:
        for stage in stages(tagger or line_tagger.load()):
            draft.stage = stage_name(stage)
            draft = stage(draft)
        return _article(draft)
    except CleaningError as exc:
        exc.report = draft.report  # what the stages decided, for --explain
        raise


def _article(draft: Draft) -> Article:
    if not draft.meta.title:
        raise CleaningError("cannot tell the title from the navigation")
    blocks = [
        Block("heading" if line.role == "heading" else "para", line.text, line.number, line.level)
        for line in draft.lines
        if line.zone == "body" and line.text
    ]
    if not any(block.kind == "para" for block in blocks):
        raise CleaningError("no body text found: the page has only navigation and metadata")
    if draft.meta.published is None:
        draft.report.warnings.append(DocumentWarning.of("W101"))
    return Article(draft.meta, blocks, draft.report)
