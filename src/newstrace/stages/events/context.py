"""Where and when an event mention happened: place and date choice within a sentence.

Place: a place finer than a country beats the country; then the toponym a locative
preposition governs ("in", "near", "at", "on the outskirts of", "the town of") beats one used
otherwise ("Baghdad's government", "residents of Basra protested in Kut"); then a reading in
the document's country over a foreign one; then ACLED geo_precision 1 < 2 < 3; then the
nearest to the trigger. Toponyms inside (or identical to) an actor's or a claimant's words
("the Kirkuk brigade", "the Pentagon said") name an organisation, not where the event was. A
sentence with no place inherits the last place of its paragraph at "near" precision (2);
"near X" itself is precision 2.

Date: a date fronted at the sentence start ("On Feb 19, …", "Later on 3 May …") scopes over
the whole clause; otherwise the date nearest the trigger in the sentence; else the last of the
paragraph; else, for news the document dates, the published date at time_precision 2 — ACLED
codes the reported date when the text gives no other, and "2" says the day is approximate.
Without a published date the date stays unknown: a year is never invented. A date that belongs
to the telling or the aftermath ("the ministry said on Tuesday that…", "denied on Wednesday
that it had struck … on Monday", "families buried seven people on Tuesday after a strike")
dates the claim, not the event: another date of the sentence wins, and when there is none it
is kept only as an upper bound, at time_precision 2 (the event happened that day or shortly
before).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newstrace.records import Attribution, DateMention, PlaceMention, TextEvidence

_PARAGRAPH_BREAK = re.compile(r"\n\s*")  # a line break, and any blank lines after it
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|on|outside|around|inside|across|into|to|towards?|"
    r"(?:on the )?outskirts of|close to|(?:kilometres|kilometers|km|miles) (?:from|of))\s+"
    r"(?:the\s+)?(?:(?:central|downtown|rural|greater|old|(?:north|south|east|west)(?:ern)?)\s+)?"
    r"(?:(?:city|town|village|district|province|governorate|area|region|countryside|"
    r"suburbs?|camp|neighbou?rhood|outskirts|vicinity)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# "X south of Y": Y only situates X (weaker than "in"; ACLED codes the event to X).
_DIRECTIONAL = re.compile(
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?: of)?\s+$", re.I
)
# "captured the town of X": an apposition that names a settlement or site is a place of its own.
_SITE_OF = re.compile(
    r"\b(?:city|town|village|camp|base|airport|district|neighbou?rhood|area)\s+of\s+(?:the\s+)?$",
    re.I,
)
# "near X" and its kin put the event next to X, not in it: ACLED geo_precision 2.
_NEAR = re.compile(r"\b(?:near|outskirts|outside|around|close to|vicinity|km|kilomet|miles)\b")
# At most two words ("Later on", "Early on") before a date that opens the sentence, after an
# optional header label ("UPDATE: On Monday …").
_FRONTED = re.compile(r"^(?:[^.:]{0,40}:)?\W*(?:\w+\W+){0,2}$")
# A verb of saying or of aftermath just before a date ("said in a statement on", "accused the
# coalition on", "buried seven people on"): up to 40 characters of the same clause between them.
_CLAIM_DATE = re.compile(
    r"\b(?:said|says|say|told|tells|announced|announces|denied|denies|claimed|claims|reported|"
    r"stated|added|confirmed|blamed|blames|accused|accuses|acknowledged|insisted|warned|"
    r"statement|briefing|conference|buried|burials?|funerals?|mourned)\b[^.;:\"“”]{0,40}$",
    re.IGNORECASE,
)
_LOCATIVE_WINDOW = 45  # characters before a toponym searched for its preposition
_COUNTRY_FEATURES = ("PCL",)  # GeoNames country codes (PCLI, PCLD…): coarser than any admin1


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` starts (evidence does not cross paragraphs)."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def paragraphs_between(text: str, start: int, end: int) -> int:
    """How many paragraph breaks lie between two offsets."""
    return len(_PARAGRAPH_BREAK.findall(text, start, end))


def choose_place(
    evidence: TextEvidence,
    start: int,
    end: int,
    trigger: int | None = None,
    attribution: Attribution | None = None,
    country: str | None = None,
) -> PlaceMention | None:
    """The event's place: see the module docstring for the order of preference."""
    inside = [
        p
        for p in evidence.places
        if start <= p.start and p.end <= end and not _names_organisation(evidence, p, attribution)
    ]
    if inside:
        anchor = trigger if trigger is not None else start
        chosen = min(inside, key=lambda p: _place_rank(evidence.text, p, anchor, country))
        return _with_precision(evidence.text, chosen)
    floor = paragraph_start(evidence.text, start)
    before = [p for p in evidence.places if floor <= p.start < start]
    if not before:
        return None
    # Inherited from context: at best "near/part of" precision (ACLED geo_precision 2).
    chosen = before[-1]
    return replace(chosen, geo_precision=max(chosen.geo_precision, 2))


