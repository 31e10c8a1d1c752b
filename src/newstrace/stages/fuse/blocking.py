"""Blocking for fusion: which mention pairs are worth scoring at all.

Scoring every pair of 100k mentions is 5·10⁹ comparisons; blocking keeps only pairs that share
an event-type family, a date bucket and a place key, so cost grows with the number of mentions
times the (bounded) density of reports per place and week — near-linear for a feed of constant
density. Keys are split into what a mention *registers* under and what it *queries*, chosen so
that every comparable pair is found whichever of the two arrives first (incremental = batch).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, timedelta

from newstrace.records import EventMention

# ACLED's political-violence types can be reported under each other ("an attack" vs "shelling"),
# demonstrations likewise; strategic developments are a family of their own.
FAMILIES = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic",
}
BUCKET_DAYS = 4  # a day-precise window (±1 day margin) spans at most two 4-day buckets
MARGIN_DAYS = 1  # windows are widened by a day so touching windows share a bucket
WEEK_HALF = 3  # time_precision 2 ("that week", "a few days ago"): ±3 days
REPORT_LAG = 3  # an undated report describes something from its publication day or ≤3 days before
CELL_DEG = 1.0  # 1° cells: 3×3 neighbours cover ≥ 90 km at 36°N, above the 50 km match limit


def family(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type.lower() or "other")


def _month_end(day: date) -> date:
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def date_window(m: EventMention) -> tuple[date, date] | None:
    """The days the mention's event can have happened on, precision-aware; None if unknowable.

    A month-precision date matches any day of its month; an undated current report falls back to
    its publication date minus ``REPORT_LAG``; undated background history has no window.
    """
    d = m.date
    if d is not None and d.value is not None:
        if d.precision >= 3:
            lo, hi = d.value.replace(day=1), _month_end(d.value)
        elif d.precision == 2:
            lo, hi = d.value - timedelta(days=WEEK_HALF), d.value + timedelta(days=WEEK_HALF)
        else:
            lo, hi = d.value, d.value
        return lo, max(hi, d.until or hi)
    if m.published is None or m.background:
        return None
    return m.published - timedelta(days=REPORT_LAG), m.published


def date_buckets(m: EventMention) -> list[int]:
    window = date_window(m)
    if window is None:
        return [-1]  # undatable mentions share one bucket per family (still needs strong text)
    lo = (window[0].toordinal() - MARGIN_DAYS) // BUCKET_DAYS
    hi = (window[1].toordinal() + MARGIN_DAYS) // BUCKET_DAYS
    return list(range(lo, hi + 1))


def place_level(m: EventMention) -> str:
    """precise (coordinates, town/near-town), admin1, country or none."""
    p = m.place
    if p is None:
        return "none"
    if p.latitude is not None and p.longitude is not None and p.geo_precision <= 2:
        return "precise"
    if p.admin1:
        return "admin1"
    return "country" if p.country else "none"


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def registered_places(m: EventMention) -> list[str]:
    p, level = m.place, place_level(m)
    if p is None or level == "none":
        return ["none"]
    if level == "precise":
        assert p.latitude is not None and p.longitude is not None
        y, x = _cell(p.latitude, p.longitude)
        keys = [f"cell:{y}:{x}"]
        keys += [f"pa1:{p.country}/{p.admin1}"] if p.admin1 else []
        return keys + ([f"pc:{p.country}"] if p.country else [])
    if level == "admin1":
        keys = [f"ia1:{p.country}/{p.admin1}"]
        return keys + ([f"ia1c:{p.country}"] if p.country else [])
    return [f"ic:{p.country}"]


def queried_places(m: EventMention) -> list[str] | None:
    """Keys to look up; None means every mention of the family and date bucket."""
    p, level = m.place, place_level(m)
    if p is None or level == "none":
        return None
    if level == "precise":
        assert p.latitude is not None and p.longitude is not None
        y, x = _cell(p.latitude, p.longitude)
        keys = [f"cell:{y + dy}:{x + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
        keys += [f"ia1:{p.country}/{p.admin1}"] if p.admin1 else []
    elif level == "admin1":
        keys = [f"pa1:{p.country}/{p.admin1}", f"ia1:{p.country}/{p.admin1}"]
    else:
        keys = [f"pc:{p.country}", f"ia1c:{p.country}"]
    return [*keys, f"ic:{p.country}", "none"] if p.country else [*keys, "none"]


class BlockIndex:
    """Mention ids by (family, date bucket, place key), plus all ids by (family, date bucket)."""

    def __init__(self) -> None:
        self._blocks: dict[tuple[str, int, str], list[str]] = {}
        self._all: dict[tuple[str, int], list[str]] = {}

    def register(self, m: EventMention) -> None:
        fam = family(m.event_type)
        for bucket in date_buckets(m):
            self._all.setdefault((fam, bucket), []).append(m.mention_id)
            for key in registered_places(m):
                self._blocks.setdefault((fam, bucket, key), []).append(m.mention_id)

    def candidates(self, m: EventMention) -> Iterator[str]:
        """Ids of registered mentions that share a block with ``m`` (each once)."""
        fam, keys, seen = family(m.event_type), queried_places(m), set()
        for bucket in date_buckets(m):
            if keys is None:
                groups = [self._all.get((fam, bucket), [])]
            else:
                groups = [self._blocks.get((fam, bucket, key), []) for key in keys]
            for group in groups:
                for mention_id in group:
                    if mention_id not in seen:
                        seen.add(mention_id)
                        yield mention_id
