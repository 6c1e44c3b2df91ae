"""The one configuration: defaults declared once, `[tool.pipeline]` in pyproject.toml, then the command line."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError

FORMATS = ("xml", "html", "epub", "pdf", "docx")
VARIANTS = ("zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK")
PAPERS = ("A4", "A5")
MAX_INPUT_BYTES = 5_000_000  # a scraped article page is rarely over 1 MB


BUILD, CONVERT, CLEAN = "build", "convert", "clean"


@dataclass(frozen=True)
class Config:
    """Every setting of a build; each field's metadata says what it is for (`help`) and which commands take
    it as an option (`commands`: the command line is made from these, `cli.config_options`)."""

    seeds: Path = field(default=Path("seeds"), metadata={"help": "folder of raw pages to build"})
    out: Path = field(default=Path("dist"), metadata={"help": "folder the outputs are written to",
                                                      "commands": (BUILD,)})
    formats: tuple[str, ...] = field(default=FORMATS, metadata={
        "help": "outputs, comma-separated: xml, html, epub, pdf, docx", "commands": (BUILD,)})
    variants: tuple[str, ...] = field(default=("zh-Hans",), metadata={
        "help": "BCP 47 tags of the variants, comma-separated (zh-Hans,zh-Hant-TW)", "commands": (BUILD, CONVERT)})
    phrases: bool = field(default=False, metadata={"help": "use OpenCC's regional vocabulary (s2twp, s2hkp)",
                                                   "commands": (BUILD, CONVERT)})
    paper: str = field(default="A4", metadata={"help": "PDF and DOCX paper size", "choices": PAPERS,
                                               "commands": (BUILD, CONVERT)})
    vertical: bool = field(default=False, metadata={
        "help": "set the EPUB and DOCX vertically, right to left (the PDF stays horizontal)",
        "commands": (BUILD, CONVERT)})
    jobs: int = field(default=0, metadata={"help": "worker processes; 0 means one per core", "commands": (BUILD,)})
    strict: bool = field(default=False, metadata={"help": "warnings fail the document, every one named",
                                                  "commands": (BUILD, CONVERT)})
    max_input_bytes: int = field(default=MAX_INPUT_BYTES, metadata={"help": "largest raw page accepted"})
    max_worker_memory: int = field(default=2_000_000_000, metadata={
        "help": "bytes a worker process may hold; a document that needs more fails alone (0: no limit)"})
    model: str = field(default="", metadata={"help": "line-tagger model file (empty: the packaged model)",
                                             "commands": (BUILD, CONVERT, CLEAN)})
    timeout: float = field(default=300.0, metadata={"help": "seconds one document may take; 0: no limit",
                                                    "commands": (BUILD, CONVERT, CLEAN)})
    scheduler: str = field(default="", metadata={
        "help": "Dask scheduler to build on (tcp://host:8786; needs the dask extra); empty: worker processes here",
        "commands": (BUILD,)})
    dictionary: str = field(default="", metadata={
        "help": "a phrase dictionary of your own (Simplified<TAB>Traditional<TAB>tw,hk<TAB>why), layered over the "
                "project's and OpenCC's", "commands": (BUILD, CONVERT)})
    stylesheets: str = field(default="stylesheets", metadata={
        "help": "folder of house stylesheets applied after the package's: print.css, epub.css, reference-SC.docx …"})

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown:
            raise ConfigError(f"unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
        unknown = [v for v in self.variants if v not in VARIANTS]
        if unknown:
            raise ConfigError(f"unknown variant {', '.join(unknown)} (choose from {', '.join(VARIANTS)})")
        if self.paper not in PAPERS:
            raise ConfigError(f"unknown paper size {self.paper} (choose from {', '.join(PAPERS)})")
        if not self.formats:
            raise ConfigError(f"formats: at least one (choose from {', '.join(FORMATS)})")
        if not self.variants:
            raise ConfigError(f"variants: at least one (choose from {', '.join(VARIANTS)})")
        if self.jobs < 0:
            raise ConfigError("jobs must be 0 (one per core) or more")
        if not (math.isfinite(self.timeout) and self.timeout >= 0):
            raise ConfigError(f"timeout must be 0 (no limit) or a number of seconds, not {self.timeout}")
        if self.max_worker_memory < 0:
            raise ConfigError(f"max_worker_memory must be 0 (no limit) or bytes, not {self.max_worker_memory}")
        if self.max_input_bytes <= 0:
            raise ConfigError(f"max_input_bytes must be a number of bytes over 0, not {self.max_input_bytes}")

    @property
    def dictionary_path(self) -> Path | None:
        """The user's phrase dictionary, or None."""
        return Path(self.dictionary) if self.dictionary else None

    @property
    def model_path(self) -> Path | None:
        """The line-tagger model to use, or None for the packaged one."""
        return Path(self.model) if self.model else None

    def house_stylesheet(self, name: str) -> Path | None:
        """The house stylesheet of that name in the `stylesheets` folder, if there is one."""
        path = Path(self.stylesheets) / name
        return path if path.is_file() else None

    @property
    def workers(self) -> int:
        """How many worker processes a build uses."""
        return self.jobs or os.cpu_count() or 1

    def with_options(self, **options: Any) -> Config:
        """A copy with the options given (None means: keep the configured value)."""
        return _coerce(self, {k: v for k, v in options.items() if v is not None})


def load(pyproject: Path | None = None) -> Config:
    """The defaults, overridden by `[tool.pipeline]` of pyproject.toml where there is one."""
    path = pyproject or Path("pyproject.toml")
    if not path.is_file():
        return Config()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    tool = data.get("tool", {})
    table = tool.get("pipeline", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.pipeline] must be a table of settings")
    base = path.parent
    config = _coerce(Config(), table, where=f"{path} [tool.pipeline]")
    model = str(base / config.model) if config.model else ""
    return replace(config, seeds=base / config.seeds, out=base / config.out, model=model,
                   stylesheets=str(base / config.stylesheets))


def _coerce(config: Config, values: dict[str, Any], where: str = "option") -> Config:
    known = {f.name: f for f in fields(Config)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(known))})")
        default = getattr(Config(), name)
        try:
            if isinstance(default, tuple):
                items = value.split(",") if isinstance(value, str) else list(value)
                changes[name] = tuple(str(item).strip() for item in items if str(item).strip())
            elif isinstance(default, bool):
                if not isinstance(value, bool):
                    raise TypeError
                changes[name] = value
            elif isinstance(default, int):
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise TypeError
                changes[name] = int(value)
            elif isinstance(default, float):
                if isinstance(value, bool):
                    raise TypeError
                changes[name] = float(value)
            elif isinstance(default, Path):
                changes[name] = Path(value)
            else:
                changes[name] = str(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: {key} = {value!r} is not a {type(default).__name__}") from exc
    return replace(config, **changes)
