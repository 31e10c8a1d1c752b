"""API latency with 100k events in the ledger: the event list, the map and the detail page
must stay under 300 ms at the 95th percentile.

    python bench/api_latency.py [--events 100000] [--rounds 40] [--rebuild]

The ledger is built synthetically (seeded, fictional) through the ledger's own API —
``Ledger.store_article``, ``MentionStore.replace``, ``MentionStore.assign_events`` — so its
rows are exactly what ingest writes: 20 % of events have two reports, 10 % no date, 5 % no
coordinates, in a Syria/Iraq-sized box over ten years. It is cached in ``bench/output/``.
Requests go over a real socket to uvicorn on 127.0.0.1, one at a time. Prints
``api-latency: events=… list p50=…/p95=… ms · map … · detail … · timeline … · facets …``, then
one list request per event filter (actor, outlet, certainty, background, text, place).
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import httpx
import uvicorn

from newstrace.api.app import create_app
from newstrace.api.config import ApiConfig
from newstrace.ledger.sqlite import Ledger
from newstrace.records import (
    Article,
    Attribution,
    Certainty,
    Claimant,
    Corroboration,
    DateMention,
    DocumentAnnotations,
    Event,
    EventMention,
    Extraction,
    Genre,
    InputKind,
    PlaceMention,
    sha256_hex,
)  # fmt: skip
from newstrace.settings import load_settings

OUTPUT = Path(__file__).resolve().parent / "output" / "api-latency"
EVENTS_PER_DOCUMENT = 5
START = date(2015, 1, 1)
TYPES = (
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("Battles", "Armed clash", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Strategic developments", "Arrests", "Strategic developments"),
)
ACTORS = (
    "Military Forces of Syria (2024-)", "Islamic State (Syria)", "QSD: Syrian Democratic Forces",
    "Military Forces of Iraq (2022-)", "Unidentified Armed Group (Syria)", "Civilians (Syria)",
)  # fmt: skip
GRADES = ("single_source", "single_source", "single_source", "corroborated", "contested")
OUTLETS = tuple(f"newstrace bench (fictional) – Desk {c}" for c in "ABCDEFGH")


def _sentence(rng: random.Random, i: int, place: str) -> str:
    return (
        f"Fictional bench report {i}: {rng.randint(1, 9)} people were killed when an attack hit "
        f"a checkpoint near {place} on Monday, a local official said."
    )


def _mention(
    doc: str,
    i: int,
    start: int,
    text: str,
    kind: tuple[str, str, str],
    place: PlaceMention | None,
    day: date | None,
    outlet: str,
) -> EventMention:
    claimant = Claimant("a local official", role="official", medium=outlet)
    return EventMention(
        mention_id=f"{doc}:b:{start}-{start + len(text)}:{i}", document_id=doc,
        sentence_start=start, sentence_end=start + len(text), sentence=text,
        event_type=kind[0], sub_event_type=kind[1], disorder_type=kind[2],
        attribution=Attribution(Certainty.REPORTED, (claimant,), ("said",)),
        actor1=ACTORS[i % len(ACTORS)], actor2=ACTORS[(i * 7 + 3) % len(ACTORS)], place=place,
        date=DateMention(0, 6, "Monday", day, 1) if day else None, fatalities=i % 9,
        notes=text, outlet=outlet, published=day,
    )  # fmt: skip


def build(db: Path, events: int, seed: int = 7) -> None:
    """Documents of five reports each; every report is its own event, except every fifth,
    which is a second report of the event before it (so details have two mentions)."""
    rng = random.Random(seed)
    db.parent.mkdir(parents=True, exist_ok=True)
    with Ledger.open(db) as ledger:
        run = ledger.start_run(["bench/api_latency.py (synthetic, fictional)"])
        made = 0
        doc_index = 0
        while made < events:
            with ledger.transaction():
                for _ in range(200):
                    if made >= events:
                        break
                    made += _document(ledger, rng, doc_index, run, made)
                    doc_index += 1
        ledger.connection.execute("PRAGMA optimize")


def _document(ledger: Ledger, rng: random.Random, n: int, run: int, first_event: int) -> int:
    doc = f"bench-{n:06d}"
    outlet = OUTLETS[n % len(OUTLETS)]
    lines, mentions = [], []
    offset = 0
    for k in range(EVENTS_PER_DOCUMENT):
        i = first_event + k
        lat, lon = 32 + rng.random() * 5, 36 + rng.random() * 9
        name = f"Benchtown {i % 5000}"
        place = None if i % 20 == 0 else PlaceMention(
            0, len(name), name, name, f"overlay:bench-{i % 5000}", round(lat, 4),
            round(lon, 4), "Syria" if lon < 41 else "Iraq", "SY" if lon < 41 else "IQ", None,
            None, "PPL", 1,
        )  # fmt: skip
        day = None if i % 10 == 0 else START + timedelta(days=rng.randrange(3650))
        text = _sentence(rng, i, name)
        mentions.append(_mention(doc, i, offset, text, TYPES[i % len(TYPES)], place, day, outlet))
        lines.append(text)
        offset += len(text) + 1
    body = "\n".join(lines)
    extraction = Extraction(body=body, title=f"Fictional bench document {n}", outlet=outlet,
                            published=START, language="en", method="bench")  # fmt: skip
    raw = body.encode("utf-8")
    article = Article(doc, "bench/api_latency.py", sha256_hex(raw), InputKind.ARTICLE_TEXT,
                      extraction, Genre.REPORT, locator=f"doc {n}")  # fmt: skip
    ledger.store_article(article, raw, run, None)
    ledger.mentions.replace(DocumentAnnotations(doc, 1, (), tuple(mentions)))
    fused = _events(mentions)
    ledger.mentions.assign_events(fused)
    return len(fused)


def _events(mentions: list[EventMention]) -> list[Event]:
    groups: list[list[EventMention]] = []
    for k, m in enumerate(mentions):
        if k % 5 == 4 and groups:
            groups[-1].append(m)  # a second report of the previous event
        else:
            groups.append([m])
    result = []
    for group in groups:
        first = group[0]
        grade = GRADES[hash(first.mention_id) % len(GRADES)]
        reasons = (f"{len(group)} independent source(s): fictional bench desks",)
        result.append(Event(
            event_id="ev-" + sha256_hex(first.mention_id.encode())[:16],
            mention_ids=tuple(m.mention_id for m in group), event_type=first.event_type,
            sub_event_type=first.sub_event_type, disorder_type=first.disorder_type,
            corroboration=Corroboration(len(group), grade, reasons),
            event_date=first.date.value if first.date else None,
            date_text=first.date.text if first.date else None,
            time_precision=first.date.precision if first.date else None, actor1=first.actor1,
            actor2=first.actor2, place=first.place, fatalities=first.fatalities,
            notes=first.notes, certainty="reported",
        ))  # fmt: skip
    return result


def _serve(db: Path) -> tuple[str, uvicorn.Server, threading.Thread]:
    settings = load_settings().with_overrides(db=db)
    app = create_app(settings, ApiConfig(settings, None))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def _timed(client: httpx.Client, rounds: int, path: Callable[[int], str]) -> tuple[float, float]:
    client.get(path(0)).raise_for_status()  # warm: first use of a thread's connection
    times = []
    for r in range(rounds):
        begin = time.perf_counter()
        client.get(path(r)).raise_for_status()
        times.append((time.perf_counter() - begin) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def _list(**params: str) -> str:
    return "/api/events?" + urlencode({"limit": "50", **params})


def _filter_cases() -> dict[str, Callable[[int], str]]:
    """One list request per filter the events table once could not answer (they decoded every
    record); values rotate between common, rare and absent matches in the synthetic ledger."""
    actors = ("Islamic State", "qsd", "Civilians (Syria)", "no such actor")
    return {
        "actor": lambda r: _list(actor=actors[r % len(actors)]),
        "outlet": lambda r: _list(outlet=f"Desk {'ABCDEFGHZ'[r % 9]}"),
        "certainty": lambda r: _list(certainty=("reported", "alleged")[r % 2]),
        "background": lambda r: _list(background=("true", "false")[r % 2]),
        "text": lambda r: _list(
            text=("checkpoint", f"Benchtown {r * 97 % 5000}", "zeppelin")[r % 3]
        ),
        "place": lambda r: _list(place=f"benchtown {r * 131 % 5000}"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    db = OUTPUT / f"ledger-{args.events}.db"
    if args.rebuild or not db.exists():
        for stale in db.parent.glob(db.name + "*"):
            stale.unlink()
        begin = time.perf_counter()
        build(db, args.events)
        print(f"built {db.name} in {time.perf_counter() - begin:.0f} s", flush=True)
    with Ledger.open(db) as ledger:  # opening migrates a ledger built by an older version
        ids = [r[0] for r in ledger.connection.execute("SELECT event_id FROM events")]
    rng = random.Random(3)
    sample = [rng.choice(ids) for _ in range(args.rounds + 1)]
    base, server, thread = _serve(db)
    view = "view=30,28,50,40"
    cases: dict[str, Callable[[int], str]] = {
        "list": lambda r: f"/api/events?limit=50&offset={(r % 4) * 50}",
        "list-filtered": lambda r: (
            f"/api/events?limit=50&event_type=Battles&grade=contested"
            f"&date_from={2016 + r % 8}-01-01"
        ),
        "map": lambda r: f"/api/map?zoom={4 + r % 5}&{view}",
        "map-filtered": lambda r: f"/api/map?zoom=6&{view}&grade=contested&date_from=2020-01-01",
        "detail": lambda r: f"/api/events/{sample[r]}",
        "timeline": lambda r: "/api/timeline" + ("?event_type=Protests" if r % 2 else ""),
        "facets": lambda r: "/api/facets",
        **_filter_cases(),
    }
    results = {}
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for name, path in cases.items():
                results[name] = _timed(client, args.rounds, path)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    parts = " · ".join(f"{k} p50={p50:.0f}/p95={p95:.0f}" for k, (p50, p95) in results.items())
    worst = max(p95 for _, p95 in results.values())
    verdict = "ok" if worst < 300 else "OVER 300 ms"
    print(f"api-latency: events={len(ids)} {parts} ms (target p95 < 300: {verdict})")


if __name__ == "__main__":
    main()
