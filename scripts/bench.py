"""Benchmark sourcebound beside baselines measured in the same run.

For each corpus size it prints:

- the throughput of every pipeline stage (read, segment, time expressions,
  attribution, corpus index with merged sources, timeline, render, writing the
  pages), per document, beside the raw rate of reading the files and splitting
  them at sentence punctuation with one regular expression;
- full extraction (``build_ledger``) with one and with two worker processes;
- the end-to-end ``sourcebound build`` (pipeline + MkDocs) beside a plain
  ``mkdocs build`` of the same number of ordinary Markdown pages, with the same
  theme and plugins but no sourcebound (pages out of the navigation, as ours);
- peak memory (proportional set size, summed over the process and its workers,
  so pages a forked worker shares with its parent count once).

For one size (1,000 documents by default) it also measures incremental
rebuilds: full build, nothing changed, one document added, one changed, with
cache hits and misses, for extraction alone and for ``sourcebound build``.

Synthetic documents are news-like: about 600 words drawn, in a seeded random
order, from the sentences of the default corpus (``corpus/*.txt``), with the
named sources replaced by names from a pool (a few frequent, many rare, as in
news), and a metadata sidecar (title, outlet, author, publication date for most
documents). The same seed gives the same corpus.

Every measurement runs in a fresh process; the machine's load average is
printed beside the figures, because other work on the machine slows them down.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent
WORDS_PER_DOCUMENT = 600
SIDECAR = ".meta.yaml"

# --------------------------------------------------------------------------
# The synthetic corpus
# --------------------------------------------------------------------------

_FIRST = (
    "Alexei Anna Boris Dmitri Elena Fyodor Galina Igor Irina Ivan Katerina Kirill Larisa Maxim Mikhail "
    "Natalia Nikolai Oleg Olga Pavel Roman Svetlana Tatiana Viktor Yulia Yuri Andrei Daria Sergei Vera"
).split()
_ONSETS = "B D G K L M N P R S T V Z Kr Gr Dr Br Sh Ch Vl Str".split()
_VOWELS = "a o e i u ya".split()
_CODAS = "ko ro le mi na ve de ga li to sa".split()
_ENDINGS = "ov ev in enko ski ova yan ich nik ets".split()
_OUTLETS = (
    "Northern Wire|Capital Ledger|Evening Dispatch|Regional Herald|Daily Signal|Morning Courier|"
    "Frontline Report|City Bulletin|World Desk|Independent Monitor|Continental Post|River Times|"
    "Metro Observer|National Review Online|Press Agency East|Border News|Civic Journal|Harbour Gazette"
).split("|")
#: Names in the default corpus that stand for "a named person" and are replaced.
_PERSONS = (("Sergei Sobyanin", 0), ("Sergey Sobyanin", 0), ("Sobyanin", 1), ("Vladimir Popov", 2), ("Popov", 3))


def _surname(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) + rng.choice(_ENDINGS)


def _person_pool(size: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed * 7919 + 1)
    seen: set[str] = set()
    pool: list[tuple[str, str]] = []
    while len(pool) < size:
        last = _surname(rng)
        if last not in seen:
            seen.add(last)
            pool.append((rng.choice(_FIRST), last))
    return pool


def _seed_sentences() -> list[str]:
    from sourcebound.segment import segment_text

    sentences: list[str] = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text("utf-8")
        sentences += [" ".join(text[s.start : s.end].split()) for s in segment_text(text, "seed").sentences]
    return sentences


class Generator:
    """Deterministic news-like documents: document ``i`` depends only on ``i`` and the seed."""

    def __init__(self, seed: int = 7) -> None:
        self.seed = seed
        self.sentences = _seed_sentences()
        self.persons = _person_pool(2000, seed)
        # Zipf-like: a few people are quoted everywhere, most only now and then.
        self.weights = [1 / (rank + 1) for rank in range(len(self.persons))]

    def document(self, index: int, revision: int = 0) -> tuple[str, str]:
        """(text, sidecar YAML) of document ``index``."""
        rng = random.Random(f"{self.seed}:{index}:{revision}")
        a, b = rng.choices(self.persons, weights=self.weights, k=2)
        names = (f"{a[0]} {a[1]}", a[1], f"{b[0]} {b[1]}", b[1])
        words = 0
        paragraphs: list[str] = []
        while words < WORDS_PER_DOCUMENT:
            sentence = rng.choice(self.sentences)
            for old, slot in _PERSONS:
                sentence = sentence.replace(old, names[slot])
            # Two to three sentences to a paragraph, as in wire copy.
            if paragraphs and rng.random() < 0.55:
                paragraphs[-1] += " " + sentence
            else:
                paragraphs.append(sentence)
            words += len(sentence.split())
        text = "\n\n".join(paragraphs) + "\n"
        published = None
        if rng.random() < 0.9:  # one in ten documents states no date
            published = (date(2024, 10, 1) + timedelta(days=rng.randrange(60))).isoformat()
        title_words = paragraphs[0].split()[:9]
        sidecar = {
            "title": " ".join(title_words).rstrip(",.;:") if rng.random() < 0.8 else None,
            "outlet": rng.choice(_OUTLETS),
            "published": published,
            "authors": [f"{rng.choice(_FIRST)} {_surname(rng)}"],
            "language": "en",
            "license": None,
            "display": "full",
        }
        yaml = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in sidecar.items())
        return text, yaml

    def write(self, folder: Path, index: int, revision: int = 0) -> int:
        text, yaml = self.document(index, revision)
        name = f"doc-{index:05d}.txt"
        (folder / name).write_text(text, "utf-8")
        (folder / (name + SIDECAR)).write_text(yaml, "utf-8")
        return len(text.split())


def make_corpus(folder: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` documents (and sidecars) into ``folder``; return the word count."""
    folder.mkdir(parents=True, exist_ok=True)
    generator = Generator(seed)
    return sum(generator.write(folder, index) for index in range(count))


