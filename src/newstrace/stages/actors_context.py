"""Context tests for actor matches: qualifiers, locatives, sentences, the document's country.

A country or demonym in news is usually a place or an adjective, not an actor: "in Syria", "the
Syrian desert". These small rules decide when it is one ("Russia refused", "Russian jets").
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from newstrace.actordict import EXTERNAL_INTER, ActorDictionary, Scan
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
_PRO_ANTI = frozenset({"pro", "anti"})


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
    if not named and match.last < len(tokens) and hyphen_after(scan.text, match.end):
        if tokens[match.last].key in dictionary.qualifier_words:
            return True
    if match.first > 0 and hyphen_before(scan.text, match.start):
        return tokens[match.first - 1].key in _PRO_ANTI
    return False


def followed_by_source(scan: Scan, match: DictMatch) -> bool:
    """ "SDF sources", "a Syrian security forces source": a source, not the actor acting."""
    return match.last < len(scan.tokens) and scan.tokens[match.last].key in SOURCE_NOUNS


def is_place_use(scan: Scan, match: DictMatch) -> bool:
    """A bare country name used as a place rather than as a state acting."""
    tokens = scan.tokens
    if match.first > 0 and tokens[match.first - 1].key in LOCATIVES:
        return True
    if hyphen_after(scan.text, match.end):  # "Syria-Iraq border", "Russia-backed"
        return True
    if match.last + 1 < len(tokens) and tokens[match.last].key == "'s":
        return tokens[match.last + 1].key in PLACE_NOUNS
    return False


def infer_country(scan: Scan, dictionary: ActorDictionary) -> str | None:
    """The country a document is about, by weighted votes of its country words and actors.

    A country after a locative ("in Syria") votes 2: events happen there. A demonym or an actor
    with a home country (the SAA, HTS) votes 1. A bare country name elsewhere votes 0.5: foreign
    powers are named as actors often ("Russia refused…") without anything happening there.
    """
    votes: Counter[str] = Counter()  # float weights: Counter sums any numbers
    for match in scan.matches:
        entry = dictionary.entries[match.ids[0]]
        if entry.country is None or entry.kind in ("source", "organisation", "role"):
            continue
        if entry.kind == "actor" and entry.inter == EXTERNAL_INTER:
            continue  # foreign forces (Wagner, Operation Peace Spring) say little about where
        weight = 1.0
        if entry.kind == "country":
            weight = 2.0 if is_place_use(scan, match) else 0.5
        votes[entry.country] += weight
    return votes.most_common(1)[0][0] if votes else None
