"""The visible-text renderer: HTML to the lines scrapers make, in more than one habit."""

from __future__ import annotations

import pytest

from pipeline import visible_text as v
from pipeline.clean.types import DomHints
from pipeline.errors import InputError
from tests.conftest import TESTS

HTML = TESTS / "data" / "html"
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


@pytest.mark.parametrize(("article", "copies"), [
    ('<div id="js_content" style="visibility: hidden; opacity: 0">{0}</div>', 1),  # shown by the page's script
    ("<div hidden>{0}</div>", 1),
    ('<div style="display:none">{0}</div>{0}', 1),  # a hidden copy of the text stays hidden
    ('<div style="display:none">{0}</div><p>{1}</p>', 0),  # … as does a hidden block shorter than the page
])
def test_a_hidden_element_holding_more_text_than_the_page_shows_is_shown(article: str, copies: int) -> None:
    first = "第一段，城南社区养老服务中心正式投入使用。"
    text = f"<p>{first}</p><p>第二段，中心每天为老人提供午餐和晚餐。</p>"
    longer = "可见的正文比隐藏的块长，" * 8
    page = f"<h1>标题</h1><div style='display:none'>登录框</div>{article.format(text, longer)}<p>扫一扫</p>"
    got = [line.text for line in v.render(v.parse(page))]
    assert got.count(first) == copies
    assert "登录框" not in got and got[0] == "标题" and got[-1] == "扫一扫"


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
    (b"<p>&#20013;&#25991;</p>", "utf-8"),  # ASCII alone, its Chinese in entities
    ("<h1>颱風來襲</h1><p>沒有聲明的繁體頁面，中央氣象局發布海上颱風警報。</p>".encode("big5"), "big5"),
    ('<meta charset="utf-8"><p>声明是UTF-8，实际是GBK的页面内容比较长一些。</p>'.encode("gb18030"), "gb18030"),
    ('<meta charset="gb2312"><p>另存为UTF-8的页面，声明仍是GB2312。</p>'.encode(), "utf-8"),  # saved again
])
def test_encoding_from_the_mark_the_declaration_or_detection(data: bytes, encoding: str) -> None:
    text, found = v.decode_html(data)
    assert found == encoding
    assert "\ufffd" not in text
    assert "<p>" in text


def test_a_page_misread_before_it_was_saved_is_repaired() -> None:
    """GBK bytes taken for Latin-1 and saved as UTF-8 under the page's old <meta charset=gbk> (北京 as ±±¾©)."""
    page = '<meta charset="gbk"><title>北京西直门购物中心发生火灾</title><p>记者从北京市消防局获悉，火已扑灭。</p>'
    text, found = v.decode_html(page.encode("gb18030").decode("latin-1").encode())
    assert text == page and found.startswith("gb18030 (repaired")


def test_an_empty_page_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        v.decode_html(b"  \n")


def test_each_table_row_is_its_own_line_when_cells_are_joined() -> None:
    rows = "".join(f"<tr><td>第{n}行甲</td><td>第{n}行乙</td><td>第{n}行丙</td></tr>" for n in range(60))
    tables = "".join(f"<table><tr><td>表{n}甲</td><td>表{n}乙</td></tr></table>" for n in range(30))
    items = "".join(f"<ul><li>第{n}组一</li><li>第{n}组二</li></ul>" for n in range(30))
    root = v.parse(f"<html><body><table>{rows}</table>{tables}{items}</body></html>")
    assert lines_of(root, v.JOINED) == [
        *(f"第{n}行甲 第{n}行乙 第{n}行丙" for n in range(60)), *(f"表{n}甲 表{n}乙" for n in range(30)),
        *(f"第{n}组一 第{n}组二" for n in range(30))]


def test_a_cell_of_one_nested_table_is_never_joined_to_the_next_tables_row() -> None:
    """A portal's header of nested tables (tests/data/html/nested_tables.html): rows were told apart by the id()
    of lxml's short-lived proxies, which is reused, and the logo cell's text was joined to the menu's row."""
    root = v.parse(f"<html><body>{(HTML / 'nested_tables.html').read_text('utf-8')}</body></html>")
    joined = lines_of(root, v.JOINED)
    assert joined[0] == "项1" and joined[1].startswith("项2项3") and joined[2].startswith("项46")


def lines_of(root: object, rendering: v.Rendering) -> list[str]:
    return [line.text for line in v.render(root, rendering)]  # type: ignore[arg-type]


HINTED = """<html><body>
<div id="topNav" class="nav-bar"><a href="/">首页</a> <a href="/n">新闻</a></div>
<header><div class="breadcrumb">您的位置：<a href="/">首页</a> &gt; 正文</div></header>
<div class="article">
<h1 class="art-title">标题文字</h1>
<div class="info"><span class="pubtime">2012-01-12 08:30</span> 来源：<a href="/x">新华网</a></div>
<div class="content"><p><strong>一、小标题</strong></p><p>正文第一段，<b>部分</b>加粗。</p></div>
</div>
<footer><p class="copyright">版权所有</p></footer>
<form><ul><li>登录</li></ul></form>
</body></html>"""


def test_every_line_keeps_what_the_markup_says_of_it() -> None:
    hints = {line.text: line.dom for line in v.render(v.parse(HINTED), v.FINE)}
    assert hints["首页 新闻"] == DomHints("div", links="all", furniture="nav")
    assert hints["您的位置：首页 > 正文"] == DomHints("div", "header", links="some", furniture="crumb")
    assert hints["标题文字"] == DomHints("h1", content="near", title="near")
    assert hints["2012-01-12 08:30 来源：新华网"] == DomHints("div", links="some", content="near", meta="near")
    assert hints["一、小标题"] == DomHints("p", emphasis="all", content="near")
    assert hints["正文第一段，部分加粗。"] == DomHints("p", emphasis="some", content="near")
    assert hints["版权所有"] == DomHints("p", "footer", furniture="copyright")
    assert hints["登录"] == DomHints("li", "form")


def test_a_joined_line_has_its_first_segments_hints_and_the_share_of_links_over_all() -> None:
    root = v.parse("<table><tr><td><a href='/'>链接文字</a></td><td>不是链接的文字更长一些</td></tr></table>")
    (line,) = v.render(root, v.JOINED)
    assert line.dom == DomHints("cell", links="some")
    assert v.render(root, v.Rendering("titled", title_line=True))[0].dom == DomHints("cell", links="all")
