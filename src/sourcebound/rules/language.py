"""Loaded-language rules as data: lexicons, phrases and the categories they report.

The lexicons follow the cue classes of the literature on biased language in
reference and news text (Recasens, Danescu-Niculescu-Mizil and Jurafsky 2013,
"Linguistic Models for Analyzing and Detecting Biased Language"; Hooper 1975 on
assertive and factive predicates; Karttunen 1971 on implicatives; Hyland 1998 on
hedges; Riloff and Wiebe 2003 on strong subjectives), grouped into the
categories a reader of a news document needs:

``sensational``
    sensational or puffery words: strong subjective intensifiers and evaluative
    adjectives, positive or negative ("startling", "relentless", "legendary").
``editorializing``
    the writer's own evaluation or steer ("one thing is clear", "underscoring",
    "unfortunately", "failed to").
``weasel``
    unsupported or vague attribution ("some say", "sources close to",
    "it is believed").
``doubt``
    doubt and scare words that cast a claim or a name as dubious ("so-called",
    "purported", "alleged", "rumors").
``said-synonym``
    loaded synonyms for "said": factive verbs that present the content as true
    ("revealed", "admitted") and assertive verbs that cast doubt on it
    ("claimed", "insisted", "hinted").
``label``
    contentious labels and one-sided terms ("regime", "terrorist", "rogue").

Each lexicon is a named rule with a score: how strongly its words signal bias
out of context. A finding at or above :data:`REPORT_THRESHOLD` is reported as
loaded language; weaker cues (hedges such as "may", mild intensifiers such as
"very") only serve :func:`sourcebound.language.most_biased_word`, which must
always pick the likeliest word of a sentence.

Words are listed in their base form; :func:`expand` adds the inflections named
by each lexicon's ``forms`` (``verb``, ``adjective``, ``noun``), so that the
lists generalise to text they were not written from.
"""

from __future__ import annotations

from dataclasses import dataclass

SENSATIONAL = "sensational"
EDITORIALIZING = "editorializing"
WEASEL = "weasel"
DOUBT = "doubt"
SAID_SYNONYM = "said-synonym"
LABEL = "label"

#: Every category, in the order pages list them.
CATEGORIES: tuple[str, ...] = (SENSATIONAL, EDITORIALIZING, WEASEL, DOUBT, SAID_SYNONYM, LABEL)

CATEGORY_TITLES: dict[str, str] = {
    SENSATIONAL: "Sensational or puffery",
    EDITORIALIZING: "Editorializing",
    WEASEL: "Weasel or unsupported attribution",
    DOUBT: "Doubt or scare words",
    SAID_SYNONYM: "Loaded synonyms for “said”",
    LABEL: "Contentious labels",
}

#: A finding scoring below this is a weak cue, not reported as loaded language.
REPORT_THRESHOLD = 0.5


@dataclass(frozen=True)
class Lexicon:
    name: str
    category: str
    score: float
    #: Base forms; a phrase is several words separated by spaces.
    terms: tuple[str, ...]
    #: Which inflections to add: "verb", "adjective" (adverb in -ly), "noun" (plural).
    forms: str = ""
    description: str = ""


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split("|") if w.strip())


