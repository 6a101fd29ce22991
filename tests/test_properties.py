"""Invariants over arbitrary input: offsets rebuild the text; no stage raises."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from sourcebound import htmlblocks
from sourcebound.ingest import decode, document_from_text
from sourcebound.errors import InputRejected
from sourcebound.ledger import ledger_json
from sourcebound.model import Ledger
from sourcebound.pipeline import corpus_index, process_document
from sourcebound.render import escape_text, render_site
from sourcebound.segment import segment_text

#: Text that looks like news, with the characters segmentation cares about.
NEWSY = st.lists(
    st.sampled_from(
        list(string.ascii_letters + string.digits)
        + list(" \n\t.,;:!?…-—–'\"“”‘’«»()[]")
        + ["\n\n", "Mr.", "U.S.", " The ", " said ", "\r\n", "\u00a0", "\u2028", "Maj.-Gen. ", " a.m. "]
    ),
    max_size=120,
).map("".join)
#: Markup and template syntax that must never be interpreted.
HOSTILE = st.lists(
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            '<a href="javascript:alert(3)">x</a>',
            "[link](javascript:alert(4))",
            "![img](http://example.org/x.png)",
            "{{ config.site_name }}",
            "{% raw %}",
            "<!-- c -->",
            "| a | b |\n|---|---|",
            "`code`",
            "```\nfence\n```",
            "# Heading",
            "> quote",
            "*emph* _under_",
            "&amp; &#60;",
            "\u202e",
            " Officials said ",
            " at 13:02 Moscow time ",
            ". ",
            "\n\n",
            "Mayor Ann Lee said that ",
            "x" * 500,
        ]
    ),
    max_size=40,
).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY, HOSTILE)

#: What a page may never contain when it came from document text.
ACTIVE_MARKUP = ("<script", "<img", 'href="javascript:', "](javascript:", "<!--", "<a href=\"javascript")


def check_rebuild(text: str) -> None:
    result = segment_text(text, "doc")
    position = 0
    for number, sentence in enumerate(result.sentences, start=1):
        assert sentence.id == f"doc-s{number}"
        assert position <= sentence.start < sentence.end <= len(text)
        # Only whitespace lies between sentences: the spans rebuild the text.
        assert text[position : sentence.start].strip() == ""
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
        position = sentence.end
    assert text[position:].strip() == ""
    for quote in result.quotations:
        assert 0 <= quote.start < quote.end <= len(text)
    for sentence in result.sentences:
        paragraph = result.paragraphs[sentence.paragraph - 1]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


@given(ANY_TEXT)
def test_sentence_offsets_rebuild_any_text(text: str) -> None:
    check_rebuild(text)


@given(ANY_TEXT)
def test_no_stage_raises_on_arbitrary_text(text: str) -> None:
    record = process_document(document_from_text(text, "doc"))
    ledger = corpus_index([record], [])
    pages = render_site(ledger)
    assert "documents/doc.md" in pages
    ledger_json(ledger)
    for path, content in pages.items():
        if path.endswith(".md"):
            # Front matter is YAML, never rendered as Markdown or HTML (its title
            # is HTML-escaped for the theme); the body is what a reader's browser parses.
            body = content.split("\n---\n", 1)[1] if content.startswith("---\n") else content
            # The only comments allowed are the site's own pre-rendered HTML markers.
            for marker in (htmlblocks.OPEN, htmlblocks.OPEN_UNINDEXED, htmlblocks.CLOSE):
                body = body.replace(marker, "")
            assert not [m for m in ACTIVE_MARKUP if m in body], path
            assert "<" not in content.split("\n---\n", 1)[0].split("title:", 1)[-1].split("\n", 1)[0]
    for expression in record.times:
        assert text[expression.start : expression.end] == expression.text
    for attribution in record.attributions:
        assert text[attribution.cue.start : attribution.cue.end] == attribution.cue.text


@given(st.binary(max_size=300))
def test_decoding_arbitrary_bytes_gives_text_or_a_reason(data: bytes) -> None:
    try:
        decoded = decode(data, "corpus/x.txt")
    except InputRejected as rejected:
        assert rejected.diagnostics and rejected.diagnostics[0].path == "corpus/x.txt"
    else:
        assert "\r" not in decoded.text and "\x00" not in decoded.text


@given(st.text(max_size=200))
def test_escaped_text_has_no_markup_characters(text: str) -> None:
    escaped = escape_text(text)
    assert not set(escaped) & set("<>[]`*_|{}\\\n")
