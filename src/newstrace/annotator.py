"""Annotate one document and code its events: the stages after extraction, in order.

sentences → speakers → attribution → sub-event guesses → places → actors → dates → casualties
→ event coding, for the article body and then for each comment (with the article's place
context, but kept apart: comment events are flagged ``in_comments`` and never count as news).
The heavy resources (gazetteer, actor dictionary, classifier) load once per process.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from newstrace.actordict import ActorDictionary, load_dictionary
from newstrace.gazetteer.store import Gazetteer
from newstrace.records import (
    ActorMention,
    DocumentAnnotations,
    DocumentFacts,
    EventMention,
    PlaceMention,
    SubEventGuess,
    TextAnnotations,
    TextEvidence,
)
from newstrace.settings import Settings
from newstrace.stages.actors import find_actors
from newstrace.stages.actors.speakers import find_speakers
from newstrace.stages.annotate.casualties import find_casualties
from newstrace.stages.annotate.sentences import split_sentences
from newstrace.stages.annotate.temporal import find_dates
from newstrace.stages.attribution import attribute_document
from newstrace.stages.event_types import EventTypeClassifier
from newstrace.stages.events import code_events, rename_actors
from newstrace.stages.geocode import GeoContext, find_places, places_with_context

# Bump when any annotate/code stage changes its output: `newstrace annotate` then re-derives
# every document annotated by an older version from its stored text.
# 2: eventiveness filter, clause-aware roles, locative place choice, dates nearest the trigger
#    or the publication date, undated documents named for the era their text dates.
# 3: dates of the telling are not event dates, the owner of an instrument acts, denials of a
#    claim named only by reference ("rejected the US claim") are coded against that claim,
#    continuations take their event's date and place, fronted phrases do not act, opinion
#    pieces report incidents that have a place and two sides.
ANNOTATOR_VERSION = 3


_LOADED: dict[tuple[object, ...], Annotator] = {}
# Sentences of 25+ words (about twice a news lead clause) with no guess are re-read by clause.
_CLAUSE_SPLIT_WORDS = 25
_CLAUSE_BREAK = re.compile(r"\s*(?:;|—|–|\s-\s|:)\s*|,\s+(?=(?:as|while|when|after|before)\b)")


class _Guess(Protocol):
    @property
    def sub_event_type(self) -> str: ...
    @property
    def event_type(self) -> str: ...
    @property
    def disorder_type(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def cues(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """What annotation needs of a document: its texts and the facts about it."""

    facts: DocumentFacts
    body: str
    comments: tuple[str, ...] = ()


@dataclass
class Annotator:
    gazetteer: Gazetteer
    actors: ActorDictionary
    classifier: EventTypeClassifier

    @classmethod
    def load(cls, settings: Settings) -> Annotator:
        return cls(
            gazetteer=Gazetteer.default(settings),
            actors=load_dictionary(settings),
            classifier=EventTypeClassifier.for_settings(settings.event_classifier),
        )

    @classmethod
    def cached(cls, settings: Settings) -> Annotator:
        """One annotator per process and resource settings (workers reuse theirs)."""
        key = (
            settings.gazetteer_path,
            settings.overlay_files,
            settings.actor_files,
            settings.event_classifier,
        )
        if key not in _LOADED:
            _LOADED[key] = cls.load(settings)
        return _LOADED[key]

    def annotate(self, document: DocumentInput) -> DocumentAnnotations:
        geo: GeoContext | None = None
        if document.comments:  # comments are read in the article's place context
            body_places, geo = places_with_context(document.body, self.gazetteer)
        else:
            body_places = find_places(document.body, self.gazetteer)
        facts = replace(document.facts, country=document.facts.country or _country(body_places))
        era = facts.published or text_era(document.body)
        texts: list[tuple[int | None, str, list[PlaceMention]]] = [
            (None, document.body, body_places)
        ]
        for index, comment in enumerate(document.comments):
            texts.append((index, comment, self._places(comment, geo)))
        annotated: list[TextAnnotations] = []
        events: list[EventMention] = []
        for position, text, places in texts:
            evidence = self.evidence(text, position, facts, places, era=era)
            annotated.append(TextAnnotations(position, evidence.places, evidence.actors))
            events.extend(self._dated_names(code_events(facts, evidence), evidence, facts, era))
        return DocumentAnnotations(
            document_id=facts.document_id,
            version=ANNOTATOR_VERSION,
            texts=tuple(annotated),
            events=tuple(events),
        )

    def _places(self, text: str, context: GeoContext | None) -> list[PlaceMention]:
        return find_places(text, self.gazetteer, context=context)

    def evidence(
        self,
        text: str,
        position: int | None,
        facts: DocumentFacts,
        places: Sequence[PlaceMention],
        *,
        era: date | None = None,
    ) -> TextEvidence:
        """Every annotate stage over one text, sentence-aligned for event coding.

        ``era`` dates the actor names (government periods) when the document has no published
        date: the latest year its text states (see ``text_era``)."""
        sentences = split_sentences(text)
        scan = self.actors.scan(text)
        speakers = find_speakers(text, self.actors, scan=scan)
        attributions = attribute_document(text, sentences, speakers=speakers, outlet=facts.outlet)
        guesses = tuple(self._classify(text[start:end]) for start, end in sentences)
        actors = find_actors(
            text, self.actors, country=facts.country, when=facts.published or era, scan=scan
        )
        return TextEvidence(
            text=text,
            comment_position=position,
            sentences=tuple(sentences),
            attributions=tuple(attributions),
            guesses=guesses,
            places=tuple(places),
            actors=tuple(actors),
            dates=tuple(find_dates(text, published=facts.published)),
            casualties=tuple(find_casualties(text)),
        )

    def _classify(self, sentence: str) -> tuple[SubEventGuess, ...]:
        """Sub-event guesses of a sentence; a long sentence with none is read clause by clause.

        The classifier weighs every word of its input: one event clause inside a 40-word
        sentence about something else ("as the army advanced …— mortar fire killed a general")
        scores below its threshold, and scores above it alone."""
        found = tuple(_guess(g) for g in self.classifier.classify(sentence))
        if found or len(sentence.split()) < _CLAUSE_SPLIT_WORDS:
            return found
        best: dict[str, SubEventGuess] = {}
        for clause in _CLAUSE_BREAK.split(sentence):
            for guess in (_guess(g) for g in self.classifier.classify(clause)):
                if (
                    guess.sub_event_type not in best
                    or guess.score > best[guess.sub_event_type].score
                ):
                    best[guess.sub_event_type] = guess
        return tuple(sorted(best.values(), key=lambda g: -g.score))

    def _dated_names(
        self,
        mentions: list[EventMention],
        evidence: TextEvidence,
        facts: DocumentFacts,
        era: date | None,
    ) -> list[EventMention]:
        """Actor names for each event's own date: "Military Forces of Iraq (2014-2018)" for a
        2016 battle recalled in a 2020 article. The default names use the document's era."""
        by_date: dict[date, dict[tuple[int, int], str]] = {}
        renamed: list[EventMention] = []
        for mention in mentions:
            when = mention.date.value if mention.date is not None else None
            if when is None or when == era:
                renamed.append(mention)
                continue
            if when not in by_date:
                found = find_actors(evidence.text, self.actors, country=facts.country, when=when)
                by_date[when] = {(a.start, a.end): a.actor for a in found}
            names = _renames(evidence.actors, by_date[when], mention)
            renamed.append(rename_actors(mention, names) if names else mention)
        return renamed


