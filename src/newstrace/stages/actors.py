"""Actor recognition: dictionary names, acronyms and descriptions → ACLED actor mentions.

``find_actors`` scans the text once with the actor dictionary (longest phrase wins, acronyms
case-sensitive), then decides per match:

- a named actor ("HTS", "Daesh") → its ACLED name for the document's country and date;
- a demonym with a force noun ("Russian warplanes", "Turkish troops") → that state's forces;
  a demonym alone ("Russian") → nothing;
- a bare country name acting ("Russia refused…") → its military, generic; as a place ("in
  Syria", the document's own country) → nothing;
- a description ("regime forces", "police", "civilians", "gunmen") → the generated actor of the
  document's country, generic; armed-group words near a named group ("ISIS militants", "HTS-led
  jihadists") → that group;
- organisations and sources (SOHR, outlets, "activists", "SDF sources") → never actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from newstrace.actordict import ActorDictionary, ActorEntry, Scan
from newstrace.actordict_match import DictMatch
from newstrace.records import ActorMention
from newstrace.stages.actors_context import (
    Sentences,
    followed_by_source,
    infer_country,
    is_place_use,
    qualified,
)

__all__ = ["find_actors", "infer_country"]

# Words allowed between a demonym and its force noun: "Russian military advisers" (2),
# "US special operations forces" (2). Three would reach into the next phrase.
MAX_FORCE_MODIFIERS = 2
ARMED_GROUP_ROLE = "armed-group"
NON_STATE_INTERS = frozenset({2, 3, 4})


@dataclass(slots=True)
class _Document:
    scan: Scan
    dictionary: ActorDictionary
    country: str | None
    when: date | None
    sentences: Sentences
    named: list[ActorMention] = field(default_factory=list)

    def mention(self, start: int, end: int, entry: ActorEntry, *, generic: bool) -> ActorMention:
        d = self.dictionary
        return ActorMention(
            start=start,
            end=end,
            text=self.scan.text[start:end],
            actor=d.actor_name(entry, when=self.when, country=self.country),
            inter=d.inter(entry, self.country),
            country=d.actor_country(entry, self.country),
            generic=generic,
        )


def find_actors(
    text: str, dictionary: ActorDictionary, *, country: str | None = None, when: date | None = None
) -> list[ActorMention]:
    """Actor mentions in ``text`` with character offsets, in text order.

    ``country`` is the document's country in ACLED's naming ("Syria"); inferred from the text
    when None. ``when`` (the event or publication date) picks date-bounded names.
    """
    scan = dictionary.scan(text)
    doc = _Document(
        scan, dictionary, country or infer_country(scan, dictionary), when, Sentences(text)
    )
    pending_roles: list[DictMatch] = []
    consumed = 0
    for match in scan.matches:
        if match.start < consumed:
            continue
        kinds = {dictionary.entries[i].kind for i in match.ids}
        if "role" in kinds and "actor" not in kinds:
            pending_roles.append(match)
            continue
        found = _resolve(doc, match, kinds)
        if found is not None:
            doc.named.append(found)
            consumed = found.end
    roles = [r for r in (_resolve_role(doc, m) for m in pending_roles) if r]
    return _merge_adjacent(doc, sorted(doc.named + roles, key=lambda m: m.start))


def _of_kind(doc: _Document, match: DictMatch, kind: str) -> ActorEntry | None:
    ids = [i for i in match.ids if doc.dictionary.entries[i].kind == kind]
    return doc.dictionary.choose(ids, doc.country, doc.when) if ids else None


def _resolve(doc: _Document, match: DictMatch, kinds: set[str]) -> ActorMention | None:
    named = "actor" in kinds
    if qualified(doc.scan, match, doc.dictionary, named=named) or followed_by_source(
        doc.scan, match
    ):
        return None
    actor = _of_kind(doc, match, "actor")
    if actor is not None:
        return doc.mention(match.start, match.end, actor, generic=False)
    if "demonym" in kinds or "country" in kinds:
        found = _state_force(doc, match)
        if found is not None or "country" not in kinds:
            return found
        return _bare_country(doc, match)
    return None


def _force_at(doc: _Document, index: int) -> tuple[str, int] | None:
    """The force noun ("warplanes", "air force") starting at token ``index``: (role, end index)."""
    keys = [t.key for t in doc.scan.tokens[index : index + 3]]
    for length in range(len(keys), 0, -1):
        role = doc.dictionary.force_index.get(tuple(keys[:length]))
        if role is not None:
            return role, index + length
    return None


def _state_force(doc: _Document, match: DictMatch) -> ActorMention | None:
    """ "Russian warplanes", "Turkish security forces", "Iraq's government" → that state's actor."""
    tokens, index = doc.scan.tokens, match.last
    if index < len(tokens) and tokens[index].key == "'s":
        index += 1
    for _ in range(MAX_FORCE_MODIFIERS + 1):
        if index >= len(tokens):
            return None
        found = _force_at(doc, index)
        if found is not None:
            return _state_mention(doc, match, *found)
        if tokens[index].key not in doc.dictionary.force_modifiers:
            return None
        index += 1
    return None


def _state_mention(doc: _Document, match: DictMatch, role: str, end: int) -> ActorMention | None:
    entry = _of_kind(doc, match, "demonym") or _of_kind(doc, match, "country")
    state = doc.dictionary.state_entry(entry.country or "", role) if entry else None
    if state is None:
        return None
    return doc.mention(match.start, doc.scan.tokens[end - 1].end, state, generic=True)


def _bare_country(doc: _Document, match: DictMatch) -> ActorMention | None:
    entry = _of_kind(doc, match, "country")
    if entry is None or entry.country == doc.country or is_place_use(doc.scan, match):
        return None
    state = doc.dictionary.state_entry(entry.country or "", "military")
    return doc.mention(match.start, match.end, state, generic=True) if state else None


def _resolve_role(doc: _Document, match: DictMatch) -> ActorMention | None:
    if qualified(doc.scan, match, doc.dictionary) or followed_by_source(doc.scan, match):
        return None
    role = doc.dictionary.entries[match.ids[0]].name
    if role == ARMED_GROUP_ROLE:
        group = _named_group_nearby(doc, match)
        if group is not None:
            return replace(
                group,
                start=match.start,
                end=match.end,
                text=doc.scan.text[match.start : match.end],
                generic=True,
            )
    if doc.country is None:
        return None
    state = doc.dictionary.state_entry(doc.country, role)
    return doc.mention(match.start, match.end, state, generic=True) if state else None


def _named_group_nearby(doc: _Document, match: DictMatch) -> ActorMention | None:
    """The closest named non-state armed group in the same sentence ("HTS-led jihadists")."""
    sentence = doc.sentences.of(match.start)
    near = [
        m
        for m in doc.named
        if not m.generic and m.inter in NON_STATE_INTERS and doc.sentences.of(m.start) == sentence
    ]
    return min(near, key=lambda m: abs(m.start - match.start)) if near else None


def _merge_adjacent(doc: _Document, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "ISIS militants" is one mention: a description right after its own group joins it."""
    merged: list[ActorMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        gap = doc.scan.text[previous.end : mention.start] if previous else None
        if previous and mention.generic and mention.actor == previous.actor and gap in (" ", "-"):
            merged[-1] = replace(
                previous, end=mention.end, text=doc.scan.text[previous.start : mention.end]
            )
            continue
        merged.append(mention)
    return merged
