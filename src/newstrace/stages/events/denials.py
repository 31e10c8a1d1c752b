"""Denials that name no event, only the claim they deny: "Russia called out the US claim as a lie".

Such a sentence reports no event of its own, so the classifier gives it nothing; yet it is the
other half of a contested claim. It refers back to a claim the same text reported shortly before;
newstrace codes it as a ``denied`` mention of that event (same type, place, date and actors), with
the denier as claimant, so fusion joins the two and grading marks the event contested.

The claim referred to is the latest earlier mention at most ``REFERENCE_PARAGRAPHS`` paragraphs
back that someone reports (not background history, not itself a denial); when the sentence
names whose claim it denies ("the US claim"), that party must be among the claim's claimants.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from newstrace.records import Attribution, Certainty, Claimant, EventMention, TextEvidence
from newstrace.stages.events.context import paragraphs_between

# A reply to a claim follows it within a few paragraphs in news prose (the sample's Russian
# reply comes 3 paragraphs after the US claim); farther back "the claim" more often means
# something the text never reported.
REFERENCE_PARAGRAPHS: Final = 3
_DENIES_CLAIM = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|"
    r"called out|disputed|disputes|contradicted|branded|slammed)\s+"
    r"(?:(?:the|this|that|these|those|such)\s+)?(?P<whose>[^.;,]{0,30}?)\s*"
    r"\b(?:claims?|accusations?|allegations?|charges?|reports?|account)\b",
    re.IGNORECASE,
)
_WHOSE_POSSESSIVE = re.compile(r"['’]s?$")
_DENIABLE = frozenset({Certainty.ALLEGED, Certainty.REPORTED, Certainty.UNVERIFIED})


def referred_denials(
    evidence: TextEvidence, coded: list[EventMention], eventful: set[int]
) -> list[EventMention]:
    """Denied mentions for the sentences that deny an earlier claim by reference.

    ``eventful``: indices of sentences that already gave an event (they are not pure denials).
    """
    found: list[EventMention] = []
    for index, (start, end) in enumerate(evidence.sentences):
        if index in eventful or evidence.comment_position is not None:
            continue
        match = _DENIES_CLAIM.search(evidence.text, start, end)
        if match is None:
            continue
        claim = _claim_referred(evidence.text, coded, start, _whose(match.group("whose")))
        if claim is not None:
            denier = _denier(evidence, start, match.start(), evidence.attributions[index])
            found.append(_denial_of(claim, evidence, (start, end), denier))
    return found


def _whose(words: str) -> str:
    """ "US" of "the US claim", "" when the denial does not say whose claim it was."""
    return _WHOSE_POSSESSIVE.sub("", words.strip()).strip()


def _claim_referred(
    text: str, coded: list[EventMention], start: int, whose: str
) -> EventMention | None:
    earlier = [
        m
        for m in coded
        if m.sentence_start < start
        and paragraphs_between(text, m.sentence_end, start) <= REFERENCE_PARAGRAPHS
        and not m.background
        and m.attribution.certainty in _DENIABLE
    ]
    for mention in reversed(earlier):
        if not whose or _claimed_by(mention, whose):
            return mention
    return None


def _claimed_by(mention: EventMention, whose: str) -> bool:
    wanted = whose.lower()
    names = [
        n for c in mention.attribution.claimed_by for n in (c.text, c.organisation, c.speaker) if n
    ]
    return any(wanted in n.lower() or n.lower() in wanted for n in names)


def _denier(evidence: TextEvidence, start: int, verb: int, said: Attribution) -> Claimant:
    """Who denies: the sentence's named claimant, else the words before the verb ("Russia")."""
    named = [c for c in said.claimed_by if c.medium is None and c.start is not None]
    if named:
        return named[0]
    subject = evidence.text[start:verb].strip(" ,\"'“”")
    offset = evidence.text.index(subject, start) if subject else start
    return Claimant(subject, organisation=subject or None, start=offset, end=offset + len(subject))


def _denial_of(
    claim: EventMention, evidence: TextEvidence, span: tuple[int, int], denier: Claimant
) -> EventMention:
    start, end = span
    media = tuple(c for c in claim.attribution.claimed_by if c.medium is not None)
    attribution = Attribution(Certainty.DENIED, (denier, *media[-1:]), ("denial of a claim",))
    where = "b"
    return replace(
        claim,
        mention_id=f"{claim.document_id}:{where}:{start}-{end}:denial-of-{_slug(claim)}",
        sentence_start=start,
        sentence_end=end,
        sentence=evidence.text[start:end],
        attribution=attribution,
        fatalities=None,
        casualties=(),
    )


def _slug(mention: EventMention) -> str:
    return re.sub(r"[^a-z]+", "-", mention.sub_event_type.lower()).strip("-")
