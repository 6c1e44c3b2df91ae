"""DOCX through pandoc with the region's reference.docx (East Asian faces and language), then made like
the PDF: paper and margins, the byline, the title as running header, page numbers; core properties set."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.config import Config
from pipeline.docbook import DB, Info, read_info, text_of
from pipeline.errors import RequirementError
from pipeline.render import pandoc
from pipeline.render.common import BODY_PT, PAPER, STYLESHEETS, TITLE_MARGIN, Paper, epoch
from pipeline.render.linebreak import balanced_lines, em_width
from pipeline.variants import Variant, with_corner_quotes
from pipeline.writing import ZIP_DATE, write_atomic


def plain_join(values: tuple[str, ...]) -> str:
    """Several values as one core-property string (DOCX subject is a single text)."""
    return pandoc.plain("、".join(values))


def reference(variant: Variant) -> Path:
    """The reference.docx of the variant's region (made by stylesheets/make_reference_docx.py)."""
    return STYLESHEETS / f"reference-{variant.region}.docx"


@dataclass(frozen=True)
class DocxRenderer:
    """pandoc's DOCX writer (the session of `pandoc.convert`), with the region's reference document."""

    format: str = "docx"
    extension: str = "docx"
    stylesheets: tuple[str, ...] = ("reference-SC.docx", "reference-TC.docx", "reference-HK.docx")
    settings: tuple[str, ...] = ("paper", "vertical")

    def check(self, variant: Variant) -> None:
        """pandoc and the reference document must be there; fonts are needed by the reader, not here."""
        pandoc.pandoc_path()
        if not reference(variant).is_file():
            raise RequirementError(f"{reference(variant)} is missing: run make_reference_docx.py")

    def render(self, tree: etree._Element, dest: Path, *, variant: Variant, config: Config) -> Path:
        """Write the DOCX of one variant's tree (a vertical one with corner brackets for quotes)."""
        if config.vertical:
            tree = with_corner_quotes(tree)
        info = read_info(tree)
        summary = _summary(tree, info)
        extra = {"abstract": pandoc.plain(summary)} if summary else {}
        meta = pandoc.metadata(info, lang=variant.docx_lang, subject=plain_join(info.subjects), **extra)
        house = config.house_stylesheet(reference(variant).name)  # a house reference document replaces ours
        docx = pandoc.convert(tree, "docx", {"reference_doc": str(house or reference(variant))}, meta)
        write_atomic(dest, finish(docx, info, PAPER[config.paper], vertical=config.vertical))
        return dest


def _summary(tree: etree._Element, info: Info) -> str | None:
    """The abstract when it says something of its own (not the article's first paragraph again)."""
    first = tree.find(f".//{DB}para")
    opening = text_of(first) if first is not None else ""
    if not info.abstract or opening.startswith(info.abstract[:ABSTRACT_PREFIX]):
        return None
    return info.abstract


