"""The imported corpus: pages of public web-extraction collections, rendered as scrapers do, labelled.

    python tools/corpus.py import MIRROR_OF_WADDLE     render, align with the reference, propose labels
    python tools/corpus.py show NAME                   the page's lines with their classes, to review
    python tools/corpus.py set NAME --meta 5,7 …       correct classes and fields, mark reviewed
    python tools/corpus.py check                       every annotation complete and consistent
    python tools/corpus.py derive                      work out each annotation's derived keys again
    python tools/corpus.py split                       (re)write the frozen split of sites
    python tools/corpus.py import-cwced MIRROR         the same for the Chinese Web Content Extraction Dataset
    python tools/corpus.py render                      render every page again: the joined rendering, the DOM hints

`import` reads a snapshot of rundimeco/waddle (a git directory: the fetch of that repository):
`corpora/Corpus_daniel_v2.1/` has each page's HTML in `html/`, its ground truth in `reference/`
(the title, then the body paragraphs) and its language in `doc_lg.json`. Each Chinese page is
rendered twice (`pipeline.visible_text`): the fine rendering (cells and list items one per line,
no `<title>`) is the page scored, in tests/data/imported/ with NAME.expected.json; the joined
rendering (a table row or a list on one line, the `<title>` first) is training data only, in
tests/data/imported-joined/ with NAME.lines.json, its classes carried over segment by segment.

`import-cwced` reads a snapshot of immortal-autumn/Chinese-Web-Content-Extraction-Dataset the same
way: `original/NAME.html` with the body text in `cleaned/`, the author in `author/` and the date in
`date/`; it has no title, so the line that is the page's `<title>` (or its headline part) is proposed,
and the collection's author and date go into the notes for the review. Pages the review left out
(`imported/LEFT_OUT.json`: not an article of a news outlet or a government) are skipped.

Labels come from alignment: the line that holds the reference title is the title, lines inside
the reference's paragraphs are body; the packaged model (with those lines fixed) proposes meta,
heading and caption lines and the rules read the fields. A person then reviews each page's
proposals (`show`, `set`); `reviewed` in the annotation says it was.

Beside each rendering, NAME.dom.json keeps what the markup says about each line (`DomHints`: its
element, region, links, class words), for the line tagger of HTML pages: the HTML itself is not
kept here. `render` makes them again (and the joined rendering), after checking that the fine
rendering is still the committed text.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import opencc
from lxml import etree

from pipeline import visible_text
from pipeline.clean import clean
from pipeline.clean.tagger import training
from pipeline.clean.tagger.labels import line_classes, line_numbers
from pipeline.clean.tagger.training import DOM_SUFFIX, dom_json
from pipeline.clean.types import Report
from pipeline.errors import PipelineError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the project's benchmarks read the snapshots
from benchmarks.snapshots import git_show, snapshot  # noqa: E402

DATA = ROOT / "tests" / "data"
SCORED = DATA / "imported"
JOINED = DATA / "imported-joined"
SOURCES = SCORED / "SOURCES.json"
LEFT_OUT = SCORED / "LEFT_OUT.json"  # pages imported, reviewed and left out of the corpus, with why
SPLIT = DATA / "split.json"
DEV = DATA / "corpus"
WADDLE = "rundimeco/waddle"
WADDLE_DIR = "corpora/Corpus_daniel_v2.1"
CLASSES = ("title", "subtitle", "meta", "heading", "body", "caption", "boilerplate")
FIELDS = ("title", "subtitle", "published", "source", "author", "editor")
# Public suffixes of the collections' hosts: the site is the label before them.
SUFFIXES = ("com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "com.tw", "org.tw", "gov.tw", "net.tw",
            "edu.tw", "com.hk", "org.hk", "gov.hk", "com.sg", "co.uk")
# Hosts whose site the development corpus names otherwise (one publisher, one group in the folds).
SITE_ALIASES = {"163": "netease", "libertytimes": "ltn", "xinhuanet": "xinhua"}
MAX_PAGES_PER_SITE = 12
FIRST_NUMBER = 100  # imported pages are numbered after the development corpus's
TEST_SHARE = 30  # percent of the imported sites, by hash, in the frozen test split
SHORT = 25  # an aligned line this short may be a heading or a caption: the model proposes
PRIORITY = ("title", "body", "subtitle", "meta", "heading", "caption", "boilerplate")


def norm(text: str) -> str:
    """Comparison form: NFKC, no white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def site_of_host(host: str) -> str:
    """The site slug of a host name: news.sina.com.hk → sina, big5.xinhuanet.com → xinhua."""
    labels = host.lower().split(".")
    for suffix in SUFFIXES:
        if host.lower().endswith("." + suffix):
            labels = labels[: -suffix.count(".") - 1]
            break
    else:
        labels = labels[:-1]
    site = labels[-1].replace("_", "-")
    return SITE_ALIASES.get(site, site)


