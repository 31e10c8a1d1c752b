"""Field-by-field agreement with ACLED's own coders on 407 Iraq rows (February 2020).

    .venv/bin/python bench/acled_iraq_notes.py [--verbose N] [--limit N]

Reads ``../shared/eval/acled-iraq-notes/`` (ACLED data, internal use only: never copied into the
project; ``--verbose`` prints disagreements to stdout only). Each row's ``notes`` is annotated as a
document body with the real ``Annotator``.

Publication date: the first day of the month after the row's event_date. The row's own date (+1
day) would leak the answer; the month after lets "on Feb 29" and relative dates resolve to the
right year without saying which day the event was.

Prediction: the best event mention of the document — the highest classifier score among mentions
that are not background history; when every mention is background, the highest-scoring one.
A document with no mention counts as "none" and as a miss on every field.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))

from newstrace.annotator import Annotator, document_input  # noqa: E402
from newstrace.records import EventMention  # noqa: E402
from newstrace.settings import Settings  # noqa: E402

NAME = "acled-iraq-notes"
CSV_PATH = (
    REPO_ROOT.parent / "shared" / "eval" / "acled-iraq-notes" / "iraq_2020-02_app-modified.csv"
)
NEAR_KM = 25.0  # ACLED's geo_precision 2 codes "near X" to X: 25 km covers a town's outskirts
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)\s*$")


@dataclass(frozen=True, slots=True)
class Row:
    notes: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    inter1: str
    admin1: str
    latitude: float
    longitude: float
    fatalities: int


@dataclass(frozen=True, slots=True)
class Outcome:
    row: Row
    best: EventMention | None


def read_rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [_row(r) for r in csv.DictReader(handle)]


def _row(r: dict[str, str]) -> Row:
    return Row(
        notes=r["notes"],
        event_date=datetime.strptime(r["event_date"], "%d-%b-%y").date(),
        event_type=r["event_type"],
        sub_event_type=r["sub_event_type"],
        actor1=r["actor1"],
        actor2=r["actor2"],
        inter1=r["inter1"],
        admin1=r["admin1"],
        latitude=float(r["latitude"]),
        longitude=float(r["longitude"]),
        fatalities=int(r["fatalities"] or 0),
    )


def publication_date(event_date: date) -> date:
    """First day of the following month (see the module docstring for why)."""
    first = event_date.replace(day=1)
    return (first + timedelta(days=32)).replace(day=1)


def best_mention(mentions: Sequence[EventMention]) -> EventMention | None:
    news = [m for m in mentions if not m.background and not m.in_comments]
    pool = news or [m for m in mentions if not m.in_comments]
    return max(pool, key=lambda m: m.score) if pool else None


def norm_admin(name: str | None) -> str:
    """Spelling-insensitive admin1: "Salah ad Din" ~ "Sala al-Din", "Ninawa" ~ "Ninewa"."""
    if not name:
        return ""
    text = re.sub(r"\b(?:governorate|province|al|ad|as|ar|an|el)\b", " ", name.lower())
    text = re.sub(r"[^a-z]", "", text)
    return re.sub(r"(.)\1+", r"\1", text).replace("e", "a").replace("w", "").replace("h", "")


def family(actor: str | None) -> str:
    return _PERIOD.sub("", actor or "").strip()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def distance(outcome: Outcome) -> float | None:
    place = outcome.best.place if outcome.best else None
    if place is None or place.latitude is None or place.longitude is None:
        return None
    r = outcome.row
    return haversine_km(place.latitude, place.longitude, r.latitude, r.longitude)


def _date_delta(o: Outcome) -> int | None:
    when = o.best.date if o.best else None
    if when is None or when.value is None:
        return None
    return abs((when.value - o.row.event_date).days)


def _within_days(o: Outcome, days: int) -> bool:
    delta = _date_delta(o)
    return delta is not None and delta <= days


Check = Callable[[Outcome], bool]


def _field(get: Callable[[EventMention], object], gold: Callable[[Row], object]) -> Check:
    return lambda o: o.best is not None and get(o.best) == gold(o.row)


CHECKS: dict[str, Check] = {
    "type": _field(lambda m: m.event_type, lambda r: r.event_type),
    "subtype": _field(lambda m: m.sub_event_type, lambda r: r.sub_event_type),
    "date": lambda o: _within_days(o, 0),
    "date±1": lambda o: _within_days(o, 1),
    "admin1": lambda o: (
        o.best is not None
        and o.best.place is not None
        and norm_admin(o.best.place.admin1) == norm_admin(o.row.admin1)
    ),
    "loc@25km": lambda o: (distance(o) is not None) and (distance(o) or 0.0) <= NEAR_KM,
    "actor1": _field(lambda m: m.actor1 or "", lambda r: r.actor1),
    "actor1~": _field(lambda m: family(m.actor1), lambda r: family(r.actor1)),
    "actor2": _field(lambda m: m.actor2 or "", lambda r: r.actor2),
    "actor2~": _field(lambda m: family(m.actor2), lambda r: family(r.actor2)),
    "inter1": _field(lambda m: str(m.inter1 or ""), lambda r: r.inter1),
    "fatalities": _field(lambda m: m.fatalities or 0, lambda r: r.fatalities),
}
SUMMARY = ("type", "subtype", "date", "admin1", "loc@25km", "actor1", "actor2", "fatalities")


def run(rows: Sequence[Row]) -> tuple[list[Outcome], float]:
    annotator = Annotator.load(Settings())
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    for index, row in enumerate(rows):
        doc = document_input(
            f"acled-{index}", row.notes, (), outlet=None,
            published=publication_date(row.event_date), genre="report",
        )  # fmt: skip
        outcomes.append(Outcome(row, best_mention(annotator.annotate(doc).events)))
    return outcomes, time.perf_counter() - started


def rate(outcomes: Sequence[Outcome], check: Check) -> float:
    return sum(check(o) for o in outcomes) / len(outcomes)


def report(outcomes: Sequence[Outcome], seconds: float) -> None:
    none = sum(o.best is None for o in outcomes) / len(outcomes)
    scores = " ".join(f"{k}={rate(outcomes, CHECKS[k]):.3f}" for k in SUMMARY)
    speed = len(outcomes) / seconds if seconds else 0.0
    print(f"{NAME}: {scores} none={none:.3f} docs/s={speed:.1f}")
    print(f"{'field':<12}{'agree':>8}")
    for key, check in CHECKS.items():
        print(f"{key:<12}{rate(outcomes, check):>8.3f}")
    km = [d for d in (distance(o) for o in outcomes) if d is not None]
    median = f"{statistics.median(km):.1f}" if km else "n/a"
    print(f"{'median km':<12}{median:>8} (over {len(km)} located)")
    print(f"{'none':<12}{none:>8.3f}")


def disagreements(outcomes: Sequence[Outcome], limit: int) -> None:
    shown = 0
    for o in outcomes:
        wrong = [k for k in SUMMARY if not CHECKS[k](o)]
        if not wrong or shown >= limit:
            continue
        shown += 1
        m, r = o.best, o.row
        print(f"\n--- {', '.join(wrong)}\n{r.notes}")
        print(f"  gold: {r.event_date} {r.sub_event_type} | {r.actor1} | {r.actor2} | "
              f"{r.admin1} | {r.fatalities}")  # fmt: skip
        if m is None:
            print("  coded: none")
            continue
        place = m.place.name if m.place else None
        admin = m.place.admin1 if m.place else None
        when = m.date.value if m.date else None
        print(f"  coded: {when} {m.sub_event_type} | {m.actor1} | {m.actor2} | "
              f"{place}/{admin} | {m.fatalities}")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", type=int, default=0, metavar="N")
    parser.add_argument("--limit", type=int, default=0, help="only the first N rows")
    args = parser.parse_args(argv)
    if not CSV_PATH.is_file():
        print(f"{NAME}: SKIPPED (../shared/eval/acled-iraq-notes is absent)")
        return 0
    rows = read_rows(CSV_PATH)
    rows = rows[: args.limit] if args.limit else rows
    outcomes, seconds = run(rows)
    report(outcomes, seconds)
    if args.verbose:
        disagreements(outcomes, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
