"""The title ranker: its candidates, its choice on pages of furniture, and what --explain shows of it."""

from __future__ import annotations

import pytest

from pipeline import document
from pipeline.clean import clean, tagger
from pipeline.clean.stages.page import _title_group, page_lines
from pipeline.clean.tagger import lines, titles
from pipeline.clean.tagger.page import Page
from pipeline.clean.types import Decision, Line
from pipeline.cli import main
from tests.conftest import CORPUS

PAGE = """首页 | 新闻 | 体育 | 财经 | 科技
正有 2 人评论 我来说两句
热点推荐
省政府召开常务会议研究部署春耕生产
农民工维权绿色通道开通(图)
2012年01月12日 10:20　来源：人民网　作者：李明
记者从省人力资源和社会保障厅获悉，为切实维护农民工合法权益，全省各级劳动保障部门日前开通了农民工维权绿色通道。
据介绍，绿色通道设在各地劳动保障监察机构，农民工可以通过电话、网络和现场等方式投诉举报欠薪问题，相关部门将在三个工作日内处理。
该负责人表示，下一步还将加大对拖欠工资行为的查处力度，确保农民工在春节前拿到工资。
【聯合報╱記者陳俐君／即時報導】
相关新闻
春节前全省将开展工资支付专项检查"""


def test_candidates_are_headline_shaped_a_picture_mark_aside() -> None:
    page = Page(page_lines(PAGE))
    chosen = [page.texts[i] for i in titles.candidates(page)]
    assert "农民工维权绿色通道开通(图)" in chosen  # (图) closes many headlines: not a caption
    assert "【聯合報╱記者陳俐君／即時報導】" not in chosen  # a bracketed byline
    assert "首页 | 新闻 | 体育 | 财经 | 科技" not in chosen
    assert "2012年01月12日 10:20　来源：人民网　作者：李明" not in chosen


def test_a_picture_mark_opening_a_headline_is_aside_too() -> None:
    """[多图]示例…: a picture mark may open the headline as well as close it; it makes no bracketed byline of it,
    and the ranker takes it."""
    text = PAGE.replace("农民工维权绿色通道开通(图)", "[多图]农民工维权绿色通道开通")
    page = Page(page_lines(text))
    assert "[多图]农民工维权绿色通道开通" in [page.texts[i] for i in titles.candidates(page)]
    assert clean(text).meta.title == "[多图]农民工维权绿色通道开通"


@pytest.mark.parametrize(("line", "candidate"), [
    ("帮你约专家 健康行 青年汇 新媒助政 幸福满家", False), ("熱門： 中央氣象局 颱風動態 停班停課 防颱準備", False),
    ("港府總動員 下午航班停 今晚考慮改掛 8號以上風球", True),  # a headline of four phrases
])
def test_a_list_of_short_words_is_no_candidate(line: str, candidate: bool) -> None:
    page = Page(page_lines("\n".join(["首页", line, PAGE.split("\n")[6]])))
    assert (1 in titles.candidates(page)) == candidate


def test_the_ranker_takes_the_headline_over_the_text_over_furniture_and_related_headlines() -> None:
    page = Page(page_lines(PAGE))
    ranked = tagger.load().titles.rank(page)
    assert page.texts[ranked[0].index] == "农民工维权绿色通道开通(图)"
    assert all(0.0 <= c.score <= 1.0 for c in ranked)
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)


def test_the_report_keeps_the_likeliest_candidates() -> None:
    doc = document.from_file(CORPUS / "07_xinhua_france_strike.txt")
    candidates = doc.report.title_candidates
    assert 1 <= len(candidates) <= 5 and candidates[0].line == 7
    assert doc.report.as_json()["title_candidates"][0] == {"line": 7, "score": candidates[0].score}


