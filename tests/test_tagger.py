"""The line tagger end to end: training, a chosen model, --explain, and a sidecar's fixed classes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from pipeline import build, docbook, document, task
from pipeline.clean import clean, tagger
from pipeline.clean.tagger import corrections, features, labels, training
from pipeline.clean.tagger.page import FEATURES, PAGE_NAMES, Page
from pipeline.clean.types import Decision, DomHints, Line
from pipeline.cli import main
from pipeline.config import Config
from tests.conftest import CORPUS, ROOT, SEEDS

SEED = SEEDS / "000_240bc3948afeefef.txt"
SMALL = ("00_hangzhou_npc_review", "07_xinhua_france_strike", "35_ltn_wagner_crash")


def small_corpus(folder: Path) -> Path:
    folder.mkdir()
    for name in SMALL:
        for suffix in (".txt", ".expected.json"):
            shutil.copy(CORPUS / f"{name}{suffix}", folder / f"{name}{suffix}")
    return folder


@pytest.mark.parametrize(
    ("spec", "numbers"),
    [("9", [9]), ("3,5-7", [3, 5, 6, 7]), ("8-", [8, 9, 10]), (" 1 - 2 , 4 ", [1, 2, 4]), ("", []),
     ("8-999999999", [8, 9, 10]), ("12", [])],  # past the page's end: clamped to it (a sidecar never allocates more)
)
def test_line_specs(spec: str, numbers: list[int]) -> None:
    assert labels.line_numbers(spec, last=10) == numbers


@pytest.mark.parametrize("spec", ["a", "5-3", "1;2", "-4"])
def test_bad_line_specs_are_refused(spec: str) -> None:
    with pytest.raises(ValueError):
        labels.line_numbers(spec, last=10)


def test_training_is_deterministic_and_records_what_it_was_trained_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert main(["train", str(corpus), "-o", str(first)]) == 0
    assert main(["train", str(corpus), "-o", str(second), "--cv"]) == 0
    assert first.read_bytes() == second.read_bytes()
    meta = json.loads(second.with_suffix(".json").read_text("utf-8"))
    assert meta["corpus"]["pages"] == 3 and meta["corpus"]["sites"] == 3
    assert meta["corpus"]["sha256"] == training.corpus_hash([corpus])
    assert meta["feature_set"] >= 1 and meta["model_sha256"]
    scores = meta["cross_validation"]["lines"]
    assert set(scores) == set(tagger.CLASSES) and 0 < scores["body"]["f1"] <= 1
    assert "held out by site" in capsys.readouterr().err
    # The model is usable: the seed cleans with it.
    assert main(["clean", str(SEED), "--model", str(first)]) == 0


def test_a_model_trained_elsewhere_is_used_and_a_broken_one_refused(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    pages = training.read_corpus(corpus)
    model = tmp_path / "m.zip"
    training.write_model(model, training.train(pages[:1]), corpus=[corpus], pages=pages[:1])
    own = document.from_file(SEED, model=model)
    packaged = document.from_file(SEED)
    assert own.report.lines != packaged.report.lines  # one page of training decides differently
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    assert main(["clean", str(SEED), "--model", str(broken)]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert err.count("\n") == 1 and "not a line-tagger model" in err and "Traceback" not in err
    assert main(["clean", str(SEED), "--model", str(tmp_path / "missing.zip")]) == 1
    assert "cannot read the model" in capsysbinary.readouterr().err.decode()


def test_explain_prints_each_line_with_its_class_and_confidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(CORPUS / "07_xinhua_france_strike.txt"), "--explain"]) == 0
    out = capsys.readouterr().out
    table = out[: out.index("marked ? for review")].splitlines()
    rows = [line.split(None, 3) for line in table[1:-1] if line.strip()[:1].isdigit()]
    assert len(rows) == 47  # every non-blank line of the page
    by_line = {int(row[0]): row for row in rows}
    assert by_line[7][1] == "title" and by_line[15][1] == "body" and by_line[1][1] == "boilerplate"
    assert all(0.0 <= float(row[2]) <= 1.0 for row in rows)
    assert table[-1].startswith("47 lines")


def test_a_correction_is_named_where_it_overruled_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    page = CORPUS / "82_bbc_belt_and_road.txt"
    named = {c.line: c.by for c in document.from_file(page).report.lines if c.by not in ("model", "sidecar")}
    assert named and set(named.values()) <= set(tagger.CORRECTIONS)
    assert main(["clean", str(page), "--explain"]) == 0
    rows = {int(line.split()[0]): line for line in capsys.readouterr().out.splitlines() if line.strip()[:1].isdigit()}
    assert all(by in rows[line] for line, by in named.items())
    assert main(["corrections"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in tagger.CORRECTIONS) and "第二章" in listed


def test_report_records_every_lines_class(tmp_path: Path) -> None:
    doc = document.from_file(CORPUS / "35_ltn_wagner_crash.txt")
    data = doc.report_json()
    classes = data["line_classes"]
    assert isinstance(classes, list) and len(classes) == 139
    assert {c["class"] for c in classes} <= set(tagger.CLASSES)
    assert all(c["by"] == "model" for c in classes)


def test_a_sidecar_fixes_line_classes_and_the_build_follows_it(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / "page.txt"
    shutil.copy(CORPUS / "07_xinhua_france_strike.txt", seed)
    before = document.from_file(seed)
    assert "关注新华网" not in docbook.serialize(before.tree).decode()
    # Line 9 (关注新华网) made body, line 19 dropped: the tagger decides the rest.
    labels.sidecar_path(seed).write_text(json.dumps({"body": "9", "boilerplate": "19"}), "utf-8")
    after = document.from_file(seed)
    xml = docbook.serialize(after.tree).decode()
    assert "关注新华网" in xml and "法国总统马克龙此前提出" not in xml
    fixed = [c for c in after.report.lines if c.by == "sidecar"]
    assert [(c.line, c.label) for c in fixed] == [(9, "body"), (19, "boilerplate")]

    config = Config(seeds=seeds, out=tmp_path / "dist", formats=("xml",), variants=("zh-Hans",), jobs=1)
    assert not build.run(config).failed
    assert task.plan(seed, config).up_to_date
    labels.sidecar_path(seed).write_text(json.dumps({"body": "9"}), "utf-8")
    assert not task.plan(seed, config).up_to_date  # the sidecar is part of the incremental key


def test_a_bad_sidecar_is_one_line_naming_it(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    seed = tmp_path / "page.txt"
    shutil.copy(SEED, seed)
    for content, message in (("{", "line classes"), ('{"body": "x"}', "not a line number"),
                             ('{"menu": "3"}', "unknown class 'menu'")):
        labels.sidecar_path(seed).write_text(content, "utf-8")
        assert main(["clean", str(seed)]) == 1
        err = capsysbinary.readouterr().err.decode()
        assert err.count("\n") == 1 and "page.lines.json" in err and message in err, err


def test_a_sidecar_is_training_data_too(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "pages" / "taiwan_byline_line.txt", folder / "x.txt")
    shutil.copy(ROOT / "tests" / "data" / "pages" / "taiwan_byline_line.lines.json", folder / "x.lines.json")
    (page,) = training.read_corpus(folder)
    assert page.site == "x" and page.labels[2] == "title" and page.labels.count("body") == 2


@pytest.mark.parametrize(("model", "kind"), [(tagger.DEFAULT_MODEL, "text"), (tagger.HTML_MODEL, "html")])
def test_the_packaged_models_match_their_sidecars(model: Path, kind: str) -> None:
    meta = json.loads(model.with_suffix(".json").read_text("utf-8"))
    assert meta["model_sha256"] == hashlib.sha256(model.read_bytes()).hexdigest()
    assert meta["features"] == FEATURES and meta["feature_set"] == features.FEATURE_SET_VERSION
    assert meta["input"] == kind
    folders = [ROOT / folder for folder in meta["corpus"]["folders"]]
    assert meta["corpus"]["sha256"] == training.corpus_hash(folders)  # trained on the corpus as committed
    trained = [p for folder in folders for p in training.read_corpus(folder)]
    split = ROOT / meta["corpus"]["split"]["file"]
    assert meta["corpus"]["pages"] == len(training.training_pages(trained, split)) > 450
    assert meta["cross_validation"]["lines"]["body"]["f1"] > 0.85
    assert model.stat().st_size < 3_000_000


def test_a_model_made_before_a_feature_was_added_is_refused_by_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = tmp_path / "older.zip"
    shutil.copy(tagger.DEFAULT_MODEL, model)
    meta = json.loads(tagger.DEFAULT_MODEL.with_suffix(".json").read_text("utf-8"))
    # The sidecar a model trained before `question` was a feature has: the same names, less that one.
    older = {**meta, "features": [name for name in meta["features"] if name != "question"]}
    model.with_suffix(".json").write_text(json.dumps(older), "utf-8")
    assert main(["clean", str(SEEDS / "000_240bc3948afeefef.txt"), "--model", str(model)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "made for other line features (trained without question): retrain it" in err


def test_a_features_code_is_given_by_its_name() -> None:
    # Codes follow the names, not the features' order: one added anywhere renames no other.
    assert [name for _, name in features.LINE_NAMES[:3]] == ["a=", "b=", "c="]
    assert all(name == features.CODES[feature.__name__] + "=" for feature, name in
               (*features.LINE_NAMES, *PAGE_NAMES))

    def newly_added(text: str) -> bool:
        return bool(text)

    with pytest.raises(ImportError, match="newly_added"):
        features._coded((*features.LINE_FEATURES, newly_added))


def test_metadata_the_words_show_is_metadata_whatever_the_model_said() -> None:
    texts = ["国务院办公厅通知", "2023/08/24 09:17", "邱美玲／台北報導", "字号 大 中 小",
             "各地要做好工作，确保群众安全。",
             "今年以来，全国完成了各项任务。", "【编辑：姚昊】", "分享到", "相关新闻", "来源：某网"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "boilerplate", "boilerplate", "boilerplate", "body", "body", "boilerplate", "boilerplate",
            "boilerplate", "boilerplate"]
    decisions = corrections.credit_lines(page, [Decision(label, 0.9) for label in said], title=0)
    assert [d.label for d in decisions] == ["title", "meta", "meta", "boilerplate", "body", "body", "meta",
                                            "boilerplate", "boilerplate", "boilerplate"]  # the last: too far below
    assert [d.by for d in decisions] == ["model", "credit_words", "credit_words", "model", "model", "model",
                                         "credit_words", "model", "model", "model"]
    sidecar = [Decision(label, 1.0, "sidecar") for label in said]
    assert corrections.credit_lines(page, sidecar, title=0) == sidecar  # a person's classes stand


def test_a_line_a_pictures_pointer_opens_is_a_caption() -> None:
    """▲…, ▼…, ■… between lines of text: a caption, whatever the model said (the marks open captions, related links
    and column labels on the training sites, never a line of text); a bullet of a list (●…) is left to the model."""
    texts = ["全市工作取得新进展", "今年以来，全市完成了各项任务，各项工作取得新进展。", "▲市民在新建成的步道上健身。",
             "■步道旁的休息区。", "●一是加强组织领导。", "下一步，全市将继续推进重点项目建设。"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ("title", "body", "body", "body", "body", "body")]
    assert [d.label for d in corrections.marked_caption(page, said, 0)] == [
        "title", "body", "caption", "caption", "body", "body"]


def test_a_line_the_markup_marks_as_a_heading_between_lines_of_text_is_a_heading() -> None:
    """<h2>GET</h2> between two paragraphs: a heading, whatever the model said; not a menu's heading (in a <nav>, or
    an element named as furniture), a heading that is all a link, furniture's words (<h3>相关阅读</h3>), the article's
    stamp (<h4>2014年5月21日</h4>), nor a heading under the text's last line."""
    paragraph = "接口的设计要考虑团队的规范，统一使用一种请求方法可以减少不少麻烦。"
    marked = [("GET", DomHints(element="h2", region="article")), ("最新文章", DomHints(element="h3", region="nav")),
              ("示例链接", DomHints(element="h2", links="all")), ("相关阅读", DomHints(element="h3")),
              ("热门新闻", DomHints(element="h4", furniture="hot")), ("2014年5月21日", DomHints(element="h4"))]
    lines = [Line(1, "示例标题"), Line(2, paragraph)]
    for text, hints in marked:
        lines += [Line(len(lines) + 1, text, dom=hints), Line(len(lines) + 2, paragraph)]
    lines.append(Line(len(lines) + 1, "PUT", dom=DomHints(element="h2")))
    page = Page(lines)
    said = [Decision("title", 0.9), *[Decision(x, 0.9) for x in ["body", "boilerplate"] * 6], Decision("body", 0.9),
            Decision("boilerplate", 0.9)]
    assert [d.label for d in corrections.marked_heading(page, said, 0)][2::2] == ["heading", *["boilerplate"] * 6]