def reference(data: bytes) -> list[str]:
    """The reference's paragraphs: the title first."""
    root = etree.fromstring(b"<r>" + data + b"</r>", etree.HTMLParser(encoding="utf-8"))
    return [t for p in root.iter("p") if (t := re.sub(r"\s+", " ", "".join(map(str, p.itertext()))).strip())]


def align(lines: list[str], title: str, paragraphs: list[str]) -> tuple[int | None, set[int], float]:
    """The title line, the body lines and the share of the reference's characters the body lines cover.

    A line is body where its text stands inside the reference's running text, in order (the
    heaviest in-order chain of such lines wins, so a lede repeated above the title or a related
    list below it is not taken); where a reference paragraph lies inside a longer line and is most
    of it, that line is body too.
    """
    body_text = "".join(norm(p) for p in paragraphs)
    candidates: list[tuple[int, int, int]] = []  # (line, position in the reference, weight)
    for i, line in enumerate(lines):
        text = norm(line)
        if len(text) < 2:
            continue
        start = body_text.find(text)
        while start >= 0 and (len(text) >= 4 or any(norm(p) == text for p in paragraphs)):
            candidates.append((i, start, len(text)))
            start = body_text.find(text, start + 1)
        if not any(c[0] == i for c in candidates):
            for p in paragraphs:
                np = norm(p)
                if len(np) >= 10 and np in text and len(np) >= 0.6 * len(text):
                    candidates.append((i, body_text.find(np), len(np)))
                    break
    chain = _heaviest_chain(candidates)
    body = {i for i, _, _ in chain}
    covered = sum(w for _, _, w in chain) / max(1, len(body_text))
    ntitle = norm(title)
    first = min(body) if body else len(lines)
    title_lines = [i for i, line in enumerate(lines) if i not in body and ntitle and
                   (norm(line) == ntitle or (ntitle in norm(line) and len(ntitle) >= 0.7 * len(norm(line))))]
    before = [i for i in title_lines if i < first]
    title_line = before[-1] if before else (title_lines[0] if title_lines else None)
    return title_line, body, covered


