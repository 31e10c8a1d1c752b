"""Casualty statement patterns, written for lower-cased text (offsets unchanged).

Each pattern has a ``q`` group (the quantity), optionally ``who`` (the people counted) and
``o`` (the outcome words). The outcome is read from the words by ``outcome_of``.
"""

from __future__ import annotations

import re

from newstrace.stages.annotate.casualties_numbers import QUANTITY, QUANTITY_FIRST_WORDS


def word_alternation(words: list[str]) -> str:
    """An alternation of words grouped by first letter: the regex engine then tries one group
    per letter instead of each of the ~130 words at every word of who."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(groups.items()))


# Words that end the description of who was counted: auxiliaries, prepositions, conjunctions,
# modals, outcome words and month names ("on 17 September", not "17 September-people").
# "is" is not one: lower-cased "IS militants" must stay whole. "those" is, so that "relatives
# of those killed" is not a count of the killed.
_STOP = (
    "were was are be been being have has had got and or but with to in on at for from by that"
    " which who whom those after before as when while during near into than per since not no also"
    " where over so still recently inside aboard yesterday today tonight overnight last this"
    " earlier downtown nearby there here respectively outside monday tuesday wednesday thursday"
    " friday saturday sunday"
    " reportedly allegedly including among all later each could would might may will shall"
    " should must can cannot killed killing dead died death deaths wounded wounding injured"
    " injuring hurt kidnapped abducted arrested detained missing slain executed massacred"
    " murdered beheaded perished bodies lost fatalities injuries casualties january february"
    " march april june july august september october november december"
).split()
# A word of who, or an age ("a 25-year-old man").
_WHO_WORD = rf"(?!(?:{word_alternation(_STOP)})\b)(?:\d+-)?[a-z][a-z'’-]*"
# Who never starts with an article or a number word: in "On Feb 28 a soldier was killed" the
# 28 counts nobody, and in "On Feb 14 two soldiers were killed" the count is "two".
_NOT_FIRST = "a|an|the|of|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|several"
# Possessive: the words of who never include an auxiliary or an outcome, so giving words back
# cannot help a match; not trying costs a failing attempt 3x less (15 → 5 µs).
WHO = rf"(?!(?:{_NOT_FIRST})\b){_WHO_WORD}(?:\s+{_WHO_WORD}){{0,5}}+"
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    "|july|august|september|october|november|december"
)
# "Feb 28 a soldier…", "14 February": a day of the month, not a number of people.
DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+\Z")
# Heads of counted things that are not people ("11 tanks", "46 pick-up trucks", "55 km").
NOT_PEOPLE = frozenset(
    "tanks tank vehicles vehicle trucks truck pick-ups cars mortars mortar depots houses homes"
    " buildings positions villages towns times rockets missiles shells drones aircraft planes"
    " jets helicopters weapons rounds targets points votes seats dollars euros tons barrels"
    " bridges checkpoints km kilometres kilometers miles metres meters percent day days week"
    " weeks month months year years hour hours lot number total series wave spate states"
    " countries districts areas parts places cities".split()
)

_TO_DEATH = r"(?:shot|stabbed|beaten|burned|burnt|tortured|hacked|stoned)\s+to\s+death"
# Bodies are dead people when they are found ("14 bodies were recovered"); "eight other
# bodies requested…" are organisations.
_BODIES = (
    r"bodies(?=\s+(?:were\s+|have\s+been\s+|had\s+been\s+|having\s+been\s+)?(?:found|recovered"
    r"|discovered|pulled|retrieved|exhumed|dumped|lying|lay|buried|identified|handed|brought))"
)
_KILLED = (
    r"killed|dead|died|die|deaths|fatalities|lost\s+their\s+lives|slain|shot\s+dead|executed"
    rf"|massacred|murdered|beheaded|perished|{_BODIES}|gunned\s+down|shot\s+and\s+killed|{_TO_DEATH}"
    r"|assassinated"
)
_HARMED = r"wounded|injured|hurt|injuries"
_TAKEN = (
    r"kidnapped|abducted|taken\s+(?:hostage|captive)|arrested|detained|apprehended"
    r"|taken\s+into\s+custody|rounded\s+up|missing|unaccounted\s+for"
)
_AUX = (
    r"were|was|have|has|had|been|are|is|being|got|reportedly|allegedly|also|all|later"
    r"|subsequently|confirmed|reported|believed|feared|said|thought|now|then|already"
    r"|eventually|still|to\s+have|to\s+be"
)
# "6 people, including 2 women, were killed": the subset between commas is skipped.
_SUBSET_CLAUSE = r"(?:\s*,\s*(?:including|among\s+them)\b[^,.;]{1,60},)?"

SUBJECT = re.compile(
    rf"\b(?P<q>{QUANTITY}|no|an?)(?:\s+(?P<who>{WHO}))?{_SUBSET_CLAUSE}\s+(?:(?:who|that)\s+)?"
    rf"(?P<aux>(?:(?:{_AUX})\s+){{0,4}}+)(?P<o>{_KILLED}|{_HARMED}|{_TAKEN})\b"
)
_ACTIVE = (
    r"killed|killing|kills|wounded|wounding|injured|injuring|kidnapped|kidnapping|abducted"
    r"|abducting|arrested|arresting|detained|detaining|executed|executing|massacred|massacring"
    r"|murdered|murdering|beheaded|beheading|shot\s+dead|shot\s+and\s+killed|gunned\s+down"
    r"|assassinated|assassinating"
    r"|(?:claimed|claiming|took|taking)\s+the\s+lives\s+of"
)
OBJECT = re.compile(
    rf"\b(?P<o>{_ACTIVE})\s+(?:(?:reportedly|allegedly)\s+)?(?P<q>{QUANTITY}|an?|him|her)\b"
    rf"(?:\s+(?P<who>{WHO}))?"
)
# "the director was assassinated": a singular subject ("was") is one person.
SINGULAR = re.compile(
    rf"\b(?P<q>the|his|her|their|its)\s+(?P<who>{WHO})\s+was\s+"
    r"(?:(?:reportedly|allegedly|also|later|then|subsequently)\s+)?"
    rf"(?P<o>{_KILLED}|{_HARMED}|kidnapped|abducted|arrested|detained)\b"
)
VERB_BEFORE = re.compile(rf"\b(?:{_ACTIVE})\s+\Z")
LEFT = re.compile(
    rf"\b(?:left|leaving|leaves)\s+(?P<q>{QUANTITY})(?:\s+(?P<who>{WHO}))?\s+"
    rf"(?P<o>dead|killed|{_HARMED}|missing)\b"
)
TOLL = re.compile(
    r"\b(?P<o>(?:death|fatality)\s+toll|toll(?=\s+(?:has\s+|had\s+)?(?:rose|risen|climbed"
    r"|jumped|increased|reached)\b))(?:\s+[a-z]+){0,4}?\s+(?:to|at|of|reached|hit|is|was)\s+"
    rf"(?P<q>{QUANTITY})(?:\s+(?P<who>{WHO}))?"
)
# "the killing of 2 militants", "the arrest of 5 suspects".
NOUN_OF = re.compile(
    r"\b(?P<o>killings?|deaths?|murders?|executions?|kidnappings?|abductions?|arrests?"
    r"|detention|injury|injuries|wounding)\s+of\s+"
    rf"(?P<q>{QUANTITY}|an?)\s+(?P<who>{WHO})"
)
# "6 militants were killed or injured": a count of both outcomes is a count of neither.
MIXED_AFTER = re.compile(rf"\s+(?:or|and|and/or)\s+(?:(?:{_AUX})\s+)?(?:{_KILLED}|{_HARMED})\b")
# "killed a traffic officer and a civilian": more objects of the same verb.
MORE_OBJECTS = re.compile(rf"\s*(?:,\s*and|,|and)\s+(?P<q>{QUANTITY}|an?)\s+(?P<who>{WHO})")
BODIES = re.compile(rf"\b(?P<o>bodies)\s+of\s+(?P<q>{QUANTITY})(?:\s+(?P<who>{WHO}))?")
ZERO = re.compile(
    r"\b(?P<q>no\s+(?:one|body)|nobody|none)\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been"
    r"|is|got|reportedly)\s+){0,2}(?P<o>killed|hurt|injured|harmed|wounded|died|kidnapped"
    r"|abducted|arrested|detained)\b"
    r"|\b(?P<q2>no|without(?:\s+any)?)\s+(?:reported\s+)?(?P<o2>(?:loss|losses)\s+of\s+(?:human\s+)?"
    r"life|deaths|fatalities|casualties|injuries)\b"
)
# "two gunmen killed 5 people": without an auxiliary, an object after the verb makes the
# number the perpetrators, not the victims.
ACTIVE_OBJECT_AFTER = re.compile(rf"\s+(?:{QUANTITY}|an?|the|his|her|their|its|them|him|us|one)\b")
_PASSIVE = re.compile(r"\b(?:were|was|been|are|is|being|got)\b")
_NEXT_WORD = re.compile(r" ([a-z]+)")
# Words that may follow a bare participle that reports an outcome ("5 killed in", "two
# arrested after"); any other word after it is more likely a noun it describes.
_FOLLOWERS = frozenset(
    "in on at near during after when while and or as by since following amid across around"
    " inside outside from with so but yesterday today tonight overnight last this earlier here"
    " there including among over under within before till until according reportedly due"
    " were was are is have has had recently far to for of".split()
)
_INTRANSITIVE = frozenset(
    "dead died die deaths fatalities perished bodies injuries missing".split()
)


def is_active(m: re.Match[str], lower: str) -> bool:
    """A SUBJECT match whose verb is active or an adjective, not a passive outcome.

    "two gunmen killed a soldier", "1,000 people had injured nine policemen" (an object
    follows and no passive auxiliary precedes), "one of the arrested men" (a noun follows a
    bare participle).
    """
    if m["o"].split()[0] in _INTRANSITIVE or _PASSIVE.search(m["aux"]):
        return False
    if ACTIVE_OBJECT_AFTER.match(lower, m.end()):
        return True
    following = _NEXT_WORD.match(lower, m.end())
    return not m["aux"] and following is not None and following.group(1) not in _FOLLOWERS


# The words each pattern can start with: patterns are only tried at those words (SUBJECT
# also at digits), because a failing attempt of the quantity grammar costs ~1 µs a position.
FIRST_WORDS: dict[re.Pattern[str], frozenset[str]] = {
    SUBJECT: QUANTITY_FIRST_WORDS,
    OBJECT: frozenset(
        "killed killing kills wounded wounding injured injuring kidnapped kidnapping abducted"
        " abducting arrested arresting detained detaining executed executing massacred"
        " massacring murdered murdering beheaded beheading shot gunned assassinated assassinating"
        " claimed claiming took taking".split()
    ),
    LEFT: frozenset({"left", "leaving", "leaves"}),
    TOLL: frozenset({"death", "fatality", "toll"}),
    BODIES: frozenset({"bodies"}),
    NOUN_OF: frozenset(
        "killing killings death deaths murder murders execution executions kidnapping"
        " kidnappings abduction abductions arrest arrests detention injury injuries"
        " wounding".split()
    ),
    SINGULAR: frozenset({"the", "his", "her", "their", "its"}),
    ZERO: frozenset({"no", "nobody", "none", "without"}),
}


# "with the intention of killing", "tried to kill": not an outcome.
IRREALIS_BEFORE = re.compile(
    r"(?:tried|try|trying|attempt\w*|intend\w*|intention|plan\w*|plot\w*|threat\w*|aim\w*"
    r"|vow\w*|seek\w*|sought|could|would|might|will)\s+(?:to\s+|of\s+|at\s+)?"
    r"(?:\w+\s+(?:or|and)\s+)?\Z"
)
# "including 2 women were killed": a part of a count already given.
SUBSET_BEFORE = re.compile(
    r"(?:including|among\s+(?:them|whom|the\s+(?:dead|victims|wounded|injured)))\s+\Z"
)

_OUTCOME_STEMS = (
    ("killed", ("kill", "dead", "death", "die", "fatalit", "lost", "lives", "slain", "shot",
                "execut", "massacr", "murder", "behead", "perish", "bodies", "gunned", "loss",
                "toll", "assassin")),
    ("wounded", ("wound", "injur", "hurt", "harm")),
    ("abducted", ("kidnap", "abduct", "taken hostage", "taken captive")),
    ("arrested", ("arrest", "detain", "detention", "apprehend", "taken into", "rounded")),
    ("missing", ("missing", "unaccounted")),
)  # fmt: skip


def outcome_of(words: str) -> str | None:
    """killed | wounded | abducted | arrested | missing, from the outcome words."""
    for outcome, stems in _OUTCOME_STEMS:
        if any(stem in words for stem in stems):
            return outcome
    return None
