"""Each seed's DocBook equals its checked-in golden file (regenerate with `make golden`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import expected_files

FILES = expected_files()


@pytest.mark.parametrize("path", sorted(FILES), ids=lambda p: p.name)
def test_seed_matches_its_golden_file(path: Path) -> None:
    assert path.exists(), f"no golden file {path.name}: run `make golden`"
    assert FILES[path].decode() == path.read_text("utf-8"), "output changed: run `make golden` and review the diff"
