"""The cleaning stages on small pages that show one behaviour each, and on the whole corpus."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from pipeline import docbook
from pipeline.clean import Article, classify, clean, tagger
from pipeline.clean.read.values import first_word
from pipeline.clean.stages import metadata, stage_name, stages
from pipeline.clean.stages.structure import find_headings
from pipeline.clean.types import PARA_ROLES, Draft, Line, LineClass, Metadata, Person, Reading, Report
from pipeline.errors import CleaningError
from tests.conftest import CORPUS, TESTS


def paras(article: Article) -> list[str]:
    """The text's paragraphs, a letter's or a notice's salutation and signature among them."""
    return [b.text for b in article.blocks if b.kind in ("para", *PARA_ROLES)]


def headings(article: Article) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in article.blocks if b.kind == "heading"]


NOTICE = """首页 > 新闻中心 > 通知公告
关于做好2024年度
春季学期开学工作的通知
——教育局办公室
发布时间：2024年2月20日  来源：市教育局  浏览次数：123
字号：大 中 小
各区县教育局,各直属学校:
现就做好2024年春季学期开学工作通知如下。
一、总体要求
坚持以学生为中心,统筹做好开学各项工作,确保平稳有序。
（一）安全检查
各校要在开学前完成校舍安全排查,发现问题及时整改。
（二）物资准备
要提前做好教材发放工作。
二、工作安排
各校于2月26日正式开学,具体安排另行通知。
市教育局
2024年2月20日
【打印本页】 【关闭窗口】
"""


def test_official_notice_title_over_two_lines_subtitle_and_nested_headings() -> None:
    article = clean(NOTICE)
    assert article.meta.title == "关于做好2024年度春季学期开学工作的通知"
    assert article.meta.subtitle == "教育局办公室"
    assert article.meta.published == "2024-02-20"
    assert article.meta.source == "市教育局"
    assert article.meta.subjects == ["新闻中心", "通知公告"]
    assert headings(article)[:3] == [(1, "一、总体要求"), (2, "（一）安全检查"), (2, "（二）物资准备")]
    assert paras(article)[0] == "各区县教育局，各直属学校："


def test_a_notices_signature_under_its_text_is_text_where_the_page_prints_its_date_elsewhere() -> None:
    """The issuer's name and the day alone under it (市教育局 / 2024年2月20日) close the notice's text: the model took
    them for furniture. A name under the text without the day is not taken for one, nor are they on a page without
    a date of its own (the day under the text is its date)."""
    assert paras(clean(NOTICE))[-2:] == ["市教育局", "2024年2月20日"]
    unsigned = NOTICE.replace("2024年2月20日\n【", "【")
    assert "市教育局" not in paras(clean(unsigned))
    undated = clean(NOTICE.replace("发布时间：2024年2月20日  ", ""))
    assert undated.meta.published == "2024-02-20" and "2024年2月20日" not in paras(undated)


def test_fixed_line_classes_keep_the_notice_end_and_its_signature_as_text() -> None:
    # A sidecar's classes put the last section and the signature (落款) back where the model does not read them,
    # and the rules then nest its heading and keep the signature as text.
    article = clean(NOTICE, fixed={15: "heading", 16: "body", 17: "body", 18: "body"})
    assert headings(article) == [(1, "一、总体要求"), (2, "（一）安全检查"), (2, "（二）物资准备"), (1, "二、工作安排")]
    assert paras(article)[-2:] == ["市教育局", "2024年2月20日"]


TAIWAN_WRAPPED = """首頁 > 社會 > 即時新聞
颱風來襲 北部地區停班停課
（記者林小華／台北報導）
2024-07-24 18:30 來源：自由時報
圖為颱風來襲時的台北街頭。（圖／記者攝）
颱風今天逼近台灣，中央氣象署表示，北部地區風雨明顯增強，
各縣市政府陸續宣布停班停課。民眾應避免外出，注意安全。
交通部表示，高鐵與台鐵部分班次停駛，旅客可上網查詢最新
資訊，或撥打客服專線。
責任編輯：陳大文
相關新聞
颱風動態一次看
"""


def test_traditional_page_with_byline_caption_and_hard_wrapped_lines() -> None:
    article = clean(TAIWAN_WRAPPED)
    assert article.meta.title == "颱風來襲 北部地區停班停課"
    assert [(p.name, p.role) for p in article.meta.authors] == [("林小華", "記者")]
    assert [p.name for p in article.meta.editors] == ["陳大文"]
    assert article.meta.source == "自由時報"
    assert paras(article) == [
        "颱風今天逼近台灣，中央氣象署表示，北部地區風雨明顯增強，各縣市政府陸續宣布停班停課。民眾應避免外出，注意安全。",
        "交通部表示，高鐵與台鐵部分班次停駛，旅客可上網查詢最新資訊，或撥打客服專線。",
    ]
    rules = {(e.stage, e.rule) for e in article.report.events}
    assert ("tag_lines", "caption") in rules
    assert ("join_wrapped_lines", "wrapped") in rules


BLANK_SEPARATED_WRAP = """市政府召开常务会议
发布时间：2024-05-06 10:00
会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。
加快构建新发展格局，着力推动高质量发展，更好统筹发展和安全。

会议强调，各部门要压实责任，确保各项任务落地见效，以实际行动
推动全市经济社会高质量发展取得新成效。

来源：市政府办公厅
"""


def test_a_notice_dated_in_chinese_numerals() -> None:
    """An official notice dated as official documents print it (二〇二四年三月五日): the date is its publication's."""
    text = ("首页 > 通知公告\n关于做好2024年春季森林防火工作的通知\n发布时间：二〇二四年三月五日  来源：县应急管理局\n"
            "各乡镇人民政府，县直各有关单位：\n"
            "当前正值春季森林防火关键期，为切实做好森林防火工作，确保人民群众生命财产安全，现将有关事项通知如下。\n"
            "一、提高思想认识\n各单位要充分认识森林防火工作的重要性，切实加强组织领导，层层压实责任，确保各项措施落到实处。\n"
            "县应急管理局\n二〇二四年三月五日\n【打印本页】【关闭窗口】")
    article = clean(text)
    assert (article.meta.title, article.meta.published, article.meta.source) == (
        "关于做好2024年春季森林防火工作的通知", "2024-03-05", "县应急管理局")


def test_blank_lines_separate_paragraphs_of_wrapped_text() -> None:
    article = clean(BLANK_SEPARATED_WRAP)
    assert len(paras(article)) == 2
    assert paras(article)[0].endswith("更好统筹发展和安全。")
    assert "以实际行动推动全市" in paras(article)[1]


def test_latin_words_joined_across_a_wrap_keep_their_space() -> None:
    from pipeline.clean.stages.structure import join_text

    assert join_text("采用了 Deep", "Learning 技术") == "采用了 Deep Learning 技术"
    assert join_text("人工智能", "技术") == "人工智能技术"


def test_repeated_lede_at_the_end_becomes_the_abstract(tmp_path: Path) -> None:
    text = (CORPUS / "00_hangzhou_npc_review.txt").read_text("utf-8")
    article = clean(text)
    assert article.meta.abstract is not None
    assert article.meta.abstract.startswith("2025年是“十四五”规划收官之年，")
    assert sum(1 for p in paras(article) if p.startswith("2025年是“十四五”")) == 1


def test_dateline_gives_author_and_agency_and_stays_in_the_text() -> None:
    text = (CORPUS / "15_cna_mutton_fraud.txt").read_text("utf-8")
    article = clean(text)
    assert [p.name for p in article.meta.authors] == ["沈佩瑤"]
    assert article.meta.source == "中央社"
    assert paras(article)[0].startswith("（中央社記者沈佩瑤台北23日電）")
    # The editor tag closing the last paragraph is cut off into the editor field.
    assert [p.name for p in article.meta.editors] == ["李亨山"]
    assert paras(article)[-1].endswith("拘役或3萬元以下罰金。")


def test_numbered_items_with_sentences_are_paragraphs_not_headings() -> None:
    text = (CORPUS / "12_netease_sac_proposal.txt").read_text("utf-8")
    article = clean(text)
    assert headings(article) == []
    assert any(p.startswith("一、正确认识") for p in paras(article))


def test_deck_lines_under_a_heading_nest_below_it() -> None:
    text = (CORPUS / "10_youth_overseas_students_npc.txt").read_text("utf-8")
    article = clean(text)
    assert headings(article)[:3] == [
        (1, "出国前后关注点大不同"),
        (2, "出国前：政治科目会出啥考题？"),
        (3, "出国后：国家未来将如何发展？"),
    ]


