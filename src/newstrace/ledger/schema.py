"""Ledger schema as an ordered list of migrations. Each runs once, inside one transaction.

Never edit a released migration: append a new one. ``schema_migrations`` records which ran.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from newstrace.ledger.derived import backfill as derive_event_filters


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str
    # Runs after ``sql`` in the same transaction: fills new columns from what is stored.
    backfill: Callable[[sqlite3.Connection], None] | None = None


_DOCUMENTS = """
CREATE TABLE runs (
    run_id       INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    targets      TEXT NOT NULL,            -- JSON list as the user gave it
    stored       INTEGER NOT NULL DEFAULT 0,
    unchanged    INTEGER NOT NULL DEFAULT 0,
    failed       INTEGER NOT NULL DEFAULT 0
);

-- Every input's bytes, compressed, addressed by sha256: any result can be re-derived from here.
CREATE TABLE raw_inputs (
    sha256       TEXT PRIMARY KEY,
    size         INTEGER NOT NULL,
    codec        TEXT NOT NULL,             -- 'zlib'
    data         BLOB NOT NULL,
    truncated    INTEGER NOT NULL DEFAULT 0 -- failed inputs keep a capped prefix only
);

CREATE TABLE documents (
    document_id  TEXT PRIMARY KEY,
    sha256       TEXT REFERENCES raw_inputs(sha256),
    source       TEXT NOT NULL,             -- path or URL as given
    locator      TEXT NOT NULL DEFAULT '',  -- position inside a container ('line 3', 'record 2')
    kind         TEXT,
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    author       TEXT,
    published    TEXT,                      -- ISO date or NULL
    language     TEXT,
    genre        TEXT,
    body         TEXT,                      -- clean article text; every span offsets into it
    extractor    TEXT,
    duplicate_of TEXT REFERENCES documents(document_id),
    status       TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    reason       TEXT,                      -- errors.Reason value when failed
    message      TEXT,
    run_id       INTEGER REFERENCES runs(run_id),
    ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_sha ON documents(sha256);
CREATE INDEX documents_source ON documents(source, locator);
CREATE INDEX documents_status ON documents(status, reason);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet);

CREATE TABLE comments (
    document_id  TEXT NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,          -- order in the thread, 0-based
    author       TEXT,
    published    TEXT,
    text         TEXT NOT NULL,
    PRIMARY KEY (document_id, position)
);

-- MinHash signatures, so near-duplicate detection is incremental across runs.
CREATE TABLE minhashes (
    document_id  TEXT PRIMARY KEY REFERENCES documents(document_id) ON DELETE CASCADE,
    signature    BLOB NOT NULL
);

-- Full-text search over clean text (external content: no second copy of the bodies).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content='documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
"""

_ANNOTATIONS = """
-- Which annotator version last annotated a document: a newer version re-annotates on demand.
ALTER TABLE documents ADD COLUMN annotated_version INTEGER;

-- Spans of a text: the body (comment_position IS NULL) or one comment (its position).
CREATE TABLE place_mentions (
    document_id      TEXT NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    comment_position INTEGER,
    start            INTEGER NOT NULL,
    end              INTEGER NOT NULL,
    text             TEXT NOT NULL,
    name             TEXT NOT NULL,
    place_id         TEXT,
    latitude         REAL,
    longitude        REAL,
    country          TEXT,
    country_code     TEXT,
    admin1           TEXT,
    admin2           TEXT,
    feature          TEXT NOT NULL,
    geo_precision    INTEGER NOT NULL,
    relation         TEXT,
    score            REAL NOT NULL DEFAULT 0
);
CREATE INDEX place_mentions_document ON place_mentions(document_id, comment_position, start);
CREATE INDEX place_mentions_place ON place_mentions(place_id);

CREATE TABLE actor_mentions (
    document_id      TEXT NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    comment_position INTEGER,
    start            INTEGER NOT NULL,
    end              INTEGER NOT NULL,
    text             TEXT NOT NULL,
    actor            TEXT NOT NULL,
    inter            INTEGER NOT NULL,
    country          TEXT,
    generic          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actor_mentions_document ON actor_mentions(document_id, comment_position, start);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor);

