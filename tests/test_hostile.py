"""Hostile and unlucky inputs: dist/ never loses a good file, writes stay inside it, and bad names,
bad folders and damaged outputs each get one line without taking the batch down."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import zipfile
from pathlib import Path

import pytest

from pipeline import build
from pipeline.cli import main
from pipeline.config import Config
from pipeline.errors import InputError
from tests.conftest import CORPUS

PAGES = sorted(p for p in CORPUS.glob("*.txt") if ".gbk." not in p.name)


def seeds_folder(folder: Path, names: list[str]) -> list[Path]:
    """Corpus pages copied into a seeds folder under the names given."""
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(page, folder / name)) for page, name in zip(PAGES, names, strict=False)]


def config_for(tmp_path: Path) -> Config:
    return Config(seeds=tmp_path / "seeds", out=tmp_path / "dist", formats=("xml",), variants=("zh-Hans",), jobs=1)


def manifest_ids(out: Path) -> list[str]:
    return [d["document"] for d in json.loads((out / "manifest.json").read_text("utf-8"))["documents"]]


@pytest.mark.slow
def test_a_document_that_fails_keeps_what_an_earlier_build_made_of_it(tmp_path: Path) -> None:
    seeds = seeds_folder(tmp_path / "seeds", ["a.txt", "b.txt"])
    config = config_for(tmp_path)
    assert not build.run(config).failed
    good = (tmp_path / "dist" / "a" / "a.zh-Hans.xml").read_bytes()
    seeds[0].write_bytes(b"")  # the seed goes bad: the rebuild fails
    summary = build.run(config)
    assert [r.id for r in summary.failed] == ["a"] and summary.removed == []
    assert (tmp_path / "dist" / "a" / "a.zh-Hans.xml").read_bytes() == good
    assert manifest_ids(tmp_path / "dist") == ["a", "b"]
    documents = json.loads((tmp_path / "dist" / "manifest.json").read_text("utf-8"))["documents"]
    assert "file is empty" in documents[0]["failed"] and documents[1]["failed"] is None
    assert "来自较早的一次构建" in (tmp_path / "dist" / "index.html").read_text("utf-8")
    shutil.copy(PAGES[0], seeds[0])  # mended: the next build of it succeeds and the note goes
    assert not build.run(config).failed
    assert json.loads((tmp_path / "dist" / "manifest.json").read_text("utf-8"))["documents"][0]["failed"] is None


@pytest.mark.slow
def test_a_build_of_named_seeds_touches_only_them(tmp_path: Path) -> None:
    seeds = seeds_folder(tmp_path / "seeds", ["a.txt", "b.txt"])
    config = config_for(tmp_path)
    build.run(config)
    summary = build.run(config, [seeds[0]], force=True)
    assert [r.id for r in summary.results] == ["a"] and summary.removed == []
    assert (tmp_path / "dist" / "b" / "b.zh-Hans.xml").exists()


def test_an_empty_seeds_folder_is_an_error_that_removes_nothing(tmp_path: Path) -> None:
    seeds = seeds_folder(tmp_path / "seeds", ["a.txt"])
    config = config_for(tmp_path)
    build.run(config)
    seeds[0].unlink()
    with pytest.raises(InputError, match=r"no \.txt or \.html seeds"):
        build.run(config)
    assert (tmp_path / "dist" / "a" / "a.zh-Hans.xml").exists()


@pytest.mark.parametrize(
    ("name", "reason"),
    [("...txt", "start with a dot"), ("..txt", "start with a dot"), (".hidden.txt", "start with a dot"),
     ("line\nbreak.txt", "control character"), ("bell\x07.txt", "control character"),
     ("manifest.json.txt", "the name of a file the build writes"), ("index.html.txt", "the name of a file")],
)
def test_a_seed_whose_name_would_escape_or_clash_fails_alone(tmp_path: Path, name: str, reason: str) -> None:
    seeds_folder(tmp_path / "seeds", ["good.txt", name])
    summary = build.run(config_for(tmp_path))
    assert [r.id for r in summary.results if not r.error] == ["good"]
    (failed,) = summary.failed
    assert reason in str(failed.error) and "\n" not in str(failed.error) and "\x07" not in str(failed.error)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "seeds"]  # nothing beside the output folder
    assert sorted(p.name for p in (tmp_path / "dist").iterdir() if p.is_dir()) == ["good"]


def test_seeds_sharing_an_output_name_fail_and_the_others_build(tmp_path: Path) -> None:
    seeds_folder(tmp_path / "seeds", ["a.txt", "a.gbk.txt", "c.txt"])
    summary = build.run(config_for(tmp_path))
    assert sorted(r.seed.name for r in summary.failed) == ["a.gbk.txt", "a.txt"]
    assert all("another seed has the output name a" in str(r.error) for r in summary.failed)
    assert [r.id for r in summary.results if not r.error] == ["c"]


def test_cleanup_removes_only_the_pipelines_temporary_files(tmp_path: Path) -> None:
    seeds_folder(tmp_path / "seeds", ["a.txt"])
    config = config_for(tmp_path)
    build.run(config)
    dist = tmp_path / "dist"
    (dist / "sub").mkdir()
    theirs = [dist / "sub" / ".draft.tmp", dist / ".notes.tmp", dist / "a" / ".mine.tmp"]
    for path in theirs:
        path.write_text("someone else's")
    ours = [dist / ".manifest.json.x1.pipeline.tmp", dist / "a" / ".a.zh-Hans.xml.y2.pipeline.tmp"]
    for path in [*ours, dist / build.UNFINISHED]:  # as a build killed while it wrote leaves them
        path.write_text("half")
    build.run(config)
    assert all(p.exists() for p in theirs)
    assert not any(p.exists() for p in ours) and not (dist / build.UNFINISHED).exists()


@pytest.mark.slow
def test_a_damaged_output_is_rebuilt_and_the_sums_check(tmp_path: Path) -> None:
    seeds_folder(tmp_path / "seeds", ["a.txt"])
    config = config_for(tmp_path)
    build.run(config)
    output = tmp_path / "dist" / "a" / "a.zh-Hans.xml"
    good = output.read_bytes()
    output.write_bytes(good[: len(good) // 2])  # truncated
    summary = build.run(config)
    assert summary.results[0].built == ["a.zh-Hans.xml"] and output.read_bytes() == good
    flipped = bytearray(good)
    flipped[len(flipped) // 2] ^= 1  # same size, one bit changed
    output.write_bytes(bytes(flipped))
    assert build.run(config).results[0].built == ["a.zh-Hans.xml"]
    checked = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=tmp_path / "dist", check=False)
    assert checked.returncode == 0


@pytest.mark.slow
def test_a_disk_that_fills_fails_the_document_and_dist_keeps_what_it_had(tmp_path: Path) -> None:
    """A full disk, as the file-size limit gives it (EFBIG where ENOSPC would come): a document being rebuilt
    fails with one line, and every file an earlier build made stays as it was."""
    import resource
    import sys

    seeds = seeds_folder(tmp_path / "seeds", ["a.txt"])
    out = tmp_path / "dist"
    config = Config(seeds=tmp_path / "seeds", out=out, formats=("xml", "pdf"), variants=("zh-Hans",), jobs=1)
    assert not build.run(config).failed
    before = {p: p.read_bytes() for p in out.glob("*/*.*") if p.suffix in (".xml", ".pdf", ".webp")}
    assert len(before) == 3
    seeds[0].write_text(seeds[0].read_text("utf-8") + "\n新的一段。\n", "utf-8")  # changed: it is rebuilt

    def full_disk() -> None:
        limit = 64_000  # the XML and the pages fit, a PDF does not
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    command = [sys.executable, "-m", "pipeline", "build", "--jobs", "1", "--formats", "xml,pdf", "--out", str(out),
               str(tmp_path / "seeds")]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False,
                            preexec_fn=full_disk)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("pipeline: ")]
    assert len(lines) == 1 and "File too large" in lines[0], result.stderr
    assert {p: p.read_bytes() for p in before} == before, "every good file stays"
    assert not [p for p in out.rglob("*") if p.name.endswith(".pipeline.tmp")]
    checked = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=out, check=False)
    assert checked.returncode == 0
    documents = json.loads((out / "manifest.json").read_text("utf-8"))["documents"]
    assert documents[0]["failed"] is not None, "listed, as from an earlier build"
    assert not build.run(config).failed  # space again: it builds
    assert json.loads((out / "manifest.json").read_text("utf-8"))["documents"][0]["failed"] is None


def test_a_failed_document_leaves_no_partial_outputs(tmp_path: Path) -> None:
    seeds_folder(tmp_path / "seeds", ["a.txt"])
    (tmp_path / "seeds" / "bad.txt").write_bytes(b"\xff\xfe\x00\x00" * 10)
    summary = build.run(config_for(tmp_path))
    assert [r.seed.name for r in summary.failed] == ["bad.txt"]
    assert not (tmp_path / "dist" / "bad").exists()


def test_links_on_the_page_are_url_encoded(tmp_path: Path) -> None:
    seeds_folder(tmp_path / "seeds", ["a#b?c%d.txt"])
    assert not build.run(config_for(tmp_path)).failed
    page = (tmp_path / "dist" / "index.html").read_text("utf-8")
    assert 'href="a%23b%3Fc%25d/a%23b%3Fc%25d.zh-Hans.xml"' in page


def test_the_command_line_refuses_an_empty_seeds_folder_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    code = main(["build", str(tmp_path / "seeds"), "--out", str(tmp_path / "dist"), "--formats", "xml"])
    err = capsys.readouterr().err
    assert code != 0 and "no .txt or .html seeds" in err and err.count("\n") == 1 and "Traceback" not in err


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every regular expression the cleaning and the ingest compile at module level."""
    from pipeline import ingest
    from pipeline.clean import classify, patterns, punctuation
    from pipeline.clean.read import credits, values
    from pipeline.clean.stages import metadata, page, structure
    from pipeline.clean.tagger import features, titles

    modules = (patterns, classify, credits, values, features, metadata, page, punctuation, structure, titles, ingest)
    return [(f"{m.__name__}.{name}", value) for m in modules for name, value in vars(m).items()
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str)]


