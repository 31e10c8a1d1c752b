"""Who did what to whom in one sentence: actor1 / assoc_actor_1 / actor2 / assoc_actor_2.

Clause rules over word order, no parser:
- active voice: the actors before the trigger act, the ones after it are acted upon;
- passive voice: "X was killed by Y" / "attacked by Y" — Y acts, X is acted upon;
- "clashes between X and Y": X and Y are the two sides, in text order;
- "X, supported by Y" / "backed by" / "alongside": Y is an associate of X's side;
- demonstrations: actor1 is always Protesters/Rioters (country) — the groups a protest names are
  what it is about, not who protests; with intervention, actor2 is the force that intervened;
- arrests: actor1 the arresting state force, actor2 the arrested group when named;
- victims: a one-sided attack whose sentence names civilian victims gets Civilians (country);
  civilians never take actor1 against an armed actor (ACLED codes them as the target side).
The claimant of a sentence ("according to the Syrian army") is never an actor.
ACLED's actor1/actor2 carry no direction, but newstrace keeps the acting side in actor1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.records import ActorMention, Attribution, SubEventGuess, TextEvidence
from newstrace.stages.events.eventive import first_event_verb

# ACLED inter codes for the generic actors filled in when the text names none.
_INTER_STATE = 1
_INTER_UNIDENTIFIED = 3  # ACLED codes unidentified armed groups as political militias
_INTER_RIOTERS = 5
_INTER_PROTESTERS = 6
_INTER_CIVILIANS = 7
_ARMED = frozenset({1, 2, 3, 4, 8})

# "by" right before an actor (not "supported by"): the passive agent.
_PASSIVE_BY = re.compile(
    r"(?<!supported )(?<!backed )(?<!aided )\bby\s+(?:(?:the|a|an|two|three|several)\s+)?$", re.I
)
# An actor followed by "was/were (adverb) <participle>" is the one acted upon. The 40-character
# window holds a short apposition ("a TMF fighter, 25, was injured") but not the next clause.
_PASSIVE_AFTER = re.compile(
    r"^[^.;:]{0,40}?\b(?:was|were|has been|have been|had been|being|got)\s+(?:\w+ly\s+)?"
    r"(?:\w+ed|\w+en|shot|hit|struck|caught|held|seized)\b",
    re.I,
)
_SUPPORT = re.compile(
    r"(?:supported|backed|assisted|aided|accompanied|joined) by\s+(?:the\s+)?$|"
    r"with the (?:support|backing|help|participation) of\s+(?:the\s+)?$|"
    r"\b(?:alongside|together with|jointly with|in coordination with)\s+(?:the\s+)?$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r";|—|–|\s-\s|:|,\s+(?:as|while|when|after|before)\b")
_BETWEEN = re.compile(r"\bbetween\b", re.I)
# A sentence-initial adverbial phrase closed by a comma: its actors set the scene, they do not act.
_FRONTED_PHRASE = re.compile(
    r"\W*(?:undeterred|after|following|despite|amid|amidst|unlike|having|before|since|during|"
    r"in response to|in retaliation for|(?:hours|days|weeks) after)\b[^,;]{0,120},",
    re.I,
)
_WEAPON_NOUN = re.compile(
    r"(?:mortars?|rockets?|artillery|missiles?|shell(?:s|ing)?|gunfire|fire|jets?|warplanes?|"
    r"aircraft|drones?|helicopters?|tanks?|snipers?)\b",
    re.I,
)
# "Aircraft of the coalition struck…", "drones belonging to the army": the actor owns the
# instrument noun the trigger was found on, so it acts even though it follows the trigger.
_OWNS_TRIGGER = re.compile(
    r"^[\w-]+(?:\s+[\w-]+)?\s+(?:of|from|belonging to|operated by)\s+"
    r"(?:the\s+)?(?:so-called\s+)?$",
    re.I,
)
_VICTIMS = re.compile(
    r"\b(?:civilians?|villagers?|farmers?|shepherds?|residents?|passers-?by|children|child|"
    r"boys?|girls?|wom[ae]n|people|famil(?:y|ies)|workers?|students?|"
    r"(?:\d+-year-old))\b",
    re.I,
)
_SUPPORT_WINDOW = 45  # characters before an actor searched for "supported by"-type cues
_PROTEST_TYPES = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
)
_RIOT_TYPES = frozenset({"Violent demonstration", "Mob violence"})
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


@dataclass(frozen=True, slots=True)
class _Clause:
    text: str
    start: int
    end: int
    trigger: int | None


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
    actors = sentence_actors(evidence, start, end, attribution)
    clause = _Clause(evidence.text, start, end, trigger_offset(evidence.text, start, end, guess))
    country = _country(actors, country)
    kind = guess.sub_event_type
    if kind in _PROTEST_TYPES or kind in _RIOT_TYPES:
        return _demonstration(actors, kind, country)
    agents, targets, helpers = _split(clause, actors)
    if kind == "Arrests":
        agents, targets = _arrest_sides(actors, agents, targets)
    agents, targets = _civilians_are_targets(agents, targets, kind)
    side1, side2 = _grouped(agents), _grouped(targets)
    side1 = side1 + tuple(h for h in _grouped(helpers) if h.actor not in {a.actor for a in side1})
    victims = bool(_VICTIMS.search(evidence.text[start:end]))
    return _with_defaults(side1, side2, kind, country, victims=victims)


def sentence_actors(
    evidence: TextEvidence, start: int, end: int, attribution: Attribution
) -> list[ActorMention]:
    """The sentence's actors, minus the claimant's words ("the Syrian army said")."""
    claimed = [(c.start, c.end) for c in attribution.claimed_by if c.start is not None]
    return [
        a
        for a in evidence.actors
        if start <= a.start
        and a.end <= end
        and not any(ce is not None and a.start < ce and cs < a.end for cs, ce in claimed)
    ]


def trigger_offset(text: str, start: int, end: int, guess: SubEventGuess) -> int | None:
    """Offset of the earliest trigger word of the guess in the sentence; when the classifier
    gave no cue found there, the first verb of something done ("launched", "was attacked")."""
    sentence = text[start:end].lower()
    found = [sentence.find(cue.lower()) for cue in guess.cues if cue]
    hits = [i for i in found if i >= 0]
    if hits:
        return start + min(hits)
    verb = first_event_verb(text[start:end])
    return None if verb is None else start + verb


def _split(
    clause: _Clause, actors: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention], list[ActorMention]]:
    """Acting side, acted-upon side and helpers of the acting side."""
    helpers = [a for a in actors if _SUPPORT.search(_before(clause, a, _SUPPORT_WINDOW))]
    main = [a for a in actors if a not in helpers]
    scene_end = _scene_end(clause)
    if scene_end is not None and any(a.start >= scene_end for a in main):
        main = [a for a in main if a.start >= scene_end]  # the scene's actors do not take part
    between = _between_sides(clause, main)
    if between is not None:
        return between[0], between[1], helpers
    agents = [a for a in main if _PASSIVE_BY.search(clause.text[clause.start : a.start])]
    patients = [a for a in main if _is_patient(clause, a)]
    if agents or patients:
        acting = agents or [a for a in main if a not in patients]
        return acting, [a for a in main if a not in acting], helpers
    if clause.trigger is None:
        return main[:1], main[1:], helpers
    # An actor holding the trigger ("Russian jets", "Gunmen") is the acting side.
    owners = [a for a in main if _owns_trigger(clause, clause.trigger, a)]
    before = [a for a in main if a.start <= clause.trigger or a in owners]
    after = [a for a in main if a not in before]
    own = [a for a in before if a.start >= _clause_start(clause, clause.trigger, scene_end)]
    return _modifier_first(clause, own or before, clause.trigger), after, helpers


def _modifier_first(clause: _Clause, side: list[ActorMention], trigger: int) -> list[ActorMention]:
    """The actor right before a weapon noun ("warned the US to halt HSD mortar fire") fires it:
    it leads its side, whatever came earlier in the clause. Not for people nouns: in "IS
    militants attacked TMF fighters" TMF owns "fighters" and is the target."""
    if not _WEAPON_NOUN.match(clause.text, trigger):
        return side
    owner = [a for a in side if 0 <= trigger - a.end <= 1]
    return owner + [a for a in side if a not in owner]


