"""The REST API over a real ledger: the bundled demo corpus plus the hostile XSS pages,
ingested by the real pipeline. Filtered results are checked against ``queries`` (the code the
CLI export uses), so the API and ``newstrace export`` cannot drift apart."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from newstrace import exports, queries
from newstrace.api.app import create_app
from newstrace.api.config import ApiConfig
from newstrace.api.routers.geo import MAX_POINTS
from newstrace.api.security import CSP
from newstrace.cli import demo_targets
from newstrace.ledger.derived import place_key
from newstrace.ledger.sqlite import Ledger
from newstrace.pipeline import ingest
from newstrace.settings import Settings, load_settings
from newstrace.web.highlight import Span, segments, window

FIXTURES = Path(__file__).resolve().parent / "fixtures"
XSS_FILES = tuple(
    FIXTURES / "xss" / name
    for name in ("hostile_article.html", "hostile_dump.txt", "hostile.jsonl")
)
TOKEN = "test-token-not-secret"


def build_ui_ledger(folder: Path) -> Path:
    """Demo corpus + hostile pages, ingested once per test session (shared by the UI tests)."""
    db = folder / "ui.db"
    done = folder / "complete"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        settings = load_settings().with_overrides(db=db)
        # No ../shared samples: the fixture must be the same on every machine.
        targets = [str(p) for p in demo_targets(folder / "no-samples")] + [
            str(p) for p in XSS_FILES
        ]
        with Ledger.open(db) as ledger:
            report = ingest(targets, ledger, settings)
        assert report.failed == 0, report.failures
        done.touch()
    return db


@pytest.fixture(scope="session")
def ui_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ui_ledger(tmp_path_factory.getbasetemp() / "ui-ledger")


@pytest.fixture(scope="module")
def settings(ui_db: Path) -> Settings:
    return load_settings().with_overrides(db=ui_db)


@pytest.fixture(scope="module")
def client(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    outlets = tmp_path_factory.mktemp("outlets") / "user-outlets.yaml"
    app = create_app(settings, ApiConfig(settings, TOKEN, outlets))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ledger(settings: Settings) -> Iterator[Ledger]:
    with Ledger.open(settings.db) as opened:
        yield opened


def cli_events(ledger: Ledger, f: queries.EventFilter) -> list[dict[str, Any]]:
    return list(queries.event_objects(ledger, f))


FILTERS: list[dict[str, str]] = [
    {},
    {"event_type": "Battles"},
    {"sub_event_type": "Air/drone strike"},
    {"grade": "contested"},
    {"date_from": "2024-10-01", "date_to": "2024-12-31"},
    {"bbox": "38,33,42,37"},
    {"actor": "islamic state"},
    {"outlet": "Desk A"},
    {"certainty": "reported"},
    {"background": "false"},
    {"text": "drone"},
    {"place": "Ninewa"},
    {"include_comments": "true"},
    {"country": "Iraq", "grade": "single_source"},
]


def to_filter(params: dict[str, str]) -> queries.EventFilter:
    """The EventFilter the CLI-side query would get for these URL parameters."""
    changes: dict[str, Any] = {}
    for key, value in params.items():
        if key in ("date_from", "date_to"):
            changes[key] = date.fromisoformat(value)
        elif key == "bbox":
            west, south, east, north = map(float, value.split(","))
            changes[key] = (west, south, east, north)
        elif key in ("background", "include_comments"):
            changes[key] = value == "true"
        else:
            changes[key] = value
    return replace(queries.EventFilter(), **changes)


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p) or "none")
def test_event_list_equals_the_cli_query(
    client: TestClient, ledger: Ledger, params: dict[str, str]
) -> None:
    expected = cli_events(ledger, to_filter(params))
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    assert body["total"] == len(expected)
    assert body["events"] == expected
    layer = client.get("/api/map", params={**params, "zoom": 4}).json()
    assert layer["total"] == len(expected)  # map (SQL fast path or record path) agrees
    mapped = {e["event_id"] for e in expected if e["latitude"] is not None}
    assert {p["id"] for p in layer["points"]} == mapped


def reference_ids(ledger: Ledger, params: dict[str, str]) -> list[str]:
    """The events a filter matched when filters decoded every record (before migration 4),
    recomputed here from the records and their mentions, in list order."""
    f = to_filter(params)
    found = []
    for event in ledger.mentions.events(include_comment_only=f.include_comments):
        mentions = [
            m
            for m in ledger.mentions.event_mentions(event_id=event.event_id)
            if f.include_comments or not m.in_comments
        ]
        if mentions and _old_matches(event, mentions, f):
            found.append(event.event_id)
    return found


def _old_matches(event: Any, mentions: list[Any], f: queries.EventFilter) -> bool:
    names = [event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2]
    place = event.place
    places = [place.name, place.admin1, place.admin2] if place else []
    words = re.findall(r"[^\W_]+", (f.text or "").lower())
    texts = [event.notes, *(m.sentence for m in mentions)]
    return all(
        (
            f.certainty is None or event.certainty == f.certainty,
            f.background is None or all(m.background for m in mentions) == f.background,
            f.actor is None or any(f.actor.lower() in (n or "").lower() for n in names),
            f.outlet is None or any(f.outlet.lower() in (m.outlet or "").lower() for m in mentions),
            f.place is None or any(place_key(f.place) == place_key(p) for p in places if p),
            # Whole words in order, the last as a prefix (the text filter's full-text meaning).
            not words
            or any(re.search(r"\b" + r"\W+".join(map(re.escape, words)), t.lower()) for t in texts),
        )
    )


OLD_SEMANTICS: list[dict[str, str]] = [
    {"actor": "islamic state"},
    {"actor": "Forces", "include_comments": "true"},
    {"outlet": "desk b"},
    {"outlet": "Desk D", "include_comments": "true"},
    {"certainty": "reported"},
    {"certainty": "asserted", "include_comments": "true"},
    {"background": "true"},
    {"background": "false", "include_comments": "true"},
    {"text": "drone"},
    {"text": "killed", "include_comments": "true"},
    {"place": "homs"},
    {"place": "Deir ez-Zor"},
    {"place": "al qaim"},
    {"place": "homs", "outlet": "desk"},
]


@pytest.mark.parametrize("params", OLD_SEMANTICS, ids=lambda p: ",".join(p.values()))
def test_sql_filters_match_the_record_filters_they_replace(
    client: TestClient, ledger: Ledger, params: dict[str, str]
) -> None:
    expected = reference_ids(ledger, params)
    assert expected, "each case must match something in the demo ledger"
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    assert [e["event_id"] for e in body["events"]] == expected
    assert body["total"] == len(expected)


def test_filters_actually_narrow(client: TestClient) -> None:
    everything = client.get("/api/events").json()["total"]
    assert everything > 20
    for params in FILTERS[1:-2]:
        assert client.get("/api/events", params=params).json()["total"] < everything, params


def test_pagination_is_stable(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 5}).json()["events"]
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()["events"]
    both = client.get("/api/events", params={"limit": 10}).json()["events"]
    assert first + second == both


@pytest.mark.parametrize(
    "params", [{"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"bbox": "1e9,0,1,1"}, {"grade": "true"}]
)
def test_bad_filters_are_client_errors(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/api/events", params=params).status_code in (400, 422)


def test_event_detail_has_evidence_and_who_says_what(client: TestClient, ledger: Ledger) -> None:
    contested = cli_events(ledger, queries.EventFilter(grade="contested"))
    assert contested
    event_id = contested[0]["event_id"]
    detail = client.get(f"/api/events/{event_id}").json()
    assert detail["corroboration"]["grade"] == "contested"
    assert detail["corroboration"]["reasons"]
    assert detail["contradictions"] or any(
        "denied" in r for r in detail["corroboration"]["reasons"]
    )
    assert len(detail["who_says_what"]) >= 2
    for mention in detail["mentions"]:
        doc = client.get(f"/api/documents/{mention['document_id']}").json()
        text = (
            doc["body"]
            if mention["comment_position"] is None
            else doc["comments"][mention["comment_position"]]["text"]
        )
        assert text[mention["start"] : mention["end"]] == mention["sentence"]
        assert mention["claimed_by"] or mention["certainty"] == "asserted"


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/api/events/ev-nope").status_code == 404
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/events/ev-nope").status_code == 404


def test_documents_list_and_detail(client: TestClient) -> None:
    rows = client.get("/api/documents", params={"limit": 1000}).json()["documents"]
    assert any(r["comments"] > 0 for r in rows)
    assert all(r["status"] == "ok" for r in rows)
    with_comments = next(r for r in rows if r["comments"] > 0)
    doc = client.get(f"/api/documents/{with_comments['document_id']}").json()
    assert set(exports.DOCUMENT_FIELDS) <= set(doc)
    assert len(doc["comments"]) == with_comments["comments"]
    assert isinstance(doc["event_mentions"], list)


def test_timeline_counts_add_up(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    line = client.get("/api/timeline").json()
    assert sum(b["count"] for b in line["bins"]) + line["undated"] == total
    assert line["bucket"] in ("day", "week", "month")
    narrowed = client.get("/api/timeline", params={"event_type": "Protests"}).json()
    assert sum(b["count"] for b in narrowed["bins"]) < sum(b["count"] for b in line["bins"])


def test_map_clusters_when_crowded(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from newstrace.api.routers import geo

    monkeypatch.setattr(geo, "MAX_POINTS", 3)
    layer = client.get("/api/map", params={"zoom": 2}).json()
    assert layer["points"] == [] and layer["clusters"]
    assert sum(c["count"] for c in layer["clusters"]) == layer["total"] - layer["unmapped"]
    assert MAX_POINTS >= 1000


def test_facets_actors_places(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert sum(t["count"] for t in facets["event_types"]) == facets["total"]
    actors = client.get("/api/actors", params={"q": "forces"}).json()["actors"]
    assert actors and all("forces" in a["actor"].lower() for a in actors)
    places = client.get("/api/places", params={"limit": 5}).json()["places"]
    assert places and all(p["latitude"] is not None for p in places)


def test_search(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "drone"}).json()["hits"]
    assert hits and all("\ue000" in h["snippet"] for h in hits)
    # Not FTS5 syntax (a hyphenated name, a stray quote): searched as plain words instead.
    assert client.get("/api/search", params={"q": 'al-Bukamal "'}).json()["hits"]


def test_downloads_match_the_cli_export(client: TestClient, ledger: Ledger) -> None:
    expected = cli_events(ledger, queries.EventFilter(event_type="Battles"))
    response = client.get("/api/events.csv", params={"event_type": "Battles"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0].keys()) == exports.ACLED_COLUMNS
    assert [r["event_id_cnty"] for r in rows] == [e["event_id"] for e in expected]
    contract = client.get("/api/events.csv", params={"format": "contract"}).text
    assert contract.splitlines()[0].split(",")[:3] == list(exports.EVENT_FIELDS[:3])
    geo = json.loads(client.get("/api/events.geojson", params={"event_type": "Battles"}).text)
    assert len(geo["features"]) == sum(1 for e in expected if e["latitude"] is not None)


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/api/events", "/", "/static/app.css", "/openapi.json", "/api/events/ev-nope"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN script


def test_openapi_is_published(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/map", "/api/ingest"):
        assert path in schema["paths"]


# -- writes ---------------------------------------------------------------------------------------

AUTH = {"Authorization": f"Bearer {TOKEN}"}
UPLOAD = (
    '{"id": "api-upload-1", "outlet": "newstrace demo (fictional) – Desk A", "published": '
    '"2025-03-02", "title": "Fictional upload", "text": "HIT, Iraq (newstrace test, fictional) — '
    'Gunmen killed two guards at a water plant near Hit on Saturday, police said."}\n'
)


def test_writes_need_the_token(client: TestClient) -> None:
    body = {"affiliation": "x", "basis": "y"}
    assert client.put("/api/outlets/sana", json=body).status_code == 401
    assert (
        client.put(
            "/api/outlets/sana", json=body, headers={"Authorization": "Bearer no"}
        ).status_code
        == 401
    )
    files = {"file": ("x.jsonl", UPLOAD, "application/jsonl")}
    assert client.post("/api/ingest", files=files).status_code == 401


def test_writes_are_off_without_a_configured_token(settings: Settings) -> None:
    with TestClient(create_app(settings, ApiConfig(settings, None))) as anonymous:
        response = anonymous.post("/api/ingest", data={"url": "http://example.invalid/"})
        assert response.status_code == 403


def test_ingest_upload_then_url_refusal(settings: Settings, tmp_path: Path) -> None:
    own = replace(settings, db=tmp_path / "own.db")
    with TestClient(create_app(own, ApiConfig(own, TOKEN))) as writer:
        files = {"file": ("upload.jsonl", UPLOAD, "application/jsonl")}
        report = writer.post("/api/ingest", files=files, headers=AUTH).json()
        assert report["outcomes"] == {"stored": 1}
        assert writer.get("/api/documents/api-upload-1").json()["title"] == "Fictional upload"
        again = writer.post("/api/ingest", files=files, headers=AUTH).json()
        assert again["outcomes"] == {"unchanged": 1}
        refused = writer.post("/api/ingest", data={"url": "http://127.0.0.1:9/x"}, headers=AUTH)
        failure = refused.json()["failures"][0]
        assert "private" in (failure["reason"] + failure["message"]).lower()
        assert (
            writer.post("/api/ingest", data={"url": "file:///etc/passwd"}, headers=AUTH).status_code
            == 422
        )
        assert writer.post("/api/ingest", headers=AUTH).status_code == 422


def test_outlet_label_edit_is_stored_and_used(client: TestClient) -> None:
    edit = {"affiliation": "state-owned (user label)", "basis": "analyst's note, test only"}
    response = client.put("/api/outlets/sana", json=edit, headers=AUTH)
    assert response.status_code == 200, response.text
    outlets = {o["id"]: o for o in client.get("/api/outlets").json()["outlets"]}
    assert outlets["sana"]["affiliation"] == "state-owned (user label)"
    assert outlets["sana"]["name"] == "Syrian Arab News Agency"  # unchanged fields are kept
    stored = client.app.state.newstrace.config.outlet_file  # type: ignore[attr-defined]
    data = yaml.safe_load(stored.read_text(encoding="utf-8"))
    assert [o["id"] for o in data["outlets"]] == ["sana"]
    unlabelled = {"affiliation": "opposition-aligned", "basis": ""}
    assert client.put("/api/outlets/sana", json=unlabelled, headers=AUTH).status_code == 422
    assert client.put("/api/outlets/new-one", json=edit, headers=AUTH).status_code == 422


# -- pages ----------------------------------------------------------------------------------------


def test_pages_escape_scraped_text(client: TestClient) -> None:
    rows = client.get("/api/documents", params={"limit": 1000}).json()["documents"]
    hostile = [r["document_id"] for r in rows if "xss" in (r["source"] or "")]
    assert len(hostile) == 3
    for document_id in hostile:
        page = client.get(f"/documents/{document_id}").text
        assert "window.__xss" in page  # the text is shown…
        assert "<script>window" not in page and "<img src=x" not in page  # …never as markup
        assert 'href="javascript:' not in page and 'onmouseover="window' not in page
        assert "&lt;" in page
    for event in client.get("/api/events", params={"text": "__xss", "limit": 50}).json()["events"]:
        page = client.get(f"/events/{event['event_id']}").text
        assert "<mark" in page and "<script>window" not in page
    outlets = client.get("/outlets").text
    assert "&lt;script&gt;window.__xss" in outlets and "<script>window" not in outlets
    search = client.get("/search", params={"q": "xss"}).text
    assert "<script>window" not in search and "<mark>" in search


def test_serve_binds_loopback_by_default() -> None:
    from typer.testing import CliRunner

    from newstrace.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert "127.0.0.1" in result.output


# -- highlighting ---------------------------------------------------------------------------------


def test_segments_cover_the_text_once() -> None:
    text = "Alpha beta. Gamma delta. Epsilon."
    spans = [Span(6, 23, "b"), Span(0, 10, "a"), Span(30, 99, "c"), Span(-5, -1, "d")]
    parts = segments(text, spans)
    assert "".join(p.text for p in parts) == text  # nothing lost, nothing repeated
    marked = [(p.text, p.span.key) for p in parts if p.span]
    assert marked == [("Alpha beta", "a"), (". Gamma delta", "b"), ("on.", "c")]


def test_window_marks_the_sentence_with_context() -> None:
    text = "word " * 100 + "THE SENTENCE." + " more" * 100
    start = text.index("THE")
    parts = window(text, start, start + len("THE SENTENCE."), width=30)
    assert [p.span is not None for p in parts] == [False, True, False]
    assert parts[1].text == "THE SENTENCE."
    assert parts[0].text.startswith("…") and parts[2].text.endswith("…")


def test_loopback_server_refuses_foreign_host_names(settings: Settings) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must get nothing."""
    from newstrace.api.app import LOOPBACK_NAMES

    app = create_app(settings, ApiConfig(settings, None), allowed_hosts=LOOPBACK_NAMES)
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/events").status_code == 200
        assert local.get("/api/events", headers={"host": "evil.example"}).status_code == 400
