"""Code events: turn one text's sentence-aligned evidence into ACLED-style event mentions.

Pure function of what the annotate stages found (sentences, attributions, sub-event guesses,
places, actors, dates, casualty counts): it picks, per reported event, the roles, the place,
the date, the fatalities, whether it is background history, and writes the notes. Speculation
and announcements (hypothetical/future certainty) are not events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol, TypeVar

from newstrace.records import (
    Certainty,
    DateMention,
    DocumentFacts,
    EventMention,
    PlaceMention,
    SubEventGuess,
    TextEvidence,
)
from newstrace.stages.events.notes import write_notes
from newstrace.stages.events.roles import assign_roles, interaction_code

# Claims the text presents as possible or planned are not events (issue: "none for commentary,
# opinion or speculation").
_NOT_EVENTS = frozenset({Certainty.HYPOTHETICAL, Certainty.FUTURE})
# An event dated more than 90 days before publication is history the text recalls: news
# reports of the day cover the last days or weeks; ACLED's own coding lag is under a month.
_BACKGROUND_DAYS = 90
_RETROSPECTIVE = re.compile(
    r"\b(?:in fact|previously|back in|years? ago|months ago|since (?:19|20)\d\d|"
    r"anniversary|recalled|at the time|had (?:been|\w+ed))\b",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class _Sentence:
    index: int
    start: int
    end: int


def code_events(facts: DocumentFacts, evidence: TextEvidence) -> list[EventMention]:
    """Event mentions reported by one text, in text order."""
    mentions: list[EventMention] = []
    for index, (start, end) in enumerate(evidence.sentences):
        attribution = evidence.attributions[index]
        if attribution.certainty in _NOT_EVENTS:
            continue
        sentence = _Sentence(index, start, end)
        for guess in evidence.guesses[index]:
            mentions.append(_mention(facts, evidence, sentence, guess))
    return mentions


def _mention(
    facts: DocumentFacts, evidence: TextEvidence, sentence: _Sentence, guess: SubEventGuess
) -> EventMention:
    text = evidence.text[sentence.start : sentence.end]
    attribution = evidence.attributions[sentence.index]
    roles = assign_roles(evidence, sentence.start, sentence.end, guess, attribution, facts.country)
    place = choose_place(evidence, sentence.start, sentence.end)
    when = choose_date(evidence, sentence.start, sentence.end)
    event_date = when.value if when else None
    killed = [c for c in _within(evidence.casualties, sentence) if c.outcome == "killed"]
    fatalities = min((c.value for c in killed if c.value is not None), default=None)
    mention = EventMention(
        mention_id=_mention_id(facts.document_id, evidence.comment_position, sentence, guess),
        document_id=facts.document_id,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        sentence=text,
        event_type=guess.event_type,
        sub_event_type=guess.sub_event_type,
        disorder_type=guess.disorder_type,
        attribution=attribution,
        actor1=roles.actor1,
        assoc_actor_1=roles.assoc_actor_1,
        inter1=roles.inter1,
        actor2=roles.actor2,
        assoc_actor_2=roles.assoc_actor_2,
        inter2=roles.inter2,
        interaction=interaction_code(roles.inter1, roles.inter2),
        place=place,
        date=when,
        fatalities=fatalities,
        casualties=tuple(_within(evidence.casualties, sentence)),
        background=is_background(text, when, facts.published, event_date),
        in_comments=evidence.comment_position is not None,
        comment_position=evidence.comment_position,
        score=guess.score,
        outlet=facts.outlet,
        published=facts.published,
        duplicate_of=facts.duplicate_of,
    )
    return _with_notes(mention)


def _with_notes(mention: EventMention) -> EventMention:
    return replace(mention, notes=write_notes(mention))


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


def _within(spans: Sequence[S], sentence: _Sentence) -> list[S]:
    return [s for s in spans if sentence.start <= s.start and s.end <= sentence.end]


def _paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` starts (evidence does not cross paragraphs)."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def choose_place(evidence: TextEvidence, start: int, end: int) -> PlaceMention | None:
    """The event's place: the most precise place in the sentence, else the last place named
    earlier in the same paragraph (reports name the place once, then describe the event)."""
    inside = [p for p in evidence.places if start <= p.start and p.end <= end]
    if inside:
        return min(inside, key=_place_rank)
    floor = _paragraph_start(evidence.text, start)
    before = [p for p in evidence.places if floor <= p.start < start]
    if not before:
        return None
    # Inherited from context: at best "near/part of" precision (ACLED geo_precision 2).
    chosen = before[-1]
    return replace(chosen, geo_precision=max(chosen.geo_precision, 2))


def _place_rank(place: PlaceMention) -> tuple[int, int, float]:
    has_coordinates = 0 if place.latitude is not None else 1
    return (place.geo_precision, has_coordinates, -place.score)


def choose_date(evidence: TextEvidence, start: int, end: int) -> DateMention | None:
    """The first date in the sentence, else the last one earlier in the same paragraph."""
    inside = [d for d in evidence.dates if start <= d.start and d.end <= end]
    if inside:
        return inside[0]
    floor = _paragraph_start(evidence.text, start)
    before = [d for d in evidence.dates if floor <= d.start < start]
    return before[-1] if before else None


def is_background(
    sentence: str, when: DateMention | None, published: date | None, event_date: date | None
) -> bool:
    """History the text recalls rather than news it reports."""
    if event_date is not None and published is not None:
        return (published - event_date).days > _BACKGROUND_DAYS
    if when is not None and when.value is not None and when.precision == 3 and not when.relative:
        return True  # "in May 2015", "September 2017": a month or year named as a whole
    return bool(_RETROSPECTIVE.search(sentence))


def _mention_id(
    document_id: str, comment_position: int | None, sentence: _Sentence, guess: SubEventGuess
) -> str:
    where = "b" if comment_position is None else f"c{comment_position}"
    slug = re.sub(r"[^a-z]+", "-", guess.sub_event_type.lower()).strip("-")
    return f"{document_id}:{where}:{sentence.start}-{sentence.end}:{slug}"
