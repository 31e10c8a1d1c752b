"""Fuse stage: event mentions from all documents → canonical events ("one event, many mentions").

Pairs that share a block (``fuse_blocking``) are scored by the rules of ``fuse_score``; a pair
that matches is a link. Linked mentions form groups, and each group splits into events by
applying its links strongest first, never joining mentions a hard rule keeps apart
(``fuse_cluster``). Links depend only on the pair and the split only on the group, so adding
documents one by one gives the events a batch run gives, and any input order gives the same
events and ids. A new document is compared only with its blocks, and only the groups it touches
are rebuilt. Each event keeps its links and near misses (``MatchDecision`` with reasons), its
reconciled fields (``fuse_reconcile``) and its grade (``fuse_grade``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newstrace.outlets import OutletRegistry, default_registry
from newstrace.records import Event, EventMention, MatchDecision
from newstrace.stages.fuse.blocking import BlockIndex
from newstrace.stages.fuse.cluster import Components, clusters
from newstrace.stages.fuse.grade import (
    Contradiction,
    SourceVersion,
    contradictions,
    grade,
    who_says_what,
)
from newstrace.stages.fuse.independence import independent_sources, report_order
from newstrace.stages.fuse.queries import contradictions_list, events_by_grade, events_by_outlet
from newstrace.stages.fuse.reconcile import reconcile
from newstrace.stages.fuse.score import (
    Features,
    compare_features,
    features,
    ruled_out,
    windows_meet,
)

__all__ = [
    "Contradiction",
    "FusionIndex",
    "FusionResult",
    "SourceVersion",
    "contradictions",
    "contradictions_list",
    "events_by_grade",
    "events_by_outlet",
    "fuse",
    "grade",
    "independent_sources",
    "who_says_what",
]

NEAR_MISS = 0.5  # rejected pairs scoring ≥ 0.5 are kept with the event, to audit near misses


@dataclass(frozen=True, slots=True)
class FusionResult:
    created: tuple[Event, ...]
    updated: tuple[Event, ...]
    retired: tuple[str, ...]  # ids gone: merged into another event or moved to an earlier report
    decisions: tuple[MatchDecision, ...]  # every pair scored (blocked and date-compatible)


def event_id(mentions: Sequence[EventMention]) -> str:
    """Hash of the earliest report's mention id: stable while later reports join."""
    first = min(mentions, key=report_order)
    return "ev-" + hashlib.sha256(first.mention_id.encode("utf-8")).hexdigest()[:16]