def test_explain_shows_the_title_candidates_and_the_credit_spans(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(CORPUS / "07_xinhua_france_strike.txt"), "--explain"]) == 0
    out = capsys.readouterr().out
    candidates = out[out.index("title candidates") :]
    first = next(line for line in candidates.splitlines()[2:] if line.strip())
    assert first.split()[0] == "7" and 0 < float(first.split()[1]) <= 1
    assert "credit spans" in out


def test_a_time_closing_the_headline_is_the_articles_time_not_its_title() -> None:
    page = ("首頁 > 生活\n貧血 小心大腸癌上身 【11:25】\n2012年1月12日\n"
            "醫師提醒，中老年人如果出現不明原因的貧血，應該及早就醫檢查，以免延誤大腸癌的治療時機。\n"
            "醫師表示，大腸癌早期症狀並不明顯，定期篩檢是最好的預防方法，民眾不可輕忽。\n")
    article = clean(page)
    assert article.meta.title == "貧血 小心大腸癌上身"
    assert article.meta.published == "2012-01-12T11:25:00+08:00"
    assert [(r.tag, r.text, r.field) for r in article.report.readings if r.tag == "TIME"] == [
        ("TIME", "11:25", "published")]


@pytest.mark.parametrize(("headline", "title"), [
    ("成都大熊猫幼仔开始群体生活 (5/7)", "成都大熊猫幼仔开始群体生活"),  # a gallery's page counter
    ("成都大熊猫幼仔开始群体生活（12 / 30）", "成都大熊猫幼仔开始群体生活"),
    ("2024年预算（草案）", "2024年预算（草案）"),  # words in brackets are the title's
])
def test_a_gallerys_page_counter_after_the_headline_is_not_its_title(headline: str, title: str) -> None:
    page = (f"首页 > 图片\n{headline}\n2012年1月12日\n"
            "成都大熊猫繁育研究基地的十二只大熊猫幼仔开始在同一个园区里群体生活，吸引了不少游客驻足观看。\n"
            "饲养员介绍，幼仔们已经断奶，群体生活有助于它们学习同伴之间的交往，也便于饲养员统一照料。\n")
    assert clean(page).meta.title == title


@pytest.mark.parametrize("line", ["【世界日報╱法新社華盛頓9日電】", "（新华社北京12日电）", "【記者王明／台北報導】"])
def test_a_byline_or_a_dispatchs_line_in_brackets_is_no_candidate_headline(line: str) -> None:
    text = "\n".join(["尼古丁替代療法 無助戒菸", line, "2012.01.12 02:55 am", "研究結果顯示，協助戒菸並沒有什麼用處。"])
    assert titles.candidates(Page(page_lines(text))) == [0]


@pytest.mark.parametrize("line", ["图文：张晓明", "口述：李大华 整理：张晓明", "本文转自：健康时报",
                                  "策划：杨小林 编辑：李雪"])
def test_a_line_of_credits_alone_is_no_candidate_headline(line: str) -> None:
    """A credit's role and a name or an outlet (and no more), one credit or several, is never the headline; a
    headline a speaker's or a place's name opens is (李华：稳就业要靠实体经济, 海南：加快建设自贸港)."""
    headlines = ["李华：稳就业要靠实体经济", "海南：加快建设自贸港"]
    text = "\n".join(["古镇里的手艺人", line, "2024-11-20 10:00 来源：文化周报",
                      "在古镇的一条小巷里，有一家开了三十年的竹编店。", *headlines])
    page = Page(page_lines(text))
    assert [page.texts[i] for i in titles.candidates(page)] == ["古镇里的手艺人", *headlines]
    assert clean(text).meta.title == "古镇里的手艺人"


@pytest.mark.parametrize("line", ["示例市统计局　国家统计局示例调查队", "示例省教育厅 示例省人民政府办公厅"])
def test_a_notices_issuers_side_by_side_are_no_candidate_headline(line: str) -> None:
    """The bodies issuing a notice, printed side by side under its title, are never its headline; a headline that
    names a body (示例市统计局发布年度公报) is."""
    text = "\n".join(["示例市2022年国民经济和社会发展统计公报", line, "（2023年4月12日）",
                      "2022年，全市经济运行稳中有进，主要指标好于预期。", "示例市统计局发布年度公报"])
    page = Page(page_lines(text))
    assert [page.texts[i] for i in titles.candidates(page)] == [page.texts[0], page.texts[4]]


