"""Invariants over arbitrary input: offsets rebuild the text; no stage raises."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcebound.ingest import decode, document_from_text
from sourcebound.errors import InputRejected
from sourcebound.ledger import ledger_json
from sourcebound.model import Ledger
from sourcebound.pipeline import process_document
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
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)


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
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_sentence_offsets_rebuild_any_text(text: str) -> None:
    check_rebuild(text)


@given(ANY_TEXT)
@settings(max_examples=150, deadline=None)
def test_no_stage_raises_on_arbitrary_text(text: str) -> None:
    record = process_document(document_from_text(text, "doc"))
    pages = render_site(Ledger(records=(record,), inputs=()))
    assert "documents/doc.md" in pages
    ledger_json(Ledger(records=(record,), inputs=()))


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_decoding_arbitrary_bytes_gives_text_or_a_reason(data: bytes) -> None:
    try:
        decoded = decode(data, "corpus/x.txt")
    except InputRejected as rejected:
        assert rejected.diagnostics and rejected.diagnostics[0].path == "corpus/x.txt"
    else:
        assert "\r" not in decoded.text and "\x00" not in decoded.text


@given(st.text(max_size=200))
@settings(deadline=None)
def test_escaped_text_has_no_markup_characters(text: str) -> None:
    escaped = escape_text(text)
    assert not set(escaped) & set("<>[]`*_|{}\\\n")
