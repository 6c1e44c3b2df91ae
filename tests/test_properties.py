"""Property tests: cleaning never crashes; it returns valid DocBook or a clean PipelineError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import docbook, document
from pipeline.errors import PipelineError

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
