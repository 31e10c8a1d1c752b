"""Keep a sub-event guess consistent with ACLED's definitions once the roles are known.

The classifier reads words; ACLED's types also depend on who acts on whom:
- "Attack" is violence against unarmed civilians: on an organised armed actor (inter 1-4, 8)
  it is a Battles / Armed clash.
- "Government regains territory" needs state forces (inter 1) taking ground; a non-state
  actor (inter 2-4) doing so is "Non-state actor overtakes territory", and the other way round.
- Demonstration types need a crowd: a protest or riot guess in a sentence with no protest,
  march, rally, sit-in or strike of people ("within striking distance", "the air strike") is
  not a demonstration.
- A violent sentence with no count but a single named or singular victim ("mortar fire killed
  General X", "killing a farmer") reports one death: ACLED codes 1.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newstrace.records import SubEventGuess
from newstrace.stages.events.roles import Roles

_ARMED = frozenset({1, 2, 3, 4, 8})
_NON_STATE = frozenset({2, 3, 4})
_STATE = 1
_CLASH = ("Armed clash", "Battles", "Political violence")
_GAIN = "Government regains territory"
_OVERTAKE = "Non-state actor overtakes territory"
_DEMONSTRATIONS = frozenset(
    {
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
        "Violent demonstration", "Mob violence",
    }
)  # fmt: skip
_CROWD = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es|ing)?|sit-ins?|"
    r"riot\w*|mobs?|picket\w*|(?:went|go|going|are|were) on strike|general strike|"
    r"hunger strike|strikers?|took to the streets|gathered|crowds?|chant\w*|vigils?)\b",
    re.I,
)
_REMOTE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
# Something struck, fired or dropped: aircraft or guns merely named ("warplanes watched…") are
# not a strike.
_STRIKING = re.compile(
    r"\b(?:(?:air|drone)?strikes?|struck|strik\w+|bomb\w*|raids?|shell\w*|hit|hits|target\w*|"
    r"attack\w*|fir(?:e|ed|es|ing)|launch\w*|pound\w*|kill\w*|destroy\w*|blasts?|explo\w*|"
    r"drop\w*|rockets?|missiles?|mortars?|artillery|barrage|sorties?|wounded|injur\w*|dead|"
    r"damag\w*|intercept\w*|shot down)\b",
    re.I,
)
_SINGLE_KILLED = re.compile(
    r"\b(?:killed|killing|assassinated|assassinating|shot dead|murdered)\s+"
    r"(?:(?:a|an|one)\s+[\w-]+(?:\s+[\w-]+)?(?!\s+and\b)|(?:[A-Z][\w'-]+\s+){1,5}[A-Z][\w'-]+)",
)


def recoded(guess: SubEventGuess, roles: Roles) -> SubEventGuess:
    """The guess, corrected for the actors it turned out to involve."""
    kind = guess.sub_event_type
    if kind == "Attack" and roles.inter2 in _ARMED:
        return replace(
            guess, sub_event_type=_CLASH[0], event_type=_CLASH[1], disorder_type=_CLASH[2]
        )
    if kind == _GAIN and roles.inter1 in _NON_STATE:
        return replace(guess, sub_event_type=_OVERTAKE)
    if kind == _OVERTAKE and roles.inter1 == _STATE:
        return replace(guess, sub_event_type=_GAIN)
    return guess


def fits_sentence(sentence: str, guess: SubEventGuess) -> bool:
    """False for a demonstration guess in a sentence without a crowd, and for a strike or
    shelling guess where nothing is struck ("coalition warplanes watched IS enter the city")."""
    if guess.sub_event_type in _DEMONSTRATIONS:
        return bool(_CROWD.search(sentence))
    if guess.sub_event_type in _REMOTE:
        return bool(_STRIKING.search(sentence))
    return True


# "the attack that killed X", "who was killed": a relative clause recalls an earlier death.
_RELATIVE = re.compile(r"\b(?:that|which|who|whom)\b(?:\s+\w+){0,2}\s*$", re.I)


def single_death(sentence: str) -> bool:
    return any(
        not _RELATIVE.search(sentence[max(0, m.start() - 30) : m.start()])
        for m in _SINGLE_KILLED.finditer(sentence)
    )
