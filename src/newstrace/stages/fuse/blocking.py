"""Blocking for fusion: which mention pairs are worth scoring at all.

Scoring every pair of 100k mentions is 5·10⁹ comparisons; blocking keeps only pairs that share
an event-type family, a date bucket and a place key, so cost grows with the number of mentions
times the (bounded) density of reports per place and week — near-linear for a feed of constant
density. Keys are split into what a mention *registers* under and what it *queries*, chosen so
that every comparable pair is found whichever of the two arrives first (incremental = batch).

Undatable mentions (no event date, no publication date, or undated history) have no week to
bound them, so one bucket per family would grow with the whole corpus and be scored all-pairs
(a 1k-document bench run scored 100 pairs per mention, 94 % of them in that bucket). They are
blocked by what they do know instead: the place they name (the place itself, not its 1° cell),
their own document and their exact sentence; placeless ones also by the actors they name and
by pairs of their 3 longest words, so one knowing none of date, place and actors still meets
other documents' reports worded alike (``fuse_score`` then asks that no counts differ). A block that
still outgrows its cap (``BLOCK_CAP`` dated, ``UNDATED_CAP`` undated) is read newest first up to
the cap and the cut is counted (``BlockStats``); only then does the arrival order matter.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
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
UNDATED = -1  # the date bucket of mentions with no date window at all
# A dated block holds one family's reports of one place or region over 4 days: ~115 in the
# 100k-mention bench (40 a day, 5/7 of them violence); 512 leaves 4× headroom for a busy region,
# so the cap binds only on pathological blocks (one boilerplate sentence, one undated town).
BLOCK_CAP = 512
# Undated blocks have no week to end them, so they grow with the corpus itself; arrival order
# stands in for time: a report is compared with the 64 newest undated reports per key. In the
# 1k-document bench the largest undated block held 34 ids (copies are never blocked), so the cap
# binds only on corpora of thousands of undated reports, where it keeps each report's cost flat.
UNDATED_CAP = 64
# Placeless undated reports meet by a pair of their 3 longest words: one shared word ("police",
# "checkpoint") makes blocks of thousands; two rarely match by chance, and 3 words give 3 pairs,
# so a rewording that keeps two of them still meets ("bhavaninagar", "ransacked", "hyderabad").
WORD_KEYS = 3
STOP_WORDS = frozenset(
    "a an the of in on at to and or by for from with was were is are be been has had have that "
    "this said says after as its their his her it which who".split()
)


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
        return [UNDATED]
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


def named_actors(m: EventMention) -> frozenset[str]:
    """Actors a mention names ("Unidentified …" names no one)."""
    names = {m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2}
    return frozenset(n for n in names if n and not n.startswith("Unidentified"))


def distinctive_words(sentence: str) -> list[str]:
    """The sentence's ``WORD_KEYS`` longest words of ≥ 5 letters (ties alphabetical): names of
    places, people and groups ("bhavaninagar", "prohibitory") more often than not."""
    words = {w for w in re.findall(r"[a-z0-9]+", sentence.lower()) if len(w) >= 5}
    return sorted(words - STOP_WORDS, key=lambda w: (-len(w), w))[:WORD_KEYS]


def sentence_key(sentence: str) -> str:
    """The sentence's words, case and punctuation aside: equal for copies of one sentence."""
    return " ".join(re.findall(r"[a-z0-9]+", sentence.lower()))  # "’" vs "â€™" mojibake too


def _undated_places(m: EventMention, *, query: bool) -> list[str]:
    """Place keys of an undatable mention: the place itself, not its 1° cells (a 3×3-cell query
    reaches every undated report within ~100 km, of all time)."""
    found = (queried_places(m) or []) if query else registered_places(m)
    keys = [k for k in found if not k.startswith("cell:") and k != "none"]
    p = m.place
    if p is not None and place_level(m) == "precise":
        keys.insert(0, f"pid:{p.place_id or p.name}")
    return keys