def _draft(text: str) -> Draft:
    lines = [Line(n, t) for n, t in enumerate(text.split("\n"), start=1)]
    return Draft(lines, Metadata(), Report("t", "utf-8"))


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt") if ".gbk." not in p.name))
def test_each_stage_run_twice_gives_the_same_result(name: str) -> None:
    draft = _draft((CORPUS / name).read_text("utf-8"))
    for stage in stages(tagger.load()):
        draft.stage = stage_name(stage)
        once = stage(draft)
        twice = stage(copy.deepcopy(once))
        assert [(x.number, x.text, x.role, x.level) for x in twice.lines] == [
            (x.number, x.text, x.role, x.level) for x in once.lines
        ], draft.stage
        assert twice.meta == once.meta, draft.stage
        draft = once


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt") if ".gbk." not in p.name))
def test_report_accounts_for_every_line(name: str) -> None:
    text = (CORPUS / name).read_text("utf-8")
    article = clean(text)
    dropped = {e.line for e in article.report.events if e.after is None}
    read = {e.line for e in article.report.events if e.stage in ("split_title", "read_metadata")}
    kept = {b.line for b in article.blocks}
    non_blank = {n for n, t in enumerate(text.split("\n"), start=1) if t.strip()}
    assert non_blank <= dropped | read | kept
    assert not kept & dropped


PAGES = CORPUS.parent / "pages"


@pytest.mark.parametrize(
    ("name", "title", "published", "source", "authors", "editors", "first_para", "heads"),
    [
        ("opinion_byline_in_brackets", "坚定不移推动高质量发展", "2024-01-02T05:41:00+08:00", "人民网－人民日报",
         ["张三"], ["李四、王五"], "新年伊始", []),
        ("government_register_above_title", "关于印发杭州市数字经济发展三年行动计划的通知", "2024-01-05",
         "杭州市人民政府办公厅", [], [], "各区、县（市）人民政府",
         ["一、总体要求", "二、主要任务", "（一）夯实数字基础设施", "（二）培育数字产业"]),
        ("taiwan_date_outlet_byline", "颱風凱米來襲 全台停班停課一次看", "2024-07-24T08:30:00+08:00", "聯合報",
         ["王小明"], [], "中央氣象署表示", []),
        ("portal_date_outlet_staff_code", "央行：保持流动性合理充裕", "2024-01-02T08:30:00+08:00", "新浪财经",
         ["张三"], ["王五"], "新浪财经讯", []),
        ("wire_meta_above_title_summary", "两会观察：推动经济持续回升向好", "2024-03-05T10:20:11+08:00", "新华社",
         ["李明"], ["赵六"], "【编者按】", []),
        ("indented_hard_wrapped", "市政府召开第35次常务会议", None, None, [], [], "2024年4月1日", []),
        ("taiwan_bracket_dateline", "賴清德出席活動 強調國防自主", "2023-08-24T10:35:00+08:00", None, ["王小明"], [],
         "〔記者王小明／台北報導〕", []),
        ("taiwan_byline_line", "台積電宣布赴美設廠進度", "2023-08-24T09:12:00+08:00", None, ["李小華"], [],
         "台積電今天宣布", []),
        ("original_title_and_counter_inside", "标题新闻示例", "2024-05-01T09:00:00+08:00", "某报", [], [],
         "第一段正文", []),
        ("reporter_line_and_proofreader", "国务院常务会议部署稳就业举措", "2024-05-10T19:30:00+08:00", "澎湃新闻",
         ["张三"], ["李四"], "国务院总理5月10日", []),
        ("feature_dialogue_and_numbered_heads", "小镇的春天", "2024-03-12T14:20:00+08:00", "某某日报", ["陈晨"],
         ["周周"], "清晨六点", ["变化", "1. 交通更方便了", "2. 收入提高了"]),
    ],
)
def test_page_shapes_of_other_sites(name: str, title: str, published: str | None, source: str | None,
                                    authors: list[str],
                                    editors: list[str], first_para: str, heads: list[str]) -> None:
    article = clean((PAGES / f"{name}.txt").read_text("utf-8"))
    meta = article.meta
    assert (meta.title, meta.published, meta.source) == (title, published, source)
    assert [p.name for p in meta.authors] == authors and [p.name for p in meta.editors] == editors
    assert paras(article)[0].startswith(first_para)
    assert sorted(text for _, text in headings(article)) == sorted(heads)
    docbook.validate(docbook.build(article))


def test_summary_label_and_wrapped_indented_lines() -> None:
    wire = clean((PAGES / "wire_meta_above_title_summary.txt").read_text("utf-8"))
    assert wire.meta.abstract == "今年政府工作报告提出，国内生产总值增长预期目标为5%左右。"
    assert not any(p.startswith("摘要") for p in paras(wire))
    wrapped = clean((PAGES / "indented_hard_wrapped.txt").read_text("utf-8"))
    assert paras(wrapped)[1] == "会议指出，今年以来全市经济运行总体平稳，但也面临不少困难和挑战，要坚定信心，保持定力。"
    assert headings(wrapped) == [] and len(paras(wrapped)) == 4


def test_labels_inside_the_text_are_dropped_without_ending_it() -> None:
    article = clean((PAGES / "original_title_and_counter_inside.txt").read_text("utf-8"))
    assert len(paras(article)) == 3
    rules = {(e.line, e.stage) for e in article.report.events}
    assert {(4, "read_metadata"), (7, "read_metadata")} <= rules


def test_a_sub_headline_under_the_title_is_the_subtitle() -> None:
    page = "首页 > 要闻\n彰显制度优势 践行为民初心\n市人大常委会2025年履职综述\n发布时间：2026-01-20 07:27\n" \
           "2025年是“十四五”规划收官之年，是高质量发展建设共同富裕示范区的关键之年。\n来源：杭州日报\n"
    # The model takes the second line for the title here (a rule that looks above it cost 4 points
    # of fields held out by site); two lines classed title are split into title and subtitle.
    meta = clean(page, fixed={2: "title", 3: "title"}).meta
    assert (meta.title, meta.subtitle) == ("彰显制度优势 践行为民初心", "市人大常委会2025年履职综述")


def test_a_list_of_headlines_above_the_title_is_not_its_title() -> None:
    page = "\n".join([
        "热点新闻", "某地发生交通事故致三人受伤", "另一条新闻标题在这里显示", "某市召开全市经济工作会议",
        "发布时间：2024-12-20 10:00", "会议总结了今年以来的经济工作，分析了当前形势，部署了明年的重点任务。",
        "来源：某某日报",
    ])
    meta = clean(page).meta
    assert (meta.title, meta.subtitle) == ("某市召开全市经济工作会议", None)


def test_numbered_lines_beside_each_other_are_a_lists_items_not_headings() -> None:
    """1、示例甲 / 2、示例乙 / 3、示例丙 in the text: paragraphs, not headings nested each under the one before; a
    numbered line over its text stays a heading."""
    texts = ["排名如下：", "1、示例甲", "2、示例乙", "3、示例丙", "一、总体要求", "各地要做好工作。"]
    lines = [Line(n, t, zone="body") for n, t in enumerate(texts, start=1)]
    draft = find_headings(Draft(lines, Metadata(), Report("t", "utf-8"), stage="find_headings"))
    assert [(line.text, line.role) for line in draft.lines] == [
        *((t, "para") for t in texts[:4]), ("一、总体要求", "heading"), ("各地要做好工作。", "para")]


def test_a_heading_in_brackets_or_with_a_picture_credit_is_a_caption() -> None:
    """…and so is a picture's credit alone (示例博物院供图, or in English: Photo by 示例研究院) or a line after △, a
    broadcaster's caption mark."""
    lines = [Line(1, "（某头部数据公司的部分报价单）", zone="body", role="heading"),
             Line(2, "10月4日，旅游专列开往襄阳。 通讯员刘娟 摄", zone="body", role="heading"),
             Line(3, "示例博物院供图", zone="body", role="heading"),
             Line(4, "△示例市市长王大明", zone="body", role="heading"),
             Line(5, "Photo by 示例研究院", zone="body", role="heading"),
             Line(6, "（一）总体要求", zone="body", role="heading"),
             Line(7, "各地要做好工作。", zone="body")]
    draft = find_headings(Draft(lines, Metadata(), Report("t", "utf-8"), stage="find_headings"))
    kept = [(line.text, line.role) for line in draft.lines]
    assert kept == [("（一）总体要求", "heading"), ("各地要做好工作。", "para")]
    assert [e.rule for e in draft.report.events if e.stage == "find_headings"][:5] == ["caption"] * 5
    assert not classify.is_caption("Photography changed how the city saw itself.")
    assert not classify.is_caption("记者张明/文 受访者供图"), "a writer's credit with the picture's"


