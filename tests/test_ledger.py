"""The SQLite ledger: migrations, idempotent storage, failures, FTS, WAL durability."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from newstrace.errors import Reason
from newstrace.ledger.sqlite import Ledger
from newstrace.records import (
    Article,
    Attribution,
    CasualtyCount,
    Certainty,
    Claimant,
    Comment,
    DateMention,
    DocumentAnnotations,
    EventMention,
    Extraction,
    Failure,
    Genre,
    InputKind,
    PlaceMention,
    TextAnnotations,
    sha256_hex,
)

BODY = "Fictional test report: a newstrace fixture about a market in Homs. Nothing here happened."


def make_article(document_id: str = "doc-1", body: str = BODY) -> tuple[Article, bytes]:
    raw = body.encode("utf-8")
    extraction = Extraction(
        body=body,
        title="A fictional headline",
        outlet="newstrace demo (fictional)",
        comments=(
            Comment(text="A fictional comment.", author="Reader One", published="2025-01-02"),
        ),
        method="verbatim",
    )
    article = Article(
        document_id=document_id,
        source="fixture.jsonl",
        sha256=sha256_hex(raw),
        kind=InputKind.ARTICLE_TEXT,
        extraction=extraction,
        genre=Genre.REPORT,
        locator="line 1",
    )
    return article, raw


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    opened = Ledger.open(tmp_path / "ledger.db")
    yield opened
    opened.close()


def test_open_applies_migrations_once(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path) as first:
        version = first.schema_version()
        assert version >= 1
        assert first.migrate() == []  # nothing pending the second time
    with Ledger.open(path) as again:
        assert again.schema_version() == version


def test_wal_and_foreign_keys(ledger: Ledger) -> None:
    conn = sqlite3.connect(ledger.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_store_and_read_back_article(ledger: Ledger) -> None:
    article, raw = make_article()
    run = ledger.start_run(["fixture.jsonl"])
    with ledger.transaction():
        ledger.store_article(article, raw, run, signature=None)
    stored = ledger.document("doc-1")
    assert stored is not None
    assert stored.status == "ok"
    assert stored.body == BODY
    assert stored.comments[0].author == "Reader One"
    assert ledger.document_with_bytes(article.sha256) == "doc-1"
    assert ledger.raw_bytes(article.sha256) == raw  # raw bytes kept, compressed, re-derivable


def test_failed_input_is_refreshed_not_duplicated_and_replaced_on_success(ledger: Ledger) -> None:
    run = ledger.start_run(["x"])
    failure = Failure(
        source="fixture.jsonl",
        reason=Reason.MISSING_BODY,
        message="no text",
        locator="line 1",
        document_id="doc-1",
    )
    with ledger.transaction():
        ledger.store_failure(failure, run)
        ledger.store_failure(failure, run)
    assert ledger.counts() == {"failed:missing_body": 1}
    article, raw = make_article()
    with ledger.transaction():
        ledger.store_article(article, raw, run, signature=None)
    assert ledger.counts() == {"ok": 1}


def test_full_text_search_finds_body_words(ledger: Ledger) -> None:
    article, raw = make_article()
    with ledger.transaction():
        ledger.store_article(article, raw, ledger.start_run([]), signature=None)
    hits = ledger.search("market Homs")
    assert hits and hits[0][0] == "doc-1"
    assert "[" in hits[0][1]  # highlighted snippet
    assert ledger.search("Aleppo") == []


def test_rolled_back_transaction_stores_nothing(ledger: Ledger) -> None:
    article, raw = make_article()
    with pytest.raises(RuntimeError), ledger.transaction():
        ledger.store_article(article, raw, ledger.start_run([]), signature=None)
        raise RuntimeError("interrupted")
    assert ledger.document("doc-1") is None


def test_killed_writer_leaves_committed_data_intact(tmp_path: Path) -> None:
    """A process killed inside a transaction loses only that transaction."""
    path = tmp_path / "killed.db"
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from newstrace.ledger.sqlite import Ledger
        from tests.test_ledger import make_article
        ledger = Ledger.open(Path({str(path)!r}))
        run = ledger.start_run([])
        a, raw = make_article("committed")
        with ledger.transaction():
            ledger.store_article(a, raw, run, None)
        ledger._db.execute("BEGIN IMMEDIATE")
        b, raw_b = make_article("uncommitted", body="Fictional second body, never committed.")
        ledger.store_article(b, raw_b, run, None)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", script], cwd=root, check=False)
    assert result.returncode != 0
    with Ledger.open(path) as reopened:
        assert reopened.document("committed") is not None
        assert reopened.document("uncommitted") is None
        assert reopened._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_reader_sees_consistent_snapshot_while_writer_holds_transaction(ledger: Ledger) -> None:
    article, raw = make_article()
    reader = sqlite3.connect(ledger.path)
    with ledger.transaction():
        ledger.store_article(article, raw, ledger.start_run([]), signature=None)
        # Not committed yet: a concurrent reader is not blocked and does not see it.
        assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    reader.close()


def make_mention(document_id: str = "doc-1") -> EventMention:
    place = PlaceMention(
        start=40, end=46, text="Palmyra", name="Tadmur", place_id="geonames:170183",
        latitude=34.56, longitude=38.28, country="Syria", country_code="SY", admin1="Homs",
        admin2=None, feature="PPLA2", geo_precision=1, relation="near",
    )  # fmt: skip
    return EventMention(
        mention_id=f"{document_id}:0-80:armed-clash",
        document_id=document_id,
        sentence_start=0,
        sentence_end=80,
        sentence=BODY,
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        attribution=Attribution(
            certainty=Certainty.REPORTED,
            claimed_by=(Claimant(text="a local official", role="official"),),
            cues=("told",),
        ),
        actor1="Unidentified Armed Group (Syria)",
        assoc_actor_1=("Civilians (Syria)",),
        place=place,
        date=DateMention(start=50, end=60, text="on Monday", value=date(2025, 1, 6),
                         precision=1, relative=True),
        fatalities=2,
        casualties=(CasualtyCount(start=61, end=70, text="2 killed", outcome="killed", value=2),),
        published=date(2025, 1, 7),
    )  # fmt: skip


def test_annotations_round_trip_and_replace(ledger: Ledger) -> None:
    article, raw = make_article()
    mention = make_mention()
    annotations = DocumentAnnotations(
        document_id="doc-1",
        version=3,
        texts=(TextAnnotations(comment_position=None, places=(mention.place,)),),  # type: ignore[arg-type]
        events=(mention,),
    )
    with ledger.transaction():
        ledger.store_article(article, raw, ledger.start_run([]), signature=None)
        ledger.mentions.replace(annotations)
        ledger.mentions.replace(annotations)  # idempotent: replaces, never duplicates
    assert ledger.mentions.event_mentions(document_id="doc-1") == [mention]
    assert len(list(ledger.mentions.place_rows())) == 1
    assert ledger.mentions.documents_needing(3) == []
    assert ledger.mentions.documents_needing(4) == ["doc-1"]
