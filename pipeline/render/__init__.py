"""Renderers: one module per format, each the same small shape, in one registry.

A renderer reads the validated DocBook tree of one variant and writes one file:
`render(tree, dest, *, variant, config) -> Path`. `check(variant)` raises a RequirementError
when something the format needs is missing, before any document is rendered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from lxml import etree

from pipeline.config import Config
from pipeline.errors import ConfigError
from pipeline.variants import Variant


class Renderer(Protocol):
    """One output format."""

    format: str
    extension: str
    stylesheets: tuple[str, ...]  # files in pipeline/stylesheets/ the output depends on
    settings: tuple[str, ...]  # the Config fields, beyond those of every output, the output depends on

    def check(self, variant: Variant) -> None:
        """Raise RequirementError when this machine cannot render the variant."""

    def render(self, tree: etree._Element, dest: Path, *, variant: Variant, config: Config) -> Path:
        """Write the file for one variant's tree to `dest` and return it."""


REGISTRY: dict[str, Renderer] = {}


def register(renderer: Renderer) -> Renderer:
    """Add a renderer; a second one for the same format is refused."""
    if renderer.format in REGISTRY:
        raise ValueError(f"a renderer for {renderer.format} is registered already")
    REGISTRY[renderer.format] = renderer
    return renderer


def renderer(fmt: str) -> Renderer:
    """The renderer of a format, or a ConfigError naming the known ones."""
    try:
        return REGISTRY[fmt]
    except KeyError:
        raise ConfigError(f"unknown format {fmt} (choose from {', '.join(REGISTRY)})") from None


def _register_builtin() -> None:
    from pipeline.render import docx, epub, pdf, web, xml

    for module in (xml, web, epub, pdf, docx):
        register(module.RENDERER)


_register_builtin()
