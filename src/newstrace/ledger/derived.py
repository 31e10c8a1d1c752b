"""What every event filter needs, derived from an event and its mentions and stored beside it.

Actor, outlet, place, certainty, background and text filters once decoded each event's JSON
record and loaded its mentions (one query per event): 2–20 s per request at 100k events. These
columns and side rows let SQL answer them instead (``queries.sql_conditions``):

- ``events.certainty``; ``events.background`` (every news mention recalls history) and
  ``events.background_all`` (every mention, comments included — the filter's meaning when
  comment-only events are shown);
- ``event_terms(kind, term, event_id, news)``: lower-cased actor and outlet names, and place
  names (location, admin1, admin2) as ``place_key``s; ``news`` is 0 for an outlet only reader
  comments carry;
- ``events_fts``: the notes, the news sentences and the comment sentences, for ``text``.

``MentionStore.assign_events`` (the one place events are saved) and migration 4's backfill both
write through ``derive`` and ``write_side``; deleting an event deletes its side rows (a trigger).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newstrace.gazetteer.normalize import fold
from newstrace.ledger.codec import event_from
from newstrace.records import Event

# Events per backfill step: bounds memory (each holds its decoded record) at 100k events.
_BACKFILL_BATCH = 1000


_SEPARATORS = re.compile(r"[\W_]+")


def place_key(name: str) -> str:
    """A place name with case, accents, apostrophes and hyphens folded away, so "Al Qaim"
    finds the gazetteer's "Al Qā’im" and "Deir ez-Zor" finds "Deir-ez-Zor"."""
    return _SEPARATORS.sub(" ", fold(name)).strip()


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """The few fields of one mention that event filters look at."""

    in_comments: bool
    background: bool
    outlet: str | None
    sentence: str


@dataclass(frozen=True, slots=True)
class Derived:
    only_in_comments: bool
    certainty: str
    background: bool
    background_all: bool
    terms: tuple[tuple[str, str, bool], ...]  # (kind, lower-cased term, news)
    notes: str
    sentences: str  # news sentences, one per line
    comment_sentences: str


def derive(event: Event, facts: Sequence[MentionFacts]) -> Derived:
    news = [f for f in facts if not f.in_comments]
    comments = [f for f in facts if f.in_comments]
    return Derived(
        # No mentions at all (an event whose mentions were re-annotated away) is not
        # comment-only: the events table has always counted it as news.
        only_in_comments=bool(facts) and not news,
        certainty=event.certainty,
        background=all(f.background for f in news),
        background_all=all(f.background for f in facts),
        terms=_terms(event, facts),
        notes=event.notes,
        sentences="\n".join(f.sentence for f in news),
        comment_sentences="\n".join(f.sentence for f in comments),
    )


def _terms(event: Event, facts: Sequence[MentionFacts]) -> tuple[tuple[str, str, bool], ...]:
    actors = (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2)
    place = event.place
    places = (place.name, place.admin1, place.admin2) if place else ()
    outlets: dict[str, bool] = {}
    for f in facts:
        if f.outlet:
            key = f.outlet.lower()
            outlets[key] = outlets.get(key, False) or not f.in_comments
    terms = {("actor", name.lower()): True for name in actors if name}
    terms |= {("place", key): True for name in places if name and (key := place_key(name))}
    terms |= {("outlet", name): news for name, news in outlets.items()}
    return tuple((kind, term, news) for (kind, term), news in sorted(terms.items()))


def write_side(db: sqlite3.Connection, rowid: int, event_id: str, derived: Derived) -> None:
    """Replace the event's side rows (terms, full-text row keyed by the event's rowid)."""
    db.execute("DELETE FROM event_terms WHERE event_id=?", (event_id,))
    db.executemany(
        "INSERT INTO event_terms (kind, term, event_id, news) VALUES (?,?,?,?)",
        [(kind, term, event_id, int(news)) for kind, term, news in derived.terms],
    )
    db.execute("DELETE FROM events_fts WHERE rowid=?", (rowid,))
    db.execute(
        "INSERT INTO events_fts (rowid, notes, sentences, comment_sentences) VALUES (?,?,?,?)",
        (rowid, derived.notes, derived.sentences, derived.comment_sentences),
    )


_FACTS = (
    "SELECT {key}, in_comments, background, json_extract(record, '$.outlet'), sentence"
    " FROM event_mentions WHERE {key} IN ({marks}) ORDER BY rowid"
)


def facts_by(
    db: sqlite3.Connection, key: str, values: Sequence[str]
) -> dict[str, list[MentionFacts]]:
    """Mention facts grouped by ``key`` ('mention_id' or 'event_id'), in one query."""
    found: dict[str, list[MentionFacts]] = {}
    if not values:
        return found
    sql = _FACTS.format(key=key, marks=",".join("?" * len(values)))
    for value, in_comments, background, outlet, sentence in db.execute(sql, tuple(values)):
        facts = MentionFacts(bool(in_comments), bool(background), outlet, sentence)
        found.setdefault(str(value), []).append(facts)
    return found


def backfill(db: sqlite3.Connection) -> None:
    """Derive the filter columns of every stored event (migration 4), from its record and the
    mentions pointing at it — what the record-decoding filters used to read."""
    for batch in _event_batches(db):
        facts = facts_by(db, "event_id", [event.event_id for _, event in batch])
        for rowid, event in batch:
            derived = derive(event, facts.get(event.event_id, []))
            db.execute(
                "UPDATE events SET certainty=?, background=?, background_all=? WHERE rowid=?",
                (derived.certainty, derived.background, derived.background_all, rowid),
            )
            write_side(db, rowid, event.event_id, derived)


def _event_batches(db: sqlite3.Connection) -> Iterator[list[tuple[int, Event]]]:
    last = -1
    while True:
        rows = db.execute(
            "SELECT rowid, record FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (last, _BACKFILL_BATCH),
        ).fetchall()
        if not rows:
            return
        last = int(rows[-1][0])
        yield [(int(r[0]), event_from(json.loads(r[1]))) for r in rows]
