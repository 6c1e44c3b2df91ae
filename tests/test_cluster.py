"""`pipeline build --scheduler` on a real Dask cluster: a scheduler and two nanny-supervised workers
started as `dask scheduler` / `dask worker` subprocesses over TCP on 127.0.0.1.

The workers carry the fault-injecting sitecustomize of test_isolation (seeds named with kill or hang
meet that fault). The scheduler gives up on a task after its third worker died (allowed-failures 2,
so that the tests stay short) and sends a worker only the task it runs (worker-saturation 1.0), so
that a worker killed by one document holds no other.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import build
from pipeline.config import Config
from pipeline.site import RECORD
from tests.conftest import CORPUS, ROOT, SEEDS
from tests.test_isolation import SEED, fault_environment

pytestmark = [pytest.mark.xdist_group("cluster"), pytest.mark.slow]  # one cluster per test run, on one test worker
DASK = str(Path(sys.executable).parent / "dask")
FORMATS = "xml,epub,pdf,docx"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Cluster:
    """A scheduler and its workers, as subprocesses logging to a folder."""

    def __init__(self, folder: Path, workers: int = 2) -> None:
        self.folder = folder
        self.env = {**fault_environment(folder / "hooks"), "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "2",
                    "DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION": "1.0"}
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        self.scheduler = self._start("scheduler", [DASK, "scheduler", "--host", "127.0.0.1",
                                                   "--port", self.address.rsplit(":", 1)[1],
                                                   "--dashboard-address", f"127.0.0.1:{_free_port()}"])
        self.workers = [self.add_worker(self.env) for _ in range(workers)]
        self.wait_for(workers)

    def _start(self, name: str, command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("ab")
        return subprocess.Popen(command, env=env or self.env, cwd=self.folder, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)  # a process group: a nanny with its worker

    @property
    def hold(self) -> Path:
        """While this file is there, a `_held` seed's task waits (tests.test_isolation's faults)."""
        return Path(self.env["PIPELINE_FAULT_HOLD"])

    def add_worker(self, env: dict[str, str]) -> subprocess.Popen[bytes]:
        """A `dask worker` with one thread and a nanny that restarts it."""
        return self._start(f"worker-{time.monotonic_ns()}", [
            DASK, "worker", self.address, "--nthreads", "1", "--host", "127.0.0.1",
            "--local-directory", str(self.folder / "work")], env)

    def wait_for(self, count: int) -> None:
        """Until exactly `count` workers are connected."""
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            deadline = time.monotonic() + 90
            while len(client.scheduler_info(n_workers=-1)["workers"]) != count:
                assert time.monotonic() < deadline, f"the cluster did not reach {count} workers"
                time.sleep(0.2)

    def worker_pids(self) -> list[int]:
        """The worker processes' ids (the nannies' children)."""
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            return sorted(client.run(os.getpid).values())

    def stop(self) -> None:
        """Stop the workers and the scheduler; a test cluster need not close gracefully."""
        for process in [*self.workers, self.scheduler]:
            stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Kill a process of the cluster with the processes it started (a nanny's worker)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    running = Cluster(tmp_path_factory.mktemp("cluster"))
    yield running
    running.stop()


def _pipeline(*arguments: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *arguments], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


PAGES = 8  # seeds of the corpus build compared byte for byte: every seventh page, the GBK copy, the seed
STOPPED = 8  # seeds of a build stopped half way: every tenth page, the GBK copy, the seed, and one held


def _corpus(folder: Path, every: int = 7) -> Path:
    """Every `every`-th corpus page (sites of all kinds), the GBK copy (under a name of its own) and the seed,
    as seeds; for a build to be stopped, also a seed held until the test lets it go, so that the build is surely
    under way when it is stopped. Every corpus page builds into XML and PDF in test_publish."""
    folder.mkdir()
    pages = sorted(CORPUS.glob("*.txt"))
    for page in [*[p for p in pages if not p.name.endswith(".gbk.txt")][::every], *CORPUS.glob("*.gbk.txt"),
                 *sorted(SEEDS.glob("*.txt"))]:
        shutil.copy(page, folder / page.name.replace(".gbk.txt", "_gbk.txt"))
    if every == 10:
        shutil.copy(SEED, folder / "zz_held.txt")
    assert len(list(folder.iterdir())) == {7: PAGES, 10: STOPPED}[every]
    return folder


@contextlib.contextmanager
def holding(hold: Path) -> Iterator[None]:
    """A `_held` seed's task waits while this lasts."""
    hold.touch()
    try:
        yield
    finally:
        hold.unlink(missing_ok=True)


def _same_files(left: Path, right: Path) -> list[str]:
    """The outputs (not the build records, whose file times differ) that differ between two dist folders."""
    def outputs(dist: Path) -> list[str]:
        return sorted(str(p.relative_to(dist)) for p in dist.glob("*/*.*") if p.is_file() and p.name != RECORD)

    names = outputs(left)
    assert names == outputs(right)
    return [name for name in names if not filecmp.cmp(left / name, right / name, shallow=False)]


