"""The site's listing pages and its search index's words, without a build."""

from __future__ import annotations

import re
from typing import Any

from pipeline import search
from pipeline.site import PER_PAGE, File, listings, newest_first


def documents(count: int) -> list[dict[str, Any]]:
    return [{"document": f"d{n:03d}", "title": f"第{n}号", "lang": "zh-Hans", "report": f"d{n:03d}/report.json",
             "published": f"2024-{n % 3 + 1:02d}-{n % 28 + 1:02d}" if n % 10 else None,
             "source": ["甲报", "乙报"][n % 2] if n % 7 else None} for n in range(count)]


def test_documents_are_paged_newest_first_and_browsed_by_outlet_and_month() -> None:
    docs = documents(120)
    pages = dict(listings(docs, {}))
    assert {"index.html", "page-2.html", "page-3.html"} <= set(pages) and "page-4.html" not in pages
    titles = [t for name in ("index.html", "page-2.html", "page-3.html")
              for t in re.findall(r"<h2><a [^>]*>([^<]*)</a></h2>", pages[name])]
    assert titles == [d["title"] for d in newest_first(docs)] and len(set(titles)) == 120
    assert titles[-12:] == [f"第{n}号" for n in range(0, 120, 10)], "undated last"
    assert len(re.findall("<article", pages["index.html"])) == PER_PAGE
    assert 'href="page-2.html" rel="next"' in pages["index.html"]
    assert 'href="index.html" rel="prev"' in pages["page-2.html"]
    outlets = sorted({"甲报", "乙报"}, key=lambda o: (-sum(d["source"] == o for d in docs), o))
    for name, expected in (("sources.html", [*outlets, "未注明来源"]),  # the most documents first
                           ("months.html", ["2024-03", "2024-02", "2024-01", "未注明日期"])):
        links = re.findall(r'<li><a href="([^"]+)">([^<]*)</a><span class="size">(\d+) 篇', pages[name])
        assert [label for _, label, _ in links] == expected
        assert sum(int(count) for *_, count in links) == 120
        for href, _, count in links:  # each group's pages list its documents
            group = [href, *(p for p in pages if p.startswith(href.removesuffix(".html") + "-"))]
            assert sum(len(re.findall("<article", pages[p])) for p in group) == int(count)
    assert all(re.fullmatch(r"[\w.-]+\.html", p) for p in pages), "every page beside index.html"


def test_the_lead_names_the_formats_the_archive_has_and_reading_links_open() -> None:
    doc = documents(1)[0] | {"published": "2024-01-01"}
    files = [File(doc["document"], "zh-Hans", fmt, f"d000/d000.zh-Hans.{fmt}", 10, "0" * 64, doc["report"])
             for fmt in ("xml", "html")]
    first = dict(listings([doc], {doc["document"]: files}))["index.html"]
    assert "格式：网页、DocBook XML。" in first
    assert '<a href="d000/d000.zh-Hans.html" data-format="html"' in first, "the web page opens"
    assert '<a href="d000/d000.zh-Hans.xml" download data-format="xml"' in first


def test_the_index_holds_chinese_a_character_a_word_and_latin_words_whole() -> None:
    assert search.words("据介绍，iPhone 11价格“银杏”𠀀") == "据 介 绍 ， iPhone 11 价 格 “ 银 杏 ” 𠀀"
    assert search.words("  ") == ""
    title, text = search.record("<html><body><header><h1>标题 一</h1><p>副</p></header><main><p>甲</p>"
                                "<p>乙</p></main></body></html>".encode())
    assert title == "标题 一" and text == "标题 一 副\n甲 乙"
