"""PDF through WeasyPrint: DocBook → XHTML → print.css, tagged (PDF/UA-1), fonts subset and checked first."""

from __future__ import annotations

import ctypes.util
import gc
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from pipeline.config import Config
from pipeline.docbook import text_of
from pipeline.errors import RenderError, RequirementError
from pipeline.render import fonts, justify, textlayer, xhtml
from pipeline.render.common import BODY_PT, PAPER, STYLESHEETS, TITLE_MARGIN, TITLE_PT
from pipeline.variants import Variant
from pipeline.writing import write_atomic


@cache
def harfbuzz_subset_available() -> bool:
    """Whether the HarfBuzz subset library is installed (without it WeasyPrint takes ~19 s a CJK PDF)."""
    return ctypes.util.find_library("harfbuzz-subset") is not None


def variant_css(variant: Variant, paper: str) -> str:
    """The part of the print style that depends on the variant and the paper size."""
    serif, sans = fonts.families(variant.region)
    fallback = fonts.css_fallbacks()
    sheet = PAPER[paper]
    return (
        f"@page {{ size: {paper}; margin: {sheet.top_mm:g}mm 0 {sheet.bottom_mm:g}mm 0; "
        f"font-family: '{sans}', sans-serif; }}\n"
        f"body {{ width: {sheet.text_em}em; font-family: '{serif}', {fallback}, serif; }}\n"
        f"h1, h2, h3, h4, h5, h6, .byline {{ font-family: '{sans}', {fallback}, sans-serif; }}\n"
        f"pre, code {{ font-family: {fonts.MONOSPACE}, '{sans}', {fallback}, monospace; }}\n"
    )


@dataclass
class PdfRenderer:
    """WeasyPrint, loaded once per process and reused for every document."""

    format: str = "pdf"
    extension: str = "pdf"
    stylesheets: tuple[str, ...] = ("print.css",)
    settings: tuple[str, ...] = ("paper",)
    blocked: list[str] = field(default_factory=list)  # URLs refused, for the report and the tests
    parsed: dict[tuple[str, str, str, int], list[Any]] = field(default_factory=dict)  # stylesheets, parsed once

    def check(self, variant: Variant) -> None:
        """Fonts of the region and HarfBuzz subsetting must be installed."""
        fonts.faces(variant.region)
        if not harfbuzz_subset_available():
            raise RequirementError(
                "the HarfBuzz subset library is missing (Debian: apt-get install libharfbuzz-subset0); "
                "without it every CJK PDF takes about 19 s"
            )

    def render(self, tree: etree._Element, dest: Path, *, variant: Variant, config: Config) -> Path:
        """Write the PDF of one variant's tree."""
        import weasyprint

        justify.install()
        textlayer.install()
        fonts.check_coverage(text_of(tree), variant.region)
        paper = PAPER[config.paper]
        title_em = paper.text_em * BODY_PT / TITLE_PT * TITLE_MARGIN
        html = xhtml.serialize(xhtml.to_xhtml(tree, title_em=title_em))
        fetcher = _fetcher(self.blocked, (STYLESHEETS,))
        document = weasyprint.HTML(string=html.decode(), base_url=STYLESHEETS.as_uri() + "/", url_fetcher=fetcher)
        stylesheets = self._stylesheets(variant, config.paper, config.house_stylesheet("print.css"))
        try:
            data = document.write_pdf(
                stylesheets=stylesheets,
                pdf_variant="pdf/ua-1",
                custom_metadata=True,
            )
        except Exception as exc:  # WeasyPrint has no exception family of its own
            raise RenderError(f"WeasyPrint failed: {exc}") from exc
        finally:
            del document
            gc.collect()
        if not data:
            raise RenderError("WeasyPrint produced no PDF")
        write_atomic(dest, data)
        return dest


    def _stylesheets(self, variant: Variant, paper: str, house: Path | None) -> list[Any]:
        """print.css, the variant's fonts and paper, then a house print.css, as user stylesheets in this
        order so that each wins over the one before; parsed once per process and reused."""
        import weasyprint

        key = (variant.region, paper, str(house), house.stat().st_mtime_ns if house else 0)
        if key not in self.parsed:
            fetcher = _fetcher(self.blocked, (STYLESHEETS, *((house.parent,) if house else ())))
            self.parsed[key] = [
                weasyprint.CSS(filename=str(STYLESHEETS / "print.css"), url_fetcher=fetcher),
                weasyprint.CSS(string=variant_css(variant, paper), url_fetcher=fetcher),
            ]
            if house:
                self.parsed[key].append(weasyprint.CSS(string=house.read_text("utf-8"), url_fetcher=fetcher))
        return self.parsed[key]


def _fetcher(blocked: list[str], folders: tuple[Path, ...]) -> Any:
    """A WeasyPrint URL fetcher that allows data: URLs and files inside the stylesheet folders only."""
    from weasyprint.urls import URLFetcher

    class StylesheetsOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:") or inside(url, folders):
                return super().fetch(url, headers)
            blocked.append(url)
            raise ValueError(f"not fetched: {url} (only the stylesheets and data: URLs are allowed)")

    return StylesheetsOnly()


def inside(url: str, folders: tuple[Path, ...]) -> bool:
    """Whether a URL names a local file inside one of the folders, once decoded and resolved
    (`%2e%2e`, `..` and links cannot lead out)."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return any(path.is_relative_to(folder.resolve()) for folder in folders)


RENDERER = PdfRenderer()
