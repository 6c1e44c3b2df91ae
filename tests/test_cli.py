"""The command line, run in-process: output, reports, and one-line errors for bad input."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import document
from pipeline.cli import main
from tests.conftest import SEEDS, TESTS

Page = Callable[..., Path]
SEED = SEEDS / "000_240bc3948afeefef.txt"


def test_clean_prints_validated_docbook_and_writes_the_report(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    report = tmp_path / "report.json"
    assert main(["clean", str(SEED), "--report", str(report)]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert "彰显制度优势 践行为民初心".encode() in out
    data = json.loads(report.read_text("utf-8"))
    assert data["encoding"] == "utf-8"
    assert data["metadata"]["title"] == "彰显制度优势 践行为民初心"
    rules = {(e["stage"], e["rule"]) for e in data["events"]}
    assert ("tag_lines", "boilerplate") in rules
    assert {"line": 3, "class": "title", "confidence": data["line_classes"][2]["confidence"], "by": "model"} in data[
        "line_classes"]
    assert ("take_abstract", "summary_repeat") in rules
    assert all({"stage", "rule", "line", "before", "after"} <= set(e) for e in data["events"])


NAV_ONLY = "首页\n新闻\n图片\n评论\n登录\n注册\n关于我们 | 联系我们 | 广告服务 | 版权声明\n"
NO_TITLE = (
    "会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。\n"
    "会议强调，各部门要压实责任，确保各项任务落地见效，推动全市经济社会高质量发展。\n"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        ("   \n\u3000\u3000\n\n".encode(), "only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"\xe6\x96\xb0 \x80\xff\x80\xff\n", "cannot be decoded"),
        (NAV_ONLY.encode(), "cannot tell the title from the navigation"),
    ],
    ids=["empty", "white-space", "image", "undecodable", "only-boilerplate"],
)
def test_bad_input_gives_one_line_naming_the_file(
    page: Page, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], content: bytes, message: str
) -> None:
    path = page(content)
    report = tmp_path / "out" / "report.json"
    assert main(["clean", str(path), "--report", str(report)]) == 1
    captured = capsysbinary.readouterr()
    err = captured.err.decode()
    assert err.count("\n") == 1
    assert err.startswith(f"pipeline: {path}")
    assert message in err
    assert "Traceback" not in err
    assert captured.out == b""
    assert not report.exists()


def test_a_text_of_paragraphs_with_no_headline_has_its_files_name_for_title(page: Page, tmp_path: Path,
                                                                            capsysbinary: pytest.CaptureFixture[bytes]
                                                                            ) -> None:
    """No line reads as a headline, but the page holds text: the article is kept, titled as pandoc titles a document
    without one, by its file's name, with a warning; a page of navigation alone is still refused (above)."""
    path = page(NO_TITLE, name="全市经济工作会议.txt")
    report = tmp_path / "report.json"
    assert main(["clean", str(path), "--report", str(report)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "<title>全市经济工作会议</title>" in out
    assert out.count("<para>") == 2 and "<para>会议指出，" in out and "<para>会议强调，" in out
    data = json.loads(report.read_text("utf-8"))
    assert [w["code"] for w in data["warnings"]] == ["W104", "W101"]  # W101: no date
    assert data["line_classes"][0] == {"line": 0, "class": "title", "confidence": 1.0, "by": "file_name"}


def test_a_20_mb_file_is_refused_without_being_read(
    page: Page, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = page(b"")
    with path.open("wb") as handle:
        handle.truncate(20_000_000)
    assert main(["clean", str(path)]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert "20.0 MB, over the 5.0 MB limit" in err


def test_missing_file_is_an_error_not_a_traceback(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["clean", "no/such/file.txt"]) == 1
    assert capsysbinary.readouterr().err.decode() == "pipeline: no/such/file.txt: bad input: no such file\n"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> io.BytesIO:
    stream = io.BytesIO(data)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stream))
    return stream


@pytest.mark.parametrize("page", [SEED, TESTS / "data" / "html" / "head_evidence.html"], ids=["text", "html"])
def test_clean_reads_the_page_from_standard_input_as_from_its_file(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["clean", str(page)]) == 0
    from_file = capsysbinary.readouterr().out
    _stdin(monkeypatch, page.read_bytes())
    assert main(["clean", "-"]) == 0
    assert capsysbinary.readouterr().out == from_file  # an HTML page told by its first bytes, not its name
    _stdin(monkeypatch, page.read_bytes())
    assert main(["clean", "-", "--explain"]) == 0
    assert "title" in capsysbinary.readouterr().out.decode()


def test_bad_input_on_standard_input_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    _stdin(monkeypatch, b"")
    assert main(["clean", "-"]) == 1
    assert capsysbinary.readouterr().err.decode() == "pipeline: <stdin>: bad input: file is empty\n"
    stream = _stdin(monkeypatch, b"x" * 6_000_000)  # an endless stream is read no further than the limit
    assert main(["clean", "-"]) == 1
    assert capsysbinary.readouterr().err.decode() == (
        "pipeline: <stdin>: bad input: more than 5.0 MB, over the limit for one article (max_input_bytes)\n")
    assert stream.tell() < 6_000_000


@pytest.mark.slow
def test_build_goes_on_past_a_bad_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_bytes(SEED.read_bytes())
    (seeds / "bad.txt").write_bytes(b"\x00\x01binary")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--out", str(tmp_path / "dist"), str(seeds)]) == 1
    captured = capsys.readouterr()
    assert "bad.txt:1: bad input: binary data" in captured.err
    assert (tmp_path / "dist" / "good" / "good.zh-Hans.xml").is_file()
    assert not (tmp_path / "dist" / "bad").exists()


@pytest.mark.usefixtures("no_fonts")
def test_a_missing_requirement_stops_the_build_before_any_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "dist"
    assert main(["build", "--out", str(out), "--formats", "pdf", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing requirement: font Noto Serif CJK SC" in err
    assert not out.exists()


def test_convert_writes_the_formats_asked_for_and_prints_the_review_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED), "--to", "xml,docx", "--variants", "zh-Hant-TW", "-o", str(tmp_path),
                 "--explain"]) == 0
    out = capsys.readouterr().out
    doc = "000_240bc3948afeefef"
    assert sorted(p.name for p in (tmp_path / doc).glob("[!.]*")) == [
        f"{doc}.zh-Hant-TW.docx", f"{doc}.zh-Hant-TW.xml", "report.json"]
    assert "zh-Hant-TW: disagreement: 數字化/數位化 ×1 …府建設數字化監督地…" in out
    assert "zh-Hant-TW: meaning: 发→發 (發/髮) ×25" in out and "variant:" not in out
    assert main(["convert", str(SEED), "--to", "xml", "--variants", "zh-Hant-TW", "-o", str(tmp_path),
                 "--explain", "all"]) == 0
    assert "zh-Hant-TW: variant: 划→劃 (劃/划)" in capsys.readouterr().out


def test_doctor_reports_the_tools(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "pandoc: 3." in out and "HarfBuzz subsetting (libharfbuzz-subset0): yes" in out
    assert "fonts for zh-Hant-HK: Noto Serif CJK HK and Noto Sans CJK HK" in out


def test_an_internal_error_is_one_line_with_the_traceback_in_a_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("injected")

    monkeypatch.setattr(document, "from_file", broken)
    assert main(["clean", str(SEED)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("pipeline: internal error: ZeroDivisionError: injected (traceback in ")
    log = Path(err.rsplit("traceback in ", 1)[1].rstrip(")"))
    assert "ZeroDivisionError" in log.read_text("utf-8")
    log.unlink()


def test_the_command_line_is_made_from_the_configs_fields(capsys: pytest.CaptureFixture[str]) -> None:
    from dataclasses import fields

    from pipeline import cli, config

    for command in (config.BUILD, config.CONVERT, config.CLEAN):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        shown = capsys.readouterr().out
        for setting in fields(config.Config):
            flag = "--" + setting.name.replace("_", "-")
            if command in setting.metadata.get("commands", ()):
                assert flag in shown, (command, flag)
                assert setting.metadata["help"].split(" (")[0][:30] in " ".join(shown.split()), flag
            elif "commands" not in setting.metadata:  # set in [tool.pipeline] only
                assert flag not in shown, (command, flag)
    args = cli._parser().parse_args(["build", "--paper", "A5", "--phrases", "--timeout", "5", "--jobs", "1",
                                     "--variants", "zh-Hans,zh-Hant-TW", "seeds"])
    settings = cli._settings(args)
    assert (settings.paper, settings.phrases, settings.timeout, settings.jobs) == ("A5", True, 5.0, 1)
    assert settings.variants == ("zh-Hans", "zh-Hant-TW") and settings.vertical is False


def test_serve_serves_the_output_folder_over_http_until_stopped(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import urllib.request

    (tmp_path / "doc").mkdir()
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>下载</title>", "utf-8")
    (tmp_path / "doc" / "index.html").write_text("<!DOCTYPE html><title>文档</title>", "utf-8")
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--port", "0", "--out", str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = line.split(" at ")[1].split()[0]
        with urllib.request.urlopen(url + "doc/index.html", timeout=10) as response:
            assert response.status == 200 and "文档" in response.read().decode()
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
    assert process.returncode == 143 and "Traceback" not in err
    assert main(["serve", "--out", str(tmp_path / "doc" / "missing")]) == 1, "nothing built there: one line"
