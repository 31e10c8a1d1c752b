"""Fusion time at 10k and 100k mentions: blocking must keep growth near-linear (≈ 10×).

    python bench/fusion_speed.py [--sizes 10000 100000] [--seed 7] [--cases dated undated-copies]

Mentions are synthetic (seeded, fictional) with a constant reporting density, as a feed grows:
``PER_DAY`` mentions a day spread over ``PLACES`` towns in a Syria/Iraq-sized box, so 100k
mentions cover ten times the days of 10k. Each incident gets 1–6 reports; 5 % carry only a
month, 5 % no event date, 5 % only a province, 3 % no place, as coded news does. The
``undated-copies`` case is a folder of text dumps and syndicated pages: 30 % of reports are
near-duplicate copies of the incident's first report (same sentence, ``duplicate_of`` set), 30 %
of the others have no event date and half of those no publication date either (undatable), 10 %
no place. Prints ``fusion-speed-<case>: 10k=…s 100k=…s ratio=… events=…`` per case.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import replace
from datetime import date, timedelta

from newstrace.outlets import OutletRegistry
from newstrace.records import (
    Attribution,
    Certainty,
    Claimant,
    DateMention,
    EventMention,
    PlaceMention,
)
from newstrace.stages.fuse import FusionIndex

CASES = ("dated", "undated-copies")
PER_DAY = 40  # mentions a day: a busy regional feed (ACLED codes ~20 Syria events a day in 2024)
PLACES = 400
START = date(2020, 1, 1)
TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
]
ACTORS = [
    "Military Forces of Syria (2000-)",
    "Islamic State (Syria)",
    "QSD: Syrian Democratic Forces",
    "Military Forces of Turkey (2016-)",
    "Civilians (Syria)",
    "HTS: Hayat Tahrir al Sham",
]
OUTLETS = ["SANA", "Reuters", "SOHR", "North Press Agency", "Enab Baladi", "Hawar News Agency",
           "Anadolu Agency", "TASS", "Al Jazeera", "Shafaq News"]  # fmt: skip
VERBS = ["hit", "struck", "targeted", "shelled", "attacked", "raided"]
NOUNS = ["a checkpoint", "a farm", "a convoy", "a market", "a house", "an outpost", "a car"]


def _places(rng: random.Random) -> list[PlaceMention]:
    out = []
    for i in range(PLACES):
        lat, lon = rng.uniform(32.5, 37.0), rng.uniform(35.8, 46.0)
        out.append(PlaceMention(0, 6, f"Town{i}", f"Town{i}", f"synthetic:{i}", lat, lon, "Syria",
                                "SY", f"Province{i % 14}", None, "PPL", 1))  # fmt: skip
    return out


COPIES = 0.30  # undated-copies case: share of reports that are syndicated copies
UNDATED = 0.30  # … of the other reports, share without an event date
UNPUBLISHED = 0.5  # … of those, share without a publication date (text dumps)
PLACELESS = 0.10  # … of the other reports, share without a place


def _event_mentions(
    rng: random.Random, n_event: int, day: date, town: PlaceMention
) -> list[EventMention]:
    event_type, sub = rng.choice(TYPES)
    actor1, actor2 = rng.sample(ACTORS, 2)
    killed = rng.choice([None, 0, 1, 2, 3, 5, 8])
    words = f"{rng.choice(VERBS)} {rng.choice(NOUNS)} near {town.name}"
    out = []
    for k, outlet in enumerate(rng.sample(OUTLETS, rng.randint(1, 6))):
        roll = rng.random()
        dm = DateMention(0, 5, "x", day, 1)
        if roll < 0.05:
            dm = DateMention(0, 5, "x", day, 3)
        place: PlaceMention | None = town
        if 0.05 <= roll < 0.10:
            dm = None  # type: ignore[assignment]
        elif 0.10 <= roll < 0.15:
            place = PlaceMention(0, 5, "p", town.admin1 or "", None, None, None, "Syria", "SY",
                                 town.admin1, None, "ADM1", 3)  # fmt: skip
        elif 0.15 <= roll < 0.18:
            place = None
        sentence = f"{actor1} {words}, {outlet} said ({k})."
        out.append(EventMention(
            mention_id=f"m{n_event:07d}-{k}", document_id=f"d{n_event:07d}-{k}", sentence_start=0,
            sentence_end=len(sentence), sentence=sentence, event_type=event_type,
            sub_event_type=sub, disorder_type="Political violence",
            attribution=Attribution(Certainty.REPORTED, (Claimant(outlet, medium=outlet),)),
            actor1=actor1, actor2=actor2, place=place, date=dm, fatalities=killed,
            outlet=outlet, published=day + timedelta(days=rng.randint(0, 2)),
        ))  # fmt: skip
    return out


def _undated_copies(rng: random.Random, reports: list[EventMention]) -> list[EventMention]:
    """The same incident's reports as dumps and syndicated pages would give them."""
    first, out = reports[0], [reports[0]]
    for m in reports[1:]:
        if rng.random() < COPIES:
            out.append(replace(first, mention_id=m.mention_id, document_id=m.document_id,
                               outlet=m.outlet, duplicate_of=first.document_id))  # fmt: skip
            continue
        if rng.random() < UNDATED:
            published = None if rng.random() < UNPUBLISHED else m.published
            m = replace(m, date=None, published=published)
        out.append(replace(m, place=None) if rng.random() < PLACELESS else m)
    return out


def synthetic(size: int, seed: int, case: str = "dated") -> list[EventMention]:
    rng = random.Random(seed)
    towns = _places(rng)
    days = max(1, size // PER_DAY)
    mentions: list[EventMention] = []
    n_event = 0
    while len(mentions) < size:
        day = START + timedelta(days=rng.randrange(days))
        reports = _event_mentions(rng, n_event, day, rng.choice(towns))
        mentions += _undated_copies(rng, reports) if case == "undated-copies" else reports
        n_event += 1
    return mentions[:size]


def _timed(mentions: list[EventMention], registry: OutletRegistry) -> tuple[float, int, int]:
    """CPU seconds (the machine may be shared: wall time would measure the neighbours), events
    and pairs scored."""
    index = FusionIndex.empty(registry)
    started = time.process_time()
    result = index.add(mentions)
    events = index.events()
    return time.process_time() - started, len(events), len(result.decisions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    args = parser.parse_args()
    registry = OutletRegistry.load()
    for case in args.cases:
        runs = [_timed(synthetic(size, args.seed, case), registry) for size in args.sizes]
        (t1, e1, p1), (t2, e2, p2) = runs
        small, large = (f"{size // 1000}k" for size in args.sizes)
        print(
            f"fusion-speed-{case}: {small}={t1:.1f}s {large}={t2:.1f}s ratio={t2 / t1:.1f} "
            f"events={e1}/{e2} "
            f"pairs-scored-per-mention={p1 / args.sizes[0]:.1f}/{p2 / args.sizes[1]:.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
