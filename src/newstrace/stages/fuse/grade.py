"""Airwars-style grades with reasons, "who says what", and the contradictions list.

- ``contested``: a denial, or sources disagreeing on perpetrator (actor1), target (actor2) or
  fatalities beyond the tolerance of ``fatalities_disagree`` (±1 or ±10 %);
- ``corroborated``: ≥ 2 independent sources (``fuse_independence``) and nothing contested;
- ``single_source``: otherwise (0 sources when only comments or denials mention it).
The share of alleged/unverified mentions is reported alongside; no grade is a truth verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newstrace.outlets import OutletRegistry, default_registry
from newstrace.records import Certainty, Corroboration, Event, EventMention
from newstrace.stages.fuse.independence import (
    Source,
    claimant_name,
    counted,
    independent_sources,
    report_order,
    sources,
)

DOUBTFUL = frozenset({Certainty.ALLEGED, Certainty.UNVERIFIED})


def fatalities_disagree(low: int, high: int) -> bool:
    """4 vs 7 disagree; 4 vs 5 and 100 vs 108 do not (±1, or ±10 % of the larger count)."""
    return high - low > max(1, 0.1 * high)


@dataclass(frozen=True, slots=True)
class SourceVersion:
    """One independent source's version of an event, for side-by-side display."""

    source: str  # display name of the independent source
    outlets: tuple[str, ...]  # outlets carrying it, earliest first
    outlet_labels: tuple[str, ...]  # the same with the registry's affiliation label
    claimant_chain: tuple[str, ...]  # original claimant first, outlet last (earliest report)
    certainty: str
    event_date: str | None
    date_text: str | None
    place: str | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    mention_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    field: str  # happened | actor1 | actor2 | fatalities
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, sources saying it), value order

    def describe(self) -> str:
        parts = [f"{value} ({', '.join(who)})" for value, who in self.values]
        return f"{self.field} disagree: {' vs '.join(parts)}"


def _event_mentions(event: Event, mentions: Sequence[EventMention]) -> list[EventMention]:
    wanted = set(event.mention_ids)
    return sorted((m for m in mentions if m.mention_id in wanted), key=report_order)


def _by_value(
    pool: Sequence[EventMention], found: dict[str, Source], get: str
) -> dict[str, list[str]]:
    """Each value of a field with the sources saying it (one name per source key)."""
    values: dict[str, dict[str, str]] = {}
    for m in pool:
        value = getattr(m, get)
        if value is None or (isinstance(value, str) and value.startswith("Unidentified")):
            continue
        src = found[m.mention_id]
        values.setdefault(str(value), {}).setdefault(src.key, src.name)
    return {value: list(who.values()) for value, who in values.items()}


def find_contradictions(
    mentions: Sequence[EventMention], registry: OutletRegistry
) -> list[Contradiction]:
    news = [m for m in sorted(mentions, key=report_order) if not m.in_comments]
    found = sources(news, registry)
    reporting = [m for m in news if counted(m)]
    result = []
    denials = [m for m in news if m.attribution.certainty == Certainty.DENIED]
    if denials and reporting:
        yes = _names(reporting, found)
        result.append(
            Contradiction("happened", (("reported", yes), ("denied", _names(denials, found))))
        )
    for field in ("actor1", "actor2"):
        values = _by_value(reporting, found, field)
        if len(values) > 1:
            result.append(Contradiction(field, tuple((v, tuple(w)) for v, w in values.items())))
    counts = _by_value(reporting, found, "fatalities")
    numbers = sorted(int(v) for v in counts)
    if numbers and fatalities_disagree(numbers[0], numbers[-1]):
        result.append(
            Contradiction("fatalities", tuple((str(n), tuple(counts[str(n)])) for n in numbers))
        )
    return result


def _names(pool: Sequence[EventMention], found: dict[str, Source]) -> tuple[str, ...]:
    by_key: dict[str, str] = {}
    for m in pool:
        by_key.setdefault(found[m.mention_id].key, found[m.mention_id].name)
    return tuple(by_key.values())


def contradictions(
    event: Event, mentions: Sequence[EventMention], registry: OutletRegistry | None = None
) -> list[Contradiction]:
    """Where the sources of one event disagree: field, and each value with who says it."""
    return find_contradictions(_event_mentions(event, mentions), registry or default_registry())


def _denial_reason(m: EventMention) -> str:
    names = [n for n in map(claimant_name, m.attribution.claimed_by) if n]
    who = names[0] if names and names[0] != m.outlet else "the outlet itself"
    return f"denied by {who} ({m.outlet or 'unknown outlet'})"


def grade(
    mentions: Sequence[EventMention], registry: OutletRegistry | None = None
) -> Corroboration:
    """Grade and reasons for the mentions of one event."""
    registry = registry or default_registry()
    count, labels = independent_sources(mentions, registry)
    noun = "source" if count == 1 else "sources"
    reasons = [
        f"{count} independent {noun}: {', '.join(labels)}" if labels else "0 independent sources"
    ]
    if not labels and any(m.in_comments for m in mentions):
        reasons.append("only reader comments mention it (comments are not sources)")
    disputes = find_contradictions(mentions, registry)
    denials = [
        m for m in mentions if m.attribution.certainty == Certainty.DENIED and not m.in_comments
    ]
    reasons += [_denial_reason(m) for m in sorted(denials, key=report_order)]
    reasons += [d.describe() for d in disputes if d.field != "happened"]
    news = [m for m in mentions if not m.in_comments]
    share = sum(m.attribution.certainty in DOUBTFUL for m in news) / len(news) if news else 0.0
    if share:
        reasons.append(f"{share:.0%} of the reports present it as alleged or unverified")
    graded = (
        "contested" if denials or disputes else "corroborated" if count >= 2 else "single_source"
    )
    return Corroboration(count, graded, tuple(reasons), round(share, 3))


def who_says_what(
    event: Event, mentions: Sequence[EventMention], registry: OutletRegistry | None = None
) -> list[SourceVersion]:
    """Each independent source's version of the event (denials as their own sources)."""
    registry = registry or default_registry()
    pool = [m for m in _event_mentions(event, mentions) if not m.in_comments]
    found = sources(pool, registry)
    groups: dict[tuple[str, bool], list[EventMention]] = {}
    for m in pool:
        denied = m.attribution.certainty == Certainty.DENIED
        groups.setdefault((found[m.mention_id].key, denied), []).append(m)
    return [_version(group, found, registry) for group in groups.values()]


def _version(
    group: list[EventMention], found: dict[str, Source], registry: OutletRegistry
) -> SourceVersion:
    first = group[0]
    outlets = tuple(dict.fromkeys(m.outlet or "unknown outlet" for m in group))
    chain = tuple(
        c.organisation or c.speaker or c.medium or c.text for c in first.attribution.claimed_by
    )
    date = first.date
    return SourceVersion(
        found[first.mention_id].name, outlets, tuple(registry.label(o) for o in outlets), chain,
        str(first.attribution.certainty), date.value.isoformat() if date and date.value else None,
        date.text if date else None, first.place.name if first.place else None, first.actor1,
        first.actor2, min((m.fatalities for m in group if m.fatalities is not None), default=None),
        tuple(m.mention_id for m in group),
    )  # fmt: skip
