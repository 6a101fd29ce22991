"""Attribution rules as data: who said what, through which channel, how certain.

Everything the attribution extractor knows about English news prose lives here:
the reporting-cue lexicon (lemmas with their inflections), the words that make
up or end a source noun phrase, the source-kind patterns, the channel patterns
and the verification markers. Each rule has a name; every extracted record
carries the name of the rule that produced it, so a finding can be traced back
to the line below that made it.

Span conventions follow the PARC 3.0 attribution corpus as far as they can be
established from its published descriptions: the *source* is the full noun
phrase (titles and modifiers included, appositions and relative clauses after a
comma left out), the *cue* is the verb group (auxiliaries and negation included)
or the phrase "according to", and the *content* is the reported material with
the complementizer "that" left out and quotation marks kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------------------
# Cue lexicon
# ---------------------------------------------------------------------------

#: How a cue verb takes what it reports.
#: ``strong``: a reporting verb whatever follows (say, tell, claim ...).
#: ``clausal``: a cue only with a that-clause, a quotation, a colon or a bare
#: clause after a source subject (suggest, believe, note ...).
STRONG = "strong"
CLAUSAL = "clausal"


@dataclass(frozen=True)
class CueLemma:
    lemma: str
    strength: str
    #: Irregular forms: past, past participle, third person, -ing (when not regular).
    forms: tuple[str, ...] = ()
    #: Prepositions that introduce the content ("warned of", "spoke about").
    content_preps: tuple[str, ...] = ()
    #: The verb takes an addressee before its content ("told reporters that").
    addressee: bool = False


CUE_LEMMAS: tuple[CueLemma, ...] = (
    CueLemma("say", STRONG, ("said", "says", "saying")),
    CueLemma("tell", STRONG, ("told", "tells", "telling"), addressee=True),
    CueLemma("state", STRONG),
    CueLemma("claim", STRONG),
    CueLemma("confirm", STRONG),
    CueLemma("announce", STRONG),
    CueLemma("report", STRONG),
    CueLemma("reveal", STRONG),
    CueLemma("deny", STRONG, ("denied", "denies", "denying")),
    CueLemma("dismiss", STRONG, ("dismissed", "dismisses", "dismissing")),
    CueLemma("allege", STRONG),
    CueLemma("assert", STRONG),
    CueLemma("declare", STRONG),
    CueLemma("insist", STRONG),
    CueLemma("explain", STRONG),
    CueLemma("acknowledge", STRONG),
    CueLemma("admit", STRONG, ("admitted", "admits", "admitting")),
    CueLemma("warn", STRONG, content_preps=("of", "against", "about")),
    CueLemma("describe", STRONG, content_preps=()),
    CueLemma("cite", STRONG),
    CueLemma("hint", STRONG, content_preps=("at",)),
    CueLemma("tweet", STRONG),
    CueLemma("write", STRONG, ("wrote", "written", "writes", "writing")),
    CueLemma("post", STRONG),
    CueLemma("emphasize", STRONG),
    CueLemma("emphasise", STRONG),
    CueLemma("stress", STRONG, ("stressed", "stresses", "stressing")),
    CueLemma("vow", STRONG),
    CueLemma("pledge", STRONG),
    CueLemma("promise", STRONG),
    CueLemma("predict", STRONG),
    CueLemma("disclose", STRONG),
    CueLemma("concede", STRONG),
    CueLemma("complain", STRONG, content_preps=("about", "of")),
    CueLemma("accuse", STRONG),
    CueLemma("testify", STRONG, ("testified", "testifies", "testifying")),
    CueLemma("reply", STRONG, ("replied", "replies", "replying")),
    CueLemma("respond", STRONG),
    CueLemma("comment", STRONG, content_preps=("on",)),
    CueLemma("quote", STRONG),
    CueLemma("maintain", STRONG),
    CueLemma("contend", STRONG),
    CueLemma("urge", STRONG),
    CueLemma("ask", STRONG, addressee=True),
    CueLemma("inform", STRONG, addressee=True),
    CueLemma("recall", STRONG),
    CueLemma("caution", STRONG),
    CueLemma("speculate", STRONG),
    CueLemma("add", CLAUSAL, ("added", "adds", "adding")),
    CueLemma("note", STRONG),
    CueLemma("interpret", STRONG),
    CueLemma("point to", STRONG, ("pointed to", "points to", "pointing to")),
    CueLemma("suggest", CLAUSAL),
    CueLemma("indicate", CLAUSAL),
    CueLemma("argue", CLAUSAL),
    CueLemma("believe", CLAUSAL),
    CueLemma("think", CLAUSAL, ("thought", "thinks", "thinking")),
    CueLemma("expect", CLAUSAL),
    CueLemma("estimate", CLAUSAL),
    CueLemma("fear", CLAUSAL),
    CueLemma("agree", CLAUSAL, ("agreed", "agrees", "agreeing")),
    CueLemma("conclude", CLAUSAL),
    CueLemma("find", CLAUSAL, ("found", "finds", "finding")),
    CueLemma("rule", CLAUSAL),
    CueLemma("show", CLAUSAL, ("showed", "shown", "shows", "showing")),
    CueLemma("point out", CLAUSAL, ("pointed out", "points out", "pointing out")),
    CueLemma("observe", CLAUSAL),
    CueLemma("remark", CLAUSAL),
    CueLemma("mention", CLAUSAL),
    CueLemma("signal", CLAUSAL, ("signalled", "signaled", "signals", "signalling", "signaling")),
    CueLemma("acknowledge", CLAUSAL),
    CueLemma("question", CLAUSAL),
    CueLemma("dispute", CLAUSAL),
    CueLemma("reject", CLAUSAL),
)

#: Words before an -s form that make it a noun ("these claims", "official reports").
NOUN_PREMODIFIERS = frozenset(
    """
    official new latest such no any unverified conflicting earlier similar recent media press news initial
    preliminary first previous subsequent further competing public private those these the a an his her its
    their our my your some many several both early later initial own
    """.split()
)


def _regular_forms(lemma: str) -> tuple[str, ...]:
    """Past, third person and -ing forms of a regular verb."""
    if lemma.endswith("e"):
        return (lemma + "d", lemma + "s", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma + "ed", lemma + "es", lemma + "ing")
    return (lemma + "ed", lemma + "s", lemma + "ing")


def cue_forms() -> dict[str, CueLemma]:
    """Every inflected cue form, lower case, mapped to its lemma entry."""
    forms: dict[str, CueLemma] = {}
    for entry in CUE_LEMMAS:
        words = (entry.lemma, *(entry.forms or _regular_forms(entry.lemma)))
        for word in words:
            forms.setdefault(word, entry)
    return forms


#: Phrase cues: a source follows them ("according to the ministry").
ACCORDING_TO = re.compile(r"\b(?:[Aa]ccording to|[Aa]s (?:reported|stated|announced|claimed) by|[Cc]iting)\b")

#: Cue forms that are as often nouns ("in 40 states", "the same state"): without an
#: auxiliary they report only before a that-clause, a quotation, a colon or a comma.
NOUN_LIKE_FORMS = frozenset(
    """
    state states report reports claim claims post posts quote quotes comment comments question questions
    promise promises estimate estimates fear fears show shows rule rules find finds signal signals remark remarks
    """.split()
)

#: Auxiliaries, modals, negation and adverbs that belong to the verb group of a cue.
AUXILIARIES = frozenset(
    """
    has have had having is are was were be been being am will would shall should can could may might must
    do does did not n't never also repeatedly previously publicly later again already recently earlier
    first then officially reportedly allegedly just still further separately privately openly
    """.split()
)
#: Of those, the ones kept in the cue span (the verb group proper).
CUE_GROUP_WORDS = frozenset(
    "has have had is are was were be been will would shall should can could may might must do does did not n't never".split()
)

#: Participles that report when they follow a comma (", saying that ...").
#: Any cue form ending in -ing is checked; these also report with a noun object.
PARTICIPLE_WITH_OBJECT = frozenset({"citing", "saying", "claiming", "stating", "telling", "quoting", "warning", "denying"})

# ---------------------------------------------------------------------------
# Source noun phrases
# ---------------------------------------------------------------------------

DETERMINERS = frozenset("the a an this that these those his her its their our my your some many several both".split())
PRONOUNS_PERSON = frozenset("he she".split())
PRONOUNS_GROUP = frozenset("they".split())
PRONOUNS_THING = frozenset("it".split())
PRONOUNS_FIRST = frozenset("i we".split())
RELATIVE_PRONOUNS = frozenset("who which".split())

#: Words that end a source noun phrase when read backwards from the cue.
NP_STOPWORDS = frozenset(
    """
    that which what who whom whose where when while as after before because since if although though
    but and or so yet than then once until unless whereas whether also nor
    is are was were be been has have had will would could should can may might must do does did
    to by in on at with from into over under about against during through across between among per via
    said says told claimed stated reported
    """.split()
)
#: Prepositions allowed inside a source noun phrase ("the Ministry of Defense", "a spokesman for the firm").
NP_INNER_PREPS = frozenset("of for at within close to from in".split())
PREPOSITIONS = frozenset(
    "in on at by with from after before during since about over under for to into against across amid among".split()
)

#: Heads of unnamed groups ("analysts", "sources close to ...").
GROUP_HEADS = frozenset(
    """
    analysts experts officials sources observers critics residents witnesses authorities investigators
    researchers scientists doctors economists diplomats lawmakers legislators prosecutors lawyers
    activists campaigners commentators insiders people others some many reports media reporters journalists
    bloggers users officers soldiers troops police residents forecasters meteorologists traders investors
    executives employees workers members leaders ministers politicians scholars specialists assessments
    estimates figures agencies groups organisations organizations governments
    """.split()
)
#: Heads of a single unnamed individual ("a senior officer", "a spokesman").
ANONYMOUS_HEADS = frozenset(
    """
    officer official source spokesman spokeswoman spokesperson representative aide insider diplomat
    analyst expert witness resident employee worker executive person man woman member lawyer doctor
    investigator researcher scientist commander soldier negotiator adviser advisor staffer engineer
    """.split()
)
#: Words that mark a named organisation.
ORGANISATION_WORDS = frozenset(
    """
    ministry department agency office service services command council commission committee court
    government kremlin parliament police army navy forces force company corporation inc ltd corp plc
    group bank university institute association union party administration bureau authority
    board fund organisation organization agency embassy cabinet senate congress duma tribunal
    hospital clinic airline airlines news times post press tass reuters bbc cnn interfax ria
    network station channel outlet newspaper agency media foundation center centre court
    """.split()
)
#: Titles and roles that precede a name ("Moscow Mayor", "Major-General").
TITLE_WORDS = frozenset(
    """
    mayor governor president minister secretary spokesman spokeswoman spokesperson general major-general
    lieutenant-general colonel lieutenant captain commander admiral sergeant chief director chairman
    chairwoman chair ceo cfo head judge justice prosecutor senator representative ambassador prime
    deputy vice dr mr mrs ms prof professor sir lady lord king queen prince pope bishop rev
    gen maj col lt capt sgt adm gov sen rep sheriff inspector detective officer coach manager founder
    leader mp attorney councillor councilor mr. mrs. ms. dr. gen. maj. col. lt. capt. sen. rep. gov.
    """.split()
)
#: Heads that name a channel, not a source ("the mayor's message said").
CHANNEL_HEADS = frozenset(
    """
    message statement post tweet letter report release briefing interview email e-mail note memo
    filing video broadcast announcement update blog bulletin communique communiqué remarks comments
    """.split()
)
#: Sentence-initial headline labels that are not sources ("Urgent: ...").
HEADLINE_LABELS = frozenset(
    """
    urgent breaking update updated exclusive live analysis opinion watch video photos explainer
    editorial comment review report interview factbox timeline q&a in pictures
    """.split()
)

#: Short mentions that refer back to an earlier, fuller source ("the mayor", "the ministry").
DEFINITE_BACK_REFERENCE = re.compile(r"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+([a-z][\w-]*)$")

#: Markers of anonymity in a relative clause or phrase near the source.
ANONYMITY = re.compile(
    r"\b(?:on (?:the )?condition of anonymity|declined to be (?:named|identified)|"
    r"(?:was|were) not authori[sz]ed to (?:speak|comment)|asked not to be (?:named|identified)|"
    r"speaking anonymously|unnamed|anonymous)\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------
# Channels
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    pattern: re.Pattern[str]
    #: Lower-case words one of which must occur for the pattern to be tried (speed).
    triggers: tuple[str, ...]

    def applies(self, lowered: str) -> bool:
        return any(trigger in lowered for trigger in self.triggers)


def _rules(kind_patterns: tuple[tuple[str, str, str, str], ...]) -> tuple[Rule, ...]:
    return tuple(
        Rule(name, kind, re.compile(pattern, re.IGNORECASE), tuple(triggers.split("|")))
        for name, kind, triggers, pattern in kind_patterns
    )


CHANNEL_RULES: tuple[Rule, ...] = _rules(
    (
        ("channel-telegram", "telegram", "telegram", r"\b(?:(?:his|her|its|their|the|a)\s+)?(?:official\s+)?Telegram(?:\s+(?:channel|account|post|message))?"),
        ("channel-max", "max", "max", r"\b(?:(?:his|her|its|their|the|a)\s+)?Max\s+messenger(?:\s+channel)?"),
        ("channel-social", "post", "account|page|post|channel|feed", r"\b(?:(?:his|her|its|their|the|a)\s+)?(?:X|Twitter|Facebook|Instagram|VKontakte|VK|WhatsApp|Truth Social|LinkedIn|YouTube)\s+(?:account|page|post|channel|feed)"),
        ("channel-social-on", "post", "on ", r"\b(?<=on )(?:X|Twitter|Facebook|Instagram|VKontakte|Weibo|YouTube)\b"),
        ("channel-interview", "interview", "interview", r"\b(?:an?|the|in\s+an?)?\s*(?:exclusive\s+|televised\s+|television\s+|TV\s+|radio\s+|phone\s+|telephone\s+)?interview(?:\s+with\s+(?:an?|the)?\s*[\w\s-]{0,40}?(?:outlet|broadcaster|newspaper|agency|channel|radio|television|TV|(?-i:[A-Z]\w+)))?"),
        ("channel-briefing", "briefing", "briefing", r"\b(?:an?|the)?\s*(?:closed-door\s+|press\s+|news\s+|daily\s+|private\s+)?briefings?(?:\s+with\s+[\w\s-]{0,30}?journalists|\s+with\s+reporters)?"),
        ("channel-press-conference", "press-conference", "conference", r"\b(?:an?|the)?\s*(?:press|news)\s+conference"),
        ("channel-statement", "statement", "statement", r"\b(?:an?|the|his|her|its|their)?\s*(?:written\s+|joint\s+|official\s+|brief\s+)?statements?"),
        ("channel-press-release", "statement", "release", r"\b(?:an?|the)?\s*press\s+release"),
        ("channel-message", "post", "message|post|tweet|address", r"\b(?:an?|the|his|her|its|their)?\s*(?:cryptic\s+|brief\s+|short\s+|video\s+)?(?:message|post|tweet|video address)"),
        ("channel-letter", "letter", "letter", r"\b(?:an?|the|his|her|its|their)?\s*(?:open\s+)?letter"),
        ("channel-filing", "filing", "filing|document|papers", r"\b(?:an?|the)?\s*(?:court|regulatory)\s+(?:filing|documents?|papers)"),
        ("channel-speech", "speech", "speech|address", r"\b(?:an?|the|his|her|its|their)?\s*(?:televised\s+)?(?:speech|address)\b"),
        ("channel-email", "email", "mail", r"\b(?:an?|the)?\s*e-?mail(?:ed)?\s*(?:statement)?"),
    )
)

# ---------------------------------------------------------------------------
# Verification markers
# ---------------------------------------------------------------------------

MARKER_RULES: tuple[Rule, ...] = _rules(
    (
        ("marker-not-verified", "unverified", "verified|confirmed|corroborated", r"\b(?:could|can|has|have|had|was|were|is|are)?\s*(?:not|n't)\s+(?:been\s+|be\s+)?(?:independently\s+)?(?:verified|confirmed|corroborated)(?:\s+independently)?\b"),
        ("marker-unverified-word", "unverified", "unverifi", r"\bunverifi(?:ed|able)\b"),
        ("marker-lack-verification", "unverified", "lack of", r"\black of (?:independent )?verification\b"),
        ("marker-skepticism", "skepticism", "with", r"\b(?:met|greeted|viewed|received|treated)\s+with\s+(?:some\s+|considerable\s+|widespread\s+)?(?:skepticism|scepticism|doubt|suspicion)\b"),
        ("marker-doubt", "skepticism", "doubt", r"\b(?:cast|casts|raised|raises)\s+doubts?\b"),
        ("marker-unacknowledged", "unacknowledged", "acknowledged|commented", r"\b(?:not|never)\s+(?:been\s+)?(?:officially\s+|publicly\s+)?(?:acknowledged|commented on)\b"),
        ("marker-dismissed", "dismissed", "dismiss", r"\bdismiss(?:ed|es|ing)?\b[^.;]{0,60}?\bas\s+[‘'\"“]?[\w\s-]{1,40}"),
        ("marker-rejected", "dismissed", "rejected", r"\brejected\s+(?:the\s+)?(?:claims?|reports?|allegations?|accounts?)\b"),
        ("marker-reportedly", "reportedly", "reportedly", r"\breportedly\b"),
        ("marker-alleged", "alleged", "alleged|purported", r"\b(?:alleged(?:ly)?|purported(?:ly)?)\b"),
        ("marker-unconfirmed", "unverified", "unconfirmed", r"\bunconfirmed\b"),
        ("marker-disputed", "disputed", "disputed|contested", r"\b(?:disputed|contested)\b"),
        ("marker-contradicts", "disputed", "contradict", r"\bcontradict(?:s|ed|ing)?\b"),
        ("marker-conflicting", "disputed", "conflicting", r"\bconflicting accounts?\b"),
        ("marker-denied", "disputed", "denied", r"\bdenied\b"),
        ("marker-overstatement", "skepticism", "overstatement", r"\bpotential for overstatement\b"),
    )
)

#: A sentence opening that points back at the claims of an earlier sentence,
#: so its verification markers belong to those claims.
CLAIM_BACK_REFERENCE = re.compile(
    r"^\s*(?:However,\s+|But\s+)?(?:[Tt]he|[Tt]hese|[Tt]his|[Tt]hose|[Ss]uch|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|"
    r"[A-Z][\w-]*(?:’s|'s))\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:claims?|figures?|numbers?|remarks?|assertions?|statements?|reports?|accounts?|allegations?|"
    r"comments?|findings?|revelations?|assessments?|estimates?|account|version|narrative)\b"
)

#: Clause boundaries that end an indirect content span.
CONTENT_END = re.compile(
    r",\s+(?:though|although|but|while|whereas|which|according to|as\s+(?:the|a|it)\b)|;|\s+—\s+|,\s+(?=[a-z]+ing\b)"
    r"|,\s+(?=(?:has|have|had|is|are|was|were|will|would|could|can|may|might)\b)"
)
#: Every boundary matched by CONTENT_END holds one of these characters (a sentence
#: without any is not searched).
CONTENT_END_CHARS = ",;—"

#: Names tied to a cue by a colon in a headline ("Mayor: schools stay open").
HEADLINE_COLON = re.compile(r"^([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*:\s+(\S.*)$", re.DOTALL)
