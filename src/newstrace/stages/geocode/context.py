"""What the words around a recognised name say: qualifiers, "near"/"40 km from" relations,
locative cues, and the rejections (demonyms, organisations, people, common words)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newstrace.gazetteer.store import Gazetteer
from newstrace.stages.geocode import lexicon as lex
from newstrace.stages.geocode.phrases import (
    lowercase_spans,
    phrase_spans,
    state_abbreviation_spans,
    without_overlaps,
)
from newstrace.stages.geocode.spans import (
    Span,
    Token,
    headline_tokens,
    match_run,
    sequences,
    tokenize,
)

_DIRECTIONS = "|".join(sorted(lex.DIRECTIONS, key=len, reverse=True))
_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
# Read backwards from a name over at most 60 characters of its sentence: the qualifier that
# makes the mention "near" the place rather than in it (ACLED geo_precision 2).
_RELATION = re.compile(
    r"(?P<rel>\d+(?:[.,]\d+)?\s*-?\s*(?:km|kilometers|kilometres|kms|miles|mi)\b"
    rf"(?:\s+\(\S+\s+\w+\))?(?:\s+{_COMPASS}(?:ern)?)?\s+(?:of|from)"
    rf"|{_COMPASS}\s+of|(?:on\s+)?the\s+outskirts\s+of|outskirts\s+of|near(?:by)?|outside"
    r"|close\s+to|in\s+the\s+vicinity\s+of|on\s+the\s+edge\s+of|around"
    rf"|{_DIRECTIONS})"
    r"(?:\s+the)?(?:\s+(?:town|city|village|area|base|camp|outskirts)\s+of)?\s+$",
    re.IGNORECASE,
)
_DISTANCE_WINDOW = 60
_NEVER_UNKNOWN = (
    lex.GROUP_WORDS
    | lex.MONTHS_AND_DAYS
    | lex.QUALIFIER_WORDS
    | lex.PERSON_TITLES
    | lex.ORGANISATION_WORDS
)
# Capitalised words before a name that leave it standing alone ("North Hama", "In Syria").
_FREE_BEFORE = lex.DIRECTIONS | lex.FUNCTION_WORDS
# Longest unknown run handed to the fuzzy matcher: place names rarely exceed three words.
MAX_UNKNOWN_WORDS = 3
_LINK_GAP = re.compile(r"^\s*,\s*$")
# Lower-case particles inside Arabic personal and tribal names ("al Sadr", "bin Laden").
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint"})


@dataclass(slots=True)
class Recognition:
    """Names found in one text, plus the document-level signals collected on the way."""

    spans: list[Span]
    demonym_countries: list[str] = field(default_factory=list)
    person_keys: set[str] = field(default_factory=set)
    # Capitalised runs after a locative cue that matched no name ("near Dayr Az Zayr"): left
    # for the fuzzy matcher, as (start, end, first token, last token).
    unknown: list[tuple[int, int, int, int]] = field(default_factory=list)


def recognise(text: str, gazetteer: Gazetteer) -> Recognition:
    tokens = tokenize(text, lambda key: bool(gazetteer.lookup(key)))
    found = Recognition(spans=[])
    if not _has_capitals(tokens):
        found.spans = lowercase_spans(gazetteer, text, tokens)
    else:
        headlines = headline_tokens(text, tokens)
        for first, last in sequences(text, tokens):
            _scan_run(found, gazetteer, text, tokens, first, last, headlines[first])
    lowered = _lowercase_words(tokens)
    kept = [s for s in found.spans if s.key not in found.person_keys]
    preferred = phrase_spans(gazetteer, text, tokens)
    preferred = without_overlaps(preferred, state_abbreviation_spans(gazetteer, text, tokens))
    kept = without_overlaps(preferred, kept)
    for span in kept:
        _describe(span, text, tokens, lowered)
    found.spans = kept
    return found


def _has_capitals(tokens: list[Token]) -> bool:
    # Lower-cased corpora still capitalise nothing; 1 % leaves room for stray acronyms.
    return sum(t.capitalised for t in tokens) > 0.01 * len(tokens)


def _lowercase_words(tokens: list[Token]) -> set[str]:
    return {t.text for t in tokens if t.text.islower()}


def _scan_run(
    found: Recognition,
    gazetteer: Gazetteer,
    text: str,
    tokens: list[Token],
    first: int,
    last: int,
    headline: bool,
) -> None:
    for i in range(first, last + 1):
        country = gazetteer.demonym_country(_demonym_key(tokens[i].lower))
        if country is not None:
            found.demonym_countries.append(country)
    byline = _is_name_line(text, tokens, first, last)
    spans = match_run(gazetteer, text, tokens, first, last)
    major_tokens = {i for s in spans if is_major(s) for i in range(s.first, s.last + 1)}
    if not headline and gazetteer.demonym_country(_demonym_key(tokens[first].lower)) is None:
        _note_unknown(found, tokens, first, last, spans)
    for span in spans:
        if _is_demonym(gazetteer, span) or _after_title(tokens, span):
            continue
        verdict = _neighbours(tokens, span, (first, last, headline, byline), major_tokens)
        if verdict == "person":
            found.person_keys.add(span.key)
        if verdict is not None:
            continue
        if headline:
            span.weak = "headline"
        elif tokens[span.first].sentence_start and span.first == span.last:
            span.weak = "sentence"
        found.spans.append(span)


def _note_unknown(
    found: Recognition, tokens: list[Token], first: int, last: int, spans: list[Span]
) -> None:
    """Keep the capitalised words right after "in", "near", "from"… when no name covers them
    all ("near Deyr ez-Zawr on Monday" → "Deyr ez-Zawr"), for the fuzzy matcher."""
    if first == 0 or tokens[first - 1].lower not in lex.LOCATIVE_CUES:
        return
    if tokens[first].lower in _NEVER_UNKNOWN:
        return
    end = first
    while end < last and tokens[end + 1].capitalised and end - first + 1 < MAX_UNKNOWN_WORDS:
        if tokens[end + 1].lower in lex.MONTHS_AND_DAYS:
            break
        end += 1
    if not any(s.first == first and s.last >= end for s in spans):
        found.unknown.append((tokens[first].start, tokens[end].end, first, end))


def _is_name_line(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """A line holding only two or three capitalised words: a byline or a commenter's name
    ("Jerry Hamilton", "— Paul Mansfield"), never a place list."""
    if not 1 <= last - first <= 2:
        return False
    start = text.rfind("\n", 0, tokens[first].start) + 1
    end = text.find("\n", tokens[last].end)
    line = text[start : len(text) if end < 0 else end]
    return line.strip(" \t\r—–-•|") == text[tokens[first].start : tokens[last].end]


def _demonym_key(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _is_demonym(gazetteer: Gazetteer, span: Span) -> bool:
    return span.first == span.last and gazetteer.demonym_country(_demonym_key(span.key)) is not None


def _after_title(tokens: list[Token], span: Span) -> bool:
    before = tokens[span.first - 1] if span.first > 0 else None
    return before is not None and before.capitalised and before.lower in lex.PERSON_TITLES


def _neighbours(
    tokens: list[Token],
    span: Span,
    run: tuple[int, int, bool, bool],
    major_tokens: set[int],
) -> str | None:
    """Whether capitalised words glued to the name make it part of another name.

    "organisation" ("Syrian Arab Army"), "feature" ("Mississippi River"), "person" ("Jim
    Martin": the surname is remembered for the whole document), "other" (some other name), or
    None when the name stands alone or names a site at the place ("Baghdad Airport"). A
    neighbour that is itself a well-known place makes a list, not a name ("Sadr City Baghdad").
    """
    first, last, headline, byline = run
    listed = is_major(span)
    after = tokens[span.last + 1] if span.last < last else None
    if after is not None and after.capitalised:
        # "Dahuk Northern Iraq": a direction word then a well-known place makes a list
        beyond = span.last + 2 in major_tokens and after.lower in lex.DIRECTIONS
        listed_after = listed and (span.last + 1 in major_tokens or beyond)
        verdict = _glued_after(span, after, headline, listed_after)
        if verdict != "":
            return verdict
    before = tokens[span.first - 1] if span.first > first else None
    if _after_name_particle(tokens, span, first):
        return "other"
    if headline or before is None or not before.capitalised:
        return None
    if (listed and span.first - 1 in major_tokens) or before.lower in _FREE_BEFORE:
        return None
    if listed and not byline:
        # "Considering Tunisia's…" at a sentence start, or an unknown word before a country
        return None if before.sentence_start and span.first - 1 == first else "other"
    return "person"  # "Jim Martin": the surname is no place anywhere else in the text either


def _after_name_particle(tokens: list[Token], span: Span, first: int) -> bool:
    """ "Muqtada al Sadr", "Osama bin Laden": a particle of Arabic names between an unknown
    capitalised word and the name makes one longer name (a person, a tribe), not a place. A
    place spelt that way ("Ras al Ayn") is matched whole before its last word is tried."""
    if span.first - 2 < first:
        return False
    particle, head = tokens[span.first - 1], tokens[span.first - 2]
    return (
        particle.lower in NAME_PARTICLES
        and not particle.capitalised
        and head.capitalised
        and head.lower not in _FREE_BEFORE
    )


def _glued_after(span: Span, after: Token, headline: bool, after_is_place: bool) -> str | None:
    """The verdict the word after the name gives, or "" when it says nothing."""
    word = after.lower
    if word in lex.ORGANISATION_WORDS:
        return "organisation"
    if word in lex.NATURAL_WORDS:
        return "feature"
    if word in lex.SITE_WORDS:
        span.end, span.last = after.end, span.last + 1
        return None
    if word in lex.PERSON_TITLES or after_is_place:
        return ""  # "Oklahoma Gov. Mary Fallin", "US Ambassador", "Sadr City Baghdad"
    if not headline and word not in lex.QUALIFIER_WORDS:
        return "other"
    return ""


def is_major(span: Span) -> bool:
    """A country, division, curated site or city of 100,000+: too well known to be a surname."""
    return any(
        p.feature in {"PCLI", "ADM1", "CONT"} or p.is_overlay or p.population >= 100_000
        for p in span.candidates
    )


def _describe(span: Span, text: str, tokens: list[Token], lowered: set[str]) -> None:
    """Qualifier after, relation and cue before; a common word used lower-case elsewhere is weak."""
    nxt = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
    if nxt is not None and nxt.lower in lex.QUALIFIER_WORDS and nxt.start - span.end <= 1:
        span.qualifier = nxt.lower
        span.end = nxt.end
    window = text[max(0, span.start - _DISTANCE_WINDOW) : span.start]
    window = re.split(r"[.!?\n;]", window)[-1]
    relation = _RELATION.search(window)
    if relation is not None:
        span.relation = " ".join(relation.group("rel").lower().split())
    prev = tokens[span.first - 1] if span.first > 0 else None
    if prev is not None and prev.lower == "the" and span.first > 1:
        prev = tokens[span.first - 2]
    span.cue = prev is not None and prev.lower in lex.LOCATIVE_CUES
    if span.first == span.last and tokens[span.first].text.lower() in lowered:
        span.weak = "common"


def linked(text: str, first: Span, second: Span) -> bool:
    """ "Alexandria, Louisiana": the second name qualifies the first."""
    return bool(_LINK_GAP.match(text[first.end : second.start]))