def _heaviest_chain(candidates: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The in-order chain (lines and reference positions both increasing) of greatest weight."""
    candidates.sort()
    best: list[int] = []
    back: list[int] = []
    for k, (line, position, weight) in enumerate(candidates):
        best.append(weight)
        back.append(-1)
        for j in range(k):
            pline, pposition, pweight = candidates[j]
            if pline < line and pposition + pweight <= position + 1 and best[j] + weight > best[k]:
                best[k], back[k] = best[j] + weight, j
    if not best:
        return []
    k = max(range(len(best)), key=best.__getitem__)
    chain = []
    while k >= 0:
        chain.append(candidates[k])
        k = back[k]
    return chain[::-1]


def spec(numbers: list[int]) -> str:
    """Line numbers as a spec: 3,5-7."""
    parts: list[str] = []
    numbers = sorted(numbers)
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        parts.append(str(numbers[i]) if i == j else f"{numbers[i]}-{numbers[j]}")
        i = j + 1
    return ",".join(parts)


def propose(lines: list[str], title: int | None,
            body: set[int]) -> tuple[dict[int, str], dict[str, Any], dict[int, str]]:
    """Each line's proposed class (1-based), the fields the rules read, and the model's own classes (the model's
    title where `title` is None)."""
    fixed = ({} if title is None else {title + 1: "title"}) | {
        i + 1: "body" for i in body if len(norm(lines[i])) > SHORT}
    text = "\n".join(lines)
    fields: dict[str, Any] = dict.fromkeys(FIELDS)
    report: Report | None
    try:
        article = clean(text, fixed=fixed)
        report = article.report
        meta = article.meta
        fields |= {"subtitle": meta.subtitle, "published": _published(meta.published),
                   "source": meta.source, "author": "、".join(p.name for p in meta.authors) or None,
                   "editor": "、".join(p.name for p in meta.editors) or None}
    except PipelineError as exc:
        report = getattr(exc, "report", None)
    model = {x.line: x.label for x in report.lines} if report is not None else {}
    classes: dict[int, str] = {}
    for number in range(1, len(lines) + 1):
        said = model.get(number, "boilerplate")
        if number - 1 == title if title is not None else said == "title":
            classes[number] = "title"
        elif number - 1 in body:
            classes[number] = said if said in ("heading", "caption", "meta") and number not in fixed else "body"
        else:
            classes[number] = said if said in ("meta", "caption", "heading") else "boilerplate"
    return classes, fields, model


def _published(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?", value)
    if not match:
        return None
    return match[1] + (" " + match[2] if match[2] else "")


def annotation(lines: list[str], classes: dict[int, str], fields: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """An expected.json in the corpus's form, its derived keys worked out from the classes."""
    by_class = {c: sorted(n for n, k in classes.items() if k == c) for c in CLASSES}  # in page order
    body = [lines[n - 1] for n in by_class["body"]]
    dropped = [lines[n - 1] for n in sorted(by_class["boilerplate"] + by_class["caption"])]
    return {
        "source_url_or_repo_path": extra["source_url_or_repo_path"],
        **{f: fields.get(f) for f in FIELDS},
        "headings": [lines[n - 1].strip() for n in by_class["heading"]],
        "first_paragraph_starts": norm(body[0])[:12] if body else "",
        "last_paragraph_ends": norm(body[-1])[-12:] if body else "",
        "paragraph_count": len(body),
        "boilerplate_lines": sorted(set(dropped)),
        "script": extra["script"],
        "notes": extra.get("notes", ""),
        "original_url": extra.get("original_url"),
        "source_encoding": extra["source_encoding"],
        "total_lines": len(lines),
        "metadata_lines": [lines[n - 1] for n in by_class["meta"]],
        "caption_lines": [lines[n - 1] for n in by_class["caption"]],
        "line_classes": {c: spec(by_class[c]) for c in CLASSES},
        "boilerplate_lines_equal_to_content": sorted({lines[n - 1] for n in by_class["boilerplate"]} & set(body)),
        "site": extra["site"],
        "reviewed": extra.get("reviewed", False),
        "alignment": extra.get("alignment", {}),
    }


def script_of(text: str) -> str:
    """Hant where the text has more Traditional-only characters than Simplified-only ones."""
    s2t = opencc.OpenCC("s2t")
    changed = sum(a != b for a, b in zip(text, s2t.convert(text), strict=False))
    return "Hans" if changed > 0.01 * len(text) else "Hant"


def import_waddle(mirror: Path) -> None:
    """Render, align and propose every Chinese page of the collection (at most a few per site)."""
    commit = subprocess.run(["git", "--git-dir", str(mirror), "rev-parse", "HEAD"], capture_output=True,
                            text=True, check=True).stdout.strip()
    languages = json.loads(git_show(mirror, f"{WADDLE_DIR}/doc_lg.json"))
    keys = sorted(k for k, lang in languages.items() if lang == "Chinese")
    per_site: Counter[str] = Counter()
    SCORED.mkdir(parents=True, exist_ok=True)
    JOINED.mkdir(parents=True, exist_ok=True)
    sources = json.loads(SOURCES.read_text("utf-8")) if SOURCES.exists() else {}
    number = FIRST_NUMBER + len(sources)
    skipped: Counter[str] = Counter()
    for key in keys:
        host = key.split("_")[1]
        site = site_of_host(host)
        if per_site[site] >= MAX_PAGES_PER_SITE:
            skipped["site full"] += 1
            continue
        if any(v["key"] == key for v in sources.values()):
            per_site[site] += 1
            continue
        try:
            html = git_show(mirror, f"{WADDLE_DIR}/html/{key}")
            ref = reference(git_show(mirror, f"{WADDLE_DIR}/reference/{key}"))
        except subprocess.CalledProcessError:
            skipped["missing file"] += 1
            continue
        if len(ref) < 2:
            skipped["reference without body"] += 1
            continue
        parsed = _parsed(html)
        if parsed is None:
            skipped["not parsed"] += 1
            continue
        _, encoding, root = parsed
        fine = visible_text.render(root, visible_text.FINE)
        lines = [line.text for line in fine]
        title, body, covered = align(lines, ref[0], ref[1:])
        if title is None or not body or covered < 0.8 or min(body) < title:
            skipped["title not found" if title is None else "reference not covered"] += 1
            continue
        name = f"{number:03d}_{site}_{key.split('_')[2][:8]}"
        classes, fields, _ = propose(lines, title, body)
        fields["title"] = lines[title].strip() if norm(lines[title]) == norm(ref[0]) else ref[0]
        extra = {
            "source_url_or_repo_path": f"github:{WADDLE}@{commit}:{WADDLE_DIR}/html/{key}",
            "script": script_of("".join(ref)), "source_encoding": encoding, "site": site,
            "notes": "imported from the collection's reference; classes other than title and body proposed "
                     "by the model, to review",
            "alignment": {"reference_covered": round(covered, 3), "title_line": title + 1},
        }
        (SCORED / f"{name}.txt").write_text("".join(line + "\n" for line in lines), "utf-8")
        write_json(SCORED / f"{name}.expected.json", annotation(lines, classes, fields, **extra))
        sources[name] = {"key": key, "host": host, "site": site, "repository": WADDLE, "commit": commit,
                         "path": f"{WADDLE_DIR}/html/{key}", "licence": "research corpus; texts are their "
                         "publishers' copyright, here as test data"}
        write_joined(name, root, fine, classes)
        per_site[site] += 1
        number += 1
        print(f"{name}: {len(lines)} lines, {len(body)} body, reference covered {covered:.0%}")
    write_json(SOURCES, dict(sorted(sources.items())))
    print(f"{len(sources)} pages from {len({v['site'] for v in sources.values()})} sites; skipped {dict(skipped)}")


CWCED = "immortal-autumn/Chinese-Web-Content-Extraction-Dataset"
# Hosts of links that say nothing of the page's own site.
FOREIGN_HOSTS = ("w3.org", "google", "baidu.com", "cnzz.com", "51.la", "qq.com/connect", "macromedia.com",
                 "adobe.com", "microsoft.com", "doubleclick", "bdimg", "bdstatic", "image", "img", "icon.")
# A page whose text runs to more lines than this (a wiki entry, an agenda, a magazine's hard-wrapped text) is
# not taken: its lines would outweigh every other page's in the paragraph scores, which count lines.
MAX_BODY_LINES = 150
HOST = re.compile(r"https?://([a-z0-9.-]+\.[a-z]{2,})", re.I)
CLOCK = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2})[:-](\d{2}))?")


