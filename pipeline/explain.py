"""`pipeline clean --explain`: the page as a table of line number, class, confidence and text."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.clean.model import Report
from pipeline.clean.tagger import REVIEW_BELOW
from pipeline.ingest import decode

STYLES = {"title": "bold magenta", "meta": "cyan", "heading": "bold green", "body": "default",
          "caption": "yellow", "boilerplate": "dim"}
TEXT_WIDTH = 60  # characters of each line shown
MARKS = {"sidecar": "=", "rule": "r"}  # who decided, when not the model


def print_lines(path: Path, report: Report) -> None:
    """Print every classed line; a decision less sure than REVIEW_BELOW is marked `?` for review."""
    raw = decode(path.read_bytes(), max_bytes=sys.maxsize).text.split("\n")
    console = Console(highlight=False, soft_wrap=True)
    table = Table(box=None, pad_edge=False, show_edge=False)
    for column, justify in (("line", "right"), ("class", "left"), ("conf", "right"), ("", "left"), ("text", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    review = 0
    for decision in report.lines:
        text = raw[decision.line - 1].strip()
        unsure = decision.confidence < REVIEW_BELOW
        review += unsure
        mark = "?" if unsure else MARKS.get(decision.by, "")
        shown = text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"
        style = STYLES.get(decision.label, "default")
        table.add_row(str(decision.line), Text(decision.label, style), f"{decision.confidence:.2f}",
                      Text(mark, "bold red"), Text(shown, style))
    console.print(table)
    console.print(f"{len(report.lines)} lines; {review} below {REVIEW_BELOW:.2f} confidence marked ? for review; "
                  "= fixed by NAME.lines.json, r metadata by its words")
