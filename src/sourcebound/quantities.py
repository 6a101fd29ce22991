"""Quantities: counts with what they count, where, when, and who reported them.

:func:`extract_quantities` reads one sentence at a time with the named rules of
:mod:`sourcebound.rules.quantities`:

* a figure is a cardinal in digits ("38", "1,200") or words ("two", "seven",
  "twenty-five"), a range ("10 to 15", "between 10 and 15"), or a vague count
  ("dozens of drones", kept with no value); a modifier before it ("at least",
  "more than", "about") sets ``mod`` and the bound it gives (``low``/``high``);
* the counted noun phrase follows the figure ("38 Ukrainian drone aircraft");
  ``unit`` is its head noun as a singular lemma ("drone", "region");
* an elliptical figure ("Of these, 34 were downed …", "… with two each over
  Voronezh and Crimea", "five of those …") takes the unit of the figure it
  refers back to and records that figure as ``part_of``; "each"/"apiece"
  marks a figure repeated for every listed place (``distributive``);
* ``place`` is the place phrase the sentence gives after the figure, up to the
  next figure or clause break ("over the Belgorod region"), and ``places`` the
  names in it ("Voronezh", "Crimea").

Not quantities, by decision:

* ordinals ("a fourth drone", "the fourth such incident") say which one, not
  how many; turning them into a count would invent a figure;
* numbers inside time expressions ("13:02", "15 minutes", "October 31st");
* numbers inside model designations ("S-300", "Pantsir-S1");
* "a"/"an" ("a drone"), and "one" before a generic noun ("one thing is clear").

A figure is never combined with another here; the comparison stage decides
what may be set side by side (:mod:`sourcebound.compare`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any

from .model import Segmentation
from .rules import quantities as R

__all__ = ["Quantity", "extract_quantities", "parse_number"]


@dataclass(frozen=True)
class Quantity:
    id: str
    start: int
    end: int
    #: The figure and the counted phrase as written ("38 Ukrainian drone aircraft").
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    #: "at-least", "more-than", "at-most", "less-than", "approx", "range", "vague" or None (exact).
    mod: str | None = None
    #: Singular lemma of the counted noun ("drone"); inherited by elliptical figures.
    unit: str | None = None
    #: The counted noun phrase as written, without the figure ("Ukrainian drone aircraft").
    counted: str | None = None
    place: str | None = None
    places: tuple[str, ...] = ()
    time_id: str | None = None
    sentence_id: str | None = None
    attribution_id: str | None = None
    #: The figure this one is a part of ("Of these, 34 …" -> the 38).
    part_of: str | None = None
    #: True for "two each over Voronezh and Crimea": the figure holds for each place.
    distributive: bool = False
    rule: str = ""

    def to_json(self) -> dict[str, Any]:
        # Strings, numbers and None but for the places: nothing to copy, as asdict() would.
        data = {name: getattr(self, name) for name in _QUANTITY_FIELDS}
        data["places"] = list(self.places)
        return data

    @property
    def precision(self) -> str:
        """How exactly the figure is stated: "exact", "range", "bound", "approximate" or "vague"."""
        if self.mod is None:
            return "exact"
        if self.mod == "range":
            return "range"
        if self.mod == "approx":
            return "approximate"
        if self.mod == "vague":
            return "vague"
        return "bound"


_QUANTITY_FIELDS = tuple(f.name for f in fields(Quantity))
_WORD_VALUE = R.NUMBER_WORDS
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")
_SINGULAR_RULES = ((re.compile(r"ies$"), "y"), (re.compile(r"(ss|sh|ch|x)es$"), r"\1"), (re.compile(r"(?<!s)s$"), ""))
_NUMBER_SEPARATOR = re.compile(r"[\s-]+")
_DIGITS_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_ACRONYM = re.compile(r"[A-Z]{2,}")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_ACRONYM_MAYBE_PLURAL = re.compile(r"[A-Z]{2,}s?")
_PAST_PARTICIPLE = re.compile(r"[a-z]+ed")
_ADVERB = re.compile(r"[a-z]+ly")
#: Letters glued to digits inside one word ("S-300", "F16"), and a word of digits only.
_LETTERS_AND_DIGITS = re.compile(r"[A-Za-z][-–]?\d|\d[-–]?[A-Za-z]{1,3}\d")
_ONLY_DIGITS = re.compile(r"[\d,.]+")
_PLACE_CUT = re.compile(r"[,;—:]|\s[-–]\s")
#: The words :data:`R.PARTITIVE_BEFORE` can end with, before its spaces and comma.
_PARTITIVE_LAST_WORDS = ("these", "those", "them", "which", "total")
#: :data:`R.MODIFIERS` compiled: (whole-phrase pattern, mod, bound).
#: The last words of a reversed text, with the spaces after each: as many as a modifier has.
_LAST_WORDS = re.compile(r"(?:\s*\S*){%d}" % R.MODIFIER_WORDS)
_MODIFIERS = tuple((re.compile(pattern, re.IGNORECASE), mod, bound) for pattern, mod, bound in R.MODIFIERS)


def parse_number(text: str) -> float | None:
    """The value of a cardinal as written: "38", "1,200", "two", "twenty-five", "1.5 million"."""
    words = _NUMBER_SEPARATOR.split(text.strip().lower())
    total = 0.0
    current: float | None = None
    for word in words:
        if not word:
            continue
        if _DIGITS_NUMBER.fullmatch(word):
            current = (current or 0) + float(word.replace(",", ""))
        elif word in R.MULTIPLIERS:
            current = (current if current is not None else 1) * R.MULTIPLIERS[word]
            if R.MULTIPLIERS[word] >= 1000:
                total += current
                current = None
        elif word in _WORD_VALUE:
            current = (current or 0) + _WORD_VALUE[word]
        else:
            return None
    if current is None and total == 0:
        return None
    return total + (current or 0)


def _lemma(word: str) -> str:
    lower = word.lower()
    if lower in R.UNITS:
        return R.UNITS[lower]
    if _ACRONYM_PLURAL.fullmatch(word):
        return word[:-1]
    if _ACRONYM.fullmatch(word):
        return word
    for pattern, replacement in _SINGULAR_RULES:
        if pattern.search(lower):
            return pattern.sub(replacement, lower)
    return lower


@dataclass
class _Draft:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    mod: str | None
    rule: str
    number_end: int


#: A run of digits: where a figure in digits may start.
_DIGIT = re.compile(r"\d+")
#: The figure words no other one starts ("six" for "sixteen" and "sixty").
_FIGURE_PREFIXES = tuple(w for w in R.FIGURE_WORDS if not any(w != v and w.startswith(v) for v in R.FIGURE_WORDS))
#: Letters a case-insensitive pattern matches to a figure word's letter but
#: ``str.lower`` does not lower to it ("ſix"): a sentence with one is read in full.
_CASE_UNSAFE = "İıſ"


def _figure_starts(text: str, sentences: Sequence[Any]) -> list[list[int] | None]:
    """For each sentence, the offsets in it where a rule of :data:`R.NUMBER_RULES`
    may begin a match, in order: a digit or a word that begins with a figure word,
    either at the start of the sentence or after a character other than a word
    character, and every "between". ``None`` for every sentence when lower-cased
    words cannot be trusted: each one is then read in full."""
    lowered = text.lower()
    in_order = all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    if not in_order or len(lowered) != len(text) or any(char in text for char in _CASE_UNSAFE):
        return [None] * len(sentences)
    found: list[list[int]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    sentence_starts = set(starts)
    for word in _FIGURE_PREFIXES:
        at = lowered.find(word)
        while at >= 0:
            # Most finds lie inside a longer word ("often", "someone"): those are passed over first.
            if not (at and _is_word_char(text[at - 1]) and at not in sentence_starts):
                k = bisect_right(starts, at) - 1
                if k >= 0 and at < sentences[k].end and (at == starts[k] or not _is_word_char(text[at - 1])):
                    found[k].append(at - starts[k])
            at = lowered.find(word, at + 1)
    for match in _DIGIT.finditer(text):
        at = match.start()
        k = bisect_right(starts, at) - 1
        if k >= 0 and at < sentences[k].end and (at == starts[k] or not _is_word_char(text[at - 1])):
            found[k].append(at - starts[k])
    for k, sentence in enumerate(sentences):
        start = sentence.start
        # A run of digits begun before the sentence starts a figure at its first character.
        if 0 < start < sentence.end and text[start].isdecimal() and text[start - 1].isdecimal():
            found[k].append(0)
        if found[k]:  # a sentence with no figure holds no "between" range either
            at = lowered.find("between", sentence.start, sentence.end)
            while at >= 0:
                found[k].append(at - sentence.start)
                at = lowered.find("between", at + 1, sentence.end)
            found[k].sort()
    return found


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches."""
    return char.isalnum() or char == "_"


