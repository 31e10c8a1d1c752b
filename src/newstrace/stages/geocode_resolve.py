"""Toponym resolution: pick one candidate per recognised name from priors and document context.

Score = prior (feature, population, own-name) + context (the document's country focus, the
countries and first-level divisions it names, "X, Y" qualifiers, words after the name, and
distance to the other places it names). Weights were set on the geoparsing benches as a whole
(no per-item rules) and are explained one by one below.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from newstrace.gazetteer.place import Place
from newstrace.stages import geocode_lexicon as lex
from newstrace.stages.geocode_spans import Span

# Named alone, a country or continent is almost always meant as one ("Georgia" in a Tbilisi
# story, "Jordan" next to Syria), then provinces, then curated sites, then towns by size.
FEATURE_PRIOR = {"PCLI": 7.5, "CONT": 5.0, "ADM1": 4.5, "ADM2": 2.0}
OVERLAY_PRIOR = 6.0
# National capitals: "Washington" is the city before the state.
CAPITAL_BONUS = 1.5
# Per factor of ten inhabitants: a city of 1M outranks a town of 10k by 1.0.
POPULATION_WEIGHT = 0.5
# Per doubling of GeoNames alternate names, a proxy for how widely a place is written about
# (Damascus ~150 names, Palmyra NY ~5, a hamlet 0): Tadmur outranks Palmyra NY on it alone.
PROMINENCE_WEIGHT = 0.3
# Matched on the place's own name rather than an alternate one (translations and historic
# names: "Salisbury" is Harare's old name, "White House" translates Casablanca).
OWN_NAME_BONUS = 2.0
# A town named like a country ("Mexico" for Mexico City, China in Maine, Lebanon in Indiana)
# yields to the country unless the text says otherwise ("Lebanon, Ind.", the state named).
COUNTRY_NAME_PENALTY = 3.0
FOCUS_BONUS = 3.5
MENTIONED_COUNTRY_BONUS = 1.0
ADMIN_CONTEXT_BONUS = 2.0
LINK_BONUS = 5.0
QUALIFIER_BONUS = 4.0
# A province named like its capital ("Kirkuk", "Idlib"): the city unless "province" follows.
SAME_NAME_DIVISION_PENALTY = 3.0
# ...when the town is the division's main one: 5 % of its people (Idlib has 12 % of Idleb's;
# Minneota, alternately spelt "Minnesota", has 0.03 % of Minnesota's).
CAPITAL_SHARE = 0.05
# Distance to the nearest other confidently placed name in the document.
NEAR_BONUSES = ((50.0, 2.0), (200.0, 1.2), (500.0, 0.5))
# A country focus needs this share of the document's country evidence, and at least one town
# or two mentions of the country.
FOCUS_SHARE = 0.3
MIN_FOCUS_WEIGHT = 2.0
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
# Weights of the evidence for a document's country focus.
DEMONYM_WEIGHT = 0.5
COUNTRY_NAME_WEIGHT = 1.0
PLACE_WEIGHT = 2.0
# Pass-1 resolutions with this margin over the runner-up become anchors and country evidence.
CONFIDENT_MARGIN = 1.0
# Countries whose towns an unknown spelling is compared with (fuzzy matching).
FUZZY_COUNTRIES = 3


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one resolved name tells about its document."""

    country_code: str
    weight: float
    admin1: tuple[str, str] | None  # (country, admin1) of a division or of a town in it
    anchor: tuple[float, float] | None  # the point of a town or site


