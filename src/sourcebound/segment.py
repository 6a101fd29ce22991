"""Paragraphs, quotations and sentences, as character offsets into the text.

The segmenter is rule-based and tuned for news prose: abbreviations of titles
and ranks ("Maj.-Gen.", "Mr."), initials, dotted acronyms, quotations that hold
several sentences, and sentences that end inside a closing quote
(``… remains ‘largely intact.’ The officer …`` is two sentences). Its rules are
data at the top of this module. Spans never include surrounding whitespace and
everything between spans is whitespace, so the spans rebuild the text exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .model import Document, Quotation, Segmentation, Sentence, Span

TERMINALS = ".!?…"
#: Marks that may follow sentence-final punctuation and still belong to the sentence.
CLOSERS = "\"'”’»)]›"
#: Marks that may precede the first letter of a sentence.
OPENERS = "\"'“‘«([‹„"

#: Abbreviations that never end a sentence: titles, ranks, months, references.
NEVER_FINAL = frozenset(
    """
    mr mrs ms messrs dr prof gen lt col maj sgt capt cpt adm cmdr cdr brig cpl pte pvt
    gov sen rep pres amb atty hon rev fr st supt insp det
    no nos vol fig figs approx vs v cf art para sec ch pp op mt ft ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e viz
    """.split()
)

#: Abbreviations that may end a sentence: they end one only when a typical
#: sentence opener follows ("… in the U.S. The firm said …").
AMBIGUOUS = frozenset("inc ltd co corp llc plc bros jr sr etc al a.m p.m u.s u.k u.n e.u u.s.a d.c".split())

SENTENCE_STARTERS = frozenset(
    """
    The A An He She It They We I You This That These Those There Here In On At
    But And Or So Yet However Meanwhile Officials Its Their His Her Our After
    Before When While As If Some Many Most Other Others Both Neither No One
    """.split()
)

_T, _C, _O = (re.escape(marks) for marks in (TERMINALS, CLOSERS, OPENERS))
_BOUNDARY = re.compile(rf"[{_T}]+[{_C}]*(?=\s+\S)")
_TRAILING_TOKEN = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(rf"\s+[{_O}]*(\w+)")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_QUOTE_MARK = re.compile(r"[\"'“”‘’«»„‹›]")
_BYLINE = re.compile(r"^(?:by|from)\s", re.IGNORECASE)
_TERMINAL_AT_END = re.compile(rf"[{_T}:;][{_C}]*$")

#: A line without final punctuation this short, followed by more text, stands alone
#: (a headline or a subheading) rather than wrapping onto the next line.
SHORT_LINE = 80
#: ... and shorter than this share of the longest line of its block.
HEADING_SHARE = 0.7
HEADLINE_MAX_WORDS = 30

_PAIRS = {"“": "”", "«": "»", "„": "“", "‹": "›", "‘": "’", '"': '"', "'": "'"}


def segment(document: Document) -> Segmentation:
    """Split ``document.text`` into paragraphs, quotations and sentences."""
    return segment_text(document.text, document.id, document.structural_title)


def segment_text(text: str, doc_id: str, title: str | None = None) -> Segmentation:
    paragraphs = _paragraphs(text)
    quotations: list[Quotation] = []
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(paragraphs):
        quotes = _quotations(text, paragraph.start, paragraph.end)
        quotations.extend(quotes)
        is_headline = index == 0 and _is_headline(text, paragraph, title, len(paragraphs))
        spans = [paragraph] if is_headline else _sentence_spans(text, paragraph, quotes)
        for span in spans:
            n = len(sentences) + 1
            overlapping = tuple(Span(q.start, q.end) for q in quotes if q.start < span.end and q.end > span.start)
            sentences.append(
                Sentence(
                    start=span.start,
                    end=span.end,
                    id=f"{doc_id}-s{n}",
                    n=n,
                    paragraph=index + 1,
                    headline=is_headline,
                    quotes=overlapping,
                )
            )
    return Segmentation(tuple(paragraphs), tuple(sentences), tuple(quotations))


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def _paragraphs(text: str) -> list[Span]:
    """Blank lines always separate paragraphs. Inside a block of lines, a line
    break separates paragraphs when the line before it ends a sentence, or is a
    heading: clearly shorter than the block's wrapped lines and followed by a
    line that does not continue it in lower case."""
    paragraphs: list[Span] = []
    block: list[tuple[int, int]] = []  # (start, end) of each non-blank line
    position = 0
    for line in text.splitlines(keepends=True):
        line_start, position = position, position + len(line)
        if line.strip():
            block.append((line_start, position))
        elif block:
            paragraphs.extend(_split_block(text, block))
            block = []
    if block:
        paragraphs.extend(_split_block(text, block))
    return paragraphs


def _split_block(text: str, lines: list[tuple[int, int]]) -> list[Span]:
    widths = [len(text[a:b].strip()) for a, b in lines]
    wrap_width = max(widths)
    spans: list[Span] = []
    start = lines[0][0]
    for index, (line_start, line_end) in enumerate(lines):
        last = index == len(lines) - 1
        content = text[line_start:line_end].strip()
        if last or _TERMINAL_AT_END.search(content):
            breaks = True
        else:
            following = text[lines[index + 1][0] : lines[index + 1][1]].lstrip()
            continues = following[:1].islower()
            breaks = not continues and widths[index] <= min(SHORT_LINE, HEADING_SHARE * wrap_width)
        if breaks:
            span = _trimmed(text, start, line_end)
            if span:
                spans.append(span)
            if not last:
                start = lines[index + 1][0]
    return spans


def _is_headline(text: str, paragraph: Span, title: str | None, paragraph_count: int) -> bool:
    content = text[paragraph.start : paragraph.end]
    if title is not None:
        return " ".join(content.split()) == " ".join(title.split())
    return (
        paragraph_count > 1
        and "\n" not in content
        and not _TERMINAL_AT_END.search(content.replace(":", "x"))
        and len(content.split()) <= HEADLINE_MAX_WORDS
        and not _BYLINE.match(content)
    )


def _quotations(text: str, start: int, end: int) -> list[Quotation]:
    """Quoted passages in one paragraph; a mark that opens nothing, or is never
    closed within the paragraph, is not a quotation (apostrophes, ``‘90s``)."""
    stack: list[tuple[str, int]] = []
    found: list[Quotation] = []

    def close(opening_marks: str, position: int, closing: str) -> bool:
        for depth in range(len(stack) - 1, -1, -1):
            mark, opened_at = stack[depth]
            if mark in opening_marks:
                del stack[depth:]
                found.append(Quotation(opened_at, position + 1, mark + closing))
                return True
        return False

    def is_open(marks: str) -> bool:
        return any(mark in marks for mark, _ in stack)

    for match in _QUOTE_MARK.finditer(text, start, end):
        i = match.start()
        mark = match.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opens_word = before.isspace() or before in OPENERS or before in "—–-/"
        if mark in "“«„‹":
            stack.append((mark, i))
        elif mark in "”»›":
            close("“«„‹" if mark == "”" else ("«" if mark == "»" else "‹"), i, mark)
        elif mark == '"':
            if is_open('"') and not (opens_word and after.isalnum()):
                close('"', i, mark)
            elif opens_word or is_open("“«"):
                stack.append((mark, i))
        elif mark == "‘":
            if not before.isalnum():
                stack.append((mark, i))
        elif mark in "’'":
            if before.isalnum() and after.isalnum():
                continue  # apostrophe inside a word: Russia’s, don't
            if mark == "'" and opens_word and after.isalnum():
                stack.append((mark, i))
            elif is_open("‘'"):
                close("‘'", i, mark)
            # otherwise an apostrophe after a word: drones’ ; 90s'
    return sorted(found)


def _inside_quotation(position: int, quotes: list[Quotation], starts: list[int]) -> bool:
    index = bisect_right(starts, position)
    return any(position < q.end for q in quotes[:index] if q.start < position)


def _sentence_spans(text: str, paragraph: Span, quotes: list[Quotation]) -> list[Span]:
    spans: list[Span] = []
    current = paragraph.start
    starts = [q.start for q in quotes]
    for match in _BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        boundary = match.end()
        if not _starts_sentence(text, boundary, paragraph.end):
            continue
        if _inside_quotation(boundary, quotes, starts):
            continue
        if _is_abbreviation(text, match, current, boundary, paragraph.end):
            continue
        span = _trimmed(text, current, boundary)
        if span:
            spans.append(span)
        current = boundary
    span = _trimmed(text, current, paragraph.end)
    if span:
        spans.append(span)
    return spans


def _starts_sentence(text: str, boundary: int, end: int) -> bool:
    i = boundary
    while i < end and text[i].isspace():
        i += 1
    while i < end and text[i] in OPENERS:
        i += 1
    return i < end and (text[i].isupper() or text[i].isdigit())


def _trailing_token(text: str, start: int, end: int) -> str | None:
    """What :data:`_TRAILING_TOKEN` finds in ``text[start:end]`` (the word the
    range ends with, or ends with before a final line break), read backwards
    from ``end`` instead of tried at every position from ``start``."""
    if end > start and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a final line break
    first = end
    while first > start and not text[first - 1].isspace():
        first -= 1
    return text[first:end] if first < end else None


def _is_abbreviation(text: str, match: re.Match[str], sentence_start: int, boundary: int, end: int) -> bool:
    if match.group() != ".":
        return False
    token = _trailing_token(text, sentence_start, match.start())
    if token is None:
        return False
    token = token.lstrip(OPENERS)
    # Hyphenated ranks such as "Maj.-Gen." end in their last part.
    last = token.rsplit("-", 1)[-1] if "-" in token and not token.endswith("-") else token
    lowered = last.lower()
    if lowered in NEVER_FINAL:
        return True
    if len(last) == 1 and last.isalpha() and last.isupper():
        return True  # an initial: "J. Smith"
    if lowered in AMBIGUOUS or _DOTTED_ACRONYM.fullmatch(last):
        next_word = _NEXT_WORD.match(text, boundary, end)
        return not (next_word and next_word.group(1) in SENTENCE_STARTERS)
    return False
