"""Annotate one document and code its events: the stages after extraction, in order.

sentences → speakers → attribution → sub-event guesses → places → actors → dates → casualties
→ event coding, for the article body and then for each comment (with the article's place
context, but kept apart: comment events are flagged ``in_comments`` and never count as news).
The heavy resources (gazetteer, actor dictionary, classifier) load once per process.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from newstrace.actordict import ActorDictionary, load_dictionary
from newstrace.gazetteer.store import Gazetteer
from newstrace.records import (
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
from newstrace.stages.events import code_events
from newstrace.stages.geocode import GeoContext, document_context, find_places

# Bump when any annotate/code stage changes its output: `newstrace annotate` then re-derives
# every document annotated by an older version from its stored text.
ANNOTATOR_VERSION = 1


_LOADED: dict[tuple[object, ...], Annotator] = {}


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
            classifier=EventTypeClassifier.load(),
        )

    @classmethod
    def cached(cls, settings: Settings) -> Annotator:
        """One annotator per process and resource settings (workers reuse theirs)."""
        key = (settings.gazetteer_path, settings.overlay_files, settings.actor_files)
        if key not in _LOADED:
            _LOADED[key] = cls.load(settings)
        return _LOADED[key]

    def annotate(self, document: DocumentInput) -> DocumentAnnotations:
        body_places = find_places(document.body, self.gazetteer)
        facts = replace(document.facts, country=document.facts.country or _country(body_places))
        texts: list[tuple[int | None, str, list[PlaceMention]]] = [
            (None, document.body, body_places)
        ]
        if document.comments:  # comments are read in the article's place context
            geo = document_context(document.body, self.gazetteer)
            for index, comment in enumerate(document.comments):
                texts.append((index, comment, self._places(comment, geo)))
        annotated: list[TextAnnotations] = []
        events: list[EventMention] = []
        for position, text, places in texts:
            evidence = self.evidence(text, position, facts, places)
            annotated.append(TextAnnotations(position, evidence.places, evidence.actors))
            events.extend(code_events(facts, evidence))
        return DocumentAnnotations(
            document_id=facts.document_id,
            version=ANNOTATOR_VERSION,
            texts=tuple(annotated),
            events=tuple(events),
        )

    def _places(self, text: str, context: GeoContext) -> list[PlaceMention]:
        return find_places(text, self.gazetteer, context=context)

    def evidence(
        self,
        text: str,
        position: int | None,
        facts: DocumentFacts,
        places: Sequence[PlaceMention],
    ) -> TextEvidence:
        """Every annotate stage over one text, sentence-aligned for event coding."""
        sentences = split_sentences(text)
        scan = self.actors.scan(text)
        speakers = find_speakers(text, self.actors, scan=scan)
        attributions = attribute_document(text, sentences, speakers=speakers, outlet=facts.outlet)
        guesses = tuple(
            tuple(_guess(g) for g in self.classifier.classify(text[start:end]))
            for start, end in sentences
        )
        actors = find_actors(
            text, self.actors, country=facts.country, when=facts.published, scan=scan
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


def _guess(found: _Guess) -> SubEventGuess:
    return SubEventGuess(
        sub_event_type=found.sub_event_type,
        event_type=found.event_type,
        disorder_type=found.disorder_type,
        score=found.score,
        cues=tuple(found.cues),
    )


def _country(places: Sequence[PlaceMention]) -> str | None:
    """The document's country: the one its resolved places name most often."""
    counts = Counter(p.country for p in places if p.country)
    return counts.most_common(1)[0][0] if counts else None


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
