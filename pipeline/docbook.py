"""The DocBook 5 tree: the one place that knows how an article maps to DocBook, and its validation.

| page                         | DocBook 5                                   |
| ---------------------------- | ------------------------------------------- |
| title / subtitle after ——    | info/title, info/subtitle                   |
| 发布时间                      | info/pubdate (ISO 8601, +08:00)             |
| 来源                          | info/bibliosource                           |
| site in the breadcrumb       | info/publisher/publishername                |
| category in the breadcrumb   | info/subjectset/subject/subjectterm         |
| 作者 / 记者                   | info/author/personname (+ contrib: 记者)     |
| 编辑 / 责任编辑               | info/editor/personname                      |
| lede repeated as a summary   | info/abstract/para                          |
| section headings             | section/title, xml:id sect-1, sect-1-2, …   |
| paragraphs                   | para                                        |
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from lxml import etree

from pipeline.chinese import byline, written_date
from pipeline.clean import Article, Block
from pipeline.clean.types import PARA_ROLES, Metadata, Person
from pipeline.errors import ValidationError

NS = "http://docbook.org/ns/docbook"
XML_NS = "http://www.w3.org/XML/1998/namespace"
DB = f"{{{NS}}}"
XML_LANG = f"{{{XML_NS}}}lang"
XML_ID = f"{{{XML_NS}}}id"
SOURCE_LANG = "zh-Hans"


@cache
def schema() -> etree.RelaxNG:
    """The official DocBook 5.0 RELAX NG schema shipped in the package (loaded once)."""
    with resources.files("pipeline").joinpath("schema/docbook.rng").open("rb") as handle:
        return etree.RelaxNG(etree.parse(handle))


def text_of(element: etree._Element) -> str:
    """All the text inside an element, stripped."""
    return "".join(str(t) for t in element.itertext()).strip()


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, DB + tag, attrs)
    if text is not None:
        element.text = text
    return element


def build(article: Article, *, lang: str = SOURCE_LANG) -> etree._Element:
    """The DocBook 5 <article> of a cleaned article."""
    root = etree.Element(DB + "article", {"version": "5.0", XML_LANG: lang}, nsmap={None: NS})  # type: ignore[dict-item]
    _info(etree.SubElement(root, DB + "info"), article.meta)
    stack: list[etree._Element] = [root]
    numbers: list[int] = []  # the open sections' numbers, outermost first
    for block in article.blocks:
        if block.kind == "heading":
            level = min(block.level, len(stack))
            del stack[level:]
            del numbers[level:]
            numbers += [0] * (level - len(numbers))
            numbers[level - 1] += 1
            section = _el(stack[-1], "section", **{XML_ID: "sect-" + "-".join(map(str, numbers))})
            _el(section, "title", block.text)
            stack.append(section)
        elif block.kind == "figure":
            _figure(stack[-1], block)
        elif block.kind == "table":
            _table(stack[-1], block)
        elif block.kind == "code":
            _el(stack[-1], "programlisting", block.text)
        elif block.kind in PARA_ROLES:
            _el(stack[-1], "para", block.text, role=block.kind)
        else:
            _el(stack[-1], "para", block.text)
    return root


def _figure(parent: etree._Element, block: Block) -> None:
    """A figure with its caption as title (an informalfigure without one), the image inline as a data: URL
    (the XML stands alone), its alt text as the media object's alt."""
    figure = _el(parent, "figure" if block.text else "informalfigure")
    if block.text:
        _el(figure, "title", block.text)
    media = _el(figure, "mediaobject")
    if block.alt:
        _el(media, "alt", block.alt)
    _el(_el(media, "imageobject"), "imagedata", fileref=block.image)


def _table(parent: etree._Element, block: Block) -> None:
    """A CALS table with its caption as title (an informaltable without one); the header row, if any, in
    thead."""
    table = _el(parent, "table" if block.text else "informaltable")
    if block.text:
        _el(table, "title", block.text)
    group = _el(table, "tgroup", cols=str(len(block.rows[0])))
    head, body = (block.rows[:1], block.rows[1:]) if block.header else ((), block.rows)
    for part, rows in (("thead", head), ("tbody", body)):
        if rows:
            section = _el(group, part)
            for cells in rows:
                row = _el(section, "row")
                for cell in cells:
                    _el(row, "entry", cell)