def test_the_corpus_builds_on_the_cluster_byte_for_byte_as_here(cluster: Cluster, tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds")
    local = _pipeline("build", "--formats", FORMATS, "--out", "local", str(seeds), cwd=tmp_path)
    assert local.returncode == 0, local.stderr
    remote = _pipeline("build", "--formats", FORMATS, "--out", "remote", "--scheduler", cluster.address, str(seeds),
                       cwd=tmp_path)
    assert remote.returncode == 0, remote.stderr
    assert "Traceback" not in remote.stderr
    assert "Dask dashboard: http://127.0.0.1:" in remote.stderr
    assert len(list((tmp_path / "remote").glob("*/*.pdf"))) == PAGES
    assert _same_files(tmp_path / "local", tmp_path / "remote") == []
    for name in ("manifest.json", "SHA256SUMS", "index.html"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "remote" / name).read_bytes(), name
    # The build's records say the same, so a local build after a cluster build has nothing to do.
    again = build.run(Config(seeds=seeds, out=tmp_path / "remote", formats=tuple(FORMATS.split(",")), jobs=2))
    assert all(result.skipped for result in again.results)


def test_a_house_style_and_a_model_of_ones_own_travel_with_the_tasks(cluster: Cluster, tmp_path: Path) -> None:
    import pdfplumber

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds)
    (tmp_path / "stylesheets").mkdir()  # the default house folder, beside the build's working folder
    (tmp_path / "stylesheets" / "print.css").write_text("h1 { color: #8b0000; }\n", "utf-8")
    model = shutil.copy(ROOT / "pipeline" / "models" / "line-tagger.zip", tmp_path / "mine.zip")
    shutil.copy(ROOT / "pipeline" / "models" / "line-tagger.json", tmp_path / "mine.json")  # a model travels with it
    options = ["--formats", "xml,pdf", "--model", str(model), str(seeds)]
    local = _pipeline("build", "--out", "local", *options, cwd=tmp_path)
    remote = _pipeline("build", "--out", "remote", "--scheduler", cluster.address, *options, cwd=tmp_path)
    assert local.returncode == remote.returncode == 0, local.stderr + remote.stderr
    assert _same_files(tmp_path / "local", tmp_path / "remote") == []
    with pdfplumber.open(tmp_path / "remote" / SEED.stem / f"{SEED.stem}.zh-Hans.pdf") as pdf:
        colours = {tuple(round(float(c), 2) for c in char["non_stroking_color"] or ()) for char in pdf.pages[0].chars}
    assert (0.55, 0.0, 0.0) in colours, "the house style's title colour (#8b0000) reached the worker's PDF"


def test_a_worker_killed_in_the_middle_of_the_build_loses_nothing(cluster: Cluster, tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", every=10)
    dist = tmp_path / "dist"
    with holding(cluster.hold):
        build_process = subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--formats", "xml", "--out",
                                          str(dist), "--scheduler", cluster.address, str(seeds)],
                                         cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while len(list(dist.glob("*/*.xml"))) < 2:  # the build is under way
            assert build_process.poll() is None, build_process.communicate()
            time.sleep(0.05)
        os.kill(cluster.worker_pids()[0], signal.SIGKILL)
    out, err = build_process.communicate(timeout=600)
    assert build_process.returncode == 0, err
    assert len(list(dist.glob("*/*.xml"))) == STOPPED
    assert not list(dist.rglob("*.tmp"))
    assert "Traceback" not in out + err
    cluster.wait_for(2)  # the nanny restarted it


