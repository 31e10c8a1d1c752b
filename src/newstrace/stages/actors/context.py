"""Context tests for actor matches: qualifiers, locatives, sentences, the document's country.

A country or demonym in news is usually a place or an adjective, not an actor: "in Syria", "the
Syrian desert". These small rules decide when it is one ("Russia refused", "Russian jets").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from newstrace.actordict import EXTERNAL_INTER, ActorDictionary, ActorEntry, Scan
from newstrace.actordict_match import DictMatch
from newstrace.actordict_tokens import hyphen_after, hyphen_before, sentence_starts

# A country name after these words is a place ("in Syria", "across northern Iraq").
LOCATIVES = frozenset(
    "in into inside across throughout within from to near over of at around towards toward "
    "outside through between via on onto entered enter entering reached reach leave left visit "
    "visited northern southern eastern western central north south east west northeast "
    "northwest southeast southwest northeastern northwestern southeastern southwestern rural "
    "occupied neighbouring neighboring".split()
)
# "Syria's territory": a possessive followed by these is geography too.
PLACE_NOUNS = frozenset(
    "territory territories soil border borders north south east west northeast northwest "
    "southeast southwest coast coastline cities city capital airspace desert provinces province "
    "regions region countryside interior oil economy people population".split()
)
SOURCE_NOUNS = frozenset({"source", "sources"})
# Words allowed between a demonym and its force noun: "Russian military advisers" (2),
# "US special operations forces" (2). Three would reach into the next phrase.
MAX_FORCE_MODIFIERS = 2
_PRO_ANTI = frozenset({"pro", "anti"})
# A dateline opens the text: a place in capitals, a comma, then the country.
DATELINE_CHARS = 120
_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z’'. -]{1,40},[ \t]*$")


class Sentences:
    """Sentence index by character offset (a light splitter: punctuation + space, blank lines)."""

    def __init__(self, text: str) -> None:
        self.starts = sentence_starts(text)

    def of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


def qualified(
    scan: Scan, match: DictMatch, dictionary: ActorDictionary, *, named: bool = False
) -> bool:
    """ "US-backed", "Iran-aligned", "pro-Turkish": the phrase describes someone else.

    A named group keeps its "-led"/"-backed" mentions ("HTS-led jihadists": HTS acts); a state
    named by country or demonym does not ("US-backed FSA groups": the FSA acts).
    """
    tokens = scan.tokens
    after = match.last < len(tokens) and hyphen_after(scan.text, match.end)
    if not named and after and tokens[match.last].key in dictionary.qualifier_words:
        return True
    if match.first > 0 and hyphen_before(scan.text, match.start):
        return tokens[match.first - 1].key in _PRO_ANTI
    return False


def _force_at(scan: Scan, index: int, dictionary: ActorDictionary) -> tuple[str, int] | None:
    """The force noun ("warplanes", "air force") starting at token ``index``: (role, end index)."""
    keys = [t.key for t in scan.tokens[index : index + 3]]
    for length in range(len(keys), 0, -1):
        role = dictionary.force_index.get(tuple(keys[:length]))
        if role is not None:
            return role, index + length
    return None


def force_after(
    scan: Scan, match: DictMatch, dictionary: ActorDictionary
) -> tuple[str, int] | None:
    """(role, end token index) of a force noun after a demonym or country, modifiers allowed:
    "Russian military advisers", "Iraq's government"."""
    tokens, index = scan.tokens, match.last
    if index < len(tokens) and tokens[index].key == "'s":
        index += 1
    for _ in range(MAX_FORCE_MODIFIERS + 1):
        if index >= len(tokens):
            return None
        found = _force_at(scan, index, dictionary)
        if found is not None:
            return found
        if tokens[index].key not in dictionary.force_modifiers:
            return None
        index += 1
    return None


def followed_by_source(scan: Scan, match: DictMatch) -> bool:
    """ "SDF sources", "a Syrian security forces source": a source, not the actor acting."""
    return match.last < len(scan.tokens) and scan.tokens[match.last].key in SOURCE_NOUNS


def is_place_use(scan: Scan, match: DictMatch) -> bool:
    """A bare country name used as a place rather than as a state acting."""
    tokens = scan.tokens
    if match.first > 0 and tokens[match.first - 1].key in LOCATIVES:
        return True
    if match.first > 1 and tokens[match.first - 1].key == "with":  # "the border with Iraq"
        return tokens[match.first - 2].key in PLACE_NOUNS
    if hyphen_after(scan.text, match.end):  # "Syria-Iraq border", "Russia-backed"
        return True
    if match.last + 1 < len(tokens) and tokens[match.last].key == "'s":
        return tokens[match.last + 1].key in PLACE_NOUNS
    return False


def infer_country(scan: Scan, dictionary: ActorDictionary) -> str | None:
    """The country a document is about, by weighted votes of its country words and actors.

    A dateline ("RUTBA, Iraq (Reuters) —") votes 5: it states where the report is from. A
    country after a locative ("in Syria") votes 2: events happen there. A demonym ("the Iraqi
    side") or an actor with one home country (the SAA, HTS) votes 1. A bare country name
    elsewhere or a state's forces ("Russian jets", "Turkish strikes") vote 0.5: foreign powers act
    abroad. "Iran-backed" and groups active in several countries (the PKK) do not vote.
    """
    votes: defaultdict[str, float] = defaultdict(float)
    for match in scan.matches:
        entry = dictionary.entries[match.ids[0]]
        if entry.country is None or not _votes(entry) or qualified(scan, match, dictionary):
            continue
        votes[entry.country] += _weight(scan, match, entry, dictionary)
    return max(votes, key=lambda name: votes[name]) if votes else None


def _votes(entry: ActorEntry) -> bool:
    if entry.kind in ("source", "organisation", "role") or len(entry.countries) > 1:
        return False
    # Foreign forces (Wagner, Operation Peace Spring) say little about where events are.
    return not (entry.kind == "actor" and entry.inter == EXTERNAL_INTER)


def _weight(scan: Scan, match: DictMatch, entry: ActorEntry, dictionary: ActorDictionary) -> float:
    if entry.kind == "demonym":
        return 0.5 if force_after(scan, match, dictionary) else 1.0
    if entry.kind != "country":
        return 1.0
    if match.start < DATELINE_CHARS and _DATELINE.search(scan.text[: match.start]):
        return 5.0
    return 2.0 if is_place_use(scan, match) else 0.5
