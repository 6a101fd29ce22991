"""Pre-rendered HTML inside the generated Markdown pages, passed through untouched.

Most of a generated page (a document's numbered sentences, statement tables,
timelines, source notes) is HTML that sourcebound writes itself, with every
value already escaped. Handing it to the Markdown parser costs more than the
rest of the page build (inline patterns scan every span of every sentence) and
changes nothing. So the templates wrap such HTML between two comment lines::

    <!-- sourcebound:html -->
    <div class="sb-text">...</div>
    <!-- /sourcebound:html -->

and the plugin lifts each block out before Markdown runs
(:func:`protect`, from ``on_page_markdown``), leaving a one-line placeholder,
and puts it back into the page's HTML afterwards (:func:`restore`, from
``on_page_content``), declaring the element ids it contains so that MkDocs'
anchor validation knows them. A block opened with ``OPEN_UNINDEXED`` is kept
out of the search index: it goes back into the page only once the theme has
made the finished page (``on_post_page``), after the search plugin has read the
content, which it then need not parse at all. Likewise the parts of an indexed
block that the index leaves out (``<small data-search-exclude>`` elements:
a summary line's citations and marks) are held back while the search plugin
reads the page (:func:`restore_for_search`, :func:`restore_held_back`), and
every block of a page that the index does not hold. Blocks hold no external
asset (links between pages of the site, escaped text), so the plugin puts
them back after the other plugins have read the finished page: the privacy
plugin, which looks for external assets in every page, need not read them.

A heading inside a block is not seen by Markdown's toc extension, which
gives each heading written in Markdown its id and permalink and lists it in
the page's table of contents. The templates write such headings with
:class:`Headings`, which makes the same id and permalink as the extension,
and the plugin adds them to the page's table of contents
(:func:`table_of_contents`). A heading costs the Markdown parser more than a
paragraph, and a source page has one per document that quotes the source.

Without the plugin the page is still correct: a block is a raw HTML block,
which Markdown leaves as it is, only more slowly. Inside a block there is no
Markdown syntax: links are written as ``.html`` links, emphasis as elements.
Document text can never open or close a block: it is escaped, so ``<`` never
reaches the page as such.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from .templating import escape_text

OPEN = "<!-- sourcebound:html -->"
#: Opens a block that the search index must not hold (see :func:`restore`).
OPEN_UNINDEXED = "<!-- sourcebound:html unindexed -->"
CLOSE = "<!-- /sourcebound:html -->"
_OPENING = "<!-- sourcebound:html"

_PLACEHOLDER = re.compile(r"<!-- sourcebound:block (\d+) -->")
#: What an indexed block holds that the search index leaves out. Blocks are
#: written by sourcebound: such an element never contains another ``small``,
#: and escaped text never contains ``<``.
_HELD_BACK = re.compile(r"<small\b[^<>]*\bdata-search-exclude\b[^<>]*>.*?</small>", re.S)
_HELD_PLACEHOLDER = re.compile(r"<!-- sourcebound:held (\d+) -->")
_ID = re.compile(r"""\sid="([^"<>]*)\"""")
#: A heading written by :class:`Headings`: level, id and text (HTML).
_BLOCK_HEADING = re.compile(r'^<h([1-6]) id="([^"<>]*)">(.*?)<a class="headerlink" ', re.M)
#: Where the page's HTML has a heading (level, id) or a block (its number).
_TOC_POINT = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]*)"|<!-- sourcebound:block (\d+) -->')
#: The permalink of a heading, as Markdown's toc extension writes it with the
#: site's ``toc: permalink: true`` (a test compares the two).
PERMALINK = '<a class="headerlink" href="#{id}" title="Permanent link">&para;</a>'


@dataclass(frozen=True)
class Block:
    html: str
    #: False: kept out of the search index.
    indexed: bool = True


def html_block(*parts: str, indexed: bool = True) -> Markup:
    """``parts`` (trusted, escaped HTML) as one block that Markdown will not parse."""
    return Markup(f"\n{OPEN if indexed else OPEN_UNINDEXED}\n{''.join(parts)}\n{CLOSE}\n")


def protect(markdown: str) -> tuple[str, list[Block]]:
    """The page's Markdown with every block replaced by a placeholder, and the blocks."""
    blocks: list[Block] = []
    parts: list[str] = []
    position = 0
    while (start := markdown.find(_OPENING, position)) >= 0:
        opening_end = markdown.find("-->", start)
        end = markdown.find(CLOSE, start)
        if end < 0 or opening_end < 0:
            break
        opening = markdown[start : opening_end + 3]
        if opening not in (OPEN, OPEN_UNINDEXED):
            parts.append(markdown[position : opening_end + 3])
            position = opening_end + 3
            continue
        parts.append(markdown[position:start])
        blocks.append(Block(markdown[opening_end + 3 : end].strip("\n"), indexed=opening == OPEN))
        # Blank lines around: the placeholder is a raw HTML block of its own.
        parts.append(f"\n<!-- sourcebound:block {len(blocks) - 1} -->\n")
        position = end + len(CLOSE)
    parts.append(markdown[position:])
    return "".join(parts), blocks


