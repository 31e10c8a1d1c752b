"""Events: filtered list, detail with evidence, and downloads (GeoJSON, ACLED CSV, contract CSV).

Every path goes through ``queries.select_events``/``event_objects`` and ``exports``, the code
the CLI ``export`` uses, so a download here equals ``newstrace export events`` with the filter.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import StreamingResponse

from newstrace import exports, queries
from newstrace.api.deps import Reader, Registry
from newstrace.api.detail import detail_object, load_event
from newstrace.api.filters import BAD_FILTER, count_events, event_filter

router = APIRouter(tags=["events"])
Filter = Annotated[queries.EventFilter, Depends(event_filter)]


class CsvFormat(StrEnum):
    acled = "acled"  # ACLED's own export columns
    contract = "contract"  # newstrace's event fields (nested values JSON-encoded)


@router.get("/events", summary="Events matching the filter, by date", responses=BAD_FILTER)
def list_events(
    ledger: Reader,
    f: Filter,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    with_total: Annotated[bool, Query(description="Also count all matches")] = True,
) -> dict[str, Any]:
    page = replace(f, limit=limit, offset=offset)
    events = list(queries.event_objects(ledger, page))
    total = count_events(ledger, f) if with_total else None
    return {"total": total, "limit": limit, "offset": offset, "events": events}


@router.get(
    "/events.geojson",
    summary="Matching events as a GeoJSON FeatureCollection",
    response_class=StreamingResponse,
    responses={**BAD_FILTER, 200: {"content": {"application/geo+json": {}}}},
)
def events_geojson(ledger: Reader, f: Filter) -> StreamingResponse:
    collection = exports.geojson_features(queries.event_objects(ledger, f))
    body = json.dumps(collection, ensure_ascii=False)
    return _download(iter([body]), "application/geo+json", "newstrace-events.geojson")


@router.get(
    "/events.csv",
    summary="Matching events as CSV (ACLED columns by default)",
    response_class=StreamingResponse,
    responses={**BAD_FILTER, 200: {"content": {"text/csv": {}}}},
)
def events_csv(ledger: Reader, f: Filter, format: CsvFormat = CsvFormat.acled) -> StreamingResponse:
    objects = queries.event_objects(ledger, f)
    if format is CsvFormat.acled:
        rows: Iterator[dict[str, Any]] = (exports.acled_row(e) for e in objects)
        fields: tuple[str, ...] = exports.ACLED_COLUMNS
    else:
        rows, fields = objects, exports.EVENT_FIELDS
    name = "newstrace-events-acled.csv" if format is CsvFormat.acled else "newstrace-events.csv"
    return _download(_csv_chunks(rows, fields), "text/csv; charset=utf-8", name)


@router.get(
    "/events/{event_id}",
    summary="One event with mentions, who says what, disputes",
    responses={404: {"description": "No such event"}},
)
def get_event(event_id: str, ledger: Reader, registry: Registry) -> dict[str, Any]:
    detail = load_event(ledger, registry, event_id)
    if detail is None:
        raise HTTPException(404, "no such event")
    return detail_object(detail)


def _csv_chunks(rows: Iterator[dict[str, Any]], fields: tuple[str, ...]) -> Iterator[str]:
    """CSV written through ``exports.write_csv`` in chunks, so a large download streams."""
    buffer = io.StringIO()
    exports.write_csv(iter(()), fields, buffer)  # the header
    yield buffer.getvalue()
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == 500:
            yield _rows_only(batch, fields)
            batch = []
    if batch:
        yield _rows_only(batch, fields)


def _rows_only(batch: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    exports.write_csv(iter(batch), fields, buffer)
    return buffer.getvalue().split("\r\n", 1)[1]  # drop the repeated header line


def _download(chunks: Iterator[str], media_type: str, filename: str) -> StreamingResponse:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(chunks, media_type=media_type, headers=headers)