def _owns_trigger(clause: _Clause, trigger: int, actor: ActorMention) -> bool:
    return actor.start > trigger and bool(_OWNS_TRIGGER.match(clause.text[trigger : actor.start]))


def _scene_end(clause: _Clause) -> int | None:
    """End of a fronted scene-setting phrase ("Undeterred by the Al-Qaeda attack,") that the
    trigger comes after; None when there is none."""
    scene = _FRONTED_PHRASE.match(clause.text, clause.start, clause.end)
    if scene is None or (clause.trigger or clause.end) < scene.end():
        return None
    return scene.end()


def _clause_start(clause: _Clause, trigger: int, scene_end: int | None) -> int:
    """Start of the clause holding the trigger: actors of an earlier clause ("as the army
    advanced — mortar fire killed…", "; later …") or of a fronted phrase ("Undeterred by the
    Al-Qaeda attack, the US launched…") are not its subject."""
    breaks = list(_CLAUSE_BREAK.finditer(clause.text, clause.start, trigger))
    if breaks:
        return breaks[-1].end()
    return scene_end if scene_end is not None and scene_end <= trigger else clause.start


def _before(clause: _Clause, actor: ActorMention, window: int) -> str:
    return clause.text[max(clause.start, actor.start - window) : actor.start]


def _is_patient(clause: _Clause, actor: ActorMention) -> bool:
    return bool(_PASSIVE_AFTER.search(clause.text[actor.end : clause.end]))


