"""The command line: parse arguments, call the API, print one line per problem, set the exit code."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

from pipeline import __version__, config, docbook, document
from pipeline.clean.types import Report
from pipeline.errors import CleaningError, InputError, PipelineError, TimeLimitError
from pipeline.writing import write_atomic

EXIT_OK, EXIT_FAILED = 0, 1


def _list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def config_options(parser: argparse.ArgumentParser, command: str) -> None:
    """The options of a command that set Config fields, made from the fields: name, type, help, default
    (an option left out keeps the value of [tool.pipeline], or the default)."""
    defaults = config.Config()
    for setting in fields(config.Config):
        if command not in setting.metadata.get("commands", ()):
            continue
        flag = "--" + setting.name.replace("_", "-")
        default = getattr(defaults, setting.name)
        shown = ",".join(default) if isinstance(default, tuple) else f"{default:g}" if isinstance(default, float) \
            else default
        text = setting.metadata["help"] + (f" (default: {shown})" if shown not in ("", False) else "")
        if isinstance(default, bool):
            parser.add_argument(flag, action="store_true", default=None, help=text)
        elif "choices" in setting.metadata:
            parser.add_argument(flag, choices=setting.metadata["choices"], help=text)
        else:
            kind = _list if isinstance(default, tuple) else type(default)
            parser.add_argument(flag, type=kind, metavar=setting.name.upper(), help=text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description=(
        "Clean scraped Chinese articles (text or HTML) into validated DocBook 5 with their metadata, and build EPUB, "
        "PDF and DOCX in Simplified and Traditional Chinese. Each problem is one line on standard error; the exit "
        "status is 0 when every document was made."))
    parser.add_argument("--version", action="version", version=f"pipeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    clean = commands.add_parser("clean", help="print the validated DocBook 5 XML of one raw page")
    clean.add_argument("file", type=Path, help="a raw page: text (UTF-8, GB18030 or Big5) or HTML; - reads standard "
                       "input (curl … | pipeline clean -)")
    clean.add_argument("--report", type=Path, metavar="PATH", help="write the cleaning report (JSON) here")
    clean.add_argument("--explain", action="store_true",
                       help="print each line's class and the model's confidence instead of the XML")
    config_options(clean, config.CLEAN)

    commands.add_parser("corrections", help="list the corrections that overrule the line model, by name")

    train = commands.add_parser("train", help="train a line-tagger model from annotated pages")
    train.add_argument("corpus", type=Path, nargs="+",
                       help="folders of NAME.txt with NAME.expected.json or NAME.lines.json")
    train.add_argument("-o", "--out", type=Path, required=True, metavar="MODEL", help="model file to write")
    train.add_argument("--extra", type=Path, nargs="+", default=[], metavar="FOLDER",
                       help="folders of pages that are training data only, never scored (another rendering)")
    train.add_argument("--split", type=Path, metavar="SPLIT_JSON",
                       help="leave out the sites of the frozen test split this file names")
    train.add_argument("--cv", action="store_true",
                       help="also cross-validate, holding out the sites of one fold at a time, and record the scores")
    train.add_argument("--html", action="store_true",
                       help="the model for HTML pages: read what the markup says of each line (NAME.dom.json)")

    convert = commands.add_parser("convert", help="convert raw pages to EPUB, PDF, DOCX (and XML)")
    convert.add_argument("files", nargs="+", type=Path)
    convert.add_argument("--to", dest="formats", type=_list, default=("epub", "pdf", "docx"),
                         help="formats, comma-separated: xml, html, epub, pdf, docx")
    convert.add_argument("-o", "--out", type=Path, default=Path("."), help="output folder")
    convert.add_argument("--explain", nargs="?", const="ranked", choices=("ranked", "all"),
                         help="print each Traditional variant's review list: where a second converter disagrees, "
                              "then meaning-changing characters guessed (all: every character with several forms)")
    config_options(convert, config.CONVERT)

    batch = commands.add_parser("build", help="build seeds into dist/ (defaults from [tool.pipeline])")
    batch.add_argument("seeds", nargs="*", type=Path, help="seed files or folders (default: the seeds folder)")
    batch.add_argument("--force", action="store_true", help="rebuild every output")
    batch.add_argument("-q", "--quiet", action="store_true", help="print only problems and the summary")
    batch.add_argument("-v", "--verbose", action="store_true", help="print every file built")
    config_options(batch, config.BUILD)

    doctor = commands.add_parser("doctor", help="report what this machine has for each format and variant")
    doctor.add_argument("--scheduler", metavar="ADDRESS",
                        help="also report each worker of this Dask scheduler: its code and what it lacks")

    serve = commands.add_parser("serve", help="serve the output folder over HTTP here, to look before publishing")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free one)")
    serve.add_argument("--out", type=Path, default=None, help="the folder to serve (default: the configured output)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    handlers = {"clean": _clean, "corrections": _corrections, "train": _train, "convert": _convert, "build": _build,
                "serve": _serve, "doctor": _doctor}
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    try:
        return handlers[args.command](args)
    except PipelineError as exc:
        print(f"pipeline: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except Terminated:  # as Ctrl-C: the workers stopped, temporary files gone, the lock released
        print("pipeline: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("pipeline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of standard output went away (| head): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # a fault in the program: one line, the traceback kept in a file
        fd, name = tempfile.mkstemp(prefix="pipeline-traceback-", suffix=".log")  # a new file, never a link's target
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
        log = Path(name)
        print(f"pipeline: internal error: {type(exc).__name__}: {exc} (traceback in {log})", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


@contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    """Raise TimeLimitError in the work inside when it takes longer than `seconds` (0: no limit), as the
    build's workers are bounded. For a process that ends after the work (`clean`): an alarm may cut an
    import in two."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def overran(signum: int, frame: object) -> None:
        raise TimeLimitError(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, overran)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def _settings(args: argparse.Namespace, **overrides: object) -> config.Config:
    options = {f.name: getattr(args, f.name, None) for f in fields(config.Config) if "commands" in f.metadata}
    return config.load().with_options(**{**options, **overrides})