ABSTRACT_PREFIX = 20  # characters an abstract shares with the first paragraph when it is that paragraph
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TWIPS_PER_MM = 1440 / 25.4
# The running header (the title) and the footer (the page number), as the PDF has them.
PARTS = {
    "header": ("word/pipeline-header.xml", "rIdPipelineHeader", "header",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"),
    "footer": ("word/pipeline-footer.xml", "rIdPipelineFooter", "footer",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"),
}


def finish(docx: bytes, info: Info, paper: Paper, *, vertical: bool = False) -> bytes:
    """pandoc's DOCX made like the PDF: the paper and margins, the byline under the title, the title as
    running header and page numbers in the footer; dcterms:created and modified at the publication date.
    With `vertical`, the section's text runs top to bottom, right to left (w:textDirection tbRl)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = _dated(data, epoch(info))
            elif item.filename == "word/document.xml":
                data = _laid_out(data, info, paper, vertical)
            elif item.filename == "word/styles.xml" and vertical:
                data = _without_widow_control(data)
            elif item.filename == "word/_rels/document.xml.rels":
                data = _related(data)
            elif item.filename == "[Content_Types].xml":
                data = _typed(data)
            item.date_time = ZIP_DATE  # fixed file dates: the same document gives the same bytes
            target.writestr(item, data)
        for kind, (name, _, _, _) in PARTS.items():
            target.writestr(zipfile.ZipInfo(name, date_time=ZIP_DATE), _part(kind, info))
    return out.getvalue()


def _xml(tree: etree._Element) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def _dated(data: bytes, seconds: int) -> bytes:
    stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = etree.fromstring(data)
    for element in core:
        if etree.QName(element).localname in ("created", "modified"):
            element.text = stamp
    return _xml(core)


def _laid_out(data: bytes, info: Info, paper: Paper, vertical: bool) -> bytes:
    document = etree.fromstring(data)
    body = document.find(W + "body")
    assert body is not None, "pandoc's document.xml has a body"
    title = next((p for p in body.findall(W + "p") if _style(p) == "Title"), None)
    if title is not None and not vertical:
        _break_title(title, info.title, paper)
    styled = [p for p in body.findall(W + "p") if _style(p) in ("Author", "Date")]
    line = info.byline
    if styled and line:
        # pandoc's author and date paragraphs become the PDF's one line: date · source · author · editor.
        first = styled[0]
        for extra in styled[1:]:
            body.remove(extra)
        for run in first.findall(W + "r"):
            first.remove(run)
        etree.SubElement(etree.SubElement(first, W + "r"), W + "t").text = line
    section = body.find(W + "sectPr")
    if section is None:
        section = etree.SubElement(body, W + "sectPr")
    for child in list(section):
        if etree.QName(child).localname in ("headerReference", "footerReference", "pgSz", "pgMar", "titlePg",
                                            "textDirection"):
            section.remove(child)
    # The running header from page 2 on (page 1 has the title block), the page number on every page.
    references = (("header", "default"), ("footer", "default"), ("footer", "first"))
    for position, (kind, page) in enumerate(references):
        reference = etree.Element(W + f"{kind}Reference", {W + "type": page, f"{{{R_NS}}}id": PARTS[kind][1]})
        section.insert(position, reference)
    side, top, bottom = (str(round(mm * TWIPS_PER_MM)) for mm in (paper.side_mm, paper.top_mm, paper.bottom_mm))
    etree.SubElement(section, W + "pgSz", {W + "w": str(round(paper.width_mm * TWIPS_PER_MM)),
                                           W + "h": str(round(paper.height_mm * TWIPS_PER_MM))})
    etree.SubElement(section, W + "pgMar", {W + "top": top, W + "bottom": bottom, W + "left": side, W + "right": side,
                                            W + "header": str(round(10 * TWIPS_PER_MM)),
                                            W + "footer": str(round(10 * TWIPS_PER_MM)), W + "gutter": "0"})
    etree.SubElement(section, W + "titlePg")  # page 1 takes the "first" references: no running header
    if vertical:
        etree.SubElement(section, W + "textDirection", {W + "val": "tbRl"})  # after titlePg, as the schema orders
    return _xml(document)


TITLE_SIZES = (28, 22)  # pt: the reference's Title size, and the step it takes rather than run to a third line


def _break_title(paragraph: etree._Element, title: str, paper: Paper) -> None:
    """The title in even lines broken as a typesetter would (linebreak.py) for the text block, one step
    smaller where at full size it would take a third line (A5)."""
    for size in TITLE_SIZES:
        lines = balanced_lines(title, em_width, paper.text_em * BODY_PT / size * TITLE_MARGIN)
        if len(lines) <= 2:
            break
    for run in paragraph.findall(W + "r"):
        paragraph.remove(run)
    for number, line in enumerate(lines):
        run = etree.SubElement(paragraph, W + "r")
        if size != TITLE_SIZES[0]:
            properties = etree.SubElement(run, W + "rPr")
            for tag in ("sz", "szCs"):
                etree.SubElement(properties, W + tag, {W + "val": str(2 * size)})  # half-points
        if number:
            etree.SubElement(run, W + "br")
        text = etree.SubElement(run, W + "t", {XML_SPACE: "preserve"})
        text.text = line


def _without_widow_control(data: bytes) -> bytes:
    """Styles with widow and orphan control off by default: LibreOffice, moving a vertical paragraph's last
    or first line to the next page for it, prints that page's columns over the lines before them."""
    styles = etree.fromstring(data)
    defaults = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    if defaults is None:
        holder = styles.find(f"{W}docDefaults")
        if holder is None:
            return data
        defaults = etree.SubElement(etree.SubElement(holder, W + "pPrDefault"), W + "pPr")
    for old in defaults.findall(W + "widowControl"):
        defaults.remove(old)
    defaults.insert(0, etree.Element(W + "widowControl", {W + "val": "0"}))  # first among these children
    return _xml(styles)


def _style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(W + "val")


def _related(data: bytes) -> bytes:
    rels = etree.fromstring(data)
    for name, rid, kind, _ in PARTS.values():
        etree.SubElement(rels, PACKAGE_RELS + "Relationship", {
            "Id": rid, "Target": name.removeprefix("word/"),
            "Type": f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"})
    return _xml(rels)


def _typed(data: bytes) -> bytes:
    types = etree.fromstring(data)
    for name, _, _, content_type in PARTS.values():
        etree.SubElement(types, CONTENT_TYPES + "Override", {"PartName": f"/{name}", "ContentType": content_type})
    return _xml(types)


def _part(kind: str, info: Info) -> bytes:
    """The header (the title, small, centred) or the footer (a PAGE field, centred)."""
    root = etree.Element(W + ("hdr" if kind == "header" else "ftr"), nsmap={"w": W[1:-1], "r": R_NS})
    paragraph = etree.SubElement(root, W + "p")
    properties = etree.SubElement(paragraph, W + "pPr")
    etree.SubElement(properties, W + "jc", {W + "val": "center"})
    if kind == "header":
        run = etree.SubElement(paragraph, W + "r")
        size = etree.SubElement(run, W + "rPr")
        etree.SubElement(size, W + "sz", {W + "val": "17"})  # 8.5 pt, as print.css's running header
        etree.SubElement(run, W + "t").text = info.title
    else:
        for field_type, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            run = etree.SubElement(paragraph, W + "r")
            if field_type:
                etree.SubElement(run, W + "fldChar", {W + "fldCharType": field_type})
            elif text == " PAGE ":
                instruction = etree.SubElement(run, W + "instrText", {XML_SPACE: "preserve"})
                instruction.text = text
            else:
                etree.SubElement(run, W + "t").text = text
    return _xml(root)
RENDERER = DocxRenderer()
