"""Who did what to whom in one sentence: actor1 / assoc_actor_1 / actor2 / assoc_actor_2.

Word-order rules, no parser: the actors before the trigger words are the side acting, the ones
after it the side acted upon; a passive "by X" names the actor; "X, supported by Y" makes Y an
associate of X. The claimant of a sentence ("according to the Syrian army") is not an actor.
ACLED's actor1/actor2 carry no direction, but newstrace keeps the acting side in actor1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.records import ActorMention, Attribution, SubEventGuess, TextEvidence

# ACLED inter codes for the generic actors filled in when the text names none.
_INTER_PROTESTERS = 6
_INTER_CIVILIANS = 7
_INTER_UNIDENTIFIED = 3  # ACLED codes unidentified armed groups as political militias

_PASSIVE_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_PROTEST_TYPES = frozenset({"Peaceful protest", "Protest with intervention"})
_ONE_SIDED = frozenset(
    {
        "Attack", "Abduction/forced disappearance", "Sexual violence", "Air/drone strike",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
        "Grenade", "Chemical weapon",
    }
)  # fmt: skip
_CIVILIAN_TARGET = frozenset({"Attack", "Abduction/forced disappearance", "Sexual violence"})


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: tuple[str, ...] = ()
    inter2: int | None = None


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: the two inter codes, lower first; a one-sided action is ``inter*10``."""
    if inter1 is None:
        return None if inter2 is None else inter2 * 10
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def assign_roles(
    evidence: TextEvidence,
    start: int,
    end: int,
    guess: SubEventGuess,
    attribution: Attribution,
    country: str | None,
) -> Roles:
    actors = _sentence_actors(evidence, start, end, attribution)
    trigger = _trigger(evidence.text, start, end, guess)
    agents, targets = _split(evidence.text, actors, trigger, start)
    side1 = _grouped(agents)
    side2 = _grouped(targets)
    return _with_defaults(side1, side2, guess, _country(actors, country))


def _sentence_actors(
    evidence: TextEvidence, start: int, end: int, attribution: Attribution
) -> list[ActorMention]:
    claimed = [(c.start, c.end) for c in attribution.claimed_by if c.start is not None]
    return [
        a
        for a in evidence.actors
        if start <= a.start
        and a.end <= end
        and not any(cs is not None and ce is not None and a.start < ce and cs < a.end
                    for cs, ce in claimed)
    ]  # fmt: skip


def _trigger(text: str, start: int, end: int, guess: SubEventGuess) -> int | None:
    """Offset of the earliest trigger word of the guess in the sentence."""
    sentence = text[start:end].lower()
    found = [sentence.find(cue.lower()) for cue in guess.cues if cue]
    hits = [i for i in found if i >= 0]
    return start + min(hits) if hits else None


def _split(
    text: str, actors: list[ActorMention], trigger: int | None, start: int
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Acting side and acted-upon side, by position around the trigger and passive "by"."""
    if trigger is None:
        return actors[:1], actors[1:]
    passive = [a for a in actors if a.start > trigger and _PASSIVE_BY.search(text[start : a.start])]
    if passive:
        agent = passive[0]
        return [agent], [a for a in actors if a is not agent]
    before = [a for a in actors if a.end <= trigger]
    after = [a for a in actors if a.start >= trigger]
    return before, after


def _grouped(side: list[ActorMention]) -> tuple[ActorMention, ...]:
    """Distinct actors of one side in text order: the first is the main actor, the rest its
    associates ("the coalition and FSA groups launched…", "X, supported by Y, attacked…")."""
    seen: dict[str, ActorMention] = {}
    for mention in side:
        seen.setdefault(mention.actor, mention)
    return tuple(seen.values())


def _country(actors: list[ActorMention], default: str | None) -> str | None:
    return default or next((a.country for a in actors if a.country), None)


def _with_defaults(
    side1: tuple[ActorMention, ...],
    side2: tuple[ActorMention, ...],
    guess: SubEventGuess,
    country: str | None,
) -> Roles:
    """Fill the generic actors ACLED uses when the text names none."""
    actor1, inter1 = (side1[0].actor, side1[0].inter) if side1 else (None, None)
    actor2, inter2 = (side2[0].actor, side2[0].inter) if side2 else (None, None)
    if guess.sub_event_type in _PROTEST_TYPES and actor1 is None and country:
        actor1, inter1 = f"Protesters ({country})", _INTER_PROTESTERS
    if guess.sub_event_type in _ONE_SIDED and actor1 is None and country:
        actor1, inter1 = f"Unidentified Armed Group ({country})", _INTER_UNIDENTIFIED
    if guess.sub_event_type in _CIVILIAN_TARGET and actor2 is None and country:
        actor2, inter2 = f"Civilians ({country})", _INTER_CIVILIANS
    return Roles(
        actor1=actor1,
        assoc_actor_1=tuple(m.actor for m in side1[1:] if m.actor != actor1),
        inter1=inter1,
        actor2=actor2 if actor2 != actor1 else None,
        assoc_actor_2=tuple(m.actor for m in side2[1:] if m.actor not in (actor1, actor2)),
        inter2=inter2 if actor2 != actor1 else None,
    )