def page_host(html: str) -> str | None:
    """The host a saved page most likely came from: its canonical or base address, else its commonest link host."""
    named = re.search(r'(?:rel="canonical" href|<base href|og:url" content)="(?:https?:)?/*([a-z0-9.-]+)', html, re.I)
    if named:
        return named[1].lower()
    hosts = Counter(h.lower() for h in HOST.findall(html) if not any(f in h.lower() for f in FOREIGN_HOSTS))
    return hosts.most_common(1)[0][0] if hosts else None


def title_line(lines: list[str], title: str, first_body: int) -> int | None:
    """The last line above the body that is the page's `<title>` or the headline part of it."""
    whole = norm(title)
    found = [i for i, line in enumerate(lines[:first_body])
             if len(n := norm(line)) >= 4 and (n == whole or (n in whole and len(n) >= 0.5 * len(whole))
                                              or (whole and whole in n and len(whole) >= 0.7 * len(n)))]
    return found[-1] if found else None


def import_cwced(mirror: Path) -> None:
    """Render, align and propose every page of the Chinese Web Content Extraction Dataset: `original/NAME.html`
    with its body text in `cleaned/`, its author in `author/` and its date in `date/` (no title: the `<title>`
    or the model proposes one, for the review)."""
    commit = subprocess.run(["git", "--git-dir", str(mirror), "rev-parse", "HEAD"], capture_output=True,
                            text=True, check=True).stdout.strip()
    listing = subprocess.run(["git", "--git-dir", str(mirror), "ls-tree", "--name-only", "HEAD", "original/"],
                             capture_output=True, text=True, check=True).stdout.split()
    sources = json.loads(SOURCES.read_text("utf-8"))
    left_out = json.loads(LEFT_OUT.read_text("utf-8"))["left_out"] if LEFT_OUT.exists() else {}
    per_site = Counter(v["site"] for v in sources.values())
    number = 1 + max(int(name.split("_")[0]) for name in sources)
    skipped: Counter[str] = Counter()
    for path in sorted(listing):
        key = Path(path).stem
        if any(v["key"] == key for v in sources.values()):
            continue
        if key in left_out:
            skipped["left out by the review"] += 1
            continue
        html = git_show(mirror, path)
        paragraphs = [t for raw in git_show(mirror, f"cleaned/{key}.txt").decode("utf-8", "replace").splitlines()
                      if (t := re.sub(r"\s+", " ", raw).strip())]
        author = git_show(mirror, f"author/{key}.txt").decode("utf-8", "replace").strip()
        date = git_show(mirror, f"date/{key}.txt").decode("utf-8", "replace").strip()
        parsed = _parsed(html)
        if parsed is None:
            skipped["not parsed"] += 1
            continue
        text, encoding, root = parsed
        host = page_host(text) or "unknown"
        site = site_of_host(host)
        if per_site[site] >= MAX_PAGES_PER_SITE:
            skipped["site full"] += 1
            continue
        fine = visible_text.render(root, visible_text.FINE)
        lines = [line.text for line in fine]
        _, body, covered = align(lines, "", paragraphs)
        if not body or covered < 0.8:
            skipped["reference not covered"] += 1
            continue
        if len(body) > MAX_BODY_LINES:
            skipped["not an article's length"] += 1
            continue
        title = title_line(lines, visible_text.page_title(root), min(body))
        name = f"{number:03d}_{site}_{key[:8]}"
        classes, fields, _ = propose(lines, title, body)
        titled = [n for n, c in classes.items() if c == "title"]
        fields["title"] = lines[titled[0] - 1].strip() if titled else None
        clock = CLOCK.search(date)
        dataset = {"author": None if author.upper() == "UNKNOWN" else author,
                   "published": (clock[1] + (f" {int(clock[2]):02d}:{clock[3]}" if clock[2] else "")) if clock
                   else None}
        extra = {
            "source_url_or_repo_path": f"github:{CWCED}@{commit}:{path}",
            "script": script_of("".join(paragraphs)), "source_encoding": encoding, "site": site,
            "notes": "imported from the collection's cleaned text, author and date; title and classes other than "
                     f"body proposed, to review; the collection says {json.dumps(dataset, ensure_ascii=False)}",
            "alignment": {"reference_covered": round(covered, 3), "title_line": None if title is None else title + 1},
        }
        (SCORED / f"{name}.txt").write_text("".join(line + "\n" for line in lines), "utf-8")
        write_json(SCORED / f"{name}.expected.json", annotation(lines, classes, fields, **extra))
        sources[name] = {"key": key, "host": host, "site": site, "repository": CWCED, "commit": commit,
                         "path": path, "licence": "MIT (the collection); texts are their publishers' copyright, "
                         "here as test data"}
        write_joined(name, root, fine, classes)
        per_site[site] += 1
        number += 1
        print(f"{name}: {len(lines)} lines, {len(body)} body, covered {covered:.0%}, title line "
              f"{None if title is None else title + 1}")
    write_json(SOURCES, dict(sorted(sources.items())))
    print(f"{len(sources)} pages from {len({v['site'] for v in sources.values()})} sites; skipped {dict(skipped)}")