def _modifier_before(sentence_text: str, position: int) -> re.Match[str] | None:
    """The modifier that ends just before ``position`` ("at least" of "at least 38")."""
    # A modifier lies within the last few words before the figure: only those are
    # searched. They are measured from the figure back, as the start of the reversed text.
    start = position - _LAST_WORDS.match(sentence_text[position - 1 :: -1] if position else "").end()
    return R.MODIFIER_PATTERN.search(sentence_text, start, position)


def _finditer_at(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches can begin only at
    one of ``starts`` (in order); all of the text is searched when it is ``None``."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0  # like finditer, the next match begins where the last one ended or later
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()


def _candidates(sentence_text: str, offset: int, blocked: list[tuple[int, int]], starts: list[int] | None = None) -> list[_Draft]:
    found: list[_Draft] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken) and all(b <= s or a >= e for s, e in blocked)

    for name, pattern in R.NUMBER_RULES:
        for match in _finditer_at(pattern, sentence_text, starts):
            a, b = match.start() + offset, match.end() + offset
            if not free(a, b) or _in_designation(sentence_text, match.start(), match.end()):
                continue
            groups = match.groupdict()
            if groups.get("vague"):
                draft = _Draft(a, b, None, None, None, "vague", name, b)
            elif groups.get("low") is not None:
                low, high = parse_number(groups["low"]), parse_number(groups["high"])
                if low is None or high is None or low >= high:
                    continue
                draft = _Draft(a, b, None, low, high, "range", name, b)
            else:
                value = parse_number(groups["value"])
                if value is None:
                    continue
                draft = _Draft(a, b, value, None, None, None, name, b)
                before = _modifier_before(sentence_text, match.start())
                if before:
                    mod, bound = next((m, bd) for p, m, bd in _MODIFIERS if p.fullmatch(before.group(1)))
                    draft.mod = mod
                    draft.start = before.start() + offset
                    if bound.startswith("low"):
                        draft.low = value
                    elif bound.startswith("high"):
                        draft.high = value
            taken.append((draft.start, draft.end))
            found.append(draft)
    return sorted(found, key=lambda d: d.start)


