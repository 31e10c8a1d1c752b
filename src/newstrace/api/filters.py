"""Query parameters → ``queries.EventFilter``, and the WHERE clause map/timeline/counts share.

The list, detail and download endpoints go through ``queries.select_events`` like the CLI
export. The map, the timeline, the facets and the match count aggregate in SQL over the
``events`` table with ``queries.sql_conditions``, the very WHERE clause the list uses, so the
two can never disagree; every filter is answerable there (migration 4), which keeps them fast
at 100k events.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import HTTPException, Query

from newstrace import queries
from newstrace.ledger.sqlite import Ledger
from newstrace.records import Certainty

BAD_FILTER: dict[int | str, dict[str, Any]] = {
    400: {"description": "A filter value that cannot be used (e.g. a bad bbox)"}
}


class Grade(StrEnum):
    single_source = "single_source"
    corroborated = "corroborated"
    contested = "contested"


_NUMBER = r"-?[0-9]{1,3}(\.[0-9]{1,10})?"
# The format is part of the schema (a bad box is a 422 like any malformed parameter).
BBOX_PATTERN = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """ "west,south,east,north" in degrees, as Leaflet's ``toBBoxString`` writes it.

    Values are clamped to the globe (a map panned past the poles sends latitudes over 90);
    a box with south above north, or crossing the antimeridian, simply matches nothing."""
    if raw is None or raw == "":
        return None
    try:
        west, south, east, north = (float(part) for part in raw.split(","))
    except ValueError as error:  # only reachable when called without the pattern check
        raise HTTPException(400, "bbox is west,south,east,north in decimal degrees") from error

    def clamp(value: float, limit: float) -> float:
        return max(-limit, min(limit, value))

    return clamp(west, 180), clamp(south, 90), clamp(east, 180), clamp(north, 90)


def event_filter(
    date_from: Annotated[date | None, Query(description="Earliest event date (ISO)")] = None,
    date_to: Annotated[date | None, Query(description="Latest event date (ISO)")] = None,
    event_type: Annotated[str | None, Query(max_length=200)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Substring of any actor name")
    ] = None,
    country: Annotated[str | None, Query(max_length=200)] = None,
    bbox: Annotated[
        str | None, Query(pattern=BBOX_PATTERN, description="west,south,east,north (degrees)")
    ] = None,
    outlet: Annotated[
        str | None, Query(max_length=200, description="Substring of a reporting outlet")
    ] = None,
    certainty: Annotated[Certainty | None, Query()] = None,
    grade: Annotated[Grade | None, Query()] = None,
    background: Annotated[
        bool | None, Query(description="true: only recalled history; false: only news")
    ] = None,
    text: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Words in the notes or a source sentence (full-text match on whole "
            "words, case- and accent-insensitive, the last word also as a prefix: 'drone' "
            "finds 'drones', 'rone' finds nothing)",
        ),
    ] = None,
    place: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Name of the event's location, admin1 or admin2: the whole name, "
            "ignoring case, accents, hyphens and apostrophes ('al qaim' finds 'Al Qā’im')",
        ),
    ] = None,
    include_comments: Annotated[
        bool, Query(description="Also events only reader comments mention")
    ] = False,
) -> queries.EventFilter:
    """Every filter the UI's panel offers; empty strings (blank form fields) mean no filter."""

    def blank(value: str | None) -> str | None:
        return value if value else None

    return queries.EventFilter(
        date_from=date_from, date_to=date_to, event_type=blank(event_type),
        sub_event_type=blank(sub_event_type), grade=grade.value if grade else None,
        country=blank(country), bbox=parse_bbox(bbox), actor=blank(actor), outlet=blank(outlet),
        certainty=certainty.value if certainty else None, background=background,
        text=blank(text), place=blank(place), include_comments=include_comments,
    )  # fmt: skip


def sql_where(f: queries.EventFilter) -> tuple[str, list[Any]]:
    return queries.sql_conditions(f)


def scope(ledger: Ledger, f: queries.EventFilter) -> tuple[str, list[Any]]:
    """A WHERE clause over ``events`` selecting exactly the events the filter matches (all of
    them: paging does not apply to aggregates)."""
    return sql_where(replace(f, limit=None, offset=0))


def also(where: str, clause: str) -> str:
    """``where`` (empty or " WHERE …") narrowed by one more condition."""
    return f"{where} AND {clause}" if where else f" WHERE {clause}"


def count_events(ledger: Ledger, f: queries.EventFilter) -> int:
    where, params = scope(ledger, f)
    row = ledger.connection.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
    return int(row[0])
