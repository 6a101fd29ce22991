"""Quantity rules as data: number words, counted nouns, modifiers, places.

Each pattern has a name; a :class:`sourcebound.quantities.Quantity` records the
name of the rule that produced it.
"""

from __future__ import annotations

import re

#: Cardinal number words and their values. "a"/"an" are not counts: "a drone"
#: is reported as a drone, not as a figure.
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
#: Multipliers after a number: "1.5 million", "two hundred".
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
#: Vague plural counts: shown as written, never given a value.
VAGUE_COUNTS = frozenset({"dozens", "hundreds", "thousands", "scores", "tens"})

_WORD_ALTERNATION = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
#: A look-ahead for the first character of a cardinal: it changes no match, but
#: lets the engine pass over most positions without trying every number word.
_CARDINAL_FIRST = r"(?=[\d" + "".join(sorted({word[0] for word in NUMBER_WORDS})) + "])"
_CARDINAL = _CARDINAL_FIRST + (
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:hundred|thousand|million|billion))?"
    rf"|(?:(?:{_WORD_ALTERNATION})(?:[-\s](?:{_WORD_ALTERNATION}))?)(?:\s+(?:hundred|thousand|million|billion))?)"
)

#: Words before a number that bound it; each gives ``mod`` and which end it fixes.
MODIFIERS: tuple[tuple[str, str, str], ...] = (
    # (pattern, mod, bound) -- bound: "low", "high", "approx", "low-exclusive", "high-exclusive"
    (r"at\s+least", "at-least", "low"),
    (r"no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of", "at-least", "low"),
    (r"more\s+than|over|upwards\s+of|in\s+excess\s+of", "more-than", "low-exclusive"),
    (r"at\s+most|up\s+to|no\s+more\s+than|a\s+maximum\s+of", "at-most", "high"),
    (r"fewer\s+than|less\s+than|under", "less-than", "high-exclusive"),
    (r"about|around|approximately|roughly|nearly|almost|some|an\s+estimated|estimated", "approx", "approx"),
)
MODIFIER_PATTERN = re.compile(r"\b(" + "|".join(f"(?:{p})" for p, _, _ in MODIFIERS) + r")\s+$", re.IGNORECASE)
#: The most words a modifier has ("no fewer than"): how far before a figure it is looked for.
MODIFIER_WORDS = max(len(form.split(r"\s+")) for p, _, _ in MODIFIERS for form in p.split("|"))

#: ``(rule name, pattern)``: a cardinal (or range) at a word boundary. A range
#: "10 to 15" / "between 10 and 15" / "10-15" comes first so it wins.
NUMBER_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("range-between", re.compile(rf"\bbetween\s+(?P<low>{_CARDINAL})\s+and\s+(?P<high>{_CARDINAL})\b", re.IGNORECASE)),
    ("range-to", re.compile(rf"\b(?P<low>{_CARDINAL})\s*(?:to|-|–)\s*(?P<high>{_CARDINAL})\b", re.IGNORECASE)),
    ("vague-count", re.compile(r"\b(?P<vague>" + "|".join(sorted(VAGUE_COUNTS)) + r")\s+of\b", re.IGNORECASE)),
    ("cardinal", re.compile(rf"(?<![\w.,-])(?P<value>{_CARDINAL})(?![\w-])", re.IGNORECASE)),
)

#: Words the number of a figure can begin with ("between" is followed by one):
#: a sentence with no digit and no word starting with one of them holds no
#: figure, and the rules above are not run over it.
FIGURE_WORDS: tuple[str, ...] = tuple(sorted(set(NUMBER_WORDS) | VAGUE_COUNTS))

#: A number glued to letters by a hyphen or directly ("S-300", "Pantsir-S1",
#: "Su-27", "MiG-29", "F16") names a model, never a count.
DESIGNATION = re.compile(r"[A-Za-z]+[-–]?[A-Za-z]*\d+[A-Za-z\d-]*|\d+[-–][A-Za-z]+\d*")

#: Ordinals ("a fourth drone", "the 3rd attack") say which one, not how many:
#: they are not quantities and are never turned into counts.
ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b", re.IGNORECASE
)

#: Counted nouns: plural or singular form -> unit (singular lemma). Compounds
#: name the counted thing by their first noun ("drone aircraft" counts drones).
UNITS: dict[str, str] = {
    "drone aircraft": "drone",
    "unmanned aerial vehicles": "UAV",
    "unmanned aerial vehicle": "UAV",
    "aircraft": "aircraft",
    "people": "person",
    "persons": "person",
    "person": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "personnel": "personnel",
    "staff": "staff",
    "casualties": "casualty",
    "injuries": "injury",
    "uavs": "UAV",
    "uav": "UAV",
}
#: Generic nouns that do not make a count of "one" ("one thing is clear").
NOT_COUNTED = frozenset(
    "thing things way ways another other others of day days week weeks year years month months hour hours "
    "minute minutes time times side sides hand part point percent per".split()
)
#: Words that end the noun phrase after a number: it is elliptical when none precede them.
PHRASE_BREAKERS = frozenset(
    "of were was are is had have has been be being will would could can may might did do does "
    "each apiece and or but with without over in across near toward towards into onto from at on by "
    "to for as than that which who while since after before between during among against per".split()
)
#: Anaphoric partitives: "Of these, 34 …", "five of those …".
PARTITIVE_BEFORE = re.compile(r"\b[Oo]f\s+(?:these|those|them|which|the\s+total)\s*,?\s*$")
PARTITIVE_AFTER = re.compile(r"^\s+of\s+(?:these|those|them|which|the\s+total)\b", re.IGNORECASE)
#: "two each over Voronezh and Crimea": the figure is repeated for each listed place.
DISTRIBUTIVE = re.compile(r"^\s+(?:each|apiece)\b", re.IGNORECASE)

#: Where the counted thing was: a preposition and what follows, up to a clause break.
PLACE = re.compile(
    r"\b(?P<prep>over|above|across|in|near|toward|towards|into|at|targeting|approaching)\s+"
    r"(?P<what>(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+(?:and\s+|of\s+)?(?:the\s+)?[A-Z][\w’'-]*)*"
    r"(?:\s+(?:region|regions|oblast|province|territory|territories|city|border))?"
    r"|(?:Russian|Ukrainian)\s+(?:territory|soil)|(?:\w+\s+)?regions?|the\s+(?:capital|city|region)))"
)
#: The names inside a place ("Voronezh and Crimea" -> Voronezh, Crimea).
PLACE_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*")
#: Capitalised words inside a place that are not places themselves.
NOT_PLACE_NAMES = frozenset({"The", "Of", "And"})
#: Units "one" may count ("one UAV", "one region"); elsewhere "one" is a pronoun or an article.
COUNTED_BY_ONE = frozenset("drone UAV aircraft missile rocket region person casualty strike attack".split())
#: Units that count the same kind of thing, for setting figures side by side.
UNIT_FAMILIES: dict[str, str] = {"UAV": "drone", "drone aircraft": "drone"}
