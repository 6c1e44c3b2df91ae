"""One document's task: the incremental key of each output follows the settings its renderer declares."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest

from pipeline import task
from pipeline.clean import tagger
from pipeline.config import FORMATS, Config
from pipeline.render import renderer

SOURCE = "市政府召开常务会议\n会议指出，要做好各项工作。\n".encode()


def key(fmt: str, config: Config) -> str:
    return task.output_key(SOURCE, fmt, "zh-Hans", config)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_output_is_remade_when_a_setting_its_renderer_declares_changes_and_only_then(fmt: str) -> None:
    names = {f.name for f in fields(Config)}
    declared = renderer(fmt).settings
    assert set(declared) <= names and set(task.EVERY_OUTPUT) <= names
    base = Config()
    changed = {"paper": replace(base, paper="A5"), "vertical": replace(base, vertical=True),
               "phrases": replace(base, phrases=True), "strict": replace(base, strict=True),
               "max_input_bytes": replace(base, max_input_bytes=1000)}
    for name, config in changed.items():
        other = key(fmt, config)
        depends = name in declared or name in task.EVERY_OUTPUT
        assert (other != key(fmt, base)) == depends, (fmt, name)


def test_the_paper_remakes_the_pdf_and_the_docx_and_vertical_setting_the_epub_and_the_docx() -> None:
    assert [fmt for fmt in FORMATS if "paper" in renderer(fmt).settings] == ["pdf", "docx"]
    assert [fmt for fmt in FORMATS if "vertical" in renderer(fmt).settings] == ["epub", "docx"]


def test_an_outputs_key_names_the_model_that_reads_its_seed(tmp_path: Path) -> None:
    """The packaged model of the seed's kind (retraining the HTML model remakes HTML seeds' outputs only), or
    the model the settings name for every seed."""
    text, page = tmp_path / "a.txt", tmp_path / "b.html"
    text.write_bytes(SOURCE)
    page.write_bytes(b"<html><body><h1>" + SOURCE + b"</h1></body></html>")
    config = Config(out=tmp_path / "dist")
    assert task.output_key(SOURCE, "xml", "zh-Hans", config, html=True) != key("xml", config)
    assert task.plan(text, config).wanted["a.zh-Hans.xml"] == key("xml", config)
    as_html = task.output_key(page.read_bytes(), "xml", "zh-Hans", config, html=True)
    assert task.plan(page, config).wanted["b.zh-Hans.xml"] == as_html
    own = replace(config, model=str(tagger.DEFAULT_MODEL))
    assert task.output_key(SOURCE, "xml", "zh-Hans", own, html=True) == key("xml", own)


# What each kind of file the package ships counts as in an output's key, besides code (task.CODE_SUFFIXES):
# stylesheets and reference documents (stylesheets_fingerprint), models and their sidecars (model_fingerprint),
# the phrase dictionary (dictionary.fingerprint); the schema only refuses an output, it never changes one.
DATA_SUFFIXES = {".css", ".docx", ".zip", ".json", ".tsv", ".rng"}


def test_every_file_the_package_ships_is_code_or_data_an_outputs_key_counts() -> None:
    """A new kind of file (as the Lua script pandoc runs was) must be hashed as code or named as data here:
    otherwise changing it would leave every output built by the old one standing."""
    shipped = {p.suffix for p in Path(task.__file__).parent.rglob("*.*") if "__pycache__" not in p.parts}
    assert shipped <= {*task.CODE_SUFFIXES, *DATA_SUFFIXES}, shipped - {*task.CODE_SUFFIXES, *DATA_SUFFIXES}
    assert not set(task.CODE_SUFFIXES) & DATA_SUFFIXES
