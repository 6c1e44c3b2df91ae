"""The pandoc session: one pandoc process converts document after document, reads nothing but what it is
given, and one document's failure (an error, a pandoc that dies) fails that document only."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline import document
from pipeline.config import Config
from pipeline.docbook import DB
from pipeline.errors import RenderError
from pipeline.render import pandoc, renderer
from pipeline.variants import variant
from tests import epub_checker

UNDATED = "关于做好冬季供暖工作的通知\n各区县：\n现将冬季供暖工作有关事项通知如下，请认真贯彻落实。\n"
PAGE = UNDATED.replace("\n", "\n发布时间：2026-01-20\n", 1)


def tree(text: str = PAGE) -> etree._Element:
    return document.from_bytes(text.encode(), name="page.txt").tree


def names(package: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return archive.namelist()


def test_one_pandoc_converts_document_after_document() -> None:
    epub = pandoc.convert(tree(), "epub3", {"table_of_contents": True}, {"title": "通知", "lang": "zh-Hans"})
    started = pandoc.SESSION.process
    docx = pandoc.convert(tree(), "docx", {}, {"title": "通知", "lang": "zh-CN"})
    assert pandoc.SESSION.process is started and started is not None and started.poll() is None
    assert "EPUB/content.opf" in names(epub) and "word/document.xml" in names(docx)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert "冬季供暖" in archive.read("word/document.xml").decode()


def test_an_image_that_is_not_a_data_url_is_refused_and_the_next_document_converts(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not to be read")
    page = tree()
    figure = etree.SubElement(page, DB + "figure")
    etree.SubElement(figure, DB + "title").text = "图"
    media = etree.SubElement(etree.SubElement(figure, DB + "mediaobject"), DB + "imageobject")
    etree.SubElement(media, DB + "imagedata", fileref=str(secret))
    with pytest.raises(RenderError, match=r"pandoc failed: an image that is not a data: URL: .*secret\.png$"):
        pandoc.convert(page, "epub3", {}, {"title": "通知"})
    assert "EPUB/content.opf" in names(pandoc.convert(tree(), "epub3", {}, {"title": "通知"}))


def test_a_pandoc_that_stops_fails_its_document_with_one_line_and_the_next_starts_another() -> None:
    session = pandoc.Session()
    session.process = subprocess.Popen(["sh", "-c", "read request; exit 3"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE)
    request = {"text": "", "to": "docx", "options": {}, "metadata": "{}"}
    with pytest.raises(RenderError, match=r"pandoc failed: it stopped \(exit status 3\)$"):
        session.convert(request)
    assert session.process is None
    request["text"] = '<article xmlns="http://docbook.org/ns/docbook"><para>正文</para></article>'
    assert "word/document.xml" in names(session.convert(request))
    session.stop()


@pytest.mark.slow  # EPUBCheck
@epub_checker.ON_ONE_WORKER
def test_an_undated_epub_gets_no_date_of_conversion(tmp_path: Path) -> None:
    config = Config(seeds=tmp_path, out=tmp_path)
    for text, dates in ((UNDATED, []), (PAGE, ["2026-01-20"])):
        dest = renderer("epub").render(tree(text), tmp_path / "out.epub", variant=variant("zh-Hans"), config=config)
        with zipfile.ZipFile(dest) as archive:
            opf = etree.fromstring(archive.read("EPUB/content.opf"))
            assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert [d.text for d in opf.iter("{http://purl.org/dc/elements/1.1/}date")] == dates
        assert epub_checker.check(dest).valid, epub_checker.check(dest).messages  # dc:date is optional


def test_a_process_that_ends_waits_for_its_pandoc_so_that_its_time_is_counted() -> None:
    """A spawned worker ends through the interpreter's exit: the session's pandoc ends with its input and is
    waited for, so that its CPU time counts among the worker's children's (the batch benchmark reads it)."""
    script = (
        "import atexit, resource\n"
        "def after():\n"  # registered first, so it runs after the session's own exit handler
        "    from pipeline.render import pandoc\n"
        "    used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "    print(pandoc.SESSION.process is None, used.ru_utime + used.ru_stime > 0)\n"
        "atexit.register(after)\n"
        "from pipeline.render import pandoc\n"
        "pandoc.SESSION.convert({'text': '<article xmlns=\"http://docbook.org/ns/docbook\"><para>正文</para></article>',"
        " 'to': 'docx', 'options': {}, 'metadata': '{}'})\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["True", "True"]


def test_a_forked_process_starts_a_pandoc_of_its_own() -> None:
    """A child forked after the session started (a pool a user runs the API in) never writes into its parent's
    pandoc, whose replies would cross: that pandoc is no child of the fork's, so it reads as ended there and
    the fork starts its own."""
    pandoc.convert(tree(), "docx", {}, {"title": "通知"})
    parent = pandoc.SESSION.process
    assert parent is not None
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child's outcome is read by the parent)
        ok = False
        try:
            pandoc.convert(tree(), "docx", {}, {"title": "通知"})
            ok = pandoc.SESSION.process is not None and pandoc.SESSION.process.pid != parent.pid
        finally:
            os.write(writer, b"1" if ok else b"0")
            os._exit(0)
    os.close(writer)
    assert os.read(reader, 1) == b"1"
    os.waitpid(child, 0)
    assert pandoc.SESSION.process is parent and parent.poll() is None
    assert "word/document.xml" in names(pandoc.convert(tree(), "docx", {}, {"title": "通知"}))
