"""Every event filter in SQL (migration 4): exact results on a small real ledger, the backfill of
a ledger created at version 3, paging after filtering, and re-grading after an outlet edit.

The ledger is written through the ledger's own API (``store_article``, ``MentionStore.replace``,
``assign_events``) with fictional reports; the version-3 ledger is written the way version 3
wrote events, then opened by the current code, which migrates it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from newstrace import queries
from newstrace.api.app import create_app
from newstrace.api.config import ApiConfig
from newstrace.api.regrade import regrade_outlet
from newstrace.ledger import schema
from newstrace.ledger import sqlite as ledger_sqlite
from newstrace.ledger.codec import to_json
from newstrace.ledger.sqlite import Ledger
from newstrace.outlets import OutletRegistry
from newstrace.records import (
    Article,
    Attribution,
    Certainty,
    Claimant,
    Comment,
    DocumentAnnotations,
    Event,
    EventMention,
    Extraction,
    Genre,
    InputKind,
    PlaceMention,
    sha256_hex,
)
from newstrace.settings import load_settings
from newstrace.stages.fuse import grade

NORTH, SOUTH, HOST = "Desk North (fictional)", "Desk South (fictional)", "Comment Host (fictional)"
TOKEN = "test-token-not-secret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# document → (outlet, body sentences, comment sentences)
DOCUMENTS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "f-north": (NORTH, (
        "Fictional test report: a drone strike hit a checkpoint near Tall ‘Afar on Monday.",
        "Fictional test report: in 2016 shelling destroyed the bridge in Hit.",
    ), ()),
    "f-south": (SOUTH, (
        "Fictional test report: drones struck Tall Afar, officials said.",
        "Fictional test report: fighters clashed in Homs overnight.",
    ), ()),
    "f-host": (HOST, ("Fictional test report: nothing else happened.",), (
        "Fictional reader comment: the Homs clash was years ago.",
        "Fictional reader comment: a zeppelin attack hit Raqqa.",
    )),
}  # fmt: skip


def _place(name: str, admin1: str, admin2: str | None = None) -> PlaceMention:
    return PlaceMention(0, len(name), name, name, None, 35.0, 40.0, "Syria", "SY", admin1, admin2,
                        "PPL", 1)  # fmt: skip


def _mention(doc: str, n: int, **fields: Any) -> EventMention:
    outlet, body, comments = DOCUMENTS[doc]
    position = fields.pop("comment_position", None)
    text = (body if position is None else comments)[n if position is None else position]
    start = 0 if position is not None else sum(len(s) + 1 for s in body[:n])
    certainty = fields.pop("certainty", Certainty.REPORTED)
    return EventMention(
        mention_id=f"{doc}:{position}:{n}", document_id=doc, sentence_start=start,
        sentence_end=start + len(text), sentence=text, event_type="Battles",
        sub_event_type="Armed clash", disorder_type="Political violence",
        attribution=Attribution(certainty, (Claimant("a local official", medium=outlet),), ()),
        outlet=outlet, published=date(2025, 1, 7), comment_position=position,
        in_comments=position is not None, **fields,
    )  # fmt: skip


MENTIONS = (
    _mention("f-north", 0, place=_place("Tall ‘Afar", "Ninewa")),
    _mention("f-south", 0, certainty=Certainty.ALLEGED),
    _mention("f-north", 1, background=True),
    _mention("f-south", 1),
    _mention("f-host", 0, comment_position=0, background=True),
    _mention("f-host", 1, comment_position=1, background=True),
)


def _event(event_id: str, mentions: tuple[int, ...], day: date | None, **fields: Any) -> Event:
    own = [MENTIONS[i] for i in mentions]
    return Event(
        event_id=event_id, mention_ids=tuple(m.mention_id for m in own), event_type="Battles",
        sub_event_type="Armed clash", disorder_type="Political violence",
        corroboration=grade(own, OutletRegistry.load()), event_date=day, **fields,
    )  # fmt: skip


EVENTS = (
    _event("ev-tall-afar", (0, 1), date(2025, 1, 6), actor1="Islamic State (Iraq)",
           actor2="Civilians (Iraq)", place=_place("Tall ‘Afar", "Ninewa", "Tall Afar District"),
           notes="Fictional drone strike near Tall Afar.", certainty="reported"),
    _event("ev-hit", (2,), date(2016, 5, 1), actor1="Military Forces of Iraq (2014-2018)",
           assoc_actor_1=("Police Forces of Iraq (2014-2018)",), place=_place("Hit", "Anbar"),
           notes="Fictional shelling of Hit, recalled.", certainty="asserted"),
    _event("ev-homs", (3, 4), None, actor1="QSD: Syrian Democratic Forces",
           place=_place("Homs", "Homs"), notes="Fictional clash in Homs.",
           certainty="unverified"),
    _event("ev-raqqa", (5,), date(2024, 3, 3), actor1="Rioters (Syria)",
           place=_place("Ar Raqqah", "Ar-Raqqa"), notes="Fictional comment-only attack.",
           certainty="alleged"),
)  # fmt: skip


def _store_documents(ledger: Ledger) -> None:
    run = ledger.start_run(["tests/test_event_filters.py (fictional)"])
    for doc, (outlet, body, comments) in DOCUMENTS.items():
        text = "\n".join(body)
        raw = text.encode("utf-8")
        extraction = Extraction(body=text, title=doc, outlet=outlet, method="verbatim",
                                comments=tuple(Comment(c) for c in comments))  # fmt: skip
        article = Article(doc, "fixture.jsonl", sha256_hex(raw), InputKind.ARTICLE_TEXT,
                          extraction, Genre.REPORT)  # fmt: skip
        ledger.store_article(article, raw, run, None)
        mine = tuple(m for m in MENTIONS if m.document_id == doc)
        ledger.mentions.replace(DocumentAnnotations(doc, 1, (), mine))


def build_current(path: Path) -> Path:
    with Ledger.open(path) as ledger, ledger.transaction():
        _store_documents(ledger)
        ledger.mentions.assign_events(EVENTS)
    return path


def build_version_3(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ledger as version 3 created and wrote it (its events INSERT, 14 columns)."""
    with monkeypatch.context() as patch:
        patch.setattr(ledger_sqlite, "MIGRATIONS", schema.MIGRATIONS[:3])
        with Ledger.open(path) as ledger, ledger.transaction():
            assert ledger.schema_version() == 3
            _store_documents(ledger)
            for event in EVENTS:
                _insert_v3(ledger.connection, event)
    return path


