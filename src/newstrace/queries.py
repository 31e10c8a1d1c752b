"""Read queries over the ledger, shared by the CLI exports and the API (one code path).

Filters are pushed into SQL where the events table has a column for them; the rest (actor,
outlet, certainty, text) are checked on the decoded records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from newstrace import exports
from newstrace.ledger.codec import event_from, to_plain
from newstrace.ledger.sqlite import Ledger
from newstrace.outlets import OutletRegistry
from newstrace.records import Event, EventMention
from newstrace.stages.fuse import contradictions, who_says_what


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What a user can narrow events by; None means no constraint."""

    date_from: date | None = None
    date_to: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    grade: str | None = None
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    actor: str | None = None  # substring of actor1/actor2/associates, case-insensitive
    outlet: str | None = None  # substring of a mention's outlet
    certainty: str | None = None  # the event's certainty
    background: bool | None = None
    text: str | None = None  # substring of notes or any mention sentence
    include_comments: bool = False
    limit: int | None = None
    offset: int = 0


def sql_conditions(f: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    simple = (
        ("event_date >= ?", f.date_from.isoformat() if f.date_from else None),
        ("event_date <= ?", f.date_to.isoformat() if f.date_to else None),
        ("event_type = ?", f.event_type),
        ("sub_event_type = ?", f.sub_event_type),
        ("grade = ?", f.grade),
        ("country = ?", f.country),
    )
    for clause, value in simple:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if f.bbox is not None:
        clauses.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
        west, south, east, north = f.bbox
        params += [west, east, south, north]
    if not f.include_comments:
        clauses.append("only_in_comments = 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def select_events(ledger: Ledger, f: EventFilter) -> Iterator[tuple[Event, list[EventMention]]]:
    """Events matching the filter, by date, each with the mentions that support it."""
    where, params = sql_conditions(f)
    rows = ledger.connection.execute(
        f"SELECT record FROM events{where} ORDER BY event_date IS NULL, event_date, event_id",
        params,
    )
    skipped = 0
    produced = 0
    for row in rows:
        event = event_from(json.loads(row[0]))
        mentions = [
            m
            for m in ledger.mentions.event_mentions(event_id=event.event_id)
            if f.include_comments or not m.in_comments
        ]
        if not mentions or not _matches(event, mentions, f):
            continue
        if skipped < f.offset:
            skipped += 1
            continue
        yield event, mentions
        produced += 1
        if f.limit is not None and produced >= f.limit:
            return


def _matches(event: Event, mentions: list[EventMention], f: EventFilter) -> bool:
    if f.certainty is not None and event.certainty != f.certainty:
        return False
    if f.background is not None and all(m.background for m in mentions) != f.background:
        return False
    if f.actor is not None:
        needle = f.actor.lower()
        names = [event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2]
        if not any(needle in (n or "").lower() for n in names):
            return False
    if f.outlet is not None and not any(
        f.outlet.lower() in (m.outlet or "").lower() for m in mentions
    ):
        return False
    if f.text is not None:
        needle = f.text.lower()
        texts = [event.notes, *(m.sentence for m in mentions)]
        if not any(needle in t.lower() for t in texts):
            return False
    return True


def event_objects(ledger: Ledger, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Events as the ``export events`` contract defines them."""
    sources = ledger.document_sources()
    for event, mentions in select_events(ledger, f):
        yield exports.event_object(event, mentions, sources)


def place_objects(ledger: Ledger, include_comments: bool = True) -> Iterator[dict[str, Any]]:
    for row in ledger.mentions.place_rows():
        if include_comments or row["comment_position"] is None:
            yield exports.place_object(dict(zip(row.keys(), tuple(row), strict=True)))


def event_detail(ledger: Ledger, event_id: str, registry: OutletRegistry) -> dict[str, Any] | None:
    """One event with its mentions, each independent source's version side by side, and the
    fields its sources disagree on."""
    event = ledger.mentions.event(event_id)
    if event is None:
        return None
    mentions = ledger.mentions.event_mentions(event_id=event_id)
    detail = exports.event_object(event, mentions, ledger.document_sources())
    detail["who_says_what"] = [to_plain(v) for v in who_says_what(event, mentions, registry)]
    detail["contradictions"] = [
        {"field": c.field, "values": [{"value": v, "sources": list(s)} for v, s in c.values],
         "description": c.describe()}
        for c in contradictions(event, mentions, registry)
    ]  # fmt: skip
    return detail
