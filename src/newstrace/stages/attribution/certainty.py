"""Certainty cues in the words of a claim, and how competing cues combine.

Precedence, strongest first: denied > unverified > hypothetical > future > alleged > reported >
asserted. A denial or an admission that nobody could verify a claim outweighs how it was
first told; a modal ("might be launched") makes a claim hypothetical whoever relays it; "will"
with "if" is a condition, not a plan. In reported speech "would" is the future of the past
("told AP that the militia would not let …"), elsewhere it is counterfactual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newstrace.records import Certainty
from newstrace.stages.attribution import lexicon as lex

__all__ = ["RANK", "content_certainty", "strongest"]

RANK: dict[Certainty, int] = {
    Certainty.ASSERTED: 0,
    Certainty.REPORTED: 1,
    Certainty.ALLEGED: 2,
    Certainty.FUTURE: 3,
    Certainty.HYPOTHETICAL: 4,
    Certainty.UNVERIFIED: 5,
    Certainty.DENIED: 6,
}


def _compiled(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_CUES: list[tuple[Certainty, re.Pattern[str]]] = [
    (Certainty.UNVERIFIED, _compiled(lex.UNVERIFIED_CUES)),
    (Certainty.DENIED, _compiled(lex.DENIAL_CUES)),
    (Certainty.HYPOTHETICAL, _compiled(lex.HYPOTHETICAL_CUES)),
    (Certainty.FUTURE, _compiled(lex.FUTURE_CUES)),
    (Certainty.ALLEGED, _compiled(lex.ALLEGED_ADVERBS)),
]
_FRAGMENTS = {
    certainty: re.compile("|".join(re.escape(f) for f in fragments))
    for certainty, fragments in lex.CUE_FRAGMENTS.items()
}
# "could not be denied" affirms; "neither confirmed nor denied" leaves it open (unverified).
_AFFIRMED = re.compile(r"(?:(?:not|cannot|can't|never)\s+be|\bnor)\s+$", re.IGNORECASE)
_WOULD_HAVE = re.compile(r"\bwould\s+(?:not\s+)?have\b", re.IGNORECASE)
_MONTH_MAY = re.compile(r"(?:\b(?:in|on|of|since|until|early|late|mid-?)\s+|\d\s+)$", re.I)


def strongest(certainties: Iterable[Certainty]) -> Certainty:
    return max(certainties, key=RANK.__getitem__, default=Certainty.ASSERTED)


def content_certainty(
    text: str, start: int, end: int, *, reported: bool, only: frozenset[Certainty] | None = None
) -> tuple[Certainty | None, tuple[str, ...]]:
    """The strongest certainty cue in ``text[start:end]`` and the cue words found.

    ``reported``: the words are someone's reported speech (changes the reading of "would");
    ``only``: look for these kinds of cue alone.
    """
    found: list[tuple[Certainty, str]] = []
    lowered = text[start:end].lower()
    for certainty, pattern in _CUES:
        if only is not None and certainty not in only:
            continue
        if _FRAGMENTS[certainty].search(lowered) is None:
            continue
        for match in pattern.finditer(text, start, end):
            kept = _reading(text, match, certainty, reported=reported)
            if kept is not None:
                found.append((kept, match.group()))
    if not found:
        return None, ()
    best = strongest(c for c, _ in found)
    return best, tuple(dict.fromkeys(cue for _, cue in found))


def _reading(
    text: str, match: re.Match[str], certainty: Certainty, *, reported: bool
) -> Certainty | None:
    word = match.group()
    if word == "May" and (
        _MONTH_MAY.search(text[: match.start()][-12:]) or _month_after(text, match)
    ):
        return None  # the month
    if word.lower() == "will":
        before = re.search(r"(\w+)\W*$", text[max(0, match.start() - 20) : match.start()])
        if before is not None and before.group(1).lower() in lex.WILL_NOUN_BEFORE:
            return None
    if certainty is Certainty.DENIED and _AFFIRMED.search(
        text[max(0, match.start() - 16) : match.start()]
    ):
        return None  # "could not be denied", "cannot be dismissed": an affirmation
    if certainty is Certainty.HYPOTHETICAL and word.lower() == "would":
        counterfactual = _WOULD_HAVE.match(text, match.start()) is not None
        return Certainty.FUTURE if reported and not counterfactual else certainty
    return certainty


def _month_after(text: str, match: re.Match[str]) -> bool:
    return re.match(r",?\s+\d", text[match.end() : match.end() + 4]) is not None