RUNS = {"spaces": " " * 100_000, "punctuation": "，" * 100_000, "digits": "1" * 100_000,
        "brackets": "（" * 100_000, "han": "新" * 100_000, "colons": "：" * 100_000}


@pytest.mark.parametrize("run", RUNS)
def test_every_pattern_is_linear_on_long_runs(run: str) -> None:
    """A pattern that backtracks quadratically takes minutes on these runs: the alarm is a hang guard,
    far above the milliseconds a linear pattern takes, not a speed measure."""
    text = RUNS[run]

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, hung)
    try:
        for name, pattern in _patterns():
            signal.alarm(20)
            try:
                pattern.search(text)
                pattern.match(text)
                for _ in pattern.finditer(text):
                    pass
            except TimeoutError:
                pytest.fail(f"{name} does not finish on 100,000 {run}")
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    ("table", "key"),
    [("timeout = nan", "timeout"), ("timeout = inf", "timeout"), ("timeout = -1", "timeout"),
     ("max_input_bytes = -1", "max_input_bytes"), ("max_input_bytes = 0", "max_input_bytes"),
     ("variants = []", "variants"), ("formats = []", "formats"), ("jobs = true", "jobs"), ("jobs = 1.5", "jobs"),
     ("jobs = -2", "jobs"), ('paper = "A3"', "paper")],
)
def test_config_values_are_checked_and_refused_naming_the_key(tmp_path: Path, table: str, key: str) -> None:
    from pipeline.config import load
    from pipeline.errors import ConfigError

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f"[tool.pipeline]\n{table}\n", "utf-8")
    with pytest.raises(ConfigError) as raised:
        load(pyproject)
    assert key.split("_")[0] in str(raised.value) and "\n" not in str(raised.value)


