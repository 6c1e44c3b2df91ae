"""The cleaning's data: the page's lines, the metadata read off it, and the report of every change."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from pipeline.errors import DocumentWarning

Zone = Literal["page", "header", "body", "tail"]
Role = Literal["", "meta", "heading", "para", "code", "salutation", "attachment", "signature"]
# Paragraphs of a letter's or a notice's parts, set apart from the text: the salutation or addressees (flush left),
# the items of the note of attachments after its first (under the first item's text) and the signature (flush
# right); DocBook's <para role="…">, a class or a paragraph style in the outputs.
PARA_ROLES: tuple[Role, ...] = ("salutation", "attachment", "signature")


@dataclass(frozen=True)
class DomHints:
    """What an HTML page's markup says about a line (visible_text.py), each "" where it says nothing: the
    evidence the line tagger reads beside the text. Text pages have none.

    - element: the innermost block holding the line (h1, h2, h3, h4 for h4–h6, p, li, dl, cell, caption,
      pre, quote, address, div for any other); caption too for a line printing the alt text of the picture
      right over it (a gallery's captions, a related story's headline under its thumbnail);
    - region: the nearest nav, header, footer, aside or form around it, or article (article, main);
    - links: how much of its text is inside links (some, most, all);
    - emphasis: how much is in b, strong or em (some, all);
    - furniture: the class or id word of the nearest element named as page furniture (nav, menu, crumb,
      share, comment, …);
    - content, meta, title: near (the line's own block or its parent) or far where an element around it is
      named as the article's text, its credits or dates, or its title.
    """

    element: str = ""
    region: str = ""
    links: str = ""
    emphasis: str = ""
    furniture: str = ""
    content: str = ""
    meta: str = ""
    title: str = ""


DOM_FIELDS = tuple(f.name for f in fields(DomHints))


@dataclass(frozen=True)
class Line:
    """One line of the page, with what the stages have learnt about it."""

    number: int
    text: str
    indented: bool = False
    blank_before: bool = False
    zone: Zone = "page"
    role: Role = ""
    level: int = 0
    dom: DomHints | None = None  # an HTML page's line: what its markup says

    def having(self, **changes: Any) -> Line:
        """A copy with some fields changed (as dataclasses.replace, in a fraction of its time: the
        cleaning makes one per line and stage)."""
        if not changes.keys() <= LINE_FIELDS:
            raise TypeError(f"Line has no field {sorted(changes.keys() - LINE_FIELDS)[0]!r}")
        copy = object.__new__(Line)
        copy.__dict__.update(self.__dict__, **changes)
        return copy


LINE_FIELDS = frozenset(f.name for f in fields(Line))


@dataclass(frozen=True)
class Person:
    """An author or editor as printed, with the role word (记者) apart."""

    name: str
    role: str | None = None


@dataclass
class Metadata:
    """What the page says about the article."""

    title: str | None = None
    subtitle: str | None = None
    published: str | None = None
    source: str | None = None
    publisher: str | None = None
    authors: list[Person] = field(default_factory=list)
    editors: list[Person] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    abstract: str | None = None


@dataclass(frozen=True)
class Event:
    """One line a stage dropped, changed or read."""

    stage: str
    rule: str
    line: int
    before: str
    after: str | None


@dataclass(frozen=True)
class LineClass:
    """The class the tagger (or a sidecar) gave one line of the page, and how sure it was."""

    line: int
    label: str
    confidence: float
    by: str


@dataclass(frozen=True)
class TitleCandidate:
    """A line the title ranker weighed, with the probability it gave it."""

    line: int
    score: float


@dataclass(frozen=True)
class Reading:
    """A span the credit reader found in a metadata line, and the field it went to (None: a field
    already read, the value left aside)."""

    line: int
    tag: str
    text: str
    field: str | None


@dataclass
class Report:
    """The cleaning report: every drop and change, with the stage and rule that made it."""

    source: str
    encoding: str
    line_count: int = 0
    events: list[Event] = field(default_factory=list)
    warnings: list[DocumentWarning] = field(default_factory=list)
    lines: list[LineClass] = field(default_factory=list)
    title_candidates: list[TitleCandidate] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    kind: str = "text"  # the input: a text page, or an HTML page (its visible text cleaned)
    from_head: dict[str, str] = field(default_factory=dict)  # field → the head's key it was taken from
    images: list[dict[str, Any]] = field(default_factory=list)  # an HTML page's images: kept, or why not
    tables: list[dict[str, Any]] = field(default_factory=list)  # an HTML page's simple tables: kept, or why not
    model: str = ""  # the line-tagger model file that read the page (its name)

    def as_json(self) -> dict[str, Any]:
        """The report as plain data for report.json."""
        return {
            "source": self.source,
            "input": self.kind,
            "model": self.model,
            "encoding": self.encoding,
            "from_head": self.from_head,
            "images": self.images,
            "tables": self.tables,
            "lines": self.line_count,
            "events": [asdict(e) for e in self.events],
            "warnings": [asdict(w) for w in self.warnings],
            "line_classes": [
                {"line": x.line, "class": x.label, "confidence": x.confidence, "by": x.by} for x in self.lines
            ],
            "title_candidates": [asdict(x) for x in self.title_candidates],
            "credit_spans": [asdict(x) for x in self.readings],
        }


# What parts a page's <title> (the headline, the channel, the site's name): 标题_滚动新闻_新浪网,
# 自由電子報 - 流感再奪2命, 标题-中新网.
TITLE_SEPARATOR = re.compile(r"\s*[_|｜\-—–－]+\s*")


@dataclass(frozen=True)
class Head:
    """What an HTML page's head says about its article (html_page.py): evidence, empty where it says nothing."""

    title: str = ""  # <title>
    og_title: str = ""
    site_name: str = ""  # og:site_name, or JSON-LD publisher
    headline: str = ""  # JSON-LD headline
    article_title: str = ""  # a content system's ArticleTitle meta
    published: str = ""  # article:published_time, a content system's PubDate, or JSON-LD datePublished
    source: str = ""  # a content system's ContentSource or source meta
    authors: tuple[str, ...] = ()  # meta author / article:author, or JSON-LD author names

    def headlines(self) -> list[str]:
        """The headline as the head gives it, likeliest first: JSON-LD's, og:title, a content system's ArticleTitle,
        the longest part of the <title> (the others name the site and the channel), the whole <title>."""
        return list(dict.fromkeys(h for h in (self.headline, self.og_title, self.article_title,
                                              self._title_parts()[0], self.title) if h))

    def site_names(self) -> list[str]:
        """The site's names the head gives: og:site_name, and the other parts of its <title>."""
        return [name for name in (self.site_name, *self._title_parts()[1:]) if name]

    def _title_parts(self) -> list[str]:
        """The parts of the <title>, longest first (one empty string without a <title>)."""
        parts = [part.strip() for part in TITLE_SEPARATOR.split(self.title) if part.strip()]
        return sorted(parts, key=len, reverse=True) or [""]


@dataclass(frozen=True)
class Picture:
    """An image of an HTML page, opened and checked (html_page.py): a data: URL, the line it stands before,
    its alt text and its size in pixels."""

    line: int
    uri: str
    alt: str
    width: int
    height: int
    src: str = ""  # as the page wrote it (shortened), for the report


@dataclass(frozen=True)
class Table:
    """A simple table of data of an HTML page (visible_text.grid): the line of the page's text it stands before
    (its own text is not in the lines), its rows of cell texts, whether its first row is a header, and its
    caption."""

    line: int
    rows: tuple[tuple[str, ...], ...]
    header: bool = False
    caption: str = ""


@dataclass
class Draft:
    """The page as the stages pass it along."""

    lines: list[Line]
    meta: Metadata
    report: Report
    fixed: dict[int, str] = field(default_factory=dict)  # line number → class, from a sidecar
    texts: list[str] = field(default_factory=list)  # every line of the page as the tagger saw it
    stage: str = ""  # the name of the stage running (the cleaning sets it), for the report's events
    head: Head | None = None  # an HTML page's head
    pictures: list[Picture] = field(default_factory=list)  # an HTML page's images, checked
    tables: list[Table] = field(default_factory=list)  # an HTML page's simple tables
    raw: list[str] = field(default_factory=list)  # the page's lines as given (program code keeps its indentation)

    def record(self, rule: str, line: Line, after: str | None = None) -> None:
        """Note that the stage running dropped (after=None) or changed a line by `rule`."""
        self.report.events.append(Event(self.stage, rule, line.number, line.text, after))

    def drop(self, rule_of: Callable[[int, Line], str | None]) -> Draft:
        """Drop every line for which `rule_of(index, line)` names a rule, recording each drop."""
        kept: list[Line] = []
        for index, line in enumerate(self.lines):
            rule = rule_of(index, line)
            if rule is None:
                kept.append(line)
            else:
                self.record(rule, line)
        self.lines = kept
        return self


@dataclass(frozen=True)
class Decision:
    """The class of one line, how sure the model is (its marginal probability), and who decided."""

    label: str
    confidence: float
    by: str = "model"  # or "sidecar" (a NAME.lines.json named the line), or the name of a correction