def _in_designation(text: str, start: int, end: int) -> bool:
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    word = text[left:right].strip(".,;:!?()‘’“”\"'")
    return bool(_LETTERS_AND_DIGITS.search(word)) and not _ONLY_DIGITS.fullmatch(word)


def extract_quantities(
    text: str,
    segmentation: Segmentation,
    attributions: Sequence[Any] = (),
    times: Sequence[Any] = (),
    *,
    doc_id: str,
) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, numbered in text order."""
    time_spans = sorted((t.start, t.end) for t in times)
    times_by_sentence: dict[str, list[Any]] = {}
    for expression in times:
        if expression.sentence_id:
            times_by_sentence.setdefault(expression.sentence_id, []).append(expression)
    attributions_by_sentence: dict[str, list[Any]] = {}
    for attribution in attributions:
        attributions_by_sentence.setdefault(attribution.sentence_id, []).append(attribution)

    drafts: list[dict[str, Any]] = []
    previous_sentence: list[dict[str, Any]] = []
    sentences = segmentation.sentences
    for sentence, starts in zip(sentences, _figure_starts(text, sentences)):
        if starts == []:
            continue  # no figure here: the next sentence refers back past it
        sentence_text = text[sentence.start : sentence.end]
        blocked = [(s, e) for s, e in time_spans if s < sentence.end and e > sentence.start]
        in_sentence: list[dict[str, Any]] = []
        candidates = _candidates(sentence_text, sentence.start, blocked, starts)
        for draft in candidates:
            item = _complete(text, sentence, draft, in_sentence, previous_sentence)
            if item is None:
                continue
            item["time_id"] = _time_for(times_by_sentence.get(sentence.id, ()), item["start"])
            item["attribution_id"] = _attribution_for(attributions_by_sentence.get(sentence.id, ()), item["start"], item["end"])
            in_sentence.append(item)
        drafts.extend(in_sentence)
        if in_sentence:
            previous_sentence = in_sentence
    ids: dict[int, str] = {}
    quantities: list[Quantity] = []
    for n, item in enumerate(drafts, 1):
        ids[id(item)] = f"{doc_id}-q{n}"
    for item in drafts:
        parent = item.pop("_parent", None)
        quantities.append(Quantity(id=ids[id(item)], part_of=ids.get(id(parent)) if parent is not None else None, **item))
    return tuple(quantities)


def _complete(
    text: str,
    sentence: Any,
    draft: _Draft,
    in_sentence: list[dict[str, Any]],
    previous_sentence: list[dict[str, Any]],
) -> dict[str, Any] | None:
    after = text[draft.end : sentence.end]
    before = text[sentence.start : draft.start]
    end = draft.end
    counted: str | None = None
    unit: str | None = None
    distributive = False
    partitive = _ends_partitive(before)
    rule = draft.rule
    figure = text[draft.start : draft.number_end].strip()
    if draft.mod == "vague":
        # "dozens of drones": the match ends at "of", the noun follows
        words = _noun_run(after)
        if not words:
            return None
        counted = " ".join(w for w, _ in words)
        unit = _unit(words)
        end = words[-1][1] + draft.end
    else:
        match = R.PARTITIVE_AFTER.match(after)
        if match:
            partitive = True
            end = draft.end + match.end()
        elif R.DISTRIBUTIVE.match(after):
            distributive = True
            end = draft.end + R.DISTRIBUTIVE.match(after).end()
        else:
            words = _noun_run(after)
            if words:
                counted = " ".join(w for w, _ in words)
                unit = _unit(words)
                if unit is None:
                    return None
                end = draft.end + words[-1][1]
    elliptical = unit is None
    if elliptical:
        lower_figure = figure.lower()
        if lower_figure == "one" and not partitive:
            return None  # "one of …", "one said": not a count
        antecedent = _antecedent(in_sentence, previous_sentence)
        if antecedent is None:
            return None
        unit = antecedent["unit"]
        rule = f"{rule}-elliptical"
    elif figure.lower() == "one" and unit not in R.COUNTED_BY_ONE and not _ACRONYM.fullmatch(unit or ""):
        return None  # "one official said", "one thing is clear": a phrase, not a figure
    parent = None
    if partitive:
        parent = _antecedent(in_sentence, previous_sentence)
    elif elliptical:
        # "…, with two each over Voronezh and Crimea": continues the parts listed before it
        sibling = in_sentence[-1] if in_sentence else None
        if sibling is not None and sibling.get("_parent") is not None:
            parent = sibling["_parent"]
    place, places = _place(text, end, sentence.end)
    return {
        "start": draft.start,
        "end": end,
        "text": text[draft.start : end],
        "value": draft.value,
        "low": draft.low,
        "high": draft.high,
        "mod": draft.mod,
        "unit": unit,
        "counted": counted,
        "place": place,
        "places": places,
        "sentence_id": sentence.id,
        "distributive": distributive,
        "rule": rule,
        "_parent": parent,
    }


def _ends_partitive(before: str) -> bool:
    """Whether ``before`` ends with an anaphoric partitive ("Of these, ")."""
    # The pattern is searched only when the text ends with one of its last words, as it must.
    tail = before.rstrip()
    tail = tail[:-1].rstrip() if tail.endswith(",") else tail
    return tail.endswith(_PARTITIVE_LAST_WORDS) and bool(R.PARTITIVE_BEFORE.search(before))


def _noun_run(after: str) -> list[tuple[str, int]]:
    """The words of the counted noun phrase right after a figure, with their end offsets in ``after``."""
    words: list[tuple[str, int]] = []
    for match in _TOKEN.finditer(after):
        token = match.group()
        lower = token.lower()
        if not token[0].isalnum() or lower in R.PHRASE_BREAKERS or lower in R.NUMBER_WORDS:
            break
        if _PAST_PARTICIPLE.fullmatch(token) and lower not in R.UNITS and lower != "armed":
            break  # a verb: "34 downed"
        if _ADVERB.fullmatch(token):
            break  # an adverb
        words.append((token, match.end()))
        if len(words) == 4:
            break
    # the head is the last plural-looking or listed noun; trailing modifiers are dropped
    while words:
        head = words[-1][0]
        lower = head.lower()
        if lower in R.UNITS or lower.endswith("s") or _ACRONYM_MAYBE_PLURAL.fullmatch(head) or lower in R.NOT_COUNTED:
            break
        if len(words) == 1:
            break
        words.pop()
    return words


def _unit(words: list[tuple[str, int]]) -> str | None:
    phrase = " ".join(w for w, _ in words).lower()
    for compound, unit in R.UNITS.items():
        if " " in compound and phrase.endswith(compound):
            return unit
    head = words[-1][0]
    if head.lower() in R.NOT_COUNTED or head[0].isdigit():
        return None
    return _lemma(head)


def _antecedent(in_sentence: list[dict[str, Any]], previous_sentence: list[dict[str, Any]]) -> dict[str, Any] | None:
    for item in reversed(in_sentence or previous_sentence):
        if item["unit"] and item.get("_parent") is None and item["unit"] != "region":
            return item
    for item in reversed(previous_sentence):
        if item["unit"] and item.get("_parent") is None and item["unit"] != "region":
            return item
    return None


def _place(text: str, start: int, limit: int) -> tuple[str | None, tuple[str, ...]]:
    window = text[start:limit]
    cut = _PLACE_CUT.search(window)
    if cut:
        window = window[: cut.start()]
    match = R.PLACE.search(window)
    if not match or match.start() > 60:
        return None, ()
    phrase = match.group().rstrip(".’'")
    names = tuple(
        n for n in R.PLACE_NAME.findall(match.group("what")) if n not in R.NOT_PLACE_NAMES
    )
    return phrase, names


def _time_for(expressions: Sequence[Any], position: int) -> str | None:
    if not expressions:
        return None
    outer = [t for t in expressions if not any(o is not t and o.start <= t.start and t.end <= o.end for o in expressions)]
    return min(outer, key=lambda t: (abs(t.start - position), t.start)).id


def _attribution_for(attributions: Sequence[Any], start: int, end: int) -> str | None:
    containing = [a for a in attributions if a.content is not None and a.content.start <= start and end <= a.content.end]
    if containing:
        return min(containing, key=lambda a: (a.content.end - a.content.start, a.id)).id
    return attributions[0].id if attributions else None
