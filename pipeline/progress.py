"""What a build shows: a progress bar on a terminal, one line per document elsewhere, a summary table."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.build import Summary
from pipeline.config import Config
from pipeline.task import DocumentResult


class Display:
    """Progress and results of one build, on a terminal or in a log."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False) -> None:
        self.out = Console(highlight=False, soft_wrap=True)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.quiet, self.verbose = quiet, verbose
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    @contextmanager
    def running(self, total: int) -> Iterator[None]:
        """Show a bar while the build runs, when standard output is a terminal."""
        if self.out.is_terminal and not self.quiet:
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=self.out, transient=True)
            with self.bar:
                self.task = self.bar.add_task("building", total=total)
                yield
            self.bar = None
        else:
            yield

    def note(self, message: str) -> None:
        """A one-line message (such as waiting for the lock)."""
        self.err.print(f"pipeline: {message}", markup=False)  # a path may hold [/b]: never markup

    def document(self, result: DocumentResult) -> None:
        """One document finished."""
        if result.error:
            self.err.print(f"pipeline: {result.error}", markup=False)
        elif not self.quiet:
            state = "up to date" if result.skipped else f"built {len(result.built)} files in {result.seconds:.1f} s"
            line = f"{result.id}: {state}"
            if self.bar is not None:
                if self.verbose:
                    self.bar.console.print(line, markup=False)
            else:
                print(line, flush=True)
            if self.verbose:
                for name in result.built:
                    print(f"  {name}", flush=True)
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task)

    def summary(self, summary: Summary, config: Config) -> None:
        """The table at the end: documents, outputs built, skipped, failed, time."""
        built = sum(len(r.built) for r in summary.results)
        skipped = sum(1 for r in summary.results if r.skipped)
        table = Table(title=None, show_header=True, header_style="bold")
        for column in ("documents", "outputs built", "documents up to date", "failed", "removed", "time"):
            table.add_column(column, justify="right")
        table.add_row(str(len(summary.results)), str(built), str(skipped), str(len(summary.failed)),
                      str(len(summary.removed)), f"{summary.seconds:.1f} s")
        console = self.out if self.out.is_terminal else Console(file=sys.stdout, width=100, highlight=False)
        console.print(table)
        console.print(f"output: {config.out}/index.html", markup=False)
        if summary.failures_log:
            console.print(f"internal errors, with their tracebacks: {summary.failures_log}", markup=False)
