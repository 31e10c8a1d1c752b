"""Fuse stage: event mentions from all documents → canonical events ("one event, many mentions").

Pairs that share a block (``fuse_blocking``) are scored by the rules of ``fuse_score``; a pair
that matches is a link. Linked mentions form groups, and each group splits into events by
applying its links strongest first, never joining mentions a hard rule keeps apart
(``fuse_cluster``). Links depend only on the pair and the split only on the group, so adding
documents one by one gives the events a batch run gives, and any input order gives the same
events and ids. A new document is compared only with its blocks, and only the groups it touches
are rebuilt. A near-duplicate document's mention with its original's sentence joins the
original's event by one lookup instead (see ``FusionIndex``). Each event keeps its links and its
strongest near misses (``MatchDecision`` with reasons), its reconciled fields
(``fuse_reconcile``) and its grade (``fuse_grade``).
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newstrace.outlets import OutletRegistry, default_registry
from newstrace.records import Event, EventMention, MatchDecision
from newstrace.stages.fuse.blocking import BlockIndex, BlockStats, CopyKey, copy_key, origin_key
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
    COPY_REASON,
    Features,
    compare_features,
    copy_decision,
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
# Near misses kept per mention and shown per event, strongest first: in the 1k-document
# throughput bench the median event had 0 and the 90th percentile 9, while one undated block
# gave a single event 10,000; 10 keeps every near miss of 9 events in 10 and bounds the rest.
NEAR_MISSES_KEPT = 10


@dataclass(frozen=True, slots=True)
class FusionResult:
    created: tuple[Event, ...]
    updated: tuple[Event, ...]
    retired: tuple[str, ...]  # ids gone: merged into another event or moved to an earlier report
    decisions: tuple[MatchDecision, ...]  # every pair scored (blocked and date-compatible)
    capped: tuple[str, ...] = ()  # mentions whose candidates a full block cut (``BLOCK_CAP``)


def event_id(mentions: Sequence[EventMention]) -> str:
    """Hash of the earliest report's mention id: stable while later reports join."""
    first = min(mentions, key=report_order)
    return "ev-" + hashlib.sha256(first.mention_id.encode("utf-8")).hexdigest()[:16]


def _strength(d: MatchDecision) -> tuple[float, str, str]:
    return -d.score, d.mention_a, d.mention_b


def _arrival(mentions: Iterable[EventMention]) -> list[EventMention]:
    """Original documents' mentions before copies' (so a copy finds its original in the same
    batch, as the pipeline's order guarantees across batches), each part in id order."""
    return sorted(mentions, key=lambda m: (m.duplicate_of is not None, m.mention_id))


