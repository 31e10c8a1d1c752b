"""Event, place and annotate commands end to end over the bundled fictional demo corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newstrace.cli import DEMO_INPUTS, demo_targets
from newstrace.exports import ACLED_COLUMNS, EVENT_FIELDS, PLACE_FIELDS
from tests.test_cli import run

MENTION_FIELDS = [
    "document_id", "source", "outlet", "published", "sentence", "start", "end", "in_comments",
    "background", "claimed_by", "certainty",
]  # fmt: skip
CERTAINTIES = {"asserted", "reported", "alleged", "unverified", "denied", "hypothetical", "future"}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "ledger.db"
    corpus = [str(p) for p in demo_targets(Path("/nonexistent"))]
    assert len(corpus) == len(DEMO_INPUTS)
    result = run("ingest", *corpus, "--quiet", db=db)
    assert result.returncode == 0, result.stderr
    return db


def export(db: Path, *args: str) -> str:
    result = run("export", *args, db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_events_follow_the_contract(demo_db: Path) -> None:
    events = [json.loads(line) for line in export(demo_db, "events").splitlines()]
    assert events, "the demo corpus reports events"
    for event in events:
        assert list(event) == list(EVENT_FIELDS)
        assert event["corroboration"]["grade"] in {"single_source", "corroborated", "contested"}
        assert event["certainty"] in CERTAINTIES
        for mention in event["mentions"]:
            assert list(mention) == MENTION_FIELDS
            assert not mention["in_comments"], "comments only with --include-comments"
            assert mention["certainty"] in CERTAINTIES
    with_date = [e for e in events if e["event_date"]]
    assert all(e["time_precision"] in (1, 2, 3) for e in with_date)


def test_evidence_offsets_point_at_the_sentence(demo_db: Path) -> None:
    docs = {d["document_id"]: d for d in map(json.loads, export(demo_db, "documents").splitlines())}
    for event in map(json.loads, export(demo_db, "events").splitlines()):
        for m in event["mentions"]:
            assert docs[m["document_id"]]["body"][m["start"] : m["end"]] == m["sentence"]


def test_comment_events_only_on_request(demo_db: Path) -> None:
    plain = export(demo_db, "events").splitlines()
    everything = export(demo_db, "events", "--include-comments").splitlines()
    assert len(everything) >= len(plain)
    in_comments = [
        m for e in map(json.loads, everything) for m in e["mentions"] if m["in_comments"]
    ]
    assert in_comments, "the demo's comment threads make claims; they are kept, flagged"


def test_acled_csv_and_geojson(demo_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(demo_db, "events", "--format", "acled-csv"))))
    assert rows and tuple(rows[0]) == ACLED_COLUMNS
    collection = json.loads(export(demo_db, "events", "--format", "geojson"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_places_export_spans(demo_db: Path) -> None:
    docs = {d["document_id"]: d for d in map(json.loads, export(demo_db, "documents").splitlines())}
    places = [json.loads(line) for line in export(demo_db, "places").splitlines()]
    assert places and all(list(p) == list(PLACE_FIELDS) for p in places)
    body_places = [p for p in places if not p["in_comments"]]
    for place in body_places:
        assert docs[place["document_id"]]["body"][place["start"] : place["end"]] == place["text"]
    assert any(p["geonameid"] and p["geonameid"].startswith("overlay:") for p in places)


def test_event_detail_and_listing(demo_db: Path) -> None:
    listing = run("events", "--limit", "5", db=demo_db)
    assert listing.returncode == 0 and listing.stdout.strip()
    event_id = listing.stdout.split()[0]
    detail = run("event", event_id, db=demo_db)
    assert detail.returncode == 0, detail.stderr
    parsed = json.loads(detail.stdout)
    assert parsed["event_id"] == event_id and parsed["who_says_what"]
    assert run("event", "ev-none", db=demo_db).returncode == 2
    listed = run("contradictions", db=demo_db)
    assert listed.returncode == 0
    assert all(" disagree: " in line for line in listed.stdout.splitlines() if line.strip())
    bad = run("export", "places", "--format", "acled-csv", db=demo_db)
    assert bad.returncode == 2 and "no acled-csv format" in bad.stderr


def test_annotate_again_is_idempotent(demo_db: Path) -> None:
    before = export(demo_db, "events")
    result = run("annotate", "--all", db=demo_db)
    assert result.returncode == 0, result.stderr
    assert export(demo_db, "events") == before, "re-deriving from stored text is deterministic"


def test_place_filter_on_export_and_events(demo_db: Path) -> None:
    every = [json.loads(line) for line in export(demo_db, "events").splitlines()]

    def at_ninewa(event: dict[str, object]) -> bool:
        names = (event["location"], event["admin1"], event["admin2"])
        return any(isinstance(n, str) and n.lower() == "ninewa" for n in names)

    expected = [e["event_id"] for e in every if at_ninewa(e)]
    assert 0 < len(expected) < len(every)
    lines = export(demo_db, "events", "--place", "NINEWA").splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == expected
    listing = run("events", "--place", "ninewa", "--limit", "500", db=demo_db)
    assert listing.returncode == 0, listing.stderr
    assert [line.split()[0] for line in listing.stdout.splitlines()] == expected
    assert export(demo_db, "events", "--place", "Nowhere-on-earth") == ""
