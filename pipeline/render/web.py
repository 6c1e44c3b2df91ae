"""The article as a web page: one self-contained HTML file per variant (its stylesheet inlined, its figures
data: URLs), to read in a browser; the download site's search indexes these pages (search.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.config import Config
from pipeline.render.common import STYLESHEETS
from pipeline.render.epub import font_css
from pipeline.render.xhtml import H, to_xhtml
from pipeline.variants import Variant
from pipeline.writing import write_atomic


@dataclass(frozen=True)
class WebRenderer:
    """DocBook → HTML5, web.css and the variant's fonts inlined."""

    format: str = "html"
    extension: str = "html"
    stylesheets: tuple[str, ...] = ("web.css",)
    settings: tuple[str, ...] = ()

    def check(self, variant: Variant) -> None:
        """Nothing beyond lxml is needed: the reader's browser has the fonts."""

    def render(self, tree: etree._Element, dest: Path, *, variant: Variant, config: Config) -> Path:
        """Write the page."""
        css = (STYLESHEETS / "web.css").read_text("utf-8") + font_css(variant)
        house = config.house_stylesheet("web.css")
        if house:
            css += "\n/* house style */\n" + house.read_text("utf-8")
        write_atomic(dest, page(tree, css))
        return dest


def page(tree: etree._Element, css: str) -> bytes:
    """The HTML5 bytes of the article with the stylesheet in its head. The text is the tree's as it is (no
    print spacing: the browser sets the Han–Latin gap and breaks lines itself)."""
    html = to_xhtml(tree, spacing=False)
    head = html.find(H + "head")
    assert head is not None
    etree.SubElement(head, H + "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    etree.SubElement(head, H + "style").text = css
    for element in html.iter():  # HTML, not XHTML: no namespace, no xml:lang
        element.tag = etree.QName(element).localname
        for name in [n for n in element.attrib if str(n).startswith("{")]:
            del element.attrib[name]
    etree.cleanup_namespaces(html)
    return etree.tostring(html, method="html", encoding="UTF-8", doctype="<!DOCTYPE html>")


RENDERER = WebRenderer()
