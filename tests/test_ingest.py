"""Ingest: encodings, line ends, Unicode normalisation, and bytes that are not a text page."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline import document
from pipeline.config import MAX_INPUT_BYTES
from pipeline.errors import InputError
from pipeline.ingest import decode, repaired
from tests.conftest import CORPUS, SEEDS

LIMIT = MAX_INPUT_BYTES
SAMPLE = "發布時間：2024年\n简体中文，繁體中文。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        ("发布时间：2024年\n简体中文的新闻页面，这是一段比较长的正文。\n".encode("gb18030"), "gb18030"),
        ("發布時間：2024年\n繁體中文的新聞頁面，這是一段比較長的正文。\n".encode("big5"), "big5"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "big5"],
)
def test_supported_encodings_are_read(data: bytes, encoding: str) -> None:
    text = decode(data, max_bytes=LIMIT)
    assert text.encoding == encoding
    assert "2024年" in text.text
    assert not text.text.startswith("\ufeff")


def test_gbk_corpus_page_reads_the_same_as_its_utf8_copy() -> None:
    legacy = decode((CORPUS / "12_netease_sac_proposal.gbk.txt").read_bytes(), max_bytes=LIMIT)
    utf8 = decode((CORPUS / "12_netease_sac_proposal.txt").read_bytes(), max_bytes=LIMIT)
    assert legacy.encoding == "gb18030"
    assert "中国证券业协会倡议书" in legacy.text
    assert legacy.text.split("\n")[58] == utf8.text.split("\n")[58]


PAGE = (CORPUS / "12_netease_sac_proposal.txt").read_text("utf-8")


@pytest.mark.parametrize(("misread", "encoding"), [
    (PAGE.encode("gb18030").decode("latin-1"), "gb18030"),  # GBK bytes taken for Latin-1: 北京 as ±±¾©
    (PAGE.encode("utf-8").decode("latin-1"), "utf-8"),  # UTF-8 bytes taken for Latin-1: 北 as å\x8c\x97
    (PAGE.encode("gb18030").decode("iso8859-15").encode("utf-8").decode("latin-1"), "gb18030"),  # misread twice
    ("".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in PAGE.encode("utf-8")), "utf-8"),  # as browsers
], ids=["gbk-as-latin1", "utf8-as-latin1", "gbk-as-latin9-then-utf8-as-latin1", "utf8-as-windows-1252"])
def test_a_page_misread_before_it_was_saved_is_repaired_and_the_report_says_so(misread: str, encoding: str) -> None:
    text = decode(misread.encode("utf-8"), max_bytes=LIMIT)
    assert text.text == decode(PAGE.encode("utf-8"), max_bytes=LIMIT).text
    assert text.encoding.startswith(f"{encoding} (repaired: misread")


@pytest.mark.parametrize("text", [
    "Le café était très bon, déjà vu à Genève. Élève, où ça? Über größte Straße. " * 4,  # accents alone
    "气温 25°C，面积 3×4 米，© 2012 示例网 · 版权所有。" * 10,  # a Chinese page's own signs
    "北京" * 30 + PAGE.encode("gb18030").decode("latin-1")[:200],  # partly misread: left as it is
])
def test_text_that_is_no_misreading_is_left_as_it_is(text: str) -> None:
    assert repaired(text, "utf-8") == (text, "utf-8")


def test_line_ends_zero_width_and_nfc() -> None:
    data = "第一行\r\n第\u200b二行\r第三行\u00a0\ncafe\u0301".encode()
    text = decode(data, max_bytes=LIMIT).text
    assert text == "第一行\n第二行\n第三行\u00a0\ncafé"


def test_full_width_punctuation_survives_normalisation() -> None:
    text = decode("你好，世界！（测试）：１２３".encode(), max_bytes=LIMIT).text
    assert text == "你好，世界！（测试）：１２３"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b" \n\t\r\n \xe3\x80\x80\n", "only white space"),
        (b"abc\x00\x00def", "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary data"),
        (b"\xe6\x96\xb0\xe9\x97\xbb \x80\xff\x80\xff\n", "cannot be decoded"),
        (b"x" * (LIMIT + 1), "over the 5.0 MB limit"),
    ],
    ids=["empty", "white-space", "nul-bytes", "png-image", "undecodable", "too-large"],
)
def test_bad_bytes_give_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, max_bytes=LIMIT)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


STRAY = ("\x0b\x1b[31m\x7f\ufffe\x08\x85\u202e\u2066\u2069\u200e\ue600\uf0c9"
         "\u00ad\u200d\u2060\ufe0f\ufeff\U0001fffe\U000e0001\U000e0100")


@pytest.mark.slow
def test_stray_characters_are_removed_and_each_line_reported(tmp_path: Path) -> None:
    from pipeline import docbook, document
    from pipeline.cli import main

    seed = (SEEDS / "000_240bc3948afeefef.txt").read_text("utf-8").split("\n")
    seed[10] = seed[10][:5] + STRAY + seed[10][5:]
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("\n".join(seed), "utf-8")
    doc = document.from_file(hostile)
    xml = docbook.serialize(doc.tree).decode()
    assert not any(ch in xml for ch in STRAY.replace("[31m", "")) and "[31m" not in xml
    (event,) = [e for e in doc.report.events if e.stage == "ingest"]
    assert event.line == 11 and event.after == seed[10].replace(STRAY, "")
    for code in ("U+000B", "U+001B", "U+FFFE", "U+0085", "U+202E", "U+E600", "U+F0C9", "U+00AD", "U+200D",
                 "U+2060", "U+FE0F", "U+FEFF", "U+1FFFE", "U+E0001", "U+E0100"):
        assert f"{code} ×1" in event.rule
    assert main(["clean", str(hostile)]) == 0
    assert main(["convert", str(hostile), "--to", "pdf,epub,docx", "-o", str(tmp_path / "out")]) == 0


def test_a_page_of_controls_is_still_refused_as_binary() -> None:
    with pytest.raises(InputError, match="binary data"):
        decode(("标题\n" + "\x01\x02\x03" * 50).encode(), max_bytes=LIMIT)


def test_a_repaired_page_is_warned_of_with_what_was_done(tmp_path: Path) -> None:
    misread = tmp_path / "misread.txt"
    misread.write_text(PAGE.encode("gb18030").decode("latin-1"), "utf-8")
    article = document.from_file(misread)
    assert [w.code for w in article.report.warnings] == ["W103"]
    assert "gb18030 (repaired: misread 1x before it was saved as utf-8)" in str(article.report.warnings[0])
