"""The site's full-text search: a Pagefind index of the documents' web pages, every variant in one index (a
Traditional query finds the Traditional page), built when a page changed.

Chinese is indexed a character a word: each Han character, kana and full-width mark stands alone, and the
search box asks for a query's characters as a phrase (side by side, in order). A query then finds exactly the
pages that hold it, as a reader's find-in-page would, in either script; no word list decides what can be
found. (Pagefind's own segmenter cuts the indexed text into dictionary words but not the query, so a word it
cut otherwise, 銀杏 into 銀 and 杏, could not be found.)

The search box needs scripts and a page served over HTTP (browsers refuse the index's modules from file://);
elsewhere it stays hidden and the listings, which need no script, remain.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import lxml.html

BUNDLE = "pagefind"  # dist/pagefind/: the index and its script
TIMEOUT = 3600.0  # seconds Pagefind may take
STAMP = ".pipeline-pages"  # in the bundle: a hash of the pages it indexes
LANGUAGE = "en"  # Pagefind's: words split at spaces (Latin words stemmed); Chinese arrives split already
# Characters that are each a word of their own: CJK radicals and symbols, kana, Han (with the extensions and
# compatibility ideographs), full-width forms, and the quotes, dashes and dots Chinese text uses.
ALONE = ((0x2E80, 0x2FDF), (0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
         (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x2014, 0x2014), (0x2018, 0x201F), (0x2026, 0x2026),
         (0x00B7, 0x00B7), (0x20000, 0x323AF))
ALONE_PATTERN = re.compile("([" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ALONE) + "])")
ALONE_JS = "".join(f"\\u{{{a:x}}}-\\u{{{b:x}}}" for a, b in ALONE)  # the same, for the box's script


class Page(Protocol):
    """A web page of a document, as the manifest lists it."""

    @property
    def path(self) -> str: ...

    @property
    def sha256(self) -> str: ...


def words(text: str) -> str:
    """The text as the index holds it: every character of ALONE a word, words one space apart."""
    return " ".join(ALONE_PATTERN.sub(r" \1 ", text).split())


def record(page: bytes) -> tuple[str, str]:
    """A web page's title and text (the title block and the article); the pages are UTF-8."""
    root = lxml.html.fromstring(page.decode("utf-8", "replace"))
    heading = root.find(".//h1")
    title = _text(heading) if heading is not None else root.findtext(".//title") or ""
    return title, "\n".join(_text(el) for el in root.iterfind(".//body/*") if el.tag in ("header", "main"))


def _text(element: lxml.html.HtmlElement) -> str:
    """An element's text, its blocks a space apart (the web pages have no inline markup)."""
    return " ".join(" ".join(str(piece) for piece in element.itertext()).split())


