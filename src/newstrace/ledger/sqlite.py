"""The embedded SQLite ledger: one writer, WAL for concurrent readers, migrations, FTS5.

A killed process loses at most the open transaction; WAL keeps readers consistent meanwhile.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newstrace.ledger.mentions import MentionStore
from newstrace.ledger.schema import MIGRATIONS
from newstrace.records import Article, Comment, Failure, StoredDocument, sha256_hex

# 5 s: long enough for a reader's snapshot or another writer's batch commit to finish.
_BUSY_TIMEOUT_MS = 5000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class RunCounts:
    stored: int = 0
    unchanged: int = 0
    failed: int = 0


class Ledger:
    """Typed access to the ledger database. Build it with ``Ledger.open(path)``."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self.mentions = MentionStore(connection)

    @classmethod
    def open(cls, path: Path) -> Ledger:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.row_factory = sqlite3.Row
        for pragma in (
            "journal_mode=WAL",
            "synchronous=NORMAL",  # WAL + NORMAL: durable at checkpoint, never corrupt
            "foreign_keys=ON",
            f"busy_timeout={_BUSY_TIMEOUT_MS}",
        ):
            connection.execute(f"PRAGMA {pragma}")
        ledger = cls(connection, path)
        ledger.migrate()
        return ledger

    def close(self) -> None:
        self._db.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read queries (``newstrace.queries``)."""
        return self._db

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------------

    def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction; returns the versions applied."""
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        applied = []
        for migration in MIGRATIONS:
            if migration.version in done:
                continue
            with self.transaction():
                for statement in _split_sql(migration.sql):
                    self._db.execute(statement)
                if migration.backfill is not None:
                    migration.backfill(self._db)
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )
            applied.append(migration.version)
        return applied

    def schema_version(self) -> int:
        row = self._db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, targets: Sequence[str]) -> int:
        cursor = self._db.execute(
            "INSERT INTO runs (started_at, targets) VALUES (?, ?)",
            (_now(), json.dumps(list(targets))),
        )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, counts: RunCounts) -> None:
        self._db.execute(
            "UPDATE runs SET finished_at=?, stored=?, unchanged=?, failed=? WHERE run_id=?",
            (_now(), counts.stored, counts.unchanged, counts.failed, run_id),
        )

    # -- writes -------------------------------------------------------------------------------

    def document_with_bytes(self, sha256: str) -> str | None:
        """The id of the stored ok document with exactly these bytes, if any."""
        row = self._db.execute(
            "SELECT document_id FROM documents WHERE sha256=? AND status='ok'", (sha256,)
        ).fetchone()
        return None if row is None else str(row[0])

    def ok_document_sha(self, document_id: str) -> str | None:
        """The sha256 of the ok document stored under this id, if any."""
        row = self._db.execute(
            "SELECT sha256 FROM documents WHERE document_id=? AND status='ok'", (document_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def ok_document_exists(self, document_id: str) -> bool:
        return self.ok_document_sha(document_id) is not None

    def store_article(
        self, article: Article, raw: bytes, run_id: int, signature: bytes | None
    ) -> None:
        """Insert one extracted document with its raw bytes and comments; replaces earlier
        failures of the same input (a re-run that now succeeds)."""
        self._store_raw(article.sha256, raw, truncated=False)
        self._db.execute(
            "DELETE FROM documents WHERE status='failed' AND "
            "(document_id=? OR (source=? AND locator=?))",
            (article.document_id, article.source, article.locator or ""),
        )
        found = article.extraction
        self._db.execute(
            "INSERT INTO documents (document_id, sha256, source, locator, kind, url, title, outlet,"
            " author, published, language, genre, body, extractor, duplicate_of, status, run_id,"
            " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'ok',?,?)",
            (
                article.document_id, article.sha256, article.source, article.locator or "",
                article.kind.value, found.url, found.title, found.outlet, found.author,
                found.published.isoformat() if found.published else None, found.language,
                article.genre.value, found.body, found.method, article.duplicate_of, run_id, _now(),
            ),
        )  # fmt: skip
        self._db.executemany(
            "INSERT INTO comments VALUES (?,?,?,?,?)",
            [
                (article.document_id, i, c.author, c.published, c.text)
                for i, c in enumerate(found.comments)
            ],
        )
        if signature is not None:
            self._db.execute(
                "INSERT INTO minhashes VALUES (?, ?)", (article.document_id, signature)
            )

    def store_failure(self, failure: Failure, run_id: int) -> str:
        """Record (or refresh) a failed input; returns the document id it is recorded under."""
        document_id = failure_document_id(failure, self.ok_document_exists)
        if failure.raw:
            sha = failure.sha256 or sha256_hex(failure.raw)
            self._store_raw(sha, failure.raw, truncated=failure.sha256 not in (None, sha))
        else:
            sha = None
        self._db.execute(
            "INSERT OR REPLACE INTO documents (document_id, sha256, source, locator, status,"
            " reason, message, run_id, ingested_at) VALUES (?,?,?,?,'failed',?,?,?,?)",
            (
                document_id, sha, failure.source, failure.locator or "", failure.reason.value,
                failure.message, run_id, _now(),
            ),
        )  # fmt: skip
        return document_id

    def _store_raw(self, sha256: str, raw: bytes, *, truncated: bool) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO raw_inputs VALUES (?, ?, 'zlib', ?, ?)",
            (sha256, len(raw), zlib.compress(raw, 6), int(truncated)),
        )

    # -- reads --------------------------------------------------------------------------------

    def raw_bytes(self, sha256: str) -> bytes | None:
        row = self._db.execute("SELECT data FROM raw_inputs WHERE sha256=?", (sha256,)).fetchone()
        return None if row is None else zlib.decompress(row[0])

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self._db.execute("SELECT document_id, signature FROM minhashes ORDER BY rowid"):
            yield str(row[0]), bytes(row[1])

    def duplicate_root(self, document_id: str) -> str:
        """Follow duplicate_of links to the first stored copy."""
        row = self._db.execute(
            "SELECT duplicate_of FROM documents WHERE document_id=?", (document_id,)
        ).fetchone()
        return document_id if row is None or row[0] is None else str(row[0])

    def documents(self, status: str | None = None) -> Iterator[StoredDocument]:
        """All documents in ingest order, with their comments."""
        where, params = ("WHERE status=?", (status,)) if status else ("", ())
        rows = self._db.execute(f"SELECT * FROM documents {where} ORDER BY rowid", params)
        for row in rows.fetchall():
            yield self._stored(row)

    def document(self, document_id: str) -> StoredDocument | None:
        row = self._db.execute(
            "SELECT * FROM documents WHERE document_id=?", (document_id,)
        ).fetchone()
        return None if row is None else self._stored(row)

    def _stored(self, row: sqlite3.Row) -> StoredDocument:
        comments = tuple(
            Comment(text=c["text"], author=c["author"], published=c["published"])
            for c in self._db.execute(
                "SELECT author, published, text FROM comments WHERE document_id=?"
                " ORDER BY position",
                (row["document_id"],),
            )
        )
        fields = {k: row[k] for k in StoredDocument.__dataclass_fields__ if k in set(row.keys())}
        return StoredDocument(**fields, comments=comments)

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(document_id, highlighted snippet) for an FTS5 query over titles and bodies."""
        rows = self._db.execute(
            "SELECT d.document_id, snippet(documents_fts, 1, '[', ']', '…', 12) FROM documents_fts"
            " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
            " ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def document_sources(self, document_ids: Collection[str] | None = None) -> dict[str, str]:
        """document_id → source as the user gave it (path or URL); all documents, or these."""
        if document_ids is None:
            rows = self._db.execute("SELECT document_id, source FROM documents")
        else:
            ids = sorted(set(document_ids))
            rows = self._db.execute(
                "SELECT document_id, source FROM documents"
                f" WHERE document_id IN ({','.join('?' * len(ids))})",
                ids,
            )
        return {str(r[0]): str(r[1]) for r in rows}

    def counts(self) -> dict[str, int]:
        """Documents by status and failure reason, e.g. {'ok': 10, 'failed:binary_content': 1}."""
        rows = self._db.execute(
            "SELECT status, reason, count(*) FROM documents GROUP BY status, reason"
        )
        return {(r[0] if r[1] is None else f"{r[0]}:{r[1]}"): int(r[2]) for r in rows}


def failure_document_id(failure: Failure, ok_exists: Callable[[str], bool]) -> str:
    """Stable id for a failed input so a re-run refreshes its row instead of adding one.

    A JSONL id is kept unless an ok document already holds it (then the failure is a duplicate
    id and gets a suffixed id of its own)."""
    if failure.document_id and not ok_exists(failure.document_id):
        return failure.document_id
    basis = f"{failure.source}\n{failure.locator or ''}\n{failure.sha256 or ''}"
    return f"failed-{sha256_hex(basis.encode('utf-8'))[:16]}"


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN … END;) whole."""
    statements, current = [], []
    for line in script.splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements
