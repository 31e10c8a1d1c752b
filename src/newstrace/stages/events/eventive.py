"""Is a sentence reporting something that happened, or talking about the world?

Opinion and analysis use the same words as reports ("the HSD are separatist Kurds … colluding
with ISIS", "US and Russian forces are embedded with the opposing sides"); the sub-event
classifier cannot tell them apart. A sentence codes an event only when it has
1. a finite verb of something done: a past/perfect/past-progressive form ("attacked", "was
   shelled", "have seized", "were fighting") or a present progressive ("are shelling"); a bare
   copula ("are", "is") does not count, nor do reporting verbs ("said", "told"); and
2. a concrete anchor: a place, a date, a casualty count, or two distinct named actors.
A verbless sentence passes only with both a date and a place in it (a dateline-style line).
In an opinion piece, the anchor must be a date, a casualty count, or a place together with two
named sides: a place or an actor alone is what the columnist argues about, while "HTS-led
jihadists attacked government forces in North Hama" is an incident the piece reports.
"""

from __future__ import annotations

import re

from newstrace.records import ActorMention, TextEvidence

_AUXILIARY = re.compile(
    r"\b(?:was|were|has|have|had|been|got)\s+(?:\w+ly\s+|not\s+)?\w+(?:ed|en|ing|t)\b"
    r"|\b(?:is|are)\s+(?:\w+ly\s+)?\w+ing\b",
    re.I,
)
# Regular past forms, minus the -ed words that are adjectives or numbers in this genre.
_REGULAR_PAST = re.compile(r"(?<![-\w])([a-z]{2,}ed)\b", re.I)
_NOT_VERBS = frozenset(
    {
        "armed", "based", "united", "related", "unidentified", "unnamed", "alleged", "suspected",
        "concerned", "interested", "supposed", "hundred", "kindred", "sacred", "red", "need",
        "speed", "seed", "feed", "breed", "proceed", "exceed", "succeed", "indeed", "embedded",
        "detailed", "limited", "unprecedented", "advanced", "experienced", "skilled", "wicked",
        "naked", "aged", "talented", "led",
    }
)  # fmt: skip
# Reporting verbs say that something was said, not done: never the event's verb ("HPG reported
# that PKK militants attacked…"); accusations and denials still frame a deed, so they count as
# a verb but are skipped when looking for the trigger.
_REPORTING = frozenset({"reported", "stated", "added", "noted", "announced", "explained", "quoted"})
_FRAMING = _REPORTING | {"accused", "claimed", "denied", "confirmed", "warned", "alleged"}
_IRREGULAR_PAST = re.compile(
    r"\b(?:took|fought|hit|shot|struck|blew|threw|overran|began|broke|fled|held|came|went|"
    r"stole|caught|brought|drove|fell|left|lost|won|ran|rose|sent|set|beat|bit|burnt|dug|"
    r"laid|lit|met|overtook|retook|sank|slew|stood|swept|tore|withdrew|wounded|cut off)\b",
    re.I,
)
_STRICT_GENRES = frozenset({"opinion"})


def first_event_verb(sentence: str, skip: frozenset[str] = _FRAMING) -> int | None:
    """Offset of the first verb of something done in ``sentence``, if any."""
    hits = [m.start() for m in (_AUXILIARY.search(sentence), _IRREGULAR_PAST.search(sentence)) if m]
    regular = (
        m
        for m in _REGULAR_PAST.finditer(sentence)
        if m.group(1).lower() not in _NOT_VERBS and m.group(1).lower() not in skip
    )
    first_regular = next(regular, None)
    if first_regular is not None:
        hits.append(first_regular.start())
    return min(hits) if hits else None


def has_event_verb(sentence: str) -> bool:
    return first_event_verb(sentence, _REPORTING) is not None


def has_anchor(
    evidence: TextEvidence,
    start: int,
    end: int,
    actors: list[ActorMention],
    genre: str | None,
) -> bool:
    dated = any(start <= d.start and d.end <= end for d in evidence.dates)
    counted = any(start <= c.start and c.end <= end for c in evidence.casualties)
    if dated or counted:
        return True
    placed = any(start <= p.start and p.end <= end for p in evidence.places)
    two_sides = len({a.actor for a in actors}) >= 2
    if genre in _STRICT_GENRES:
        return placed and two_sides
    return placed or two_sides


def is_eventive(
    evidence: TextEvidence, start: int, end: int, actors: list[ActorMention], genre: str | None
) -> bool:
    """See the module docstring."""
    sentence = evidence.text[start:end]
    if has_event_verb(sentence):
        return has_anchor(evidence, start, end, actors, genre)
    return genre not in _STRICT_GENRES and _dated_and_placed(evidence, start, end)


def _dated_and_placed(evidence: TextEvidence, start: int, end: int) -> bool:
    """A verbless line that names both a date and a place ("On 2 May, dozens of protesters in
    Kut demanding jobs") is a dateline-style report; opinion prose rarely pins both."""
    dated = any(start <= d.start and d.end <= end for d in evidence.dates)
    return dated and any(start <= p.start and p.end <= end for p in evidence.places)
