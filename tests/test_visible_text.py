"""The visible-text renderer: HTML to the lines scrapers make, in more than one habit."""

from __future__ import annotations

import pytest

from pipeline import visible_text as v
from pipeline.errors import InputError

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>标题 | 某某网</title>
<style>p { color: red }</style><script>var x = "不可见";</script></head>
<body><nav><ul><li>首页</li><li>新闻</li><li><a href="/">体育</a></li></ul></nav>
<div hidden>隐藏的菜单</div><div style="display: none">也隐藏</div>
<h1>  标题  </h1>
<table><tr><td>发布时间：2012-01-12</td><td>来源：新华网</td></tr>
<tr><td><p>第一段，  有
换行。</p><p>第二段<br>第二行。</p></td></tr></table>
<pre>code  line one
    indented line</pre>
<!-- 注释 --><p>尾<b>部</b>文字</p>
</body></html>"""


def lines(rendering: v.Rendering) -> list[str]:
    return [line.text for line in v.render(v.parse(PAGE), rendering)]


def test_fine_rendering_is_a_line_per_block_cell_and_item() -> None:
    assert lines(v.FINE) == [
        "首页", "新闻", "体育", "标题", "发布时间：2012-01-12", "来源：新华网", "第一段， 有 换行。", "第二段",
        "第二行。", "code  line one", "    indented line", "尾部文字",
    ]


def test_joined_rendering_keeps_the_title_and_joins_rows_and_lists_but_not_blocks_inside_cells() -> None:
    assert lines(v.JOINED) == [
        "标题 | 某某网", "首页 新闻 体育", "标题", "发布时间：2012-01-12 来源：新华网", "第一段， 有 换行。", "第二段",
        "第二行。", "code  line one", "    indented line", "尾部文字",
    ]


def test_renderings_share_their_segments() -> None:
    root = v.parse(PAGE)
    fine = v.render(root, v.FINE)
    joined = v.render(root, v.JOINED)
    assert [s for line in fine for s in line.segments] == list(range(len(fine)))
    assert [s for line in joined for s in line.segments] == list(range(len(fine)))
    assert joined[0].segments == ()  # the <title> line is no segment of the body


@pytest.mark.parametrize(("data", "encoding"), [
    ('<meta charset="gb2312"><p>发布时间：2012年镕</p>'.encode("gb18030"), "gb18030"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>臺灣</p>'.encode("big5"), "big5hkscs"),
    ("\ufeff<p>正文</p>".encode(), "utf-8"),
    ("<p>没有声明的页面，编码要猜出来。</p>".encode("gb18030"), "gb18030"),
    ('<meta charset="utf-8"><p>声明是UTF-8，实际是GBK的页面内容比较长一些。</p>'.encode("gb18030"), "gb18030"),
])
def test_encoding_from_the_mark_the_declaration_or_detection(data: bytes, encoding: str) -> None:
    text, found = v.decode_html(data)
    assert found == encoding
    assert "\ufffd" not in text
    assert "<p>" in text


def test_an_empty_page_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        v.decode_html(b"  \n")
