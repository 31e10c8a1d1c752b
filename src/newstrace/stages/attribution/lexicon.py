"""Word lists and patterns for attribution and certainty (English news style, no model).

Grouped by what they decide: which verbs open a speech frame and what certainty each gives,
which words may make up a claimant's noun phrase, and which cues mark the content as
unverified, denied, hypothetical or future. Outlet names are facts (names of news agencies),
listed so "told AP" is read as a medium rather than an addressee.
"""

from __future__ import annotations

import re

from newstrace.records import Certainty


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(items: list[str] | frozenset[str]) -> str:
    """Longest first, so "said in a statement" is tried before "said"."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


# Speech verbs by the certainty they give the reported content. "reported" stays neutral: a
# news outlet reporting is the ordinary channel of news; the adverb "reportedly" (no source
# named, the writer keeps distance) is an allegation cue below.
NEUTRAL_VERBS = words(
    "said says say told tells tell stated states announced announces reported reports added "
    "adds noted stressed confirmed confirms declared explained wrote writes tweeted posted "
    "affirmed asserted acknowledged revealed commented emphasised emphasized mentioned "
    "indicated disclosed informed briefed quoted cited concluded pointed "
    "saying telling stating announcing reporting adding noting stressing confirming declaring "
    "warned warns warning criticized criticised condemned condemning highlighted urged replied "
    "responded admitted estimated"
)
ALLEGING_VERBS = words(
    "claimed claims claim claiming alleged alleges alleging accused accuses accusing insisted "
    "insists insisting blamed blames blaming charged"
)
DENYING_VERBS = words(
    "denied denies deny denying refuted refutes refuting rejected rejects rejecting dismissed "
    "dismisses dismissing disputed disputes contradicted"
)
# Verbs whose content is an intention: "threatened to strike", "vowed to retake".
FUTURE_VERBS = words("threatened threatens threatening vowed vows pledged pledges promised")
SPEECH_VERBS = NEUTRAL_VERBS | ALLEGING_VERBS | DENYING_VERBS | FUTURE_VERBS
PARTICIPLES = frozenset(w for w in SPEECH_VERBS if w.endswith("ing"))
# Words that may stand between a subject and its speech verb: "has also said", "later told".
AUX = words(
    "has have had also later previously again earlier officially publicly further then "
    "recently separately reportedly allegedly repeatedly was were is are had been once "
    "subsequently already"
)

# Nouns for people and bodies that can be claimants without a name.
ROLE_NOUNS = words(
    "spokesman spokeswoman spokesperson spokespeople spokesmen official officials officer "
    "officers source sources commander commanders leader leaders head chief director minister "
    "ambassador envoy representative representatives member members adviser advisor analyst "
    "analysts researcher correspondent reporter reporters journalist journalists activist "
    "activists resident residents witness witnesses eyewitness eyewitnesses doctor doctors medic "
    "medics lawmaker governor mayor chairman fighter fighters soldier soldiers general colonel "
    "cleric diplomat diplomats aide expert experts secretary militant militants monitor monitors "
    "observers observer deputy worker workers volunteer volunteers people locals insiders "
    "authorities investigators convenor president premier teacher teachers farmer farmers "
    "nurse nurses driver drivers shopkeeper trader traders student students villager villagers "
    "survivor survivors relative relatives neighbour neighbours neighbor neighbors elder elders "
    "priest imam pilot engineer lawyer lawyers judge prosecutor policeman policemen "
    "paramedic paramedics rescuer rescuers"
)
ORG_NOUNS = words(
    "ministry army forces force military government police coalition command office council "
    "agency department committee front party brigade brigades militia units corps guard "
    "service services intelligence authority authorities administration group movement "
    "observatory center centre headquarters pentagon kremlin unit staff "
    # Bodies that issue statements in conflict news as often as a ministry does.
    "alliance flotilla navy battalion regiment division garrison organisation organization "
    "union commission directorate bureau mission delegation embassy cabinet presidency"
)
MEDIA_NOUNS = words(
    "outlet outlets agency newspaper paper daily website site channel broadcaster station "
    "network media tv television radio magazine"
)
# Capitalised words that mark a name as a news outlet: "Hammurabi's Justice News".
MEDIA_WORDS = words(
    "News Agency Times Post TV Television Radio Press Journal Herald Tribune Gazette Daily "
    "Channel Network Media Telegraph Observer Monitor Chronicle Express Wire Newsweek "
    "Magazine Broadcasting"
)
KNOWN_OUTLETS = words(
    "AP AFP Reuters Sputnik TASS RIA SANA BBC CNN Xinhua Anadolu IRNA ANHA Hawar Tasnim Fars "
    "Interfax Al-Masdar AMN Al-Jazeera Aljazeera Al-Arabiya Alarabiya Al-Mayadeen Rudaw "
    "Bloomberg NYT WSJ SOHR Enab Baladi"
)
# Document nouns: "the ministry's statement said", "a statement from the army accusing …".
DOCUMENT_NOUNS = words(
    "statement statements report reports communique communiqué announcement release "
    "press-release post tweet letter video footage briefing article message"
)
EVIDENCE_NOUNS = words("data information evidence estimates figures findings reports")
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation", "we": "any"}
DETERMINERS = words("the a an one two three four several some many other another")
# Lower-case words allowed inside a claimant noun phrase besides role, org and media nouns.
NP_LOWER = DETERMINERS | words(
    "of for at from 's ’s senior top former acting local military security media press "
    "high-ranking unnamed anonymous regional field official political government foreign "
    "defense defence medical health civil rebel opposition intelligence humanitarian deputy "
    "chief news independent state-run state-owned state national opposition-run "
    "pro-government pro-opposition pro-regime anti-government elite special"
)
# Capitalised words that start a sentence or clause but never a claimant.
NOT_CLAIMANT_LEAD = words(
    "On In At By For From Later Meanwhile Earlier Then Also And But However Moreover So Yet "
    "Still These This That Those Such Its Their His Her Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday Today Yesterday January "
    "February March April May June July August September October November December While "
    "When After Before Since As If Although Though Further Furthermore Undeterred Finally "
    "Because Whatever Whether Why What How Where Who Which Every Each Both All Any Not Only "
    "Even Just Like Unlike Despite Without Within Through During Under Over Against Between "
    "Among Instead Once Until Unless Whereas Here There Now Today Tonight"
)
RANKS_TITLES = words(
    "Field Marshal General Gen. Colonel-General Lieutenant Major Maj. Brigadier Brig. Colonel "
    "Col. Lt. Captain Capt. Sergeant Sgt. Admiral Adm. Commodore Private Corporal Warrant "
    "Officer President Vice Prime Minister Deputy Foreign Defense Defence Interior Secretary "
    "Ambassador Envoy Special Spokesman Spokeswoman Senator Sen. Governor Gov. Mayor Sheikh "
    "King Prince Chancellor Dr. Mr. Mrs. Ms. Chief Director Chairman Commander Sir Professor "
    "Prof. Leader Head US U.S. Russian Syrian Iraqi Turkish Iranian Israeli American British "
    "French Staff Rear Attorney Judge Justice Rep. Representative Speaker Sheriff Detective "
    "Inspector Superintendent Commissioner Spokesperson Ambassador-at-large Minister-President"
)
STATES = words(
    "US U.S. USA America Russia Syria Iraq Turkey Iran Israel Britain UK France Germany China "
    "Jordan Lebanon Egypt Qatar Ukraine Moscow Washington Damascus Ankara Tehran Baghdad "
    "Pentagon Kremlin NATO UN U.N."
)

# Certainty cues inside the content of a claim. Each regex is matched case-insensitively.
_ADV = r"(?:(?:independently|immediately|yet|so\s+far)\s+)*"  # "could not immediately be …"
UNVERIFIED_CUES = [
    r"(?:is|are|was|were|remains?|has|have)\s+(?:yet|still)\s+(?:to\s+be|not\s+been)\s+"
    rf"{_ADV}(?:confirmed|verified)",
    rf"could\s+not\s+{_ADV}(?:be\s+)?{_ADV}(?:verify|verified|confirm|confirmed)",
    rf"(?:cannot|can\s*not|can't|couldn't)\s+{_ADV}(?:be\s+)?{_ADV}(?:verif|confirm)\w*",
    rf"(?:has|have|had)\s+not\s+{_ADV}(?:been\s+)?{_ADV}(?:verified|confirmed)",
    r"(?:un|not\s+)(?:confirmed|verified)",
    r"no\s+independent\s+(?:confirmation|verification)",
    r"neither\s+confirmed\s+nor\s+denied",
    rf"(?:unable|not\s+{_ADV}possible)\s+to\s+{_ADV}(?:verify|confirm)",
]
# "denied access to", "denied bail": a refusal, not a denial of a claim.
REFUSAL_OBJECT = (
    r"\s+(?:\w+\s+)?(?:access|entry|permission|bail|protection|visas?|passage|aid|food)"
)
_REFUSED = rf"(?!{REFUSAL_OBJECT})"
DENIAL_CUES = [
    rf"\b(?:denied|denies|deny|denying|refuted|refutes|dismissed|dismisses)\b{_REFUSED}",
    r"\brejected\s+(?:the\s+|these\s+|such\s+|those\s+)?(?:\w+\s+){0,3}"
    r"(?:claims?|reports?|allegations?|accusations?)",
    r"\bcalled\s+(?:out\s+)?(?:the\s+|these\s+|such\s+|this\s+)?(?:\w+\s+){0,3}"
    r"(?:claims?|reports?|allegations?|accusations?)\b(?:\s+(?:a|an|as)\b)?",
    r"\b(?:a\s+)?(?:lie|lies|fabrication|fabricated|baseless|groundless|false|fake|untrue)\b"
    r"(?=[^.]*\b(?:claims?|reports?|allegations?|accusations?)\b)",
    r"\b(?:claims?|reports?|allegations?|accusations?)\s+(?:were|was|are|is)\s+(?:\w+\s+)?"
    r"(?:false|untrue|baseless|groundless|fabricated|lies|a\s+lie|fake)",
    r"\bno\s+(?:\w+\s+){1,4}(?:took\s+place|occurred|happened|was\s+carried\s+out)",
    r"\b(?:did\s+not|didn't|never)\s+(?:take\s+place|happen|occur)",
]
# "the political will", "against their will": the noun, not the future.
WILL_NOUN_BEFORE = words("the their his her its of political free good ill own popular")
HYPOTHETICAL_CUES = [
    r"\b(?:might|could|may)\b(?!\s+(?:not\s+)?(?:be\s+)?(?:independently\s+)?"
    r"(?:verif|confirm|denied|ruled\s+out|dismissed))",
    r"\bwould\b",
    r"(?<!even\s)(?<!as\s)\bif\b",
    r"\b(?:possible|possibly|perhaps|probably|likely|unlikely|potential|potentially)\b",
    r"\bexpected\s+to\b",
    r"\bin\s+case\b",
]
FUTURE_CUES = [
    r"\bwill\b",  # not the noun: see WILL_NOUN_BEFORE
    r"\w['’]ll\b",
    r"\bshall\b",
    r"\b(?:is|are|was|were)\s+(?:going|set|due|about|scheduled|preparing|planning)\s+to\b",
    r"\b(?:plans?|planned|planning|intends?|intend(?:ed|ing))\s+to\b",
    r"\b(?:threatened|threatens|vowed|vows|pledged|pledges|promised|promises)\s+to\b",
    r"\b(?:is|are)\s+to\s+\w+",
]
# Evidential adverbs with no source named.
ALLEGED_ADVERBS = [
    r"\b(?:allegedly|reportedly|purportedly|supposedly|apparently|ostensibly)\b",
    r"\b(?:is|are|was|were)\s+(?:said|reported|alleged|believed|claimed|thought|rumou?red)\s+to\b",
    r"\bit\s+(?:is|was|has\s+been)\s+(?:claimed|alleged|reported|said)\b",
    r"\b(?:is|are|was|were|being)\s+(?:also\s+)?accused\s+of\b",
    r"\bunconfirmed\s+reports?\b",
]
# Literal fragments, one of which every match of a cue group contains: a group's regexes run
# only over sentences holding one (the regexes cost ~10x more than these substring tests).
CUE_FRAGMENTS: dict[Certainty, tuple[str, ...]] = {
    Certainty.UNVERIFIED: ("confirm", "verif"),
    Certainty.DENIED: (
        "deni", "deny", "refut", "dismiss", "reject", "called", "lie", "fabricat", "baseless",
        "groundless", "false", "fake", "untrue", "place", "occur", "happen", "carried out",
    ),
    Certainty.HYPOTHETICAL: (
        "might", "could", "may", "would", "if", "possib", "perhaps", "probab", "likely",
        "potential", "expected", "in case",
    ),
    Certainty.FUTURE: (
        "will", "'ll", "’ll", "shall", "going to", "set to", "due to", "about to",
        "scheduled to", "preparing to", "planning to", "plan", "intend", "threaten", "vow",
        "pledge", "promise", "is to ", "are to ",
    ),
    Certainty.ALLEGED: (
        "allegedly", "reportedly", "purportedly", "supposedly", "apparently", "ostensibly",
        "said to", "reported to", "alleged to", "believed to", "claimed to", "thought to",
        "rumo", "it is", "it was", "it has been", "accused of", "unconfirmed",
    ),
}  # fmt: skip
VERB_CERTAINTY: dict[str, Certainty] = {
    **dict.fromkeys(NEUTRAL_VERBS, Certainty.REPORTED),
    **dict.fromkeys(ALLEGING_VERBS, Certainty.ALLEGED),
    **dict.fromkeys(DENYING_VERBS, Certainty.DENIED),
    **dict.fromkeys(FUTURE_VERBS, Certainty.FUTURE),
}