def test_a_document_that_kills_its_workers_fails_alone_after_its_tries(cluster: Cluster, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a_good", "b_kill", "c_good"):
        (seeds / f"{name}.txt").write_bytes(SEED.read_bytes())
    process = _pipeline("build", "--formats", "xml", "--out", "dist", "--scheduler", cluster.address, str(seeds),
                        cwd=tmp_path)
    assert process.returncode == 1
    lines = [line for line in process.stderr.splitlines() if "Dask dashboard" not in line]
    assert len(lines) == 1, process.stderr
    (line,) = lines
    assert line.startswith(f"pipeline: {seeds}/b_kill.txt: its Dask worker died each of the 3 times it was tried")
    assert sorted(p.name for p in (tmp_path / "dist").glob("*/*.xml")) == ["a_good.zh-Hans.xml", "c_good.zh-Hans.xml"]
    cluster.wait_for(2)


def test_a_document_over_the_time_bound_fails_and_its_worker_is_replaced(cluster: Cluster, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a_good", "b_hang", "c_good"):
        (seeds / f"{name}.txt").write_bytes(SEED.read_bytes())
    before = cluster.worker_pids()
    process = _pipeline("build", "--formats", "xml", "--timeout", "3", "--out", "dist", "--scheduler", cluster.address,
                        str(seeds), cwd=tmp_path)
    assert process.returncode == 1
    assert f"pipeline: {seeds}/b_hang.txt: took longer than 3 s" in process.stderr.splitlines()
    assert len(list((tmp_path / "dist").glob("*/*.xml"))) == 2
    cluster.wait_for(2)
    assert len(set(cluster.worker_pids()) - set(before)) == 1  # the hung one was replaced


def test_a_worker_with_other_code_is_refused_before_any_work(cluster: Cluster, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(ROOT / "pipeline", other / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    with (other / "pipeline" / "build.py").open("a", encoding="utf-8") as code:
        code.write("# a change\n")
    env = {**cluster.env, "PYTHONPATH": os.pathsep.join([str(other), cluster.env["PYTHONPATH"]])}
    stranger = cluster.add_worker(env)
    try:
        cluster.wait_for(3)
        seeds = tmp_path / "seeds"
        seeds.mkdir()
        shutil.copy(SEED, seeds)
        process = _pipeline("build", "--formats", "xml", "--out", "dist", "--scheduler", cluster.address, str(seeds),
                            cwd=tmp_path)
        assert process.returncode == 1
        assert "1 of 3 Dask workers run other pipeline code than this machine" in process.stderr
        assert not (tmp_path / "dist").exists() or not list((tmp_path / "dist").glob("*/*.xml"))
        doctor = _pipeline("doctor", "--scheduler", cluster.address, cwd=tmp_path)
        assert doctor.returncode == 1
        workers = [line for line in doctor.stdout.splitlines() if line.startswith("worker tcp://")]
        assert len(workers) == 3
        assert sum("same code as here" in line for line in workers) == 2
        assert sum("OTHER CODE" in line for line in workers) == 1
    finally:
        stop(stranger)
    cluster.wait_for(2)


def test_ctrl_c_leaves_no_partial_file_and_the_next_build_goes_on(cluster: Cluster, tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", every=10)
    dist = tmp_path / "dist"
    command = [sys.executable, "-m", "pipeline", "build", "--formats", "xml", "--out", str(dist),
               "--scheduler", cluster.address, str(seeds)]
    with holding(cluster.hold):
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while len(list(dist.glob("*/*.xml"))) < 2:
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert err.strip().splitlines()[-1] == "pipeline: interrupted"
    assert not list(dist.rglob("*.tmp"))
    made = len(list(dist.glob("*/*.xml")))
    assert made < STOPPED
    again = _pipeline(*command[3:], cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(list(dist.glob("*/*.xml"))) == STOPPED
    time.sleep(0.5)  # the cancelled tasks leave the workers
    cluster.wait_for(2)


def test_a_lost_scheduler_ends_the_build_with_one_line_and_the_next_build_goes_on(tmp_path: Path) -> None:
    doomed = Cluster(tmp_path / "doomed", workers=1)
    seeds = _corpus(tmp_path / "seeds", every=10)
    dist = tmp_path / "dist"
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"}  # how long the client tries to reconnect
    try:
        doomed.hold.touch()  # the held seed is built here afterwards, without the faults
        process = subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--formats", "xml", "--out", str(dist),
                                    "--scheduler", doomed.address, str(seeds)],
                                   cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while len(list(dist.glob("*/*.xml"))) < 2:
            assert process.poll() is None, process.communicate()
            time.sleep(0.05)
        doomed.scheduler.kill()
        _, err = process.communicate(timeout=120)
    finally:
        doomed.stop()
    assert process.returncode == 1
    assert err.strip().splitlines()[-1] == (f"pipeline: error: lost the connection to the Dask scheduler at "
                                            f"{doomed.address}; the documents written are kept and the next build "
                                            "goes on from there")
    assert "Traceback" not in err
    assert not list(dist.rglob("*.tmp"))
    made = len(list(dist.glob("*/*.xml")))
    again = build.run(Config(seeds=seeds, out=dist, formats=("xml",), jobs=2))
    assert not again.failed
    assert sum(1 for r in again.results if r.skipped) >= made - 1 > 0  # at most the one being written is redone
    assert len(list(dist.glob("*/*.xml"))) == STOPPED


def test_without_a_scheduler_the_build_does_not_import_dask(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path)
    script = ("import sys\nfrom pathlib import Path\nfrom pipeline import cli\n"
              "if __name__ == '__main__':\n"
              "    status = cli.main(['build', '--formats', 'xml', '--out', 'dist', '.'])\n"
              "    assert 'distributed' not in sys.modules and 'dask' not in sys.modules, 'dask was imported'\n"
              "    sys.exit(status)\n")
    (tmp_path / "run.py").write_text(script, "utf-8")
    process = subprocess.run([sys.executable, "run.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stderr