BRACKETED_HEADINGS = """首页 > 民生
我市出台措施稳定冬季蔬菜供应
2024-11-20 09:00 来源：城市日报
为保障冬季蔬菜市场供应，市政府近日出台多项措施，稳定菜价，方便群众生活。
【扩大本地种植】
全市新建蔬菜大棚500余座，冬季本地蔬菜日产量预计达到300吨，比去年同期增加两成。
【畅通外地调运】
市商务局与周边省份主要产区签订供货协议，开通蔬菜运输绿色通道，确保外地蔬菜及时进入本地市场。
【加强价格监测】
市发展改革委每日发布主要蔬菜价格，对哄抬价格等违法行为依法严肃查处。
责任编辑：王芳
【打印本页】【关闭窗口】
"""


def test_a_phrase_in_brackets_heading_each_section_is_a_heading_a_button_is_not() -> None:
    """【扩大本地种植】 between paragraphs heads its section (the furniture rules read a line in 【】 as a button: the
    sections' headings and the last section were lost); 【打印本页】【关闭窗口】 under the text stays furniture."""
    article = clean(BRACKETED_HEADINGS)
    assert headings(article) == [(1, "【扩大本地种植】"), (1, "【畅通外地调运】"), (1, "【加强价格监测】")]
    assert len(paras(article)) == 4 and "打印" not in "".join(paras(article))
    assert [(line.text, line.role) for line in find_headings(Draft(
        [Line(1, "【扩大本地种植】", zone="body", role="heading"), Line(2, "全市新建蔬菜大棚500余座。", zone="body")],
        Metadata(), Report("t", "utf-8"), stage="find_headings")).lines] == [
        ("【扩大本地种植】", "heading"), ("全市新建蔬菜大棚500余座。", "para")]


def test_the_last_section_of_a_page_that_ends_with_its_text_is_kept_with_its_heading() -> None:
    """A page that ends with its text, whose sections have headings: the last section's heading and its paragraph
    were lost (the model learnt pages with the site's footer under the text)."""
    page = "\n".join(["财经", "年末消费市场观察：以旧换新带动家电销售", "2024年11月20日 10:30 来源：经济日报",
                      "今年以来，家电以旧换新政策持续发力，带动相关商品销售明显增长。", "政策效应持续释放",
                      "商务部数据显示，前10个月，全国家电以旧换新销售额同比增长超过两成。", "线下门店客流回升",
                      "在一家大型家电卖场，记者看到，前来选购的顾客络绎不绝，节能家电尤其受欢迎。", "企业加快产品升级",
                      "多家家电企业表示，将推出更多绿色智能产品，满足消费者升级需求。"])
    article = clean(page)
    assert [text for _, text in headings(article)] == ["政策效应持续释放", "线下门店客流回升", "企业加快产品升级"]
    assert paras(article)[-1] == "多家家电企业表示，将推出更多绿色智能产品，满足消费者升级需求。"


def test_line_having_is_a_checked_copy() -> None:
    line = Line(3, "一、总体要求", indented=True)
    moved = line.having(zone="body", role="heading", level=1)
    assert moved == dataclasses.replace(line, zone="body", role="heading", level=1)
    assert line.zone == "page" and hash(moved) == hash(dataclasses.replace(moved))
    with pytest.raises(TypeError, match="no field 'txt'"):
        line.having(txt="x")


@pytest.mark.parametrize(("text", "kind"), [
    ("第一编　总则", "part"), ("第二章 适用范围", "chapter"), ("第三节　其他", "section"),
    ("一、总体要求", "han-number"), ("（二）工作目标", "bracket-number"), ("3. 保障措施", "arabic-number"),
    ("2024.05.06 发布", None), ("第一时间", None), ("总体要求", None),
])
def test_heading_numbering_kinds(text: str, kind: str | None) -> None:
    assert classify.heading_kind(text) == kind


CODE_PAGE = TESTS / "data" / "code" / "listing.txt"


def test_program_code_between_the_text_is_kept_as_printed() -> None:
    article = clean(CODE_PAGE.read_text("utf-8"))
    code = [b.text for b in article.blocks if b.kind == "code"]
    assert code == [
        "import requests\n\ndef fetch(url):\n    # 按网页声明的编码解码\n    response = requests.get(url, timeout=10)\n"
        "    response.encoding = response.apparent_encoding\n    return response.text",
        'if (text == null) {\n    return "";\n}',
    ]
    paragraphs = [b.text for b in article.blocks if b.kind == "para"]
    assert paragraphs[-1] == "这种写法在Java里也很常见，思路是一样的：先判断，再处理。"
    decided = {line.line: line.by for line in article.report.lines if line.label == "code"}
    assert set(decided.values()) == {"code_between_text"} and len(decided) == 9
    tree = docbook.build(article)
    docbook.validate(tree)
    listings = list(tree.iter(docbook.DB + "programlisting"))
    assert [x.text for x in listings] == code  # no full-width commas, no joined lines, no repeats dropped


def test_a_command_that_a_line_of_text_leads_into_is_code_and_lone_code_like_lines_are_not() -> None:
    page = ("某某网 > 技术\n在命令行里安装示例工具的方法\n2024-05-06 来源：某某网\n"
            "安装这个工具只需要一条命令，打开终端以后输入：\n$ pip install example-tool\n"
            "安装完成以后，就可以在命令行里使用它了，具体的用法可以参考它的说明文档。\n"
            "A = B\n"  # code-shaped, alone and not led into: the model decides it
            "这个工具支持中文，也支持其他语言，使用起来非常方便，适合初学者使用。\n")
    article = clean(page, fixed={4: "body", 6: "body", 8: "body"})  # the text, as a sidecar names it
    assert [b.text for b in article.blocks if b.kind == "code"] == ["$ pip install example-tool"]
    assert "A = B" not in [b.text for b in article.blocks]


def test_no_corpus_page_reads_as_code() -> None:
    for path in sorted(p for p in CORPUS.glob("*.txt") if ".gbk." not in p.name):
        article = clean(path.read_text("utf-8"))
        assert not [b for b in article.blocks if b.kind == "code"], path.name


def test_the_reporters_of_a_dateline_are_one_credit_as_printed() -> None:
    """（记者吴小宽、高小鹏） is one credit of two names, joined as printed, as a byline's names are (the dateline
    rule alone: the credit reader is not asked)."""
    line = Line(4, "新华网北京1月17日电（记者吴小宽、高小鹏）国家体育总局17日发表了全民健身计划。", zone="body",
                role="para")
    draft = Draft([line], Metadata(), Report("page.txt", "utf-8"))
    assert metadata._read_dateline(draft, 0)
    assert [(a.name, a.role) for a in draft.meta.authors] == [("吴小宽、高小鹏", "记者")]


@pytest.mark.parametrize(("opening", "credit"), [
    ("环球网实习记者胥小琦1月12日报道 据俄新社11日报道，俄总统表示。", "胥小琦"),
    ("大江网讯 实习生吴小丽、记者喻小亮报道：1月15日，全省体育工作会议在南昌召开。", "吴小丽、喻小亮"),
    ("新华社记者张小三北京3月5日电 今天上午，会议开幕。", "张小三"),  # the place before the date is no name
])
def test_a_dateline_without_brackets_opening_the_text_names_its_reporters(opening: str, credit: str) -> None:
    """记者…报道 opening the text with no brackets around it is a dateline as （记者…） is: its names, a role word
    parting them, are the credit."""
    draft = Draft([Line(4, opening, zone="body", role="para")], Metadata(), Report("page.txt", "utf-8"))
    assert metadata._read_dateline(draft, 0)
    assert [a.name for a in draft.meta.authors] == [credit]


def test_a_labelled_outlet_is_read_before_a_name_printed_alone() -> None:
    """来源：国际在线 under the text names the source though the date line under the title prints another outlet's
    name (2011-12-09 19:08:26　东北网): a label is read first."""
    lines = [Line(2, "韩国女主播风波不断 新闻节目遭停播", zone="header"),
             Line(4, "2011-12-09 19:08:26　东北网", zone="header", role="meta"),
             Line(7, "作者： 　　　来源： 国际在线 　　　 编辑： 陈小立", zone="tail", role="meta")]
    draft = Draft(lines, Metadata(), Report("page.txt", "utf-8"))
    draft.report.lines = [LineClass(2, "title", 1.0, "model"), LineClass(4, "meta", 1.0, "model"),
                          LineClass(7, "meta", 1.0, "model")]
    draft.texts = [line.text for line in lines]
    metadata.read_metadata(draft, tagger.load().credits)
    assert draft.meta.source == "国际在线" and [e.name for e in draft.meta.editors] == ["陈小立"]


