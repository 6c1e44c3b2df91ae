"""Running the pandoc that pypandoc-binary ships: one session per process, its reading sandboxed, reproducible,
metadata passed explicitly."""

from __future__ import annotations

import atexit
import contextlib
import copy
import json
import re
import subprocess
import threading
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


def convert(tree: etree._Element, to: str, options: dict[str, Any], meta: dict[str, Any]) -> bytes:
    """The DocBook tree converted by pandoc into `to` (epub3, docx) with these writer options (pandoc's Lua
    names: table_of_contents, toc_depth, split_level, reference_doc), by this process's pandoc session."""
    request = {"text": serialize(without_info(tree)).decode("utf-8"), "to": to, "options": options,
               "metadata": json.dumps(meta, ensure_ascii=False)}
    return SESSION.convert(request)


class Session:
    """One `pandoc lua convert.lua` process for this Python process, converting document after document: a
    pandoc started per file spends 30–60 ms starting and reading its templates and reference document.
    It starts at the first request, is started again after it stops, and ends with its input (when this
    process ends: a worker's process group takes it along when the worker is stopped)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()  # one request at a time (a Dask worker may run threads)

    def convert(self, request: dict[str, Any]) -> bytes:
        with self.lock:
            process = self._started()
            assert process.stdin and process.stdout
            try:
                process.stdin.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
                process.stdin.flush()
                status, _, rest = process.stdout.readline().decode("utf-8", "replace").rstrip("\n").partition(" ")
                if status == "ok":
                    data = process.stdout.read(int(rest))
                    if len(data) == int(rest):
                        return data
            except (OSError, ValueError):
                status = ""
            if status == "error":
                raise RenderError(f"pandoc failed: {rest}")
            self.stop()
            raise RenderError(f"pandoc failed: it stopped (exit status {process.poll()})")

    def _started(self) -> subprocess.Popen[bytes]:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [pandoc_path(), "lua", str(Path(__file__).with_name("convert.lua"))],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return self.process

    def stop(self) -> None:
        """End the session's process at once (the next request starts another)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def close(self) -> None:
        """End the session's process with its input, and wait for it (its CPU time is then counted as this
        process's children's); killed if it does not end within CLOSE_SECONDS."""
        if self.process is not None and self.process.stdin:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
            try:
                self.process.wait(CLOSE_SECONDS)
            except subprocess.TimeoutExpired:
                self.stop()
            self.process = None


CLOSE_SECONDS = 5.0
SESSION = Session()
atexit.register(SESSION.close)  # a spawned worker exits through the interpreter's exit, which runs this