def _insert_v3(db: sqlite3.Connection, event: Event) -> None:
    place = event.place
    marks = ",".join("?" * len(event.mention_ids))
    only_comments = db.execute(
        f"SELECT min(in_comments) FROM event_mentions WHERE mention_id IN ({marks})",
        event.mention_ids,
    ).fetchone()[0]
    db.execute(
        "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (event.event_id, event.event_date.isoformat() if event.event_date else None,
         event.event_type, event.sub_event_type, place.country if place else None,
         place.admin1 if place else None, place.latitude if place else None,
         place.longitude if place else None, event.fatalities, event.corroboration.grade,
         event.corroboration.independent_sources, only_comments, to_json(event),
         datetime.now(UTC).isoformat()),
    )  # fmt: skip
    db.executemany(
        "UPDATE event_mentions SET event_id=? WHERE mention_id=?",
        [(event.event_id, m) for m in event.mention_ids],
    )


@pytest.fixture(params=["current", "migrated-from-3"])
def ledger(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Ledger]:
    path = tmp_path / "filters.db"
    if request.param == "current":
        build_current(path)
    else:
        build_version_3(path, monkeypatch)
    with Ledger.open(path) as opened:  # opening the version-3 ledger runs migration 4
        assert opened.schema_version() == 4
        yield opened


def ids(ledger: Ledger, **filters: Any) -> set[str]:
    return {e.event_id for e, _ in queries.select_events(ledger, queries.EventFilter(**filters))}