def test_a_notice_dated_by_its_signature_alone_takes_its_day() -> None:
    """体育室 / 2021年8月13日 closing a notice's text (the signature: text) is the only day the page prints: its
    date; a day in the text's sentences is not."""
    lines = [Line(5, "示例公告", zone="header"), Line(7, "依据8月10日的公告，体育设施自即日起开放。", role="para"),
             Line(8, "体育室", role="para"), Line(9, "2021年8月13日", role="para")]
    draft = Draft(lines, Metadata(), Report("page.txt", "utf-8"))
    draft.report.lines = [LineClass(5, "title", 1.0, "model"), LineClass(7, "body", 1.0, "model"),
                          LineClass(8, "body", 1.0, "signature"), LineClass(9, "body", 1.0, "signature")]
    draft.texts = [line.text for line in lines]
    metadata.read_metadata(draft, tagger.load().credits)
    assert draft.meta.published == "2021-08-13"
    assert [line.text for line in draft.lines][-1] == "2021年8月13日"  # still the text's
    draft.report.lines[-1] = LineClass(9, "body", 1.0, "model")
    draft.meta, draft.report.readings = Metadata(), []
    metadata.read_metadata(draft, tagger.load().credits)
    assert draft.meta.published is None


@pytest.mark.parametrize(("line", "authors", "source"), [
    ("2023-05-18 08:30 IP属地：江苏", [], None),
    ("城南街道发布 2023-05-18 08:30·江苏", [], None),
    ("原创 李文静 城南街道发布 2023-05-18 08:30 发表于江苏", ["李文静"], "城南街道发布"),
    ("記者李文靜 2023-05-18 08:30 IP屬地：美國", ["李文靜"], None),
])
def test_where_a_post_was_sent_from_is_no_outlet_nor_author(line: str, authors: list[str], source: str | None) -> None:
    """Platforms print the place a post was sent from beside its date (IP属地：江苏, 发表于江苏, 08:30·江苏); it names
    no outlet and no one, and a badge before the credit (原创) is no name either (a WeChat header's writer and
    account are read by its shape)."""
    lines = [Line(1, "城南社区推出“一站式”养老服务，老人们点赞", zone="header"),
             Line(2, line, zone="header", role="meta")]
    draft = Draft(lines, Metadata(), Report("page.txt", "utf-8"))
    draft.report.lines = [LineClass(1, "title", 1.0, "model"), LineClass(2, "meta", 1.0, "model")]
    draft.texts = [line.text for line in lines]
    metadata.read_metadata(draft, tagger.load().credits)
    assert draft.meta.published == "2023-05-18T08:30:00+08:00"
    assert [a.name for a in draft.meta.authors] == authors
    assert draft.meta.source == source


@pytest.mark.parametrize("over_by", ["model", "date_over_title"])
def test_the_headers_date_is_read_before_a_date_under_the_text(over_by: str) -> None:
    """The date line the model found above a copy of the headline is the article's; a footer's date under the text
    (发行:2012-01-04) is not. A date the frame prints above the title (read only for its date) comes after both."""
    lines = [Line(5, "发布者：陈小鑫 时间：2012-01-12 17:04:50 来源：示例牛网", zone="header", role="meta"),
             Line(8, "满记甜品“芒果布丁”被查细菌超标", zone="header"),
             Line(15, "本文栏目：上海", zone="tail", role="meta"),
             Line(79, "发行:2012-01-04", zone="tail", role="meta")]
    draft = Draft(lines, Metadata(), Report("page.txt", "utf-8"))
    draft.report.lines = [LineClass(5, "meta", 1.0, over_by), LineClass(8, "title", 1.0, "model"),
                          LineClass(15, "meta", 1.0, "model"), LineClass(79, "meta", 1.0, "model")]
    draft.texts = [line.text for line in lines]
    metadata.read_metadata(draft, tagger.load().credits)
    assert (draft.meta.published or "")[:10] == ("2012-01-12" if over_by == "model" else "2012-01-04")


@pytest.mark.parametrize(("credit", "editor"), [("策划：杨小林 编辑：李小华", "李小华"), ("(陈小巍 编辑)", "陈小巍"),
                                              ("责任编辑：xcwang", "xcwang"), ("精彩推荐", None)])
def test_an_editors_credit_past_a_box_under_the_text_names_the_editor(credit: str, editor: str | None) -> None:
    """A credit the model took for furniture under a promotion box still names the editor where no metadata line
    does; a line of furniture names no one."""
    raw = ["示例新闻标题", "2024-03-05 10:00", "正文第一段，内容很长。", "正文第二段，内容也很长。", "精彩推荐",
           "扫码关注", credit, "0人跟贴 | 0人参与"]
    classes = ["title", "meta", "body", "body", "boilerplate", "boilerplate", "boilerplate", "boilerplate"]
    lines = [Line(2, raw[1], zone="header", role="meta")]
    draft = Draft(lines, Metadata(), Report("page.txt", "utf-8"), raw=raw)
    draft.report.lines = [LineClass(n, label, 1.0, "model") for n, label in enumerate(classes, start=1)]
    draft.texts = raw
    metadata.read_metadata(draft, tagger.load().credits)
    assert [e.name for e in draft.meta.editors] == ([editor] if editor else [])
    assert ((7, "editor_below") in {(e.line, e.rule) for e in draft.report.events}) == (editor is not None)


def test_a_datelines_reporter_the_reader_took_for_the_editor_is_the_author() -> None:
    """据新华社拉萨电（记者 格小边）: the agency without the word that cites it, and the reporter is the author, not
    the editor the credit reader tagged on the same line."""
    line = Line(21, "据新华社拉萨电（记者 格小边）记者近日从自治区卫生厅获悉，全区改造卫生厕所四万座。", zone="body",
                role="para")
    draft = Draft([line], Metadata(editors=[Person("格小边")]), Report("page.txt", "utf-8"))
    draft.report.readings.append(Reading(21, "EDITOR", "格小边", "editor"))
    assert metadata._read_dateline(draft, 0)
    assert (draft.meta.source, [a.name for a in draft.meta.authors], draft.meta.editors) == ("新华社", ["格小边"], [])


@pytest.mark.parametrize("opening", ["记者从市教育局获悉，今年共有2万名学生参加考试。", "记者张三报道的内容引起关注。"])
def test_a_sentence_about_a_reporter_is_no_dateline(opening: str) -> None:
    draft = Draft([Line(4, opening, zone="body", role="para")], Metadata(), Report("page.txt", "utf-8"))
    assert not metadata._read_dateline(draft, 0) and not draft.meta.authors


@pytest.mark.parametrize(("opening", "read", "credit"), [
    ("南海网海口1月12日消息(南海网记者陈小望 通讯员樊小骁)近日，消防支队开展了排查行动。", "陈小望", "陈小望、樊小骁"),
    ("楚天都市報訊 （記者嚴小瓏 通訊員黃小香 涂小晨）昨晚，造血幹細胞送抵武漢。", "嚴小瓏", "嚴小瓏、黃小香、涂小晨"),
    ("新华网北京1月17日电（记者吴小宽、高小鹏）国家体育总局17日发表了全民健身计划。", "吴小宽", "吴小宽、高小鹏"),
    ("长江网10月4日讯（记者陈小智 整合） 国庆长假过半，外媒关注不减。", "陈小智", "陈小智"),  # 整合: no name
])
def test_a_dateline_naming_the_author_read_and_more_gives_the_whole_credit(opening: str, read: str,
                                                                          credit: str) -> None:
    """Where the credit reader took one name of a dateline, the dateline's names that hold it and more (a role word
    parting them, or 、) are the credit; a report word after the name is no name. An author a labelled field gave
    stays."""
    draft = Draft([Line(4, opening, zone="body", role="para")], Metadata(authors=[Person(read, "记者")]),
                  Report("page.txt", "utf-8"))
    draft.report.readings.append(Reading(4, "AUTHOR", read, "author"))
    assert metadata._read_dateline(draft, 0)
    assert [a.name for a in draft.meta.authors] == [credit]
    labelled = Draft([Line(4, opening, zone="body", role="para")], Metadata(authors=[Person(read, "记者")]),
                     Report("page.txt", "utf-8"))  # 作者：… on a metadata line gave the author: it stays
    assert metadata._read_dateline(labelled, 0)
    assert [a.name for a in labelled.meta.authors] == [read]


def test_a_sidecar_that_makes_the_likeliest_title_another_class_gives_the_usual_error() -> None:
    """Classes fixed for every line, the line the ranker would take for the title among them: no line is the
    title, and the page fails as one with no headline does (a CleaningError, one line), not inside a stage."""
    page = ("首页 > 新闻\n本市十所新建中小学校全部完工\n"
            "本市今年新建的十所中小学校已经全部完工，秋季开学以后将陆续投入使用，可新增学位一万多个。\n"
            "据了解，这些学校分布在城区和新区，每所学校都配有运动场、图书馆和实验室等设施。\n")
    with pytest.raises(CleaningError, match="cannot tell the title"):
        clean(page, fixed={1: "boilerplate", 2: "boilerplate", 3: "body", 4: "body"})