class FusionIndex:
    """Incremental fusion state: mentions, their blocks, links and the events they form.

    A mention of a near-duplicate document whose original document has a mention with the same
    sentence and sub-type is that mention's *copy*: it joins the original's event by one lookup,
    is never scored or blocked, and follows its original when events are split. This holds when
    the original document is fused no later than its copies, as the pipeline does (near-duplicate
    detection only names documents stored before); a copy fused earlier is scored as any mention.
    """

    def __init__(self, registry: OutletRegistry | None = None) -> None:
        self.registry = registry or default_registry()
        self._mentions: dict[str, EventMention] = {}
        self._features: dict[str, Features] = {}
        self._blocks = BlockIndex()
        self._groups = Components()
        self._links: dict[str, dict[str, float]] = {}
        self._kept: dict[str, list[MatchDecision]] = {}  # links, by mention id, both ends
        self._near: dict[str, list[MatchDecision]] = {}  # best near misses, by mention id
        self._originals: dict[CopyKey, str] = {}  # original documents' mentions, for copies
        self._copy_of: dict[str, str] = {}  # copy → the original mention it follows
        self._cache: dict[str, list[Event]] = {}  # events by group root
        self._touched: set[str] = set()  # roots of groups holding this batch's mentions

    @property
    def block_stats(self) -> BlockStats:
        return self._blocks.stats

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
        pairs = {(d.mention_a, d.mention_b): d for e in events for d in e.decisions}
        kept = [d for (a, b), d in sorted(pairs.items()) if a in by_id and b in by_id]
        copies = {c: o for d in kept if (pair := _copy_pair(d, by_id)) for c, o in [pair]}
        stored = {i for e in events for i in e.mention_ids if i in by_id}
        for m in _arrival(by_id[i] for i in stored):
            index._insert(m, copies.get(m.mention_id))
        for decision in kept:
            index._record(decision)
        return index

    def add(self, mentions: Sequence[EventMention]) -> FusionResult:
        """Fuse new mentions into the index; mentions already present are ignored."""
        unique = {m.mention_id: m for m in mentions if m.mention_id not in self._mentions}
        fresh = _arrival(unique.values())
        old_ids: set[str] = set()  # ids of the existing events this batch touches
        decisions: list[MatchDecision] = []
        capped: list[str] = []
        self._touched = set()
        for m in fresh:
            decisions += self._join(m, capped, old_ids)
        return self._result(fresh, old_ids, decisions, capped)

    def events(self) -> list[Event]:
        every = [e for root in list(self._groups.roots()) for e in self._events_of(root)]
        return sorted(every, key=lambda e: e.event_id)

    # -- internals ------------------------------------------------------------------------------

    def _original_of(self, m: EventMention) -> str | None:
        key = copy_key(m)
        return None if key is None else self._originals.get(key)

    def _join(self, m: EventMention, capped: list[str], old_ids: set[str]) -> list[MatchDecision]:
        """Score one new mention against its blocks (a copy: look its original up) and link it."""
        original = self._original_of(m)
        if original is None:
            mine, found = self._compare(m, capped)
        else:
            mine, found = None, [copy_decision(m, self._mentions[original])]
        for decision in found:
            if decision.same_event:
                pair = (decision.mention_a, decision.mention_b)
                other = pair[1] if pair[0] == m.mention_id else pair[0]
                old_ids |= self._before(self._groups.find(other))
        self._insert(m, original, mine)
        for decision in found:
            self._record(decision)
        return found

    def _compare(self, m: EventMention, capped: list[str]) -> tuple[Features, list[MatchDecision]]:
        mine, cut = features(m), self._blocks.stats.capped
        others = [self._features[o] for o in self._blocks.candidates(m)]
        if self._blocks.stats.capped > cut:
            capped.append(m.mention_id)
        # Blocks are 4-day buckets; the exact windows decide which pairs get scored at all.
        return mine, [compare_features(mine, f) for f in others if windows_meet(mine, f)]

    def _insert(self, m: EventMention, original: str | None, feats: Features | None = None) -> None:
        if m.mention_id in self._mentions:
            return
        self._mentions[m.mention_id] = m
        self._groups.add(m.mention_id)
        self._touched.add(m.mention_id)
        if original is not None:
            self._copy_of[m.mention_id] = original
            return  # a copy is reached through its original: never blocked, never scored
        self._features[m.mention_id] = feats or features(m)
        self._blocks.register(m)
        key = origin_key(m)
        if key is not None and (key not in self._originals or m.mention_id < self._originals[key]):
            self._originals[key] = m.mention_id

    def _record(self, d: MatchDecision) -> None:
        a, b = d.mention_a, d.mention_b
        if not d.same_event and d.score < NEAR_MISS:
            return  # neither a link nor a near miss: nothing an event shows changes
        for root in {self._groups.find(a), self._groups.find(b)}:
            self._cache.pop(root, None)  # the events there gain a link or a near miss
        if not d.same_event:
            for end in (a, b):
                self._keep_near_miss(end, d)
            return
        self._kept.setdefault(a, []).append(d)
        self._kept.setdefault(b, []).append(d)
        if self._copy_of.get(a) != b and self._copy_of.get(b) != a:
            self._links.setdefault(a, {})[b] = d.score
            self._links.setdefault(b, {})[a] = d.score
        merged = self._groups.union(a, b)
        if merged is not None and not self._touched.isdisjoint(merged):
            self._touched.add(merged[0])

    def _keep_near_miss(self, mention_id: str, d: MatchDecision) -> None:
        """Keep the ``NEAR_MISSES_KEPT`` strongest, sorted strongest first."""
        kept = self._near.setdefault(mention_id, [])
        rank = _strength(d)
        if len(kept) >= NEAR_MISSES_KEPT and rank >= _strength(kept[-1]):
            return  # weaker than every near miss kept (or one of them, resuming)
        if any((k.mention_a, k.mention_b) == (d.mention_a, d.mention_b) for k in kept):
            return  # resuming records a decision once per stored event that shows it
        bisect.insort(kept, d, key=_strength)
        del kept[NEAR_MISSES_KEPT:]

    def _before(self, root: str) -> set[str]:
        """Ids of a group's events as they stood before this batch (empty once it has changed)."""
        if root in self._touched:
            return set()
        return {e.event_id for e in self._events_of(root)}

    def _events_of(self, root: str) -> list[Event]:
        if root not in self._cache:
            self._cache[root] = [self._build(ids) for ids in self._split(root)]
        return self._cache[root]

    def _split(self, root: str) -> list[tuple[str, ...]]:
        """Events of one group: its scored mentions clustered, each copy with its original."""
        members = self._groups.members[root]
        scored = [i for i in members if i not in self._copy_of]
        groups = clusters(scored, self._links, self._apart)
        home = {i: n for n, ids in enumerate(groups) for i in ids}
        events: list[list[str]] = [list(ids) for ids in groups]
        for copy in (i for i in members if i in self._copy_of):
            events[home[self._copy_of[copy]]].append(copy)
        return [tuple(sorted(ids)) for ids in events]

    def _apart(self, a: str, b: str) -> bool:
        return ruled_out(self._features[a], self._features[b]) is not None

    def _decisions(self, ids: Sequence[str]) -> tuple[MatchDecision, ...]:
        """Every link of the event's mentions and its strongest near misses.

        Links to mentions of other events stay too: grouping may keep linked mentions apart
        (a hard rule separates them from the event), and resuming needs every link.
        """
        links = {(d.mention_a, d.mention_b): d for i in ids for d in self._kept.get(i, [])}
        near = {(d.mention_a, d.mention_b): d for i in ids for d in self._near.get(i, [])}
        best = sorted(near.values(), key=_strength)[:NEAR_MISSES_KEPT]
        chosen = links | {(d.mention_a, d.mention_b): d for d in best}
        return tuple(chosen[k] for k in sorted(chosen))

    def _build(self, ids: Sequence[str]) -> Event:
        group = sorted((self._mentions[i] for i in ids), key=report_order)
        fields = reconcile(group)
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
            certainty=fields.certainty, decisions=self._decisions(ids),
        )  # fmt: skip

    def _result(
        self,
        fresh: Sequence[EventMention],
        old_ids: set[str],
        decisions: list[MatchDecision],
        capped: list[str],
    ) -> FusionResult:
        roots = {self._groups.find(m.mention_id) for m in fresh}
        events = sorted((e for r in roots for e in self._events_of(r)), key=lambda e: e.event_id)
        new_ids = {e.event_id for e in events}
        return FusionResult(
            created=tuple(e for e in events if e.event_id not in old_ids),
            updated=tuple(e for e in events if e.event_id in old_ids),
            retired=tuple(sorted(old_ids - new_ids)),
            decisions=tuple(decisions),
            capped=tuple(capped),
        )


def _copy_pair(d: MatchDecision, by_id: Mapping[str, EventMention]) -> tuple[str, str] | None:
    """(copy, original) when a stored decision is a copy joining its original, else None."""
    if not d.same_event or not d.reasons or not d.reasons[0].startswith(COPY_REASON):
        return None
    a, b = by_id[d.mention_a], by_id[d.mention_b]
    return (a.mention_id, b.mention_id) if a.duplicate_of else (b.mention_id, a.mention_id)


def fuse(
    mentions: Sequence[EventMention], *, registry: OutletRegistry | None = None
) -> list[Event]:
    """Batch fusion: the same mentions in any order give the same events and ids."""
    index = FusionIndex.empty(registry)
    index.add(mentions)
    return index.events()