def test_a_name_under_its_label_alone_closing_the_text_is_metadata() -> None:
    """A closing credit printed as table cells, a line each (撰文： / 王小明): the name under the label is the
    credit's too, and the article's author; a name under anything else there is not."""
    texts = ["全市工作取得新进展", "2023-03-31 20:51", "今年以来，全市完成了各项任务，各项工作取得新进展。",
             "下一步，全市将继续推进重点项目建设，确保全年目标顺利完成。", "撰文：", "王小明", "相關新聞"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "meta", "body", "body", "boilerplate", "boilerplate", "boilerplate"]
    decisions = corrections.credit_lines(page, [Decision(label, 0.9) for label in said], title=0)
    assert [d.label for d in decisions][4:] == ["meta", "meta", "boilerplate"]
    assert [a.name for a in clean("\n".join(["首頁 > 新聞", *texts])).meta.authors] == ["王小明"]
    unlabelled = Page([Line(n, t) for n, t in enumerate([*texts[:4], "相關新聞", "王小明"], start=1)])
    assert corrections.credit_lines(unlabelled, [Decision(label, 0.9) for label in said[:6]],
                                    title=0)[5].label == "boilerplate"


def test_a_date_and_a_labelled_field_opening_the_text_are_metadata() -> None:
    """The model may take a long line of a date and a labelled source under the title for the text's first line."""
    paragraph = "据报道，前年年底闹得沸沸扬扬的一事终于有了结果，审计报告证实了此前的说法。"
    dated = "http://www.dayoo.com/ 2012-01-12 08:51来源： 华龙网—重庆商报 网友评论 (0)"
    page = Page([Line(n, t) for n, t in enumerate(["天价工资坐实", dated, paragraph, paragraph], start=1)])
    decisions = corrections.credit_lines(page, [Decision(label, 0.9) for label in ("title", "body", "body", "body")],
                                         title=0)
    assert [(d.label, d.by) for d in decisions[1:3]] == [("meta", "credit_words"), ("body", "model")]
    unlabelled = Page([Line(n, t) for n, t in enumerate(["天价工资坐实", "2012-01-12 据报道，审计报告证实", paragraph],
                                                         start=1)])
    assert corrections.credit_lines(unlabelled, [Decision(label, 0.9) for label in ("title", "body", "body")],
                                    title=0)[1].label == "body"
    for opening, label in (("作者：Steed(微博)(天文爱好者，果壳网频道主编)", "meta"), ("来源：新华网", "meta"),
                           ("记者：请问这次调整对市场有何影响？", "body")):  # a speaker's question opens an interview
        page = Page([Line(n, t) for n, t in enumerate(["天价工资坐实", opening, paragraph], start=1)])
        said = [Decision(x, 0.9) for x in ("title", "body", "body")]
        assert corrections.credit_lines(page, said, title=0)[1].label == label, opening


def test_an_outlets_name_alone_under_the_title_is_metadata_when_printed_once() -> None:
    """中華晨報 alone between the title and the text names the outlet; a name the page prints again (a banner, a
    menu) and a line of several words are furniture."""
    texts = ["新建大桥通车", "2026-01-12", "中華晨報", "新聞速報", "首页 新闻网",
             "新建大桥昨日正式通车，车程缩短一半。", "新聞速報"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "meta", "boilerplate", "boilerplate", "boilerplate", "body", "boilerplate"]
    decisions = corrections.credit_lines(page, [Decision(label, 0.9) for label in said], title=0)
    assert [d.label for d in decisions][2:5] == ["meta", "boilerplate", "boilerplate"]


