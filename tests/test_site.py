"""The download site of a generated archive of 1,000 documents, in Chromium: the first page small, paging and
browsing by outlet and by month without scripts (from file://), and full-text search in both scripts (over HTTP)."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.scale import TREES, page, seeds
from pipeline import build
from pipeline.config import Config
from pipeline.site import newest_first
from pipeline.variants import converter
from tests.conftest import CHROMIUM, follow

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("archive"),
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")]
COUNT = 1000
PAGE_LIMIT = 200_000  # bytes: a listing page, and the first page with all it loads


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 generated articles built into a dist/ with their web pages, Simplified and Traditional (Taiwan)."""
    root = tmp_path_factory.mktemp("archive")
    seeds(root / "seeds", COUNT)
    config = Config(out=root / "dist", seeds=root / "seeds", formats=("html",),
                    variants=("zh-Hans", "zh-Hant-TW"), jobs=2)
    assert not build.run(config, on_note=lambda note: None).failed
    return root / "dist"


@pytest.fixture(scope="module")
def served(archive: Path) -> Iterator[str]:
    """The archive over HTTP, in a folder of a larger site (/archive/), as a plain static server gives it."""
    top = archive.parent / "www"
    top.mkdir(exist_ok=True)
    (top / "archive").symlink_to(archive)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(top))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/archive/"
    finally:
        server.shutdown()
        server.server_close()


def manifest(archive: Path) -> dict[str, Any]:
    return dict(json.loads((archive / "manifest.json").read_text("utf-8")))


def test_every_listing_page_is_small(archive: Path) -> None:
    pages = list(archive.glob("*.html"))
    assert len(pages) >= COUNT // 50 + 11 + 12, "the pages, the outlets' and the months'"
    assert max(p.stat().st_size for p in pages) < PAGE_LIMIT


def test_the_first_page_loads_under_200_kb_with_everything_it_asks_for(served: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + "index.html", wait_until="networkidle")
    loaded = page.evaluate("performance.getEntriesByType('navigation').concat(performance.getEntriesByType("
                           "'resource')).reduce((sum, e) => sum + e.transferSize, 0)")
    assert 0 < loaded < PAGE_LIMIT, loaded
    assert page.locator("#search input").is_visible(), "over HTTP with scripts, the search box shows"
    page.close()


def test_paging_lists_every_document_newest_first_without_scripts_from_file(archive: Path, browser: Any) -> None:
    expected = [d["title"] for d in newest_first(manifest(archive)["documents"])]
    page = browser.new_page(java_script_enabled=False)
    page.goto((archive / "index.html").as_uri())
    assert not page.locator("#search").is_visible()
    seen: list[str] = []
    while True:
        titles = page.locator("article h2").all_inner_texts()
        assert 0 < len(titles) <= 50
        seen += titles
        following = page.locator("nav.pages a[rel=next]")
        if not following.count():
            break
        follow(page, following)
    assert page.url.endswith(f"/page-{-(-COUNT // 50)}.html")
    assert seen == expected
    page.close()


@pytest.mark.parametrize("kind", ["source", "month"])
def test_browsing_by_outlet_and_by_month_without_scripts(archive: Path, browser: Any, kind: str) -> None:
    documents = manifest(archive)["documents"]
    page = browser.new_page(java_script_enabled=False)
    page.goto((archive / "index.html").as_uri())
    follow(page, page.locator("nav.site a").nth(1 if kind == "source" else 2))
    groups = page.locator("ul.groups a")
    names = groups.all_inner_texts()
    assert len(names) == (11 if kind == "source" else 24)
    name = names[3]
    follow(page, groups.nth(3))
    titles: list[str] = []
    while True:
        titles += page.locator("article h2").all_inner_texts()
        following = page.locator("nav.pages a[rel=next]")
        if not following.count():
            break
        follow(page, following)

    def within(doc: dict[str, Any]) -> bool:
        return doc["source"] == name if kind == "source" else str(doc["published"]).startswith(name)

    assert sorted(titles) == sorted(d["title"] for d in documents if within(d)) and titles
    page.close()


@pytest.mark.parametrize("tag", ["zh-Hans", "zh-Hant-TW"])
def test_search_finds_a_document_by_a_word_in_the_middle_of_its_text(served: str, browser: Any, tag: str) -> None:
    target = 123
    paragraph = page(target).splitlines()[4]  # the second paragraph of the body
    word = TREES[target % len(TREES)]
    middle = paragraph.index(word)
    assert 0.3 < middle / len(paragraph) < 0.7, "the word stands in the middle of the paragraph"
    query = converter("s2tw").convert(word) if tag != "zh-Hans" else word
    assert tag == "zh-Hans" or query != word, "the Traditional query is written differently"
    expected = sum(1 for n in range(COUNT) if n % len(TREES) == target % len(TREES))
    browse = browser.new_page()
    browse.goto(served + "page-3.html")
    browse.locator("#search input").fill(query)
    shown = 0
    while True:  # the results, twenty at a time
        browse.wait_for_function(f"document.querySelectorAll('#found a').length > {shown}")
        shown = browse.locator("#found a").count()
        if not browse.locator("#more").is_visible():
            break
        browse.locator("#more").click()
    assert browse.locator("#search output").inner_text() == f"找到 {expected} 篇", "the pages that hold it, no other"
    assert shown == expected
    hrefs = [a.get_attribute("href") or "" for a in browse.locator("#found a").all()]
    own = f"/archive/doc{target:06d}/doc{target:06d}.{tag}.html"
    assert own in hrefs
    assert all(h.startswith("/archive/doc") and h.endswith(f".{tag}.html") for h in hrefs), "in the query's script"
    excerpt = browse.locator("#found p").first.inner_text()
    assert query in excerpt and f"了{query}，" in excerpt, "the excerpt reads as the text does"
    assert browse.locator("#found mark").first.inner_text() == query
    follow(browse, browse.locator(f'#found a[href="{own}"]'))
    assert query in browse.locator("main").inner_text() and browse.url.endswith(own)
    browse.close()


def test_a_query_of_several_words_finds_the_pages_that_hold_every_one(served: str, browser: Any) -> None:
    browse = browser.new_page()
    browse.goto(served + "index.html")
    browse.locator("#search input").fill("第123号 补种了杉树")
    browse.wait_for_function("document.querySelectorAll('#found a').length > 0")
    hrefs = [a.get_attribute("href") for a in browse.locator("#found a").all()]
    assert hrefs == ["/archive/doc000123/doc000123.zh-Hans.html"]
    browse.locator("#search input").fill("第123号 补种了银杏")  # doc000123 planted 杉树
    browse.wait_for_function("document.querySelector('#search output').textContent == '找到 0 篇'")
    browse.close()
