"""One document never takes the batch down: a fault inside a worker (an exception in a renderer,
os._exit, SIGKILL) or a document over the time bound fails that document alone, on one line.

The faults are injected into the real `pipeline build` run as a subprocess: a sitecustomize module
on PYTHONPATH (imported by every Python process started, the spawned workers too) wraps the
build's per-document function so that seeds whose name ends in a fault's word (_raise, _exit,
_kill, _hang) meet that fault, and a `_held` seed waits until the test lets it go. The cluster's tests
inject the same faults into Dask workers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline import workers
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow  # builds in subprocesses: `make check` leaves it out

SEED = SEEDS / "000_240bc3948afeefef.txt"

FAULTS = textwrap.dedent('''
    import os, signal, time
    import pipeline.task as task

    real_make, real_renderer = task.make, task.renderer

    class Broken:
        def __init__(self, real):
            self.real = real

        def __getattr__(self, name):
            return getattr(self.real, name)

        def render(self, *args, **kwargs):
            raise RuntimeError("injected fault")

    def make(todo, config, **options):
        name = todo.seed.stem
        if name.endswith("_exit"):
            os._exit(3)
        if name.endswith("_kill"):
            os.kill(os.getpid(), signal.SIGKILL)
        if name.endswith("_hang"):
            time.sleep(3600)
        while name.endswith("_held") and os.path.exists(os.environ["PIPELINE_FAULT_HOLD"]):
            time.sleep(0.05)  # held until the test removes the hold file, so the build is surely under way
        task.renderer = (lambda fmt: Broken(real_renderer(fmt))) if name.endswith("_raise") else real_renderer
        return real_make(todo, config, **options)

    make.__module__, make.__qualname__ = "pipeline.task", "make"
    task.make = make
''')


def fault_environment(hooks: Path) -> dict[str, str]:
    """This process's environment with the fault-injecting sitecustomize (written to `hooks`) on PYTHONPATH; a
    `_held` seed waits while the file `hooks/hold` is there."""
    hooks.mkdir(parents=True, exist_ok=True)
    (hooks / "sitecustomize.py").write_text(FAULTS, "utf-8")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), os.environ.get("PYTHONPATH", "")]),
            "PIPELINE_FAULT_HOLD": str(hooks / "hold")}


def _build(tmp_path: Path, names: list[str], *options: str) -> subprocess.CompletedProcess[str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        (seeds / f"{name}.txt").write_bytes(SEED.read_bytes())
    env = fault_environment(tmp_path / "hooks")
    return subprocess.run([sys.executable, "-m", "pipeline", "build", "--formats", "xml", "--variants", "zh-Hans",
                           "--out", str(tmp_path / "dist"), *options, str(seeds)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


def test_a_crash_an_exit_and_a_kill_each_fail_one_document_and_the_batch_goes_on(tmp_path: Path) -> None:
    names = ["a_good", "b_raise", "c_exit", "d_kill", "e_good", "f_good"]
    process = _build(tmp_path, names, "--jobs", "2")
    assert process.returncode == 1
    errors = process.stderr.strip().splitlines()
    assert "Traceback" not in process.stderr + process.stdout
    assert sorted(errors) == sorted([
        f"pipeline: {tmp_path}/seeds/b_raise.txt: render xml: internal error: RuntimeError: injected fault",
        f"pipeline: {tmp_path}/seeds/c_exit.txt: its worker process died (exit status 3)",
        f"pipeline: {tmp_path}/seeds/d_kill.txt: its worker process died (killed by SIGKILL)",
    ])
    dist = tmp_path / "dist"
    manifest = json.loads((dist / "manifest.json").read_text("utf-8"))
    assert sorted(d["document"] for d in manifest["documents"]) == ["a_good", "e_good", "f_good"]
    for name in ("a_good", "e_good", "f_good"):
        assert (dist / name / f"{name}.zh-Hans.xml").is_file()
    for name in ("b_raise", "c_exit", "d_kill"):
        assert not (dist / name / f"{name}.zh-Hans.xml").exists()
    assert not list(dist.rglob("*.tmp"))
    log = (dist / "failures.log").read_text("utf-8")
    assert "b_raise.txt: render xml: internal error" in log and 'raise RuntimeError("injected fault")' in log
    assert f"{dist}/failures.log" in process.stdout
    # The next build has nothing to log: the log goes with the faults.
    for name in ("b_raise", "c_exit", "d_kill"):
        (tmp_path / "seeds" / f"{name}.txt").unlink()
    again = _build_again(tmp_path)
    assert again.returncode == 0, again.stderr
    assert not (dist / "failures.log").exists()


def _build_again(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", "build", "--formats", "xml", "--variants", "zh-Hans",
                           "--out", str(tmp_path / "dist"), str(tmp_path / "seeds")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)


def test_a_document_over_the_time_bound_fails_and_the_others_are_built(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a_good.txt").write_bytes(SEED.read_bytes())
    # One paragraph of 150,000 characters: WeasyPrint lays it out for minutes.
    text = "".join(f"第{n}项，各地区各部门要认真落实各项工作任务，确保取得实效。" for n in range(5000))
    (seeds / "b_long.txt").write_text("关于做好工作的通知\n发布时间：2024-01-02\n" + text + "\n", "utf-8")
    process = subprocess.run([sys.executable, "-m", "pipeline", "build", "--formats", "pdf", "--variants", "zh-Hans",
                              "--jobs", "1", "--timeout", "5", "--out", str(tmp_path / "dist"), str(seeds)],
                             cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert process.returncode == 1
    assert process.stderr.strip() == f"pipeline: {seeds}/b_long.txt: took longer than 5 s"
    assert (tmp_path / "dist" / "a_good" / "a_good.zh-Hans.pdf").is_file()
    assert not list((tmp_path / "dist").rglob("*.tmp"))


def _square(n: int) -> int:
    return n * n


def _die(n: int) -> int:
    if n == 2:
        os._exit(1)
    return n


def test_the_supervisor_replaces_a_dead_worker_and_recycles_workers() -> None:
    squares = [o for o in workers.run(range(7), _square, workers=2, recycle_after=2) if isinstance(o, int)]
    assert sorted(squares) == [0, 1, 4, 9, 16, 25, 36]
    outcomes = list(workers.run(range(5), _die, workers=2))
    lost = [o for o in outcomes if isinstance(o, workers.Lost)]
    assert [(o.task, o.reason) for o in lost] == [(2, "its worker process died (exit status 1)")]
    assert sorted(o for o in outcomes if isinstance(o, int)) == [0, 1, 3, 4]
