"""What the map and the timeline draw: points or grid clusters, date histograms, facet counts.

These aggregate in SQL over the ``events`` table's columns (see ``api.filters``): the map
never receives 100k markers, only what the current view can show.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from newstrace import queries
from newstrace.api.deps import Reader
from newstrace.api.filters import (
    BAD_FILTER,
    BBOX_PATTERN,
    also,
    event_filter,
    parse_bbox,
    scope,
    sql_where,
)
from newstrace.ledger.sqlite import Ledger

router = APIRouter(tags=["map and timeline"])
Filter = Annotated[queries.EventFilter, Depends(event_filter)]

# Above this many points in view the map gets grid clusters instead: the browser places 3,000
# markers in well under a second, 100k would freeze it for seconds.
MAX_POINTS = 3000
GRADES = ("single_source", "corroborated", "contested")


@router.get(
    "/map",
    summary="Map layer for the view: points, or grid clusters when crowded",
    responses=BAD_FILTER,
)
def map_layer(
    ledger: Reader,
    f: Filter,
    zoom: Annotated[int, Query(ge=0, le=20, description="Leaflet zoom of the view")] = 3,
    view: Annotated[
        str | None,
        Query(
            pattern=BBOX_PATTERN,
            description="west,south,east,north of the map view: when clustering, only cells "
            "in view are sent (the bbox filter is what narrows the events)",
        ),
    ] = None,
) -> dict[str, Any]:
    where, params = scope(ledger, f)
    db = ledger.connection
    total, unmapped = db.execute(
        f"SELECT count(*), coalesce(sum(latitude IS NULL OR longitude IS NULL), 0)"
        f" FROM events{where}",
        params,
    ).fetchone()
    placed = also(where, "latitude IS NOT NULL AND longitude IS NOT NULL")
    result: dict[str, Any] = {"total": total, "unmapped": unmapped, "points": [], "clusters": []}
    if total - unmapped <= MAX_POINTS:
        rows = db.execute(
            "SELECT event_id, latitude, longitude, event_type, grade, event_date, sub_event_type"
            f" FROM events{placed}",
            params,
        )
        result["points"] = [
            {"id": r[0], "lat": r[1], "lon": r[2], "type": r[3], "grade": r[4], "date": r[5],
             "sub": r[6]}
            for r in rows
        ]  # fmt: skip
        return result
    box = parse_bbox(view)
    if box is not None:
        # Unary + keeps SQLite off the (latitude, longitude) index: a view usually holds most
        # events, and walking that index means a lookup into the wide table for every row.
        placed = also(placed, "+longitude BETWEEN ? AND ? AND +latitude BETWEEN ? AND ?")
        params = [*params, box[0], box[2], box[1], box[3]]
    result["clusters"] = _grid(ledger, placed, params, zoom)
    return result


def _grid(ledger: Ledger, where: str, params: list[Any], zoom: int) -> list[dict[str, Any]]:
    """Square cells about 60 px wide at this zoom (a 256 px tile spans 360/2^zoom degrees),
    counted in SQL; each cell is placed at its events' mean position and coloured by the
    event type most of them have. (The +1000 keeps cell numbers positive: CAST truncates.)"""
    size = 360 / 2**zoom * 60 / 256
    rows = ledger.connection.execute(
        "SELECT CAST(latitude / ? + 1000 AS INTEGER) AS cy,"
        " CAST(longitude / ? + 1000 AS INTEGER) AS cx, event_type, count(*),"
        f" sum(latitude), sum(longitude) FROM events{where} GROUP BY cy, cx, event_type",
        [size, size, *params],
    )
    cells: dict[tuple[int, int], list[Any]] = {}
    for cy, cx, event_type, count, lat, lon in rows:
        cell = cells.setdefault((cy, cx), [0, 0.0, 0.0, event_type, 0])
        cell[0] += count
        cell[1] += lat
        cell[2] += lon
        if count > cell[4]:
            cell[3], cell[4] = event_type, count
    return [
        {"lat": lat / n, "lon": lon / n, "count": n, "type": kind}
        for n, lat, lon, kind, _ in cells.values()
    ]


@router.get("/timeline", summary="Matching events per day, week or month", responses=BAD_FILTER)
def timeline(ledger: Reader, f: Filter) -> dict[str, Any]:
    """The histogram the brush sits on. The UI asks without date filters, so the brush can
    always widen again; the bucket is chosen to give at most ~200 bars."""
    where, params = scope(ledger, f)
    per_day = {
        r[0]: int(r[1])
        for r in ledger.connection.execute(
            f"SELECT event_date, count(*) FROM events{where} GROUP BY event_date", params
        )
    }
    undated = per_day.pop(None, 0)  # a date filter already excludes undated events
    if not per_day:
        return {"bucket": "day", "bins": [], "undated": undated}
    days = sorted(per_day)
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    span = (last - first).days + 1
    bucket = "day" if span <= 200 else "week" if span <= 1400 else "month"
    counts: Counter[date] = Counter()
    for day, n in per_day.items():
        counts[_bucket_start(date.fromisoformat(day), bucket)] += n
    # Empty buckets are sent too: the bars then sit on a true time axis, so a quiet month
    # looks quiet instead of vanishing, and a brushed range maps to real dates.
    bins, cursor = [], _bucket_start(first, bucket)
    while cursor <= last:
        bins.append({"start": cursor.isoformat(), "count": counts.get(cursor, 0)})
        cursor = _next_bucket(cursor, bucket)
    return {"bucket": bucket, "bins": bins, "undated": undated}


def _next_bucket(start: date, bucket: str) -> date:
    if bucket == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7 if bucket == "week" else 1)


def _bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


@router.get(
    "/facets",
    summary="Counts of matching events by type, sub-type, grade, country",
    responses=BAD_FILTER,
)
def facets(ledger: Reader, f: Filter) -> dict[str, Any]:
    where, params = scope(ledger, f)
    # Unary + stops SQLite walking the (type, sub-type) index to avoid a sort: that index
    # needs a lookup into the wide table per event, far slower than grouping a scan.
    rows = ledger.connection.execute(
        "SELECT +event_type AS t, +sub_event_type AS s, +grade AS g, +country AS c, count(*)"
        f" FROM events{where} GROUP BY t, s, g, c",
        params,
    ).fetchall()
    types: Counter[str] = Counter()
    subs: Counter[tuple[str, str]] = Counter()
    grades: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for event_type, sub, grade, country, n in rows:
        types[event_type] += n
        subs[(event_type, sub)] += n
        grades[grade] += n
        if country:
            countries[country] += n
    return {
        "total": sum(types.values()),
        "event_types": [{"value": k, "count": n} for k, n in types.most_common()],
        "sub_event_types": [
            {"event_type": t, "value": s, "count": n} for (t, s), n in subs.most_common()
        ],
        "grades": [{"value": g, "count": grades.get(g, 0)} for g in GRADES],
        "countries": [{"value": k, "count": n} for k, n in countries.most_common()],
    }


def every_event_type(ledger: Ledger) -> list[tuple[str, str]]:
    """All (type, sub-type) pairs in the ledger, for the filter panel's choices."""
    where, params = sql_where(replace(queries.EventFilter(), include_comments=True))
    rows = ledger.connection.execute(
        f"SELECT DISTINCT event_type, sub_event_type FROM events{where} ORDER BY 1, 2", params
    )
    return [(str(r[0]), str(r[1])) for r in rows]
