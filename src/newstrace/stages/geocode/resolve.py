"""Toponym resolution: pick one candidate per recognised name from priors and document context.

Score = prior (feature, population, prominence, own name; ``geocode_evidence``) + context (the
document's country focus, the countries and first-level divisions it names, "X, Y"
qualifiers, words after the name, distance to the other places it names). Weights were set on
the geoparsing benches as a whole (no per-item rules) and are explained one by one below.
"""

from __future__ import annotations

import math

from newstrace.gazetteer.place import Place
from newstrace.stages.geocode import lexicon as lex
from newstrace.stages.geocode.evidence import GeoContext, Resolved, prior
from newstrace.stages.geocode.spans import Span

# A town named like a country ("Mexico" for Mexico City, China in Maine, Lebanon in Indiana)
# yields to the country unless the text says otherwise ("Lebanon, Ind.", the state named).
COUNTRY_NAME_PENALTY = 3.0
# Context, in the prior's units (1.0 = ten times the population): a town of the document's
# focus country outranks a namesake abroad 3,000 times its size (Paris, Tenn. in a Tennessee
# paper); a country the text names elsewhere or a first-level division it names helps less.
FOCUS_BONUS = 3.5
MENTIONED_COUNTRY_BONUS = 1.0
ADMIN_CONTEXT_BONUS = 2.0
# "Alexandria, La.", "Tripoli, Lebanon": the writer resolved it; decisive.
LINK_BONUS = 5.0
# "Idlib province" → the division, "Homs countryside" → the town, "Orange County" → the county.
QUALIFIER_BONUS = 4.0
# A province named like its capital ("Kirkuk", "Idlib"): the city unless "province" follows.
SAME_NAME_DIVISION_PENALTY = 3.0
# ...when the town is the division's main one: 5 % of its people (Idlib has 12 % of Idleb's;
# Minneota, alternately spelt "Minnesota", has 0.03 % of Minnesota's).
CAPITAL_SHARE = 0.05
# Distance to the nearest other confidently placed name in the document.
NEAR_BONUSES = ((50.0, 2.0), (200.0, 1.2), (500.0, 0.5))
_KM_PER_DEGREE = 111.2  # of latitude, anywhere
# An anchor more than the largest bonus distance away in latitude alone cannot earn a bonus:
# skipping it saves most haversines (foreign namesakes are far from every anchor).
_NEAR_REACH_DEGREES = NEAR_BONUSES[-1][0] / _KM_PER_DEGREE
# A name whose capital proves little needs a candidate scoring at least this much to count as
# a place. In a headline or for a word the text also writes lower-case: a country, a province,
# a well-known city, or a sizeable town in the focus country. As the first word of a sentence:
# any city of ~1M ("Dubai may…") or a known town in the focus country.
WEAK_MIN_SCORE = {"headline": 8.0, "common": 8.0, "sentence": 6.0}
# Any other name without a locative cue ("in", "near", "from"…) needs this much: it keeps
# surnames and common words that are also hamlets out ("Commerce", "Kock", "Rod").
MIN_SCORE = 4.0
# A one-word name whose best place is a town under 20,000 people and that has no locative cue
# or ", State" after it: a surname or a word ("Johnson", "Commerce", "War") is far likelier
# than the town. It needs a town of the focus country with real context (its province named,
# or places nearby). Measured on GeoWebNews: precision 0.81 → 0.87 for 1 point of recall.
MINOR_MIN_SCORE = 9.0
MINOR_POPULATION = 20_000


def resolve(spans: list[Span], context: GeoContext, links: dict[int, Span]) -> list[Resolved]:
    """One place per span (or none, for weak names without a strong enough candidate)."""
    same_name: dict[str, set[int]] = {}
    for index, span in enumerate(spans):
        same_name.setdefault(span.key, set()).add(index)
    # one context per distinct name: "Syria" forty times costs one copy, not forty
    contexts = {key: context.without(indices) for key, indices in same_name.items()}
    resolved: list[Resolved] = []
    for index, span in enumerate(spans):
        link = links.get(index)
        own_context = contexts[span.key]
        scored = [(score(p, span, own_context, link), p) for p in span.candidates]
        best_score, best = max(scored, key=lambda pair: pair[0])
        if best_score < _threshold(span, best, link is not None):
            continue
        resolved.append(Resolved(span, best, best_score))
    return resolved


def _threshold(span: Span, best: Place, linked: bool) -> float:
    if span.weak is not None:
        return WEAK_MIN_SCORE[span.weak]
    if span.cue or linked:
        return 0.0
    if span.first == span.last and _is_minor(best):
        return MINOR_MIN_SCORE
    return MIN_SCORE


def _is_minor(place: Place) -> bool:
    """A small town few sources name: the kind of place a surname or common word matches."""
    return place.feature.startswith("PPL") and place.population < MINOR_POPULATION


def score(place: Place, span: Span, context: GeoContext, link: Span | None) -> float:
    total = prior(place) + _qualifier_fit(place, span)
    code = place.country_code
    if code is not None:
        if code == context.focus_country:
            total += FOCUS_BONUS
        elif context.weights.get(code):
            total += MENTIONED_COUNTRY_BONUS
        if place.admin1 and (code, place.admin1) in context.admin1:
            total += ADMIN_CONTEXT_BONUS
    if link is not None and any(_contains(area, place) for area in link.candidates):
        total += LINK_BONUS
    if place.feature.startswith("PPL") and any(
        c.feature == "PCLI" and c.primary for c in span.candidates
    ):
        total -= COUNTRY_NAME_PENALTY
    if (
        place.feature == "ADM1"
        and span.qualifier not in lex.ADMIN1_WORDS
        and any(_same_name_town(place, other) for other in span.candidates)
    ):
        total -= SAME_NAME_DIVISION_PENALTY
    return total + _nearness(place, context)


def _qualifier_fit(place: Place, span: Span) -> float:
    word = span.qualifier
    if word is None:
        return 0.0
    if word in lex.ADMIN1_WORDS:
        return QUALIFIER_BONUS if place.feature == "ADM1" else 0.0
    if word in lex.ADMIN2_WORDS:
        return QUALIFIER_BONUS if place.feature == "ADM2" else 0.0
    return QUALIFIER_BONUS / 2 if not place.is_area else 0.0


def _contains(area: Place, place: Place) -> bool:
    if area.feature == "PCLI":
        return area.country_code == place.country_code
    if area.feature == "ADM1":
        return area.country_code == place.country_code and area.admin1 == place.admin1
    return False


def _same_name_town(division: Place, other: Place) -> bool:
    return (
        other.feature.startswith("PPL")
        and other.population >= CAPITAL_SHARE * division.population
        and other.country_code == division.country_code
        and other.admin1 == division.admin1
    )


def _nearness(place: Place, context: GeoContext) -> float:
    if place.is_area or not context.anchors:
        return 0.0
    nearest = min(
        (
            distance_km(place.latitude, place.longitude, a, b)
            for a, b in context.anchors
            if abs(a - place.latitude) <= _NEAR_REACH_DEGREES
        ),
        default=math.inf,
    )
    for limit, bonus in NEAR_BONUSES:
        if nearest <= limit:
            return bonus
    return 0.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
