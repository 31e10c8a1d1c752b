"""The questions users ask of fused events: by grade, by outlet, and where sources disagree.

``who_says_what`` and ``contradictions`` answer them for one event (``fuse_grade``); these
answer them across a list of events. Outlets are matched through the registry, so "SANA",
"Syrian Arab News Agency" and "sana.sy" find the same reports.
"""

from __future__ import annotations

from collections.abc import Sequence

from newstrace.outlets import OutletRegistry, default_registry
from newstrace.records import Event, EventMention
from newstrace.stages.fuse.grade import Contradiction, find_contradictions

GRADES = ("single_source", "corroborated", "contested")


def events_by_grade(events: Sequence[Event], grade: str) -> list[Event]:
    if grade not in GRADES:
        raise ValueError(f"unknown grade {grade!r}; expected one of {', '.join(GRADES)}")
    return [e for e in events if e.corroboration.grade == grade]


def events_by_outlet(
    events: Sequence[Event],
    mentions: Sequence[EventMention],
    outlet: str,
    registry: OutletRegistry | None = None,
) -> list[Event]:
    """Events that at least one report of ``outlet`` (name, alias, domain) mentions."""
    registry = registry or default_registry()
    wanted = registry.key(outlet)
    ids = {m.mention_id for m in mentions if m.outlet and registry.key(m.outlet) == wanted}
    return [e for e in events if not ids.isdisjoint(e.mention_ids)]


def contradictions_list(
    events: Sequence[Event],
    mentions: Sequence[EventMention],
    registry: OutletRegistry | None = None,
) -> list[tuple[str, Contradiction]]:
    """Every disagreement between sources, as (event id, contradiction), events in id order."""
    registry = registry or default_registry()
    by_id = {m.mention_id: m for m in mentions}
    found = []
    for event in sorted(events, key=lambda e: e.event_id):
        if event.corroboration.grade != "contested":
            continue
        group = [by_id[i] for i in event.mention_ids if i in by_id]
        found += [(event.event_id, c) for c in find_contradictions(group, registry)]
    return found
