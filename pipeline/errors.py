"""The one exception family: every error a user can act on is a PipelineError.

Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path


def printable(text: str) -> str:
    """Text as a terminal may show it: control characters (newlines, escape sequences) escaped."""
    return "".join(ch.encode("unicode_escape").decode() if unicodedata.category(ch) == "Cc" else ch for ch in text)


class PipelineError(Exception):
    """An error in the input or the set-up, printed as one line naming the place."""

    category = "error"

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def located(self, path: Path | str) -> PipelineError:
        """Return this error with the file named, keeping a line already set."""
        if self.path is None:
            self.path = str(path)
        return self

    def __str__(self) -> str:
        place = printable(self.path or "")
        if place and self.line is not None:
            place = f"{place}:{self.line}"
        prefix = f"{place}: " if place else ""
        return f"{prefix}{self.category}: {self.message}"


class InputError(PipelineError):
    """The input file cannot be read as a Chinese article."""

    category = "bad input"


class CleaningError(PipelineError):
    """The cleaning found no article in the page."""

    category = "no article"
    report: object = None  # the cleaning report up to the failure (pipeline.clean.model.Report)


class ValidationError(PipelineError):
    """The document failed the DocBook schema or the project's own rules."""

    category = "invalid DocBook"


class ConfigError(PipelineError):
    """The configuration or the command line is wrong."""

    category = "config"


class RequirementError(PipelineError):
    """Something the requested output needs is missing on this machine."""

    category = "missing requirement"


class RenderError(PipelineError):
    """A renderer could not produce its file."""

    category = "render"


class TimeLimitError(PipelineError):
    """One document took longer than the time bound (`timeout`)."""

    category = "time limit"