# (filter, ids without comment-only events and comment mentions, ids with them)
CASES: list[tuple[dict[str, Any], set[str], set[str]]] = [
    ({}, {"ev-tall-afar", "ev-hit", "ev-homs"}, {"ev-tall-afar", "ev-hit", "ev-homs", "ev-raqqa"}),
    ({"actor": "ISLAMIC state"}, {"ev-tall-afar"}, {"ev-tall-afar"}),
    ({"actor": "police forces"}, {"ev-hit"}, {"ev-hit"}),  # an associate actor
    ({"actor": "forces"}, {"ev-hit", "ev-homs"}, {"ev-hit", "ev-homs"}),
    ({"actor": "rioters"}, set(), {"ev-raqqa"}),
    ({"outlet": "desk north"}, {"ev-tall-afar", "ev-hit"}, {"ev-tall-afar", "ev-hit"}),
    ({"outlet": "Desk"}, {"ev-tall-afar", "ev-hit", "ev-homs"},
     {"ev-tall-afar", "ev-hit", "ev-homs"}),
    ({"outlet": "comment host"}, set(), {"ev-homs", "ev-raqqa"}),  # its mentions are comments
    ({"certainty": "reported"}, {"ev-tall-afar"}, {"ev-tall-afar"}),
    ({"certainty": "alleged"}, set(), {"ev-raqqa"}),
    ({"background": True}, {"ev-hit"}, {"ev-hit", "ev-raqqa"}),
    ({"background": False}, {"ev-tall-afar", "ev-homs"}, {"ev-tall-afar", "ev-homs"}),
    ({"text": "drone"}, {"ev-tall-afar"}, {"ev-tall-afar"}),  # notes, and "drones" as prefix
    ({"text": "checkpoint near TALL afar"}, {"ev-tall-afar"}, {"ev-tall-afar"}),
    ({"text": "zeppelin"}, set(), {"ev-raqqa"}),  # only a comment sentence says it
    ({"text": "years ago"}, set(), {"ev-homs"}),
    ({"text": "rone"}, set(), set()),  # whole words: no substring inside a word
    ({"text": "!!"}, set(), set()),
    ({"text": 'bridge" OR "drone'}, set(), set()),  # quotes cannot inject FTS syntax
    ({"place": "tall afar"}, {"ev-tall-afar"}, {"ev-tall-afar"}),
    ({"place": "NINEWA"}, {"ev-tall-afar"}, {"ev-tall-afar"}),
    ({"place": "Tall Afar District"}, {"ev-tall-afar"}, {"ev-tall-afar"}),
    ({"place": "anbar"}, {"ev-hit"}, {"ev-hit"}),
    ({"place": "hom"}, set(), set()),  # a whole name, not a prefix
    ({"place": "ar raqqa"}, set(), {"ev-raqqa"}),
    ({"place": "homs", "actor": "qsd", "text": "clash"}, {"ev-homs"}, {"ev-homs"}),
    ({"place": "homs", "certainty": "reported"}, set(), set()),
]  # fmt: skip


@pytest.mark.parametrize(("params", "news", "everything"), CASES, ids=lambda v: str(v))
def test_each_filter_returns_exactly_the_expected_events(
    ledger: Ledger, params: dict[str, Any], news: set[str], everything: set[str]
) -> None:
    assert ids(ledger, **params) == news
    assert ids(ledger, **params, include_comments=True) == everything


def test_mentions_come_with_their_event_and_respect_comments(ledger: Ledger) -> None:
    found = dict(queries.select_events(ledger, queries.EventFilter(include_comments=True)))
    by_id = {e.event_id: [m.mention_id for m in ms] for e, ms in found.items()}
    assert by_id == {e.event_id: list(e.mention_ids) for e in EVENTS}
    news = {e.event_id: ms for e, ms in queries.select_events(ledger, queries.EventFilter())}
    assert [m.mention_id for m in news["ev-homs"]] == [MENTIONS[3].mention_id]


def test_paging_applies_after_filtering(ledger: Ledger) -> None:
    wanted = queries.EventFilter(outlet="desk")
    ordered = [e.event_id for e, _ in queries.select_events(ledger, wanted)]
    assert ordered == ["ev-hit", "ev-tall-afar", "ev-homs"]  # by date, undated last
    pages = [
        [e.event_id for e, _ in queries.select_events(ledger, replace(wanted, limit=1, offset=k))]
        for k in range(4)
    ]
    assert pages == [["ev-hit"], ["ev-tall-afar"], ["ev-homs"], []]


def test_backfill_equals_what_the_write_path_derives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = build_current(tmp_path / "fresh.db")
    old = build_version_3(tmp_path / "old.db", monkeypatch)
    with Ledger.open(fresh) as a, Ledger.open(old) as b:
        for sql in (
            "SELECT event_id, certainty, background, background_all, only_in_comments"
            " FROM events ORDER BY event_id",
            "SELECT kind, term, event_id, news FROM event_terms ORDER BY 1, 2, 3",
            "SELECT e.event_id, f.notes, f.sentences, f.comment_sentences FROM events_fts f"
            " JOIN events e ON e.rowid = f.rowid ORDER BY 1",
        ):
            rows = [tuple(r) for r in a.connection.execute(sql)]
            assert rows and rows == [tuple(r) for r in b.connection.execute(sql)], sql


