"""`pipeline clean --explain`: the page as a table of line number, class, confidence and text (for an HTML
page, what its markup says of each line too); then the
title ranker's candidates with their scores, and the spans the credit reader found in each metadata
line with the field each went to."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.clean.tagger import CORRECTIONS, REVIEW_BELOW
from pipeline.clean.types import DomHints, Report
from pipeline.document import read_page

STYLES = {"title": "bold magenta", "meta": "cyan", "heading": "bold green", "body": "default",
          "caption": "yellow", "boilerplate": "dim"}
TEXT_WIDTH = 60  # characters of each line shown
MARKS = {"sidecar": "=", "model": ""}  # who decided; otherwise the name of the correction that did


def print_lines(data: bytes, name: str, report: Report) -> None:
    """Print every classed line of the page (its bytes and its file's name); a decision less sure than
    REVIEW_BELOW is marked `?` for review."""
    source = read_page(data, name=name, max_bytes=sys.maxsize)
    raw = source.text.text.split("\n")
    dom = source.dom  # an HTML page's: what its markup says of each line, shown beside the text
    console = Console(highlight=False, soft_wrap=True)
    table = Table(box=None, pad_edge=False, show_edge=False)
    columns = [("line", "right"), ("class", "left"), ("conf", "right"), ("by", "left"), ("text", "left")]
    for column, justify in columns[:4] + ([("markup", "left")] if dom else []) + columns[4:]:
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    review = 0
    for decision in report.lines:
        text = raw[decision.line - 1].strip() if decision.line else "(no line of the page: the file's name, W104)"
        unsure = decision.confidence < REVIEW_BELOW
        review += unsure
        mark = ("? " if unsure else "") + MARKS.get(decision.by, decision.by)
        style = STYLES.get(decision.label, "default")
        markup = [Text(_markup(dom[decision.line - 1] if decision.line else None), "dim")] if dom else []
        table.add_row(str(decision.line), Text(decision.label, style), f"{decision.confidence:.2f}",
                      Text(mark, "bold red"), *markup, Text(_shown(text), style))
    console.print(table)
    console.print(f"{len(report.lines)} lines; {review} below {REVIEW_BELOW:.2f} confidence marked ? for review; "
                  "= fixed by NAME.lines.json; a name: the correction that overruled the model "
                  "(pipeline corrections lists them)")
    _print_evidence(console, raw, report)


def _markup(hints: DomHints | None) -> str:
    """What the markup says of a line, in a few words: its element and region, its links and emphasis, the
    class words around it (a furniture word itself; the others by their group, where near)."""
    if hints is None:
        return ""
    words = [hints.element, hints.region, hints.links and f"links:{hints.links}",
             hints.emphasis and f"bold:{hints.emphasis}", hints.furniture and f"[{hints.furniture}]",
             *(f"[{group}]" for group in ("content", "meta", "title") if getattr(hints, group) == "near")]
    return " ".join(word for word in words if word)


def _print_evidence(console: Console, raw: list[str], report: Report) -> None:
    """The title candidates, likeliest first, and the credit spans of the metadata lines."""
    if report.title_candidates:
        table = Table(title="title candidates", box=None, pad_edge=False, show_edge=False, title_justify="left")
        for column, justify in (("line", "right"), ("score", "right"), ("text", "left")):
            table.add_column(column, justify=justify)  # type: ignore[arg-type]
        for rank, candidate in enumerate(report.title_candidates):
            style = STYLES["title"] if rank == 0 else "default"
            table.add_row(str(candidate.line), f"{candidate.score:.3f}",
                          Text(_shown(raw[candidate.line - 1].strip()), style))
        console.print(table)
    if report.readings:
        table = Table(title="credit spans", box=None, pad_edge=False, show_edge=False, title_justify="left")
        for column in ("line", "span", "text", "field"):
            table.add_column(column)
        for reading in report.readings:
            table.add_row(str(reading.line), reading.tag, Text(reading.text),
                          reading.field or Text("(already read)", "dim"))
        console.print(table)


def print_corrections() -> None:
    """The corrections that overrule the line model, by name, with what each does."""
    console = Console(highlight=False, soft_wrap=True)
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("correction")
    table.add_column("what it does")
    for name, does in CORRECTIONS.items():
        table.add_row(name, does)
    console.print(table)


def _shown(text: str) -> str:
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"
