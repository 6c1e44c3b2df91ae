"""The fetched snapshots of the public collections the imported corpus comes from (tests/data/imported/SOURCES.json
names each page's repository, commit and path): where a repository's fetch lies, beside the project, and how a file
is read from it. `tools/corpus.py` and `make bench-html` read them so."""

from __future__ import annotations

import subprocess
from pathlib import Path

MIRRORS = Path(__file__).resolve().parent.parent.parent / ".mirror"  # the fetches, beside the project


def snapshot(repository: str, mirrors: Path = MIRRORS) -> Path:
    """The git directory of a repository's fetch (OWNER+NAME/repo under `mirrors`)."""
    return mirrors / repository.replace("/", "+") / "repo"


def git_show(git_dir: Path, path: str, commit: str = "HEAD") -> bytes:
    """A file of a snapshot, at a commit."""
    return subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True,
                          check=True).stdout
