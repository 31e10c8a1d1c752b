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

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, raw inputs, comments, runs", _DOCUMENTS),
)
