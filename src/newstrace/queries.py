"""Read queries over the ledger, shared by the CLI exports and the API (one code path).

Every filter runs in SQL, on the events table's columns and the side tables migration 4 added
(``ledger.derived``), so LIMIT/OFFSET are SQL too; each page of events then loads its records
and all its mentions in two queries.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from newstrace import exports
from newstrace.ledger.codec import event_from, to_plain
from newstrace.ledger.derived import place_key
from newstrace.ledger.sqlite import Ledger
from newstrace.outlets import OutletRegistry
from newstrace.records import Event, EventMention
from newstrace.stages.fuse import contradictions, who_says_what

# Events decoded per step of a long export: bounds memory, and keeps each IN list short.
PAGE_ROWS = 500
_ORDER = " ORDER BY event_date IS NULL, event_date, event_id"
# Unary + on the IN tests keeps SQLite walking the date-ordered index (and testing each entry)
# instead of fetching every match by key and sorting: "checkpoint" matches all 100k events.
_TERM = "+event_id IN (SELECT event_id FROM event_terms WHERE kind = '{kind}' AND {test})"


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
    outlet: str | None = None  # substring of a mention's outlet, case-insensitive
    certainty: str | None = None  # the event's certainty
    background: bool | None = None  # every (shown) mention recalls history, or not
    # Words of the notes or of a (shown) mention sentence, as full-text tokens: case- and
    # accent-insensitive, in this order, the last word also as a prefix ("drone" finds
    # "drones"). Not a raw substring: "rone" finds nothing; punctuation only separates words.
    text: str | None = None
    # Location, admin1 or admin2 name, whole; case, accents, hyphens, apostrophes ignored.
    place: str | None = None
    include_comments: bool = False
    limit: int | None = None
    offset: int = 0


def sql_conditions(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (empty or " WHERE …") over ``events`` selecting exactly the events the
    filter matches, and its parameters. Ignores ``limit``/``offset``."""
    clauses: list[str] = []
    params: list[Any] = []
    for clause, value in _tests(f):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if f.bbox is not None:
        clauses.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
        west, south, east, north = f.bbox
        params += [west, east, south, north]
    if f.text is not None and not _words(f.text):
        clauses.append("0")  # no word to look for (only punctuation): nothing matches
    if not f.include_comments:
        clauses.append("only_in_comments = 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _tests(f: EventFilter) -> tuple[tuple[str, Any], ...]:
    """(condition, its one parameter) per filter; a None parameter leaves the filter out."""
    return (
        ("event_date >= ?", f.date_from.isoformat() if f.date_from else None),
        ("event_date <= ?", f.date_to.isoformat() if f.date_to else None),
        ("event_type = ?", f.event_type),
        ("sub_event_type = ?", f.sub_event_type),
        ("grade = ?", f.grade),
        ("country = ?", f.country),
        ("certainty = ?", f.certainty),
        (_background_column(f) + " = ?", None if f.background is None else int(f.background)),
        (_TERM.format(kind="actor", test="instr(term, ?) > 0"), _lower(f.actor)),
        (_TERM.format(kind="outlet", test="instr(term, ?) > 0" + _news(f)), _lower(f.outlet)),
        (
            _TERM.format(kind="place", test="term = ?"),
            None if f.place is None else place_key(f.place),
        ),
        ("+rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", _fts(f)),
    )


def _lower(value: str | None) -> str | None:
    return None if value is None else value.lower()


def _background_column(f: EventFilter) -> str:
    # background: every news mention recalls history; background_all: every mention does.
    return "background_all" if f.include_comments else "background"


def _news(f: EventFilter) -> str:
    return "" if f.include_comments else " AND news = 1"


def _words(text: str) -> list[str]:
    """Letters and digits runs: what FTS5's unicode61 tokenizer keeps as tokens."""
    return re.findall(r"[^\W_]+", text)


def _fts(f: EventFilter) -> str | None:
    """The FTS5 query for ``text``: its words as one quoted phrase (no FTS syntax can leak in),
    the last word a prefix, in the notes and the sentences of the mentions shown."""
    words = _words(f.text or "")
    if not words:
        return None
    columns = "notes sentences comment_sentences" if f.include_comments else "notes sentences"
    return f'{{{columns}}} : "{" ".join(words)}" *'


def select_events(ledger: Ledger, f: EventFilter) -> Iterator[tuple[Event, list[EventMention]]]:
    """Events matching the filter, by date, each with the mentions that support it."""
    for page in event_pages(ledger, f):
        yield from page


def event_pages(ledger: Ledger, f: EventFilter) -> Iterator[list[tuple[Event, list[EventMention]]]]:
    """``select_events`` in pages of up to ``PAGE_ROWS`` events. The ordered scan reads only
    rowids (from the index); records are read for the page alone, by rowid."""
    where, params = sql_conditions(f)
    page = ""
    if f.limit is not None or f.offset:
        page = " LIMIT ? OFFSET ?"
        params = [*params, -1 if f.limit is None else f.limit, f.offset]
    cursor = ledger.connection.execute(f"SELECT rowid FROM events{where}{_ORDER}{page}", params)
    while rowids := [int(r[0]) for r in cursor.fetchmany(PAGE_ROWS)]:
        yield _load_page(ledger, rowids, f.include_comments)


def _load_page(
    ledger: Ledger, rowids: list[int], include_comments: bool
) -> list[tuple[Event, list[EventMention]]]:
    rows = ledger.connection.execute(
        f"SELECT rowid, record FROM events WHERE rowid IN ({','.join('?' * len(rowids))})",
        rowids,
    )
    records = {int(r[0]): str(r[1]) for r in rows}
    events = [event_from(json.loads(records[r])) for r in rowids if r in records]
    mentions = ledger.mentions.mentions_by_event(
        [e.event_id for e in events], include_comments=include_comments
    )
    return [(e, mentions.get(e.event_id, [])) for e in events]


def event_objects(ledger: Ledger, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Events as the ``export events`` contract defines them."""
    for page in event_pages(ledger, f):
        sources = ledger.document_sources({m.document_id for _, ms in page for m in ms})
        for event, mentions in page:
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