def test_a_headings_words_can_overrule_the_model() -> None:
    texts = ["监察法", "总则规定了各项原则，适用于全国。", "《棱镜》作者 周纯", "facebook", "01",
             "第二章　监察机关及其职责", "监察委员会依照本法履行职责。"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", "heading", "heading", "heading", "boilerplate", "body"]
    decisions = corrections.heading_words(page, [Decision(label, 0.9) for label in said], title=0)
    assert [d.label for d in decisions] == ["title", "body", "meta", "boilerplate", "heading", "heading", "body"]
    assert [d.by for d in decisions] == ["model", "model", "heading_is_credit", "heading_is_button", "model",
                                         "chapter_number", "model"]
    first = Page([Line(n, t) for n, t in enumerate(["监察法", "（2018年3月20日通过）", "第一章　总则",
                                                    "为了深化国家监察体制改革，制定本法。", texts[-1]], start=1)])
    said_first = [Decision(label, 0.48) for label in ["title", "meta", "meta", "body", "body"]]
    assert corrections.heading_words(first, said_first, title=0)[2] == Decision("heading", 0.48, "chapter_number")
    numbered = Page([Line(n, t) for n, t in enumerate(["示例市人民政府关于做好工作的通知", "示政发〔2018〕15号",
                                                       texts[-1]], start=1)])  # the document's number
    said_numbered = [Decision(label, 0.9) for label in ["title", "heading", "body"]]
    assert corrections.heading_words(numbered, said_numbered, title=0)[1] == Decision("meta", 0.9, "heading_is_credit")
    dateline = Page([Line(n, t) for n, t in enumerate(["示例电影节开幕", texts[1], "示例网2014.10.24 示例名/高雄報導",
                                                       texts[-1], "深度報導"], start=1)])  # a report word, no date
    said_dateline = [Decision(label, 0.9) for label in ["title", "body", "heading", "body", "heading"]]
    assert [(d.label, d.by) for d in corrections.heading_words(dateline, said_dateline, title=0)][2::2] == [
        ("meta", "heading_is_credit"), ("heading", "model")]


def test_a_line_numbered_as_a_section_is_no_metadata_however_sure_the_model() -> None:
    """一、示例的由来 between paragraphs: a section's heading, though the model is sure it is metadata; a dated
    or labelled line so numbered stays metadata."""
    paragraph = "示例文化的由来已不可考，本文略述其发展。"
    for line, label in (("一、示例的由来", "heading"), ("（二）示例的发展", "heading"),
                        ("一、发布时间：2024年2月20日", "meta")):
        page = Page([Line(n, t) for n, t in enumerate(["示例文化", paragraph, line, paragraph, paragraph], start=1)])
        said = [Decision(x, 1.0) for x in ("title", "body", "meta", "body", "body")]
        assert corrections.heading_words(page, said, title=0)[2].label == label, line


def test_a_section_numbered_in_decimals_over_its_text_is_a_heading() -> None:
    """1.1 示例目的 over the section's text: a heading, whatever the model said (a credit, a caption); a list's item
    in decimals (7.2 截止时间：…, 5.2具有…) and a quantity (2.5 亿元投入) are not."""
    paragraph = "本规范说明示例系统的设计，供开发人员阅读。"
    for line, label in (("1.1 示例目的", "heading"), ("2.3.1 适用范围", "heading"), ("7.2 截止时间：3月11日", "meta"),
                        ("2.5 亿元投入", "meta"), ("5.2具有独立法人资格", "meta")):
        page = Page([Line(n, t) for n, t in enumerate(["示例规范", paragraph, line, paragraph, paragraph], start=1)])
        said = [Decision(x, 0.8) for x in ("title", "body", "meta", "body", "body")]
        assert corrections.heading_words(page, said, title=0)[2].label == label, line
    listed = Page([Line(n, t) for n, t in enumerate(["示例规范", paragraph, "1.1 示例目的", "1.2 示例范围", paragraph],
                                                    start=1)])  # a list of sections: no text under the first
    said = [Decision(x, 0.9) for x in ("title", "body", "body", "body", "body")]
    assert corrections.heading_words(listed, said, title=0)[2].label == "body"


def test_a_list_the_text_leads_into_is_the_texts_from_its_first_item() -> None:
    """…排名如下： under the text's last sentence and the items numbered from 1 under it, which the model took for a
    menu: the text's, up to the first line numbered otherwise; not where no item 1 opens the list."""
    texts = ["示例经济体连续第18年排名第一", "示例基金会今天公布了年度经济自由度排名，示例经济体连续第18年位居榜首。",
             "经济体自由度排名（1-5）：", "1、示例甲", "2、示例乙", "3、示例丙", "其他经济体名次", "31、示例丁",
             "(本文来源：示例财经)"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ("title", "body", *["boilerplate"] * 6, "meta")]
    decided = corrections.list_goes_on(page, said, 0)
    assert [d.label for d in decided] == ["title", "body", "body", "body", "body", "body", "boilerplate",
                                          "boilerplate", "meta"]
    assert {d.by for d in decided[2:6]} == {"list_goes_on"}
    unnumbered = Page([Line(n, t) for n, t in enumerate([*texts[:3], "示例甲", *texts[4:]], start=1)])
    assert corrections.list_goes_on(unnumbered, said, 0) == said
    unfirst = Page([Line(n, t) for n, t in enumerate([*texts[:3], *texts[4:]], start=1)])  # 2、… first: no list
    assert corrections.list_goes_on(unfirst, [*said[:3], *said[4:]], 0) == [*said[:3], *said[4:]]


def test_running_text_the_model_calls_furniture_between_lines_of_text_is_text() -> None:
    """Paragraphs between two lines of text, which a writer's spacing (体温 38.5 度) made read as a menu: text; not
    where a line of the run is furniture (相关阅读) or most of it is no running text (a menu of short links)."""
    one = "周一那天感觉嗓子有点异样，我没怎么在意，到了晚上就开始发烧了。"
    two = "周二（12 月 11 日）是最难受的一天，全天体温在 38.2 左右，从早上就没有精神。"
    three = "周三我早上起来，体温还是 37.5 度，头也不疼，就是有点晕。"
    texts = ["示例经历", "先说一下整个过程，供大家参考。", one, "整个过程", two, three, "总的来说，不算难受。"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(x, 0.9) for x in ("title", "body", "boilerplate", "boilerplate", "boilerplate", "boilerplate",
                                       "body")]
    decided = corrections.text_between_text(page, said, 0)
    assert [d.label for d in decided] == ["title", "body", "body", "heading", "body", "body", "body"]
    assert {d.by for d in decided[2:6]} == {"text_between_text"}
    furnished = Page([Line(n, t) for n, t in enumerate([*texts[:3], "相关阅读", *texts[4:]], start=1)])
    assert corrections.text_between_text(furnished, said, 0) == said
    menu = Page([Line(n, t) for n, t in enumerate([*texts[:3], "首页", "新闻", "体育", *texts[6:]], start=1)])
    assert corrections.text_between_text(menu, said, 0) == said


def test_the_running_text_around_the_line_chosen_on_a_page_with_no_text_is_the_article() -> None:
    """A how-to's short steps under their headings read as a menu to the model, which finds no text: around the line
    chosen as its text, the running text and the headings over its paragraphs are the article's, up to furniture."""
    texts = ["示例安装指南", "发布时间：2023-05-12", "本文介绍如何在本机安装示例软件，大约需要十分钟。",
             "第一步. 下载安装包", "打开示例网站，找到下载页面，选择你的系统版本。", "第二步. 安装程序",
             "双击安装包，按照提示一路点击下一步。", "相关文章", "上一篇：示例卸载方法"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision("title", 0.9), Decision("meta", 0.9), *[Decision("boilerplate", 0.6)] * 7]
    said[4] = Decision("body", 0.4, "some_text")
    decided = corrections.text_around_some_text(page, said, 0)
    assert [d.label for d in decided] == ["title", "meta", "body", "heading", "body", "heading", "body",
                                          "boilerplate", "boilerplate"]
    assert {decided[k].by for k in (2, 3, 5, 6)} == {"text_around_some_text"}
    unchosen = [*said[:4], Decision("body", 0.6), *said[5:]]  # the model found text: its decisions stand
    assert corrections.text_around_some_text(page, unchosen, 0) == unchosen


def test_a_line_the_markup_places_in_the_pages_footer_is_the_sites() -> None:
    """The site's address and contact lines in a footer element, or one named footer or copyright, are furniture
    whatever the model said; the article's text and a page without markup are left as they were."""
    texts = ["示例中心召开培训会", "会上，工作人员介绍了平台的主要功能和使用方法。", "示例中心",
             "地址：示例路1号，电话：0000-1234567。", "服务时间：周一至周五。"]
    marks = [DomHints(element="h1"), DomHints(element="p", content="near"), DomHints(element="h3", furniture="footer"),
             DomHints(element="p", furniture="copyright"), DomHints(element="p", region="footer")]
    page = Page([Line(n, t, dom=d) for n, (t, d) in enumerate(zip(texts, marks, strict=True), start=1)])
    said = [Decision("title", 0.9), *[Decision("body", 0.9)] * 4]
    decided = corrections.footer_is_frame(page, said, 0)
    assert [(d.label, d.by) for d in decided] == [("title", "model"), ("body", "model"),
                                                   *[("boilerplate", "footer_is_frame")] * 3]
    plain = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    assert corrections.footer_is_frame(plain, said, 0) == said


def test_a_sliver_of_the_densest_run_of_text_takes_the_run() -> None:
    """A post of short lines between its pictures' captions: the model reads one line of it as text and the rest as
    a menu; the densest run of running text it stands in is the article's (its captions captions, its furniture
    furniture), and a page whose text the model found is left as it was."""
    sentences = [f"第{n}段写的是示例软件的一个用法，打开设置以后就能看到，很方便。" for n in "一二三四五六七八九十"]
    texts = ["示例软件使用心得", "发布时间：2023-01-10"]
    for n, sentence in enumerate(sentences, start=1):
        texts += [sentence, f"图{n}：示例界面"]
    texts += ["Refresh", "点赞", "分享"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision("title", 0.9), Decision("meta", 0.9), *[Decision("boilerplate", 0.9)] * (len(texts) - 2)]
    said[4] = Decision("body", 0.9)
    decided = corrections.text_around_some_text(page, said, 0)
    assert [d.label for d in decided[2:22]] == ["body", "caption"] * 10
    assert [d.label for d in decided[22:]] == ["boilerplate"] * 3
    found = [*said[:2], *[Decision("body" if k % 2 == 0 else "boilerplate", 0.9) for k in range(20)], *said[22:]]
    assert corrections.text_around_some_text(page, found, 0) == found


def test_a_how_to_of_short_steps_keeps_its_text() -> None:
    """The packaged model reads a how-to's short steps under their headings (a step with a word in Latin letters
    spaced from the Chinese) as a menu and finds no text; the page keeps them all."""
    steps = ["打开官方网站，找到下载页面，选择适合你系统的版本并下载到本地。",
             "双击安装包，按照提示一路点击下一步，安装路径可以保持默认，也可以自行修改。",
             "打开系统设置，找到环境变量一栏，把安装目录下的 bin 文件夹加入路径中，保存后重新打开终端。",
             "在终端中输入版本命令，如果能看到版本号，说明安装成功，可以开始使用了。"]
    lines = ["首页 > 技术文档 > 开发指南", "如何配置开发环境", "发布时间：2023-05-12 作者：示例君",
             "本文介绍如何在本机配置开发环境，整个过程大约需要十分钟。"]
    for n, head, step in zip("一二三四", ("下载安装包", "安装程序", "配置环境变量", "验证安装"), steps, strict=True):
        lines += [f"第{n}步. {head}", step]
    article = clean("\n".join([*lines, "相关文章", "上一篇：如何卸载旧版本", "下一篇：常见问题解答"]))
    assert [b.text for b in article.blocks if b.kind == "para"] == [lines[3], *steps]
    assert [b.text for b in article.blocks if b.kind == "heading"] == lines[4::2]


def test_a_lists_items_broken_over_lines_go_on_with_the_list() -> None:
    """4.…上岸后 / 应立即戴上口罩，… / 5.…: an item's sentence that the page broke mid-clause goes on with the list;
    the item's end (…。) and the site's line under it close it."""
    texts = ["示例泳池开放须知", "本校泳池自即日起开放，请遵守下列事项。", "1.入场需登记。",
             "2.入池前可将口罩放在岸边，上岸后", "应立即戴上口罩，并避免群聚", "交谈。", "3.场内禁止饮食。", "友善列印",
             "返回顶部"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ("title", "body", "body", *["boilerplate"] * 6)]
    assert [d.label for d in corrections.list_goes_on(page, said, 0)] == [*["title"], *["body"] * 6, "boilerplate",
                                                                           "boilerplate"]
    ended = Page([Line(n, t) for n, t in enumerate([*texts[:3], "2.入池前可将口罩放在岸边。", *texts[4:]], start=1)])
    assert [d.label for d in corrections.list_goes_on(ended, said, 0)][3:6] == ["body", "boilerplate", "boilerplate"]


def test_a_notices_outline_goes_on_past_the_models_last_line_of_text() -> None:
    """三、研究方向 closing the model's text, with 1. / 2. under it, 四、申请程序 and its items, 五、联系方式： and the
    contact line under it: the outline numbered on is the text's (a site's footer prints the same labels, but under
    no section of the text's); a list under a heading numbered otherwise, or a section skipping a number, is not."""
    texts = ["示例实验室开放课题申报通知", "一、实验室简介", "示例实验室成立于2010年，主要从事视觉计算研究。",
             "三、研究方向", "1. 长语音转文本技术", "2. 文本转语音技术", "四、申请程序",
             "1. 申请者下载并填写申请书。", "2. 截止日期为2025年5月31日；", "五、联系方式：", "联系人：王明",
             "Copyright © 2025 示例大学"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ("title", "heading", "body", "body", *["boilerplate"] * 8)]
    decided = corrections.list_goes_on(page, said, 0)
    assert [d.label for d in decided] == [*(d.label for d in said[:4]), *["body"] * 7, "boilerplate"]
    nested = Page([Line(n, t) for n, t in enumerate([texts[0], "三、实验室概况", texts[2], "（二）研究方向",
                                                     *texts[4:]], start=1)])
    assert [d.label for d in corrections.list_goes_on(nested, said, 0)][4:] == [*["body"] * 7, "boilerplate"], \
        "四、 goes on from 三、 under （二）"
    skipped = Page([Line(n, t) for n, t in enumerate([*texts[:4], "六、其他", *texts[5:]], start=1)])
    assert corrections.list_goes_on(skipped, said, 0) == said


def test_a_notices_later_sections_over_its_signature_further_down_are_its_own() -> None:
    """The model's text ends within 一、…; 二、征集时间 / 长期 / 三、征集要求 / 1.… and the signature under them are the
    notice's: the outline goes on to a signature. A related list over a headline and its date (no outline going on)
    is not."""
    sentence = "示例校友会决定面向全体校友征集稿件，现将有关事项通知如下。"
    texts = ["示例校友会征稿启事", "发布时间：2023-02-22", sentence, "一、征集栏目", "议题1：新百年，新校园；",
             "议题2：校友与母校", "……", "二、征集时间", "长期", "三、征集要求", "1.文章要求内容真实。",
             "示例校友会秘书处", "2023年2月22日", "联系我们"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ("title", "meta", "body", "heading", "body", *["boilerplate"] * 9)]
    decided = corrections.signature(page, said, 0)
    assert [d.label for d in decided][5:] == [*["body"] * 8, "boilerplate"]
    related = [*texts[:5], "相关主题", "示例", "更多相关内容", "示例铁路通车 泛亚计划起步", "2021年12月3日", "联系我们"]
    related_page = Page([Line(n, t) for n, t in enumerate(related, start=1)])
    related_said = said[:len(related)]
    assert corrections.signature(related_page, related_said, 0) == related_said


def test_a_link_to_another_article_under_its_label_is_never_text() -> None:
    """延伸閱讀：… between two paragraphs, the model sure it is text: a link to another article, wherever it stands;
    a sentence that speaks of further reading stays text."""
    paragraph = "示例公司今天發表新一代處理器，效能比上一代提升三成，預計年底前上市。"
    texts = ["示例公司發表新處理器", paragraph, "延伸閱讀：示例衛星10月底覆蓋全台，什麼是低軌衛星？", paragraph,
             "延伸阅读这本书的读者，会发现作者对历史的看法更加深刻。", paragraph]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.95) for label in ["title", "body", "body", "body", "body", "body"]]
    decisions = corrections.heading_words(page, said, title=0)
    assert [(d.label, d.by) for d in decisions][2:5] == [("boilerplate", "body_is_button"), ("body", "model"),
                                                         ("body", "model")]


