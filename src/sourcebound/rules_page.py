"""The Rules page: every named extraction rule, generated from the rules data
itself so that the page and the code cannot disagree."""

from __future__ import annotations

from typing import Any

from .rules import attribution as attribution_rules
from .rules import timex as timex_rules
from .templating import render_template


def _triggers(value: Any) -> str:
    if isinstance(value, str):
        return f"pattern {value}"
    return ", ".join(sorted(value))


def rules_page() -> str:
    forms = attribution_rules.cue_forms()
    lemmas = []
    for entry in attribution_rules.CUE_LEMMAS:
        inflected = sorted(f for f, e in forms.items() if e is entry and f != entry.lemma)
        lemmas.append(
            {
                "lemma": entry.lemma,
                "strength": "always a cue" if entry.strength == attribution_rules.STRONG else "a cue only before a clause, quotation or colon",
                "forms": ", ".join(inflected),
                "extras": "; ".join(
                    part
                    for part in (
                        f"content after “{'”, “'.join(entry.content_preps)}”" if entry.content_preps else "",
                        "takes an addressee (“told reporters that …”)" if entry.addressee else "",
                    )
                    if part
                ),
            }
        )
    pattern_rules = [
        {"group": "Channels", "rules": attribution_rules.CHANNEL_RULES},
        {"group": "Verification markers", "rules": attribution_rules.MARKER_RULES},
    ]
    timex = [
        {
            "name": rule.name,
            "triggers": _triggers(timex_rules.TRIGGERS.get(rule.name, "")),
            "priority": rule.priority,
            "pattern": rule.pattern,
        }
        for rule in timex_rules.RULES
    ]
    return render_template(
        "rules.md.j2",
        lemmas=lemmas,
        pattern_rules=pattern_rules,
        according_to=attribution_rules.ACCORDING_TO.pattern,
        timex=timex,
    )
