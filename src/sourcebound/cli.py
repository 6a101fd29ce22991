"""The ``sourcebound`` command: a thin layer over the library.

Library errors become one ``Error: …`` line and exit status 1.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import SourceboundError
from .ledger import dumps, ledger_json
from .metadata import check_partial_date
from .pipeline import ledger_from_paths


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("sourcebound")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


@click.group()
@click.version_option(__version__, prog_name="sourcebound")
@click.option("-v", "--verbose", is_flag=True, help="Also report what went well.")
def cli(verbose: bool) -> None:
    """Turn a folder of news documents into a bounded, cited, neutral static site."""
    _setup_logging(verbose)


@cli.command()
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path, file_okay=False), default=None, help="Folder of documents [default: the 'corpus' option in mkdocs.yml].")
@click.option("--site-dir", type=click.Path(path_type=Path, file_okay=False), default=None, help="Where to write the site [default: site/].")
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False), default=Path("mkdocs.yml"), show_default=True, help="The MkDocs configuration.")
@click.option("--strict", is_flag=True, help="Fail on any rejected input and on any MkDocs warning.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Processes for extraction [default: one per CPU core].")
@click.option("--no-cache", is_flag=True, help="Extract every document again, ignoring cached results.")
def build(corpus_dir: Path | None, site_dir: Path | None, config_file: Path, strict: bool, workers: int | None, no_cache: bool) -> None:
    """Run the pipeline over the corpus, then build the site with MkDocs."""
    from .site import mkdocs_build

    if corpus_dir is not None and not corpus_dir.is_dir():
        _fail(f"corpus folder not found: {corpus_dir}")
    try:
        mkdocs_build(
            config_file,
            corpus_dir=corpus_dir.resolve() if corpus_dir else None,
            site_dir=site_dir,
            strict=strict,
            workers=workers,
            use_cache=not no_cache,
        )
    except SourceboundError as exc:
        _fail(str(exc))


def _valid_dct(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    problem = check_partial_date(value)
    if problem or len(value) != 10:
        raise click.BadParameter("expected a date as YYYY-MM-DD" + (f" ({problem})" if problem else ""))
    return value


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dct", callback=_valid_dct, metavar="YYYY-MM-DD", help="Document creation date, used to resolve relative time expressions.")
def extract(files: tuple[Path, ...], dct: str | None) -> None:
    """Print the JSON ledger of FILES (a sidecar FILE.meta.yaml beside a file is read too)."""
    from .ingest import sidecar_path

    paths: list[Path] = []
    for path in files:
        if not path.exists():
            _fail(f"{path}: no such file")
        paths.append(path)
        sidecar = sidecar_path(path)
        if sidecar.exists() and sidecar not in paths:
            paths.append(sidecar)
    ledger = ledger_from_paths(paths, dct=dct)
    click.echo(dumps(ledger_json(ledger)), nl=False)
    for item in ledger.rejected:
        for diagnostic in item.diagnostics:
            click.echo(f"Error: {diagnostic}", err=True)
    if ledger.rejected:
        sys.exit(1)


def _shard(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[int, int]:
    index, slash, count = value.partition("/")
    if not (slash and index.isdigit() and count.isdigit()) or not 0 <= int(index) < int(count):
        raise click.BadParameter(f"expected I/N with 0 <= I < N, e.g. 0/4 (got '{value}')")
    return int(index), int(count)


@cli.command("extract-corpus")
@click.argument("corpus_dir", metavar="CORPUS", type=click.Path(path_type=Path, file_okay=False))
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), required=True, help="The record cache to fill (the folder 'sourcebound build' reads: cache_dir in mkdocs.yml, .cache/sourcebound by default).")
@click.option("--shard", "shard", callback=_shard, default="0/1", show_default=True, metavar="I/N", help="Extract only shard I of N (numbered from 0): the documents whose name hashes to I.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Processes on this machine [default: one per CPU core].")
def extract_corpus(corpus_dir: Path, cache_dir: Path, shard: tuple[int, int], workers: int | None) -> None:
    """Extract the documents of CORPUS (or of one shard of it) into a record cache.

    Run the N shards anywhere that sees the corpus and the cache folder (a
    Slurm array, GNU parallel, Kubernetes jobs); 'sourcebound build' then finds
    every record in the cache. Files that cannot be read are reported here and
    again by the build; the exit status is 0 unless the command itself fails."""
    from .cache import RecordCache
    from .pipeline import extract_shard

    if not corpus_dir.is_dir():
        _fail(f"corpus folder not found: {corpus_dir}")
    index, count = shard
    try:
        report = extract_shard(corpus_dir, RecordCache(cache_dir), shard=index, shards=count, workers=workers)
    except SourceboundError as exc:
        _fail(str(exc))
    for item in report.rejected:
        for diagnostic in item.diagnostics:
            click.echo(f"Error: {diagnostic}", err=True)
    documents = f"{report.documents:,} document" + ("" if report.documents == 1 else "s")
    click.echo(f"shard {index}/{count}: {documents}: {report.extracted:,} extracted, {report.cached:,} already in the cache, {len(report.rejected):,} rejected")


@cli.command()
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("corpus"), show_default=True, help="Folder of documents.")
@click.option("--dct", callback=_valid_dct, metavar="YYYY-MM-DD", help="Document creation date for every document.")
def check(corpus_dir: Path, dct: str | None) -> None:
    """Run the bounds check: every composed line (summaries, timeline entries)
    must say only what the sentences it cites say. Exit 1 on any violation."""
    from .bounds import format_violation
    from .check import check_ledger
    from .pipeline import build_ledger

    if not corpus_dir.is_dir():
        _fail(f"corpus folder not found: {corpus_dir}")
    ledger = build_ledger(corpus_dir, dct=dct)
    violations = check_ledger(ledger)
    lines = sum(len(r.summary) for r in ledger.records)
    for violation in violations:
        click.echo(f"Error: {format_violation(violation)}", err=True)
    click.echo(f"{len(ledger.records)} documents, {lines} summary lines and their timeline entries checked: {len(violations)} violation(s).")
    if violations:
        sys.exit(1)


def main() -> None:
    cli(prog_name="sourcebound")