LEXICONS: tuple[Lexicon, ...] = (
    # --- loaded synonyms for "said" -------------------------------------------------
    Lexicon(
        "factive-report-verb",
        SAID_SYNONYM,
        0.9,
        _words("reveal|admit|confess|concede|divulge|own up"),
        "verb",
        "Factive verbs: they present the reported content as established fact.",
    ),
    Lexicon(
        "factive-verb",
        SAID_SYNONYM,
        0.45,
        _words("acknowledge|realize|realise|recognize|recognise|discover|learn|regret|uncover|prove|demonstrate|expose"),
        "verb",
        "Factive verbs of knowing and showing (Hooper 1975).",
    ),
    Lexicon(
        "assertive-report-verb",
        SAID_SYNONYM,
        0.8,
        _words("claim|insist|allege|assert|contend|purport|boast|brag|proclaim|trumpet|profess|hint|lament|complain|grumble|whine|gloat|tout|opine|speculate|theorize|maintain that|argue"),
        "verb",
        "Assertive verbs: they cast the speaker's content as one-sided or doubtful.",
    ),
    Lexicon(
        "loaded-report-noun",
        SAID_SYNONYM,
        0.6,
        _words("revelation|admission|confession|allegation|boast|assertion|insinuation"),
        "noun",
        "Nouns built on factive or assertive verbs.",
    ),
    Lexicon(
        "report-verb",
        SAID_SYNONYM,
        0.25,
        _words("warn|stress|emphasize|emphasise|note|suggest|indicate|declare|vow|deny|disclose|observe|remark|explain|contend"),
        "verb",
        "Report verbs with a shade of stance; weak cues only.",
    ),
    # --- doubt and scare words --------------------------------------------------------
    Lexicon(
        "scare-word",
        DOUBT,
        0.85,
        _words("so-called|so called|supposed|supposedly|purported|purportedly|self-proclaimed|self-styled|would-be|pseudo|quasi|dubious|bogus|sham|spurious|specious|baseless|unfounded|unsubstantiated|debunked|discredited|rumor|rumour|hoax|myth|conspiracy theory|fringe|fake"),
        "",
        "Words that cast a claim, a title or a name as doubtful.",
    ),
    Lexicon(
        "doubt-word",
        DOUBT,
        0.55,
        _words("alleged|questionable|controversial|contentious|disputed|mysterious|murky|shadowy|cryptic|mystery|so-styled|ostensibly|ostensible|apparent|apparently|seemingly|arguably|dubiously|suspicious|suspiciously"),
        "",
        "Hedged or doubting qualifiers.",
    ),
    Lexicon(
        "hedge",
        DOUBT,
        0.2,
        _words("may|might|could|possibly|perhaps|probably|likely|unlikely|seem|seems|seemed|appear to|appears to|appeared to|somewhat|presumably|conceivably|potentially|maybe|tend to|tends to|suggests|fairly|relatively|mostly|generally|usually|often|almost|nearly|roughly"),
        "",
        "Hedges (Hyland 1998): weak cues only.",
    ),
    # --- weasel attribution ----------------------------------------------------------
    Lexicon(
        "weasel-phrase",
        WEASEL,
        0.8,
        _words(
            "some say|some believe|some argue|some claim|some have|others have|others say|many say|many believe|"
            "many argue|critics say|critics argue|critics claim|experts say|observers say|observers believe|"
            "it is believed|it is said|it is thought|it is claimed|it is alleged|it is widely|it has been said|"
            "it has been suggested|it has been claimed|it has been reported|it is rumored|it is rumoured|"
            "widely believed|widely regarded|widely considered|widely seen|widely thought|widely known|"
            "is considered by many|considered by many|regarded by many|according to some|according to many|"
            "some observers|some experts|many experts|many observers|most experts|some critics|many critics|"
            "some people|many people believe|people say|what officials describe|what critics call|what some call|"
            "sources close to|sources within|sources familiar with|people familiar with|intelligence sources|"
            "unnamed sources|anonymous sources|insiders say|there are those|is said to|are said to|is thought to|"
            "are thought to|is believed to|are believed to|has been interpreted|have been interpreted|"
            "is seen as|are seen as|is viewed as|are viewed as|has been described as|have been described as|"
            "is regarded as|are regarded as|is known to|are known to|research has shown|studies show|"
            "studies have shown|science says|history shows"
        ),
        "",
        "Vague or unsupported attribution: the claim rests on nobody in particular.",
    ),
    Lexicon(
        "speculation-word",
        WEASEL,
        0.55,
        _words("speculation|rumored|rumoured|whispers|hearsay|gossip|insiders|reportedly|purportedly|allegedly"),
        "",
        "Unsourced talk presented as a source.",
    ),
    # --- contentious labels and one-sided terms ------------------------------------
    Lexicon(
        "contentious-label",
        LABEL,
        0.85,
        _words(
            "terrorist|terrorism|regime|rogue|thug|dictator|despot|tyrant|tyranny|puppet|junta|invader|occupier|"
            "aggressor|propaganda|propagandist|cult|fanatic|zealot|extremist|extremism|jihadist|radical|radicals|"
            "militant|insurgent|separatist|fundamentalist|hardliner|warmonger|apologist|mouthpiece|henchman|"
            "henchmen|crony|cronies|mob|gang|denier|traitor|collaborator|martyr|freedom fighter|infidel|heretic|"
            "heresy|pervert|deviant|illegal alien|illegals|baby killer|murderer|butcher|bigot|racist|fascist|"
            "nazi|communist|socialist|leftist|rightist|far-right|far-left|ultra-nationalist|ultranationalist|"
            "islamist|zionist|neocon|globalist|elitist|demagogue|populist|agitator|troublemaker|sect|"
            "homicide bomber|pro-life|pro-choice|anti-abortion|pro-abortion|death tax|partial-birth|"
            "regime change|cabal|lackey|stooge|shill|usurper|oppressor|invasion|aggression|"
            "massacre|slaughter|atrocity|genocide|pogrom|ethnic cleansing|hero|heroes|villain|evildoer|"
            "narrative|disaffected|subversive|saboteur|enemy|enemies|hostile|pariah|rabble|horde|hordes"
        ),
        "noun",
        "Labels and one-sided terms that take a side in a dispute.",
    ),
    # --- sensational and puffery -------------------------------------------------------
    Lexicon(
        "sensational-negative",
        SENSATIONAL,
        0.85,
        _words(
            "startling|shocking|shockwave|shockwaves|harrowing|horrific|horrifying|horrendous|horrible|terrible|"
            "terrifying|brutal|savage|barbaric|barbarous|atrocious|heinous|monstrous|gruesome|grisly|ghastly|"
            "devastating|catastrophic|cataclysmic|disastrous|calamitous|apocalyptic|nightmarish|nightmare|"
            "chilling|bloodcurdling|alarming|disturbing|outrageous|scandalous|notorious|infamous|disgraceful|"
            "shameful|appalling|abhorrent|despicable|deplorable|vile|vicious|ruthless|merciless|evil|sinister|"
            "nefarious|diabolical|wicked|relentless|unrelenting|unprecedented|staggering|stunning|stark|fierce|"
            "ferocious|frenzy|frenzied|chaos|chaotic|mayhem|carnage|bloodbath|bloody|onslaught|rampage|"
            "havoc|turmoil|pandemonium|bombshell|explosive|sensational|dramatic|drastic|dire|grim|bleak|"
            "dreadful|dreaded|draconian|deadly|lethal|intrigue|paranoia|hysteria|hysterical|panic|terror|"
            "menace|menacing|ominous|perilous|plague|scourge|crisis|jaw-dropping|mind-boggling|unthinkable|"
            "unimaginable|unbelievable|incredible|insane|crazy|absurd|ridiculous|ludicrous|preposterous|"
            "pathetic|disgusting|sickening|tragic|tragedy|heartbreaking|heart-wrenching|agonizing|"
            "excruciating|tense|high-stakes|escalating|spiraling|spiralling|skyrocketing|soaring|plummeting|"
            "plunging|crippling|crushing|shattering|shattered|slammed|blasted|lambasted|ravaged|wreaked|"
            "embattled|beleaguered|besieged|urgent|stern|blistering|scathing|furious|fury|outrage|"
            "outraged|uproar|firestorm|debacle|fiasco|disaster|doom|doomed|reckless|draconian|"
            "egregious|flagrant|blatant|glaring|rampant|runaway|immense|massive|huge|enormous|colossal|"
            "gigantic|sweeping|towering|overwhelming|overwhelmingly|extraordinary|dramatically"
        ),
        "adjective",
        "Sensational words: strong negative or dramatic subjectives.",
    ),
    Lexicon(
        "puffery",
        SENSATIONAL,
        0.8,
        _words(
            "great|greatest|best|finest|brilliant|famous|famed|renowned|world-renowned|world-famous|legendary|"
            "iconic|acclaimed|critically acclaimed|prestigious|celebrated|outstanding|remarkable|exceptional|"
            "world-class|pioneering|visionary|masterpiece|masterful|genius|superb|excellent|amazing|"
            "magnificent|spectacular|impressive|glorious|triumphant|triumph|heroic|brave|courageous|noble|"
            "beloved|charismatic|talented|gifted|prolific|distinguished|esteemed|illustrious|eminent|"
            "preeminent|pre-eminent|foremost|premier|elite|leading|top|unparalleled|unrivaled|unrivalled|"
            "unmatched|unsurpassed|peerless|incomparable|matchless|groundbreaking|ground-breaking|"
            "revolutionary|innovative|cutting-edge|state-of-the-art|seminal|landmark|historic|epic|"
            "legend|icon|hero|superstar|stellar|phenomenal|fabulous|fantastic|terrific|wonderful|"
            "marvelous|marvellous|breathtaking|awe-inspiring|awesome|incredible|inspiring|inspirational|"
            "perfect|flawless|ideal|definitive|ultimate|unique|extraordinary|decorated|storied|venerable|"
            "well-known|well known|highly regarded|highly respected|respected|admired|much-loved|"
            "beautiful|stunning|gorgeous|elegant|exquisite|lavish|luxurious|sophisticated|powerful|"
            "mighty|formidable|dominant|successful|success|thriving|booming|flourishing|prosperous|"
            "vibrant|dynamic|passionate|dedicated|tireless|tirelessly|selfless|generous|honorable|"
            "honourable|virtuous|wise|legendary|sacred|holy|fame|acclaim|glory|prestige|"
            "state of the art|invaluable|indispensable|tremendous|tremendously|daring|"
            "striking|strikingly|dazzling|glittering|glamorous"
        ),
        "adjective",
        "Puffery: strong positive or promotional subjectives.",
    ),
    Lexicon(
        "puffery-mild",
        SENSATIONAL,
        0.45,
        _words(
            "advanced|sophisticated|modern|high-profile|influential|prominent|notable|noteworthy|popular|"
            "significant|important|major|key|crucial|vital|critical|essential|fundamental|bold|ambitious|"
            "exclusive|rare|powerful|successful|success|leading|top|respected|well-known|unique|historic|"
            "landmark|dynamic|strong|large|big|huge|serious|severe|rapid|sharp|heavy|intense|growing|"
            "mounting|considerable|substantial|widespread|dominant|effective|efficient|innovative"
        ),
        "adjective",
        "Mild evaluative adjectives: common in plain reporting, weak cues only.",
    ),
    # --- editorializing ------------------------------------------------------------------
    Lexicon(
        "editorial-phrase",
        EDITORIALIZING,
        0.85,
        _words(
            "one thing is clear|it is clear|it is obvious|it is evident|it is undeniable|there is no doubt|"
            "there can be no doubt|needless to say|of course|without a doubt|without doubt|beyond doubt|"
            "it goes without saying|make no mistake|the fact that|the fact is|the truth is|the reality is|"
            "in reality|the truth|true origins|true nature|true intentions|real reason|real motive|"
            "only time will tell|remains to be seen|raising questions|raises questions|raised questions|"
            "raise questions|raising concerns|underscoring|underscores|underscored|underscore|underlining|"
            "highlighting|adding a layer|adding to the confusion|adding fuel|"
            "deepened the mystery|deepens the mystery|as the dust settles|the world watches|the world is watching|"
            "world watching|all eyes|the stakes|tight-lipped|critical gap|calculated attempt|calculated move|"
            "political maneuvering|political manoeuvring|control of the narrative|a clear message|"
            "a stark reminder|serves as a reminder|a wake-up call|wake-up call|in a bid to|desperate|"
            "desperately|at any moment|from anywhere|buried beneath|sent shockwaves|sending shockwaves|"
            "fueled speculation|fuelled speculation|stoking|stoked|point out|pointed out|pointing out|"
            "the gravity of|gravity of the situation|high-stakes game|aerial duel|unfolding crisis|"
            "paint a picture|paints a picture|painted a picture"
        ),
        "",
        "Phrases in which the writer evaluates, steers or dramatises.",
    ),
    Lexicon(
        "editorial-adverb",
        EDITORIALIZING,
        0.75,
        _words(
            "clearly|obviously|evidently|undeniably|undoubtedly|unquestionably|indisputably|certainly|surely|"
            "naturally|unfortunately|fortunately|sadly|regrettably|luckily|happily|thankfully|mercifully|"
            "alarmingly|shockingly|surprisingly|unsurprisingly|predictably|remarkably|interestingly|"
            "curiously|ironically|tellingly|notably|importantly|significantly|crucially|admittedly|"
            "frankly|honestly|truly|actually|indeed|merely|mere|successfully|famously|notoriously|"
            "infamously|conveniently|inevitably|incredibly|extremely|utterly|absolutely|hugely|vastly|"
            "immensely|exceptionally|extraordinarily|wildly|desperately|bravely|boldly|proudly|brutally|"
            "ruthlessly|cynically|blatantly|calculated|heightened|tightly guarded"
        ),
        "",
        "Stance and intensifying adverbs: the writer's own evaluation.",
    ),
    Lexicon(
        "intensifier",
        EDITORIALIZING,
        0.4,
        _words(
            "really|simply|only|just|even|still|finally|highly|deeply|totally|completely|entirely|"
            "particularly|especially|very|so|too|quite|strongly|fiercely|sharply|severely|badly|gravely|"
            "seriously|heavily|purely|solely|ever|forever|never|always|increasingly|lone|sole|critically|"
            "stealthy|intricate|much|most|more|many|numerous|countless|several|also|however|although|"
            "despite|yet|nevertheless|nonetheless|moreover|furthermore|notwithstanding"
        ),
        "",
        "Intensifiers, quantifier hedges and contrastive connectives: weak cues only.",
    ),
    Lexicon(
        "implicative-verb",
        EDITORIALIZING,
        0.6,
        _words("fail to|failed to|fails to|failing to|manage to|managed to|manages to|refuse to|refused to|refuses to|neglect to|neglected to|dare to|dared to|bother to|bothered to|forced to|forget to|forgot to|happened to|struggle to|struggled to|scramble to|scrambled to|rush to|rushed to"),
        "",
        "Implicative verbs (Karttunen 1971): they imply an expectation or a verdict.",
    ),
    Lexicon(
        "evaluative-verb",
        EDITORIALIZING,
        0.6,
        _words("exploit|manipulate|orchestrate|plot|scheme|collude|conspire|lurk|prey|cripple|wreak|"
               "slam|blast|lambaste|condemn|denounce|decry|smear|whitewash|cover up|downplay|exaggerate|"
               "distort|spin|peddle|tout|flaunt|squander|plunder|loot|ravage|devastate|terrorize|"
               "terrorise|butcher|massacre|murder|slaughter|fuel|spark|stoke|ignite|grip|rock|shake|"
               "plague|haunt|erupt|soar|plunge|skyrocket"),
        "verb",
        "Verbs that evaluate or dramatise what they report.",
    ),
)