def _info(info: etree._Element, meta: Metadata) -> None:
    _el(info, "title", meta.title)
    if meta.subtitle:
        _el(info, "subtitle", meta.subtitle)
    for person in meta.authors:
        _person(info, "author", person)
    for person in meta.editors:
        _person(info, "editor", person)
    if meta.published:
        _el(info, "pubdate", meta.published)
    if meta.publisher:
        _el(_el(info, "publisher"), "publishername", meta.publisher)
    if meta.source:
        _el(info, "bibliosource", meta.source)
    if meta.subjects:
        subjectset = _el(info, "subjectset")
        for subject in meta.subjects:
            _el(_el(subjectset, "subject"), "subjectterm", subject)
    if meta.abstract:
        _el(_el(info, "abstract"), "para", meta.abstract)


def _person(info: etree._Element, tag: str, person: Person) -> None:
    element = _el(info, tag)
    _el(element, "personname", person.name)
    if person.role:
        _el(element, "contrib", person.role)


@dataclass(frozen=True)
class Info:
    """The metadata of a DocBook article, as the renderers read it."""

    title: str
    subtitle: str | None
    published: str | None
    source: str | None
    publisher: str | None
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    subjects: tuple[str, ...]
    abstract: str | None
    lang: str

    @property
    def date(self) -> str | None:
        """The publication date alone (YYYY-MM-DD)."""
        return self.published[:10] if self.published else None

    @property
    def written_date(self) -> str | None:
        """The publication date as Chinese readers write it (2026年1月20日)."""
        return written_date(self.published) if self.published else None

    @property
    def byline(self) -> str:
        """The line under the title, the same in every output: date · source · author · editor, each where
        known."""
        return byline(self.published, self.source, self.authors, self.editors, self.lang)


def read_info(root: etree._Element) -> Info:
    """The metadata of a DocBook article tree."""
    info = root.find(DB + "info")

    def texts(path: str) -> tuple[str, ...]:
        found = info.findall(path) if info is not None else []
        return tuple(text_of(e) for e in found)

    def first(path: str) -> str | None:
        values = texts(path)
        return values[0] if values else None

    return Info(
        title=first(DB + "title") or "",
        subtitle=first(DB + "subtitle"),
        published=first(DB + "pubdate"),
        source=first(DB + "bibliosource"),
        publisher=first(f"{DB}publisher/{DB}publishername"),
        authors=texts(f"{DB}author/{DB}personname"),
        editors=texts(f"{DB}editor/{DB}personname"),
        subjects=texts(f"{DB}subjectset/{DB}subject/{DB}subjectterm"),
        abstract=first(f"{DB}abstract/{DB}para"),
        lang=root.get(XML_LANG, SOURCE_LANG),
    )


def validate(root: etree._Element) -> None:
    """Check the tree against the DocBook 5.0 schema and the project's rules; raise on the first fault."""
    rng = schema()
    if not rng.validate(root):
        error = rng.error_log.last_error
        where = f" (element {root.getroottree().getpath(root)})" if error is None else ""
        message = error.message if error is not None else "schema rejected the document"
        raise ValidationError(f"DocBook 5.0 schema: {message}{where}")
    problems = project_rule_violations(root)
    if problems:
        raise ValidationError("; ".join(problems))


def project_rule_violations(root: etree._Element) -> list[str]:
    """The project's own rules: a title, xml:lang, no empty para or title, unique ids."""
    problems: list[str] = []
    title = root.find(f"{DB}info/{DB}title")
    if title is None or not text_of(title):
        problems.append("the article has no title")
    if not root.get(XML_LANG):
        problems.append("the article has no xml:lang")
    for element in root.iter(DB + "para", DB + "title"):
        if not text_of(element):
            problems.append(f"empty <{etree.QName(element).localname}> at line {element.sourceline or '?'}")
    ids = [element.get(XML_ID) for element in root.iter() if element.get(XML_ID)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1 and i})
    if duplicates:
        problems.append(f"duplicate xml:id {', '.join(duplicates)}")
    if root.find(f".//{DB}para") is None:
        problems.append("the article has no paragraph")
    return problems


def serialize(root: etree._Element) -> bytes:
    """The tree as UTF-8 XML with a declaration, indented for reading and diffing."""
    tree = etree.ElementTree(root)
    etree.indent(tree, space="  ")
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def parse(data: bytes) -> etree._Element:
    """Read a DocBook file written by `serialize` (no network, no entities)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    return etree.fromstring(data, parser)
