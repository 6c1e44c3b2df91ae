"""Regenerate the golden XML of every seed: `make golden`, then review `git diff tests/golden`."""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline import docbook, document

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SEEDS = ROOT / "seeds"


def expected_files() -> dict[Path, bytes]:
    """Every golden file's path and the bytes the pipeline makes for it now."""
    files: dict[Path, bytes] = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        doc = document.from_file(seed)
        files[GOLDEN / f"{doc.id}.{docbook.SOURCE_LANG}.xml"] = docbook.serialize(doc.tree)
    return files


def main() -> int:
    """Write the golden files and say which changed."""
    GOLDEN.mkdir(exist_ok=True)
    for path, data in expected_files().items():
        changed = not path.exists() or path.read_bytes() != data
        path.write_bytes(data)
        print(f"{'updated' if changed else 'same   '} {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