def _parsed(html: bytes) -> tuple[str, str, etree._Element] | None:
    """A saved page's text, its encoding and its tree; None where it does not parse."""
    text, encoding = visible_text.decode_html(html)
    try:
        return text, encoding, visible_text.parse(text)
    except PipelineError:
        return None


def write_joined(name: str, root: etree._Element, fine: list[visible_text.RenderedLine],
                 classes: dict[int, str]) -> None:
    """The joined rendering of a page and its classes, carried over from the fine one's segments."""
    segment_class = {s: classes[n] for n, line in enumerate(fine, start=1) for s in line.segments}
    joined = visible_text.render(root, visible_text.JOINED)
    labels = {c: [] for c in CLASSES}  # type: dict[str, list[int]]
    for n, line in enumerate(joined, start=1):
        found = [segment_class[s] for s in line.segments if s in segment_class]
        label = min(found, key=PRIORITY.index) if found else "boilerplate"
        labels["title" if label == "subtitle" else label].append(n)
    (JOINED / f"{name}.txt").write_text("".join(line.text + "\n" for line in joined), "utf-8")
    write_json(JOINED / f"{name}.lines.json", {c: spec(v) for c, v in labels.items() if v})
    (JOINED / f"{name}{DOM_SUFFIX}").write_text(dom_json([line.dom for line in joined]), "utf-8")