def _names_organisation(
    evidence: TextEvidence, place: PlaceMention, attribution: Attribution | None
) -> bool:
    spans: list[tuple[int | None, int | None]] = [
        (a.start, a.end) for a in evidence.actors if a.end - a.start >= len(place.text)
    ]
    # A claimant is a speaker, not a place, unless a preposition places it ("protesters in
    # Shatra rejected…" read as Shatra rejecting): then the toponym reading stands.
    if attribution is not None and not _governed(evidence.text, place):
        spans += [(c.start, c.end) for c in attribution.claimed_by]
    return any(
        s is not None and e is not None and s <= place.start and place.end <= e for s, e in spans
    )


def _governed(text: str, place: PlaceMention) -> bool:
    return _government(text, place) < _UNGOVERNED


_UNGOVERNED = 2


def _government(text: str, place: PlaceMention) -> int:
    """0: a locative preposition governs the toponym; 1: a direction ("south of"); 2: neither."""
    before = text[max(0, place.start - _LOCATIVE_WINDOW) : place.start]
    if _LOCATIVE.search(before) or _SITE_OF.search(before):
        return 0
    return 1 if _DIRECTIONAL.search(before) else _UNGOVERNED


def _place_rank(
    text: str, place: PlaceMention, anchor: int, country: str | None
) -> tuple[int, int, int, int, int, int]:
    whole_country = 1 if place.feature.startswith(_COUNTRY_FEATURES) else 0
    located = 0 if place.latitude is not None else 1
    # A toponym resolved outside the document's country is more often a wrong reading of an
    # ambiguous name; ranked after the preposition, as a first key it cost 2 of 407 admin1
    # matches on the ACLED notes (short texts make the document's country itself unreliable).
    foreign = 1 if country and place.country and place.country != country else 0
    return (
        whole_country,
        _government(text, place),
        foreign,
        place.geo_precision,
        located,
        abs(place.start - anchor),
    )


def _with_precision(text: str, place: PlaceMention) -> PlaceMention:
    before = text[max(0, place.start - _LOCATIVE_WINDOW) : place.start].lower()
    tail = before.rsplit(",", 1)[-1]
    if place.geo_precision == 1 and _NEAR.search(tail):
        return replace(place, geo_precision=2)
    return place


def choose_date(
    evidence: TextEvidence,
    start: int,
    end: int,
    trigger: int | None = None,
    published: date | None = None,
) -> DateMention | None:
    """The event's date: see the module docstring for the order of preference."""
    inside = [d for d in evidence.dates if start <= d.start and d.end <= end]
    fronted = [d for d in inside if _FRONTED.match(evidence.text[start : d.start])]
    if fronted:
        return fronted[0]
    told = [d for d in inside if _dates_claim(evidence.text, start, d)]
    if len(told) < len(inside):
        anchor = trigger if trigger is not None else start
        return min(
            (d for d in inside if d not in told), key=lambda d: (abs(d.start - anchor), d.start)
        )
    if told:
        return replace(told[0], precision=max(told[0].precision, 2))
    floor = paragraph_start(evidence.text, start)
    before = [d for d in evidence.dates if floor <= d.start < start]
    if before:
        return before[-1]
    return published_date(start, published)


def _dates_claim(text: str, start: int, when: DateMention) -> bool:
    """Whether the date is governed by a verb of saying or of aftermath (see the docstring)."""
    return bool(_CLAIM_DATE.search(text, start, when.start))


def published_date(start: int, published: date | None) -> DateMention | None:
    """The report's own date, approximate (2): an empty span at the sentence start."""
    if published is None:
        return None
    return DateMention(start, start, "", published, 2, relative=True)