def update(out: Path, pages: Sequence[Page], *, on_note: Callable[[str], None]) -> bool:
    """Index the pages unless the index holds them already; whether the site has a search index now.

    Pagefind reads each page as the index holds it (its title as the result's, its text split into words: a
    page of the same path in a folder of its own); the new index is written beside the old one and swapped in,
    so that an interrupted build leaves the old."""
    bundle = out / BUNDLE
    if not pages:
        shutil.rmtree(bundle, ignore_errors=True)
        return False
    key = hashlib.sha256(json.dumps(sorted((p.path, p.sha256) for p in pages)).encode()).hexdigest()
    stamp = bundle / STAMP
    if stamp.is_file() and stamp.read_text("utf-8") == key:
        return True
    staged, fresh, old = out / f".{BUNDLE}.pages", out / f".{BUNDLE}.new", out / f".{BUNDLE}.old"
    for leftover in (staged, fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        for page in pages:
            title, text = record((out / page.path).read_bytes())
            (staged / page.path).parent.mkdir(parents=True, exist_ok=True)
            (staged / page.path).write_text(
                f'<!DOCTYPE html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head><body>'
                f'<h1 data-pagefind-meta="title">{html.escape(title)}</h1>'
                f"<div data-pagefind-body>{html.escape(words(text))}</div></body></html>", "utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", str(staged), "--output-path", str(fresh),
                   "--force-language", LANGUAGE, "--silent"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        if done.returncode != 0 or not (fresh / "pagefind.js").is_file():
            said = (done.stderr or done.stdout).strip().splitlines()
            raise RuntimeError(f"pagefind: {said[-1] if said else f'exit {done.returncode}'}")
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:  # the site goes on without search
        on_note(f"the search index was not built: {exc}")
        shutil.rmtree(fresh, ignore_errors=True)
        return bundle.is_dir()
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    (fresh / STAMP).write_text(key, "utf-8")
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
    return True


# Shown only where it can work: scripts on, the page served over HTTP. Pagefind's script is fetched at the first
# word typed, so that the page alone stays light. Each term of the query is searched for as the index holds
# text (its characters a phrase), and a page must hold every term. The results link to the documents' web
# pages, relative to where the site is served (a folder of a larger site too); their excerpts are Pagefind's,
# its <mark>s kept and the spaces between characters taken out again.
SCRIPT = """
if (location.protocol.startsWith("http")) {
  const root = new URL("./", location.href);
  const alone = /([%(alone)s])/gu;
  const gaps = /(?<=[%(alone)s](?:<\\/?mark>)?) | (?=(?:<\\/?mark>)?[%(alone)s])/gu;
  const form = document.getElementById("search");
  const [input, status] = [form.querySelector("input"), form.querySelector("output")];
  const [list, more] = [document.getElementById("found"), document.getElementById("more")];
  let pagefind = null, latest = 0, results = [];
  form.hidden = false;
  form.addEventListener("submit", event => event.preventDefault());
  const terms = query => query.split(/\\s+/).filter(Boolean).map(term => {
    const words = term.replace(alone, " $1 ").trim().split(/\\s+/);
    return words.length > 1 ? `"${words.join(" ")}"` : words[0];
  });
  const search = async query => {
    const found = (await Promise.all(terms(query).map(term => pagefind.search(term)))).map(f => f.results);
    if (!found.length) return [];
    const others = found.slice(1).map(rs => new Set(rs.map(r => r.id)));
    return found[0].filter(r => others.every(ids => ids.has(r.id)));
  };
  const show = async (mine, from) => {
    const pages = await Promise.all(results.slice(from, from + %(shown)d).map(r => r.data()));
    if (mine !== latest) return;
    list.append(...pages.map(page => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title;
      const excerpt = document.createElement("p");
      excerpt.innerHTML = page.excerpt.replace(/<\\/mark> <mark>/g, " ").replace(gaps, "");
      item.append(link, excerpt);
      return item;
    }));
    more.hidden = list.children.length >= results.length;
  };
  input.addEventListener("input", async () => {
    const mine = ++latest;
    await new Promise(done => setTimeout(done, 200));
    if (mine !== latest) return;
    if (!pagefind) {
      pagefind = await import(new URL("pagefind/pagefind.js", root).href);
      await pagefind.options({baseUrl: root.pathname});
    }
    const query = input.value.trim();
    const found = query ? await search(query) : [];
    if (mine !== latest) return;
    results = found;
    list.replaceChildren();
    status.textContent = query ? form.dataset.found.replace("{count}", results.length) : "";
    list.hidden = !query;
    more.hidden = true;
    await show(mine, 0);
  });
  more.addEventListener("click", () => show(latest, list.children.length));
}
"""
SHOWN = 20  # results listed at a time


def box(ui: dict[str, str]) -> str:
    """The search box of a listing page (they sit at the site's top), in the language of `ui`."""
    script = SCRIPT % {"shown": SHOWN, "alone": ALONE_JS}
    return (f'<form id="search" hidden role="search" data-found="{ui["found"]}"><input type="search" '
            f'placeholder="{ui["search"]}" aria-label="{ui["search"]}"><output></output></form>'
            f'<ol id="found" hidden></ol><button type="button" id="more" hidden>{ui["more"]}</button>'
            f"<script>{script}</script>")