def _renames(
    actors: Sequence[ActorMention], dated: dict[tuple[int, int], str], mention: EventMention
) -> dict[str, str]:
    inside = [a for a in actors if mention.sentence_start <= a.start < mention.sentence_end]
    pairs = ((a.actor, dated.get((a.start, a.end), a.actor)) for a in inside)
    return {old: new for old, new in pairs if old != new}


def text_era(text: str) -> date | None:
    """The latest date the text states with its year, capped at today: an undated page about
    2017 events names 2017's actors, not today's (a page cannot report its own future)."""
    today = date.today()
    # A year or month stands for its last day ("2017" → 2017-12-31): names valid in January
    # of that year may already be outdated by its end.
    stated = [
        min(d.until or d.value, today)
        for d in find_dates(text, published=None)
        if d.value is not None and not d.relative and d.value <= today
    ]
    return max(stated, default=None)


def _guess(found: _Guess) -> SubEventGuess:
    return SubEventGuess(
        sub_event_type=found.sub_event_type,
        event_type=found.event_type,
        disorder_type=found.disorder_type,
        score=found.score,
        cues=tuple(found.cues),
    )


def _country(places: Sequence[PlaceMention]) -> str | None:
    """The document's country: the one its resolved places name most often; a tie goes to the
    better-resolved readings (summed gazetteer scores: a capital outweighs a homonym abroad)."""
    counts = Counter(p.country for p in places if p.country)
    weight: dict[str, float] = {}
    for place in places:
        if place.country:
            weight[place.country] = weight.get(place.country, 0.0) + place.score
    return max(counts, key=lambda c: (counts[c], weight[c])) if counts else None


def document_input(
    document_id: str,
    body: str,
    comments: Sequence[str],
    *,
    outlet: str | None,
    published: date | None,
    genre: str | None,
    duplicate_of: str | None = None,
) -> DocumentInput:
    facts = DocumentFacts(
        document_id=document_id,
        outlet=outlet,
        published=published,
        genre=genre,
        duplicate_of=duplicate_of,
    )
    return DocumentInput(facts=facts, body=body, comments=tuple(comments))