def test_a_notices_first_section_heading_and_contact_lines_are_read_by_their_words() -> None:
    """一、实验室简介 right over the text's first paragraph, taken for a caption the model doubts: the first section's
    heading (a numbered section's heading is no caption); 联系人：王明 taken for a heading: a line of the text."""
    paragraph = "示例实验室成立于2010年，主要从事视觉计算与智能感知研究，现有研究人员四十余人。"
    texts = ["示例实验室开放课题申报通知", "一、实验室简介", paragraph, "二、联系方式", "联系人：王明", paragraph]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision("title", 0.9), Decision("caption", 0.53), Decision("body", 0.9), Decision("heading", 0.9),
            Decision("heading", 0.9), Decision("body", 0.9)]
    decided = corrections.heading_words(page, said, title=0)
    assert [(d.label, d.by) for d in decided][1:5] == [("heading", "headline_over_text"), ("body", "model"),
                                                       ("heading", "model"), ("body", "heading_is_fragment")]


def test_a_headline_over_the_text_it_heads_is_a_heading() -> None:
    texts = ["关于做好工作的通知", "今年以来，全国各地完成了各项任务，成效明显。", "相关阅读", "美国将扩大施压？",
             "分析人士说，这一举措将影响全球供应链的走向。", "责任编辑：王五"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", "boilerplate", "boilerplate", "body", "meta"]
    decisions = corrections.heading_words(page, [Decision(label, 0.9) for label in said], title=0)
    # the link label above stays furniture: no paragraph under it
    assert [d.label for d in decisions] == ["title", "body", "boilerplate", "heading", "body", "meta"]
    assert decisions[3].by == "headline_over_text"


def test_a_headline_the_model_was_unsure_was_text_over_the_first_paragraph_is_a_heading() -> None:
    """The section heading that opens the text, read as text at 0.71: a heading; the same words read as text with
    confidence, and a piece of a sentence, stay text."""
    paragraph = "在采访中，我们了解到不少学子在出国前就每年关注两会，对政治科目的考题格外上心。"
    texts = ["留学生热议两会", "出国前后关注点大不同", paragraph, "简单说就是", paragraph, "出国后关注国家发展",
             paragraph]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision("title", 0.9), Decision("body", 0.71), Decision("body", 0.99), Decision("body", 0.6),
            Decision("body", 0.99), Decision("body", 0.95), Decision("body", 0.99)]
    decisions = corrections.heading_words(page, said, title=0)
    assert [(d.label, d.by) for d in decisions][1:6] == [("heading", "headline_over_text"), ("body", "model"),
                                                         ("body", "model"), ("body", "model"), ("body", "model")]


def test_a_headline_shaped_caption_under_a_heading_and_over_the_text_is_the_headings_second_line() -> None:
    """A caption the model is sure of under a picture's caption stays a caption; under a heading, over a paragraph,
    a headline-shaped line is the heading's second line (关注点多与所学专业相关 / 法学专业热议法定婚龄)."""
    paragraph = "在谈及对两会的哪些话题比较感兴趣时，卢宇表示自己最关心教育改革的进展。"
    texts = ["留学生热议两会", paragraph, "图为李博灏在联合国欧洲总部的近影。", "关注点多与所学专业相关",
             "法学专业热议法定婚龄", paragraph, "图为卢宇与五星红旗的合影。", "卢宇在日内瓦", paragraph]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", "caption", "heading", "caption", "body", "caption", "caption", "body"]
    decisions = corrections.heading_words(page, [Decision(label, 0.95) for label in said], title=0)
    assert [d.label for d in decisions][3:] == ["heading", "heading", "body", "caption", "caption", "body"]
    assert decisions[4].by == "headline_over_text"