def _between_sides(
    clause: _Clause, actors: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """ "clashes between X and Y": the first two distinct actors after "between" face each other."""
    found = _BETWEEN.search(clause.text, clause.start, clause.end)
    if found is None:
        return None
    after = [a for a in actors if a.start >= found.end()]
    names = list(dict.fromkeys(a.actor for a in after))
    if len(names) < 2:
        return None
    first = [a for a in after if a.actor == names[0]]
    return first, [a for a in after if a.actor != names[0]]


def _arrest_sides(
    actors: list[ActorMention], agents: list[ActorMention], targets: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """The arresting side is a state force (inter 1) when one is named; the rest are arrested."""
    state = [a for a in actors if a.inter == _INTER_STATE]
    if not state:
        return agents, targets
    return state[:1], [a for a in actors if a.actor != state[0].actor]


def _civilians_are_targets(
    agents: list[ActorMention], targets: list[ActorMention], kind: str
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Civilians named first ("villagers fled as militants attacked", "2 civilians were hurt by
    a bomb") are still the target: they never act in one-sided violence or against the armed."""
    civilians = [a for a in agents if a.inter == _INTER_CIVILIANS]
    armed = [a for a in agents + targets if a.inter in _ARMED]
    if not civilians or not (armed or kind in _ONE_SIDED):
        return agents, targets
    return [a for a in agents if a not in civilians], civilians + targets


def _grouped(side: list[ActorMention]) -> tuple[ActorMention, ...]:
    """Distinct actors of one side in text order: the first is the main actor, the rest its
    associates ("the coalition and FSA groups launched…")."""
    seen: dict[str, ActorMention] = {}
    for mention in side:
        seen.setdefault(mention.actor, mention)
    return tuple(seen.values())


def _country(actors: list[ActorMention], default: str | None) -> str | None:
    return default or next((a.country for a in actors if a.country), None)


def _demonstration(actors: list[ActorMention], kind: str, country: str | None) -> Roles:
    """Protesters/Rioters (country) act; the force that intervened, if any, is actor2."""
    riot = kind in _RIOT_TYPES
    actor1 = f"{'Rioters' if riot else 'Protesters'} ({country})" if country else None
    inter1 = (_INTER_RIOTERS if riot else _INTER_PROTESTERS) if actor1 else None
    force = None
    if kind != "Peaceful protest":
        force = next((a for a in actors if a.inter == _INTER_STATE), None) or next(
            (a for a in actors if a.inter in _ARMED), None
        )
    return Roles(
        actor1=actor1,
        inter1=inter1,
        actor2=force.actor if force else None,
        inter2=force.inter if force else None,
    )


def _with_defaults(
    side1: tuple[ActorMention, ...],
    side2: tuple[ActorMention, ...],
    kind: str,
    country: str | None,
    *,
    victims: bool,
) -> Roles:
    """Fill the generic actors ACLED uses when the text names none."""
    actor1, inter1 = (side1[0].actor, side1[0].inter) if side1 else (None, None)
    actor2, inter2 = (side2[0].actor, side2[0].inter) if side2 else (None, None)
    if kind in _ONE_SIDED and actor1 is None and country:
        actor1, inter1 = f"Unidentified Armed Group ({country})", _INTER_UNIDENTIFIED
    civilian_target = kind in _CIVILIAN_TARGET or (kind in _ONE_SIDED and victims)
    if civilian_target and actor2 is None and country:
        actor2, inter2 = f"Civilians ({country})", _INTER_CIVILIANS
    if actor1 is None and actor2 is not None and inter2 != _INTER_CIVILIANS and kind != "Arrests":
        # ACLED always has an actor1; with no acting side named, the one named takes it — but
        # never victims or the arrested ("police said they arrested IS suspects": the claimant
        # is not an actor, and IS did not arrest anyone).
        actor1, inter1, actor2, inter2 = actor2, inter2, None, None
        side1, side2 = side2, ()
    same = actor2 == actor1
    return Roles(
        actor1=actor1,
        assoc_actor_1=tuple(m.actor for m in side1[1:] if m.actor != actor1),
        inter1=inter1,
        actor2=None if same else actor2,
        assoc_actor_2=tuple(m.actor for m in side2[1:] if m.actor not in (actor1, actor2)),
        inter2=None if same else inter2,
    )
