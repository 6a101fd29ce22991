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
anchor validation knows them.

Without the plugin the page is still correct: a block is a raw HTML block,
which Markdown leaves as it is, only more slowly. Inside a block there is no
Markdown syntax: links are written as ``.html`` links, emphasis as elements.
Document text can never open or close a block: it is escaped, so ``<`` never
reaches the page as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

OPEN = "<!-- sourcebound:html -->"
CLOSE = "<!-- /sourcebound:html -->"

_PLACEHOLDER = re.compile(r"<!-- sourcebound:block (\d+) -->")
_ID = re.compile(r"""\sid="([^"<>]*)\"""")


def html_block(*parts: str) -> Markup:
    """``parts`` (trusted, escaped HTML) as one block that Markdown will not parse."""
    return Markup(f"\n{OPEN}\n{''.join(parts)}\n{CLOSE}\n")


def protect(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with every block replaced by a placeholder, and the blocks."""
    blocks: list[str] = []
    parts: list[str] = []
    position = 0
    while (start := markdown.find(OPEN, position)) >= 0:
        end = markdown.find(CLOSE, start)
        if end < 0:
            break
        parts.append(markdown[position:start])
        blocks.append(markdown[start + len(OPEN) : end].strip("\n"))
        # Blank lines around: the placeholder is a raw HTML block of its own.
        parts.append(f"\n<!-- sourcebound:block {len(blocks) - 1} -->\n")
        position = end + len(CLOSE)
    parts.append(markdown[position:])
    return "".join(parts), blocks


def restore(html: str, blocks: list[str]) -> str:
    """The rendered page with its blocks back in place of their placeholders."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


def element_ids(blocks: Iterable[str]) -> set[str]:
    """Every ``id`` attribute in ``blocks`` (values are written by sourcebound, escaped)."""
    return {found for block in blocks for found in _ID.findall(block)}
