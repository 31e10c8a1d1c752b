"""Ledger schema as an ordered list of migrations. Each runs once, inside one transaction.

Never edit a released migration: append a new one. ``schema_migrations`` records which ran.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


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

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, raw inputs, comments, runs", _DOCUMENTS),
    Migration(2, "place, actor and event mentions; fused events", _ANNOTATIONS),
    Migration(3, "indexes for the event list and map at 100k events", _EVENT_INDEXES),
)
