"""Typed records handed between pipeline stages. No loose dicts cross a stage boundary.

Text spans everywhere are character offsets into the stored clean text (``Article.body`` or
``Comment.text``), so every later annotation can be traced to the exact characters it came from.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from newstrace.errors import Reason


class InputKind(StrEnum):
    """How the raw bytes of a page must be read by the extract stage."""

    HTML = "html"  # markup: trafilatura + comment markup parsers
    TEXT_DUMP = "text_dump"  # a scraped page flattened to text (.txt, WET): must be cleaned
    ARTICLE_TEXT = "article_text"  # already-extracted body (JSONL "text"): kept verbatim


class Genre(StrEnum):
    REPORT = "report"
    OPINION = "opinion"
    OTHER = "other"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Page:
    """One raw input document as ingested, before any extraction.

    ``source`` is the path or URL as the user gave it; ``locator`` pins a document inside a
    container (``line 12`` of a JSONL file, ``record 3`` of a WARC, an item of a feed).
    Metadata fields come from the container (JSONL fields, WARC headers, feed items) when present.
    """

    source: str
    raw: bytes
    kind: InputKind
    locator: str | None = None
    document_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    encoding: str | None = None
    sha256: str = field(default="")

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", sha256_hex(self.raw))

    @property
    def where(self) -> str:
        """Human-readable position: the source plus the locator inside it."""
        return f"{self.source} ({self.locator})" if self.locator else self.source


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become a document, with a stable reason code.

    ``raw`` keeps the offending bytes when there are any (capped by the ingest stage), so a failed
    input can be inspected and re-derived later like any other.
    """

    source: str
    reason: Reason
    message: str
    locator: str | None = None
    raw: bytes | None = None
    sha256: str | None = None
    document_id: str | None = None

    @property
    def where(self) -> str:
        return f"{self.source} ({self.locator})" if self.locator else self.source


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment, separated from the article. Comments are never coded as news."""

    text: str
    author: str | None = None
    published: str | None = None  # ISO date or datetime when the markup/dump gives one


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract stage returns for one page: clean article text plus metadata."""

    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    url: str | None = None
    comments: tuple[Comment, ...] = ()
    method: str = ""  # which extractor produced it (e.g. "trafilatura", "text-dump", "verbatim")


@dataclass(frozen=True, slots=True)
class Article:
    """A stored document: a page, its extraction, its genre and its near-duplicate link."""

    document_id: str
    source: str
    sha256: str
    kind: InputKind
    extraction: Extraction
    genre: Genre
    locator: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document row as read back from the ledger (ok or failed), for exports and the API."""

    document_id: str
    source: str
    locator: str
    status: str  # "ok" | "failed"
    kind: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    genre: str | None = None
    body: str | None = None
    duplicate_of: str | None = None
    reason: str | None = None
    message: str | None = None
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in a text, resolved to a gazetteer entry (or left unresolved with no coordinates).

    ``start``/``end`` are character offsets into the text that was annotated (an article body or a
    comment). ``place_id`` is ``geonames:<id>`` for GeoNames entries, ``overlay:<id>`` for the
    curated overlay, ``country:<ISO2>`` / ``admin1:<code>`` for synthesized country/admin entries.
    ``geo_precision`` follows ACLED: 1 town/site, 2 near/part of a region, 3 region or larger.
    """

    start: int
    end: int
    text: str
    name: str
    place_id: str | None
    latitude: float | None
    longitude: float | None
    country: str | None  # country name as ACLED writes it ("Syria")
    country_code: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    feature: str  # GeoNames feature code (PPL, PPLA, ADM1, PCLI…) or overlay kind (military_base…)
    geo_precision: int
    relation: str | None = None  # "near", "40 km from", "outskirts of": the qualifier in the text
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A reference to an actor (armed group, state force, civilians…) in ACLED's naming."""

    start: int
    end: int
    text: str
    actor: str  # canonical ACLED name, e.g. "Military Forces of Russia (2000-)"
    inter: int  # ACLED inter code (1 state forces … 8 external/other forces)
    country: str | None
    generic: bool = False  # resolved from a description ("regime forces") rather than a name


@dataclass(frozen=True, slots=True)
class SpeakerMention:
    """A person or organisation that speaks in the text, with role and organisation when given."""

    start: int
    end: int
    text: str
    name: str | None  # "Yury Popov"; None for anonymous speakers ("an officer")
    role: str | None  # "deputy chief", "media officer", "spokesman"
    organisation: str | None  # "Russian Center for Reconciliation in Syria"
    kind: str = "person"  # person | organisation | outlet | anonymous


