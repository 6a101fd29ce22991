"""The MkDocs plugin: runs the pipeline before every build (and ``serve`` rebuild).

A thin layer: it resolves its options, starts the run with
:func:`sourcebound.site.start_site`, and reports through the
``mkdocs.plugins.sourcebound`` logger so that ``mkdocs build --strict`` fails on
a rejected input.

The pipeline runs before MkDocs lists the docs folder; the pages are then made
and written by worker processes while MkDocs converts the ones already written,
where MkDocs alone would leave the second core idle. Every generated file is
listed for MkDocs from the start (``on_files``); MkDocs waits for a page only
when it comes to read it (``on_pre_page``), and every file is written before
MkDocs copies the static files (``on_env``). A plugin that reads generated page
files itself before MkDocs does would find them not yet written.

The pre-rendered HTML blocks of a page (:mod:`sourcebound.htmlblocks`) that the
search index does not read join the finished page in this plugin's
``on_post_page``, which runs after every other plugin's (priority -100): a
plugin that reads the finished HTML sees them only if its own ``on_post_page``
has a lower priority still.
"""

from __future__ import annotations

import logging
import os
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader, Environment, PrefixLoader

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .cache import RecordCache
from .errors import SourceboundError
from .htmlblocks import Block, element_ids, protect, restore_for_search, restore_held_back, table_of_contents
from .render import DATA_PAGE, SEARCH_TEXT_UP_TO
from .site import SiteBuild, start_site

log = logging.getLogger("mkdocs.plugins.sourcebound")


class SourceboundConfig(Config):
    corpus = opt.Type(str, default="corpus")
    """The folder of documents, relative to ``mkdocs.yml``."""
    title = opt.Type(str, default="sourcebound")
    """The heading of the home page."""
    strict_inputs = opt.Type(bool, default=False)
    """Fail the build when any input file is rejected (``sourcebound build --strict``)."""
    cache_dir = opt.Type(str, default=".cache/sourcebound")
    """Where extraction results are cached, relative to ``mkdocs.yml``; empty: no cache."""
    workers = opt.Type(int, default=0)
    """Processes for extraction; 0: one per CPU core."""
    search_text_up_to = opt.Type(int, default=SEARCH_TEXT_UP_TO)
    """Index the documents' full text for search up to this many documents
    (their titles and summaries are always indexed)."""


#: The theme's own templates, reachable under this prefix once the plugin has
#: put its own navigation template in front of them.
THEME_PREFIX = "sourcebound-theme"

#: The theme's navigation, rendered once per folder for pages that are not in
#: it: on such a page no item is active, and the links differ only by the
#: folder the page is in. Pages in the navigation render it as the theme does.
NAV_TEMPLATE = (
    "{%- set folder = sourcebound_nav_folder(page) -%}"
    "{%- set rendered = sourcebound_nav_rendered(folder) -%}"
    "{%- if rendered is none -%}"
    "{%- set rendered -%}{%- include '" + THEME_PREFIX + "/partials/nav.html' -%}{%- endset -%}"
    "{{- sourcebound_nav_remember(folder, rendered) -}}"
    "{%- else -%}{{- rendered -}}{%- endif -%}"
)


class _NavigationCache:
    """The rendered navigation of pages outside it, by folder."""

    def __init__(self, in_nav: set[str]) -> None:
        self.in_nav = in_nav
        self.rendered: dict[str, str] = {}

    def folder(self, page: Page | None) -> str | None:
        if page is None or page.file.src_uri in self.in_nav:
            return None
        return posixpath.dirname(page.url)

    def lookup(self, folder: str | None) -> str | None:
        return None if folder is None else self.rendered.get(folder)

    def remember(self, folder: str | None, rendered: str) -> str:
        if folder is not None:
            self.rendered[folder] = rendered
        return rendered


