"""Grouping linked mentions into events without chaining unrelated incidents together.

Pairwise links are not transitive: an undated report can link to Monday's strike and to
Tuesday's, and plain connected components would then merge the two strikes. Within each
connected group of links, links are applied strongest first (score, then ids) and a link is
skipped when it would put two mentions that were compared and *ruled out* by a hard rule
(dates exclude each other, too far apart, history vs current news, different strategic
development) into one event. The result depends only on the links and rulings inside the
group, never on the order mentions arrived in, so incremental fusion equals batch fusion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence


class Components:
    """Union-find over mention ids: connected groups of links, for incremental updates."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def add(self, mention_id: str) -> None:
        self._parent.setdefault(mention_id, mention_id)
        self.members.setdefault(mention_id, [mention_id])

    def find(self, mention_id: str) -> str:
        root = mention_id
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[mention_id] != root:  # path compression keeps finds near O(1)
            self._parent[mention_id], mention_id = root, self._parent[mention_id]
        return root

    def union(self, a: str, b: str) -> tuple[str, str] | None:
        """Merge two groups; returns (kept root, absorbed root) or None if already one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return ra, rb

    def roots(self) -> Iterable[str]:
        return self.members.keys()


def clusters(
    ids: Sequence[str],
    links: Mapping[str, Mapping[str, float]],
    apart: Callable[[str, str], bool],
) -> list[tuple[str, ...]]:
    """Events (sorted id tuples) of one connected group, strongest links first."""
    edges = sorted(
        {(-score, min(a, b), max(a, b)) for a in ids for b, score in links.get(a, {}).items()}
    )
    owner = {i: i for i in ids}
    groups: dict[str, set[str]] = {i: {i} for i in ids}
    for _, a, b in edges:
        ga, gb = owner[a], owner[b]
        if ga == gb or any(apart(x, y) for x in groups[ga] for y in groups[gb]):
            continue
        if len(groups[ga]) < len(groups[gb]):
            ga, gb = gb, ga
        for i in groups[gb]:
            owner[i] = ga
        groups[ga] |= groups.pop(gb)
    return sorted(tuple(sorted(g)) for g in groups.values())