class FusionIndex:
    """Incremental fusion state: mentions, their blocks, links and the events they form."""

    def __init__(self, registry: OutletRegistry | None = None) -> None:
        self.registry = registry or default_registry()
        self._mentions: dict[str, EventMention] = {}
        self._features: dict[str, Features] = {}
        self._blocks = BlockIndex()
        self._groups = Components()
        self._links: dict[str, dict[str, float]] = {}
        self._kept: dict[str, list[MatchDecision]] = {}  # by mention id, both ends
        self._cache: dict[str, list[Event]] = {}  # events by group root

    @classmethod
    def empty(cls, registry: OutletRegistry | None = None) -> FusionIndex:
        return cls(registry)

    @classmethod
    def from_events(
        cls,
        events: Sequence[Event],
        mentions: Sequence[EventMention],
        registry: OutletRegistry | None = None,
    ) -> FusionIndex:
        """Rebuild stored events from their kept decisions, without rescoring their pairs."""
        index = cls(registry)
        by_id = {m.mention_id: m for m in mentions}
        for event in events:
            for mention_id in event.mention_ids:
                if mention_id in by_id:
                    index._insert(by_id[mention_id], features(by_id[mention_id]))
        for event in events:
            for decision in event.decisions:
                if decision.mention_a in by_id and decision.mention_b in by_id:
                    index._record(decision)
        return index

    def add(self, mentions: Sequence[EventMention]) -> FusionResult:
        """Fuse new mentions into the index; mentions already present are ignored."""
        unique = {m.mention_id: m for m in mentions if m.mention_id not in self._mentions}
        fresh = [unique[i] for i in sorted(unique)]
        old_ids: set[str] = set()  # ids of the existing events this batch touches
        decisions = []
        for m in fresh:
            mine = features(m)
            others = (self._features[o] for o in self._blocks.candidates(m))
            # Blocks are 4-day buckets; the exact windows decide which pairs get scored at all.
            found = [compare_features(mine, f) for f in others if windows_meet(mine, f)]
            for decision in found:
                other = (
                    decision.mention_b if decision.mention_a == m.mention_id else decision.mention_a
                )
                if decision.same_event:
                    old_ids |= self._before(self._groups.find(other), unique)
            self._insert(m, mine)
            for decision in found:
                self._record(decision)
            decisions += found
        return self._result(fresh, old_ids, decisions)

    def events(self) -> list[Event]:
        every = [e for root in list(self._groups.roots()) for e in self._events_of(root)]
        return sorted(every, key=lambda e: e.event_id)

    # -- internals ------------------------------------------------------------------------------

    def _insert(self, m: EventMention, feats: Features) -> None:
        if m.mention_id not in self._mentions:
            self._mentions[m.mention_id] = m
            self._features[m.mention_id] = feats
            self._groups.add(m.mention_id)
            self._blocks.register(m)

    def _record(self, d: MatchDecision) -> None:
        a, b = d.mention_a, d.mention_b
        if not d.same_event and d.score < NEAR_MISS:
            return  # neither a link nor a near miss: nothing an event shows changes
        for root in {self._groups.find(a), self._groups.find(b)}:
            self._cache.pop(root, None)  # the events there gain a link or a near miss
        self._kept.setdefault(a, []).append(d)
        self._kept.setdefault(b, []).append(d)
        if d.same_event:
            self._links.setdefault(a, {})[b] = d.score
            self._links.setdefault(b, {})[a] = d.score
            self._groups.union(a, b)

    def _before(self, root: str, fresh: Mapping[str, EventMention]) -> set[str]:
        """Ids of a group's events as they stood before this batch (empty once it has changed)."""
        if any(i in fresh for i in self._groups.members[root]):
            return set()
        return {e.event_id for e in self._events_of(root)}

    def _events_of(self, root: str) -> list[Event]:
        if root not in self._cache:
            groups = clusters(self._groups.members[root], self._links, self._apart)
            self._cache[root] = [self._build(ids) for ids in groups]
        return self._cache[root]

    def _apart(self, a: str, b: str) -> bool:
        return ruled_out(self._features[a], self._features[b]) is not None

    def _build(self, ids: Sequence[str]) -> Event:
        group = sorted((self._mentions[i] for i in ids), key=report_order)
        fields = reconcile(group)
        # Links to mentions of other events stay too: grouping may keep linked mentions apart
        # (a hard rule separates them from the event), and resuming needs every link.
        decisions = {(d.mention_a, d.mention_b): d for i in ids for d in self._kept.get(i, [])}
        date = fields.date
        return Event(
            event_id=event_id(group), mention_ids=tuple(m.mention_id for m in group),
            event_type=fields.event_type, sub_event_type=fields.sub_event_type,
            disorder_type=fields.disorder_type, corroboration=grade(group, self.registry),
            event_date=date.value if date else None, date_text=date.text if date else None,
            time_precision=date.precision if date else None, actor1=fields.actor1,
            assoc_actor_1=fields.assoc_actor_1, inter1=fields.inter1, actor2=fields.actor2,
            assoc_actor_2=fields.assoc_actor_2, inter2=fields.inter2,
            interaction=fields.interaction, place=fields.place, fatalities=fields.fatalities,
            fatalities_range=fields.fatalities_range, notes=fields.notes,
            certainty=fields.certainty, decisions=tuple(decisions[k] for k in sorted(decisions)),
        )  # fmt: skip

    def _result(
        self, fresh: Sequence[EventMention], old_ids: set[str], decisions: list[MatchDecision]
    ) -> FusionResult:
        roots = {self._groups.find(m.mention_id) for m in fresh}
        events = sorted((e for r in roots for e in self._events_of(r)), key=lambda e: e.event_id)
        new_ids = {e.event_id for e in events}
        return FusionResult(
            created=tuple(e for e in events if e.event_id not in old_ids),
            updated=tuple(e for e in events if e.event_id in old_ids),
            retired=tuple(sorted(old_ids - new_ids)),
            decisions=tuple(decisions),
        )


def fuse(
    mentions: Sequence[EventMention], *, registry: OutletRegistry | None = None
) -> list[Event]:
    """Batch fusion: the same mentions in any order give the same events and ids."""
    index = FusionIndex.empty(registry)
    index.add(mentions)
    return index.events()