def test_rewriting_and_deleting_events_keeps_the_side_tables_in_step(ledger: Ledger) -> None:
    db = ledger.connection
    moved = replace(EVENTS[1], place=_place("Ramadi", "Anbar"), notes="Fictional, rewritten.")
    with ledger.transaction():
        ledger.mentions.assign_events([moved])
    assert ids(ledger, place="ramadi") == {"ev-hit"} and ids(ledger, place="hit") == set()
    assert ids(ledger, text="rewritten") == {"ev-hit"}
    assert ids(ledger, text="shelling") == {"ev-hit"}  # its sentence is still there
    with ledger.transaction():
        ledger.mentions.delete_events(["ev-hit"])
    assert ids(ledger, place="ramadi") == set()
    assert db.execute("SELECT count(*) FROM event_terms WHERE event_id='ev-hit'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM events_fts").fetchone()[0] == len(EVENTS) - 1
    with ledger.transaction():
        ledger.mentions.delete_all_events()
    assert db.execute("SELECT count(*) FROM event_terms").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM events_fts").fetchone()[0] == 0


# -- outlet label edits re-grade ------------------------------------------------------------------

SAME_DESK = {
    "name": NORTH,
    "aliases": [SOUTH],  # the user finds both desks are one newsroom: one source, not two
    "affiliation": "independent",
    "basis": "fictional test label",
}


def test_regrade_outlet_changes_only_what_the_edit_changes(tmp_path: Path) -> None:
    before = OutletRegistry.load()
    user_file = tmp_path / "outlets.yaml"
    entry = {"id": "desk-north", **SAME_DESK}
    user_file.write_text(yaml.safe_dump({"version": 1, "outlets": [entry]}), encoding="utf-8")
    after = OutletRegistry.load([user_file])
    with Ledger.open(build_current(tmp_path / "regrade.db")) as ledger:
        assert ledger.mentions.event("ev-tall-afar").corroboration.grade == "corroborated"  # type: ignore[union-attr]
        assert regrade_outlet(ledger, "desk-north", before, after) == 1
        event = ledger.mentions.event("ev-tall-afar")
        assert event is not None and event.corroboration.grade == "single_source"
        assert event.corroboration.independent_sources == 1
        assert ids(ledger, grade="single_source") == {"ev-tall-afar", "ev-hit", "ev-homs"}
        assert regrade_outlet(ledger, "desk-north", after, after) == 0  # already current


def test_outlet_edit_through_the_api_regrades_at_once(tmp_path: Path) -> None:
    settings = load_settings().with_overrides(db=build_current(tmp_path / "api.db"))
    app = create_app(settings, ApiConfig(settings, TOKEN, tmp_path / "user-outlets.yaml"))
    with TestClient(app) as client:

        def graded(grade: str) -> set[str]:
            events = client.get("/api/events", params={"grade": grade}).json()["events"]
            return {e["event_id"] for e in events}

        assert "ev-tall-afar" in graded("corroborated")
        response = client.put("/api/outlets/desk-north", json=SAME_DESK, headers=AUTH)
        assert response.status_code == 200, response.text
        assert response.json()["regraded"] == 1
        detail = client.get("/api/events/ev-tall-afar").json()
        assert detail["corroboration"]["grade"] == "single_source"
        assert "ev-tall-afar" in graded("single_source") and not graded("corroborated")
        assert "Grade: single source" in client.get("/events/ev-tall-afar").text
        counts = {g["value"]: g["count"] for g in client.get("/api/facets").json()["grades"]}
        assert counts["corroborated"] == 0
        apart = {**SAME_DESK, "aliases": []}  # undo: two sources again
        assert (
            client.put("/api/outlets/desk-north", json=apart, headers=AUTH).json()["regraded"] == 1
        )
        assert "ev-tall-afar" in graded("corroborated")


def test_place_filter_through_the_api_and_escaped_in_the_page(tmp_path: Path) -> None:
    settings = load_settings().with_overrides(db=build_current(tmp_path / "place.db"))
    with TestClient(create_app(settings, ApiConfig(settings, None))) as client:
        for path in ("/api/events", "/api/map", "/api/facets"):
            assert client.get(path, params={"place": "Tall Afar"}).json()["total"] == 1, path
        geo = client.get("/api/events.geojson", params={"place": "anbar"}).json()
        assert [f["properties"]["event_id"] for f in geo["features"]] == ["ev-hit"]
        csv_rows = client.get("/api/events.csv", params={"place": "homs"}).text.splitlines()
        assert len(csv_rows) == 2 and "ev-homs" in csv_rows[1]
        hostile = "<script>window.__xss=1</script>"
        page = client.get("/", params={"place": hostile}).text
        assert "<script>window.__xss" not in page and "&lt;script&gt;window.__xss" in page
        assert client.get("/api/events", params={"place": hostile}).json()["total"] == 0