def test_the_last_paragraph_closed_by_its_writers_credit_is_text_though_the_credit_names_a_picture() -> None:
    """…高尚行為。（記者 李小婷/文 通訊員 史小貝/圖）: the article's last paragraph, not a caption; a caption closed by
    its picture's credit alone, and a picture's text (圖為…), stay captions."""
    paragraph = "獻血是一種有益於社會的行為，也是醫學科學的保健活動。"
    texts = ["醫務工作者帶頭獻血", paragraph, "▼氣象局預估，颱風明天上午登陸。（圖／翻攝自 氣象局）", paragraph,
             "圖為獻血現場，市民排隊等候，秩序井然。（記者 王小明攝）",
             "同時，獻血也是弘揚人道主義的高尚行為。（記者 李小婷/文 通訊員 史小貝/圖）", "分享"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", "caption", "body", "caption", "caption", "boilerplate"]
    decisions = corrections.heading_words(page, [Decision(label, 0.9) for label in said], title=0)
    assert [(d.label, d.by) for d in decisions][2:6] == [("caption", "model"), ("body", "model"), ("caption", "model"),
                                                         ("body", "caption_is_text")]


def test_a_lead_paragraph_the_model_doubts_is_a_caption_is_text() -> None:
    """The first paragraph right under the date line, called a caption at 0.49, is the text's lead; one the model is
    sure of and a picture's text (图为…) stay captions."""
    lead = "近日，城南社区养老服务中心正式投入使用，中心设有助餐、助浴、康复理疗等功能区。"
    texts = ["城南社区推出养老服务", "2024-11-20 08:03·新京报", lead, "据了解，中心开业一个月来，已服务两千余人次。"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision("title", 0.9), Decision("meta", 0.9), Decision("caption", 0.49), Decision("body", 0.9)]
    assert corrections.heading_words(page, said, title=0)[2] == Decision("body", 0.49, "caption_is_text")
    sure = [*said[:2], Decision("caption", 0.9), said[3]]
    assert corrections.heading_words(page, sure, title=0) == sure
    pictured = Page([Line(n, t) for n, t in enumerate([*texts[:2], "图为" + lead, texts[3]], start=1)])
    assert corrections.heading_words(pictured, said, title=0) == said


def test_a_byline_inside_the_text_is_never_a_heading() -> None:
    """記者陳小凱／台北報導 over the first paragraph, 本报记者 于小涛 called a heading: a byline, never a heading."""
    paragraph = "雨下不停加上氣溫降低，很多人在家裡開除濕機，用電量明顯增加。"
    texts = ["天冷除濕機熱賣", paragraph, "記者陳小凱／台北報導", paragraph, "本报记者 于小涛", paragraph, "分享到"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", "boilerplate", "body", "heading", "body", "boilerplate"]
    decisions = corrections.heading_words(page, [Decision(label, 0.9) for label in said], title=0)
    assert [(d.label, d.by) for d in decisions][2:5] == [("boilerplate", "model"), ("body", "model"),
                                                         ("meta", "heading_is_credit")]


def test_a_links_label_with_its_arrow_is_never_a_heading() -> None:
    """更多>>农业 is a link to a channel, whether the model called it a heading or furniture over a paragraph."""
    paragraph = "今年以来，全国各地完成了各项任务，农业生产成效明显，粮食产量再创新高。"
    texts = ["关于做好工作的通知", paragraph, "更多>>农业", paragraph, "详细内容»", paragraph]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", "heading", "body", "boilerplate", "body"]
    decisions = corrections.heading_words(page, [Decision(label, 0.9) for label in said], title=0)
    assert [(d.label, d.by) for d in decisions][2:5] == [("boilerplate", "heading_is_button"), ("body", "model"),
                                                         ("boilerplate", "model")]


class _NoText(tagger.LineTagger):
    """A tagger that finds the title and nothing else: what an unusual page looks like to the model."""

    def __init__(self) -> None:
        self.name = "no text"
        self.credits = tagger.load().credits

    def read(self, page: Page, fixed: object = None, headline: int | None = None) -> tagger.Tagging:
        return tagger.Tagging([Decision("title" if i == 0 else "boilerplate", 0.5)
                               for i in range(len(page.texts))], [])


def test_a_page_the_tagger_finds_no_text_in_keeps_its_densest_block() -> None:
    """A poem of short lines or a table of contents is an article too: never 'no body text found'."""

    text = "静夜思\n首页 | 诗词 | 返回\n床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n版权所有"
    article = clean(text, tagger=_NoText())
    assert [b.text for b in article.blocks if b.kind == "para"] == ["床前明月光，", "疑是地上霜。", "举头望明月，",
                                                                    "低头思故乡。"]
    assert [(w.code, w.line) for w in article.report.warnings if "densest block" in w.message] == [("W102", 3)]
    assert "(lines 3-6)" in str(article.report.warnings[0])
    assert {x.by for x in article.report.lines if x.label == "body"} == {"densest_block"}


def test_a_sections_heading_in_the_articles_frame_is_a_heading() -> None:
    """Between the first paragraph and the closing credit, a headline the model called furniture under a sentence
    that ends (a section's number aside: 02) and over a paragraph is a heading; a phrase of an article cut into one
    phrase a line (目前 / 邮轮母港码头工程 / …) is text."""
    paragraph = "街道组织工作人员逐户走访，收集居民意见建议三百余条，形成“一小区一方案”。"
    texts = ["三项举措推进老旧小区改造", paragraph, "02", "党建引领 共商共治", paragraph, "目前", "邮轮母港码头工程",
             paragraph, "编辑：张小敏"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", "boilerplate", "boilerplate", "body", "boilerplate", "boilerplate", "body", "meta"]
    decisions = corrections.framed_text(page, [Decision(label, 0.9) for label in said], 0)
    assert [(d.label, d.by) for d in decisions][2:7] == [
        ("boilerplate", "model"), ("heading", "text_in_frame"), ("body", "model"), ("body", "text_in_frame"),
        ("body", "text_in_frame")]


def test_running_text_to_the_pages_end_is_text() -> None:
    """A page that ends with its text (a button or two under it): the running text the model called furniture
    between its last line of text and the page's end is text (an editor's tag closing it aside), up to a link or the
    site's legal notice; not where a metadata line or a footer of running text stands there."""
    paragraph = "天文台表示，一股東北季候風會在今晚至明日早上抵達華南沿岸，明日本港氣溫會下降。"
    texts = ["天文台：明日天氣轉涼", "2024-11-18 17:35", paragraph, paragraph + "。", paragraph + "！", "分享"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ["title", "meta", "body", "boilerplate", "caption", "boilerplate"]]
    assert [(d.label, d.by) for d in corrections.text_to_page_end(page, said, 0)][3:] == [
        ("body", "text_to_page_end"), ("body", "text_to_page_end"), ("boilerplate", "model")]
    comment = "網友留言：這次颱風真的很強，大家出門都要注意安全。"
    footer = Page([Line(n, t) for n, t in enumerate([*texts, comment], start=1)])
    assert corrections.text_to_page_end(footer, [*said, Decision("boilerplate", 0.9)], 0)[3].label == "boilerplate"
    notice = Page([Line(n, t) for n, t in enumerate([*texts[:4], "免責聲明：本文僅代表作者個人觀點。"], start=1)])
    assert corrections.text_to_page_end(notice, said[:5], 0)[4].label == "caption"
    tagged = [*texts[:3], paragraph + "（編輯：陳小華）1131030", "►颱風假薪水怎麼算？", "非經授權，不得轉載。"]
    closing = Page([Line(n, t) for n, t in enumerate(tagged, start=1)])  # an editor's tag, a link, a legal notice
    assert [(d.label, d.by) for d in corrections.text_to_page_end(closing, said, 0)][3:] == [
        ("body", "text_to_page_end"), ("caption", "model"), ("boilerplate", "model")]


def test_the_items_of_a_list_the_last_line_of_text_leads_into_are_text() -> None:
    """A rule's last article leads into a list at the page's end (…应当具备下列条件： / （一）…； / （二）…。): its
    items are text, where the model called them furniture; numbered lines under a line leading into nothing are not."""
    lead = "第四条 个人养犬应当具备下列条件："
    items = ["（一）具有完全民事行为能力；", "（二）有固定住所且独户居住。"]
    page = Page([Line(n, t) for n, t in enumerate(["示例市养犬管理条例", "第三条 本市实行养犬登记制度。", lead, *items],
                                                  start=1)])
    said = [Decision(label, 0.9) for label in ["title", "body", "body", "boilerplate", "boilerplate"]]
    assert [(d.label, d.by) for d in corrections.text_to_page_end(page, said, 0)][3:] == [
        ("body", "text_to_page_end"), ("body", "text_to_page_end")]
    ended = Page([Line(n, t) for n, t in enumerate(["示例市养犬管理条例", "第三条 本市实行养犬登记制度。",
                                                    "第四条 养犬应当登记。", *items], start=1)])
    assert {d.label for d in corrections.text_to_page_end(ended, said, 0)[3:]} == {"boilerplate"}


def test_a_comment_board_under_the_text_is_furniture() -> None:
    """A comment board's heading under the text (热门评论（128）) and the readers' comments under it are furniture,
    whatever the model called them; a section quoting readers under a plain 网友评论 stays text."""
    paragraph = "第三季度国产手机出货量同比增长百分之十二，市场份额进一步提高。"
    board = ["热门评论（128）", "小明同学 2小时前", "国产手机越来越好了，支持！"]
    page = Page([Line(n, t) for n, t in enumerate(["国产手机出货量回升", paragraph, paragraph, *board], start=1)])
    said = [Decision(label, 0.9) for label in ["title", "body", "body", "body", "body", "body"]]
    assert [(d.label, d.by) for d in corrections.comment_board(page, said, 0)][2:] == [
        ("body", "model"), *[("boilerplate", "comment_board")] * 3]
    quoted = Page([Line(n, t) for n, t in enumerate(["国产手机出货量回升", paragraph, paragraph, "网友评论",
                                                     *board[1:]], start=1)])
    assert corrections.comment_board(quoted, said, 0) == said
    counted = Page([Line(n, t) for n, t in enumerate(["国产手机出货量回升", paragraph, paragraph, "已有 8 条评论",
                                                      "小明同学", "2018年04月12日 20:06", board[2]], start=1)])
    said = [Decision(label, 0.9) for label in ["title", "body", "body", "boilerplate", "boilerplate", "meta", "body"]]
    assert [d.label for d in corrections.comment_board(counted, said, 0)][3:] == ["boilerplate"] * 4  # a stamp too
    said = [Decision(label, 0.9) for label in ["title", "body", "body", *["boilerplate"] * 4]]
    assert corrections.date_under_text(counted, said, 0) == said  # a comment's stamp is no date of the article


def test_a_short_pages_lead_under_its_header_is_text() -> None:
    """A page of two or three paragraphs: the running text the model called furniture between the header (the title,
    the metadata under it) and its first line of text is text; not a line of furniture there, nor a run longer than a
    lead, nor where the header is followed by something else; a salutation or a notice's addressees (各部门、各单位：)
    are text there."""
    lead = "截至11月19日，全省已收购秋粮超过500万吨，收购进度过半。"
    texts = ["全省秋粮收购进度过半", "【来源：农民日报】【作者：张晓明】", lead, "各收储企业敞开收购，农民卖粮顺畅。"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ["title", "meta", "boilerplate", "body"]]
    assert [(d.label, d.by) for d in corrections.lead_under_header(page, said, 0)] == [
        ("title", "model"), ("meta", "model"), ("body", "lead_under_header"), ("body", "model")]
    notice_texts = [*texts[:2], "免责声明：本文仅代表作者个人观点。", texts[3]]
    notice = Page([Line(n, t) for n, t in enumerate(notice_texts, start=1)])
    assert corrections.lead_under_header(notice, said, 0)[2].label == "boilerplate"
    long_run = Page([Line(n, t) for n, t in enumerate([*texts[:2], lead, lead, lead, lead, texts[3]], start=1)])
    decided = corrections.lead_under_header(long_run, [*said[:2], *said[2:3] * 4, said[3]], 0)
    assert {d.label for d in decided[2:6]} == {"boilerplate"}
    menu = Page([Line(n, t) for n, t in enumerate([texts[0], "首页 新闻 图片", lead, texts[3]], start=1)])
    boilerplate_above = [Decision(label, 0.9) for label in ["title", "boilerplate", "boilerplate", "body"]]
    assert corrections.lead_under_header(menu, boilerplate_above, 0)[2].label == "boilerplate"
    letter = Page([Line(n, t) for n, t in enumerate([texts[0], "2024-11-20", "各位业主：", texts[3]], start=1)])
    salutation = [Decision(label, 0.5) for label in ["title", "meta", "meta", "body"]]
    assert corrections.lead_under_header(letter, salutation, 0)[2] == Decision("body", 0.5, "lead_under_header")
    for addressees in ("各部门、各单位：", "各乡镇人民政府，县直有关单位："):  # a notice's addressees
        notice = Page([Line(n, t) for n, t in enumerate([texts[0], addressees, lead, texts[3]], start=1)])
        said_notice = [Decision(label, 0.6) for label in ["title", "boilerplate", "boilerplate", "body"]]
        assert [d.by for d in corrections.lead_under_header(notice, said_notice, 0)][1:3] == ["lead_under_header"] * 2


def test_the_text_between_the_first_paragraph_and_the_closing_credit_is_the_articles() -> None:
    """A short line between paragraphs that the model called furniture is text when a credit closes the
    article just below; a credit far below the last paragraph the model read (past a poll, related links)
    frames nothing."""
    paragraph = "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟，附近居民纷纷前往体验新桥。"
    texts = ["大桥通车", "2026-01-12", "首页", "分享", paragraph, "全！封！闭！", paragraph + "交通部门表示。",
             paragraph + "据介绍。", "编辑：张三"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "meta", "boilerplate", "boilerplate", "body", "boilerplate", "body", "body", "boilerplate"]
    decisions = corrections.framed_text(page, [Decision(label, 0.9) for label in said], 0)
    assert (decisions[5].label, decisions[5].by) == ("body", "text_in_frame")
    comment = "网友评论：这座大桥建得真好，以后回老家再也不用排队等轮渡了，希望早日把另一座桥也修起来。"
    far = [*texts[:8], *[comment + str(n) for n in range(12)], *[f"相关新闻{n}" for n in range(6)], "编辑：张三"]
    far_page = Page([Line(n, t) for n, t in enumerate(far, start=1)])
    far_said = [*said[:8], *["boilerplate"] * 19]
    assert far_page.closing_credit(0) == len(far) - 1  # the comments carry the page's text on to the credit
    assert corrections.framed_text(far_page, [Decision(label, 0.9) for label in far_said], 0)[8:] == [
        Decision("boilerplate", 0.9)] * 19


@pytest.mark.parametrize("furniture", ["分享到：", "相关阅读：大桥通车后的第一个周末", "[1] [2] 下一页", "图集"])
def test_furniture_under_the_text_closes_the_frame(furniture: str) -> None:
    """Below the last paragraph the model read, furniture (分享到：, related links under their heading, a list of
    pages, a link to the pictures) ends the article: the lines between it and a closing credit further down stay the
    site's."""
    paragraph = "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟，附近居民纷纷前往体验新桥。"
    texts = ["大桥通车", "2026-01-12", paragraph, paragraph + "据介绍。", furniture, "延伸阅读", "高清组图：大美九寨",
             "编辑：张三"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "meta", "body", "body", "boilerplate", "boilerplate", "boilerplate", "boilerplate"]
    assert page.closing_credit(0) == len(texts) - 1
    decisions = corrections.framed_text(page, [Decision(label, 0.9) for label in said], 0)
    assert [d.label for d in decisions] == said


@pytest.mark.parametrize("date", ["２０１２年１月１７日（星期二）", "January 17, 2012 06:00 AM | 151 次",
                                  "17.01.2012 06:00", "最後更新： 2012年1月17日， 格林尼治標準時間 10:20"])
def test_a_date_in_any_shape_pages_print_is_read_as_metadata_around_the_text(date: str) -> None:
    """Full-width digits, an English month, the day first, a comma before the time: between the title and the text,
    above the title, and under the text where no metadata line has a date, a short line with such a date is
    metadata."""
    paragraph = "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟，附近居民纷纷前往体验新桥。"
    header = Page([Line(n, t) for n, t in enumerate(["大桥通车", date, paragraph], start=1)])
    said = [Decision(label, 0.9) for label in ("title", "boilerplate", "body")]
    assert corrections.credit_lines(header, said, 0)[1] == Decision("meta", 0.9, "credit_words")
    footer = Page([Line(n, t) for n, t in enumerate(["大桥通车", paragraph, "完", date], start=1)])
    said = [Decision(label, 0.9) for label in ("title", "body", "boilerplate", "boilerplate")]
    assert corrections.date_under_text(footer, said, 0)[3] == Decision("meta", 0.9, "date_under_text")
    above = Page([Line(n, t) for n, t in enumerate([date, "大桥通车", paragraph], start=1)])
    said = [Decision(label, 0.9) for label in ("boilerplate", "title", "body")]
    assert corrections.date_over_title(above, said, 1)[0] == Decision("meta", 0.9, "date_over_title")


def test_a_long_dated_line_right_under_the_title_is_its_stamp_unless_a_sentence() -> None:
    """28 March 2009 Categoried in 示例 13 Preview : 282 , Read : 974 under the title, longer than a line of metadata
    is: the article's stamp, where no metadata line has a date; a sentence there with a date in it is none."""
    paragraph = "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟，附近居民纷纷前往体验新桥。"
    stamp = "28 March 2009 Categoried in 示例 13 Preview : 282 , Read : 974 Index : 2996 示例分类 示例标签"
    said = [Decision(label, 0.9) for label in ("title", "boilerplate", "body")]
    sentence = "2009年3月28日，示例大桥正式通车，两岸市民纷纷前往体验新桥的风采和便利。"
    for line, label in ((stamp, "meta"), (sentence, "boilerplate")):
        page = Page([Line(n, t) for n, t in enumerate(["大桥通车", line, paragraph], start=1)])
        assert corrections.date_over_title(page, said, 0)[1].label == label, line


def test_a_posts_stamp_is_never_a_heading() -> None:
    """A comment's name and stamp (胡任标今天 12:08:48) over its text is no heading, whether the model or the
    headline-over-text correction would make it one; a heading with a day in it stays."""
    paragraph = "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟，附近居民纷纷前往体验新桥。"
    texts = ["大桥通车", paragraph, "胡任标今天 12:08:48", paragraph, "牛骑士今天 12:06:45", paragraph,
             "5月20日起全线封闭", paragraph]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", "boilerplate", "body", "heading", "body", "heading", "body"]
    decisions = corrections.heading_words(page, [Decision(label, 0.9) for label in said], 0)
    assert [(d.label, d.by) for d in decisions[2:7:2]] == [("boilerplate", "model"),
                                                           ("boilerplate", "heading_is_button"), ("heading", "model")]


def test_a_line_repeating_the_headline_under_it_is_neither_a_heading_nor_text() -> None:
    """The headline printed again under the title (a picture's caption, its mark dropped) is no section heading,
    and no text; a caption stays a caption."""
    paragraph = "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟，附近居民纷纷前往体验新桥。"
    texts = ["大桥正式通车[组图]", "2026-01-12", paragraph, "大桥正式通车", paragraph + "据介绍。", "大桥 正式通车",
             paragraph, "大桥通车以后"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "meta", "body", "heading", "body", "caption", "body", "heading"]
    decisions = corrections.heading_words(page, [Decision(label, 0.9) for label in said], 0)
    assert [(d.label, d.by) for d in decisions[3:]] == [("boilerplate", "headline_repeated"), ("body", "model"),
                                                         ("caption", "model"), ("body", "model"),
                                                         ("heading", "model")]


def test_a_paragraph_closed_by_its_writers_name_under_the_text_is_the_text() -> None:
    paragraph = "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟，附近居民纷纷前往体验新桥。"
    texts = ["大桥通车", "2026-01-12", paragraph, paragraph + "交通部门表示将加强管理。(书聿)", "手机看新闻",
             paragraph + "(书聿)"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "meta", "body", "boilerplate", "boilerplate", "boilerplate"]
    decisions = corrections.closing_paragraph(page, [Decision(label, 0.9) for label in said], 0)
    assert [(d.label, d.by) for d in decisions[3:]] == [("body", "closing_paragraph"), ("boilerplate", "model"),
                                                         ("boilerplate", "model")]
    unsigned = [*texts[:3], paragraph + "交通部门表示将加强管理。"]
    assert corrections.closing_paragraph(Page([Line(n, t) for n, t in enumerate(unsigned, start=1)]),
                                         [Decision(label, 0.9) for label in said[:4]], 0)[3].label == "boilerplate"


def test_an_interviews_question_inside_the_text_is_text_not_a_credit() -> None:
    texts = ["欧股已不怕评级", "2012年01月16日09:13", "文国庆：说起来，这次宣布下调评级早在市场预料之中。",
             "记者：这次评级下调对欧美股市没有带来影响，那么是否会对A股构成影响？",
             "文国庆：对A股影响也不是很大，因为市场已经消化了。", "记者：王小明", "（作者：张三，系某大学教授）",
             "总体而言，对于A股市场，关键问题还是资金。", "分享到："]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "meta", "body", "meta", "body", "meta", "meta", "body", "boilerplate"]
    decisions = corrections.spoken_lines(page, [Decision(label, 0.9) for label in said], 0)
    assert [(d.label, d.by) for d in decisions][1:7] == [("meta", "model"), ("body", "model"), ("body", "spoken_line"),
                                                         ("body", "model"), ("meta", "model"), ("meta", "model")]
    asked = ["专访示例大学校长", "2024-06-12 来源：示例教育报 记者 曹晓", "记者：您怎么看待当前高等教育面临的挑战？",
             "校长：高等教育正处在深刻变革之中，人工智能对人才培养提出了新要求。", "记者：对毕业生有什么寄语？",
             "校长：希望大家保持好奇心，终身学习。"]
    interview = Page([Line(n, t) for n, t in enumerate(asked, start=1)])
    said_interview = [Decision(label, 0.9) for label in ["title", "meta", "meta", "body", "meta", "boilerplate"]]
    assert [d.by for d in corrections.spoken_lines(interview, said_interview, 0)] == [
        "model", "model", "spoken_line", "model", "spoken_line", "model"]  # questions over and under the text
    titled = Page([Line(n, t) for n, t in enumerate([*asked[:4], "原标题：校长寄语为何走红？", asked[5]], start=1)])
    assert corrections.spoken_lines(titled, said_interview, 0)[4].by == "model"  # the register's field: no question


def test_a_caption_that_reads_as_running_text_inside_the_text_is_text() -> None:
    """A law's article or a list item the model took for a caption is text; a photo's caption (图为…), a sentence
    of one clause under a picture and a question stay captions."""
    paragraph = "监察机关应当依法履行职责，对所有行使公权力的公职人员进行监察，调查职务违法和职务犯罪。"
    texts = ["中华人民共和国监察法", paragraph,
             "（二）法律、法规授权或者受国家机关依法委托管理公共事务的组织中从事公务的人员；",
             "监察机关及其工作人员对监督、调查过程中知悉的国家秘密、商业秘密、个人隐私，应当保密。",
             "图为监察委员会挂牌仪式现场，工作人员正在布置会场。", "这个已建设5年的项目耗资59亿美元。",
             "為什麼要搞「一帶一路」？", paragraph]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = ["title", "body", *["caption"] * 5, "body"]
    decisions = corrections.heading_words(page, [Decision(label, 0.9) for label in said], title=0)
    assert [(d.label, d.by) for d in decisions][2:7] == [("body", "caption_is_text"), ("body", "caption_is_text"),
                                                         ("caption", "model"), ("caption", "model"),
                                                         ("caption", "model")]


def test_an_official_documents_addressees_are_text_not_a_heading() -> None:
    """各区、县（市）人民政府，市政府各部门： opens a notice's text: a sentence's opening of clauses that a colon leads
    into the text, never a heading; a heading with a colon and no clause (核心提示：) stays one."""
    paragraph = "为进一步健全社区养老服务体系，经市政府同意，现就有关事项通知如下："
    texts = ["关于进一步加强社区养老服务工作的通知", "各区、县（市）人民政府，市政府各部门：", paragraph, "核心提示：",
             paragraph.replace("：", "。")]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ["title", "heading", "body", "heading", "body"]]
    assert [(d.label, d.by) for d in corrections.heading_words(page, said, title=0)][1:4] == [
        ("body", "heading_is_fragment"), ("body", "model"), ("heading", "model")]


@pytest.mark.parametrize("said", ["meta", "boilerplate"])
def test_a_paragraph_under_the_text_closed_by_its_editors_tag_is_the_last_paragraph(said: str) -> None:
    """…口袋公園。（編輯：李小雪）1131120 right under the text is its last paragraph, whether the model called it
    metadata or furniture; a labelled credit alone there (（編輯：李小雪）) stays what the model said."""
    paragraph = "台中市政府今天宣布，全市首批26座口袋公園全部完工啟用，這些公園利用閒置空地改造而成。"
    for close, label in [("市府表示，明年還將再建30座口袋公園，持續增加綠地。（編輯：李小雪）1131120", "body"),
                         ("（編輯：李小雪）1131120", said)]:
        page = Page([Line(n, t) for n, t in enumerate(["台中口袋公園啟用", paragraph, close, "延伸閱讀"], start=1)])
        decisions = [Decision(x, 0.9) for x in ["title", "body", said, "boilerplate"]]
        assert corrections.closing_paragraph(page, decisions, 0)[2].label == label


def test_a_related_lists_dates_under_the_text_are_not_the_articles() -> None:
    """Under an end marker (相关新闻) the items of a related list print their own days: no date of the article."""
    paragraph = "大桥昨日正式通车，两岸之间的车程由原来的四十分钟缩短到二十分钟，附近居民纷纷前往体验新桥。"
    texts = ["大桥通车", paragraph, "相关新闻", "老旧小区改造提速 今年已开工一百二十个 2024-11-18"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ("title", "body", "boilerplate", "boilerplate")]
    assert corrections.date_under_text(page, said, 0) == said
    dated = Page([Line(n, t) for n, t in enumerate([*texts[:2], "2024-11-20 09:30", *texts[2:]], start=1)])
    said = [Decision(label, 0.9) for label in ("title", "body", "boilerplate", "boilerplate", "boilerplate")]
    assert corrections.date_under_text(dated, said, 0)[2] == Decision("meta", 0.9, "date_under_text")


@pytest.mark.parametrize(("credit", "label"), [("文/张小明 图/李小雪", "meta"), ("文｜张小明", "meta"),
                                               ("市民在口袋公园休闲。本报记者 陈小才 摄", "caption")])
def test_a_writers_credit_over_the_text_that_the_model_calls_a_caption_is_metadata(credit: str, label: str) -> None:
    """文/张小明 图/李小雪 between the title and the text names the writer, whatever the model said; a picture's caption
    with its photographer's credit stays a caption."""
    paragraph = "近日，全市首批二十六个口袋公园全部建成并向市民开放，这些公园利用城市边角地改造而成。"
    page = Page([Line(n, t) for n, t in enumerate(["全市首批口袋公园建成开放", credit, paragraph, paragraph], start=1)])
    said = [Decision(x, 0.7) for x in ["title", "caption", "body", "body"]]
    assert corrections.credit_read(page, said, 0, tagger.load().credits)[1].label == label


@pytest.mark.parametrize(("first", "second"), [("■ 小空间 大民生", "■ 微更新 大变化"),
                                               ("1.小空间 大民生", "2.微更新 大变化")])
def test_a_caption_marked_as_the_pages_headings_over_a_paragraph_is_a_heading(first: str, second: str) -> None:
    """A line the model calls a caption, sure of it, that opens with the mark (■) or the kind of number (1.) of a
    line it calls a heading, over a paragraph, is the next section's heading; it was dropped as a caption."""
    paragraph = "近日，全市首批二十六个口袋公园全部建成并向市民开放，这些公园利用城市边角地改造而成。"
    texts = ["口袋公园建成开放", paragraph, first, paragraph, paragraph, second, paragraph, paragraph]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(x, 0.93) for x in ["title", "body", "heading", "body", "body", "caption", "body", "body"]]
    assert corrections.heading_words(page, said, 0)[5] == Decision("heading", 0.93, "headline_over_text")
    plain = Page([Line(n, t) for n, t in enumerate([*texts[:5], "微更新 大变化", *texts[6:]], start=1)])
    assert corrections.heading_words(plain, said, 0)[5].label == "caption"