#: Lower-case words never taken as loaded: function words and the reporting
#: verbs the site itself uses.
NEUTRAL_WORDS: frozenset[str] = frozenset(
    "a an the and or but of to in on at by for with from as that this these those is are was were be been being "
    "it its he she they them his her their we our you your i said says say stated states state reported reports "
    "report according told tell wrote write posted post added add".split()
)

#: Words ending in -ly that are not adverbs of stance (months, nouns, plain adjectives).
NOT_ADVERBS: frozenset[str] = frozenset(
    "early only family july italy reply supply apply daily weekly monthly yearly quarterly hourly nightly rally ally "
    "belly bully fly holy jolly lily rely silly ugly wholly assembly anomaly butterfly homily melancholy monopoly "
    "italy sicily emily kelly molly sally billy willy polly ely manly friendly lonely lovely elderly costly likely "
    "unlikely orderly timely fly comply multiply imply dally tally folly gully jelly".split()
)

#: Superlatives ending in -est that are plain words.
NOT_SUPERLATIVES: frozenset[str] = frozenset(
    "best west test rest nest interest forest protest request guest suggest honest modest earnest harvest invest "
    "arrest contest digest manifest conquest quest chest crest vest zest pest fest jest lest unrest bequest "
    "northwest southwest midwest everest budapest bucharest inquest priest".split()
)