def _clean(args: argparse.Namespace) -> int:
    settings = _settings(args)
    given = sys.stdin.buffer.read(settings.max_input_bytes + 1) if str(args.file) == STDIN else None
    name = STDIN_NAME if given is not None else str(args.file)
    try:
        if given is not None and len(given) > settings.max_input_bytes:  # the rest of the stream is never read
            raise InputError(f"more than {settings.max_input_bytes / 1e6:.1f} MB, over the limit for one article"
                             " (max_input_bytes)")
        with time_bound(settings.timeout):
            if given is not None:
                doc = document.from_bytes(given, name=name, max_bytes=settings.max_input_bytes,
                                          model=settings.model_path)
            else:
                doc = document.from_file(args.file, max_bytes=settings.max_input_bytes, model=settings.model_path)
    except PipelineError as exc:
        if args.explain and isinstance(exc, CleaningError) and isinstance(exc.report, Report):
            from pipeline import explain

            explain.print_lines(args.file.read_bytes() if given is None else given, name, exc.report)
        raise exc.located(name) from None
    if args.report:
        write_atomic(args.report, json.dumps(doc.report_json(), ensure_ascii=False, indent=1).encode())
    if args.explain:
        from pipeline import explain

        explain.print_lines(args.file.read_bytes() if given is None else given, name, doc.report)
    else:
        sys.stdout.buffer.write(docbook.serialize(doc.tree))
    return EXIT_OK


# `pipeline clean -` reads the page from standard input (text or HTML, told by its first bytes), no further than the
# size limit (a stream may be endless), and names it so in messages.
STDIN, STDIN_NAME = "-", "<stdin>"


def _corrections(args: argparse.Namespace) -> int:
    from pipeline import explain

    explain.print_corrections()
    return EXIT_OK


def _train(args: argparse.Namespace) -> int:
    from pipeline.clean.tagger import training

    def read(folders: list[Path]) -> list[training.LabelledPage]:
        pages = [page for folder in folders for page in training.read_corpus(folder, html=args.html)]
        return training.training_pages(pages, args.split)

    pages, extra = read(args.corpus), read(args.extra)
    print(f"training on {len(pages)} pages from {len(training.sites(pages))} sites"
          f" and {len(extra)} other pages", file=sys.stderr)
    scores = None
    if args.cv:
        scores = training.cross_validate(pages, extra=extra, jobs=config.load().workers)
        for label, score in scores["lines"].items():
            print(f"  {label:12s} F1 {score['f1']:.3f} (P {score['precision']:.3f} R {score['recall']:.3f}, "
                  f"{score['lines']} lines), held out by site", file=sys.stderr)
    sidecar = training.write_model(args.out, training.train([*pages, *extra]), corpus=[*args.corpus, *args.extra],
                                   pages=[*pages, *extra], split=args.split, cross_validation=scores)
    print(f"{args.out}\n{sidecar}")
    return EXIT_OK