@pytest.mark.parametrize("fold", ["展开全文", "展开剩余80%", "點擊展開全文"])
def test_a_button_folding_the_rest_of_the_text_does_not_end_it(fold: str) -> None:
    """展开全文 between the text's halves (a page that ends with its text): the text under it is the article's,
    the button furniture, never a heading."""
    paragraph = "近日，全市首批二十六个口袋公园全部建成并向市民开放，这些公园利用城市边角地改造而成。"
    texts = ["口袋公园建成开放", paragraph, fold, paragraph + "。", paragraph + "！", "相关阅读"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(x, 0.9) for x in ["title", "body", "boilerplate", "boilerplate", "boilerplate", "boilerplate"]]
    decided = corrections.heading_words(page, corrections.text_to_page_end(page, said, 0), 0)
    assert [d.label for d in decided] == ["title", "body", "boilerplate", "body", "body", "boilerplate"]


def test_a_pictures_caption_the_model_calls_metadata_is_a_caption() -> None:
    """图为…。记者 李大华 摄 under the headline credits the photographer: a caption, and the writer's credit closing
    the text names the author."""

    text = "\n".join([
        "首页 > 文化 > 正文", "春节将至 非遗手艺人赶制年画", "图为手艺人正在印制年画。记者 李大华 摄",
        "2012年01月15日 10:12 来源：示例商报",
        "春节临近，在城南的年画作坊里，几位非遗手艺人正忙着赶制年画，满屋飘着墨香。",
        "今年七十二岁的王师傅从事木版年画制作已有五十余年，他说，年画要经过起稿、刻版、印刷、装裱等十多道工序。",
        "近年来，随着非遗保护工作的推进，传统年画重新受到年轻人的喜爱，作坊的订单比往年增加了三成。",
        "（本报记者 张晓明）"])
    page = Page([Line(n, t) for n, t in enumerate(text.split("\n"), start=1)])
    said = [Decision(label, 0.5) for label in ("boilerplate", "title", "meta", "meta", "body", "body", "body", "meta")]
    assert [d.label for d in corrections.picture_caption(page, said, 1)][2:4] == ["caption", "meta"]
    assert [a.name for a in clean(text).meta.authors] == ["张晓明"]