# --------------------------------------------------------------------------
# Measuring a child process: wall time and peak memory of its whole process tree
# --------------------------------------------------------------------------

_PAGE = os.sysconf("SC_PAGE_SIZE")
#: A measurement whose processes together hold more than this is stopped (--max-memory).
MEMORY_LIMIT = 8 * 2**30


def _memory(pid: int) -> int:
    """Bytes of memory that process ``pid`` holds: its proportional set size
    (pages shared with other processes, such as forked workers, counted once
    across them), or its resident set size where the kernel gives no PSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as handle:
        return int(handle.read().split()[1]) * _PAGE


def _tree_rss(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += _memory(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


class Measured:
    def __init__(self, seconds: float, peak_mb: float, stdout: str, stderr: str, returncode: int, timed_out: bool) -> None:
        self.seconds, self.peak_mb, self.stdout, self.stderr = seconds, peak_mb, stdout, stderr
        self.returncode, self.timed_out = returncode, timed_out
        self.cpu = 0.0

    def json_lines(self) -> dict[str, object]:
        found: dict[str, object] = {}
        for line in self.stdout.splitlines():
            if line.startswith("{"):
                found.update(json.loads(line))
        return found


def run_measured(command: list[str], *, cwd: Path | None = None, timeout: float | None = None, env: dict[str, str] | None = None) -> Measured:
    """Run ``command``; wall time, CPU time (user + system, its workers included)
    and the peak of the summed resident memory of its process tree."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, text=True, env=env or _environment())
        peak = 0
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss(process.pid))
            if (timeout is not None and time.perf_counter() - start > timeout) or peak > MEMORY_LIMIT:
                timed_out = True
                process.kill()
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        measured = Measured(elapsed, peak / 2**20, out.read(), err.read(), process.returncode, timed_out)
    measured.cpu = usage.ru_utime + usage.ru_stime
    return measured


def _self(*args: str) -> list[str]:
    return [PYTHON, str(Path(__file__).resolve()), *args]


#: A copy of the package and site configuration taken when the run starts, so that
#: every measurement of one run uses the same code even if the checkout changes.
SNAPSHOT: Path | None = None


def take_snapshot(folder: Path) -> Path:
    global SNAPSHOT
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "src" / "sourcebound", folder / "sourcebound", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for relative in tracked:
        if (ROOT / relative).is_file():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / relative, target)
    SNAPSHOT = folder
    return folder


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    if SNAPSHOT is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(SNAPSHOT), env.get("PYTHONPATH"))))
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONHASHSEED", "0")
    return env


# --------------------------------------------------------------------------
# Child commands (run in fresh processes by the parent)
# --------------------------------------------------------------------------


def _emit(**values: object) -> None:
    print(json.dumps(values), flush=True)


