"""Places stage: find toponyms in a text and resolve them against the embedded gazetteer.

Offline and model-free: names are matched over capitalised word runs (``geocode_spans``),
filtered by the words around them (``geocode_context``) and resolved with priors plus document
context (``geocode_resolve``). Offsets are character offsets into the text given.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newstrace.gazetteer.place import Place
from newstrace.gazetteer.store import Gazetteer
from newstrace.records import PlaceMention
from newstrace.stages.geocode import lexicon as lex
from newstrace.stages.geocode.context import Recognition, linked, recognise
from newstrace.stages.geocode.evidence import (
    GeoContext,
    Resolved,
    build_context,
    prior,
    refined_context,
    resolved_context,
)
from newstrace.stages.geocode.fuzzy import fuzzy_spans
from newstrace.stages.geocode.phrases import without_overlaps
from newstrace.stages.geocode.resolve import distance_km, resolve
from newstrace.stages.geocode.spans import Span

__all__ = ["GeoContext", "document_context", "find_places", "places_with_context"]

# "X, east of Y" / "X, 30 km south of the town of Y": the words between two names that make the
# second situate the first.
_SITUATING = re.compile(
    r"\s*,?\s*(?:(?:about|some|around|roughly)\s+)?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?"
    r"(?:(?:city|town|village|province|governorate)\s+of\s+)?$",
    re.IGNORECASE,
)
# A writer situates a place by a neighbour, tens of kilometres off ("east of Raqqa"), not by a
# city 1,700 km away (al-Karama east of Raqqa read as Al Karama in Dubai); 150 km also covers
# "100 km south of" with a margin.
SITUATED_KM = 150.0


def document_context(
    text: str, gazetteer: Gazetteer, *, focus_country: str | None = None
) -> GeoContext:
    """The evidence of a text's resolved places (country focus, divisions, anchor points and
    demonyms, a weak signal), to resolve another text by: an article's, for its comments."""
    found, resolved = _resolve_text(text, gazetteer, focus_country, None)
    return _own_context(text, found, resolved)


def places_with_context(text: str, gazetteer: Gazetteer) -> tuple[list[PlaceMention], GeoContext]:
    """``find_places`` and ``document_context`` of one text from a single resolution (an article
    with comments needs both; resolving twice cost about a tenth of annotation time)."""
    found, resolved = _resolve_text(text, gazetteer, None, None)
    return [_mention(text, r) for r in resolved], _own_context(text, found, resolved)


def _own_context(text: str, found: Recognition, resolved: list[Resolved]) -> GeoContext:
    """A text's resolved places as context for another text, marked as read from ``text``."""
    context = resolved_context(resolved, found.demonym_countries)
    return replace(context, origin=_fingerprint(text))


def find_places(
    text: str,
    gazetteer: Gazetteer,
    *,
    focus_country: str | None = None,
    context: GeoContext | None = None,
) -> list[PlaceMention]:
    """Resolved place mentions in ``text``, in text order.

    ``focus_country`` (ISO2) forces the document's country focus; ``context`` is the evidence
    of another text (``document_context`` of the article, for its comments), else the text's
    own names provide it.
    """
    _, resolved = _resolve_text(text, gazetteer, focus_country, context)
    return [_mention(text, r) for r in resolved]


def _resolve_text(
    text: str, gazetteer: Gazetteer, focus_country: str | None, context: GeoContext | None
) -> tuple[Recognition, list[Resolved]]:
    found = recognise(text, gazetteer)
    if context is not None and context.origin == _fingerprint(text):
        context = None  # the article's own evidence handed back with the article itself
    own_context = context is None
    if context is None:
        context = build_context(found.spans, found.demonym_countries, focus_country)
    elif focus_country is not None:
        context = replace(context, focus_country=focus_country, explicit=True)
    fuzzy = fuzzy_spans(text, gazetteer, found.unknown, context.place_countries())
    if fuzzy:
        found.spans = without_overlaps(fuzzy, found.spans)
    links = _links(text, found.spans)
    situated = _situated(text, found.spans)
    resolved = _near_their_anchor(resolve(found.spans, context, links), found.spans, situated)
    if own_context:
        # second pass: every name's first resolution is now context for the others
        context = refined_context(found.spans, resolved, found.demonym_countries, focus_country)
        resolved = resolve(found.spans, context, links)
        resolved = _near_their_anchor(resolved, found.spans, situated)
    return found, resolved


def _fingerprint(text: str) -> int:
    return hash(text)


def _links(text: str, spans: list[Span]) -> dict[int, Span]:
    """Index of a span → the span right after it, when written "Town, Province/Country"."""
    return {
        i: spans[i + 1]
        for i in range(len(spans) - 1)
        if linked(text, spans[i], spans[i + 1])
        and any(p.feature in {"PCLI", "ADM1"} for p in spans[i + 1].candidates)
    }


def _situated(text: str, spans: list[Span]) -> dict[int, int]:
    """Index of a span → index of the span situating it: "al-Karama, east of Raqqa", "Hajin,
    30 km south of al-Bukamal"."""
    return {
        i: i + 1
        for i in range(len(spans) - 1)
        if _SITUATING.match(text, spans[i].end, spans[i + 1].start)
    }


def _near_their_anchor(
    resolved: list[Resolved], spans: list[Span], situated: dict[int, int]
) -> list[Resolved]:
    """A situated place must lie within ``SITUATED_KM`` of its anchor: the nearest-ranked
    candidate that does, else none (the event then falls to the anchor, "near" precision)."""
    if not situated:
        return resolved
    index = {id(span): i for i, span in enumerate(spans)}
    placed = {index[id(r.span)]: r for r in resolved}
    kept: list[Resolved] = []
    for found in resolved:
        anchor = placed.get(situated.get(index[id(found.span)], -1))
        if anchor is None or anchor.place.is_area or _within_reach(found.place, anchor.place):
            kept.append(found)
            continue
        nearby = [p for p in found.span.candidates if _within_reach(p, anchor.place)]
        if nearby:
            kept.append(Resolved(found.span, max(nearby, key=prior), found.score))
    return kept


def _within_reach(place: Place, anchor: Place) -> bool:
    return (
        distance_km(place.latitude, place.longitude, anchor.latitude, anchor.longitude)
        <= SITUATED_KM
    )


def _mention(text: str, resolved: Resolved) -> PlaceMention:
    span, place = resolved.span, resolved.place
    return PlaceMention(
        start=span.start,
        end=span.end,
        text=text[span.start : span.end],
        name=place.name,
        place_id=place.place_id,
        latitude=place.latitude,
        longitude=place.longitude,
        country=place.country,
        country_code=place.country_code,
        admin1=place.admin1,
        admin2=place.admin2,
        feature=place.feature,
        geo_precision=_precision(span, place.precision),
        relation=span.relation,
        score=round(resolved.score, 3),
    )


def _precision(span: Span, base: int) -> int:
    """ACLED geo_precision: "near X", "eastern X" and "X countryside" are parts of X (2)."""
    if span.qualifier in lex.ADMIN1_WORDS:
        return 3
    if span.relation is not None or span.qualifier in lex.AROUND_WORDS:
        return max(base, 2)
    return base
