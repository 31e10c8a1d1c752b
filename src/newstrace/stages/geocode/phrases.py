"""Names found outside capitalised runs: lower-cased text, curated phrases written in lower
case ("the 55 km zone"), AP-style US state abbreviations ("Tenn."), and how such spans are
merged with the run-based ones."""

from __future__ import annotations

import bisect
import re

from newstrace.gazetteer.normalize import name_key
from newstrace.gazetteer.place import Place
from newstrace.gazetteer.store import Gazetteer
from newstrace.stages.geocode import lexicon as lex
from newstrace.stages.geocode.spans import Span, Token


def lowercase_spans(gazetteer: Gazetteer, text: str, tokens: list[Token]) -> list[Span]:
    """For text with no capitals (lower-cased corpora): only names of countries, first-level
    divisions and cities over 100,000 people, so common words are not read as villages."""
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        found = None
        for j in range(min(len(tokens) - 1, i + 2), i - 1, -1):
            if _never_in_lowercase_name(tokens[i]) or _never_in_lowercase_name(tokens[j]):
                continue
            key = name_key(text[tokens[i].start : tokens[j].end])
            if not key:
                continue
            strong = tuple(p for p in gazetteer.lookup(key) if _is_major(p))
            if strong:
                found = Span(tokens[i].start, tokens[j].end, key, strong, i, j)
                break
        if found is not None:
            spans.append(found)
            i = found.last + 1
        else:
            i += 1
    return spans


def _never_in_lowercase_name(token: Token) -> bool:
    """Words that neither start nor end a name ("the", "march", "police")."""
    word = token.lower
    return word in lex.FUNCTION_WORDS or word in lex.MONTHS_AND_DAYS or word.isdigit()


def _is_major(place: Place) -> bool:
    return (
        place.feature in {"PCLI", "ADM1", "CONT"}
        or place.is_overlay
        or (place.population >= 100_000 and place.primary)
    )


def phrase_spans(gazetteer: Gazetteer, text: str, tokens: list[Token]) -> list[Span]:
    """Overlay names written in lower case or starting with a number ("the 55 km zone")."""
    if gazetteer.phrases is None:
        return []
    starts = [t.start for t in tokens]
    spans: list[Span] = []
    for match in gazetteer.phrases.finditer(text):
        key = name_key(match.group())
        candidates = tuple(p for p in gazetteer.lookup(key) if p.is_overlay)
        if not candidates:
            continue
        first = bisect.bisect_left(starts, match.start())
        last = max(first, bisect.bisect_left(starts, match.end()) - 1)
        spans.append(Span(match.start(), match.end(), key, candidates, first, last))
    return spans


_STATE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(a) for a in sorted(lex.US_STATE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?!\w)"
)


def state_abbreviation_spans(gazetteer: Gazetteer, text: str, tokens: list[Token]) -> list[Span]:
    """US states written the AP way ("Tenn.", "W.Va."), resolved to the state only."""
    starts = [t.start for t in tokens]
    spans: list[Span] = []
    for match in _STATE_ABBREVIATION.finditer(text):
        state = lex.US_STATE_ABBREVIATIONS[match.group()]
        key = name_key(state)
        candidates = tuple(
            p for p in gazetteer.lookup(key) if p.feature == "ADM1" and p.country_code == "US"
        )
        if candidates:
            first = bisect.bisect_left(starts, match.start())
            last = max(first, bisect.bisect_left(starts, match.end()) - 1)
            spans.append(Span(match.start(), match.end(), key, candidates, first, last))
    return spans


def without_overlaps(preferred: list[Span], others: list[Span]) -> list[Span]:
    """``preferred`` plus the ``others`` that overlap none of them, in text order."""
    kept = [s for s in others if not any(s.start < p.end and p.start < s.end for p in preferred)]
    return sorted([*preferred, *kept], key=lambda s: s.start)
