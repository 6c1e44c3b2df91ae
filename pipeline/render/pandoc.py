"""Running the pandoc that pypandoc-binary ships: sandboxed, reproducible, metadata passed explicitly."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from pipeline.docbook import DB, Info, serialize
from pipeline.errors import RenderError, RequirementError

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^$@&:\"'%=])")


@cache
def pandoc_path() -> str:
    """The pandoc binary bundled with pypandoc-binary."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        raise RequirementError("pandoc not found: install pypandoc-binary") from exc


@cache
def pandoc_version() -> str:
    """pandoc's version, e.g. 3.9."""
    out = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True, check=True).stdout
    return out.split()[1] if out else "unknown"


def plain(text: str) -> str:
    """Metadata text escaped so that pandoc's Markdown reading of metadata leaves it as it is."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def metadata(info: Info, **extra: Any) -> dict[str, Any]:
    """The document metadata for pandoc, every value escaped as plain text."""
    data: dict[str, Any] = {"title": plain(info.title), "lang": info.lang}
    if info.subtitle:
        data["subtitle"] = plain(info.subtitle)
    if info.authors:
        data["author"] = [plain(a) for a in info.authors]  # dc:creator, role aut, in an EPUB
    if info.editors:
        data["contributor"] = [{"role": "edt", "text": plain(e)} for e in info.editors]
    if info.date:
        data["date"] = info.date
    if info.publisher:
        data["publisher"] = plain(info.publisher)
    if info.source:
        data["source"] = plain(info.source)
    if info.abstract:
        data["description"] = plain(info.abstract)
    if info.subjects:
        data["subject"] = [plain(s) for s in info.subjects]
        data["keywords"] = [plain(s) for s in info.subjects]
    data.update(extra)
    return data


def without_info(tree: etree._Element) -> etree._Element:
    """The tree without its info block: pandoc gets the metadata from the metadata file only."""
    body = copy.deepcopy(tree)
    for info in body.findall(DB + "info"):
        body.remove(info)
    return body


def run(tree: etree._Element, to: str, output: Path, workdir: Path, args: list[str], meta: dict[str, Any]) -> None:
    """Convert the DocBook tree with pandoc into `output` (inside workdir), in the sandbox."""
    source = workdir / "input.xml"
    source.write_bytes(serialize(without_info(tree)))
    meta_file = workdir / "metadata.json"
    meta_file.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    command = [
        pandoc_path(), "--sandbox", "--from", "docbook", "--to", to, "--metadata-file", str(meta_file),
        "--output", str(output), *args, str(source),
    ]
    # The sandbox ignores SOURCE_DATE_EPOCH: the renderers set the dates in the package themselves.
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not output.exists():
        message = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise RenderError(f"pandoc failed: {message}")