-- One row per report of an event in a document. Columns to filter on, and the whole record.
CREATE TABLE event_mentions (
    mention_id       TEXT PRIMARY KEY,
    document_id      TEXT NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    comment_position INTEGER,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    sentence         TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    sub_event_type   TEXT NOT NULL,
    disorder_type    TEXT NOT NULL,
    actor1           TEXT,
    assoc_actor_1    TEXT NOT NULL DEFAULT '[]',
    inter1           INTEGER,
    actor2           TEXT,
    assoc_actor_2    TEXT NOT NULL DEFAULT '[]',
    inter2           INTEGER,
    interaction      INTEGER,
    place            TEXT,                  -- JSON PlaceMention or NULL
    date             TEXT,                  -- JSON DateMention or NULL
    event_date       TEXT,                  -- ISO date or NULL (year unknown: never invented)
    fatalities       INTEGER,
    casualties       TEXT NOT NULL DEFAULT '[]',
    certainty        TEXT NOT NULL,
    attribution      TEXT NOT NULL,         -- JSON Attribution
    background       INTEGER NOT NULL DEFAULT 0,
    in_comments      INTEGER NOT NULL DEFAULT 0,
    notes            TEXT NOT NULL DEFAULT '',
    score            REAL NOT NULL DEFAULT 0,
    record           TEXT NOT NULL,         -- JSON EventMention
    event_id         TEXT                   -- the fused event it belongs to
);
CREATE INDEX event_mentions_document ON event_mentions(document_id);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_date ON event_mentions(event_date);

-- Fused events: columns to filter on, and the reconciled Event record as JSON.
CREATE TABLE events (
    event_id            TEXT PRIMARY KEY,
    event_date          TEXT,
    event_type          TEXT NOT NULL,
    sub_event_type      TEXT NOT NULL,
    country             TEXT,
    admin1              TEXT,
    latitude            REAL,
    longitude           REAL,
    fatalities          INTEGER,
    grade               TEXT NOT NULL,
    independent_sources INTEGER NOT NULL,
    only_in_comments    INTEGER NOT NULL DEFAULT 0,
    record              TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_type ON events(event_type, sub_event_type);
CREATE INDEX events_grade ON events(grade);
CREATE INDEX events_geo ON events(latitude, longitude);
"""

# Measured by bench/api_latency.py at 100k events: the list's ORDER BY sorted every row with its
# JSON record (p95 416 ms); with these, p95 63 ms, and the filtered map/timeline stay < 150 ms.
_EVENT_INDEXES = """
-- Leads with only_in_comments: the list always filters on it, and an index that does not
-- start with it loses to events_cover and leaves a sort of every row.
CREATE INDEX events_order ON events(only_in_comments, event_date IS NULL, event_date, event_id);
CREATE INDEX events_cover ON events(
    only_in_comments, event_date, event_type, sub_event_type, grade, country, latitude, longitude
);
"""

# Every event filter in SQL (``ledger.derived`` says what each column holds). Measured by
# bench/api_latency.py at 100k events: actor, outlet, certainty, background and text filters
# decoded every record (p95 2–20 s); with these each list request is under 300 ms.
_EVENT_FILTERS = """
ALTER TABLE events ADD COLUMN certainty TEXT;
ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN background_all INTEGER NOT NULL DEFAULT 0;

-- Lower-cased names per event: kind 'actor' | 'outlet' | 'place'. news = 0 for an outlet that
-- only reader comments carry. The key serves place equality; actor and outlet substrings scan
-- one kind's range (~2 rows per event), far less than decoding records.
CREATE TABLE event_terms (
    kind     TEXT NOT NULL,
    term     TEXT NOT NULL,
    event_id TEXT NOT NULL,
    news     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (kind, term, event_id)
) WITHOUT ROWID;
CREATE INDEX event_terms_event ON event_terms(event_id);

-- Notes, news sentences and comment sentences of each event; rowid = events.rowid (kept
-- stable: events are upserted, never replaced).
CREATE VIRTUAL TABLE events_fts USING fts5(
    notes, sentences, comment_sentences, tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER events_derived_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_terms WHERE event_id = old.event_id;
    DELETE FROM events_fts WHERE rowid = old.rowid;
END;

-- The list walks this index in date order and checks each filter on the index entry alone:
-- with the new columns in it, a filter that matches few events never reads the wide rows
-- (each carries its JSON record), and counting stays an index-only scan.
DROP INDEX events_order;
CREATE INDEX events_order ON events(
    only_in_comments, event_date IS NULL, event_date, event_id, certainty, background,
    background_all
);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, raw inputs, comments, runs", _DOCUMENTS),
    Migration(2, "place, actor and event mentions; fused events", _ANNOTATIONS),
    Migration(3, "indexes for the event list and map at 100k events", _EVENT_INDEXES),
    Migration(4, "every event filter in SQL", _EVENT_FILTERS, derive_event_filters),
)
