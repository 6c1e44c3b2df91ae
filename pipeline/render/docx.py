"""DOCX through pandoc with the region's reference.docx (East Asian faces and language), core properties set."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.config import Config
from pipeline.docbook import read_info
from pipeline.errors import RequirementError
from pipeline.render import pandoc
from pipeline.render.common import STYLESHEETS, epoch
from pipeline.variants import Variant
from pipeline.writing import write_atomic


def plain_join(values: tuple[str, ...]) -> str:
    """Several values as one core-property string (DOCX subject is a single text)."""
    return pandoc.plain("、".join(values))


def reference(variant: Variant) -> Path:
    """The reference.docx of the variant's region (made by stylesheets/make_reference_docx.py)."""
    return STYLESHEETS / f"reference-{variant.region}.docx"


@dataclass(frozen=True)
class DocxRenderer:
    """pandoc's DOCX writer, sandboxed, with the region's reference document."""

    format: str = "docx"
    extension: str = "docx"
    stylesheets: tuple[str, ...] = ("reference-SC.docx", "reference-TC.docx", "reference-HK.docx")

    def check(self, variant: Variant) -> None:
        """pandoc and the reference document must be there; fonts are needed by the reader, not here."""
        pandoc.pandoc_path()
        if not reference(variant).is_file():
            raise RequirementError(f"{reference(variant)} is missing: run make_reference_docx.py")

    def render(self, tree: etree._Element, dest: Path, *, variant: Variant, config: Config) -> Path:
        """Write the DOCX of one variant's tree."""
        info = read_info(tree)
        with tempfile.TemporaryDirectory(prefix="pipeline-docx-") as tmp:
            work = Path(tmp)
            output = work / "out.docx"
            meta = pandoc.metadata(info, lang=variant.docx_lang, subject=plain_join(info.subjects))
            pandoc.run(tree, "docx", output, work, ["--reference-doc", str(reference(variant))], meta)
            write_atomic(dest, set_created(output.read_bytes(), epoch(info)))
        return dest


def set_created(docx: bytes, seconds: int) -> bytes:
    """The DOCX with dcterms:created and dcterms:modified at the given time (the publication date)."""
    stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                core = etree.fromstring(data)
                for element in core:
                    if etree.QName(element).localname in ("created", "modified"):
                        element.text = stamp
                data = etree.tostring(core, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, data)
    return out.getvalue()
RENDERER = DocxRenderer()
