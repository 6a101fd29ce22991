"""Time expressions (TIMEX3 style): one exact test per covered pattern, and the default documents against hand-made gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sourcebound.timex as timex_module
from sourcebound.rules import timex as rules
from sourcebound.segment import segment_text
from sourcebound.timex import PRECISIONS, TimeExpression, extract_times, outermost, precision_rank, value_precision

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "timex"
CORPUS = ROOT / "corpus"
TEST_DCT = "2025-11-01"  # a Saturday


def only(text: str, dct: str | None = None) -> TimeExpression:
    found = outermost(extract_times(text, dct=dct))
    assert len(found) == 1, [e.text for e in found]
    return found[0]


# (sentence, DCT, expected span, type, value, extra fields)
CASES = [
    # clock times, zones, parts of day
    ("At 13:02 Moscow time, he posted.", None, "13:02 Moscow time", "TIME", "XXXX-XX-XXT13:02", {"zone": "Moscow time", "precision": "minute"}),
    ("At 13:02 Moscow time, he posted.", TEST_DCT, "13:02 Moscow time", "TIME", "2025-11-01T13:02", {"anchor": "dct"}),
    ("It landed at 18:00 UTC.", None, "18:00 UTC", "TIME", "XXXX-XX-XXT18:00Z", {"zone": "UTC"}),
    ("It left at 6:40 p.m. (GMT +8) on time.", None, "6:40 p.m. (GMT +8)", "TIME", "XXXX-XX-XXT18:40+08:00", {}),
    ("The vote closes at 3 p.m. on the day.", TEST_DCT, "3 p.m.", "TIME", "2025-11-01T15", {"precision": "hour"}),
    ("They met at noon.", None, "noon", "TIME", "XXXX-XX-XXT12:00", {}),
    ("a fourth drone targeting Moscow tonight", TEST_DCT, "tonight", "TIME", "2025-11-01TNI", {"precision": "part-of-day"}),
    ("a fourth drone targeting Moscow tonight", None, "tonight", "TIME", "XXXX-XX-XXTNI", {"anchor": "dct", "offset": "P0D"}),
    ("released in the early hours of the morning", TEST_DCT, "the early hours of the morning", "TIME", "XXXX-XX-XXTMO", {"mod": "START", "anchor": "none"}),
    ("an update on the evening of October 31st", None, "the evening of October 31st", "TIME", "XXXX-10-31TEV", {"precision": "part-of-day"}),
    ("an update on the evening of October 31st", TEST_DCT, "the evening of October 31st", "TIME", "2025-10-31TEV", {}),
    ("He spoke this morning.", TEST_DCT, "this morning", "TIME", "2025-11-01TMO", {}),
    ("Shelling continued last night.", TEST_DCT, "last night", "TIME", "2025-10-31TNI", {"offset": "-P1D"}),
    ("The press conference was on Friday morning.", TEST_DCT, "Friday morning", "TIME", "2025-10-31TMO", {}),
    # relative offsets and vague spans
    ("launched approximately 15 minutes earlier", None, "approximately 15 minutes earlier", "DURATION", "PT15M", {"mod": "APPROX", "anchor": "event", "offset": "-PT15M"}),
    ("The announcement comes hours after the report.", None, "hours", "DURATION", "PTXH", {"anchor": "event", "offset": "PTXH"}),
    ("This came just minutes after he had alerted residents.", None, "just minutes", "DURATION", "PTXM", {"offset": "PTXM"}),
    ("the fourth such incident in less than a week", None, "less than a week", "DURATION", "P1W", {"mod": "LESS_THAN"}),
    ("It arrived two days later.", None, "two days later", "DURATION", "P2D", {"offset": "P2D"}),
    ("The plant closed two years ago.", "2008-05-24", "two years ago", "DATE", "2006", {"offset": "-P2Y", "precision": "year"}),
    ("The plant closed two years ago.", None, "two years ago", "DATE", "XXXX", {"offset": "-P2Y", "anchor": "dct"}),
    ("It happened three days ago.", "2008-05-24", "three days ago", "DATE", "2008-05-21", {}),
    # calendar dates in news forms
    ("March 01, 2008", None, "March 01, 2008", "DATE", "2008-03-01", {"precision": "day"}),
    ("on 24 July 2003 the", None, "24 July 2003", "DATE", "2003-07-24", {}),
    ("on Friday, March 7, 2008, the", None, "Friday, March 7, 2008", "DATE", "2008-03-07", {}),
    ("dated 2013-03-22 in", None, "2013-03-22", "DATE", "2013-03-22", {}),
    ("It was dated 7/8/07 in", None, "7/8/07", "DATE", "2007-07-08", {}),
    ("an update on October 31st", None, "October 31st", "DATE", "XXXX-10-31", {"anchor": "dct"}),
    ("an update on October 31st", TEST_DCT, "October 31st", "DATE", "2025-10-31", {}),
    ("the plane flew on 11 December", "2010-01-25", "11 December", "DATE", "2009-12-11", {}),
    ("on the fifth of May they", None, "the fifth of May", "DATE", "XXXX-05-05", {}),
    ("in November 2006 the", None, "November 2006", "DATE", "2006-11", {"precision": "month"}),
    ("It was revealed in January.", "2005-09-07", "January", "DATE", "2005-01", {}),
    ("It will fly in May.", "2005-09-07", "May", "DATE", "2005-05", {}),
    ("You may go.", None, None, None, None, {}),
    ("Theresa May spoke.", None, None, None, None, {}),
    ("It was founded in 2008.", None, "2008", "DATE", "2008", {"precision": "year"}),
    ("It cost $2008 and 2009 people came.", None, None, None, None, {}),
    ("deliveries start in mid-2011", None, "mid-2011", "DATE", "2011", {"mod": "MID"}),
    ("in early 2009 it", None, "early 2009", "DATE", "2009", {"mod": "START"}),
    ("in the 1990s it", None, "the 1990s", "DATE", "199", {}),
    ("in the 21st century", None, "the 21st century", "DATE", "20", {}),
    ("in the summer of 2010 they", None, "the summer of 2010", "DATE", "2010-SU", {}),
    ("last summer it rained", TEST_DCT, "last summer", "DATE", "2024-SU", {}),
    ("results for the third quarter of 2008", None, "the third quarter of 2008", "DATE", "2008-Q3", {}),
    ("Sales rose in 2009 as well.", None, "2009", "DATE", "2009", {}),
    ("In the fourth quarter, sales fell.", "2009-02-10", "the fourth quarter", "DATE", "2008-Q4", {}),
    ("sales in the last quarter", "2007-01-18", "the last quarter", "DATE", "2006-Q4", {}),
    ("profit for the first half of 2009", None, "the first half of 2009", "DATE", "2009-H1", {}),
    ("in fiscal 2008 it", None, "fiscal 2008", "DATE", "FY2008", {}),
    ("profits this fiscal year", "2007-01-18", "this fiscal year", "DATE", "FY2007", {}),
    ("sales rose at Christmas", "2007-01-18", "Christmas", "DATE", "2006-12-25", {}),
    # weekdays and the DCT's neighbours
    ("Apple announced Friday that it will give", "2010-07-17", "Friday", "DATE", "2010-07-16", {}),
    ("The vote will be held on Wednesday.", "2006-03-28", "Wednesday", "DATE", "2006-03-29", {}),
    ("He spoke on Friday.", None, "Friday", "DATE", "XXXX-WXX-5", {"anchor": "dct"}),
    ("He spoke next Monday.", TEST_DCT, "next Monday", "DATE", "2025-11-03", {}),
    ("It was said yesterday.", TEST_DCT, "yesterday", "DATE", "2025-10-31", {"offset": "-P1D"}),
    ("It was said yesterday.", None, "yesterday", "DATE", "XXXX-XX-XX", {"anchor": "dct", "offset": "-P1D"}),
    ("It opens tomorrow.", TEST_DCT, "tomorrow", "DATE", "2025-11-02", {}),
    ("The Sunday Times reported.", None, None, None, None, {}),
    # this / last / next X
    ("It happened last week.", "2004-11-24", "last week", "DATE", "2004-W47", {"precision": "week"}),
    ("It happened last week.", None, "last week", "DATE", "XXXX-WXX", {"offset": "-P1W"}),
    ("this weekend they", "2010-01-25", "this weekend", "DATE", "2010-W04-WE", {}),
    ("It ships next month.", "2011-08-08", "next month", "DATE", "2011-09", {}),
    ("It fell last month.", "2010-08-09", "last month", "DATE", "2010-07", {}),
    ("It grew this year.", "2007-12-20", "this year", "DATE", "2007", {}),
    ("It grew last year.", TEST_DCT, "last year", "DATE", "2024", {"offset": "-P1Y"}),
    ("It launches later this year.", "2006-10-05", "later this year", "DATE", "2006", {"mod": "END"}),
    ("at the beginning of the year", "2008-04-09", "the beginning of the year", "DATE", "2008", {"mod": "START"}),
    ("the previous night, the ministry", None, "the previous night", "TIME", "XXXX-XX-XXTNI", {"anchor": "dct", "offset": "-P1D"}),
    # present and past references
    ("It is now closed.", None, "now", "DATE", "PRESENT_REF", {"precision": "unknown"}),
    ("It is currently closed.", None, "currently", "DATE", "PRESENT_REF", {}),
    ("Hackers had recently breached it.", None, "recently", "DATE", "PAST_REF", {}),
    ("It will matter in the future.", None, "the future", "DATE", "FUTURE_REF", {}),
    # durations, numbers as words
    ("a history of 50 years", None, "50 years", "DURATION", "P50Y", {"precision": "year"}),
    ("within three months it", None, "three months", "DURATION", "P3M", {}),
    ("a fifty-year contract", None, "fifty-year", "DURATION", "P50Y", {}),
    ("a 12-hour flight", None, "12-hour", "DURATION", "PT12H", {}),
    ("after twenty-five years", None, "twenty-five years", "DURATION", "P25Y", {}),
    ("almost two and a half years later", None, "almost two and a half years later", "DURATION", "P2.5Y", {"mod": "LESS_THAN"}),
    ("lasting thirty minutes", None, "thirty minutes", "DURATION", "PT30M", {}),
    ("it took several years", None, "several years", "DURATION", "PXY", {}),
    ("over the next four years", None, "the next four years", "DURATION", "P4Y", {}),
    ("during the past decade", None, "the past decade", "DURATION", "P10Y", {}),
    ("for half an hour", None, "half an hour", "DURATION", "PT30M", {}),
    ("a decades-long dispute", None, "decades-long", "DURATION", "PXDE", {}),
    ("at least 18 months", None, "at least 18 months", "DURATION", "P18M", {"mod": "EQUAL_OR_MORE"}),
    # sets
    ("it is held every year", None, "every year", "SET", "P1Y", {}),
    ("it is audited annually", None, "annually", "SET", "P1Y", {}),
    ("a weekly briefing", None, "weekly", "SET", "P1W", {}),
    ("at a rate of 15 a year", None, "a year", "SET", "P1Y", {}),
    ("they meet twice a month", None, "twice a month", "SET", "P1M", {}),
    ("they meet every Monday", None, "every Monday", "SET", "XXXX-WXX-1", {}),
]


@pytest.mark.parametrize(("sentence", "dct", "span", "type_", "value", "extra"), CASES)
def test_pattern(sentence: str, dct: str | None, span: str | None, type_: str, value: str, extra: dict) -> None:
    found = outermost(extract_times(sentence, dct=dct))
    if span is None:
        assert found == (), [e.text for e in found]
        return
    assert [e.text for e in found] == [span]
    expr = found[0]
    assert (expr.type, expr.value) == (type_, value)
    assert sentence[expr.start : expr.end] == expr.text
    for field, expected in extra.items():
        assert getattr(expr, field) == expected, field
    assert expr.rule and any(expr.rule == r.name or expr.rule.startswith("range_") for r in rules.RULES)


def test_range_gives_whole_phrase_and_endpoints() -> None:
    text = "The command reported seven drones between 8:10 and 12:00, it said."
    found = extract_times(text, dct=TEST_DCT, doc_id="d")
    assert [(e.id, e.text, e.type, e.value) for e in found] == [
        ("d-t1", "between 8:10 and 12:00", "DURATION", "PT3H50M"),
        ("d-t2", "8:10", "TIME", "2025-11-01T08:10"),
        ("d-t3", "12:00", "TIME", "2025-11-01T12:00"),
    ]
    assert (found[0].begin, found[0].end_value) == ("2025-11-01T08:10", "2025-11-01T12:00")
    assert [e.text for e in outermost(found)] == ["between 8:10 and 12:00"]


def test_year_range() -> None:
    found = extract_times("it will receive aircraft from 2009 to 2011, then", doc_id="d")
    assert [(e.text, e.type, e.value, e.begin, e.end_value) for e in found] == [
        ("from 2009 to 2011", "DURATION", "P2Y", "2009", "2011"),
        ("2009", "DATE", "2009", None, None),
        ("2011", "DATE", "2011", None, None),
    ]


def test_anaphora_anchors_on_the_latest_day() -> None:
    text = "An update came on the evening of October 31st. This follows a report from the previous night."
    first, second = extract_times(text, doc_id="d")
    assert second.text == "the previous night"
    assert (second.value, second.anchor, second.anchor_id, second.offset) == ("XXXX-10-30TNI", "expression", first.id, "-P1D")


def test_coarse_dct() -> None:
    assert only("It ships next month.", "2011-08").value == "2011-09"
    assert only("on October 31st", "2025").value == "2025-10-31"
    assert only("It was said yesterday.", "2025-11").value == "XXXX-XX-XX"
    with pytest.raises(ValueError):
        extract_times("today", dct="yesterday")


def test_ids_offsets_sentences_and_json() -> None:
    text = "Officials spoke on Friday.\nThey spoke again at 13:02 Moscow time."
    seg = segment_text(text, "doc")
    found = extract_times(text, seg, doc_id="doc")
    assert [e.id for e in found] == ["doc-t1", "doc-t2"]
    assert [e.sentence_id for e in found] == [s.id for s in seg.sentences]
    for e in found:
        assert text[e.start : e.end] == e.text
        data = e.to_json()
        assert json.loads(json.dumps(data)) == data
        assert set(data) >= {"id", "start", "end", "text", "type", "value", "precision", "anchor", "anchor_id", "mod",
                             "zone", "begin", "end_value", "offset", "sentence_id", "rule"}  # fmt: skip


def test_never_reads_the_clock() -> None:
    source = Path(timex_module.__file__).read_text(encoding="utf-8")
    assert not re.search(r"\b(?:today|now|utcnow|time)\(\)", source)
    assert not re.search(r"^\s*(?:import time|from time import)\b", source, re.MULTILINE)


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2013-03-22", "day"), ("XXXX-10-31TEV", "part-of-day"), ("PT15M", "minute"), ("XXXX-XX-XXT13:02", "minute"),
     ("PRESENT_REF", "unknown"), ("P1W", "week"), ("2008", "year"), ("2008-Q3", "year"), ("XXXX-WXX-5", "day"),
     ("2004-W47", "week"), ("199", "year"), ("2008-06", "month"), ("XXXX-XX-XX", "unknown"), ("2025-11-01T15", "hour")],
)  # fmt: skip
def test_value_precision(value: str, precision: str) -> None:
    assert value_precision(value) == precision


# --- the default documents against hand-made gold ---------------------------------------------------------------


def _gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


DEFAULT_STEMS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def test_every_default_document_has_gold() -> None:
    assert DEFAULT_STEMS and all((GOLD / f"{stem}.json").is_file() for stem in DEFAULT_STEMS)


@pytest.mark.parametrize("stem", DEFAULT_STEMS)
@pytest.mark.parametrize("with_dct", [False, True])
def test_default_document_matches_gold(stem: str, with_dct: bool) -> None:
    gold = _gold(stem)
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    dct = gold["test_dct"] if with_dct else gold["dct_from_sidecar"]
    found = extract_times(text, segment_text(text, stem), dct=dct, doc_id=stem)
    by_id = {e.id: e for e in found}
    expected = gold["expressions"]
    assert [(e.text, e.start, e.end) for e in found] == [(g["text"], g["start"], g["end"]) for g in expected]
    for e, g in zip(found, expected):
        assert text[g["start"] : g["end"]] == g["text"]
        assert text.count(g["text"], 0, g["start"]) == g["occurrence"] - 1
        assert e.type == g["type"]
        assert e.value == (g["value_with_test_dct"] if with_dct else g["value_without_dct"])
        assert e.precision == g["precision"]
        assert e.mod == g["mod"] and e.zone == g["zone"] and e.offset == g["offset"]
        assert (e.begin, e.end_value) == (
            (g["begin_with_test_dct"], g["end_value_with_test_dct"]) if with_dct else (g["begin"], g["end_value"])
        )
        if not with_dct:
            assert e.anchor == g["anchor"]
        anchor_text = by_id[e.anchor_id].text if e.anchor_id else None
        assert anchor_text == g["anchor_text"]
        assert e.sentence_id is not None


@pytest.mark.parametrize("stem", DEFAULT_STEMS)
def test_gold_values_never_finer_than_their_precision(stem: str) -> None:
    for g in _gold(stem)["expressions"]:
        for value in (g["value_without_dct"], g["value_with_test_dct"]):
            assert precision_rank(value_precision(value)) <= precision_rank(g["precision"]), g["text"]
        assert g["precision"] in PRECISIONS


@pytest.mark.parametrize("stem", DEFAULT_STEMS)
def test_default_output_never_finer_than_its_precision(stem: str) -> None:
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    for dct in (None, TEST_DCT):
        for e in extract_times(text, dct=dct):
            assert precision_rank(value_precision(e.value)) <= precision_rank(e.precision), e


@settings(deadline=None, max_examples=200)
@given(
    st.lists(
        st.sampled_from(list("0123456789 :/-.,aAmpMonthdayJFSOND") + [" May ", " 12:00 ", " years ", " ago ", " the ",
                        " between ", " and ", " last ", " next ", "Friday", " of ", " October 31st", " 2008", " half "])
    ).map("".join)
    | st.text()
)  # fmt: skip
def test_never_raises_and_spans_hold(text: str) -> None:
    for dct in (None, "2020-02-29"):
        for e in extract_times(text, dct=dct):
            assert text[e.start : e.end] == e.text and e.start < e.end
            assert e.type in {"DATE", "TIME", "DURATION", "SET"}
            assert e.precision in PRECISIONS


_SEARCH_PIECES = st.sampled_from(
    list("0123456789 \t\n:/-.,'’_(\"aApPmMQsİıſKΣé²") + ["am", "pm", "5pm", "10days", "_of", "٣years", "a.m.", "P.M",
    "Morning of", "night\n of", " of ", "DAYS", "1999", "2010s", "’90s", "12:30", "3/4/2020", "2021-03-04", "the evening of May 3", "MORNıNG of May 3",
    "May 5", "5 May 2020", "the fifth of June", "Sunday mornings", "the first half of", "the previous night"]
)  # fmt: skip


@settings(deadline=None, max_examples=300)
@given(st.lists(_SEARCH_PIECES).map("".join) | st.text())
def test_candidate_search_shortcuts_find_what_the_plain_forms_do(text: str) -> None:
    lowered = text.lower()
    figures = [m.span() for m in timex_module._FIGURE.finditer(text)]
    assert timex_module._trigger_words(text, lowered, figures) == timex_module._trigger_words_word_by_word(text)
    for plain, faster in timex_module._FASTER_TRIGGERS.items():
        assert [m.start() for m in re.finditer(faster, text)] == [m.start() for m in re.finditer(plain, text)]
    for trigger in timex_module._IN_FIGURES:
        assert [m.start() for s, e in figures for m in trigger.finditer(text, s, e)] == [m.start() for m in trigger.finditer(text)]
    every_start = [m.start() for m in re.finditer(r"(?:^|(?<=[\s(\"“‘'—–/-]))\S", text)]
    for hits in (range(0, len(text), 7), range(len(text) - 1, -1, -61), [len(text) // 2, len(text) - 1]):
        near = [s for s in every_start if any(h - timex_module._WINDOW < s <= h for h in hits)]
        assert timex_module._word_starts(text, hits) == near
    starts = timex_module._word_starts(text, range(len(text)))
    assert starts == every_start
    words = timex_module._trigger_words(text, lowered, figures)
    checkable = len(lowered) == len(text) and not any(char in text for char in timex_module._CASE_UNSAFE)
    for name, (starters, phrase) in timex_module._NEEDED.items():
        if checkable and not any(phrase.match(lowered, at) for word in starters for at in words.get(word, ())):
            pattern = re.compile(next(rule.pattern for rule in rules.RULES if rule.name == name))
            assert all(pattern.match(text, at) is None for at in starts)
    for index, either in timex_module._EITHER_OF.items():
        pattern = timex_module._COMPILED[index][1]
        assert all(either.match(text, at) for at in range(len(text) + 1) if pattern.match(text, at))
