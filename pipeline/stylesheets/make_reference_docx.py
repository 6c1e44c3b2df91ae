"""Make reference-SC.docx, reference-TC.docx and reference-HK.docx from pandoc's default reference.docx.

Run `python -m pipeline.stylesheets.make_reference_docx` after changing this file and review the
change by reading the styles it prints. Each file names the East Asian faces of its region
explicitly, sets the East Asian language, indents body text by two characters and gives the
title, subtitle, author and heading styles their CJK faces.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.render.fonts import families
from pipeline.render.pandoc import pandoc_path
from pipeline.writing import ZIP_DATE

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
REGIONS = {"SC": "zh-CN", "TC": "zh-TW", "HK": "zh-HK"}
BODY_STYLES = ("Normal", "BodyText", "FirstParagraph")
CELL_STYLE = "Compact"  # pandoc's for a table cell's text: the body's face, no indent, from the left
CODE_STYLE, CODE_CHARS = "SourceCode", "VerbatimChar"  # pandoc's for program code: its block, and its text
CODE_FACE = "DejaVu Sans Mono"  # as the PDF's (Chinese in the code in the region's sans)
CODE_SHADE = "F4F4F2"
SIGNATURE_STYLE = "Signature"  # a notice's signature (convert.lua's name for <para role="signature">)
SALUTATION_STYLE = "Salutation"  # a letter's salutation, a notice's addressees (<para role="salutation">)
ATTACHMENT_STYLE = "Attachment"  # a note of attachments' items after its first (<para role="attachment">)
ATTACHMENT_INDENT = ("500", "1200")  # the paragraph's two characters and the three of 附件：, in hundredths of a
# character (Word) and in twips at the body's 12 pt (LibreOffice reads only these)
SIGNATURE_SPACE = "240"  # twentieths of a point: a line of the body's 12 pt between the text and a signature
HEADING_STYLES = ("Title", "Subtitle", *(f"Heading{n}" for n in range(1, 7)))
FIGURE_STYLES = ("Figure", "CaptionedFigure", "Caption", "ImageCaption", "TableCaption")  # pandoc's, for an
# image and a table's caption
# A three-line table, as Chinese reports set them: a heavy rule above and below, a light one under the header
# (eighths of a point).
TABLE_RULES = {"top": "12", "bottom": "12"}
HEADER_RULE = "6"
CENTRED = ("Title", "Subtitle", "Author", "Date", "Abstract")
# Word's punctuation compression (a full-width mark beside another set half width), as the PDF does it:
# Simplified and Hong Kong practice compress, Taiwan's keeps every mark full width.
COMPRESSION = {"SC": "compressPunctuation", "TC": "doNotCompress", "HK": "compressPunctuation"}


# The order WordprocessingML's schema gives the children of paragraph and run properties (Word refuses a
# file that breaks it).
ORDER = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
            "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
            "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"),
}


def child(parent: etree._Element, tag: str) -> etree._Element:
    """The first child with this tag, made when missing, in the schema's order among its siblings."""
    found = parent.find(W + tag)
    if found is not None:
        return found
    made = etree.Element(W + tag)
    order = ORDER.get(etree.QName(parent).localname)
    if order and tag in order:
        later = [c for c in parent if isinstance(c.tag, str) and etree.QName(c).localname in order
                 and order.index(etree.QName(c).localname) > order.index(tag)]
        if later:
            later[0].addprevious(made)
            return made
    parent.append(made)
    return made


def set_fonts(rpr: etree._Element, face: str, lang: str) -> None:
    """The face (East Asian, and Latin too so that digits match) and the language of run properties."""
    fonts = child(rpr, "rFonts")
    for script in ("eastAsia", "ascii", "hAnsi"):
        fonts.set(W + script, face)
        fonts.attrib.pop(W + f"{script}Theme", "")
    child(rpr, "lang").set(W + "eastAsia", lang)


