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

import re
from dataclasses import dataclass, field, replace
from datetime import date

from newstrace.actordict import ActorDictionary, ActorEntry, Scan
from newstrace.actordict_match import DictMatch
from newstrace.records import ActorMention
from newstrace.stages.actors.context import (
    Sentences,
    followed_by_source,
    force_after,
    infer_country,
    is_place_use,
    qualified,
)

__all__ = ["find_actors", "infer_country"]

ARMED_GROUP_ROLE = "armed-group"
AIR_FORCE_ROLE = "air-force"
NON_STATE_INTERS = frozenset({2, 3, 4})
# "Hayat Tahrir al-Sham (al-Qaeda) led jihadists" is 3 words apart; "tribal fighters began
# searching the valleys … after gunmen killed" (15) names another party, not the gunmen's group.
NEARBY_WORDS = 8
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")


@dataclass(slots=True)
class _Document:
    scan: Scan
    dictionary: ActorDictionary
    country: str | None
    when: date | None
    sentences: Sentences
    named: list[ActorMention] = field(default_factory=list)
    last_country: tuple[int, bool] | None = None  # end offset, and whether it was a place

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
    text: str,
    dictionary: ActorDictionary,
    *,
    country: str | None = None,
    when: date | None = None,
    scan: Scan | None = None,
) -> list[ActorMention]:
    """Actor mentions in ``text`` with character offsets, in text order.

    ``country`` is the document's country in ACLED's naming ("Syria"); inferred from the text
    when None. ``when`` (the event or publication date) picks date-bounded names. ``scan`` is
    ``dictionary.scan(text)`` when the caller already has it (the speaker stage needs it too).
    """
    scan = scan if scan is not None and scan.text == text else dictionary.scan(text)
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


def _state_force(doc: _Document, match: DictMatch) -> ActorMention | None:
    """ "Russian warplanes", "Turkish security forces", "Iraq's government" → that state's actor."""
    found = force_after(doc.scan, match, doc.dictionary)
    return _state_mention(doc, match, *found) if found else None


def _state_mention(doc: _Document, match: DictMatch, role: str, end: int) -> ActorMention | None:
    entry = _of_kind(doc, match, "demonym") or _of_kind(doc, match, "country")
    if entry is None:
        return None
    state = doc.dictionary.state_entry(entry.country or "", role)
    if state is None and role == AIR_FORCE_ROLE:  # no air unit declared: the military itself
        state = doc.dictionary.state_entry(entry.country or "", "military")
    if state is None:
        return None
    return doc.mention(match.start, doc.scan.tokens[end - 1].end, state, generic=True)


def _bare_country(doc: _Document, match: DictMatch) -> ActorMention | None:
    entry = _of_kind(doc, match, "country")
    place = is_place_use(doc.scan, match) or _listed_with_place(doc, match)
    doc.last_country = (match.end, place)
    if entry is None or entry.country == doc.country or place:
        return None
    state = doc.dictionary.state_entry(entry.country or "", "military")
    return doc.mention(match.start, match.end, state, generic=True) if state else None


def _listed_with_place(doc: _Document, match: DictMatch) -> bool:
    """ "the borders of Syria, Iraq and Jordan": a list goes on as it began."""
    if doc.last_country is None:
        return False
    end, place = doc.last_country
    return place and _LIST_GAP.fullmatch(doc.scan.text[end : match.start]) is not None


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
    """The closest named non-state armed group in the same sentence and within a few words:
    "HTS-led jihadists", "the attackers, whom it described as an Islamic State cell"."""
    sentence = doc.sentences.of(match.start)
    near = [
        m
        for m in doc.named
        if not m.generic
        and m.inter in NON_STATE_INTERS
        and doc.sentences.of(m.start) == sentence
        and _words_between(doc, m, match) <= NEARBY_WORDS
    ]
    return min(near, key=lambda m: abs(m.start - match.start)) if near else None


def _words_between(doc: _Document, mention: ActorMention, match: DictMatch) -> int:
    before = mention.end <= match.start
    left, right = (mention.end, match.start) if before else (match.end, mention.start)
    return len(doc.scan.text[left:right].split())


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
