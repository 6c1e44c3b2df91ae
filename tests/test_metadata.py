"""Line classifiers: metadata lines and the fields read from them, breadcrumbs, page furniture (JSON cases)."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.clean import classify
from pipeline.clean import patterns as p
from pipeline.clean.read.values import byline_by_shape, find_date, first_word, iso_datetime, parse_meta_line, people
from pipeline.clean.stages.page import parse_breadcrumb
from pipeline.clean.types import Metadata
from tests.conftest import case_ids, load_cases

CASES = load_cases("metadata.json")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_fields_are_read_from_a_metadata_line(case: dict[str, Any]) -> None:
    meta = Metadata()
    parse_meta_line(case["line"], meta)
    got = {
        "published": meta.published,
        "source": meta.source,
        "authors": [p.name for p in meta.authors],
        "editors": [p.name for p in meta.editors],
    }
    for name, expected in case["expected"].items():
        assert got[name] == expected, name
    assert classify.is_meta_line(case["line"], in_header=True)


def test_first_value_of_a_field_wins() -> None:
    meta = Metadata()
    parse_meta_line("来源：第一财经日报(上海)", meta)
    parse_meta_line("本文来源：别的报纸 责任编辑：NF055", meta)
    assert meta.source == "第一财经日报"
    assert [p.name for p in meta.editors] == ["NF055"]


@pytest.mark.parametrize("line", ["来源： 访问量：199 发布日期：2017-05-15 10:49:00", "作者： 点击数：35 编辑：",
                                  "来源：|浏览次数：120"])
def test_a_label_printed_empty_takes_no_other_fields_label_as_its_value(line: str) -> None:
    """来源： 访问量：199: the outlet's label printed empty, a counter's label after it, is no outlet (nor a name)."""
    meta = Metadata()
    parse_meta_line(line, meta)
    assert (meta.source, meta.authors, meta.editors) == (None, [], [])
    meta = Metadata()
    parse_meta_line("来源：示例日报 访问量：199", meta)
    assert meta.source == "示例日报"


@pytest.mark.parametrize("line", ["文章来源：本站原创 作者：示例 发布时间：2010年01月20日", "来源：本网"])
def test_a_source_that_is_the_site_itself_names_no_outlet(line: str) -> None:
    meta = Metadata()
    parse_meta_line(line, meta)
    assert meta.source is None


@pytest.mark.parametrize(("line", "iso"), [
    ("2014-12-17 (16:31)", "2014-12-17T16:31:00+08:00"), ("2014年12月17日（16:31）", "2014-12-17T16:31:00+08:00"),
    ("2014-12-17 (16:31", "2014-12-17"), ("2014-12-17 (星期三)", "2014-12-17")])
def test_a_time_in_brackets_after_the_date_is_its_time(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and iso_datetime(found) == iso


def test_role_word_is_kept_apart_from_the_name() -> None:
    meta = Metadata()
    parse_meta_line("作者：记者 朱颖婕", meta)
    assert [(p.name, p.role) for p in meta.authors] == [("朱颖婕", "记者")]


@pytest.mark.parametrize(
    ("line", "publisher", "subjects"),
    [
        ("所在位置: 杭州网 > 热点专题", "杭州网", ["热点专题"]),
        ("现在位置： 首页 >> 东区新闻 >> 正文", None, ["东区新闻"]),
        ("网易首页 > 财经频道 > 证券新闻 > 正文", "网易", ["财经频道", "证券新闻"]),
        ("首頁 / 生活", None, ["生活"]),
    ],
)
def test_breadcrumb_gives_site_and_categories(line: str, publisher: str | None, subjects: list[str]) -> None:
    assert classify.is_breadcrumb(line)
    assert parse_breadcrumb(line) == (publisher, subjects)


@pytest.mark.parametrize(("tail", "subjects"), [("城区老旧小区改造今年全面启动", ["社会新闻"]),
                                               ("民生新闻", ["社会新闻", "民生新闻"])])
def test_a_breadcrumbs_headline_is_no_category(tail: str, subjects: list[str]) -> None:
    """A breadcrumb ending with the headline printed below it names the categories before it; a short last part
    printed again (a channel's name in its menu) is a category."""
    from pipeline.clean import clean

    headline = "城区老旧小区改造今年全面启动"
    text = "\n".join([f"您现在的位置：示例网 > 社会新闻 > {tail}", "首页 | 民生新闻 | 财经", "民生新闻", headline,
                      "2012-01-12 09:41", "城区老旧小区改造工作今年将全面启动，涉及小区一百二十个，惠及居民三万余户。",
                      "据市住建局介绍，改造内容包括屋面防水、外墙保温、管网更新、道路修缮和绿化提升等。"])
    assert list(clean(text).meta.subjects) == subjects


@pytest.mark.parametrize(
    "line",
    [
        "2019年2月27日下午，佛山顺德区大良街道党工委委员一行到众创金融街进行实地考察调研。",
        "时间过得真快，转眼又是一年。",
        "记者从市教育局获悉，今年共有2万名学生参加考试。",
    ],
)
def test_body_sentences_are_not_metadata(line: str) -> None:
    assert not classify.is_meta_line(line, in_header=True)


CHROME = load_cases("chrome.json")


@pytest.mark.parametrize("case", CHROME, ids=case_ids(CHROME))
def test_page_furniture_is_told_from_text(case: dict[str, Any]) -> None:
    assert classify.is_chrome(case["text"]) is case["chrome"]


@pytest.mark.parametrize(("line", "caption"), [
    ("BBC报道截图", True), ("网页截图", True), ("我们把页面截图保存了下来。", False), ("截图工具的使用", False)])
def test_a_screenshot_credit_is_a_caption(line: str, caption: bool) -> None:
    assert classify.is_caption(line) is caption


@pytest.mark.parametrize(("line", "caption"), [
    ("图五：链接保存", True), ("圖十四：插件", True), ("图 3 示例曲线", True), ("图3显示，销量逐月上升。", False),
    ("图书馆开放时间", False)])
def test_a_figures_number_and_label_open_a_caption(line: str, caption: bool) -> None:
    """图五：…, 图 3 …: a picture's number, in digits or Chinese numerals, and its label; not a sentence about it."""
    assert classify.is_caption(line) is caption


@pytest.mark.parametrize(("line", "fragment"), [
    ("因为", True), ("简单说就是", True), ("——（汉）东方朔", True),
    ("为什么要搞“一带一路”？", False), ("相关路段强制分流，听从交警指挥疏导", False), ("因为疫情推迟的会议", False)])
def test_a_piece_of_a_sentence_is_no_heading(line: str, fragment: bool) -> None:
    assert classify.is_fragment(line) is fragment


def test_the_rules_leave_out_what_a_credit_says_was_done() -> None:
    """来源：摘自京华时报 names 京华时报; 作者：帅鹏坤报道 names 帅鹏坤 (as the credit reader reads them)."""
    meta = Metadata()
    parse_meta_line("来源：摘自京华时报 作者：帅鹏坤报道", meta)
    assert meta.source == "京华时报" and [a.name for a in meta.authors] == ["帅鹏坤"]


@pytest.mark.parametrize(("line", "authors"), [
    ("邱美玲／台北報導", ["邱美玲"]), ("【鍾大同、陳小明／綜合報導】", ["鍾大同、陳小明"]),
    ("王明／綜合報導", ["王明"]),
    ("台北／綜合報導", []),  # a place, no name
])
def test_a_byline_of_names_and_the_reports_place_without_a_role_word(line: str, authors: list[str]) -> None:
    """The names before the report's place are the authors, even with no role word (記者) and even where the
    credit reader has read the line (names=False); a place is not a name."""
    meta = Metadata()
    parse_meta_line(line, meta, names=False)
    assert [a.name for a in meta.authors] == authors  # several names are one credit, as printed


@pytest.mark.parametrize(("line", "authors"), [
    ("2024-03-05 山田太郎（特约记者） 来源：示例日报", ["山田太郎"]), ("山田太郎 記者 2024-03-05", ["山田太郎"]),
    ("王小明、李小红（本报记者）", ["王小明、李小红"]), ("编辑：李小华 张小明 记者", ["张小明"]),
    ("2024-03-05 新华社 记者 来源：示例日报", []),  # an agency before the role word: no name
    ("本次活动邀请了多名记者", []),  # no credit
])
def test_a_reporters_names_with_the_role_after_them(line: str, authors: list[str]) -> None:
    """山田太郎（特约记者）, 王小明 记者 at the end or before a date: the names before the role word, names of any
    origin (no common surname needed), where the credit reader has read the line (names=False)."""
    meta = Metadata()
    parse_meta_line(line, meta, names=False)
    assert [a.name for a in meta.authors] == authors


@pytest.mark.parametrize(("line", "source", "authors"), [
    ("中廣新聞／楊小惠", "中廣新聞", ["楊小惠"]), ("【台灣醒報／林小芳】", "台灣醒報", ["林小芳"]),
    ("石小佳/中国青年报", "中国青年报", ["石小佳"]), ("王明／新華社", "新華社", ["王明"]),
    ("【鐘大達、陳小宗／綜合報導】", None, ["鐘大達、陳小宗"]),  # one of the names opens with a common surname
    ("【華視新聞╱報導】", "華視新聞", []),  # an outlet's report: the outlet, no one named
])
def test_a_byline_of_an_outlet_and_names_either_side_of_a_slash(line: str, source: str | None,
                                                                authors: list[str]) -> None:
    """A byline with no role word is read by its shape, where the credit reader has not read it: the outlet (its
    name ends like one) and the names (two or three characters, one opening with a common surname)."""
    meta = Metadata()
    parse_meta_line(line, meta, names=False)
    assert (meta.source, [a.name for a in meta.authors]) == (source, authors)


@pytest.mark.parametrize("line", [
    "公視新聞網 / 醫療", "首页/新闻", "新华网/新闻中心",  # a channel's path, a breadcrumb, a desk
    "生活中心／賴小佑報導", "台北／綜合報導",  # a desk's credit, a place
    "王大明、李小華、張三豐、趙四海 / 新聞稿",  # the outlet's name does not end like one
])
def test_no_byline_shape_where_no_name_stands_beside_an_outlet(line: str) -> None:
    assert byline_by_shape(line) is None


@pytest.mark.parametrize(("value", "outlet"), [
    ("優活健康資訊網╱uho新聞中心林小明", "優活健康資訊網"), ("中廣新聞／楊小惠", "中廣新聞"),
    ("第一财经日报(上海)", "第一财经日报"),
    ("摘自京华时报 2012-01-12", "京华时报"), ("CBSi中国·ZOL", "CBSi中国·ZOL"),
    ("本文转自：健康时报", "健康时报"), ("文章选自城市周刊", "城市周刊"),
])
def test_an_outlet_is_read_up_to_a_space_a_slash_or_a_bracket(value: str, outlet: str) -> None:
    assert first_word(value) == outlet


@pytest.mark.parametrize(("value", "credit"), [
    ("彭瑜 賀懷湘文/圖", "彭瑜 賀懷湘"), ("张小三 图/文", "张小三"), ("张小三文／摄", "张小三"),  # wrote, shot
    ("王文/图", "王文"),  # a name of two characters is not cut to one
])
def test_what_the_names_wrote_and_shot_glued_after_them_is_no_name(value: str, credit: str) -> None:
    assert [p.name for p in people(value)] == [credit]


def test_a_role_inside_the_credits_brackets_is_kept_apart_as_without_them() -> None:
    assert [(x.name, x.role) for x in people("（记者 王小明）")] == [("王小明", "记者")]
    assert [(x.name, x.role) for x in people("【記者林小華】")] == [("林小華", "記者")]


def test_names_split_at_any_slash_and_stay_one_credit_as_printed() -> None:
    assert [p.name for p in people("記者王小明╱李大同")] == ["王小明╱李大同"]


@pytest.mark.parametrize(("value", "credit"), [
    ("观察者网 王小纯", "王小纯"), ("文/观察者网 王小纯", "王小纯"), ("聯合報 林小真", "林小真"),
    ("金羊网", "金羊网"),  # an outlet's name alone is left to the credit's shape
])
def test_an_outlets_name_before_the_writers_is_no_name_of_the_credit(value: str, credit: str) -> None:
    """【文/观察者网 王小纯】: the outlet the writer works for, printed before the name, is no name of the credit."""
    assert [p.name for p in people(value)] == [credit]


@pytest.mark.parametrize(("value", "credit"), [
    ("记者 柳小新 通讯员 彭小娟", "柳小新、彭小娟"), ("記者嚴小瓏 通訊員黃小香 涂小晨", "嚴小瓏、黃小香、涂小晨"),
    ("记者/钟小啸 通讯员/王小军", "钟小啸、王小军"), ("实习生吴小丽、记者喻小亮", "吴小丽、喻小亮"),
    ("记者 丁小艳 张小敏", "丁小艳 张小敏"), ("评论员 罗小博 萧小川", "罗小博 萧小川"),  # a commentator's credit
])
def test_names_a_role_word_parts_are_one_credit_joined_with_a_list_comma(value: str, credit: str) -> None:
    """Names side by side stay as printed; names a role word parts (记者 … 通讯员 …) are not side by side."""
    assert [p.name for p in people(value)] == [credit]


@pytest.mark.parametrize("value", ["李小明  字号：大 中 小", "李小明  字號︰大 中 小", "李小明 2024-03-05"])
def test_the_names_end_where_another_field_starts(value: str) -> None:
    """A label after the names, its colon a vertical form's too (as Taiwan's pages print it), or a date ends them."""
    assert [p.name for p in people(value)] == ["李小明"]


@pytest.mark.parametrize(("last", "name"), [
    ("实现轻松换新手机。(李小楠)", "李小楠"), ("上下波动的幅度不超过0.5个百分点。(立小悟/编译)", "立小悟"),
    ("是一项符合医学科学的保健活动。（記者 李小婷）", "李小婷"), ("本次活动圆满结束。（完）", None),
    ("现场图片如下。(图/摄)", None),
    ("经常献血有益健康。（記者 李小婷/文 通訊員 史小貝/圖）", "李小婷"),  # the writer, not the photographer
    ("好不容易过个年，该放还得放。”文/包小臻", "包小臻"), ("市场短期内不会有大问题。本报记者 于小涛", "于小涛"),
    ("现场图片如下。(张小三 摄)", None), ("对此，记者了解到", None),  # no name: a photographer, a sentence
])
def test_a_writers_name_closes_the_text(last: str, name: str | None) -> None:
    """…换新iPhone。(李楠), a role before the name or what was done after a slash, or a role word opening the credit
    without brackets (。本报记者 于涛, 。文/包文臻): the author; （完） is no one."""
    match = p.TRAILING_CREDIT.search(last)
    assert (match["name"] if match else None) == name


@pytest.mark.parametrize(("line", "published", "editors"), [
    ("18:07 2012-01-16", "2012-01-16T18:07:00+08:00", []),  # the time printed before its date
    ("(王小明、李四 责任编辑)", None, ["王小明、李四"]),  # the role after the names
    ("（曹小明 編輯）", None, ["曹小明"]),
])
def test_a_time_before_its_date_and_an_editors_credit_in_brackets(line: str, published: str | None,
                                                                  editors: list[str]) -> None:
    """Lines the corrections make metadata (a date over the title, a credit under the text) read as printed."""
    meta = Metadata()
    parse_meta_line(line, meta, names=False)
    assert (meta.published, [e.name for e in meta.editors], meta.authors) == (published, editors, [])


@pytest.mark.parametrize(("lines", "published"), [
    (["更新时间：2012年12月10日 10:41"], "2012-12-10T10:41:00+08:00"),  # the only date a page gives
    (["發布時間：2012-12-09 08:00 更新時間：2012-12-10 10:41"], "2012-12-09T08:00:00+08:00"),
    (["发布日期：2012-12-09", "修改日期：2012-12-10"], "2012-12-09"),
])
def test_an_updates_date_is_the_publications_where_the_page_gives_no_other_first(lines: list[str],
                                                                                  published: str) -> None:
    meta = Metadata()
    for line in lines:
        parse_meta_line(line, meta)
    assert meta.published == published


@pytest.mark.parametrize(("text", "published"), [
    ("2012年1月12日 星期四 10:30", "2012-01-12T10:30:00+08:00"),  # a weekday between the date and its time
    ("2012/1/12 下午 03:45:00", "2012-01-12T15:45:00+08:00"), ("2012年1月12日下午3时45分", "2012-01-12T15:45:00+08:00"),
    ("2012/1/12 上午 11:45", "2012-01-12T11:45:00+08:00"), ("2012年1月12日中午1点05", "2012-01-12T13:05:00+08:00"),
    ("２０１２－０１－１２", "2012-01-12"),  # full-width digits and hyphens
    ("2012年1月12日 10名游客", "2012-01-12"), ("2012-01-12 星期四", "2012-01-12"),  # no time
    ("2024.11.20 (三) 09:30", "2024-11-20T09:30:00+08:00"), ("2024.11.20（週三）21:30", "2024-11-20T21:30:00+08:00"),
    ("2024-11-20 HKT 08:03", "2024-11-20T08:03:00+08:00"),  # a time zone between them
    ("2012年1月12日， 格林尼治標準時間 10:20", "2012-01-12T10:20:00+00:00"),  # Greenwich's, a comma between
    ("2012-01-12 GMT 10:20", "2012-01-12T10:20:00+00:00"),
    ("2012年1月12日 北京时间 10:20", "2012-01-12T10:20:00+08:00"),
    ("2012年1月12日，10时许", "2012-01-12"),  # a comma and no clock time: the date alone
    ("2024/11/20 PM 3:30", "2024-11-20T15:30:00+08:00"), ("2024年11月20日 星期三 9:30 pm", "2024-11-20T21:30:00+08:00"),
    ("20 Nov 2024", "2024-11-20"), ("20 November 2024 10:30 am", "2024-11-20T10:30:00+08:00"),  # the day first
])
def test_a_dates_time_with_a_weekday_or_the_half_of_the_day_before_it(text: str, published: str) -> None:
    found = find_date(text)
    assert found is not None and iso_datetime(found) == published


@pytest.mark.parametrize(("line", "authors"), [
    ("作者：本报评论部", []), ("作者：融媒体中心", []), ("编辑：县委办公室", []),  # a desk or a body
    ("作者：课题组", []), ("作者：经济日报调研小组", []),
    ("記者︰阿部", ["阿部"]), ("作者：张中", ["张中"]),  # a name of two ending in 部 is one
])
def test_a_desk_or_a_body_is_no_person(line: str, authors: list[str]) -> None:
    meta = Metadata()
    parse_meta_line(line, meta)
    assert [a.name for a in meta.authors + meta.editors] == authors


@pytest.mark.parametrize(("line", "authors"), [
    ("记者：John Smith  2024-03-05", ["John Smith"]), ("作者：王五 2024-03-05", ["王五"]),  # a date ends the names
    ("作者：杜硕_NB12556", ["杜硕"]),
])
def test_the_names_end_where_a_date_starts(line: str, authors: list[str]) -> None:
    meta = Metadata()
    parse_meta_line(line, meta)
    assert [a.name for a in meta.authors] == authors


@pytest.mark.parametrize(("text", "published"), [
    ("发布时间：二〇二四年三月五日", "2024-03-05"), ("二○一二年十二月二十一日", "2012-12-21"),
    ("二零二四年三月十日 10:30", "2024-03-10T10:30:00+08:00"), ("成文日期：二〇二四年十月三十一日", "2024-10-31"),
    ("国务院办公厅 二〇一一年六月二十日", "2011-06-20"), ("一九九八年二月十五號", "1998-02-15"),
    ("二〇二四年十三月五日", None), ("二〇二四年三月三十二日", None), ("二〇二四年三月", None),  # no such date, no day
    ("二〇二四年三月五日 发布时间：2012-01-12", "2012-01-12"),  # the digits' date first, as before
])
def test_a_date_in_chinese_numerals(text: str, published: str | None) -> None:
    found = find_date(text)
    assert (iso_datetime(found) if found else None) == published


def test_a_name_glued_before_a_comment_button_is_read_where_the_reader_read_the_line() -> None:
    """腾讯科技[微博]无忌我要评论(0): the name before the button, after the outlet, is the author even where the credit
    reader has read the line (names=False); the button alone names no one."""
    meta = Metadata()
    parse_meta_line("2012年01月17日10:32腾讯科技[微博]无小忌我要评论(0)", meta, names=False)
    assert (meta.source, [a.name for a in meta.authors]) == ("腾讯科技", ["无小忌"])
    alone = Metadata()
    parse_meta_line("2012年01月17日20:52腾讯财经[微博]我要评论(0)", alone, names=False)
    assert (alone.source, alone.authors) == ("腾讯财经", [])


@pytest.mark.parametrize("value", ["国际评级机构一次下调了欧元区九个国家的评级", "最新文章", "其他文章"])
def test_a_sentence_or_a_lists_heading_after_an_author_label_is_no_one(value: str) -> None:
    """记者：… opening an interview's question, 作者最新文章 heading a list: no name; names glued as printed are one."""
    assert people(value) == []
    assert [p.name for p in people("谭小飞王小明")] == ["谭小飞王小明"]


@pytest.mark.parametrize(("line", "source"), [
    ("来源：The Verge 2012-01-01", "The Verge"), ("来源：Reuters 编辑：张三", "Reuters"),
    ("来源：新华网 记者 张三", "新华网"),
])
def test_a_sources_name_in_latin_script_is_its_words(line: str, source: str) -> None:
    meta = Metadata()
    parse_meta_line(line, meta)
    assert meta.source == source


@pytest.mark.parametrize(("under", "published"), [
    ("香港時間１６時３０分", "2012-01-12T16:30:00+08:00"), ("16:30", "2012-01-12T16:30:00+08:00"),
    ("新聞資料庫 | 昨天新聞", "2012-01-12"),  # no time alone: the date alone
])
def test_a_time_alone_under_the_date_line_is_the_dates(under: str, published: str) -> None:
    """A press release closes with its day and, on the line under it, its time (２０１２年１月１２日（星期四） /
    香港時間１６時３０分): the two are the date."""
    from pipeline.clean import clean

    text = "\n".join([
        "新聞公報", "政府公布二〇一二年施政報告諮詢結果",
        "政府發言人今日（一月十二日）表示，政府在過去兩個月共收到市民提交的意見書約三千份，涵蓋房屋、安老及教育等範疇。",
        "發言人表示，政府會認真考慮市民的意見，並在制訂政策時加以參考。", "完", "２０１２年１月１２日（星期四）",
        under])
    assert clean(text).meta.published == published


@pytest.mark.parametrize(("line", "source"), [
    ("发布时间：2026-03-12 10:20  供稿：示例大学宣传部", "示例大学宣传部"),
    ("发布时间：2026-03-12  来稿单位：示例县农业农村局", "示例县农业农村局"),
    ("2026-03-12 摘自《示例周刊》2026年第3期", "示例周刊"),
    ("稿源： 《半月谈内部版》  2012-01-16 18:22", "半月谈内部版"),
    ("发布时间：2026-03-12 他供稿多年", None),  # no label: no source
])
def test_a_credit_naming_where_the_text_came_from_is_the_source(line: str, source: str | None) -> None:
    meta = Metadata()
    parse_meta_line(line, meta)
    assert meta.source == source


@pytest.mark.parametrize(("line", "published"), [
    ("来源： 示例文匯報2024年11月25日A6版发稿时间：2024-11-27 11:41", "2024-11-27T11:41:00+08:00"),
    ("来源： 示例日报 2024-11-25", "2024-11-25"),
])
def test_a_date_labelled_as_the_publications_wins_over_a_bare_one_before_it(line: str, published: str) -> None:
    """The paper's edition (示例文匯報2024年11月25日A6版) is no date of the page when the line labels the page's
    own after it (发稿时间：…); alone, the bare date is the page's."""
    meta = Metadata()
    parse_meta_line(line, meta)
    assert meta.published == published


@pytest.mark.parametrize(("line", "source"), [
    ("示例網新聞中心 2024-09-30 15:10", "示例網新聞中心"),
    ("鉅 示網新聞中心 2024-09-30 15:10", "鉅示網新聞中心"),
    ("生活中心／王小明報導 2024-09-30 15:10", None),
])
def test_an_outlets_desk_beside_the_date_is_the_source_where_nothing_else_is(line: str, source: str | None) -> None:
    """示例網新聞中心 2024-09-30: the outlet's desk names the outlet; a desk that names none (生活中心) does not."""
    meta = Metadata()
    parse_meta_line(line, meta)
    assert meta.source == source


@pytest.mark.parametrize(("line", "author"), [
    ("发布时间： 2025-02-26 14:11:37 发布人： 葛小路 浏览次数： 8888", ["葛小路"]),
    ("发布者：颜小越发布时间：2026-03-26浏览次数：10", ["颜小越"]),
    ("发布者：教务处 2026-03-26", []),
])
def test_the_person_a_content_system_names_as_the_poster_is_the_author(line: str, author: list[str]) -> None:
    """发布者：… / 发布人：… names the one who posted the page, the corpus's author, up to the next label; an office
    (教务处) is no one."""
    meta = Metadata()
    parse_meta_line(line, meta)
    assert [person.name for person in meta.authors] == author
