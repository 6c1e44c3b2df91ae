"""DocBook XML: the validated tree itself, for each variant."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.config import Config
from pipeline.docbook import serialize, validate
from pipeline.variants import Variant
from pipeline.writing import write_atomic


@dataclass(frozen=True)
class XmlRenderer:
    """Writes the DocBook 5 tree, validated again after the variant conversion."""

    format: str = "xml"
    extension: str = "xml"
    stylesheets: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()

    def check(self, variant: Variant) -> None:
        """Nothing beyond lxml is needed."""

    def render(self, tree: etree._Element, dest: Path, *, variant: Variant, config: Config) -> Path:
        """Validate and write the tree."""
        validate(tree)
        write_atomic(dest, serialize(tree))
        return dest


RENDERER = XmlRenderer()