def test_a_sites_script_under_the_closing_credit_is_no_code_of_the_article() -> None:
    """An analytics script the scraper kept under the article's closing credit, a reader's comment right under it:
    the script is the site's furniture, not a listing of the article, though text-shaped lines follow it."""
    page = "\n".join([
        "首页 > 新闻", "全市春运客流创新高 铁路部门加开列车", "2024-01-20 10:00 来源：人民网 作者：李明",
        "记者从铁路部门获悉，今年春运首日全市铁路发送旅客超过十万人次，同比增长百分之二十。",
        "铁路部门表示，将根据客流情况继续加开临时列车，方便旅客出行。", "责任编辑：王芳", "分享到：",
        "var _hmt = _hmt || [];", "(function() {", 'var hm = document.createElement("script");', "})();",
        "这个消息太好了，希望以后春运期间的车票能够更容易买到，大家回家过年都能方便一些。"])
    article = clean(page)
    assert [b.kind for b in article.blocks] == ["para", "para"]


def test_a_closing_credit_is_read_from_one_of_the_last_paragraphs() -> None:
    """A line of promotion may follow the text: a closing credit in one of the last paragraphs names the author where
    its name opens with a common surname; an outlet's name in brackets there ((经济通)) is no one, and in the last
    paragraph any name is the writer's (书聿)."""
    body = ["大桥昨日正式通车，两岸之间的车程缩短到二十分钟。", "附近居民纷纷前往体验新桥。(李小楠)",
            "专注大桥新闻，每日推送最新消息"]

    def author(texts: list[str]) -> list[str]:
        lines = [Line(n, t, zone="body", role="para") for n, t in enumerate(texts, start=4)]
        draft = metadata.read_bylines(Draft(lines, Metadata(), Report("page.txt", "utf-8")), tagger.load().credits)
        return [a.name for a in draft.meta.authors]

    assert author(body) == ["李小楠"]
    assert author([body[0], "附近居民纷纷前往体验新桥。(经济通)", body[2]]) == []
    assert author([body[0], body[2], "附近居民纷纷前往体验新桥。(书聿)"]) == ["书聿"]


def test_the_credit_reader_reads_the_close_of_one_of_the_last_paragraphs() -> None:
    """An editor's tag closing the text (（编辑 张颖）, no colon) is read where a line of credits follows it."""
    texts = ["格兰仕获红顶奖，评选委托专业公司进行。", "陆骥烈称，格兰仕目前已拥有超过1100项专利。（编辑 张小颖）",
             "作者：代小进"]
    lines = [Line(n, t, zone="body", role="para") for n, t in enumerate(texts, start=80)]
    draft = metadata.read_bylines(Draft(lines, Metadata(), Report("page.txt", "utf-8")), tagger.load().credits)
    assert [e.name for e in draft.meta.editors] == ["张小颖"]


NOTICED = """首页 > 财经 > 正文
城南社区推出“一站式”养老服务，老人们点赞
2023-05-18 08:30 来源：示例日报
近日，城南社区养老服务中心正式投入使用，中心设有助餐、助浴、康复理疗、文化娱乐等功能区。
社区工作人员介绍，中心的菜谱由营养师制定，照片和文字未经授权不得转载的提示也贴在了墙上，提醒来访者注意。
据了解，中心开业一个月来，已累计服务老人两千余人次，助餐服务日均八十余份。
{}
相关阅读
城南街道举办重阳节敬老活动
"""


@pytest.mark.parametrize("notice", [
    "免责声明：本文仅代表作者个人观点，与本网无关。其原创性以及文中陈述文字和内容未经本站证实，本站不作任何保证或承诺。",
    "特别声明：以上内容（如有图片或视频亦包括在内）为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
    "本文为作者授权本网发布，转载请注明出处。本文仅为作者观点，不代表本网立场。\n"
    "對於明知不實或過度情緒謾罵之言論，經網友檢舉或本網站發現，本網有權逕予刪除文章、停權或解除會員資格。",
    "關鍵字：養老、社區、助餐、康復理疗\n上一条：城南街道举办重阳节敬老活动，社区老人欢聚一堂共度佳节\n"
    "下一条：城南社区开展义诊进社区活动，为居民提供免费健康咨询服务",
    "原标题：家门口的养老中心，老人们点赞", "非經授權，不得轉載、公開播送或公開傳輸及利用，違者必究。",
])
def test_a_sites_lines_under_the_text_are_not_the_articles(notice: str) -> None:
    """A disclaimer, the terms of reprinting, a comment board's rules, the keywords or links to the items before and
    after, at the text's end, may read as paragraphs of sentences; they are the site's. The same words inside the
    text (未经授权不得转载, quoted) are the article's."""
    got = paras(clean(NOTICED.format(notice)))
    assert got[-1] == "据了解，中心开业一个月来，已累计服务老人两千余人次，助餐服务日均八十余份。"
    assert len(got) == 3 and "未经授权不得转载" in got[1]


WIDGETS = """城南社区推出“一站式”养老服务，老人们点赞
2023-05-18 08:30 来源：示例日报
近日，城南社区养老服务中心正式投入使用，中心设有助餐、助浴、康复理疗、文化娱乐等功能区。
{}
社区工作人员介绍，中心的菜谱由营养师制定，每周更换一次，老人可以提前一天预约。
家门口吃上热乎饭
据了解，中心开业一个月来，已累计服务老人两千余人次，助餐服务日均八十余份。
“以前中午饭常常凑合，现在走几步就能吃上三菜一汤。”今年七十六岁的王阿姨说，中心的饭菜少油少盐，价格也实惠。
下一步，社区将继续完善服务内容，引入更多专业机构，让更多老人在家门口乐享晚年。
"""


@pytest.mark.parametrize("widget", ["广告", "廣告", "調整字級：", "繼續瀏覽後續"])
def test_a_widgets_words_between_paragraphs_are_no_heading(widget: str) -> None:
    """An advertisement's mark, a text-size control or a button that opens the rest of the text, between two
    paragraphs, has a heading's shape; it is furniture. A heading there stays one."""
    article = clean(WIDGETS.format(widget))
    assert headings(article) == [(1, "家门口吃上热乎饭")]
    assert widget not in paras(article)


@pytest.mark.parametrize(("credit", "source"), [
    ("供稿：示例大学宣传部", "示例大学宣传部"), ("（供稿：示例大学宣传部）", "示例大学宣传部"),
    ("摘自《示例周刊》2026年第3期", "示例周刊"), ("发布单位：示例市人民政府办公室", "示例市人民政府办公室"),
    ("信息提供：示例区教育局", "示例区教育局"), ("本文转自：示例晚报", "示例晚报"),
])
def test_a_credit_naming_where_the_text_came_from_under_it_is_the_source(credit: str, source: str) -> None:
    """供稿：…, 摘自《…》, 发布单位：… under the text name its source, bracketed or not; the line is no paragraph."""
    texts = ["首页 > 新闻中心 > 工作动态", "示例市举办春季农业技术培训会", "发布时间：2026-03-12 10:20  浏览次数：312",
             "为提高农民种植技术水平，示例市农业农村局于3月10日在市农技中心举办春季农业技术培训会，全市各乡镇农技人员"
             "和种植大户共200余人参加培训。",
             "培训邀请省农科院专家围绕小麦春季管理、病虫害防治等内容进行了讲解，并现场解答了农户提出的问题。",
             "下一步，该局将继续组织专家深入田间地头，为农户提供技术指导服务。", credit, "【打印本页】【关闭窗口】"]
    article = clean("\n".join(texts))
    assert article.meta.source == source
    assert paras(article)[-1] == texts[5]


@pytest.mark.parametrize(("credit", "authors"), [("出处：examplenet 2026年03月12日 作者：ExampleNet", []),
                                                 ("出处：examplenet 2026年03月12日 作者：张晓明", ["张晓明"])])
def test_an_author_credit_naming_the_outlet_names_no_one(credit: str, authors: list[str]) -> None:
    """作者：ExampleNet beside 出处：examplenet credits the outlet (its name in any case), not a person."""
    texts = ["示例科技网 > 数码", "春节出游拍照的五个小技巧", credit,
             "春节假期不少朋友会外出旅游，用手机拍出好照片其实并不难，掌握几个小技巧就能让照片更出彩。",
             "首先要注意光线，尽量选择早晚光线柔和的时候拍摄，避免正午强光造成的过曝。"]
    article = clean("\n".join(texts))
    assert article.meta.source == "examplenet"
    assert [a.name for a in article.meta.authors] == authors


