"""Templates and escaping shared by every page.

Every value placed in a template is escaped for both HTML and Markdown unless it
is explicitly marked as trusted :class:`markupsafe.Markup`, so document text is
shown as text wherever it appears.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

#: Characters that HTML or Markdown (with the extensions the site enables) would
#: interpret; each becomes a numeric character reference, which renders as itself.
_SPECIAL = "&<>\"'`*_[](){}#+!|\\~^=$:"
#: Each special character -> its numeric character reference; a line break inside
#: document text would end a table row or an HTML block, so it becomes a space.
_ESCAPES = {c: f"&#{ord(c)};" for c in _SPECIAL} | {"\n": " "}
#: Any character that needs escaping. Replacing what it finds is several times
#: faster than ``str.translate``, which looks every character up.
_NEEDS_ESCAPE = re.compile("[" + re.escape(_SPECIAL) + "\n]")
NOT_STATED = "not stated"


def _escape_match(found: re.Match[str]) -> str:
    return _ESCAPES[found[0]]


def escape_text(value: object) -> str:
    """Untrusted text -> a string that renders literally in Markdown and HTML."""
    text = str(value)
    return _NEEDS_ESCAPE.sub(_escape_match, text) if _NEEDS_ESCAPE.search(text) else text


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if value is None:
        return NOT_STATED
    return escape_text(value)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("sourcebound", "templates"),
        autoescape=False,
        finalize=_finalize,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def part_links(paths: Sequence[str], number: int) -> dict[str, str | None]:
    """The links from part ``number`` (from 1) of a page in ``paths`` parts to
    the previous and the next part, which are in the same folder."""
    names = [posixpath.basename(path) for path in paths]
    return {"previous": names[number - 2] if number > 1 else None, "next": names[number] if number < len(names) else None}


def render_template(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def front_matter_title(value: str) -> Markup:
    """A page title for front matter: a YAML scalar (JSON strings are valid YAML),
    HTML-escaped because the theme places ``page.meta.title`` in ``<title>`` as is."""
    return Markup(json.dumps(html.escape(" ".join(value.split())), ensure_ascii=False))




def front_matter_tags(tags: list[str]) -> Markup:
    """A YAML flow list of tags (JSON is valid YAML), sorted and without
    repeats; HTML-escaped like titles, since the theme prints tag names as they are."""
    unique = sorted({" ".join(t.split()) for t in tags if t and t.strip()})
    return Markup(json.dumps([html.escape(t) for t in unique], ensure_ascii=False))


#: Pages carry a tag for each source and each document they name only up to
#: this many documents. Above it the Tags page would list thousands of tags,
#: one per source and per document, which the Sources and Documents pages
#: already list (at 1,000 documents: 3.3 MB, 2.8 s to load in chromium), and a
#: source quoted in hundreds of documents would show hundreds of tags. The
#: other tags (verification status, outlet, kind of source) always stay.
NAME_TAGS_UP_TO = 100


def name_tags_shown(documents: int) -> bool:
    """Whether pages carry source and document tags in a corpus of ``documents``."""
    return documents <= NAME_TAGS_UP_TO


def tag(group: str, value: str) -> str:
    """``Group/value``; a slash inside the value must not start a new level."""
    return f"{group}/{value.replace('/', '∕')}"
