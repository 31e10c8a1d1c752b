"""Toponym resolution: pick one candidate per recognised name from priors and document context.

Score = prior (feature, population, own-name) + context (the document's country focus, the
countries and first-level divisions it names, "X, Y" qualifiers, words after the name, and
distance to the other places it names). Weights were set on the geoparsing benches as a whole
(no per-item rules) and are explained one by one below.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from newstrace.gazetteer.place import Place
from newstrace.stages import geocode_lexicon as lex
from newstrace.stages.geocode_spans import Span

# Named alone, a country or continent is almost always meant as one ("Georgia" in a Tbilisi
# story, "Jordan" next to Syria), then provinces, then curated sites, then towns by size.
FEATURE_PRIOR = {"PCLI": 6.0, "CONT": 5.0, "ADM1": 3.5, "ADM2": 1.0}
OVERLAY_PRIOR = 4.0
CAPITAL_BONUS = 1.0
# Per factor of ten inhabitants: a city of 1M outranks a town of 10k by 1.0.
POPULATION_WEIGHT = 0.5
OWN_NAME_BONUS = 0.5
FOCUS_BONUS = 2.5
MENTIONED_COUNTRY_BONUS = 1.0
ADMIN_CONTEXT_BONUS = 2.0
LINK_BONUS = 5.0
QUALIFIER_BONUS = 4.0
# A province named like its capital ("Kirkuk", "Idlib"): the city unless "province" follows.
SAME_NAME_DIVISION_PENALTY = 3.0
# Distance to the nearest other confidently placed name in the document.
NEAR_BONUSES = ((50.0, 2.0), (200.0, 1.2), (500.0, 0.5))
# A country focus needs this share of the document's country evidence.
FOCUS_SHARE = 0.3
# A weak name (sentence-initial or headline capital, or a word the text also uses lower-case)
# needs a candidate scoring at least this much to count as a place: a country, a province,
# a city of ~100k, or a town in the focus country.
WEAK_MIN_SCORE = 5.5
# Pass-1 resolutions with this margin over the runner-up become anchors and country evidence.
CONFIDENT_MARGIN = 1.0


@dataclass(slots=True)
class GeoContext:
    """Document-level evidence for resolution, reusable across an article and its comments."""

    focus_country: str | None = None
    country_weights: Counter[str] = field(default_factory=Counter)
    admin1: set[tuple[str, str]] = field(default_factory=set)
    anchors: list[tuple[float, float]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Resolved:
    span: Span
    place: Place
    score: float


def prior(place: Place) -> float:
    if place.is_overlay:
        score = OVERLAY_PRIOR
    else:
        score = FEATURE_PRIOR.get(place.feature, 0.0)
        score += POPULATION_WEIGHT * math.log10(place.population + 1)
    if place.feature == "PPLC":
        score += CAPITAL_BONUS
    return score + (OWN_NAME_BONUS if place.primary else 0.0)


def build_context(
    spans: list[Span], demonym_countries: list[str], focus_country: str | None
) -> GeoContext:
    """Country focus, named divisions and anchor points from the names that need no context."""
    context = GeoContext()
    context.country_weights.update({c: 0.5 for c in demonym_countries})
    for span in spans:
        ranked = sorted(span.candidates, key=prior, reverse=True)
        best = ranked[0]
        margin = prior(best) - prior(ranked[1]) if len(ranked) > 1 else 10.0
        if margin < CONFIDENT_MARGIN or best.country_code is None:
            continue
        context.country_weights[best.country_code] += 2.0 if best.feature == "PCLI" else 1.0
        if best.feature == "ADM1" and best.admin1:
            context.admin1.add((best.country_code, best.admin1))
        elif not best.is_area:
            context.anchors.append((best.latitude, best.longitude))
    context.focus_country = focus_country or _focus(context.country_weights)
    return context


def _focus(weights: Counter[str]) -> str | None:
    total = sum(weights.values())
    if not total:
        return None
    code, weight = weights.most_common(1)[0]
    return code if weight >= FOCUS_SHARE * total else None


def resolve(spans: list[Span], context: GeoContext, links: dict[int, Span]) -> list[Resolved]:
    """One place per span (or none, for weak names without a strong enough candidate)."""
    resolved: list[Resolved] = []
    for index, span in enumerate(spans):
        link = links.get(index)
        scored = [(score(p, span, context, link), p) for p in span.candidates]
        best_score, best = max(scored, key=lambda pair: pair[0])
        if span.weak and best_score < WEAK_MIN_SCORE:
            continue
        resolved.append(Resolved(span, best, best_score))
    return resolved


def score(place: Place, span: Span, context: GeoContext, link: Span | None) -> float:
    total = prior(place) + _qualifier_fit(place, span)
    code = place.country_code
    if code is not None:
        if code == context.focus_country:
            total += FOCUS_BONUS
        elif context.country_weights.get(code):
            total += MENTIONED_COUNTRY_BONUS
        if place.admin1 and (code, place.admin1) in context.admin1 and place.feature != "ADM1":
            total += ADMIN_CONTEXT_BONUS
    if link is not None and any(_contains(area, place) for area in link.candidates):
        total += LINK_BONUS
    if place.feature == "ADM1" and span.qualifier not in lex.ADMIN1_WORDS:
        if any(_same_name_town(place, other) for other in span.candidates):
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
        and other.country_code == division.country_code
        and other.admin1 == division.admin1
    )


def _nearness(place: Place, context: GeoContext) -> float:
    if place.is_area or not context.anchors:
        return 0.0
    nearest = min(distance_km(place.latitude, place.longitude, a, b) for a, b in context.anchors)
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