@pytest.mark.parametrize("layout", ["credit under the text", "related list under it", "text to the page's end"])
def test_a_sentence_in_english_inside_the_text_is_text_and_the_text_goes_on_after_it(layout: str) -> None:
    """An English sentence quoted between paragraphs was furniture to the model (no Chinese), and so were the
    paragraphs after it where the page ends with its text or a credit closes it; all are the article's."""
    quote = "The project was funded by the World Bank and is expected to benefit more than 20,000 farmers."
    paragraphs = ["今年以来，示例市坚持把乡村振兴作为全市工作的重中之重，统筹推进产业发展、人才培养和基础设施建设。",
                  "世界银行项目负责人在接受采访时说：", quote,
                  "全市新建高标准农田12万亩，粮食总产量连续五年稳定在100万吨以上，农民人均可支配收入增长7.2%。",
                  "下一步，示例市将继续加大投入力度，推动乡村振兴取得新的更大成效。"]
    under = {"credit under the text": ["责任编辑：王芳", "相关新闻", "示例县召开乡村振兴工作会议"],
             "related list under it": ["相关新闻", "示例县召开乡村振兴工作会议"], "text to the page's end": []}[layout]
    page = ["示例新闻网 > 农业", "示例市乡村振兴工作取得明显成效", "2026-03-12 来源：示例日报", *paragraphs, *under]
    assert paras(clean("\n".join(page)))[-3:] == paragraphs[-3:]


def test_a_notices_note_of_attachments_over_its_signature_is_text_with_the_signature() -> None:
    """附件：1.培训日程安排 / 2.报名表 between a notice's last sentence and its signature: all the notice's, as printed
    (the model took the note, the issuer and the day for furniture)."""
    page = ["首页 > 政务公开 > 通知公告", "关于举办2026年春季农业技术培训班的通知",
            "发布时间：2026-03-12  来源：示例市农业农村局", "各县（市、区）农业农村局：",
            "为提高农民种植技术水平，经研究，决定举办2026年春季农业技术培训班。现将有关事项通知如下：",
            "一、培训时间", "2026年3月20日至22日，共3天。", "二、培训地点", "示例市农业技术推广中心（人民路88号）。",
            "三、其他事项", "请各单位于3月18日前将报名表报送至市农业农村局科教科。"]
    close = ["附件：1.培训日程安排", "2.报名表", "3.住宿安排", "示例市农业农村局", "2026年3月12日"]
    article = clean("\n".join([*page, *close, "【打印本页】【关闭窗口】"]))
    assert paras(article)[-6:] == [page[-1], *close]  # the items are no headings
    assert headings(article)[-1] == (1, "三、其他事项")


def test_a_notice_ending_with_a_list_keeps_its_last_item_and_its_joint_signature() -> None:
    """1.联系人：…。 / 2.报名网址：http://… under the last heading: the second item is the list's, whatever its words
    (the model took the address for furniture), and the attachment, the issuers printed together (教务处、示例学院)
    and the day under it are the signature; the addressees 各学院： open the text. A list of headlines (1、…吗？)
    does not go on so."""
    page = ["首页 > 通知公告", "关于举办2026年示例学术创意大赛决赛的通知",
            "发布者：王小明发布时间：2026-03-26浏览次数：10", "各学院：",
            "示例学术创意大赛初赛已于3月中旬结束，经评审，共有20支团队进入决赛。现将有关事项通知如下：",
            "一、决赛安排", "决赛时间：2026年3月28日8:30-13:00。", "二、联系方式",
            "1.联系人：示例学院高老师，电话12345678。", "2.大赛官方网站：http://contest.example.edu.cn/index.html#/"]
    close = ["附件：示例学术创意大赛决赛名单.docx", "教务处、示例学院", "2026年3月26日"]
    article = clean("\n".join([*page, *close, "地址：示例市大学路1号", "Copyright ©2016 示例大学教务处"]))
    assert [b.kind for b in article.blocks if b.text == "各学院："] == ["salutation"]
    assert paras(article)[-5:] == [*page[-2:], *close]
    assert [b.text for b in article.blocks if b.kind == "signature"] == close[1:]
    headlines = ["示例市推进老旧小区改造", "2026-03-26 08:00 来源：示例日报",
                 "今年全市将完成老旧小区改造200个，惠及居民3万户，改造内容包括管网更新和加装电梯。",
                 "改造工作将于4月全面启动，年底前完成。", "1、示例市房价会涨吗？", "2、示例地铁三号线开通",
                 "3、示例公园开放"]
    assert "2、示例地铁三号线开通" not in paras(clean("\n".join(headlines)))


@pytest.mark.parametrize(("line", "contact"), [
    ("联系人：张老师", True), ("联系电话：23508139", True), ("电子邮箱：zbb@example.edu.cn", True),
    ("邮编：300350", True), ("通讯地址：示例市大学路1号", True), ("邮箱：稿件处理  处理时间：9:00—18:00", False),
    ("电话：请见官网", False),
    ("为深入学习宣传党的教育方针，做好申报工作。", False),
])
def test_a_contact_lines_value_is_shaped_as_its_label_says(line: str, contact: bool) -> None:
    """An e-mail address holds an @, a telephone number or a postcode digits: a footer's 邮箱：稿件处理 is none, nor
    may it close a notice's text over its signature."""
    assert classify.is_contact(line) is contact
    if "：" in line and not line.endswith("。"):
        assert classify.may_close_before_signature(line) is contact


def test_a_notices_contact_lines_and_attachments_over_its_signature_are_its_own() -> None:
    """联系人：… / 工作邮箱：… / 附件： / 1.2025年度工作指南 / … / 党委宣传部 / 2025年4月3日 under the notice's last
    sentence: all the notice's (the model took them for the site's footer); with no signature under them, so are
    the contact lines right under the text, but not those under a signature's day or under the site's furniture
    (a footer prints the same labels)."""
    page = ["首页 > 通知公告", "关于组织申报2025年度示例调研课题的通知", "来源：示例大学  时间：2025-04-03",
            "各有关单位：",
            "为深入学习宣传党的教育方针，做好2025年度示例调研课题申报工作，经研究，现将有关事项通知如下。",
            "一、调研课题属于应用研究，申报人要依据课题指南确定研究题目，突出问题导向，注重成果转化。",
            "二、市教育两委将组织有关专家对各单位推荐的课题进行评审，评审结果将在官方网站公示。",
            "三、请各单位于2025年4月8日中午12时前将申报材料报送至党委宣传部，逾期不予受理。"]
    close = ["联系人：王明；联系电话：12345678", "工作邮箱：xcb@example.edu.cn", "附件：", "1.2025年度示例调研课题指南",
             "2.示例调研课题申报表", "党委宣传部", "2025年4月3日"]
    article = clean("\n".join([*page, *close, "附件1-2025年度示例调研课题指南.docx", "示例市卫津路94号"]))
    assert paras(article)[-len(close):] == close
    assert [b.text for b in article.blocks if b.kind == "signature"] == close[-2:]
    unsigned = clean("\n".join([*page, *close[:3], "Copyright © 2025 示例大学"]))
    assert paras(unsigned)[-3:] == close[:3]
    footer = ["网站首页", "学校概况", "通知公告", "联系我们", *close[:2], "Copyright © 2025 示例大学"]
    assert close[1] not in paras(clean("\n".join([*page, *footer])))
    dated = clean("\n".join([*page, *close[-2:], *close[:2], "Copyright © 2025 示例大学"]))
    assert close[1] not in paras(dated)
    unshaped = "邮箱：稿件处理  处理时间：9:00—18:00"  # a footer's: no address under the label
    assert unshaped not in paras(clean("\n".join([*page, unshaped, "Copyright © 2025 示例大学"])))
    contacted = clean("\n".join([*page, *close[:2], *close[-2:], "示例市卫津路94号"]))  # no attachments between
    assert [b.text for b in contacted.blocks if b.kind == "signature"] == close[-2:]


def test_a_notices_signature_is_set_apart_from_its_text() -> None:
    """The issuer's name and the day under a notice's last sentence, or under its note of attachments, are its
    signature (落款: set flush right by every renderer); a name with no day under it, a day under a line that ends no
    sentence, and the text's last sentence are not."""
    def signature(text: str) -> list[str]:
        return [b.text for b in clean(text).blocks if b.kind == "signature"]

    assert signature(NOTICE) == ["市教育局", "2024年2月20日"]
    assert signature(NOTICE.replace("2024年2月20日\n【", "【")) == []
    assert signature(NOTICE.replace("具体安排另行通知。", "具体安排如下")) == []
    attached = NOTICE.replace("市教育局\n", "附件：1.开学工作安排表\n2.安全检查清单\n3.物资清单\n市教育局\n")
    assert signature(attached) == ["市教育局", "2024年2月20日"]
    assert paras(clean(attached))[-5:-2] == ["附件：1.开学工作安排表", "2.安全检查清单", "3.物资清单"]
    assert [b.kind for b in clean(attached).blocks][-5:-2] == ["para", "attachment", "attachment"], "set under 1."
    article = docbook.build(clean(NOTICE))
    assert [p.get("role") for p in article.iter(docbook.DB + "para")][-3:] == [None, "signature", "signature"]
    docbook.validate(article)