@pytest.mark.parametrize("day_said", ["body", "boilerplate"])
def test_a_signatures_issuer_over_a_day_the_model_took_for_text_is_text(day_said: str) -> None:
    """市教育局 / 2024年2月20日 under the notice's last sentence: the issuer is text whether or not the model took the
    day alone for text."""
    texts = ["关于做好春季学期开学工作的通知", "发布时间：2024年2月20日",
             "各校于2月26日正式开学，具体安排另行通知。", "市教育局", "2024年2月20日", "【打印本页】"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.8) for label in ("title", "meta", "body", "boilerplate", day_said, "boilerplate")]
    assert [d.label for d in corrections.signature(page, said, 0)] == [
        "title", "meta", "body", "body", "body", "boilerplate"]


@pytest.mark.parametrize(("dek", "label"), [
    ("因资金不足导致改造停滞，“老街”想通过招商再开工；目前已完成招商", "title"),
    ("经过两年的改造，示例市老街昨日重新开放。", "body"),  # a sentence: the text's lead
    ("图为改造后的示例市老街", "body")])  # a picture's caption
def test_a_dek_under_the_title_over_the_credits_is_the_subtitle(dek: str, label: str) -> None:
    texts = ["老街改造后迎来首批游客 商户说生意好了", dek, "2026年3月12日", "本报记者王小明长沙报道",
             "经过两年的改造，示例市老街昨日重新开放，迎来了首批游客。不少市民专程赶来，拍照留念。"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.8) for label in ("title", "body", "meta", "meta", "body")]
    assert [d.label for d in corrections.dek_over_credits(page, said, 0)] == ["title", label, "meta", "meta", "body"]
    said[2] = Decision("body", 0.8)  # no credits under it
    assert corrections.dek_over_credits(page, said, 0)[1].label == "body"


