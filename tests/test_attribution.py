"""Behaviour of the attribution extractor and the source merger on small exact cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcebound.attribution import Attribution, extract_attributions, extract_markers
from sourcebound.entities import merge_entities, transliteration_key
from sourcebound.rules import attribution as rules
from sourcebound.segment import segment_text


def extract(text: str, doc_id: str = "doc") -> tuple[Attribution, ...]:
    return extract_attributions(text, segment_text(text, doc_id), doc_id=doc_id)


def only(text: str) -> Attribution:
    found = extract(text)
    assert len(found) == 1, [a.to_json() for a in found]
    return found[0]


def test_subject_verb_that_clause() -> None:
    a = only("The ministry said that 14 drones had been destroyed.")
    assert a.source.mention.text == "The ministry"
    assert a.source.kind == "organisation"
    assert a.cue.text == "said" and a.cue_lemma == "say"
    assert a.content.text == "14 drones had been destroyed"
    assert a.rule == "cue-subject-verb"
    assert a.id == "doc-a1" and a.sentence_id == "doc-s1"


def test_quote_before_speaker() -> None:
    a = only("“We will appeal,” lawyer Maria Keller said.")
    assert a.source.mention.text == "lawyer Maria Keller"
    assert a.source.name == "Maria Keller" and a.source.kind == "person"
    assert a.content.text == "“We will appeal,”"


def test_inverted_said_after_quote() -> None:
    a = only("“The storm is coming,” said Tomas Berg, a meteorologist.")
    assert a.source.mention.text == "Tomas Berg"
    assert a.rule == "cue-inverted"
    assert a.content.text == "“The storm is coming,”"


def test_colon_quote_after_speaker() -> None:
    a = only("He said: “We will not cut jobs.”")
    assert a.content.text == "“We will not cut jobs.”"


def test_according_to_with_channel() -> None:
    a = only("Two drones were shot down, according to a statement from Mayor Ivan Petrov on his Telegram channel.")
    assert a.cue.text == "according to"
    assert a.source.name == "Ivan Petrov" and a.source.role == "Mayor"
    assert a.content.text == "Two drones were shot down"
    assert a.channel_kind == "telegram" and a.channel.text == "his Telegram channel"


def test_passive_by() -> None:
    a = only("The outbreak was first reported by a regional health agency.")
    assert a.cue.text == "was first reported"
    assert a.source.mention.text == "a regional health agency"
    assert a.content.text == "The outbreak"
    assert a.rule == "cue-passive-by"


def test_anonymous_and_group_sources() -> None:
    found = extract(
        "A senior official, who spoke on condition of anonymity, said the talks had stalled. "
        "Analysts said the market would recover."
    )
    assert [a.source.kind for a in found] == ["anonymous", "group"]
    assert found[0].source.mention.text == "A senior official"


def test_pronoun_resolves_to_named_antecedent() -> None:
    found = extract("Colonel Yuri Marchenko spoke in Odesa. Marchenko said the line held. He cited new satellite images.")
    cited = found[-1]
    assert cited.cue.text == "cited"
    assert cited.source.name == "Yuri Marchenko"
    assert cited.source.resolved_from.text == "He"
    assert cited.source.span.text.endswith("Yuri Marchenko")


def test_nested_report_has_parent() -> None:
    found = extract("Karim Haddad said that local newspapers had reported irregularities.")
    outer, inner = found
    assert inner.parent == outer.id and outer.parent is None
    assert inner.source.mention.text == "local newspapers"


def test_told_reporters() -> None:
    a = only("Finance Minister Rachel Adeyemi told reporters that the deficit would narrow.")
    assert a.cue.text == "told" and a.content.text == "the deficit would narrow"


def test_negated_cue_keeps_negation() -> None:
    a = extract("Rachel Adeyemi spoke. She did not say how the plan would be paid for.")[-1]
    assert a.cue.text == "did not say"


def test_headline_colon() -> None:
    text = "Senator Ortiz: budget deal is dead\n\nThe Senate meets on Monday."
    a = extract(text)[0]
    assert a.rule == "cue-headline-colon" and a.source.mention.text == "Senator Ortiz"
    assert a.content.text == "budget deal is dead"


def test_headline_label_is_not_a_source() -> None:
    text = "Urgent: Drone intercepted over the capital\n\nEmergency services were deployed."
    assert extract(text) == ()


def test_nouns_are_not_cues() -> None:
    assert extract("These claims have not been verified. The report was long.") == ()


def test_markers_attach_to_the_claims_they_qualify() -> None:
    found = extract("The army claimed that two villages were captured. The claims have not been independently verified.")
    assert [m.kind for m in found[0].markers] == ["unverified"]
    assert found[0].markers[0].rule == "marker-not-verified"


def test_markers_inside_quotes_are_the_sources_words() -> None:
    found = extract("The ministry warned against ‘spreading unverified information.’")
    assert all(m.kind != "unverified" for a in found for m in a.markers)


def test_extract_markers_lists_unattributed_hedges() -> None:
    text = "The convoy was reportedly struck near the border."
    markers = extract_markers(text, segment_text(text, "d"))
    assert [(sid, m.kind) for sid, m in markers] == [("d-s1", "reportedly")]


def test_to_json_is_plain_data() -> None:
    data = only("The ministry said that drones were destroyed.").to_json()
    assert data["source"]["kind"] == "organisation" and data["cue"]["text"] == "said"
    assert data["markers"] == [] and data["parent"] is None


def test_every_cue_form_maps_to_a_lemma() -> None:
    forms = rules.cue_forms()
    assert forms["said"].lemma == "say" and forms["told"].lemma == "tell"
    assert forms["denied"].lemma == "deny" and forms["emphasizing"].lemma == "emphasize"
    assert forms["pointed to"].lemma == "point to"


def test_default_documents_name_both_spellings_of_the_mayor(default_attributions) -> None:
    names = {a.source.name for atts in default_attributions.values() for a in atts if a.source.kind == "person"}
    assert {"Sergei Sobyanin", "Sergey Sobyanin", "Vladimir Popov"} <= names


@pytest.fixture(scope="module")
def default_attributions():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpus"
    result = {}
    for path in sorted(root.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result[path.stem] = extract(text, path.stem)
    return result


def test_merge_joins_transliteration_variants_and_surnames(default_attributions) -> None:
    entities = merge_entities(default_attributions)
    mayor = next(e for e in entities if e.id == "sergei-sobyanin")
    assert mayor.kind == "person"
    assert set(mayor.variants) == {"Sergei Sobyanin", "Sergey Sobyanin"} and mayor.variants[0] == "Sergei Sobyanin"
    assert {d for d, _ in mayor.mentions} == set(default_attributions)
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
    assert merge_entities(default_attributions) == entities  # deterministic


def test_merge_keeps_different_first_names_apart() -> None:
    a = {"one": extract("Ivan Popov said the plan was sound.", "one"), "two": extract("Pavel Popov said the plan was flawed.", "two")}
    people = [e for e in merge_entities(a) if e.kind == "person"]
    assert sorted(e.name for e in people) == ["Ivan Popov", "Pavel Popov"]


def test_merge_keeps_anonymous_sources_per_document_and_groups_together() -> None:
    a = {
        "one": extract("A senior officer said the line held. Analysts said prices would rise.", "one"),
        "two": extract("A senior officer said the line broke. Analysts said prices would fall.", "two"),
    }
    entities = merge_entities(a)
    assert len([e for e in entities if e.kind == "anonymous"]) == 2
    groups = [e for e in entities if e.kind == "group"]
    assert len(groups) == 1 and len(groups[0].mentions) == 2


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sergei", "Sergey"), ("Dmitriy", "Dmitry"), ("Dmitrii", "Dmitry"), ("Mikhail", "Mihail"), ("Yevgeny", "Evgeny"), ("Zelenskyy", "Zelensky")],
)
def test_transliteration_key_folds_variants(a: str, b: str) -> None:
    assert transliteration_key(a) == transliteration_key(b)


@settings(deadline=None, max_examples=150)
@given(st.text(alphabet=st.sampled_from(list("abc ABC.,:;“”‘’\"'\n-—saidtoldaccording")), max_size=200))
def test_extractor_never_raises_and_spans_are_offsets(text: str) -> None:
    for a in extract(text):
        for span in (a.cue, a.content, a.channel, a.source.span, a.source.resolved_from):
            if span is not None:
                assert text[span.start : span.end] == span.text


_TOKEN_ALPHABET = list("abnstAZ_09 .,-–’'“”\n\t\u00a0éΣİK") + ["’s", "n’t", "  ", "U.S.", "e-mail"]


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(_TOKEN_ALPHABET), max_size=30), st.data())
def test_tokens_are_the_token_pattern_matches(pieces: list[str], data: st.DataObject) -> None:
    import re

    from sourcebound.attribution import _tokenize

    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    pattern = re.compile(r"\w+(?:[-–.]\w+)*|[’']s\b|n[’']t\b|[^\w\s]")
    expected = [(m.group(), m.start(), m.end(), m.group().lower(), False) for m in pattern.finditer(text, start, end)]
    assert _tokenize(text, start, end) == expected


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(_TOKEN_ALPHABET + ["post", "statement", "on ", "lack of", "with", "UNVERIFIED", "e-mail", "Telegram", "withdrawn"]), max_size=20))
def test_rules_tried_on_a_sentence_are_those_with_a_trigger_in_it(pieces: list[str]) -> None:
    from sourcebound.attribution import _CHANNELS, _MARKERS, _TRIGGERS, _tokenize

    text = "".join(pieces)
    lowered = text.lower()
    present = _TRIGGERS.present(lowered, [t[3] for t in _tokenize(text, 0, len(text))])
    for which, rule_set in ((_CHANNELS, rules.CHANNEL_RULES), (_MARKERS, rules.MARKER_RULES)):
        expected = tuple((n, rule) for n, rule in enumerate(rule_set) if rule.applies(lowered))
        assert _TRIGGERS.rules(which, present) == expected
