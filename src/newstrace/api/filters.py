"""Query parameters → ``queries.EventFilter``, and the SQL fast path for map/timeline/counts.

The list, detail and download endpoints go through ``queries.select_events`` like the CLI
export. The map, the timeline and the match count only need columns of the ``events`` table:
when every active filter is one SQL can apply (``queries.sql_conditions``, the same WHERE the
shared query builds), they aggregate in SQL, which keeps them fast at 100k events; filters that
need the decoded records (actor, outlet, certainty, background, text) fall back to
``select_events`` so results never differ between the two paths.
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


# Filters the events table cannot answer; any of them sends a query down the record path.
RECORD_FILTERS = ("actor", "outlet", "certainty", "background", "text")


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
        str | None, Query(max_length=500, description="Substring of notes or a source sentence")
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
        text=blank(text), include_comments=include_comments,
    )  # fmt: skip


def needs_records(f: queries.EventFilter) -> bool:
    return any(getattr(f, name) is not None for name in RECORD_FILTERS)


def sql_where(f: queries.EventFilter) -> tuple[str, list[Any]]:
    return queries.sql_conditions(f)


def scope(ledger: Ledger, f: queries.EventFilter) -> tuple[str, list[Any]]:
    """A WHERE clause over ``events`` selecting exactly the events the filter matches.

    SQL-only filters give the shared query's own WHERE. Record filters run ``select_events``
    once and put the matching ids in a per-connection TEMP table, so every aggregate after
    that is plain SQL either way (TEMP tables live outside the ledger file: no write lock)."""
    everything = replace(f, limit=None, offset=0)
    if not needs_records(f):
        return sql_where(everything)
    db = ledger.connection
    db.execute("CREATE TEMP TABLE IF NOT EXISTS api_scope (event_id TEXT PRIMARY KEY)")
    db.execute("DELETE FROM temp.api_scope")
    db.executemany(
        "INSERT OR IGNORE INTO temp.api_scope VALUES (?)",
        ((event.event_id,) for event, _ in queries.select_events(ledger, everything)),
    )
    return " WHERE event_id IN (SELECT event_id FROM temp.api_scope)", []


def also(where: str, clause: str) -> str:
    """``where`` (empty or " WHERE …") narrowed by one more condition."""
    return f"{where} AND {clause}" if where else f" WHERE {clause}"


def count_events(ledger: Ledger, f: queries.EventFilter) -> int:
    where, params = scope(ledger, f)
    row = ledger.connection.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
    return int(row[0])