def test_a_malformed_tool_table_is_refused(tmp_path: Path) -> None:
    from pipeline.config import load
    from pipeline.errors import ConfigError

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool]\npipeline = "fast"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"\[tool.pipeline\] must be a table"):
        load(pyproject)


def _own_model(tmp_path: Path) -> Path:
    """A copy of the packaged model with its sidecar."""
    from pipeline.clean import tagger

    model = tmp_path / "m.zip"
    shutil.copy(tagger.DEFAULT_MODEL, model)
    shutil.copy(tagger.DEFAULT_MODEL.with_suffix(".json"), model.with_suffix(".json"))
    return model


@pytest.mark.parametrize("damage", ["truncated", "flipped", "no sidecar", "other features", "zip bomb", "fifo"])
def test_a_damaged_or_foreign_model_is_one_line_never_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    model = _own_model(tmp_path)
    data = bytearray(model.read_bytes())
    if damage == "truncated":
        model.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "flipped":
        data[len(data) // 3] ^= 0x10
        model.write_bytes(bytes(data))
    elif damage == "no sidecar":
        model.with_suffix(".json").unlink()
    elif damage == "zip bomb":  # 65 MB of zeros in 64 kB, with a sidecar that vouches for it
        with zipfile.ZipFile(model, "w", zipfile.ZIP_DEFLATED) as bomb:
            bomb.writestr("titles.crf", bytes(65_000_000))
        meta = json.loads(model.with_suffix(".json").read_text("utf-8"))
        meta["model_sha256"] = hashlib.sha256(model.read_bytes()).hexdigest()
        model.with_suffix(".json").write_text(json.dumps(meta), "utf-8")
    elif damage == "fifo":
        model.unlink()
        os.mkfifo(model)
    else:
        meta = json.loads(model.with_suffix(".json").read_text("utf-8"))
        model.with_suffix(".json").write_text(json.dumps({**meta, "feature_set": -1}), "utf-8")
    code = main(["clean", str(PAGES[0]), "--model", str(model)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "not a line-tagger model" in err or "retrain" in err


def test_special_files_are_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert main(["clean", str(fifo)]) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert main(["clean", "/dev/zero"]) == 1
    assert "not a regular file" in capsys.readouterr().err
    model = tmp_path / "model.zip"
    os.mkfifo(model)
    assert main(["clean", str(PAGES[0]), "--model", str(model)]) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_a_sidecar_that_is_not_a_file_fails_its_seed_by_name_and_the_others_build(tmp_path: Path) -> None:
    seeds = seeds_folder(tmp_path / "seeds", ["a.txt", "b.txt", "c.txt", "d.txt"])
    (tmp_path / "seeds" / "a.lines.json").mkdir()
    os.mkfifo(tmp_path / "seeds" / "b.lines.json")  # never opened: a pipe would hang the build
    (tmp_path / "seeds" / "c.lines.json").symlink_to(tmp_path / "nowhere")
    summary = build.run(config_for(tmp_path))
    reasons = {r.seed.name: str(r.error) for r in summary.failed}
    assert set(reasons) == {"a.txt", "b.txt", "c.txt"} and seeds[3].name == "d.txt"
    assert all(f"{name[0]}.lines.json" in reason and "line classes" in reason for name, reason in reasons.items())
    assert "folder" in reasons["a.txt"] and "not a regular file" in reasons["b.txt"] and "link" in reasons["c.txt"]
    assert (tmp_path / "dist" / "d" / "d.zh-Hans.xml").exists()


def test_special_seeds_each_fail_by_name_and_the_others_build(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds_folder(seeds, ["good.txt"])
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "folder.txt").mkdir()
    (seeds / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    summary = build.run(config_for(tmp_path))
    assert [r.id for r in summary.results if not r.error] == ["good"]
    reasons = {r.seed.name: str(r.error) for r in summary.failed}
    assert set(reasons) == {"pipe.txt", "folder.txt", "dangling.txt", "loop.txt"}
    assert "not a regular file" in reasons["pipe.txt"] and "a folder" in reasons["folder.txt"]
    assert "link" in reasons["dangling.txt"] and "link" in reasons["loop.txt"]


@pytest.mark.slow
def test_sigterm_stops_the_build_as_ctrl_c_does(tmp_path: Path) -> None:
    import sys
    import time

    seeds = tmp_path / "seeds"
    seeds_folder(seeds, [p.name for p in PAGES[:6]])
    out = tmp_path / "dist"
    (tmp_path / "tmp").mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", "--jobs", "2", "--formats", "xml,pdf", "--out", str(out),
         str(seeds)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob("*/*.pdf")):
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143 and b"terminated" in err and b"Traceback" not in err
    time.sleep(1)  # nothing may be written after the command has ended
    after = sorted(str(p) for p in out.rglob("*"))
    time.sleep(1)
    assert sorted(str(p) for p in out.rglob("*")) == after
    assert not [p for p in out.rglob("*") if p.name.endswith(".pipeline.tmp")]
    assert not list((tmp_path / "tmp").glob("pipeline-*")), "the workers' temporary folders are removed"
    left = subprocess.run(["ps", "-o", "pid=", "-s", str(process.pid)], capture_output=True, text=True, check=False)
    assert not left.stdout.split(), "no worker of the build, nor a child of one, is left"
    assert not build.run(config_for(tmp_path)).failed  # the lock is free and the next build goes on


def _hungry(size: int) -> int:
    """A task that holds `size` bytes (for the memory bound)."""
    held = bytearray(size)
    import time

    time.sleep(2)
    return len(held)


def _slow_warm_up() -> None:
    import time

    time.sleep(2)


@pytest.mark.slow
def test_a_worker_over_its_memory_bound_loses_its_task_alone() -> None:
    from pipeline import workers

    outcomes = list(workers.run([10_000_000, 800_000_000, 10_000_000], _hungry, workers=1, memory=400_000_000))
    assert outcomes[0] == 10_000_000 and outcomes[2] == 10_000_000
    assert isinstance(outcomes[1], workers.Lost) and "over the 0.4 GB limit" in outcomes[1].reason


@pytest.mark.slow
def test_the_time_bound_starts_after_the_worker_has_warmed_up() -> None:
    from pipeline import workers

    outcomes = list(workers.run([1, 2], abs, workers=1, timeout=1.0, warm=_slow_warm_up))
    assert outcomes == [1, 2]  # the two-second warm-up is not the tasks' time


@pytest.mark.slow
def test_an_output_path_that_is_a_file_and_a_damaged_record_are_one_line_or_rebuilt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds_folder(tmp_path / "seeds", ["a.txt"])
    (tmp_path / "file").write_text("not a folder")
    assert main(["build", str(tmp_path / "seeds"), "--out", str(tmp_path / "file"), "--formats", "xml"]) == 1
    err = capsys.readouterr().err
    assert "the output folder is a file" in err and err.count("\n") == 1
    config = config_for(tmp_path)
    build.run(config)
    (tmp_path / "dist" / "a" / ".inputs.json").write_text("[1, 2]", "utf-8")  # a list, not a record
    assert build.run(config).results[0].built == ["a.zh-Hans.xml"]


def test_training_on_a_malformed_annotation_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(PAGES[0], corpus / "01_site_page.txt")
    (corpus / "01_site_page.expected.json").write_text("[1, 2]", "utf-8")
    assert main(["train", str(corpus), "-o", str(tmp_path / "m.zip")]) == 1
    err = capsys.readouterr().err
    assert "cannot read its annotation" in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.slow
def test_clean_and_convert_honour_the_time_bound(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "".join(f"第{n}项，各地区各部门要认真落实各项工作任务，确保取得实效。" for n in range(3000))
    page = tmp_path / "long.txt"
    page.write_text("关于做好工作的通知\n发布时间：2024-01-02\n" + text + "\n", "utf-8")
    assert main(["convert", str(page), "--to", "pdf", "-o", str(tmp_path / "out"), "--timeout", "0.5"]) == 1
    err = capsys.readouterr().err
    assert err.strip().endswith("took longer than 0.5 s") and err.count("\n") == 1
    assert not list((tmp_path / "out").rglob("*.pdf"))
    # clean runs in its own process: the bound interrupts it there (here it could cut an import in two)
    import sys

    cleaned = subprocess.run([sys.executable, "-m", "pipeline", "clean", str(page), "--timeout", "0.001"],
                             capture_output=True, text=True, check=False)
    assert cleaned.returncode == 1 and cleaned.stderr.strip().endswith("time limit: took longer than 0.001 s")


def test_a_page_of_too_many_lines_is_refused_before_it_is_cleaned(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "lines.txt"
    page.write_text("短行\n" * 60_000, "utf-8")
    assert main(["clean", str(page)]) == 1
    assert "over the limit of 50,000" in capsys.readouterr().err


def test_a_task_that_allocates_past_the_bound_at_once_is_lost_alone() -> None:
    from pipeline import workers

    # Between two looks at the worker's memory: the allocation itself fails (RLIMIT_DATA).
    outcomes = list(workers.run([10_000_000, 4_000_000_000, 10_000_000], bytearray, workers=1, memory=400_000_000))
    assert [type(o) for o in outcomes] == [bytearray, workers.Lost, bytearray]
    assert [len(o) for o in outcomes if isinstance(o, bytearray)] == [10_000_000, 10_000_000]
    assert isinstance(outcomes[1], workers.Lost)
    assert outcomes[1].reason == "its worker needed more memory, over the 0.4 GB limit (max_worker_memory)"
