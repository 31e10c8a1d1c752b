"""Re-grade the events an outlet reports after its label changes (``PUT /api/outlets/{id}``).

Grades depend on which outlets are one source (``stages.fuse.grade`` via the registry's ids,
names, aliases and domains), so an edit can merge or split sources. Only the events with a
mention from the edited outlet — under its old or its new entry — are graded again, with the
fusion stage's own ``grade``; nothing else about them changes, and nothing needs
``newstrace annotate``.
"""

from __future__ import annotations

from dataclasses import replace

from newstrace.ledger.sqlite import Ledger
from newstrace.outlets import OutletRegistry
from newstrace.stages.fuse import grade

# Events graded per step: one query for their records and one for all their mentions.
_BATCH = 500


def regrade_outlet(
    ledger: Ledger, outlet_id: str, before: OutletRegistry, after: OutletRegistry
) -> int:
    """Grade again every event reported by ``outlet_id`` (old or new entry); returns how many
    grades changed. The caller holds the write lock; this runs in one transaction."""
    names = [
        term
        for term in ledger.mentions.outlet_terms()
        if outlet_id in (before.key(term), after.key(term))
    ]
    event_ids = ledger.mentions.events_reported_by(names)
    changed = 0
    with ledger.transaction():
        for start in range(0, len(event_ids), _BATCH):
            changed += _regrade(ledger, event_ids[start : start + _BATCH], after)
    return changed


def _regrade(ledger: Ledger, event_ids: list[str], registry: OutletRegistry) -> int:
    events = ledger.mentions.events_by_id(event_ids)
    mentions = ledger.mentions.mentions_by_event(event_ids)
    updated = []
    for event in events:
        own = mentions.get(event.event_id, [])
        corroboration = grade(own, registry) if own else event.corroboration
        if corroboration != event.corroboration:
            updated.append(replace(event, corroboration=corroboration))
    ledger.mentions.assign_events(updated)
    return len(updated)