def test_a_letters_salutation_or_a_notices_addressees_open_its_text_set_apart() -> None:
    """各区县教育局，各直属学校： (or 尊敬的旅客：) as the text's first line is the salutation (set flush left by every
    renderer); the same words inside the text, or a first line that is a sentence, are not."""
    def salutation(text: str) -> list[str]:
        return [b.text for b in clean(text).blocks if b.kind == "salutation"]

    assert salutation(NOTICE) == ["各区县教育局，各直属学校："]
    assert salutation(NOTICE.replace("各区县教育局,各直属学校:", "尊敬的家长朋友们:")) == ["尊敬的家长朋友们："]
    assert salutation(NOTICE.replace("各区县教育局,各直属学校:\n", "")) == []
    article = docbook.build(clean(NOTICE))
    assert next(article.iter(docbook.DB + "para")).get("role") == "salutation"


@pytest.mark.parametrize(("close", "source"), [("(中時新聞網)", "中時新聞網"), ("（示例日报）", "示例日报"),
                                               ("（示例大学）", None)])
def test_an_outlets_name_alone_in_brackets_under_the_text_is_its_source(close: str, source: str | None) -> None:
    """(中時新聞網) right under the text credits the outlet; a name in brackets that is no outlet's names none."""
    texts = ["中時新聞網", "台北口袋公園首批26座完工", "王小明", "2026年3月12日 週四 上午10:20",
             "台北市政府今天宣布，全市首批26座口袋公園全部完工啟用，這些公園利用閒置空地改造而成。",
             "市府表示，明年還將再建30座口袋公園，持續增加綠地面積，並邀請市民參與設計。", close]
    assert clean("\n".join(texts)).meta.source == source


EPAPER = ["首页", "上一版", "本版新闻", "老街改造后迎来首批游客 商户说生意好了", "这样的城市更新，值得推广",
          "三千米长的步道，走得完吗", "社区书屋开进了菜市场", "国内统一刊号：CN12-3456", "2026年3月12日 星期四",
          "老街改造后迎来首批游客 商户说生意好了", "改造历时两年；保留了六十多栋老建筑，新增停车位三百个",
          "2026年3月12日", "本报记者王小明长沙报道",
          "经过两年的改造，示例市老街昨日重新开放，迎来了首批游客。不少市民专程赶来，拍照留念。",
          "老街商户李女士说，改造以后客流明显增加，店里的生意比以前好了不少。",
          "据介绍，老街改造保留了六十多栋老建筑，并新增停车位三百个，方便市民游客。", "下一篇 关闭本页"]


def test_an_epapers_list_of_the_pages_headlines_is_not_the_articles_head() -> None:
    """An e-paper's page prints its list of headlines (the article's among them) over the article: the article's
    own copy of the headline heads it, with its dek (the subtitle: no sentence, over the credits), its date and its
    byline (the place of the report glued to the name: 王小明长沙报道), and the list is furniture."""
    article = clean("\n".join(EPAPER))
    assert article.meta.title == EPAPER[3]
    assert article.meta.subtitle == EPAPER[10]
    assert [p.name for p in article.meta.authors] == ["王小明"]
    assert article.meta.published == "2026-03-12"
    assert paras(article) == EPAPER[13:16] and headings(article) == []
    led = clean("\n".join([*EPAPER[:10], EPAPER[10] + "。", *EPAPER[11:]]))
    assert led.meta.subtitle is None, "a sentence under the title is the text's lead, not a dek"


@pytest.mark.parametrize(("byline", "author"), [("本报记者王小明长沙报道", "王小明"), ("（记者李文长沙报道）", "李文"),
                                                ("記者王小明報導", "王小明"), ("记者 张晓明 北京报道", "张晓明")])
def test_a_report_place_glued_to_the_reporters_name_is_no_part_of_it(byline: str, author: str) -> None:
    texts = ["示例新闻网", "老街改造后迎来首批游客", "2026年3月12日 08:30", byline, *EPAPER[13:16]]
    assert [p.name for p in clean("\n".join(texts)).meta.authors] == [author]


@pytest.mark.parametrize(("line", "source"), [
    ("中国网山东频道 ( 2013-05-02 10:11:12 )        稿件来源： 大众日报", "大众日报"),
    ("央广网浙江频道 2013-05-02 10:11:12 来源：浙江日报", "浙江日报")])
def test_the_outlet_after_a_source_label_is_the_source_before_the_outlet_printed_bare(line: str, source: str) -> None:
    """中国网山东频道 ( date ) 稿件来源： 大众日报: the channel that reprints the article is not where it came from."""
    texts = ["示例网首页", "老街改造后迎来首批游客", line, *EPAPER[13:16]]
    assert clean("\n".join(texts)).meta.source == source


def test_bracketed_headings_with_counts_a_broadcasters_captions_and_lead_ins_to_the_text() -> None:
    """【…超100名学生感染…】 over its paragraph is a section heading (its digits a count, not a page's number); a line
    after △ is a picture's caption, neither a heading nor text; a line ending with —— leads into the text under it and
    is text, no heading."""
    paragraphs = ["当地时间7月3日，示例大学宿舍区暴发疫情，至少105名学生确诊，校方已经对宿舍区实施封闭管理。",
                  "校方表示，目前至少有300名学生正在接受隔离观察，相关课程改为线上进行，考试时间另行通知。",
                  "据统计，全国至少37个州出现疫情反弹，其中四个州本周确诊病例数均高于此前日增记录。",
                  "多名专家表示，人群中出现任何程度的抗体都会提供一定的屏障，但远远不足以阻断传播。"]
    texts = ["示例新闻网 > 国际", "示例国新冠确诊病例超278万例", "2020-07-04 01:55:04 来源：示例新闻客户端",
             paragraphs[0], "△示例市市长王大明", paragraphs[1], "【示例大学宿舍区超100名学生感染】", paragraphs[2],
             "秉持开放理念，坚持走合作发展道路，以自身发展作出更大贡献——", paragraphs[3], "责任编辑：张三"]
    article = clean("\n".join(texts))
    assert headings(article) == [(1, "【示例大学宿舍区超100名学生感染】")]
    assert "△示例市市长王大明" not in paras(article)
    assert texts[8] in paras(article)
    assert classify.is_bracketed_heading("【超100名学生感染】")
    assert not any(map(classify.is_bracketed_heading, ("【第2页】", "【2024-01-05 发布】", "【1】", "【评论(12)】")))



def test_a_links_label_after_a_paragraphs_last_sentence_goes() -> None:
    """…的保护时长。详情>> ends with the page's link to more: the label and its arrow go, the sentence stays; an arrow
    inside a sentence (价格由100元>>200元) or a quote closing the sentence stays."""
    paragraphs = ["当地时间7月3日，示例组织召开发布会，负责人表示，人群中的抗体只能提供有限的屏障。详情>>",
                  "他表示：“保持社交距离等防疫措施依然要靠民众自觉，各地不能放松警惕。”更多>>",
                  "据介绍，示例市的菜价由每斤3元>>5元，涨幅明显，市场监管部门已经介入调查。"]
    texts = ["示例新闻网 > 国际", "示例组织：抗体不足以阻断传播", "2020-07-04 01:55 来源：示例新闻客户端", *paragraphs,
             "责任编辑：张三"]
    assert paras(clean("\n".join(texts))) == [paragraphs[0][:-4], paragraphs[1][:-4], paragraphs[2]]


@pytest.mark.parametrize(("credit", "source", "author"), [
    ("示例新闻·示例商报记者李文博/文受访者供图", "示例新闻·示例商报", "李文博"),
    ("本报记者李文博/文 受访者供图", None, "李文博")])
def test_an_outlet_glued_before_its_reporter_and_the_writers_slash_close_the_credit(
        credit: str, source: str | None, author: str) -> None:
    """示例商报记者李文博/文受访者供图 under the title: the outlet glued before the role is the source (本报 names
    none), and the name ends at its /文 (the picture's credit glued after it is no part of it)."""
    texts = ["示例新闻网 > 教育", "拿起指挥棒 她跟学生较着劲儿成长", "2022年02月12日", credit,
             "年过五十，她带领学校民乐团的孩子们一路前行，在比赛中拿下了不俗的成绩。",
             "说起自己的教师生涯，她笑着说，最大的收获就是看着孩子们一天天成长起来。"]
    meta = clean("\n".join(texts)).meta
    assert (meta.source, [p.name for p in meta.authors]) == (source, [author])


