"""Ledger access for annotations: place/actor spans, event mentions and fused events.

Shares the Ledger's connection (one writer); the caller owns transactions.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from newstrace.ledger.codec import event_from, mention_from, to_json, to_plain
from newstrace.ledger.derived import Derived, derive, facts_by, write_side
from newstrace.records import (
    ActorMention,
    DocumentAnnotations,
    Event,
    EventMention,
    PlaceMention,
)


class MentionStore:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    # -- writes -------------------------------------------------------------------------------

    def replace(self, annotations: DocumentAnnotations) -> None:
        """Replace everything earlier derived from this document (re-annotation is idempotent)."""
        doc = annotations.document_id
        for table in ("place_mentions", "actor_mentions", "event_mentions"):
            self._db.execute(f"DELETE FROM {table} WHERE document_id=?", (doc,))
        for text in annotations.texts:
            self._insert_places(doc, text.comment_position, text.places)
            self._insert_actors(doc, text.comment_position, text.actors)
        self._db.executemany(
            f"INSERT INTO event_mentions ({', '.join(_MENTION_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_MENTION_COLUMNS))})",
            [_mention_row(m) for m in annotations.events],
        )
        self._db.execute(
            "UPDATE documents SET annotated_version=? WHERE document_id=?",
            (annotations.version, doc),
        )

    def _insert_places(
        self, doc: str, position: int | None, places: Iterable[PlaceMention]
    ) -> None:
        self._db.executemany(
            "INSERT INTO place_mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (doc, position, p.start, p.end, p.text, p.name, p.place_id, p.latitude,
                 p.longitude, p.country, p.country_code, p.admin1, p.admin2, p.feature,
                 p.geo_precision, p.relation, p.score)
                for p in places
            ],
        )  # fmt: skip

    def _insert_actors(
        self, doc: str, position: int | None, actors: Iterable[ActorMention]
    ) -> None:
        self._db.executemany(
            "INSERT INTO actor_mentions VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (doc, position, a.start, a.end, a.text, a.actor, a.inter, a.country, int(a.generic))
                for a in actors
            ],
        )

    def assign_events(self, events: Sequence[Event]) -> None:
        """Store fused events and point their mentions at them (replacing earlier versions).

        The one place events are written: the filter columns and side rows (``derived``) are
        written with them. An upsert, not INSERT OR REPLACE, keeps the event's rowid, which
        keys its full-text row."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for event in events:
            facts = facts_by(self._db, "mention_id", event.mention_ids)
            derived = derive(event, [f for m in event.mention_ids for f in facts.get(m, [])])
            (row,) = self._db.execute(_UPSERT_EVENT, _event_row(event, derived, now)).fetchall()
            write_side(self._db, int(row[0]), event.event_id, derived)
            self._db.executemany(
                "UPDATE event_mentions SET event_id=? WHERE mention_id=?",
                [(event.event_id, m) for m in event.mention_ids],
            )

    def delete_all_events(self) -> None:
        self._db.execute("DELETE FROM events")
        self._db.execute("UPDATE event_mentions SET event_id = NULL")

    def delete_events(self, event_ids: Iterable[str]) -> None:
        self._db.executemany("DELETE FROM events WHERE event_id=?", [(e,) for e in event_ids])

    # -- reads --------------------------------------------------------------------------------

    def documents_needing(self, version: int) -> list[str]:
        rows = self._db.execute(
            "SELECT document_id FROM documents WHERE status='ok' AND"
            " (annotated_version IS NULL OR annotated_version < ?) ORDER BY rowid",
            (version,),
        )
        return [str(r[0]) for r in rows]

    def event_mentions(
        self, *, document_id: str | None = None, event_id: str | None = None
    ) -> list[EventMention]:
        where, params = _filter(document_id=document_id, event_id=event_id)
        rows = self._db.execute(f"SELECT record FROM event_mentions {where} ORDER BY rowid", params)
        return [mention_from(json.loads(r[0])) for r in rows]

    def mentions_by_event(
        self, event_ids: Sequence[str], *, include_comments: bool = True
    ) -> dict[str, list[EventMention]]:
        """The mentions of several events in one query, each event's in stored order."""
        found: dict[str, list[EventMention]] = {}
        if not event_ids:
            return found
        news_only = "" if include_comments else " AND in_comments = 0"
        rows = self._db.execute(
            f"SELECT event_id, record FROM event_mentions WHERE event_id IN"
            f" ({','.join('?' * len(event_ids))}){news_only} ORDER BY rowid",
            tuple(event_ids),
        )
        for event_id, record in rows:
            found.setdefault(str(event_id), []).append(mention_from(json.loads(record)))
        return found

    def events_by_id(self, event_ids: Sequence[str]) -> list[Event]:
        """These events (those that exist), in the order asked."""
        if not event_ids:
            return []
        rows = self._db.execute(
            f"SELECT event_id, record FROM events WHERE event_id IN"
            f" ({','.join('?' * len(event_ids))})",
            tuple(event_ids),
        )
        found = {str(r[0]): event_from(json.loads(r[1])) for r in rows}
        return [found[e] for e in event_ids if e in found]

    def outlet_terms(self) -> list[str]:
        """Every outlet name events are reported by, lower-cased (``event_terms``)."""
        rows = self._db.execute("SELECT DISTINCT term FROM event_terms WHERE kind = 'outlet'")
        return [str(r[0]) for r in rows]

    def events_reported_by(self, outlet_terms: Sequence[str]) -> list[str]:
        """Ids of events with a mention from one of these (lower-cased) outlet names."""
        if not outlet_terms:
            return []
        rows = self._db.execute(
            "SELECT DISTINCT event_id FROM event_terms WHERE kind = 'outlet' AND term IN"
            f" ({','.join('?' * len(outlet_terms))}) ORDER BY event_id",
            tuple(outlet_terms),
        )
        return [str(r[0]) for r in rows]

    def events(self, *, include_comment_only: bool = False) -> Iterator[Event]:
        where = "" if include_comment_only else "WHERE only_in_comments = 0"
        rows = self._db.execute(
            f"SELECT record FROM events {where} ORDER BY event_date IS NULL, event_date, event_id"
        )
        for row in rows:
            yield event_from(json.loads(row[0]))

    def event(self, event_id: str) -> Event | None:
        row = self._db.execute("SELECT record FROM events WHERE event_id=?", (event_id,)).fetchone()
        return None if row is None else event_from(json.loads(row[0]))

    def place_rows(self) -> Iterator[sqlite3.Row]:
        """Every place mention with its document's source, in document and text order."""
        cursor = self._db.execute(
            "SELECT p.*, d.source FROM place_mentions p JOIN documents d USING (document_id)"
            " ORDER BY d.rowid, p.comment_position IS NOT NULL, p.comment_position, p.start"
        )
        while rows := cursor.fetchmany(1000):  # bounded memory, and no cursor left open
            yield from rows


