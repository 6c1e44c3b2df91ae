"""The one exception family: every error a user can act on is a PipelineError.

Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

# What a document may be warned of, by code: W1xx the cleaning, W2xx a variant. A warning keeps the
# document (report.json lists them); with `strict` they fail it, all of them named.
WARNINGS = {
    "W101": "no publication date found (发布时间, 发布日期 or a date line under the title)",
    "W102": "the tagger found no article text: the densest block of the page is taken (lines {first}-{last})",
    "W103": "the page was misread before it was saved, and is read as it was: {encoding}",
    "W104": "no line of the page reads as a headline: the title is the file's name ({title})",
    "W201": "{variant}: {problem} {quote} near: {context}",
}


def printable(text: str) -> str:
    """Text as a terminal may show it: control characters (newlines, escape sequences) escaped."""
    return "".join(ch.encode("unicode_escape").decode() if unicodedata.category(ch) == "Cc" else ch for ch in text)


@dataclass(frozen=True)
class DocumentWarning:
    """A warning about one document: its code, its message and the line of the page it is about."""

    code: str
    message: str
    line: int | None = None

    @classmethod
    def of(cls, code: str, line: int | None = None, /, **values: object) -> DocumentWarning:
        """The warning of a code (one of WARNINGS), its message filled in with `values`."""
        return cls(code, WARNINGS[code].format(**values), line)

    def __str__(self) -> str:
        return f"{'' if self.line is None else f'line {self.line}: '}{self.code} {self.message}"


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
    report: object = None  # the cleaning report up to the failure (pipeline.clean.types.Report)


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


class StrictError(PipelineError):
    """A document has warnings, and the build is strict: every warning is named."""

    category = "strict"

    def __init__(self, warnings: list[DocumentWarning]) -> None:
        super().__init__(f"{len(warnings)} warning{'s' * (len(warnings) > 1)}: {'; '.join(map(str, warnings))}")
        self.warnings = warnings


class TimeLimitError(PipelineError):
    """One document took longer than the time bound (`timeout`)."""

    category = "time limit"
