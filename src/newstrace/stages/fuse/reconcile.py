"""Field reconciliation: one event's fields from all its mentions, by stated rules.

- fatalities: the minimum of the credible counts (ACLED's conservative rule), with the range of
  every count reported (alleged ones too) kept in ``fatalities_range``;
- date: the most precise mention's (lowest time_precision; ties: earliest published report);
- place: the most precise geo_precision with coordinates (ties: the place most mentions name);
- type and sub-type: the most frequent among credible mentions (ties: earliest report);
- actors: the most frequent named actor1/actor2 ("Unidentified …" only when nothing else is
  named); every other actor goes to the associated actors;
- notes: the sentence of the best mention (most precise, asserted before reported), one sentence.

*Credible* = not in comments, not denied, hypothetical or future; when no mention is credible
the reconciliation falls back to every non-comment mention, then to all of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newstrace.records import Certainty, DateMention, EventMention, PlaceMention
from newstrace.stages.fuse.independence import NOT_FOR, report_order

NOTES_CHARS = 300  # a summary sentence; longer sentences are cut at a word boundary
_CERTAINTY_RANK = [
    Certainty.ASSERTED, Certainty.REPORTED, Certainty.ALLEGED, Certainty.UNVERIFIED,
    Certainty.HYPOTHETICAL, Certainty.FUTURE, Certainty.DENIED,
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reconciled:
    event_type: str
    sub_event_type: str
    disorder_type: str
    date: DateMention | None
    place: PlaceMention | None
    actor1: str | None
    assoc_actor_1: tuple[str, ...]
    inter1: int | None
    actor2: str | None
    assoc_actor_2: tuple[str, ...]
    inter2: int | None
    interaction: int | None
    fatalities: int | None
    fatalities_range: tuple[int, int] | None
    notes: str
    certainty: str


def _is_credible(m: EventMention) -> bool:
    return not m.in_comments and m.attribution.certainty not in NOT_FOR


def credible(mentions: Sequence[EventMention]) -> list[EventMention]:
    ordered = sorted(mentions, key=report_order)
    return (
        [m for m in ordered if _is_credible(m)]
        or [m for m in ordered if not m.in_comments]
        or ordered
    )


def _most_frequent(values: Sequence[str]) -> str | None:
    """Most frequent value; ties go to the value seen first (the earliest report)."""
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -values.index(v))) if counts else None


def pick_date(pool: Sequence[EventMention]) -> DateMention | None:
    dated = [m.date for m in pool if m.date is not None and m.date.value is not None]
    undated = [m.date for m in pool if m.date is not None and m.date.value is None]
    if dated:
        return min(dated, key=lambda d: d.precision)  # min() keeps the first: earliest report
    return undated[0] if undated else None


def pick_place(pool: Sequence[EventMention]) -> PlaceMention | None:
    places = [m.place for m in pool if m.place is not None]
    if not places:
        return None
    votes = Counter(p.place_id or p.name for p in places)
    located = [p for p in places if p.latitude is not None] or places
    return min(located, key=lambda p: (p.geo_precision, -votes[p.place_id or p.name]))


def pick_actors(
    pool: Sequence[EventMention],
) -> tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]]:
    """actor1, actor2, and the other actors on the side where mentions name them."""

    def choose(get: Callable[[EventMention], str | None]) -> str | None:
        names = [n for n in map(get, pool) if n]
        named = [n for n in names if not n.startswith("Unidentified")]
        return _most_frequent(named or names)

    actor1 = choose(lambda m: m.actor1)
    actor2 = choose(lambda m: m.actor2 if m.actor2 != actor1 else None)
    side2 = {n for m in pool for n in (m.actor2, *m.assoc_actor_2) if n}
    side1 = {n for m in pool for n in (m.actor1, *m.assoc_actor_1) if n} - side2
    chosen = {actor1, actor2}
    return actor1, actor2, tuple(sorted(side1 - chosen)), tuple(sorted(side2 - chosen))


def _inter(pool: Sequence[EventMention], actor: str | None) -> int | None:
    for m in pool:
        if actor and m.actor1 == actor and m.inter1 is not None:
            return m.inter1
        if actor and m.actor2 == actor and m.inter2 is not None:
            return m.inter2
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED: the two inter codes, lower first (1 and 3 → 13); one-sided 1 → 10."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def pick_fatalities(mentions: Sequence[EventMention]) -> tuple[int | None, tuple[int, int] | None]:
    pool = credible(mentions)
    counts = [m.fatalities for m in pool if m.fatalities is not None]
    reported = [m.fatalities for m in mentions if m.fatalities is not None and not m.in_comments]
    reported = reported or counts
    value = min(counts) if counts else None
    return value, ((min(reported), max(reported)) if reported else None)


def best_mention(pool: Sequence[EventMention]) -> EventMention:
    def rank(m: EventMention) -> tuple[int, int, int, float]:
        dp = m.date.precision if m.date and m.date.value else 9
        gp = m.place.geo_precision if m.place else 9
        return (_CERTAINTY_RANK.index(m.attribution.certainty), dp, gp, -m.score)

    return min(pool, key=rank)


def one_sentence(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= NOTES_CHARS:
        return text
    return text[:NOTES_CHARS].rsplit(" ", 1)[0] + " …"


def reconcile(mentions: Sequence[EventMention]) -> Reconciled:
    pool = credible(mentions)
    sub = _most_frequent([m.sub_event_type for m in pool])
    typed = next(m for m in pool if m.sub_event_type == sub)
    actor1, actor2, assoc1, assoc2 = pick_actors(pool)
    inter1, inter2 = _inter(pool, actor1), _inter(pool, actor2)
    fatalities, span = pick_fatalities(mentions)
    best = best_mention(pool)
    return Reconciled(
        typed.event_type, typed.sub_event_type, typed.disorder_type, pick_date(pool),
        pick_place(pool), actor1, assoc1, inter1, actor2, assoc2, inter2,
        interaction(inter1, inter2), fatalities, span, one_sentence(best.sentence),
        str(min((m.attribution.certainty for m in pool), key=_CERTAINTY_RANK.index)),
    )  # fmt: skip