#: Plain superlatives of size, age and order: weaker cues than evaluative ones.
PLAIN_SUPERLATIVES: frozenset[str] = frozenset(
    "latest largest biggest oldest earliest highest lowest longest newest nearest smallest youngest".split()
)

#: Evaluative suffixes: an unknown adjective with one of these is a weak cue.
EVALUATIVE_SUFFIXES: tuple[str, ...] = ("ous", "ful", "less", "ible", "able", "ive", "ic")


def _verb_forms(lemma: str) -> tuple[str, ...]:
    """Regular inflections of a verb lemma; the last word of a phrase inflects first."""
    head, _, rest = lemma.partition(" ")
    rest = f" {rest}" if rest else ""
    irregular = {
        "learn": ("learned", "learnt", "learns", "learning"),
        "prove": ("proved", "proven", "proves", "proving"),
        "own": ("owned", "owns", "owning"),
        "spin": ("spun", "spins", "spinning"),
        "shake": ("shook", "shaken", "shakes", "shaking"),
        "plot": ("plotted", "plots", "plotting"),
        "slam": ("slammed", "slams", "slamming"),
        "grip": ("gripped", "grips", "gripping"),
        "admit": ("admitted", "admits", "admitting"),
        "regret": ("regretted", "regrets", "regretting"),
        "prey": ("preyed", "preys", "preying"),
        "cover": ("covered", "covers", "covering"),
    }
    if head in irregular:
        forms = irregular[head]
    elif head.endswith("e"):
        forms = (head + "d", head + "s", head[:-1] + "ing")
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = (head[:-1] + "ied", head[:-1] + "ies", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = (head + "ed", head + "es", head + "ing")
    else:
        forms = (head + "ed", head + "s", head + "ing")
    return (lemma,) + tuple(f + rest for f in forms)


def _adverb(adjective: str) -> str | None:
    if " " in adjective or "-" in adjective or adjective.endswith("ly"):
        return None
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("le") and len(adjective) > 4:
        return adjective[:-1] + "y"
    if adjective.endswith("y") and len(adjective) > 3:
        return adjective[:-1] + "ily"
    if adjective.endswith("ll"):
        return adjective + "y"
    return adjective + "ly"


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith("man"):
        return noun[:-3] + "men"
    return noun + "s"


def expand(lexicon: Lexicon) -> tuple[str, ...]:
    """Every surface form of a lexicon, lower case."""
    out: list[str] = []
    for term in lexicon.terms:
        term = term.lower()
        if lexicon.forms == "verb":
            out.extend(_verb_forms(term))
        elif lexicon.forms == "adjective":
            out.append(term)
            if (adverb := _adverb(term)) is not None:
                out.append(adverb)
        elif lexicon.forms == "noun":
            out.append(term)
            if " " not in term and not term.endswith("s"):
                out.append(_plural(term))
        else:
            out.append(term)
    return tuple(dict.fromkeys(out))


#: Words that only count when the next word is one of these (a noun use is not a cue):
#: "claims that" reports, "claims of responsibility" does not.
NEEDS_FOLLOWER: dict[str, frozenset[str]] = {
    "claims": frozenset({"that", "to", "it", "he", "she", "they"}),
    "reports": frozenset({"that"}),
    "admits": frozenset({"that", "to", "it", "he", "she", "they"}),
    "boasts": frozenset({"that", "of", "about"}),
    "plots": frozenset({"to"}),
    "top": frozenset(),  # "top" only as a modifier is puffery; never taken alone
    "key": frozenset(),  # "key" alone is more often a noun than puffery
    "post": frozenset(),
    "still": frozenset(),
    "ever": frozenset(),
    "so": frozenset(),
    "too": frozenset(),
    "growing": frozenset(),
    "enemy": frozenset(),
    "enemies": frozenset(),
    "hostile": frozenset(),
    "modern": frozenset(),
    "rare": frozenset(),
    "exclusive": frozenset(),
    "spin": frozenset(),
    "rock": frozenset(),
    "grip": frozenset(),
    "unfold": frozenset(),
    "unfolds": frozenset(),
}

#: Weak cues that most_biased_word may still pick: words whose NEEDS_FOLLOWER entry
#: blocks them from detection keep this score for the single-word task.
WEAK_SCORE = 0.3

#: Preceding words that turn a following word into part of a name or a neutral term.
NEUTRALIZING_BEFORE: dict[str, frozenset[str]] = {
    "great": frozenset({"the"}),  # "the Great Depression" is capitalised; lower-case stays a cue
}

#: Word-level scores that differ from their lexicon's: connectives and quantifiers
#: are biased words far less often than intensifiers of the same lexicon.
SCORE_OVERRIDES: dict[str, float] = {
    "also": 0.12, "however": 0.12, "although": 0.12, "despite": 0.15, "yet": 0.1, "nevertheless": 0.15,
    "nonetheless": 0.15, "moreover": 0.12, "furthermore": 0.12, "notwithstanding": 0.15, "more": 0.1,
    "most": 0.15, "much": 0.12, "many": 0.2, "several": 0.1, "numerous": 0.3, "countless": 0.55,
    "ever": 0.2, "never": 0.2, "always": 0.3, "so": 0.15, "too": 0.2, "still": 0.15, "even": 0.3,
    "just": 0.3, "only": 0.45, "very": 0.45, "large": 0.2, "big": 0.2, "strong": 0.3, "serious": 0.3,
    "severe": 0.3, "heavy": 0.2, "rapid": 0.25, "sharp": 0.3, "may": 0.15, "might": 0.15, "could": 0.12,
    "often": 0.12, "usually": 0.12, "generally": 0.15, "mostly": 0.15, "almost": 0.15, "nearly": 0.12,
    "likely": 0.2, "probably": 0.2, "perhaps": 0.25, "possibly": 0.25, "relatively": 0.25, "fairly": 0.25,
    "deny": 0.3, "denied": 0.3, "denies": 0.3, "warned": 0.35, "explained": 0.3, "noted": 0.4,
    "notes": 0.3, "noting": 0.35, "suggested": 0.3, "insisted": 0.85, "crisis": 0.6, "tense": 0.6,
    "narrative": 0.6, "hero": 0.7, "heroes": 0.7, "enemy": 0.5, "advanced": 0.35, "modern": 0.25,
}