def child_stages(corpus: Path, docs_out: Path) -> None:
    """Each stage timed over the whole corpus, one worker, results printed as they
    come. Segmentation, time expressions and attribution are timed on their own;
    ``process_document`` then runs everything derived from one document (those
    three and the analyses built on them), as the pipeline does."""
    import resource

    from sourcebound.attribution import extract_attributions
    from sourcebound.entities import merge_entities
    from sourcebound.ingest import document_format, read_document
    from sourcebound.ledger import published_records
    from sourcebound.model import InputFile, InputStatus
    from sourcebound.pipeline import _document_date, corpus_index, discover, process_document
    from sourcebound.render import render_site
    from sourcebound.segment import segment
    from sourcebound.site import sync_generated
    from sourcebound.timeline import corpus_timeline
    from sourcebound.timex import extract_times

    def _rss() -> float:  # the peak so far, MB
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    files = discover(corpus)
    label = corpus.name

    # Baseline: read every file and split it at sentence punctuation.
    start, cpu = time.perf_counter(), time.process_time()
    splitter = re.compile(r"(?<=[.!?])\s+")
    sentences = 0
    for path in files:
        if document_format(path) is not None:
            sentences += len(splitter.split(path.read_text("utf-8")))
    _emit(baseline=time.perf_counter() - start, baseline_rss=_rss(), baseline_cpu=time.process_time() - cpu, baseline_sentences=sentences)

    def shown(path: Path) -> str:
        return f"{label}/{path.relative_to(corpus).as_posix()}"

    start, cpu = time.perf_counter(), time.process_time()
    documents = []
    inputs = []
    for path in files:
        if path.name.endswith(SIDECAR):
            inputs.append(InputFile(shown(path), InputStatus.METADATA, describes=shown(path.with_name(path.name[: -len(SIDECAR)]))))
            continue
        sidecar = path.with_name(path.name + SIDECAR)
        sidecar = sidecar if sidecar.exists() else None
        document, warnings = read_document(path, shown(path), sidecar=sidecar, sidecar_display=shown(sidecar) if sidecar else None)
        documents.append(document)
        inputs.append(InputFile(shown(path), InputStatus.ACCEPTED, document_id=document.id, diagnostics=warnings))
    _emit(read=time.perf_counter() - start, read_rss=_rss(), read_cpu=time.process_time() - cpu, documents=len(documents), words=sum(len(d.text.split()) for d in documents))

    start, cpu = time.perf_counter(), time.process_time()
    segmentations = [segment(d) for d in documents]
    _emit(segment=time.perf_counter() - start, segment_rss=_rss(), segment_cpu=time.process_time() - cpu, sentences=sum(len(s.sentences) for s in segmentations))
    # The corpus is drawn from the default documents' sentences: how often a text
    # recurs bears on any result kept per text.
    _emit(distinct_sentences=len({d.text[s.start : s.end] for d, g in zip(documents, segmentations) for s in g.sentences}))

    dates = [_document_date(d, None) for d in documents]
    start, cpu = time.perf_counter(), time.process_time()
    times = [extract_times(d.text, s, dct=dct, doc_id=d.id) for d, s, (dct, _) in zip(documents, segmentations, dates)]
    _emit(timex=time.perf_counter() - start, timex_rss=_rss(), timex_cpu=time.process_time() - cpu, times=sum(map(len, times)))

    start, cpu = time.perf_counter(), time.process_time()
    attributions = [extract_attributions(d.text, s, doc_id=d.id) for d, s in zip(documents, segmentations)]
    _emit(attribution=time.perf_counter() - start, attribution_rss=_rss(), attribution_cpu=time.process_time() - cpu, attributions=sum(map(len, attributions)))

    del segmentations, times, attributions
    # Everything derived from one document (the three stages above and the
    # analyses built on them), as the pipeline runs it.
    start, cpu = time.perf_counter(), time.process_time()
    records = sorted((process_document(d) for d in documents), key=lambda r: r.id)
    _emit(process=time.perf_counter() - start, process_rss=_rss(), process_cpu=time.process_time() - cpu)

    start, cpu = time.perf_counter(), time.process_time()
    ledger = corpus_index(records, inputs)
    _emit(index=time.perf_counter() - start, index_rss=_rss(), index_cpu=time.process_time() - cpu, entities=len(ledger.entities))
    visible = {r.id: r.attributions for r in records if r.document.metadata.text_visible}
    start, cpu = time.perf_counter(), time.process_time()
    merge_entities(visible)
    _emit(merge_entities=time.perf_counter() - start, merge_entities_rss=_rss(), merge_entities_cpu=time.process_time() - cpu)

    start, cpu = time.perf_counter(), time.process_time()
    timeline = corpus_timeline(published_records(ledger))
    _emit(timeline=time.perf_counter() - start, timeline_rss=_rss(), timeline_cpu=time.process_time() - cpu, entries=len(timeline.entries))

    start, cpu = time.perf_counter(), time.process_time()
    pages = render_site(ledger, site_title="Synthetic corpus")
    _emit(render=time.perf_counter() - start, render_rss=_rss(), render_cpu=time.process_time() - cpu, pages=sum(1 for name in pages if name.endswith(".md")), files=len(pages))

    start, cpu = time.perf_counter(), time.process_time()
    sync_generated(docs_out, pages)
    _emit(write=time.perf_counter() - start, write_rss=_rss(), write_cpu=time.process_time() - cpu, rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def child_extract(corpus: Path, workers: int) -> None:
    from sourcebound.pipeline import build_ledger

    start, cpu = time.perf_counter(), time.process_time()
    ledger = build_ledger(corpus, workers=workers)
    _emit(seconds=time.perf_counter() - start, parent_cpu=time.process_time() - cpu, documents=len(ledger.records))


def child_incremental(corpus: Path, cache_dir: Path, seed: int) -> None:
    """Extraction alone with the cache: full, unchanged, one added, one changed."""
    from sourcebound.cache import RecordCache
    from sourcebound.pipeline import build_ledger

    generator = Generator(seed)
    count = len(list(corpus.glob("*.txt")))
    steps = (
        ("full build", None),
        ("nothing changed", None),
        ("one document added", lambda: generator.write(corpus, count)),
        ("one document changed", lambda: generator.write(corpus, 7, revision=1)),
    )
    for name, change in steps:
        if change is not None:
            change()
        cache = RecordCache(cache_dir)
        start, cpu = time.perf_counter(), time.process_time()
        ledger = build_ledger(corpus, cache=cache, workers=1)
        _emit(step=name, seconds=time.perf_counter() - start, cpu=time.process_time() - cpu, hits=cache.hits, misses=cache.misses, documents=len(ledger.records))


def child_sourcebound(args: list[str]) -> None:
    """``sourcebound build``, timing the pipeline apart from MkDocs: the plugin's
    pre-build step (extraction, corpus index, the first page), and the time
    MkDocs then waits for pages the workers have not written yet."""
    import sourcebound.plugin as plugin
    import sourcebound.site as site
    from sourcebound.cli import cli

    spent = {"pipeline": 0.0, "waited": 0.0}
    running: list[str] = []

    def timed(function, key):  # type: ignore[no-untyped-def]
        def run(*a: object, **k: object) -> object:
            if running:  # the home page, waited for inside start_site: counted once
                return function(*a, **k)
            running.append(key)
            start = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent[key] += time.perf_counter() - start
                running.pop()

        return run

    plugin.start_site = timed(plugin.start_site, "pipeline")  # type: ignore[assignment]
    site.GeneratedPages.wait_for = timed(site.GeneratedPages.wait_for, "waited")  # type: ignore[method-assign]
    site.GeneratedPages.finish = timed(site.GeneratedPages.finish, "waited")  # type: ignore[method-assign]
    try:
        cli.main(args=args, prog_name="sourcebound", standalone_mode=True)
    finally:
        print(json.dumps(spent), file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Site projects
# --------------------------------------------------------------------------


#: A MkDocs hook for the benchmark's copy of the site: CPU time per page, by folder.
PAGE_TIMER = """
import json, time
from collections import defaultdict
_start = {}
_markdown = defaultdict(float)
_template = defaultdict(float)
_count = defaultdict(int)
_last = [0.0]
def _kind(page):
    uri = page.file.src_uri
    return uri.split("/", 1)[0] + "/" if "/" in uri else "top-level"
def on_pre_page(page, config, files):
    _start[page.file.src_uri] = time.process_time()
    return page
def on_page_content(html, page, config, files):
    _markdown[_kind(page)] += time.process_time() - _start.pop(page.file.src_uri)
    _count[_kind(page)] += 1
    return html
def on_env(env, config, files):
    _last[0] = time.process_time()
    return env
def on_post_page(output, page, config):
    now = time.process_time()
    _template[_kind(page)] += now - _last[0]
    _last[0] = now
    return output
def on_post_build(config):
    kinds = sorted(_count)
    print(json.dumps({"pages_cpu": {k: [_count[k], _markdown[k], _template[k]] for k in kinds}}), flush=True)
"""


def site_project(folder: Path) -> Path:
    """A copy of the project's site configuration and hand-written docs, with a
    hook that times each page."""
    source = SNAPSHOT or ROOT
    folder.mkdir(parents=True)
    config = (source / "mkdocs.yml").read_text("utf-8")
    (folder / "bench_pages.py").write_text(PAGE_TIMER, "utf-8")
    (folder / "mkdocs.yml").write_text(config + "\nhooks:\n  - bench_pages.py\n", "utf-8")
    shutil.copytree(source / "overrides", folder / "overrides")
    if SNAPSHOT is not None:
        shutil.copytree(SNAPSHOT / "docs", folder / "docs")
        return folder
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for relative in tracked:
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / relative, target)
    return folder


def plain_project(folder: Path, corpus: Path, count: int) -> Path:
    """``count`` ordinary Markdown pages (the synthetic texts, taken in turn and
    again from the first when there are more pages than texts), listed on an
    index page, out of the navigation; same theme, overrides and plugins, no sourcebound."""
    import yaml

    folder.mkdir(parents=True)
    source = SNAPSHOT or ROOT
    config = yaml.safe_load((source / "mkdocs.yml").read_text("utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "sourcebound" in p)]
    config["nav"] = [{"Home": "index.md"}]
    config["not_in_nav"] = "/documents/*.md\n"
    config["hooks"] = ["bench_pages.py"]
    (folder / "bench_pages.py").write_text(PAGE_TIMER, "utf-8")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    shutil.copytree(source / "overrides", folder / "overrides")
    shutil.copytree(source / "docs" / "assets", folder / "docs" / "assets")
    pages = folder / "docs" / "documents"
    pages.mkdir(parents=True)
    texts = sorted(corpus.glob("*.txt"))
    links = []
    for number in range(max(count - 1, 1)):
        path = texts[number % len(texts)]
        name = f"page-{number:05d}"
        (pages / f"{name}.md").write_text(f"# {path.stem}\n\n{path.read_text('utf-8')}", "utf-8")
        links.append(f"- [{path.stem}](documents/{name}.md)\n")
    (folder / "docs" / "index.md").write_text("# Documents\n\n" + "".join(links), "utf-8")
    return folder


def _sourcebound_build(project: Path, corpus: Path, extra: list[str], timeout: float | None) -> tuple[Measured, dict[str, object]]:
    command = _self("_sourcebound", "-v", "build", "--corpus", str(corpus), "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"), *extra)
    measured = run_measured(command, cwd=project, timeout=timeout, env=_environment())
    info: dict[str, object] = {}
    for line in measured.stderr.splitlines():
        if line.startswith("{"):
            info.update(json.loads(line))
        found = re.search(r"(\d+) cached, (\d+) extracted", line)
        if found:
            info["hits"], info["misses"] = int(found[1]), int(found[2])
    info.update(measured.json_lines())
    info["cpu"] = measured.cpu
    info["warnings"] = sum(1 for line in measured.stderr.splitlines() if line.startswith("WARNING"))
    if measured.returncode != 0 and not measured.timed_out:
        errors = [line for line in measured.stderr.splitlines() if line.startswith(("Error", "ERROR"))]
        info["failed"] = (errors or measured.stderr.strip().splitlines() or ["no message"])[-1][:500]
    return measured, info


def _mkdocs_build(project: Path, timeout: float | None) -> Measured:
    measured = run_measured([str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")], cwd=project, timeout=timeout, env=_environment())
    if measured.returncode != 0 and not measured.timed_out:
        raise SystemExit(f"mkdocs build failed:\n{measured.stderr[-3000:]}")
    return measured


# --------------------------------------------------------------------------
# The parent: runs everything and prints the tables
# --------------------------------------------------------------------------


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def fmt_time(measured: Measured | None) -> str:
    if measured is None:
        return "skipped"
    return f"> {measured.seconds:.0f} s (stopped: time or memory limit)" if measured.timed_out else f"{measured.seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark sourcebound against same-run baselines.")
    parser.add_argument("--sizes", default="100,1000,10000", help="corpus sizes, comma-separated; empty: none [%(default)s]")
    parser.add_argument("--skip-site-at", type=int, default=None, metavar="N", help="skip the MkDocs site builds for corpora of N documents or more")
    parser.add_argument("--incremental-at", type=int, default=1000, metavar="N", help="corpus size for the incremental rebuilds; 0: none [%(default)s]")
    parser.add_argument("--workers", type=int, default=2, help="workers for the parallel extraction run [%(default)s]")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic corpus [%(default)s]")
    parser.add_argument("--timeout", type=float, default=1800, help="stop any one measurement after this many seconds [%(default)s]")
    parser.add_argument("--max-memory", type=int, default=8192, metavar="MB", help="stop any one measurement holding more memory than this [%(default)s]")
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this JSON file")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    global MEMORY_LIMIT
    MEMORY_LIMIT = args.max_memory * 2**20

    print(f"sourcebound benchmark: sizes {', '.join(f'{s:,}' for s in sizes)}; seed {args.seed}; {os.cpu_count()} CPU cores; load average {load()}", flush=True)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="sourcebound-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    take_snapshot(workdir / "code")
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "src", "mkdocs.yml", "overrides"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"code: commit {head}{' with uncommitted changes' if dirty else ''} (copied at start; every measurement uses that copy)")
    print("times are wall-clock; 'cpu' is user + system time of the process and its workers, less sensitive to other work on the machine", flush=True)
    results: dict[str, object] = {"sizes": {}}
    try:
        for size in sizes:
            results["sizes"][str(size)] = run_size(workdir / f"n{size}", size, args)  # type: ignore[index]
        if args.incremental_at:
            results["incremental"] = run_incremental(workdir / f"inc{args.incremental_at}", args.incremental_at, args)
        if sizes:
            summary(results, sizes, args)
    finally:
        if args.json:
            args.json.write_text(json.dumps(results, indent=2), "utf-8")
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


STAGES = (
    ("read", "read (ingest + metadata)"),
    ("segment", "segment"),
    ("timex", "time expressions"),
    ("attribution", "attribution"),
    ("process", "process_document, all of it"),
    ("index", "corpus index (merge sources)"),
    ("timeline", "corpus timeline"),
    ("render", "render pages"),
    ("write", "write changed pages"),
)
EXTRACTION = ("read", "process")


def _pages_cpu(info: dict[str, object]) -> str:
    kinds = info.get("pages_cpu") or {}
    return "; ".join(
        f"{kind} {count} pages, {1000 * (md + tpl) / max(count, 1):.0f} ms/page (Markdown {1000 * md / max(count, 1):.0f} + theme and search {1000 * tpl / max(count, 1):.0f})"
        for kind, (count, md, tpl) in kinds.items()  # type: ignore[union-attr]
    )


def run_size(folder: Path, size: int, args: argparse.Namespace) -> dict[str, object]:
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus"
    start = time.perf_counter()
    words = make_corpus(corpus, size, args.seed)
    print(f"\n== {size:,} documents ({words:,} words, {words / size:.0f} a document; generated in {time.perf_counter() - start:.1f} s); load {load()}", flush=True)
    out: dict[str, object] = {"documents": size, "words": words, "load_before": load()}

    stages = run_measured(_self("_stages", str(corpus), str(folder / "docs-out")), timeout=args.timeout)
    figures = stages.json_lines()
    if stages.returncode != 0 and not stages.timed_out:
        raise SystemExit(f"stage run failed:\n{stages.stderr[-3000:]}")
    figures["peak_mb"] = stages.peak_mb
    figures["timed_out"] = stages.timed_out
    out["stages"] = figures
    base = float(figures["baseline_cpu"])  # type: ignore[arg-type]
    print(f"  {figures.get('sentences', '?')} sentences ({figures.get('distinct_sentences', '?')} distinct texts), {figures.get('times', '?')} time expressions, {figures.get('attributions', '?')} attributions; "
          f"{figures.get('entities', '?')} merged sources; {figures.get('entries', '?')} timeline entries; {figures.get('pages', '?')} pages")
    print(f"  stages in one process, one worker:")
    print(f"  {'stage':<30} {'wall s':>9} {'cpu s':>9} {'cpu ms/doc':>11} {'docs/s':>9} {'x baseline':>11} {'peak MB':>8}")
    print(f"  {'baseline: read + regex split':<30} {float(figures['baseline']):>9.3f} {base:>9.3f} {1000 * base / size:>11.3f} {size / base:>9.0f} {'1':>10}x")
    for key, label in STAGES:
        if key not in figures:
            print(f"  {label:<30} {'not reached' if stages.timed_out else '—':>9}")
            continue
        wall, cpu = float(figures[key]), float(figures[key + "_cpu"])  # type: ignore[arg-type]
        print(f"  {label:<30} {wall:>9.3f} {cpu:>9.3f} {1000 * cpu / size:>11.3f} {size / max(cpu, 1e-9):>9.0f} {cpu / base:>10.0f}x {float(figures.get(key + '_rss', 0)):>8.0f}")  # type: ignore[arg-type]
    if "merge_entities" in figures:
        print(f"  {'  of which merge_entities':<30} {float(figures['merge_entities']):>9.3f} {float(figures['merge_entities_cpu']):>9.3f}")  # type: ignore[arg-type]
    if all(k in figures for k in EXTRACTION):
        extraction = sum(float(figures[k + "_cpu"]) for k in EXTRACTION)  # type: ignore[arg-type]
        print(f"  extraction (read + process_document): {1000 * extraction / size:.2f} ms cpu a document = {extraction / base:.0f}x the baseline")
    print(f"  peak memory of the stage run {stages.peak_mb:.0f} MB{'; STOPPED (time or memory limit)' if stages.timed_out else ''}; load {load()}", flush=True)

    runs: dict[str, object] = {}
    for workers in (1, args.workers):
        measured = run_measured(_self("_extract", str(corpus), str(workers)), timeout=args.timeout)
        inner = measured.json_lines().get("seconds")
        runs[str(workers)] = {"seconds": measured.seconds, "inner_seconds": inner, "cpu": measured.cpu, "peak_mb": measured.peak_mb, "timed_out": measured.timed_out}
        inner_text = f"{float(inner):.2f} s ({1000 * float(inner) / size:.2f} ms/doc)" if inner is not None else fmt_time(measured)  # type: ignore[arg-type]
        print(f"  extraction build_ledger(workers={workers}): {inner_text}; cpu {measured.cpu:.1f} s; process with start-up {measured.seconds:.2f} s; peak memory {measured.peak_mb:.0f} MB; load {load()}", flush=True)
    one, many = runs["1"].get("inner_seconds"), runs[str(args.workers)].get("inner_seconds")  # type: ignore[union-attr]
    if one and many:
        print(f"  speed-up with {args.workers} workers: {float(one) / float(many):.2f}x")
    out["extraction"] = runs

    if args.skip_site_at is not None and size >= args.skip_site_at:
        print("  site builds skipped (--skip-site-at)", flush=True)
        return out
    # The site first, cold cache: the baseline is a plain build of as many pages.
    project = site_project(folder / "site")
    built, info = _sourcebound_build(project, corpus, [], args.timeout)
    out["sourcebound_build"] = {"seconds": built.seconds, "peak_mb": built.peak_mb, **info}
    if "failed" in info:
        print(f"  sourcebound build FAILED after {built.seconds:.1f} s: {info['failed']}", flush=True)
        del out["sourcebound_build"]
        return out
    before, waited = float(info.get("pipeline", 0.0)), float(info.get("waited", 0.0))  # type: ignore[arg-type]
    site_pages = sum(entry[0] for entry in (info.get("pages_cpu") or {}).values())  # type: ignore[union-attr]
    plain = _mkdocs_build(plain_project(folder / "plain", corpus, site_pages), args.timeout)
    plain_info = plain.json_lines()
    out["plain_mkdocs"] = {"seconds": plain.seconds, "cpu": plain.cpu, "peak_mb": plain.peak_mb, "pages": site_pages, **plain_info}
    print(f"  plain mkdocs build, {site_pages:,} pages (as many as the site): {fmt_time(plain)}, cpu {plain.cpu:.1f} s ({1000 * plain.cpu / site_pages:.1f} ms/page), peak memory {plain.peak_mb:.0f} MB")
    print(f"    pages: {_pages_cpu(plain_info)}")
    print(f"  sourcebound build, cold cache, {site_pages:,} pages: {fmt_time(built)}, cpu {built.cpu:.1f} s ({1000 * built.cpu / size:.1f} ms/doc), peak memory {built.peak_mb:.0f} MB; "
          f"pipeline before MkDocs starts {before:.1f} s wall, then MkDocs waited {waited:.1f} s for pages still being made; {info['warnings']} warnings")
    print(f"    pages: {_pages_cpu(info)}")
    print(f"  ratio sourcebound build / plain mkdocs of as many pages: {built.seconds / plain.seconds:.2f}x wall, {built.cpu / max(plain.cpu, 1e-9):.2f}x cpu; load {load()}", flush=True)
    out["load_after"] = load()
    return out


def run_incremental(folder: Path, size: int, args: argparse.Namespace) -> dict[str, object]:
    print(f"\n== Incremental rebuilds, {size:,} documents; load {load()}", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus"
    make_corpus(corpus, size, args.seed)
    out: dict[str, object] = {}

    extraction_corpus = folder / "corpus-extraction"
    shutil.copytree(corpus, extraction_corpus)
    measured = run_measured(_self("_incremental", str(extraction_corpus), str(folder / "cache"), str(args.seed)), timeout=args.timeout)
    steps = [json.loads(line) for line in measured.stdout.splitlines() if line.startswith("{")]
    out["extraction"] = steps
    print("  extraction alone: build_ledger(corpus, cache=RecordCache(...), workers=1)")
    print(f"  {'step':<24} {'wall s':>9} {'cpu s':>9} {'x full':>7} {'hits':>6} {'misses':>7}")
    full = steps[0]["seconds"] if steps else 1.0
    for step in steps:
        print(f"  {step['step']:<24} {step['seconds']:>9.2f} {step.get('cpu', float('nan')):>9.2f} {step['seconds'] / full:>7.2f} {step['hits']:>6} {step['misses']:>7}", flush=True)

    if args.skip_site_at is not None and size >= args.skip_site_at:
        return out
    generator = Generator(args.seed)
    project = site_project(folder / "site")
    builds: list[dict[str, object]] = []
    steps_e2e = (
        ("full build (cold cache)", None),
        ("nothing changed", None),
        ("one document added", lambda: generator.write(corpus, size)),
        ("one document changed", lambda: generator.write(corpus, 7, revision=1)),
    )
    print("  end to end: sourcebound build (cache in .cache/sourcebound beside mkdocs.yml; default workers);")
    print("  'pipeline s': before MkDocs starts, plus the time MkDocs waits for pages still being made")
    print(f"  {'step':<24} {'wall s':>9} {'cpu s':>9} {'x full':>7} {'hits':>6} {'misses':>7} {'pipeline s':>11} {'rest (MkDocs) s':>16}")
    for name, change in steps_e2e:
        if change is not None:
            change()
        built, info = _sourcebound_build(project, corpus, [], args.timeout)
        if "failed" in info:
            print(f"  {name:<24} FAILED after {built.seconds:.1f} s: {info['failed']}", flush=True)
            break
        generated = float(info.get("pipeline", 0.0)) + float(info.get("waited", 0.0))  # type: ignore[arg-type]
        builds.append({"step": name, "seconds": built.seconds, "peak_mb": built.peak_mb, **info})
        first = float(builds[0]["seconds"])  # type: ignore[arg-type]
        print(f"  {name:<24} {built.seconds:>9.2f} {built.cpu:>9.1f} {built.seconds / first:>7.2f} {info.get('hits', '?'):>6} {info.get('misses', '?'):>7} {generated:>11.2f} {built.seconds - generated:>16.2f}", flush=True)
    out["end_to_end"] = builds
    return out


def summary(results: dict[str, object], sizes: list[int], args: argparse.Namespace) -> None:
    table: dict[str, dict[str, object]] = results["sizes"]  # type: ignore[assignment]
    print("\n== Cost a document by corpus size (ms of cpu a document; a flat row means linear growth)")
    print("  " + f"{'':<34}" + "".join(f"{s:>12,}" for s in sizes))

    def value(entry: dict[str, object], key: str) -> float | None:
        if key == "baseline" or key in dict(STAGES) or key == "merge_entities":
            found = entry["stages"].get(key + "_cpu")  # type: ignore[union-attr]
        elif key.startswith("x"):
            found = entry["extraction"].get(key[1:], {}).get("cpu")  # type: ignore[union-attr]
        else:
            found = (entry.get(key) or {}).get("cpu")  # type: ignore[union-attr]
        return None if found is None else float(found)

    rows = [("baseline: read + regex split", "baseline")] + [(label, key) for key, label in STAGES] + [("  of which merge_entities", "merge_entities")]
    rows += [("extraction, 1 worker (process)", "x1"), (f"extraction, {args.workers} workers (process)", f"x{args.workers}")]
    rows += [("sourcebound build", "sourcebound_build"), ("plain mkdocs build", "plain_mkdocs")]
    for label, key in rows:
        cells = []
        for size in sizes:
            found = value(table[str(size)], key)
            cells.append(f"{1000 * found / size:>12.3f}" if found is not None else f"{'—':>12}")
        print(f"  {label:<34}" + "".join(cells))
    print("  " + f"{'extraction wall s, 1 worker':<34}" + "".join(f"{_fmt(table[str(s)]['extraction'].get('1', {}).get('inner_seconds')):>12}" for s in sizes))  # type: ignore[union-attr]
    print("  " + f"{f'extraction wall s, {args.workers} workers':<34}" + "".join(f"{_fmt(table[str(s)]['extraction'].get(str(args.workers), {}).get('inner_seconds')):>12}" for s in sizes))  # type: ignore[union-attr]
    print("  " + f"{'peak memory, stage run (MB)':<34}" + "".join(f"{table[str(s)]['stages']['peak_mb']:>12.0f}" for s in sizes))  # type: ignore[index]

    print("\n== Targets")
    largest = max(sizes)
    entry = table[str(largest)]
    parallel = entry["extraction"].get(str(args.workers), {}).get("inner_seconds")  # type: ignore[union-attr]
    if parallel is not None:
        print(f"  full extraction of {largest:,} documents, {args.workers} workers: {float(parallel):.1f} s (target at 10,000: < 60 s{': ' + ('met' if parallel < 60 else 'NOT met') if largest >= 10000 else ''})")
    extraction_peak = max(float(v.get("peak_mb", 0)) for v in entry["extraction"].values())  # type: ignore[union-attr]
    print(f"  peak memory of extraction at {largest:,} documents: {extraction_peak:.0f} MB (target < 2048 MB: {'met' if extraction_peak < 2048 else 'NOT met'})")
    others = [(label, float(entry[k]["peak_mb"])) for k, label in (("sourcebound_build", "the site build"), ("stages", "the stage run, which keeps every record and page in one process")) if k in entry]  # type: ignore[index]
    for label, peak in others:
        print(f"  peak memory of {label}: {peak:.0f} MB")
    if "1000" in table and "sourcebound_build" in table["1000"]:
        built, plain = table["1000"]["sourcebound_build"], table["1000"]["plain_mkdocs"]  # type: ignore[index]
        ratio = float(built["seconds"]) / float(plain["seconds"])  # type: ignore[index]
        print(f"  site build at 1,000 documents: {float(built['seconds']):.1f} s vs plain mkdocs of as many pages ({plain.get('pages', '?')}) {float(plain['seconds']):.1f} s = {ratio:.2f}x wall, "  # type: ignore[index]
              f"{float(built['cpu']) / float(plain['cpu']):.2f}x cpu (target <= 2x: {'met' if ratio <= 2 else 'NOT met'})")  # type: ignore[index]
    print(f"  load average at the end: {load()}")


def _fmt(seconds: object) -> str:
    return "—" if seconds is None else f"{float(seconds):.1f}"  # type: ignore[arg-type]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        command, rest = sys.argv[1], sys.argv[2:]
        if command == "_stages":
            child_stages(Path(rest[0]), Path(rest[1]))
        elif command == "_extract":
            child_extract(Path(rest[0]), int(rest[1]))
        elif command == "_incremental":
            child_incremental(Path(rest[0]), Path(rest[1]), int(rest[2]))
        elif command == "_sourcebound":
            child_sourcebound(rest)
        else:
            raise SystemExit(f"unknown command {command}")
    else:
        main()