@dataclass(slots=True)
class GeoContext:
    """Document-level evidence for resolution, reusable across an article and its comments.

    Evidence is kept per name so that a name never counts as its own context: five "Georgia"
    must not make the country the focus that then decides "Georgia".
    """

    focus_country: str | None = None
    evidence: dict[int, Evidence] = field(default_factory=dict)  # span index → its evidence
    explicit: bool = False  # focus_country was given, not inferred
    # Summaries of ``evidence``, computed once: scoring reads them for every candidate.
    weights: dict[str, float] = field(init=False, default_factory=dict)
    admin1: set[tuple[str, str]] = field(init=False, default_factory=set)
    anchors: list[tuple[float, float]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        for item in self.evidence.values():
            code = item.country_code
            self.weights[code] = self.weights.get(code, 0.0) + item.weight
            if item.admin1 is not None:
                self.admin1.add(item.admin1)
            if item.anchor is not None and item.anchor not in self.anchors:
                self.anchors.append(item.anchor)

    def place_countries(self) -> list[str]:
        """The focus country, then the most named others (FUZZY_COUNTRIES in all)."""
        named = sorted(
            (c for c, w in self.weights.items() if w >= COUNTRY_NAME_WEIGHT),
            key=lambda c: -self.weights[c],
        )
        head = [self.focus_country] if self.focus_country else []
        return (head + [c for c in named if c != self.focus_country])[:FUZZY_COUNTRIES]

    def without(self, indices: set[int]) -> GeoContext:
        """This context minus the evidence of the spans ``indices``."""
        if not indices & self.evidence.keys():
            return self
        kept = {i: e for i, e in self.evidence.items() if i not in indices}
        focus = self.focus_country if self.explicit else _focus(kept)
        return GeoContext(focus_country=focus, evidence=kept, explicit=self.explicit)


@dataclass(frozen=True, slots=True)
class Resolved:
    span: Span
    place: Place
    score: float


def prior(place: Place) -> float:
    if place.is_overlay:
        score = OVERLAY_PRIOR
    elif place.feature in FEATURE_PRIOR:
        score = FEATURE_PRIOR[place.feature]
    else:
        score = POPULATION_WEIGHT * math.log10(place.population + 1)
        score += PROMINENCE_WEIGHT * math.log2(place.alt_count + 1)
    if place.feature == "PPLC":
        score += CAPITAL_BONUS
    return score + (OWN_NAME_BONUS if place.primary else 0.0)


def build_context(
    spans: list[Span], demonym_countries: list[str], focus_country: str | None
) -> GeoContext:
    """Country focus, named divisions and anchor points from the names that need no context:
    those whose best candidate by prior alone leads the next by CONFIDENT_MARGIN."""
    picks: dict[int, Place] = {}
    for index, span in enumerate(spans):
        ranked = sorted(span.candidates, key=prior, reverse=True)
        margin = prior(ranked[0]) - prior(ranked[1]) if len(ranked) > 1 else 10.0
        if margin >= CONFIDENT_MARGIN:
            picks[index] = ranked[0]
    return _context(picks, demonym_countries, focus_country)


def refined_context(
    spans: list[Span],
    resolved: list[Resolved],
    demonym_countries: list[str],
    focus_country: str | None,
) -> GeoContext:
    """Context rebuilt from a first resolution of every name, for a second pass."""
    position = {id(span): index for index, span in enumerate(spans)}
    picks = {position[id(r.span)]: r.place for r in resolved}
    return _context(picks, demonym_countries, focus_country)


def resolved_context(resolved: list[Resolved], demonym_countries: list[str]) -> GeoContext:
    """The evidence of a text's final resolutions, to resolve another text (its comments) by."""
    picks = {index: r.place for index, r in enumerate(resolved)}
    context = _context(picks, demonym_countries, None)
    # renumbered past any span index of the other text, so none of it is ever left out
    context.evidence = {-1 - n: e for n, e in enumerate(context.evidence.values())}
    return context


def _context(
    picks: dict[int, Place], demonym_countries: list[str], focus_country: str | None
) -> GeoContext:
    """Towns, sites and provinces weigh twice a country name: conflict news names the countries
    of its actors ("US-backed", "Russia said") but the places where things happen."""
    evidence = {
        -1 - len(picks) - i: Evidence(code, DEMONYM_WEIGHT, None, None)
        for i, code in enumerate(demonym_countries)
    }
    for index, place in picks.items():
        if place.country_code is None:
            continue
        weight = COUNTRY_NAME_WEIGHT if place.feature == "PCLI" else PLACE_WEIGHT
        admin1 = (place.country_code, place.admin1) if place.admin1 else None
        anchor = None if place.is_area else (place.latitude, place.longitude)
        evidence[index] = Evidence(place.country_code, weight, admin1, anchor)
    return GeoContext(
        focus_country=focus_country or _focus(evidence),
        evidence=evidence,
        explicit=focus_country is not None,
    )


def _focus(evidence: dict[int, Evidence]) -> str | None:
    weights: dict[str, float] = {}
    for item in evidence.values():
        weights[item.country_code] = weights.get(item.country_code, 0.0) + item.weight
    total = sum(weights.values())
    if not total:
        return None
    code = max(weights, key=lambda c: weights[c])
    if weights[code] < MIN_FOCUS_WEIGHT:
        return None  # one "US" in "US Ambassador" makes no American story
    return code if weights[code] >= FOCUS_SHARE * total else None


def resolve(spans: list[Span], context: GeoContext, links: dict[int, Span]) -> list[Resolved]:
    """One place per span (or none, for weak names without a strong enough candidate)."""
    same_name: dict[str, set[int]] = {}
    for index, span in enumerate(spans):
        same_name.setdefault(span.key, set()).add(index)
    resolved: list[Resolved] = []
    for index, span in enumerate(spans):
        link = links.get(index)
        own_context = context.without(same_name[span.key])
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