def restore(html: str, blocks: list[Block], *, indexed_only: bool = False) -> str:
    """The page's HTML with its blocks back in place of their placeholders; with
    ``indexed_only``, those kept out of the search index stay placeholders, to be
    restored in the finished page, after the search index has read the content."""
    if not blocks:
        return html

    def block(match: re.Match[str]) -> str:
        found = blocks[int(match.group(1))]
        return match.group(0) if indexed_only and not found.indexed else found.html

    return _PLACEHOLDER.sub(block, html)


def restore_for_search(html: str, blocks: list[Block], *, page_indexed: bool = True) -> tuple[str, list[str]]:
    """The page's HTML as the search index reads it: the indexed blocks back in
    place, except their parts the index leaves out, which are returned apart
    (each replaced by a placeholder); the other blocks stay placeholders. The
    search plugin parses every element it is given, even those it skips, so
    holding them back saves it the work. On a page kept out of the index
    (``page_indexed`` False) every block stays a placeholder."""
    if not page_indexed:
        return html, []
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(0))
        return f"<!-- sourcebound:held {len(held) - 1} -->"

    def block(match: re.Match[str]) -> str:
        found = blocks[int(match.group(1))]
        return _HELD_BACK.sub(hold, found.html) if found.indexed else match.group(0)

    return (_PLACEHOLDER.sub(block, html) if blocks else html), held


def restore_held_back(html: str, blocks: list[Block], held: list[str]) -> str:
    """The finished page: every block and held-back part in place."""
    html = restore(html, blocks)
    return _HELD_PLACEHOLDER.sub(lambda match: held[int(match.group(1))], html) if held else html


def element_ids(blocks: Iterable[Block]) -> set[str]:
    """Every ``id`` attribute in ``blocks`` (values are written by sourcebound, escaped)."""
    return {found for block in blocks for found in _ID.findall(block.html)}


class Headings:
    """The headings of one page that are written inside its blocks.

    Each gets the id Markdown's toc extension would give it, made by the
    extension's own functions: the slug of its text, unique on the page. The
    page's title is its one heading left to Markdown, and comes first: its
    id is taken before the others."""

    def __init__(self, title: str) -> None:
        """``title``: the page's title as the page's Markdown gives it (escaped)."""
        self._used: set[str] = set()
        self._counters: dict[str, int] = {}
        self._id(title)

    def _id(self, text: str) -> str:
        return unique(slugify(html.unescape(strip_tags(text)), "-"), self._used, self._counters)

    def __call__(self, level: int, text: str) -> Markup:
        """The heading, on a line of its own (``text`` is escaped unless it is
        :class:`~markupsafe.Markup`)."""
        text = text if isinstance(text, Markup) else escape_text(text)
        ident = self._id(text)
        return Markup(f'\n<h{level} id="{ident}">{text}{PERMALINK.format(id=ident)}</h{level}>\n')


def _links(items: Iterable[AnchorLink]) -> Iterator[AnchorLink]:
    for item in items:
        yield item
        yield from _links(item.children)


def table_of_contents(content: str, blocks: list[Block], toc: TableOfContents) -> TableOfContents:
    """The page's table of contents with the headings inside its blocks, in the
    order of the page (``content``: its HTML with every block a placeholder;
    ``toc``: the headings Markdown found)."""
    inside = [_BLOCK_HEADING.findall(block.html) if "headerlink" in block.html else [] for block in blocks]
    if not any(inside):
        return toc
    titles = {link.id: link.title for link in _links(toc)}
    tokens: list[dict[str, object]] = []
    for point in _TOC_POINT.finditer(content):
        if point[3] is not None:
            tokens += [{"level": int(level), "id": ident, "name": strip_tags(text)} for level, ident, text in inside[int(point[3])]]
        elif (ident := html.unescape(point[2])) in titles:
            tokens.append({"level": int(point[1]), "id": ident, "name": titles[ident]})
    return get_toc(nest_toc_tokens(tokens))  # type: ignore[arg-type]