def _vertical_note(settings: config.Config) -> None:
    """Say once what --vertical leaves horizontal."""
    if settings.vertical and "pdf" in settings.formats:
        print("pipeline: --vertical sets the EPUB and the DOCX vertically; the PDF stays horizontal "
              "(WeasyPrint has no writing-mode)", file=sys.stderr)


def _convert(args: argparse.Namespace) -> int:
    from pipeline import build, task  # the build's machinery (renderers, workers) only for the commands that build

    settings = _settings(args)
    task.check_requirements(settings)
    _vertical_note(settings)
    failed = 0
    reasons = build.refused(args.files)
    todo = [task.plan(path, settings, force=True) for path in args.files if path not in reasons]
    results = {r.seed: r for r in build.build_apart(todo, settings, thumbnail=False)} if todo else {}
    for path in args.files:
        result = results.get(path) or task.DocumentResult(path, document.document_id(path), error=reasons[path])
        if result.error:
            failed += 1
            print(f"pipeline: {result.error}", file=sys.stderr)
            continue
        for name in result.built:
            print(settings.out / result.id / name)
        if args.explain:
            for group in result.explain:
                if group["kind"] != "variant" or args.explain == "all":
                    shown = f"{group['shown']} ×{group['count']} …{group['context']}…"
                    print(f"  {group['variant']}: {group['kind']}: {shown}")
    return EXIT_FAILED if failed else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from pipeline import build, progress

    settings = _settings(args)
    _vertical_note(settings)
    display = progress.Display(quiet=args.quiet, verbose=args.verbose)
    with display.running(total=len(build.find_seeds(settings, args.seeds))):
        summary = build.run(settings, args.seeds, force=args.force, on_result=display.document,
                            on_note=display.note)
    display.summary(summary, settings)
    return EXIT_FAILED if summary.failed else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    """Serve the output folder on localhost until Ctrl-C (or SIGTERM)."""
    import functools
    import http.server

    folder = args.out or config.load().out
    if not (folder / "index.html").is_file():
        raise InputError("no index.html here: build first (make dist)", path=folder)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"serving {folder} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)", flush=True)
        server.serve_forever()
    return EXIT_OK


def _doctor(args: argparse.Namespace) -> int:
    from pipeline.render import fonts, pandoc, pdf
    from pipeline.variants import VARIANTS

    lines = [f"pipeline {__version__}"]
    problems = 0
    try:
        lines.append(f"pandoc: {pandoc.pandoc_version()} ({pandoc.pandoc_path()})")
    except PipelineError as exc:
        problems += 1
        lines.append(f"pandoc: MISSING ({exc.message})")
    subset = pdf.harfbuzz_subset_available()
    problems += not subset
    lines.append("HarfBuzz subsetting (libharfbuzz-subset0): " + ("yes" if subset else "MISSING: PDFs take ~19 s"))
    for tag, variant in VARIANTS.items():
        try:
            serif, sans = fonts.faces(variant.region)
            lines.append(f"fonts for {tag}: {serif.family} and {sans.family} ({serif.path})")
        except PipelineError as exc:
            problems += 1
            lines.append(f"fonts for {tag}: MISSING ({exc.message})")
    found = {face.family for face in fonts.fallbacks()}
    missing = [name for name in fonts.FALLBACKS if name not in found]
    lines.append(f"fallback faces (symbols, emoji, rare ideographs): {', '.join(sorted(found)) or 'none'}"
                 + (f"; missing {', '.join(missing)} (Debian: {fonts.FALLBACK_PACKAGES})" if missing else ""))
    java = shutil.which("java")
    if java:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
        lines.append(f"Java (EPUBCheck in the tests): {out.splitlines()[0] if out else java}")
    else:
        lines.append("Java (EPUBCheck in the tests): not found")
    for name, command in (("LibreOffice (DOCX check in the tests)", "soffice"), ("Chromium (page test)", "chromium")):
        lines.append(f"{name}: {shutil.which(command) or 'not found'}")
    scheduler = args.scheduler or config.load().scheduler
    if scheduler:
        from pipeline import cluster

        workers, unusable = cluster.report(scheduler, config.load())
        lines += workers
        problems += unusable
    print("\n".join(lines))
    return EXIT_FAILED if problems else EXIT_OK