def _undated_words(m: EventMention, *, query: bool) -> list[str]:
    """Keys by actor and distinctive words through which placeless undated mentions meet: each
    other, and placed ones ("u"/"p" keep placed pairs to their place keys). Before this blocking,
    6 of the 9 cross-document links between undated originals in the 1k-document bench joined a
    placeless report to a placed one ("hyderabad: … ransacked the bhavaninagar police station")."""
    placeless = place_level(m) == "none"
    own = [f"a:{a}" for a in sorted(named_actors(m))] if placeless else []
    words = distinctive_words(m.sentence)
    own += [f"w:{a}|{b}" for i, a in enumerate(words) for b in words[i + 1 :]]
    if not query:
        return [("u" if placeless else "p") + key for key in own]
    return (
        [side + key for key in own for side in ("u", "p")] if placeless else ["u" + k for k in own]
    )


def undated_keys(m: EventMention, *, query: bool) -> list[str]:
    """Blocks of an undatable mention (registered and queried keys mirror each other)."""
    own = [f"doc:{m.document_id}", f"text:{sentence_key(m.sentence)}"]
    return _undated_places(m, query=query) + _undated_words(m, query=query) + own


CopyKey = tuple[str, str, str, bool]  # (original document, sub-type, sentence key, in comments)


def origin_key(m: EventMention) -> CopyKey | None:
    """Where copies of this mention look for it; only an original document's mentions have one."""
    if m.duplicate_of is not None:
        return None
    return m.document_id, m.sub_event_type, sentence_key(m.sentence), m.in_comments


def copy_key(m: EventMention) -> CopyKey | None:
    """The original's mention a near-duplicate document's mention is a copy of, if it has one."""
    if m.duplicate_of is None:
        return None
    return m.duplicate_of, m.sub_event_type, sentence_key(m.sentence), m.in_comments


@dataclass(slots=True)
class BlockStats:
    """Counters that show whether blocking stays near-linear (tests read these, not time)."""

    candidates: int = 0  # ids handed out for scoring (before the date-window check)
    capped: int = 0  # ids left out because a block outgrew BLOCK_CAP


class BlockIndex:
    """Mention ids by (family, date bucket, key), plus all dated ids by (family, date bucket)."""

    def __init__(self, cap: int = BLOCK_CAP, undated_cap: int = UNDATED_CAP) -> None:
        self.cap, self.undated_cap = cap, undated_cap
        self.stats = BlockStats()
        self._blocks: dict[tuple[str, int, str], list[str]] = {}
        self._all: dict[tuple[str, int], list[str]] = {}

    def register(self, m: EventMention) -> None:
        fam = family(m.event_type)
        buckets = date_buckets(m)
        keys = undated_keys(m, query=False) if buckets == [UNDATED] else registered_places(m)
        for bucket in buckets:
            if bucket != UNDATED:
                self._all.setdefault((fam, bucket), []).append(m.mention_id)
            for key in keys:
                self._blocks.setdefault((fam, bucket, key), []).append(m.mention_id)

    def candidates(self, m: EventMention) -> Iterator[str]:
        """Ids of registered mentions that share a block with ``m`` (each once)."""
        fam, buckets, seen = family(m.event_type), date_buckets(m), set()
        keys = undated_keys(m, query=True) if buckets == [UNDATED] else queried_places(m)
        for bucket in buckets:
            if keys is None:
                groups = [self._all.get((fam, bucket), [])]
            else:
                groups = [self._blocks.get((fam, bucket, key), []) for key in keys]
            cap = self.undated_cap if bucket == UNDATED else self.cap
            for group in (self._capped(g, cap) for g in groups):
                for mention_id in group:
                    if mention_id not in seen:
                        seen.add(mention_id)
                        yield mention_id
        self.stats.candidates += len(seen)

    def _capped(self, group: list[str], cap: int) -> list[str]:
        """The newest ``cap`` ids of a block: the reports nearest in arrival, deterministic."""
        if len(group) <= cap:
            return group
        self.stats.capped += len(group) - cap
        return group[-cap:]