def test_a_line_going_on_past_a_question_is_no_heading() -> None:
    """记者：…北方天气如何？10日至11日… over a paragraph is an interview's line of more than one sentence, not a
    section heading; a heading that is one question (怎样判断…呢？) stays one."""
    lines = [Line(1, "记者：南方多雨雪天气，北方天气如何？10日至11日的大雾天气", zone="body", role="heading"),
             Line(2, "气象台首席预报员表示，北方大部地区以晴冷天气为主，需防范大雾。", zone="body"),
             Line(3, "怎样判断自己是否属于这种情况呢？", zone="body", role="heading"),
             Line(4, "专家说，可以从以下几个方面来判断。", zone="body")]
    draft = find_headings(Draft(lines, Metadata(), Report("t", "utf-8"), stage="find_headings"))
    assert [line.role for line in draft.lines] == ["para", "para", "heading", "para"]


TAIWAN_HEADER = ["商情", "消費時尚", "手機銷量排行出爐 三星蘋果各有勝負", "2024.08.05", "11:51", "示例時報 王小明",
                 "三星", "iPhone", "切換文字大小", "分享至臉書",
                 "市調機構對全台實體通路調查數據統計顯示，上半年台灣手機市場銷量波動劇烈，一月的銷量最高。",
                 "上半年進榜的單機，多為旗艦系列，且主要為中高容量版本，也是消費者長期偏好的選擇。",
                 "非蘋陣營中，中階機種成為上半年最熱銷的手機，另一款入門機也擠進前十名。", "相關新聞"]


def test_a_time_under_the_date_and_an_outlet_before_a_name_are_the_header() -> None:
    """2024.08.05 / 11:51 / 示例時報 王小明 under the title, tags and share buttons under them: the time is the date's,
    the outlet a space before the reporter's name is the source and the name the author."""
    meta = clean("\n".join(TAIWAN_HEADER)).meta
    assert meta.published == "2024-08-05T11:51:00+08:00"
    assert (meta.source, [p.name for p in meta.authors]) == ("示例時報", ["王小明"])


@pytest.mark.parametrize(("credit", "source", "authors"), [
    ("2024/08/12 02:47 、示例時報", "示例時報", []),  # a list missing its first name
    ("本文作者：AMD       點擊： 2024-08-12 02:47", None, [])])  # a company's initials name no one
def test_outlets_broken_or_listed_and_a_companys_initials(credit: str, source: str | None, authors: list[str]) -> None:
    texts = [*TAIWAN_HEADER[:3], credit, *TAIWAN_HEADER[10:]]
    meta = clean("\n".join(texts)).meta
    assert (meta.source, [p.name for p in meta.authors]) == (source, authors)
    assert first_word("壹 蘋示例網 / 呂小明") == "壹蘋示例網", "one character is no outlet: a space broke the name"



def test_a_button_to_read_on_between_paragraphs_is_no_heading() -> None:
    paragraphs = ["示例公司於9月6日舉行的柏林展會中展現其在AI技術領域的最新突破，吸引了大批觀眾駐足。",
                  "這次的產品發佈展現了示例公司與晶片廠商的密切合作，特別是推出了整合多項智慧功能的新筆電。"]
    texts = ["示例新聞網 > 科技", "示例公司推3款AI筆電 瞄準創作者", "2024/09/07 13:36:00", "記者王小明／台北報導",
             paragraphs[0], "請繼續往下閱讀...", paragraphs[1], "#電子產品", "熱門新聞", "示例網站 版權所有"]
    article = clean("\n".join(texts))
    assert paras(article) == paragraphs and headings(article) == []


def test_a_name_alone_beside_the_headers_metadata_is_the_byline() -> None:
    """孫小君 between the headline and the date (a sticky header printing them again): the author; a tag of three
    characters between share buttons is not."""
    texts = ["登入 / 註冊", "2024.10.14 | 半導體產業", "示例公司推商用AI新晶片 換機潮何時發酵", "＃筆電 ＃處理器",
             "孫小君", "示例公司推商用AI新晶片 換機潮何時發酵", "2024.10.14 | 半導體產業", "孫小君", "分享", "收藏",
             "高通社", "分享", "示例公司於美國時間10月10日在舊金山舉辦發表會，推出新一代商用處理器，算力大幅提升。",
             "示例公司表示，新處理器將於明年第一季上市，多家筆電品牌已經表態採用。", "延伸閱讀"]
    meta = clean("\n".join(texts)).meta
    assert [p.name for p in meta.authors] == ["孫小君"]



@pytest.mark.parametrize(("line", "author"), [("janus 發表於 2024年9月26日 08:27", "janus"),
                                              ("张晓明 发表于 2024-09-26 08:27", "张晓明")])
def test_a_name_before_the_word_it_was_posted_and_the_date_is_the_author(line: str, author: str) -> None:
    """janus 發表於 2024年9月26日 08:27: the writer, not an outlet; 發表於 is no one."""
    texts = ["示例科技網", "示例公司新眼鏡發佈：升級處理器，約台幣10300元起", line,
             "示例公司今天發佈新一代眼鏡，升級了處理器並支援彩色穿透模式，售價約台幣10300元起。",
             "新眼鏡將於下個月上市，示例公司表示，首批貨量有限，建議消費者提早預購。"]
    meta = clean("\n".join(texts)).meta
    assert ([p.name for p in meta.authors], meta.source) == ([author], None)
    assert meta.published == "2024-09-26T08:27:00+08:00"


def test_an_outlet_over_a_list_of_names_under_the_date_is_the_byline() -> None:
    """04:10 2024/08/20 / 示例時報 / 侯小州、張小睿 under the title (the outlet printed again elsewhere on the page):
    the source and the authors; an excerpt of the text cut short under the headline (…新興市場...) is no subtitle."""
    texts = ["首頁", "示例時報", "品牌邀晶片商 攻低價5G手機",
             "根據研調，下一波成長動能來自於印度、拉丁美洲等新興市場...", "04:102024/08/20", "示例時報",
             "侯小州、張小睿", "Facebook", "Line",
             "隨著全球5G網路普及，5G手機滲透率愈來愈高，今年上半年全球銷售的智慧手機當中，就有三分之二支援5G。",
             "報告說明，手機品牌業者正攜手晶片商陸續發展更低價格的5G智慧手機，以拓展新興市場。", "熱門新聞", "示例時報"]
    meta = clean("\n".join(texts)).meta
    assert (meta.title, meta.subtitle) == ("品牌邀晶片商 攻低價5G手機", None)
    assert (meta.source, [p.name for p in meta.authors]) == ("示例時報", ["侯小州、張小睿"])


def test_a_dek_as_long_as_the_headline_over_it_is_the_subtitle() -> None:
    """旗艦新晶片加持 示例科Q4營運大補 / 行銷大接地氣，首度邀女星擔任代言人: a sentence of clauses under a headline
    without any, as long as it, is the subtitle, though the ranker liked it better."""
    texts = ["首頁", "日報", "示例時報", "旗艦新晶片加持 示例科Q4營運大補", "旗艦新晶片加持 示例科Q4營運大補",
             "行銷大接地氣，首度邀女星擔任代言人", "2024.10.10", "03:00", "示例時報 張小益 張小睿", "切換文字大小",
             "示例科技今天宣布，旗艦新晶片將於第四季量產出貨，法人預估第四季營收可望創下新高。",
             "為了拓展市場，示例科技首度邀請知名女星擔任代言人，行銷策略更接地氣。", "熱門新聞"]
    meta = clean("\n".join(texts)).meta
    assert (meta.title, meta.subtitle) == ("旗艦新晶片加持 示例科Q4營運大補", "行銷大接地氣，首度邀女星擔任代言人")



def test_a_row_of_buttons_after_bars_ends_the_article_and_a_pictures_credit_names_no_outlet() -> None:
    """| 打印本页 | 关闭窗口 under the last paragraph ends the article as 【打印本页】 does; the paragraph's closing
    credit for its picture (图/示例新闻社) is whose picture it is, not where the text came from."""
    assert classify.is_end_marker("| 打印本页 | 关闭窗口") and classify.is_end_marker("· 相关新闻")
    texts = ["首页 > 学校新闻 > 要闻", "我校举办示例专题报告会", "发布时间 2021-05-19 10:41:27",
             "5月18日下午，学校邀请示例大学教授作专题报告，师生代表700余人参加会议。",
             "报告中，教授结合大量史料，生动阐述了示例精神的时代内涵，赢得现场阵阵掌声。",
             "主持人在总结时强调，要把学习成果转化为工作动力，以优异成绩迎接建校七十周年！（文/示例部 图/示例新闻社）",
             "| 打印本页 | 关闭窗口", "上一篇： 没有了", "下一篇：学校召开示例工作会议", "学校校媒",
             "版权所有 示例学院"]
    article = clean("\n".join(texts))
    assert [b.text for b in article.blocks if b.kind == "para"] == texts[3:6]
    assert article.meta.source is None