def style(root: etree._Element, style_id: str) -> etree._Element:
    """The style with this id, made as a paragraph style when pandoc's default has none."""
    for element in root.findall(W + "style"):
        if element.get(W + "styleId") == style_id:
            return element
    element = etree.SubElement(root, W + "style", {W + "type": "paragraph", W + "styleId": style_id})
    etree.SubElement(element, W + "name", {W + "val": style_id})
    etree.SubElement(element, W + "basedOn", {W + "val": "Normal"})
    return element


def paragraph_props(element: etree._Element) -> etree._Element:
    """pPr, placed before rPr as the schema wants."""
    ppr = element.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        rpr = element.find(W + "rPr")
        if rpr is not None:
            rpr.addprevious(ppr)
        else:
            element.append(ppr)
    return ppr


def styles_xml(data: bytes, region: str) -> bytes:
    """pandoc's styles.xml with the region's faces, language and the two-character indent."""
    root = etree.fromstring(data)
    serif, sans = families(region)
    lang = REGIONS[region]
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults is not None, "pandoc's reference.docx has no default run properties"
    set_fonts(defaults, serif, lang)
    paragraph_defaults = root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    if paragraph_defaults is not None:
        no_spacing(paragraph_defaults)
    for style_id in BODY_STYLES:
        element = style(root, style_id)
        ppr = paragraph_props(element)
        no_spacing(ppr)  # the indent marks a paragraph, as in the PDF: no space above or below
        ind = child(ppr, "ind")
        ind.set(W + "firstLineChars", "200")
        ind.set(W + "firstLine", "480")
        child(ppr, "jc").set(W + "val", "both")  # justified, both edges flush
        child(ppr, "overflowPunct").set(W + "val", "0")  # no mark hung past the text block (Word; LibreOffice hangs it)
        set_fonts(child(element, "rPr"), serif, lang)
    cell = style(root, CELL_STYLE)
    ind = child(paragraph_props(cell), "ind")
    ind.set(W + "firstLineChars", "0")
    ind.set(W + "firstLine", "0")
    child(paragraph_props(cell), "jc").set(W + "val", "left")
    set_fonts(child(cell, "rPr"), serif, lang)
    three_lines(root)
    program_code(root, sans, lang)
    signature(root)
    salutation(root)
    attachment(root)
    for style_id in (*HEADING_STYLES, "Author", "Date", "Abstract"):
        element = style(root, style_id)
        rpr = child(element, "rPr")
        set_fonts(rpr, sans if style_id in HEADING_STYLES else serif, lang)
        color = child(rpr, "color")  # black, as the PDF's headings, not the theme's blue
        for name in ("themeColor", "themeShade", "themeTint"):
            if W + name in color.attrib:
                del color.attrib[W + name]
        color.set(W + "val", "000000")
        ind = child(paragraph_props(element), "ind")
        ind.set(W + "firstLineChars", "0")
        ind.set(W + "firstLine", "0")
        if style_id in CENTRED:
            child(paragraph_props(element), "jc").set(W + "val", "center")
    for style_id in FIGURE_STYLES:  # a figure and its caption centred under it, upright (no slanted Han)
        element = style(root, style_id)
        ppr = paragraph_props(element)
        ind = child(ppr, "ind")
        ind.set(W + "firstLineChars", "0")
        ind.set(W + "firstLine", "0")
        child(ppr, "jc").set(W + "val", "center")
        for italic in element.findall(f"{W}rPr/{W}i"):
            italic.getparent().remove(italic)  # type: ignore[union-attr]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def three_lines(root: etree._Element) -> None:
    """pandoc's table style ruled as a three-line table."""
    table = next(e for e in root.findall(W + "style") if e.get(W + "styleId") == "Table")
    tblpr = table.find(W + "tblPr")
    assert tblpr is not None, "pandoc's table style has no table properties"
    borders = tblpr.find(W + "tblBorders")
    if borders is None:
        borders = etree.Element(W + "tblBorders")
        tblpr.insert(1, borders)  # after tblInd, before tblCellMar: the schema's order
    for side, size in TABLE_RULES.items():
        etree.SubElement(borders, W + side, {W + "val": "single", W + "sz": size, W + "space": "0",
                                             W + "color": "000000"})
    for rule in table.iterfind(f"{W}tblStylePr/{W}tcPr/{W}tcBorders/{W}bottom"):
        rule.attrib.update({W + "val": "single", W + "sz": HEADER_RULE, W + "space": "0", W + "color": "000000"})