def render_again() -> int:
    """Render every imported page again from the snapshots: the fine rendering must still be the committed text
    (its labels are); the joined rendering, its classes and both renderings' DOM hints are written anew."""
    sources = json.loads(SOURCES.read_text("utf-8"))
    changed = []
    for name, source in sources.items():
        html = git_show(snapshot(source["repository"]), source["path"])
        root = visible_text.parse(visible_text.decode_html(html)[0])
        fine = visible_text.render(root, visible_text.FINE)
        if [line.text for line in fine] != page_lines(name):
            changed.append(name)
            continue
        exp = json.loads((SCORED / f"{name}.expected.json").read_text("utf-8"))
        given = line_classes(exp["line_classes"], len(fine))  # a subtitle line is a title here, as when training
        classes = {n: given.get(n, "boilerplate") for n in range(1, len(fine) + 1)}
        (SCORED / f"{name}{DOM_SUFFIX}").write_text(dom_json([line.dom for line in fine]), "utf-8")
        write_joined(name, root, fine, classes)
    print(f"{len(sources) - len(changed)} pages rendered again; the fine rendering differs from the committed text "
          f"on {len(changed)}{': ' + ', '.join(changed) if changed else ''}")
    return 1 if changed else 0


def write_json(path: Path, data: object) -> None:
    """JSON as the corpus writes it."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


def page_lines(name: str) -> list[str]:
    """The lines of an imported page."""
    return (SCORED / f"{name}.txt").read_text("utf-8").split("\n")[:-1]


def show(name: str, context: int) -> None:
    """The page's lines, numbered, with their classes; long runs of boilerplate far from the article folded."""
    exp = json.loads((SCORED / f"{name}.expected.json").read_text("utf-8"))
    lines = page_lines(name)
    classes = {n: c for c in CLASSES for n in line_numbers(exp["line_classes"][c], len(lines))}
    kept = [n for n, c in classes.items() if c != "boilerplate"]
    lo, hi = min(kept) - context, max(kept) + context
    print(json.dumps({f: exp[f] for f in FIELDS}, ensure_ascii=False), f"reviewed={exp.get('reviewed')}")
    folded = 0
    for n, line in enumerate(lines, start=1):
        if classes[n] == "boilerplate" and not lo <= n <= hi:
            folded += 1
            continue
        if folded:
            print(f"     … {folded} boilerplate lines")
            folded = 0
        mark = {"boilerplate": "  .", "body": "  B", "title": "  T", "subtitle": "  S", "meta": "  M",
                "heading": "  H", "caption": "  C"}[classes[n]]
        print(f"{n:4d}{mark} {line[:160]}")
    if folded:
        print(f"     … {folded} boilerplate lines")


def set_page(name: str, args: argparse.Namespace) -> None:
    """Change classes and fields of a page's annotation and mark it reviewed."""
    path = SCORED / f"{name}.expected.json"
    exp = json.loads(path.read_text("utf-8"))
    lines = page_lines(name)
    classes = _classes(exp, lines)
    for c in CLASSES:
        value = getattr(args, c)
        if value:
            for n in line_numbers(value, len(lines)):
                classes[n] = c
    fields = {f: exp[f] for f in FIELDS}
    for f in FIELDS:
        value = getattr(args, "f_" + f)
        if value is not None:
            fields[f] = None if value in ("", "null") else value
    extra = {k: exp.get(k) for k in KEPT_KEYS}
    if args.notes:
        extra["notes"] = args.notes
    extra["reviewed"] = True
    write_json(path, annotation(lines, classes, fields, **extra))
    root = visible_text.parse(visible_text.decode_html(_original_html(exp))[0])
    write_joined(name, root, visible_text.render(root, visible_text.FINE), classes)


# An annotation's keys that are neither classes, fields nor derived from them: kept when it is written again.
KEPT_KEYS = ("source_url_or_repo_path", "script", "source_encoding", "site", "notes", "original_url", "alignment")


def _classes(exp: dict[str, Any], lines: list[str]) -> dict[int, str]:
    """Each line's class (1-based line number) as an annotation gives them."""
    return {n: c for c in CLASSES for n in line_numbers(exp["line_classes"][c], len(lines))}


