"""Fusion time at 10k and 100k mentions: blocking must keep growth near-linear (≈ 10×).

    python bench/fusion_speed.py [--sizes 10000 100000] [--seed 7]

Mentions are synthetic (seeded, fictional) with a constant reporting density, as a feed grows:
``PER_DAY`` mentions a day spread over ``PLACES`` towns in a Syria/Iraq-sized box, so 100k
mentions cover ten times the days of 10k. Each incident gets 1–6 reports; 5 % carry only a
month, 5 % no event date, 5 % only a province, 3 % no place, as coded news does. Prints
``fusion-speed: 10k=…s 100k=…s ratio=… events=…``.
"""

from __future__ import annotations

import argparse
import random
import time
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


def synthetic(size: int, seed: int) -> list[EventMention]:
    rng = random.Random(seed)
    towns = _places(rng)
    days = max(1, size // PER_DAY)
    mentions: list[EventMention] = []
    n_event = 0
    while len(mentions) < size:
        day = START + timedelta(days=rng.randrange(days))
        mentions += _event_mentions(rng, n_event, day, rng.choice(towns))
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
    args = parser.parse_args()
    registry = OutletRegistry.load()
    runs = [_timed(synthetic(size, args.seed), registry) for size in args.sizes]
    (t1, e1, p1), (t2, e2, p2) = runs
    small, large = (f"{size // 1000}k" for size in args.sizes)
    print(
        f"fusion-speed: {small}={t1:.1f}s {large}={t2:.1f}s ratio={t2 / t1:.1f} "
        f"events={e1}/{e2} "
        f"pairs-scored-per-mention={p1 / args.sizes[0]:.1f}/{p2 / args.sizes[1]:.1f}"
    )


if __name__ == "__main__":
    main()