def program_code(root: etree._Element, sans: str, lang: str) -> None:
    """Program code as the PDF sets it: from the left, unindented, on a light shade, in a fixed-width face
    (pandoc's reference document has no style for the block, which then took the body's)."""
    block = style(root, CODE_STYLE)
    ppr = paragraph_props(block)
    child(ppr, "shd").attrib.update({W + "val": "clear", W + "color": "auto", W + "fill": CODE_SHADE})
    spacing = child(ppr, "spacing")
    spacing.set(W + "before", "120")
    spacing.set(W + "after", "120")
    ind = child(ppr, "ind")
    ind.set(W + "firstLineChars", "0")
    ind.set(W + "firstLine", "0")
    child(ppr, "jc").set(W + "val", "left")
    chars = style(root, CODE_CHARS)
    fonts = child(child(chars, "rPr"), "rFonts")
    fonts.attrib.update({W + "ascii": CODE_FACE, W + "hAnsi": CODE_FACE, W + "cs": CODE_FACE, W + "eastAsia": sans})
    child(child(chars, "rPr"), "lang").set(W + "eastAsia", lang)


def salutation(root: etree._Element) -> None:
    """A letter's salutation or a notice's addressees as the PDF sets them: flush left, unindented."""
    ind = child(paragraph_props(style(root, SALUTATION_STYLE)), "ind")
    ind.set(W + "firstLineChars", "0")
    ind.set(W + "firstLine", "0")


def attachment(root: etree._Element) -> None:
    """The items of a notice's note of attachments after its first, as the PDF sets them: under the first item's
    text, five characters in, unindented."""
    ind = child(paragraph_props(style(root, ATTACHMENT_STYLE)), "ind")
    ind.set(W + "leftChars", ATTACHMENT_INDENT[0])
    ind.set(W + "left", ATTACHMENT_INDENT[1])
    ind.set(W + "firstLineChars", "0")
    ind.set(W + "firstLine", "0")


def signature(root: etree._Element) -> None:
    """A notice's signature (the issuer's name and the day) as the PDF sets it: flush right, unindented, a line
    below the text (and none between its own lines)."""
    ppr = paragraph_props(style(root, SIGNATURE_STYLE))
    ind = child(ppr, "ind")
    ind.set(W + "firstLineChars", "0")
    ind.set(W + "firstLine", "0")
    spacing = child(ppr, "spacing")
    spacing.set(W + "before", SIGNATURE_SPACE)
    spacing.set(W + "after", "0")
    child(ppr, "contextualSpacing")
    child(ppr, "jc").set(W + "val", "right")


def no_spacing(ppr: etree._Element) -> None:
    """No space before or after a paragraph."""
    spacing = child(ppr, "spacing")
    spacing.set(W + "before", "0")
    spacing.set(W + "after", "0")


def settings_xml(data: bytes, region: str) -> bytes:
    """pandoc's settings.xml with the region's punctuation compression."""
    root = etree.fromstring(data)
    child(root, "characterSpacingControl").set(W + "val", COMPRESSION[region])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def make(region: str) -> bytes:
    """The reference.docx of one region, with fixed file dates so that it is reproducible."""
    default = subprocess.run([pandoc_path(), "--print-default-data-file", "reference.docx"],
                             capture_output=True, check=True).stdout
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(default)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = styles_xml(data, region)
            elif item.filename == "word/settings.xml":
                data = settings_xml(data, region)
            info = zipfile.ZipInfo(item.filename, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    return out.getvalue()


def main() -> int:
    """Write the three reference documents beside this script."""
    for region in REGIONS:
        path = HERE / f"reference-{region}.docx"
        path.write_bytes(make(region))
        face = families(region)[0]
        print(f"wrote {path.relative_to(HERE.parent.parent)}: face {face}, East Asian language {REGIONS[region]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
