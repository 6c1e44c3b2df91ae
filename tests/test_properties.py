"""Property tests: cleaning, variants and renderers never crash; they give valid output or a clean PipelineError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import docbook, document
from pipeline.config import Config
from pipeline.errors import PipelineError
from pipeline.render import renderer
from pipeline.variants import VARIANTS, convert, variant
from tests.conftest import CORPUS

# Pieces that pages are made of, so that generated pages often reach the later stages.
PIECES = st.sampled_from([
    "首页 > 新闻 > 正文", "返回", "【打印本页】", "发布时间：2024-01-02 10:00", "来源：新华社", "责任编辑：张三",
    "一、总体要求", "（一）安全", "第一章　总则", "图为现场。", "2024年1月2日", "标题新闻发布",
    "会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。", "“两个确立”,", "(市)", "",
    "延伸閱讀", "#標籤", "（記者王小明／台北報導）", "——副标题",
])
LINES = st.lists(st.one_of(PIECES, st.text(max_size=60)), max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_cleaning_returns_valid_docbook_or_a_clean_error(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    try:
        doc = document.from_bytes(data, name="generated.txt")
    except PipelineError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    docbook.validate(doc.tree)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        doc = document.from_bytes(data, name="bytes.txt")
    except PipelineError:
        return
    docbook.validate(doc.tree)


# Every code point of every general category (controls Cc, format Cf, surrogates Cs, private use Co,
# noncharacters and unassigned Cn too), mixed with real lines of the corpus.
ANY_CHARACTER = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
CORPUS_LINES = sorted({line.strip() for path in CORPUS.glob("*.txt") if ".gbk." not in path.name
                       for line in path.read_text("utf-8").split("\n") if line.strip()})
MIXED = st.lists(st.one_of(st.sampled_from(CORPUS_LINES), PIECES,
                           st.builds(lambda a, b, c: a + b + c, st.sampled_from(CORPUS_LINES),
                                     st.text(ANY_CHARACTER, max_size=8), st.sampled_from(CORPUS_LINES)),
                           st.text(ANY_CHARACTER, max_size=40)),
                 min_size=1, max_size=40)


def _clean(lines: list[str]) -> document.Document | None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    try:
        return document.from_bytes(data, name="generated.txt")
    except PipelineError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED, st.sampled_from(sorted(VARIANTS)))
def test_any_unicode_through_cleaning_and_variants_is_valid_docbook_or_a_clean_error(lines: list[str],
                                                                                      tag: str) -> None:
    doc = _clean(lines)
    if doc is None:
        return
    docbook.validate(doc.tree)
    docbook.validate(convert(doc.tree, tag).tree)


PAGES = [path.read_text("utf-8").split("\n") for path in sorted(CORPUS.glob("*.txt"))
         if ".gbk." not in path.name and path.stat().st_size < 8000]


@st.composite
def hostile_pages(draw: st.DrawFn) -> list[str]:
    """A small real page with characters of any category put into some of its lines."""
    lines = list(draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(1, 12))):
        k = draw(st.integers(0, len(lines) - 1))
        at = draw(st.integers(0, len(lines[k])))
        lines[k] = lines[k][:at] + draw(st.text(ANY_CHARACTER, min_size=1, max_size=4)) + lines[k][at:]
    return lines


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_pages(), st.sampled_from(sorted(VARIANTS)))
def test_real_pages_with_any_unicode_inside_are_valid_docbook_or_a_clean_error(lines: list[str], tag: str) -> None:
    doc = _clean(lines)
    if doc is None:
        return
    docbook.validate(doc.tree)
    docbook.validate(convert(doc.tree, tag).tree)


@pytest.mark.slow
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_pages())
def test_any_unicode_renders_or_fails_cleanly(tmp_path_factory: pytest.TempPathFactory, lines: list[str]) -> None:
    doc = _clean(lines)
    if doc is None:
        return
    out = tmp_path_factory.mktemp("render")
    for fmt in ("pdf", "epub", "docx"):
        try:
            path = renderer(fmt).render(doc.tree, out / f"x.{fmt}", variant=variant("zh-Hans"), config=Config())
        except PipelineError as exc:
            assert str(exc) and "\n" not in str(exc)
            assert not list(out.iterdir())
            continue
        assert path.stat().st_size > 0
        path.unlink()
