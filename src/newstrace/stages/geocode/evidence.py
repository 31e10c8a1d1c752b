"""Document-level evidence for toponym resolution: name priors, the country focus, the
divisions and places a text names, kept per name so that no name is its own context."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from newstrace.gazetteer.place import Place
from newstrace.stages.geocode.spans import Span

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
# A country focus needs this share of the document's country evidence, and at least one town,
# two mentions of the country, or one with its demonym ("Syrian troops … in Syria"): a lone
# "US" in "US Ambassador" makes no American story.
FOCUS_SHARE = 0.3
MIN_FOCUS_WEIGHT = 1.5
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
    # Fingerprint of the text the evidence was read from (``document_context``): handed back
    # with that same text, it is ignored, since a text must not be its own outside evidence.
    origin: int | None = None
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
        return GeoContext(
            focus_country=focus, evidence=kept, explicit=self.explicit, origin=self.origin
        )


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
