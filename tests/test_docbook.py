"""The DocBook tree: schema validation, the project's rules, and ids of nested sections."""

from __future__ import annotations

import pytest
from lxml import etree

from pipeline import docbook
from pipeline.clean import Article, Block
from pipeline.clean.types import Metadata, Person, Report
from pipeline.errors import ValidationError

DB = docbook.DB


def article(blocks: list[Block], **meta: object) -> Article:
    return Article(Metadata(title="标题", **meta), blocks, Report("t", "utf-8"))  # type: ignore[arg-type]


def test_full_metadata_validates_and_maps_as_documented() -> None:
    tree = docbook.build(article(
        [Block("para", "正文。", 3)],
        subtitle="副题", published="2026-01-20T07:27:03+08:00", source="杭州日报", publisher="杭州网",
        authors=[Person("朱颖婕", "记者")], editors=[Person("高婷婷")], subjects=["热点专题"], abstract="摘要。",
    ))
    docbook.validate(tree)
    info = docbook.read_info(tree)
    assert (info.title, info.subtitle, info.date, info.source, info.publisher) == (
        "标题", "副题", "2026-01-20", "杭州日报", "杭州网")
    assert info.authors == ("朱颖婕",) and info.editors == ("高婷婷",) and info.subjects == ("热点专题",)
    assert tree.find(f"{DB}info/{DB}author/{DB}contrib").text == "记者"  # type: ignore[union-attr]


def test_nested_headings_get_stable_hierarchical_ids() -> None:
    tree = docbook.build(article([
        Block("heading", "一、总则", 1, 1), Block("heading", "（一）目的", 2, 2), Block("para", "甲。", 3),
        Block("heading", "（二）范围", 4, 2), Block("para", "乙。", 5),
        Block("heading", "二、附则", 6, 1), Block("para", "丙。", 7),
    ]))
    docbook.validate(tree)
    ids = [s.get(docbook.XML_ID) for s in tree.iter(DB + "section")]
    assert ids == ["sect-1", "sect-1-1", "sect-1-2", "sect-2"]


def test_a_level_deeper_than_its_parent_allows_is_clamped() -> None:
    tree = docbook.build(article([Block("heading", "小标题", 1, 3), Block("para", "正文。", 2)]))
    docbook.validate(tree)
    assert [s.get(docbook.XML_ID) for s in tree.iter(DB + "section")] == ["sect-1"]


def test_schema_rejects_an_unknown_element() -> None:
    tree = docbook.build(article([Block("para", "正文。", 1)]))
    etree.SubElement(tree, DB + "blink").text = "x"
    with pytest.raises(ValidationError, match=r"DocBook 5\.0 schema"):
        docbook.validate(tree)


def test_project_rules_reject_empty_para_missing_lang_and_duplicate_ids() -> None:
    tree = docbook.build(article([Block("heading", "一", 1, 1), Block("para", "正文。", 2)]))
    etree.SubElement(tree.find(DB + "section"), DB + "para")  # type: ignore[arg-type]
    del tree.attrib[docbook.XML_LANG]
    section = tree.find(DB + "section")
    assert section is not None
    copy = etree.SubElement(tree, DB + "section", {docbook.XML_ID: "sect-1"})
    etree.SubElement(copy, DB + "title").text = "二"
    etree.SubElement(copy, DB + "para").text = "又。"
    problems = docbook.project_rule_violations(tree)
    assert "the article has no xml:lang" in problems
    assert any(p.startswith("empty <para>") for p in problems)
    assert "duplicate xml:id sect-1" in problems
    with pytest.raises(ValidationError):
        docbook.validate(tree)


def test_serialized_xml_parses_back_without_network_or_entities() -> None:
    tree = docbook.build(article([Block("para", "<b>&amp; 文本</b>", 1)]))
    data = docbook.serialize(tree)
    back = docbook.parse(data)
    assert back.find(DB + "para").text == "<b>&amp; 文本</b>"  # type: ignore[union-attr]
