"""Fuzzy fallback for transliterations no list carries ("Dayr Az Zayr" for Deir ez-Zor).

Only for capitalised words right after a locative cue ("near", "in") that matched no name,
and only against the towns of the countries the document places things in whose names are
romanised from another script (Arabic, Persian, Cyrillic…): a near-spelling of a town the
story is about, not any of 235,000 places worldwide, and never "Helmet" for Hemet, CA.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from newstrace.gazetteer.normalize import name_key
from newstrace.gazetteer.place import Place
from newstrace.gazetteer.store import FUZZY_LENGTH_SLACK, Gazetteer
from newstrace.stages.geocode.spans import Span

# Similarity (rapidfuzz ratio, 0-100) a key needs: "dayr zayr" ~ "dayr zawr" is 89,
# "nassriya" ~ "nasiriya" 87.5, while unrelated names of the same length stay under 75. On
# ACLED's Iraq notes (Feb 2020) 85 finds a place in 28 more of 407 notes than 88, all right.
MIN_SIMILARITY = 85.0
# Shorter keys have too many near neighbours ("Hama" ~ "Hamah", "Haba", "Ama").
MIN_KEY_LENGTH = 6
# A text that places nothing in any country ("protesters in Nassriya city…", a one-line report)
# is compared with the romanised countries' cities of 100,000+ only (31,000 names, read once
# from the gazetteer's major_keys table): the places a report names without saying where. On
# ACLED's Iraq notes (Feb 2020) it places 26 more notes, all right (but all one spelling of
# Nasiriyah); geoparsing unchanged.
MAJOR_CITY = 100_000


def fuzzy_spans(
    text: str,
    gazetteer: Gazetteer,
    unknown: list[tuple[int, int, int, int]],
    countries: list[str],
) -> list[Span]:
    """Spans for the unknown runs that closely resemble a town name of one of ``countries``
    (the document's focus country and the others it names places in); with no country at all,
    a major city of any romanised country."""
    anywhere = not countries
    countries = [c for c in countries if c in gazetteer.romanised]
    spans: list[Span] = []
    for start, end, first, last in unknown:
        key = name_key(text[start:end])
        if len(key) < MIN_KEY_LENGTH:
            continue
        best = _closest_major(gazetteer, key) if anywhere else _closest(gazetteer, key, countries)
        if best is not None:
            spans.append(Span(start, end, key, best, first, last, cue=True))
    return spans


def _closest(gazetteer: Gazetteer, key: str, countries: list[str]) -> tuple[Place, ...] | None:
    found: tuple[float, tuple[Place, ...]] | None = None
    for code in countries:
        # transliterations keep the first letter ("Dayr"/"Deir", "Qamishli"/"Qamishlo")
        names = gazetteer.country_keys(code, key[0], len(key))
        match = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
        if match is None or (found is not None and match[1] <= found[0]):
            continue
        candidates = tuple(p for p in gazetteer.lookup(match[0]) if p.country_code == code)
        if candidates:
            found = (match[1], candidates)
    return found[1] if found is not None else None


def _closest_major(gazetteer: Gazetteer, key: str) -> tuple[Place, ...] | None:
    names = [
        k
        for k in gazetteer.major_keys(MAJOR_CITY).get(key[0], ())
        if abs(len(k) - len(key)) <= FUZZY_LENGTH_SLACK
    ]
    match = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
    if match is None:
        return None
    candidates = tuple(
        p
        for p in gazetteer.lookup(match[0])
        if p.country_code in gazetteer.romanised and p.population >= MAJOR_CITY
    )
    return candidates or None
