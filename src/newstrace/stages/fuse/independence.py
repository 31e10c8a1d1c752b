"""Source independence: which mentions of one event are separate sources and which relay another.

A mention's *source* is the first named party of its claimant chain (``claimed_by`` runs from the
original claimant out to the document's outlet): "the Syrian Ministry of Defence" relayed by
three outlets is one source; an anonymous claimant ("a resident", "an officer") is the source
of the medium that heard it, so an outlet's own eyewitnesses and its own asserted reporting count
as that outlet. Syndicated copies (``duplicate_of``) are their original document; the same
outlet counts once. A state speaks once, through whichever body or metonym relays it: "Syria's
Ministry of Defence said", "the Syrian army said" and "Damascus accused" are one source, the
Syrian state (``ActorDictionary.government_of``, capitals from GeoNames). Reader comments are
never sources; denials, hypotheticals and announcements are not sources *for* the event
(denials are graded as contesting it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from newstrace.actordict import load_dictionary
from newstrace.gazetteer.countries import capital_countries
from newstrace.gazetteer.normalize import fold
from newstrace.outlets import OutletRegistry, default_registry, normalise_name
from newstrace.records import Certainty, Claimant, EventMention

NOT_FOR = frozenset({Certainty.DENIED, Certainty.HYPOTHETICAL, Certainty.FUTURE})
_STATE = "state:"  # a claimant key naming a state, never fuzzily merged ("iraq" ~ "iran" at 90)
SAME_CLAIMANT = 90  # token_set_ratio: "Syrian Ministry of Defence" = "the Syrian Defence Ministry"
_ANONYMOUS = re.compile(
    r"^(a|an|one|two|three|some|several|local|unnamed|anonymous)\b|"
    r"\b(resident|residents|eyewitness|eyewitnesses|witness|witnesses|source|sources|activist|activists|"
    r"locals|people|medic|medics)$",
    re.IGNORECASE,
)
_SPELLING = {"defense": "defence", "ministry of defence": "defence ministry"}


@dataclass(frozen=True, slots=True)
class Source:
    """The independent source behind one mention."""

    key: str  # "outlet:<registry id>" or "claimant:<normalised name>" or "document:<id>"
    name: str  # display name of the source
    outlet: str  # the outlet that carried this mention
    relayed: bool  # True when the outlet relays someone else's claim


def claimant_name(c: Claimant) -> str | None:
    """The name a claimant goes by, or None for an anonymous one."""
    name = c.organisation or c.speaker or c.medium
    if name:
        return name
    text = c.text.strip()
    return None if not text or _ANONYMOUS.search(text) else text


@lru_cache(maxsize=4096)
def _claimant_key(name: str, where: str | None = None) -> str:
    state = _state_of(name, where)
    if state is not None:
        return f"{_STATE}{fold(state)}"
    key = normalise_name(name)
    for old, new in _SPELLING.items():
        key = key.replace(old, new)
    return key


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return capital_countries()


def _state_of(name: str, where: str | None) -> str | None:
    """The state a claimant speaks for: a government body or force, or the capital alone.
    ``where``: the country of the event, for a body named without one ("the ministry")."""
    bare = re.sub(r"^(?:the|officials? in|authorities in)\s+", "", name.strip(), flags=re.I)
    return _capitals().get(fold(bare)) or load_dictionary().government_of(name, where)


def source_of(m: EventMention, registry: OutletRegistry) -> Source:
    outlet = m.outlet or "unknown outlet"
    outlet_key = registry.key(m.outlet)
    for claimant in m.attribution.claimed_by:
        name = claimant_name(claimant)
        if name is None:
            continue  # anonymous: the claim belongs to the next medium in the chain
        known = registry.lookup(name)
        if known is not None and known.id != outlet_key:
            return Source(f"outlet:{known.id}", name, outlet, True)
        if registry.key(name) == outlet_key:
            break
        where = m.place.country if m.place else None
        key = _claimant_key(name, where)
        return Source(f"claimant:{key}", name.removeprefix("the "), outlet, True)
    if m.duplicate_of:
        return Source(f"document:{m.duplicate_of}", outlet, outlet, True)
    return Source(f"outlet:{outlet_key}", outlet, outlet, False)


def sources(mentions: Sequence[EventMention], registry: OutletRegistry) -> dict[str, Source]:
    """Source per mention id, with near-identical claimant names merged and copies resolved."""
    found = {m.mention_id: source_of(m, registry) for m in mentions}
    by_document = {m.document_id: found[m.mention_id] for m in mentions if not m.duplicate_of}
    for m in mentions:
        src = found[m.mention_id]
        if src.key == f"document:{m.duplicate_of}" and m.duplicate_of in by_document:
            original = by_document[m.duplicate_of]
            found[m.mention_id] = Source(original.key, original.name, src.outlet, True)
    return _merge_claimants(found)


def _merge_claimants(found: dict[str, Source]) -> dict[str, Source]:
    keys = sorted(
        {s.key for s in found.values() if s.key.startswith("claimant:")}
        - {s.key for s in found.values() if s.key.startswith(f"claimant:{_STATE}")}
    )
    reps: list[str] = []  # sorted, so the first spelling of a group is its representative
    canon: dict[str, str] = {}
    for key in keys:
        name = key.removeprefix("claimant:")  # the prefix must not glue onto the first word
        same = [
            r
            for r in reps
            if fuzz.token_set_ratio(r.removeprefix("claimant:"), name) >= SAME_CLAIMANT
        ]
        canon[key] = same[0] if same else key
        reps += [] if same else [key]
    return {
        mid: Source(canon.get(s.key, s.key), s.name, s.outlet, s.relayed)
        for mid, s in found.items()
    }


def counted(m: EventMention) -> bool:
    """Whether a mention can be a source for the event having happened."""
    return not m.in_comments and m.attribution.certainty not in NOT_FOR


def independent_sources(
    mentions: Sequence[EventMention], registry: OutletRegistry | None = None
) -> tuple[int, list[str]]:
    """Number of independent sources reporting the event, and one label per source.

    Labels read "Desk A (relays Syrian Ministry of Defence; also Desk B)" or "Desk D (own
    reporting)"; the first outlet of a source is its earliest report (ties: mention id).
    """
    registry = registry or default_registry()
    pool = sorted((m for m in mentions if counted(m)), key=report_order)
    by_key: dict[str, list[Source]] = {}
    found = sources(pool, registry)
    for m in pool:
        by_key.setdefault(found[m.mention_id].key, []).append(found[m.mention_id])
    return len(by_key), [_label(group) for group in by_key.values()]


def _label(group: list[Source]) -> str:
    first = group[0]
    others = sorted({s.outlet for s in group} - {first.outlet})
    also = f"; also {', '.join(others)}" if others else ""
    if not first.relayed:
        return f"{first.outlet} (own reporting{also})"
    return f"{first.outlet} (relays {first.name}{also})"


def report_order(m: EventMention) -> tuple[str, str]:
    return (m.published.isoformat() if m.published else "9999", m.mention_id)