def derive() -> int:
    """Write each annotation again from its classes, fields and notes: the keys derived from the classes
    (headings, first and last paragraph, metadata and caption lines) follow them; nothing else changes."""
    changed = 0
    for path in sorted(SCORED.glob("*.expected.json")):
        exp = json.loads(path.read_text("utf-8"))
        lines = page_lines(path.name.removesuffix(".expected.json"))
        extra = {k: exp.get(k) for k in (*KEPT_KEYS, "reviewed")}
        again = annotation(lines, _classes(exp, lines), {f: exp[f] for f in FIELDS}, **extra)
        if again != exp:
            write_json(path, again)
            changed += 1
    print(f"{changed} annotations written again")
    return 0


def _original_html(exp: dict[str, Any]) -> bytes:
    """The page's HTML, from the snapshot the annotation names."""
    repo, _, rest = exp["source_url_or_repo_path"].removeprefix("github:").partition("@")
    _, _, path = rest.partition(":")
    return git_show(snapshot(repo), path)


def check() -> int:
    """Check every imported annotation with the team's checker and this corpus's own keys."""
    files = sorted(SCORED.glob("*.expected.json"))
    tool = ROOT / "tests" / "tools" / "check_annotations.py"
    result = subprocess.run([sys.executable, str(tool), *map(str, files)], capture_output=True, text=True)
    failed = [line for line in result.stdout.splitlines() if line.startswith(("FAIL", "   -"))]
    print("\n".join(failed))
    unreviewed = [f.name for f in files if not json.loads(f.read_text("utf-8")).get("reviewed")]
    print(f"{len(files)} annotations, {sum(1 for x in failed if x.startswith('FAIL'))} failed the checker, "
          f"{len(unreviewed)} not reviewed")
    return result.returncode


def split() -> None:
    """The frozen split: a fixed share of the imported sites by a hash of the name, the development sites
    always training (the rules were written with them in view)."""
    dev_sites = {p.name.split("_")[1] for p in DEV.glob("*.expected.json")}
    sources = json.loads(SOURCES.read_text("utf-8"))
    imported = sorted({v["site"] for v in sources.values()})
    test = [s for s in imported if s not in dev_sites and training.fold_of(s, 100) < TEST_SHARE]
    write_json(SPLIT, {
        "about": "Sites of the frozen test split: never used to train, tune or choose anything; scored by "
                 "make bench-cleaning for the record. A site is in it where int(sha256(site)[:8], 16) % 100 < "
                 f"{TEST_SHARE} and the development corpus (tests/data/corpus) has no page of it.",
        "rule": {"hash": "sha256", "share_percent": TEST_SHARE},
        "test_sites": test,
        "training_sites": sorted(set(imported) - set(test) | dev_sites),
    })
    pages = sum(1 for v in sources.values() if v["site"] in test)
    print(f"{len(test)} of {len(imported)} imported sites in the test split ({pages} pages)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("import").add_argument("mirror", type=Path)
    commands.add_parser("import-cwced").add_argument("mirror", type=Path)
    show_parser = commands.add_parser("show")
    show_parser.add_argument("name")
    show_parser.add_argument("--context", type=int, default=6)
    set_parser = commands.add_parser("set")
    set_parser.add_argument("name")
    for c in CLASSES:
        set_parser.add_argument("--" + (c + "-line" if c in FIELDS else c), dest=c,
                                help="line numbers that are of this class")
    for f in FIELDS:
        set_parser.add_argument("--" + f, dest="f_" + f, help="the field's value ('null' for none)")
    set_parser.add_argument("--notes")
    commands.add_parser("check")
    commands.add_parser("derive")
    commands.add_parser("split")
    commands.add_parser("render")
    args = parser.parse_args(argv)
    if args.command == "import":
        import_waddle(args.mirror)
    elif args.command == "import-cwced":
        import_cwced(args.mirror)
    elif args.command == "show":
        show(args.name.removesuffix(".txt"), args.context)
    elif args.command == "set":
        set_page(args.name.removesuffix(".txt"), args)
    elif args.command == "check":
        return check()
    elif args.command == "derive":
        return derive()
    elif args.command == "split":
        split()
    elif args.command == "render":
        return render_again()
    return 0


if __name__ == "__main__":
    sys.exit(main())