def test_the_text_goes_on_past_a_picture_the_model_took_for_its_end() -> None:
    """…的密切合作。 / ▲…（圖／業者提供） / …此次還推出了…。: the running text under the caption is text, past a
    line of promotion between its paragraphs (更多新聞：…), up to the furniture under it; with no picture between,
    the model's end of the text stands."""
    paragraphs = ["示例公司於9月6日舉行的柏林展會中展現其在AI技術領域的最新突破，吸引了大批觀眾駐足。",
                  "示例公司的商用筆電搭載了最新的處理器，續航時間比上一代延長了三成，重量也更輕。",
                  "示例公司此次還推出了名為快速啟動的解決方案，旨在助力企業加速導入AI設備。",
                  "同時，示例公司推出AI軟體，讓用戶能以自然語言生成圖像，大幅降低創作門檻。"]
    texts = ["示例公司推3款AI筆電 瞄準創作者", paragraphs[0], "▲示例公司商用筆電新款。（圖／業者提供）", paragraphs[1],
             paragraphs[2], "更多新聞：示例秋季發表會登場", paragraphs[3], "颱風回馬槍！預測台南登陸", "#電子產品"]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in ("title", "body", "caption", *["boilerplate"] * 6)]
    assert [d.label for d in corrections.text_past_picture(page, said, 0)] == [
        "title", "body", "caption", "body", "body", "boilerplate", "body", "boilerplate", "boilerplate"]
    unpictured = Page([Line(n, t) for n, t in enumerate([*texts[:2], *texts[3:]], start=1)])
    assert corrections.text_past_picture(unpictured, [*said[:2], *said[3:]], 0) == [*said[:2], *said[3:]]


def test_another_article_past_the_closing_credit_and_the_furniture_is_not_the_articles() -> None:
    """責任編輯：… closes the article; past a long run of furniture (share buttons, a hot list, a sponsored story's
    header) the text of another article is not this one's, as past a line ending the article (延伸閱讀：…, #標籤);
    with less furniture between, the model's reading stands, and with neither it takes a far longer run."""
    sentence = "示例公司表示，今年下半年將推出三款新產品，預計帶動營收成長兩成以上。"
    furniture = ["往下滑看下一篇文章", "即時熱門文章", *[f"熱門文章第{n}則" for n in range(1, 12)], "sponsored by"]
    texts = ["示例公司搶攻AI筆電市場", sentence, sentence, sentence, "責任編輯：林小美", *furniture, sentence, sentence]
    page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
    said = [Decision(label, 0.9) for label in
            ("title", "body", "body", "body", "meta", *["boilerplate"] * len(furniture), "body", "body")]
    decided = corrections.past_closing_credit(page, said, 0)
    assert [d.label for d in decided[-2:]] == ["boilerplate", "boilerplate"] and decided[:-2] == said[:-2]
    near = Page([Line(n, t) for n, t in enumerate([*texts[:5], *furniture[:3], *texts[-2:]], start=1)])
    near_said = [*said[:5], *said[5:8], *said[-2:]]
    assert corrections.past_closing_credit(near, near_said, 0) == near_said
    # with no credit, only a far longer run of furniture (a list of stories with their summaries far down) parts them
    for run, classes in [(furniture, ["body", "body"]), (furniture * 3, ["boilerplate", "boilerplate"])]:
        far = Page([Line(n, t) for n, t in enumerate([*texts[:4], *run, *texts[-2:]], start=1)])
        far_said = [*said[:4], *[Decision("boilerplate", 0.9)] * len(run), *said[-2:]]
        assert [d.label for d in corrections.past_closing_credit(far, far_said, 0)[-2:]] == classes
    # a line saying the article is over closes it as the credit does: related links under their label, the tags
    for ending in ("延伸閱讀：示例公司去年推出的筆電回顧", "相關新聞", "#筆電"):
        ended = Page([Line(n, t) for n, t in enumerate([*texts[:4], ending, *furniture, *texts[-2:]], start=1)])
        ended_said = [*said[:4], Decision("boilerplate", 0.9), *said[5:]]
        assert [d.label for d in corrections.past_closing_credit(ended, ended_said, 0)[-2:]] == [
            "boilerplate", "boilerplate"], ending


def test_running_text_over_a_line_ending_the_article_is_its_last_paragraph() -> None:
    """…週三回吐2.07美元。 right under the text and over 相關新聞: the text's last paragraph, though the model called
    it furniture; not a line of the site's there (免責聲明：…), nor one that ends no sentence."""
    last = "示例公司股價連續兩天急彈6.3美元或2.75%後，週三回吐2.07美元或0.88%，收在233.85美元。"
    for line, label in [(last, "body"), ("免責聲明：本文僅代表作者個人觀點，不代表本站立場。", "boilerplate"),
                        ("③ 如本網轉載稿涉及版權等問題，請作者在兩周內速來電或來函與示例網聯係。", "boilerplate"),
                        (last[:-1] + "，", "boilerplate")]:
        texts = ["示例證券報告：新款手機已開始備貨", "2024/10/17　09:09",
                 "【示例快報／王小明】示例證券最新發布的報告指出，供應鏈跡象顯示，新款手機已開始備貨。", line,
                 "相關新聞", "示例公司最快本週提交上市申請"]
        page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
        said = [Decision(k, 0.9) for k in ("title", "meta", "body", "boilerplate", "boilerplate", "boilerplate")]
        assert corrections.closing_paragraph(page, said, 0)[3].label == label, line


def test_a_caption_the_model_reads_under_a_sections_heading_is_text_unless_marked_as_one() -> None:
    """The last section's one paragraph under its heading, over the editor's credit, was called a caption and dropped
    with its heading; a line marked as a caption (图为…) there stays one."""
    paragraph = "下一步，示例市将继续加大投入力度，推动乡村振兴取得新的更大成效。"
    for line, label in [(paragraph, "body"), ("图为示例市新建的高标准农田。", "caption")]:
        texts = ["示例市乡村振兴工作取得明显成效", "今年以来，示例市坚持把乡村振兴作为工作重点，各项工作取得成效。",
                 "基础设施持续完善", line, "责任编辑：王芳"]
        page = Page([Line(n, t) for n, t in enumerate(texts, start=1)])
        said = [Decision(x, 0.93) for x in ["title", "body", "heading", "caption", "meta"]]
        assert corrections.text_under_heading(page, said, 0)[3].label == label
