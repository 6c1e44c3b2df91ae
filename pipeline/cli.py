"""The command line: parse arguments, call the API, print one line per problem, set the exit code."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline import __version__, build, config, docbook, document
from pipeline.errors import PipelineError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__)
    parser.add_argument("--version", action="version", version=f"pipeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    clean = commands.add_parser("clean", help="print the validated DocBook 5 XML of one raw page")
    clean.add_argument("file", type=Path)
    clean.add_argument("--report", type=Path, metavar="PATH", help="write the cleaning report (JSON) here")

    build = commands.add_parser("build", help="build seeds into dist/ (defaults from [tool.pipeline])")
    build.add_argument("seeds", nargs="*", type=Path, help="seed files or folders (default: the seeds folder)")
    build.add_argument("--out", type=Path, help="output folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return int(args.handler(args)) if hasattr(args, "handler") else _dispatch(args)
    except PipelineError as exc:
        print(f"pipeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("pipeline: interrupted", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "clean":
        return _clean(args)
    if args.command == "build":
        return _build(args)
    raise AssertionError(args.command)


def _clean(args: argparse.Namespace) -> int:
    settings = config.load()
    doc = document.from_file(args.file, max_bytes=settings.max_input_bytes)
    if args.report:
        _write_json(args.report, doc.report_json())
    sys.stdout.buffer.write(docbook.serialize(doc.tree))
    return EXIT_OK


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    tmp.replace(path)


def _build(args: argparse.Namespace) -> int:
    settings = config.load().with_options(out=args.out)
    summary = build.build(settings, args.seeds)
    for result in summary.results:
        if result.error:
            print(f"pipeline: {result.error}", file=sys.stderr)
        else:
            print(f"built {result.id}: {len(result.outputs)} files")
    ok = len(summary.results) - len(summary.failed)
    print(f"{ok} of {len(summary.results)} documents built in {summary.seconds:.1f} s")
    return EXIT_FAILED if summary.failed else EXIT_OK
