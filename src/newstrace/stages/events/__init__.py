"""Code events: turn one text's sentence-aligned evidence into ACLED-style event mentions.

Pure function of what the annotate stages found (sentences, attributions, sub-event guesses,
places, actors, dates, casualty counts): it picks, per reported event, the roles, the place,
the date, the fatalities, whether it is background history, and writes the notes. Speculation
and announcements (hypothetical/future certainty) are not events, nor are sentences that are
not eventive (opinion, analysis, generic statements: see ``eventive``). Every sub-event the
classifier returns for a sentence becomes its own mention.

Fatalities: the lowest killed count of the sentence (ACLED's conservative rule; the notes list
the others); a follow-up sentence of the same paragraph with no event of its own ("One villager
died in the attack.", "No casualties occurred.") lends its count. Wounded are not fatalities.
"No casualties" is 0. A sentence that states no death toll gives ``None``, not 0: fusion keeps
the minimum over reports, and a 0 for "not stated" would erase another report's count; the
acled-csv export writes 0 for ``None`` as ACLED does.

Guesses are made consistent with ACLED's definitions once roles are known (see ``coding``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol, TypeVar

from newstrace.records import (
    CasualtyCount,
    Certainty,
    DateMention,
    DocumentFacts,
    EventMention,
    SubEventGuess,
    TextEvidence,
)
from newstrace.stages.events.coding import fits_sentence, recoded, single_death
from newstrace.stages.events.context import choose_date, choose_place, published_date
from newstrace.stages.events.continuations import continued
from newstrace.stages.events.denials import referred_denials
from newstrace.stages.events.eventive import is_eventive
from newstrace.stages.events.notes import write_notes
from newstrace.stages.events.roles import (
    assign_roles,
    interaction_code,
    sentence_actors,
    trigger_offset,
)

__all__ = ["choose_date", "choose_place", "code_events", "is_background", "rename_actors"]

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


@dataclass(frozen=True, slots=True)
class _Sentence:
    index: int
    start: int
    end: int


def code_events(facts: DocumentFacts, evidence: TextEvidence) -> list[EventMention]:
    """Event mentions reported by one text, in text order; sentences that go on about an event
    take its date and place (``continuations``); denials of an earlier claim that name only the
    claim ("Russia called out the US claim") are coded against it (``denials``)."""
    reported = _reported_events(facts, evidence)
    mentions = [
        m if m is r else _with_notes(m)
        for m, r in zip(continued(evidence.text, reported), reported, strict=True)
    ]
    index_of = {span: i for i, span in enumerate(evidence.sentences)}
    eventful = {index_of[(m.sentence_start, m.sentence_end)] for m in mentions}
    denials = referred_denials(evidence, mentions, eventful)
    return sorted(mentions + [_with_notes(d) for d in denials], key=lambda m: m.sentence_start)


def _reported_events(facts: DocumentFacts, evidence: TextEvidence) -> list[EventMention]:
    mentions: list[EventMention] = []
    for index, (start, end) in enumerate(evidence.sentences):
        attribution = evidence.attributions[index]
        if attribution.certainty in _NOT_EVENTS:
            continue
        actors = sentence_actors(evidence, start, end, attribution)
        if not evidence.guesses[index] or not is_eventive(
            evidence, start, end, actors, facts.genre
        ):
            continue
        sentence = _Sentence(index, start, end)
        for guess in evidence.guesses[index]:
            if fits_sentence(evidence.text[start:end], guess):
                mentions.append(_mention(facts, evidence, sentence, guess))
    return mentions


def _mention(
    facts: DocumentFacts, evidence: TextEvidence, sentence: _Sentence, guess: SubEventGuess
) -> EventMention:
    text = evidence.text[sentence.start : sentence.end]
    attribution = evidence.attributions[sentence.index]
    roles = assign_roles(evidence, sentence.start, sentence.end, guess, attribution, facts.country)
    guess = recoded(guess, roles)
    trigger = trigger_offset(evidence.text, sentence.start, sentence.end, guess)
    place = choose_place(
        evidence, sentence.start, sentence.end, trigger, attribution, facts.country
    )
    when = choose_date(evidence, sentence.start, sentence.end, trigger)
    event_date = when.value if when else None
    background = is_background(text, when, facts.published, event_date)
    if when is None and not background and evidence.comment_position is None:
        when = published_date(sentence.start, facts.published)
    casualties = _casualties(evidence, sentence)
    killed = [c.value for c in casualties if c.outcome == "killed" and c.value is not None]
    if not killed and guess.disorder_type == "Political violence" and single_death(text):
        killed = [1]
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
        fatalities=min(killed, default=None),
        casualties=casualties,
        background=background,
        in_comments=evidence.comment_position is not None,
        comment_position=evidence.comment_position,
        score=guess.score,
        outlet=facts.outlet,
        published=facts.published,
        duplicate_of=facts.duplicate_of,
    )
    return _with_notes(mention)


def rename_actors(mention: EventMention, names: dict[str, str]) -> EventMention:
    """The mention with actor names replaced (e.g. for the event's own date), notes rewritten."""
    renamed = replace(
        mention,
        actor1=names.get(mention.actor1 or "", mention.actor1),
        actor2=names.get(mention.actor2 or "", mention.actor2),
        assoc_actor_1=tuple(names.get(a, a) for a in mention.assoc_actor_1),
        assoc_actor_2=tuple(names.get(a, a) for a in mention.assoc_actor_2),
    )
    return _with_notes(renamed)


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


def _casualties(evidence: TextEvidence, sentence: _Sentence) -> tuple[CasualtyCount, ...]:
    """The sentence's counts, else those of the next sentence of the paragraph when it reports
    no event of its own ("One villager died in the attack.")."""
    own = tuple(_within(evidence.casualties, sentence))
    if any(c.outcome == "killed" for c in own):
        return own
    following = sentence.index + 1
    if following >= len(evidence.sentences) or evidence.guesses[following]:
        return own
    start, end = evidence.sentences[following]
    if "\n" in evidence.text[sentence.end : start]:
        return own  # a new paragraph is a new story
    lent = _Sentence(following, start, end)
    return own + tuple(c for c in _within(evidence.casualties, lent) if c.outcome == "killed")


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