def test_the_text_under_a_headline_ends_at_the_next_close_rival() -> None:
    """A teaser's headline at the top of the page stands over the article too; the text it heads ends where the
    article's own headline (a close rival) starts, so the rival over the article's text is taken."""
    texts = ["先别管示例了，你知道示例吗？", "首页", "要闻", "示例电影节开幕",
             "电影节今日开幕，导演与演员出席了开幕式。", "市长表示，电影节经过多年的努力，已成为重要的影展。"]
    page = Page(page_lines("\n".join(texts)))
    said = ["title", "boilerplate", "boilerplate", "boilerplate", "body", "body"]
    heads = [0, 3]
    assert lines._text_under(page, 0, said, lines._next_head(heads, 0, len(said))) == 0
    assert lines._text_under(page, 3, said, lines._next_head(heads, 3, len(said))) == sum(
        sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff") for t in texts[4:])


def test_the_evidence_says_how_much_of_a_line_the_running_text_uses() -> None:
    """A headline's pairs of characters come back in its text; a toolbar's do not."""
    page = Page(page_lines(PAGE))
    chosen = titles.candidates(page)
    items = dict(zip(chosen, titles._items(page, chosen), strict=True))
    headline = page.texts.index("农民工维权绿色通道开通(图)")
    furniture = page.texts.index("省政府召开常务会议研究部署春耕生产")
    assert "in_text=4" in items[headline]  # 农民工, 维权, 绿色通道: at least four in five pairs
    assert "in_text=0" in items[furniture]  # a related headline: none of its pairs in this text


def test_a_line_split_by_bars_above_the_headline_is_not_its_first_half() -> None:
    """瀏覽人數5802 | 字級： ends with a colon as the first half of a broken headline may; a bar never stands in one."""
    text = "\n".join([
        "首頁 > 健康", "瀏覽人數5802 | 字級：", "細菌型感冒 吃克流感無效", "2012/01/12",
        "細菌型感冒與病毒型感冒不同，醫師表示，吃克流感對細菌型感冒並無療效，民眾應就醫確認病因。",
        "醫師提醒，感冒症狀持續一周以上，或出現高燒不退，應儘速就醫，不要自行購買成藥服用。"])
    assert clean(text).meta.title == "細菌型感冒 吃克流感無效"


def test_the_headlines_first_copy_heads_the_article() -> None:
    """A related list below the text repeats the headline: the ranker cannot tell copies apart, the first is taken."""
    lines = PAGE.split("\n")
    page = Page(page_lines("\n".join([*lines[:-1], "农民工维权绿色通道开通(图)", *lines[-1:]])))
    ranked = tagger.load().titles.rank(page)
    assert ranked[0].index == page.texts.index("农民工维权绿色通道开通(图)")
    assert len({c.index for c in ranked}) == len(ranked)  # each candidate once


def test_the_best_candidates_first_copy_takes_its_place() -> None:
    """Whatever the scores, the first copy of the best candidate's text leads, with the best score; the rest keep
    their order, each candidate once."""
    later = Page(page_lines(PAGE + "\n农民工维权绿色通道开通(图)"))  # a related list's copy closes the page
    copy, last = later.texts.index("农民工维权绿色通道开通(图)"), len(later.texts) - 1
    ranked = [titles.Candidate(last, 0.9), titles.Candidate(3, 0.5), titles.Candidate(copy, 0.2)]
    assert titles.first_copy_first(later, ranked) == [
        titles.Candidate(copy, 0.9), titles.Candidate(last, 0.9), titles.Candidate(3, 0.5)]
    alone = [titles.Candidate(copy, 0.9), titles.Candidate(3, 0.5)]
    assert titles.first_copy_first(Page(page_lines(PAGE)), alone) == alone


def test_the_copy_that_heads_the_text_is_taken_where_only_furniture_stands_between_copies() -> None:
    """An e-paper's list of the page's headlines over the article repeats its headline: the copy over the article's
    text (nearer it, no text between the copies) heads it; with text between them (a related list under the
    article, its items with their summaries) the first copy does."""
    headline = "老街改造后迎来首批游客 商户说生意好了"
    text = ["经过两年的改造，示例市老街昨日重新开放，迎来了首批游客。不少市民专程赶来，拍照留念。",
            "老街商户李女士说，改造以后客流明显增加，店里的生意比以前好了不少。"]
    listed = ["本版新闻", headline, "这样的城市更新，值得推广", "社区书屋开进了菜市场", "国内统一刊号：CN12-3456",
              "2026年3月12日 星期四", headline, "2026年3月12日", *text]
    page = Page(page_lines("\n".join(listed)))
    ranked = [titles.Candidate(1, 0.8), titles.Candidate(6, 0.8), titles.Candidate(2, 0.1)]
    assert titles.first_copy_first(page, ranked)[0] == titles.Candidate(6, 0.8)
    related = [headline, "2026年3月12日", *text, "相关新闻", headline, "2026年3月12日", *text[:1]]
    page = Page(page_lines("\n".join(related)))
    ranked = [titles.Candidate(len(text) + 3, 0.8), titles.Candidate(0, 0.8)]
    assert titles.first_copy_first(page, ranked)[0] == titles.Candidate(0, 0.8)


def test_the_headline_with_its_picture_mark_is_a_copy_of_the_headline_without() -> None:
    """A headline printed with its picture mark (…[组图]) over a caption printing it without is the same headline:
    the first of them heads the article, whichever the ranker liked better; white space aside too."""
    page = Page(page_lines("首页\n大桥正式通车 两岸车程缩短[组图]\n2026-01-12\n大桥正式通车  两岸车程缩短\n"
                           "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟。"))
    ranked = [titles.Candidate(3, 0.8), titles.Candidate(1, 0.6)]
    assert titles.first_copy_first(page, ranked) == [titles.Candidate(1, 0.8), titles.Candidate(3, 0.8)]
    assert titles.same_headline("大桥通车(图)", "大桥 通车")
    assert not titles.same_headline("大桥通车", "大桥通车了")


def test_a_subtitle_line_and_a_sites_address_are_no_candidates() -> None:
    """A line a dash opens is a subtitle or an attribution, and a line with a web address a site's name: neither is
    ever the headline, whatever the ranker would make of them."""
    text = "\n".join(["为现代化建设凝聚强大智慧和力量", "——热烈祝贺市政协五届一次会议开幕",
                      "某某市政府门户网站 www.example.gov.cn", "2022-02-12 来源：某某日报",
                      "市政协五届一次会议今天上午开幕，来自各界的委员们齐聚一堂，共商发展大计。"])
    page = Page(page_lines(text))
    chosen = [page.texts[i] for i in titles.candidates(page)]
    assert chosen == ["为现代化建设凝聚强大智慧和力量"]


GOVERNMENT_REGISTER = """吉林省政府信息公开专栏 >> 政府信息公开基础平台
索  引 号：
11220000013544357T/2022-00426
发文机关：
吉林省人民政府
成文日期：
2022年01月27日
标      题：
吉林省人民政府关于禁止在嫩江干流补充治理工程征占地范围内新增建设项目的通告
发文字号：
吉政明电〔2022〕1号
发布日期：
2022年01月28日
为做好嫩江干流补充治理工程建设，确保工程前期建设征地实物调查工作顺利进行，维护相关单位和人民群众合法权益，现就有关事项通告如下：
一、自本通告发布之日起，在工程建设征占地范围内，禁止任何单位和个人新建、扩建和改建项目。
特此通告。"""


def test_a_registers_title_label_names_the_title() -> None:
    """A government page's register prints each field's label alone on a line and its value under it: the line
    under 标题： is the title (not the issuing body's name, which reads as a short headline), and the label over
    a value is no half of a broken headline."""
    article = clean(GOVERNMENT_REGISTER)
    assert article.meta.title == "吉林省人民政府关于禁止在嫩江干流补充治理工程征占地范围内新增建设项目的通告"
    title_line = next(x for x in article.report.lines if x.label == "title")
    assert (title_line.line, title_line.by) == (9, "registered_title")


@pytest.mark.parametrize("label", ["发文机关：", "港澳频道：", "热点:"])
def test_a_label_over_the_title_is_not_its_first_half(label: str) -> None:
    """发文机关： or a channel's name (港澳频道：) ends with a colon as the first half of a broken headline may, and the
    model may call it furniture; a label is never half of a headline, so it is not joined to the title under it."""
    lines = [Line(1, label), Line(2, "吉林省人民政府"), Line(3, "通告如下：一、禁止新建项目。")]
    decisions = [Decision("boilerplate", 0.9), Decision("title", 0.6), Decision("body", 0.9)]
    assert [d.label for d in _title_group(lines, decisions)] == ["boilerplate", "title", "body"]
    above = [Line(1, "关于做好春节期间"), Line(2, "安全生产工作的通知"), Line(3, "各区：现将有关事项通知如下。")]
    assert [d.label for d in _title_group(above, decisions)] == ["title", "title", "body"]  # a headline's half is


INLINE_REGISTER = """某某省人民政府
政务公开
索引号：11440000006939808X/2024-00312
发布机构：某某省人民政府办公厅
成文日期：2024-11-15
名称：某某省人民政府办公厅关于加强社区嵌入式服务设施建设的通知
文号：某府办〔2024〕21号
发布日期：2024-11-18
某某省人民政府办公厅关于加强社区嵌入式服务设施建设的通知
各地级以上市人民政府，省政府各部门、各直属机构：
为加快推进城市社区嵌入式服务设施建设，经省人民政府同意，现就有关事项通知如下。
一、各地要结合城市更新，统筹新建与改造，合理确定设施规模。
二、重点配置养老托育、社区助餐、家政便民、健康服务等功能。"""


def test_a_registers_title_on_its_labels_line_names_the_printed_headline() -> None:
    """A register printing 名称：value on one line names the title: the headline printed again over the text is the
    title line (not a paragraph), and a register without that line gives the value without its label."""
    article = clean(INLINE_REGISTER)
    assert article.meta.title == "某某省人民政府办公厅关于加强社区嵌入式服务设施建设的通知"
    title_line = next(x for x in article.report.lines if x.label == "title")
    assert (title_line.line, title_line.by) == (9, "registered_title")
    assert next(b.text for b in article.blocks if b.kind == "salutation").startswith("各地级以上市人民政府")
    alone = clean(INLINE_REGISTER.replace("\n某某省人民政府办公厅关于加强社区嵌入式服务设施建设的通知\n", "\n"))
    assert alone.meta.title == "某某省人民政府办公厅关于加强社区嵌入式服务设施建设的通知"


@pytest.mark.parametrize(("whole", "title"), [
    ("全市首批口袋公园建成开放_城市晚报", "全市首批口袋公园建成开放"),  # the scraped <title> at the top
    ("·[新闻] 全市首批口袋公园 建成开放", "全市首批口袋公园 建成开放"),  # a related list's item, a space in it
])
def test_a_headline_over_two_lines_that_the_page_prints_whole_elsewhere_is_one_title(whole: str, title: str) -> None:
    """Two lines make one headline where another line of the page prints them as one (a whole word of it), though
    no mark shows the break: the title is both, not its second half with the first called furniture."""
    article = clean("\n".join([whole, "首页>>城事", "全市首批口袋公园", "建成开放", "发布时间：2024-11-20",
                               "近日，全市首批二十六个口袋公园全部建成并向市民开放，这些公园利用城市边角地改造而成。",
                               "家住附近的刘先生说，以前这里是一片空地，现在有了步道和座椅，晚饭后过来走走很方便。"]))
    assert (article.meta.title, article.meta.subtitle) == (title, None)
    lines = [Line(1, "首页"), Line(2, "全市首批口袋公园"), Line(3, "建成开放"), Line(4, "近日，口袋公园建成开放。")]
    decisions = [Decision(label, 0.9) for label in ["boilerplate", "boilerplate", "title", "body"]]
    assert [d.label for d in _title_group(lines, decisions)] == ["boilerplate", "boilerplate", "title", "body"]


RELATED_UNDER = "\n".join([
    "首页 > 生活", "老旧小区加装电梯 本月起可申请补贴", "2024-11-20 10:30",
    "记者从市住建局获悉，本市老旧小区加装电梯补贴政策本月起施行，每部电梯最高可获得二十万元补贴，业主可向街道提出申请。",
    "据介绍，补贴资金由市区两级财政共同承担，申请材料包括业主同意书、施工方案和验收报告，街道受理后二十个工作日内完成审核。",
    "市住建局有关负责人表示，今年全市计划完成加装电梯五百部，目前已有三百余个小区提交了意向申请，进度快于往年。",
    "相关新闻", "公交线路本周末起调整 三条线路延长运营时间", "2024-11-19 16:20", "城区新增三处停车场 共提供车位八百个",
    "2024-11-18 09:05"])


@pytest.mark.parametrize(("rival", "taken"), [(0.08, 1), (0.02, 7)])
def test_a_doubted_headline_gives_way_to_a_close_rival_over_far_more_text(
        monkeypatch: pytest.MonkeyPatch, rival: float, taken: int) -> None:
    """Where the ranker doubts its best (a related list's headline under the text, 0.1) and a rival scores near it,
    the one standing over the article's text is the headline; a rival far below the best is not weighed."""
    model = tagger.load()
    monkeypatch.setattr(model.titles, "rank", lambda page: [titles.Candidate(7, 0.1), titles.Candidate(1, rival)])
    decisions = model.tag(Page(page_lines(RELATED_UNDER)))
    assert [i for i, d in enumerate(decisions) if d.label == "title"] == [taken]
    assert (sum(d.label == "body" for d in decisions) >= 3) == (taken == 1)


DEK_HEADLINE = "春节前全国集中开展欠薪专项检查"


@pytest.mark.parametrize(("dek", "subtitle"), [
    ("人社部要求各地在春节前解决拖欠农民工工资问题，确保农民工按时足额领到工资", True),
    ("人社部要求各地在春节前解决拖欠农民工工资问题", False),  # no clauses: two headlines
])
def test_a_dek_of_clauses_under_its_headline_is_the_subtitle(dek: str, subtitle: bool) -> None:
    headline = DEK_HEADLINE
    """The ranker likes the line over the date best; a sentence of clauses there under a shorter headline without any
    (a portal's dek) is the headline's subtitle, not the title."""
    text = "\n".join([
        "人民网 >> 社会", headline, dek, "2012年01月12日08:44    来源：《人民日报》",
        "本报北京1月11日电 （记者王明浩）人力资源和社会保障部今天召开电视电话会议，"
        "部署春节前集中开展农民工工资支付情况专项检查。",
        "会议要求，各地要重点检查建筑、制造、餐饮等劳动密集型行业，对拒不支付劳动报酬的行为依法严肃查处。",
        "人社部有关负责人表示，专项检查将持续到春节前，各地要公布举报投诉电话，畅通维权渠道。"])
    ranked = tagger.load().titles.rank(Page(page_lines(text)))
    assert ranked[0].index == 2  # the ranker's own choice: the line over the date
    meta = clean(text).meta
    assert (meta.title, meta.subtitle) == ((headline, dek) if subtitle else (dek, None))