class Certainty(StrEnum):
    """How the text presents a claim (DESIGN.md mention certainty)."""

    ASSERTED = "asserted"  # the outlet states it in its own voice
    REPORTED = "reported"  # attributed to a source ("according to", "said")
    ALLEGED = "alleged"  # "allegedly", "claimed", "accused"
    UNVERIFIED = "unverified"  # "yet to be confirmed", "could not be independently verified"
    DENIED = "denied"  # a party denies it
    HYPOTHETICAL = "hypothetical"  # "might", "could", "if"
    FUTURE = "future"  # announced or planned, not happened


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression resolved against the document date.

    ``value`` is None when the year cannot be established (never invented); ``text`` keeps the
    words. ``precision`` is ACLED's time_precision: 1 day, 2 week/approximate, 3 month or vaguer.
    ``end`` of a range is in ``until`` ("between 3 and 5 May").
    """

    start: int
    end: int
    text: str
    value: date | None
    precision: int
    until: date | None = None
    relative: bool = False  # "on Monday", "last month": resolved from the document date


@dataclass(frozen=True, slots=True)
class CasualtyCount:
    """A number of people killed/wounded/… stated in a text, with ACLED's conservative value."""

    start: int
    end: int
    text: str
    outcome: str  # killed | wounded | abducted | arrested | missing
    value: int | None  # conservative reading: "up to 10" → 10, "dozens" → 12, "no casualties" → 0
    low: int | None = None
    high: int | None = None
    who: str | None = None  # "civilians", "soldiers", "fighters" when stated


@dataclass(frozen=True, slots=True)
class Claimant:
    """One link of an attribution chain: who says so, in what role, through which medium."""

    text: str  # the words in the sentence ("Major General Yury Popov", "an officer")
    speaker: str | None = None
    role: str | None = None
    organisation: str | None = None
    medium: str | None = None  # the outlet or channel that carried the claim
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says what a sentence (or clause) claims, and how certain the text presents it.

    ``claimed_by`` runs from the original source outwards: for "an officer told outlet X that …"
    reported by the document's outlet, the officer first, then outlet X.
    """

    certainty: Certainty
    claimed_by: tuple[Claimant, ...] = ()
    cues: tuple[str, ...] = ()  # the words that set certainty/attribution ("allegedly", "told")


@dataclass(frozen=True, slots=True)
class EventMention:
    """One report of one event in one document: ACLED fields plus the evidence and the claim.

    ``sentence_start``/``sentence_end`` are offsets into the document body, or into the comment's
    text when ``in_comments`` (then ``comment_position`` says which comment). Fields follow
    ACLED's names; ``place``/``date`` keep the spans they were read from.
    """

    mention_id: str
    document_id: str
    sentence_start: int
    sentence_end: int
    sentence: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    attribution: Attribution
    actor1: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: tuple[str, ...] = ()
    inter2: int | None = None
    interaction: int | None = None
    place: PlaceMention | None = None
    date: DateMention | None = None
    fatalities: int | None = None
    casualties: tuple[CasualtyCount, ...] = ()
    background: bool = False  # history the text recalls, not news of the day
    in_comments: bool = False
    comment_position: int | None = None
    notes: str = ""
    score: float = 0.0
    # Filled by the pipeline from the document, for fusion and independence checks.
    outlet: str | None = None
    published: datetime.date | None = None  # the field above shadows the name `date`
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """Why two mentions were (or were not) fused: kept with every event for auditing."""

    mention_a: str
    mention_b: str
    same_event: bool
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Airwars-style grade with its reasons (DESIGN.md corroboration field)."""

    independent_sources: int
    grade: str  # single_source | corroborated | contested
    reasons: tuple[str, ...]
    share_alleged_or_unverified: float = 0.0


@dataclass(frozen=True, slots=True)
class Event:
    """A fused real-world incident: reconciled ACLED fields over all its mentions."""

    event_id: str
    mention_ids: tuple[str, ...]
    event_type: str
    sub_event_type: str
    disorder_type: str
    corroboration: Corroboration
    event_date: date | None = None
    date_text: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: tuple[str, ...] = ()
    inter2: int | None = None
    interaction: int | None = None
    place: PlaceMention | None = None
    fatalities: int | None = None
    fatalities_range: tuple[int, int] | None = None
    notes: str = ""
    certainty: str = "asserted"
    decisions: tuple[MatchDecision, ...] = ()


@dataclass(frozen=True, slots=True)
class TextAnnotations:
    """Spans found in one text of a document: the body (comment_position None) or a comment."""

    comment_position: int | None
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentAnnotations:
    """Everything the annotate and code stages derived from one stored document."""

    document_id: str
    version: int
    texts: tuple[TextAnnotations, ...] = ()
    events: tuple[EventMention, ...] = ()


@dataclass(frozen=True, slots=True)
class SubEventGuess:
    """One ACLED sub-event type a sentence reports, with the trigger words that decided it."""

    sub_event_type: str
    event_type: str
    disorder_type: str
    score: float
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TextEvidence:
    """What the annotate stages found in one text (body or comment), sentence-aligned.

    ``attributions`` and ``guesses`` have one entry per sentence in ``sentences``.
    """

    text: str
    comment_position: int | None
    sentences: tuple[tuple[int, int], ...]
    attributions: tuple[Attribution, ...]
    guesses: tuple[tuple[SubEventGuess, ...], ...]
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    casualties: tuple[CasualtyCount, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """The document-level facts event coding and fusion need."""

    document_id: str
    outlet: str | None = None
    published: date | None = None
    genre: str | None = None
    duplicate_of: str | None = None
    country: str | None = None  # the document's country focus (ACLED name), if known