_EVENT_COLUMNS = (
    "event_id", "event_date", "event_type", "sub_event_type", "country", "admin1", "latitude",
    "longitude", "fatalities", "grade", "independent_sources", "only_in_comments", "record",
    "updated_at", "certainty", "background", "background_all",
)  # fmt: skip
_UPSERT_EVENT = (
    f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(_EVENT_COLUMNS))}) ON CONFLICT (event_id) DO UPDATE SET "
    + ", ".join(f"{c}=excluded.{c}" for c in _EVENT_COLUMNS[1:])
    + " RETURNING rowid"
)


def _event_row(event: Event, derived: Derived, now: str) -> tuple[Any, ...]:
    place = event.place
    return (
        event.event_id, event.event_date.isoformat() if event.event_date else None,
        event.event_type, event.sub_event_type, place.country if place else None,
        place.admin1 if place else None, place.latitude if place else None,
        place.longitude if place else None, event.fatalities, event.corroboration.grade,
        event.corroboration.independent_sources, int(derived.only_in_comments), to_json(event),
        now, derived.certainty, int(derived.background), int(derived.background_all),
    )  # fmt: skip


_MENTION_COLUMNS = (
    "mention_id", "document_id", "comment_position", "sentence_start", "sentence_end",
    "sentence", "event_type", "sub_event_type", "disorder_type", "actor1", "assoc_actor_1",
    "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "place", "date", "event_date",
    "fatalities", "casualties", "certainty", "attribution", "background", "in_comments", "notes",
    "score", "record",
)  # fmt: skip


def _mention_row(m: EventMention) -> tuple[Any, ...]:
    return (
        m.mention_id, m.document_id, m.comment_position, m.sentence_start, m.sentence_end,
        m.sentence, m.event_type, m.sub_event_type, m.disorder_type, m.actor1,
        json.dumps(list(m.assoc_actor_1)), m.inter1, m.actor2, json.dumps(list(m.assoc_actor_2)),
        m.inter2, m.interaction, to_json(m.place), to_json(m.date),
        m.date.value.isoformat() if m.date and m.date.value else None, m.fatalities,
        json.dumps(to_plain(list(m.casualties))), m.attribution.certainty.value,
        to_json(m.attribution), int(m.background), int(m.in_comments), m.notes, m.score,
        to_json(m),
    )  # fmt: skip


def _filter(**conditions: str | None) -> tuple[str, tuple[str, ...]]:
    pairs = [(k, v) for k, v in conditions.items() if v is not None]
    if not pairs:
        return "", ()
    return "WHERE " + " AND ".join(f"{k}=?" for k, _ in pairs), tuple(v for _, v in pairs)