class SourceboundPlugin(BasePlugin[SourceboundConfig]):
    #: The reason the last build was stopped, for callers that report it themselves.
    failure: str | None = None

    def __init__(self) -> None:
        super().__init__()
        #: Blocks lifted out of a page's Markdown until its HTML is ready.
        self._blocks: dict[str, list[Block]] = {}
        #: A page's blocks and held-back parts that join it only once the search
        #: index has read it.
        self._later: dict[str, tuple[list[Block], list[str]]] = {}
        #: Pages listed in the navigation (by source path).
        self._in_nav: set[str] = set()
        #: The run of this build, while its pages are being made.
        self._site: SiteBuild | None = None
        #: ``--dirty``: MkDocs reads only the pages whose file is newer than its output.
        self._dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Reproducible output: MkDocs stamps sitemap.xml.gz with the build time
        # unless SOURCE_DATE_EPOCH is set; no page shows a build date.
        os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
        return config

    def _corpus_dir(self, config: MkDocsConfig) -> Path:
        corpus = Path(self.config.corpus)
        if not corpus.is_absolute():
            corpus = Path(config.config_file_path).parent / corpus
        return corpus

    def _cache(self, config: MkDocsConfig) -> RecordCache | None:
        if not self.config.cache_dir:
            return None
        directory = Path(self.config.cache_dir)
        if not directory.is_absolute():
            directory = Path(config.config_file_path).parent / directory
        return RecordCache(directory)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.failure = None
        self._blocks.clear()
        self._later.clear()
        self._close()
        with _forwarded_logs():
            try:
                self._site = start_site(
                    self._corpus_dir(config),
                    Path(config.docs_dir),
                    strict_inputs=self.config.strict_inputs,
                    site_title=self.config.title,
                    cache=self._cache(config),
                    workers=self.config.workers or os.cpu_count() or 1,
                    site_url=config.site_url or None,
                    search_text_up_to=self.config.search_text_up_to,
                )
                if self._dirty:
                    # A dirty build skips every page whose file looks unchanged
                    # before asking for it: every page must be written first.
                    self._finish()
            except SourceboundError as exc:
                self._fail(exc)

    def _fail(self, exc: SourceboundError) -> None:
        self._close()
        self.failure = str(exc)
        raise PluginError(str(exc)) from exc

    def _finish(self) -> None:
        if self._site is not None:
            site, self._site = self._site, None
            site.finish()

    def _close(self) -> None:
        if self._site is not None:
            site, self._site = self._site, None
            site.close()

    @event_priority(50)  # before any other plugin reads the list of files
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self._site is None:
            return files
        # Pages not written yet are listed as the files they will be, in the
        # order MkDocs gives a folder's files; the data page, which gives the
        # sizes of every other file, is read last.
        listed = list(files)
        for path in self._site.pages.planned or ():
            if files.get_file_from_path(path) is None:
                listed.append(File(path, config.docs_dir, config.site_dir, config.use_directory_urls))
        listed.sort(key=file_sort_key)
        data_page = [file for file in listed if file.src_uri == DATA_PAGE]
        return Files([file for file in listed if file.src_uri != DATA_PAGE] + data_page)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        if self._site is not None:
            try:
                self._site.pages.wait_for(page.file.src_uri)
            except SourceboundError as exc:
                self._fail(exc)
        return page

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    @event_priority(50)
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page is read: the data files are written before MkDocs copies them.
        with _forwarded_logs():
            try:
                self._finish()
            except SourceboundError as exc:
                self._fail(exc)
        # A corpus of N documents makes about 4N pages outside the navigation;
        # rendering its items again for each was about a fifth of the theme's work.
        cache = _NavigationCache(self._in_nav)
        theme = env.loader
        assert theme is not None
        env.loader = ChoiceLoader([DictLoader({"partials/nav.html": NAV_TEMPLATE}), theme, PrefixLoader({THEME_PREFIX: theme})])
        if env.cache is not None:
            env.cache.clear()
        env.globals.update(sourcebound_nav_folder=cache.folder, sourcebound_nav_rendered=cache.lookup, sourcebound_nav_remember=cache.remember)
        return env

    @event_priority(50)  # before any other plugin reads or changes the Markdown
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Pre-rendered HTML blocks skip the Markdown parser (see htmlblocks).
        markdown, self._blocks[page.file.src_uri] = protect(markdown)
        return markdown

    @event_priority(50)  # before any other plugin reads the HTML
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        blocks = self._blocks.pop(page.file.src_uri, [])
        if blocks and page.present_anchor_ids is not None:
            page.present_anchor_ids |= element_ids(blocks)
        if blocks and page.toc is not None:
            page.toc = table_of_contents(html, blocks, page.toc)
        # What the search index leaves out joins the page once it is read.
        indexed = not (page.meta.get("search") or {}).get("exclude")
        html, held = restore_for_search(html, blocks, page_indexed=indexed)
        if held or not indexed or not all(block.indexed for block in blocks):
            self._later[page.file.src_uri] = (blocks, held)
        return html

    # After any other plugin's: they read the finished page without the blocks
    # held back (see htmlblocks), which the theme and those plugins leave as they are.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        later = self._later.pop(page.file.src_uri, None)
        return restore_held_back(output, *later) if later else output

    def on_build_error(self, *, error: Exception) -> None:
        self._close()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:  # type: ignore[no-untyped-def]
        server.watch(str(self._corpus_dir(config)))
        return server


@contextmanager
def _forwarded_logs() -> Iterator[None]:
    """Library warnings become MkDocs warnings while the block runs."""
    source_log = logging.getLogger("sourcebound")
    handler = _ForwardToMkDocs()
    source_log.addHandler(handler)
    try:
        yield
    finally:
        source_log.removeHandler(handler)


class _ForwardToMkDocs(logging.Handler):
    """Library warnings (rejected inputs) become MkDocs warnings, which ``--strict`` counts."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            log.warning(record.getMessage())
        elif record.levelno >= logging.INFO:
            log.info(record.getMessage())
