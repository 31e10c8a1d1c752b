"""Toponym recognition: gazetteer names over capitalised word sequences, with the filters that
keep demonyms, organisations, people, headline words and sentence starters out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newstrace.gazetteer.normalize import name_key
from newstrace.gazetteer.place import Place
from newstrace.gazetteer.store import Gazetteer
from newstrace.stages import geocode_lexicon as lex

# Words of a place name: letters/digits joined by hyphens or apostrophes ("Deir ez-Zor",
# "Ma'arrat"), or dotted abbreviations ("U.S.", "St.").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-'’][^\W_]+)*\.?")
# A hyphenated adjective ("US-led", "ISIS-held", "Syrian-Iraqi") is a modifier, not a mention.
_COMPOUND_TAIL = re.compile(r"-[a-z]+$")
# Longest place name tried, in words ("Sayyidah Zaynab", "Bosnia and Herzegovina", "Ras al
# Ayn" ... "Democratic Republic of the Congo" has 5).
MAX_NAME_WORDS = 6
_SENTENCE_END = frozenset(".!?:;\n•|–—")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ez|ed|es)-[A-Z]")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    capitalised: bool
    sentence_start: bool

    @property
    def lower(self) -> str:
        return self.text.rstrip(".").lower()


@dataclass(slots=True)
class Span:
    """A recognised name: the words matched, its candidates and what the words around it say."""

    start: int
    end: int
    key: str
    candidates: tuple[Place, ...]
    first: int  # token indices
    last: int
    qualifier: str | None = None  # "province", "countryside"… following the name
    relation: str | None = None  # "near", "40 km from", "eastern"… before it
    cue: bool = False  # a locative preposition before it ("in", "from")
    weak: bool = False  # only sentence-initial or headline capitalisation supports it
    links: list[str] = field(default_factory=list)  # ", Texas" style qualifiers (name keys)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        end = match.end()
        if word.endswith(".") and not _is_abbreviation(word):
            word, end = word[:-1], end - 1
        capitalised = word[0].isupper() or bool(_ARTICLE_PREFIX.match(word))
        tokens.append(
            Token(match.start(), end, word, capitalised, _starts_sentence(text, match.start()))
        )
    return tokens


def _is_abbreviation(word: str) -> bool:
    return word.count(".") > 1 or word.rstrip(".").lower() in lex.PERSON_TITLES | {"st", "mt", "ft"}


def _starts_sentence(text: str, position: int) -> bool:
    i = position - 1
    while i >= 0 and text[i] in " \t\"'“”‘’([*-":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] == "\r"


def sequences(tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of capitalised words, allowing lower-case connectors inside ("Rio de Janeiro")."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].capitalised:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and _continues(tokens, j):
            j += 1
        while tokens[j].lower in lex.CONNECTORS and not tokens[j].capitalised:
            j -= 1
        runs.append((i, j))
        i = j + 1
    return runs


def _continues(tokens: list[Token], j: int) -> bool:
    """Whether token j+1 belongs to the run ending at j (same line, capitalised or connector)."""
    nxt = tokens[j + 1]
    if nxt.sentence_start:
        return False
    if nxt.capitalised:
        return True
    if nxt.lower in lex.CONNECTORS and j + 2 < len(tokens):
        return tokens[j + 2].capitalised and not tokens[j + 2].sentence_start
    return False


def is_headline(tokens: list[Token], first: int, last: int) -> bool:
    """A run of four or more capitalised words is a headline or a menu, not running prose."""
    return last - first >= 3


def match_run(gazetteer: Gazetteer, text: str, tokens: list[Token], first: int, last: int) -> list[Span]:
    """Greedy longest gazetteer names, left to right, inside one run of capitalised words."""
    spans: list[Span] = []
    i = first
    while i <= last:
        span = _longest_at(gazetteer, text, tokens, i, last)
        if span is None:
            i += 1
            continue
        spans.append(span)
        i = span.last + 1
    return spans


def _longest_at(
    gazetteer: Gazetteer, text: str, tokens: list[Token], i: int, last: int
) -> Span | None:
    if not tokens[i].capitalised or _COMPOUND_TAIL.search(tokens[i].text):
        return None
    for j in range(min(last, i + MAX_NAME_WORDS - 1), i - 1, -1):
        if not tokens[j].capitalised:
            continue
        key = name_key(text[tokens[i].start : tokens[j].end])
        if not key or (i == j and _never_alone(tokens[i])):
            continue
        candidates = gazetteer.lookup(key)
        if candidates:
            return Span(tokens[i].start, tokens[j].end, key, candidates, i, j)
    return None


def _never_alone(token: Token) -> bool:
    word = token.lower
    if word in lex.MONTHS_AND_DAYS or word in lex.PERSON_TITLES:
        return True
    # "US" is a country, "us" a pronoun: function words count only when not all capitals.
    return word in lex.FUNCTION_WORDS and not (token.text.isupper() and len(token.text) > 1)


def lowercase_spans(gazetteer: Gazetteer, text: str, tokens: list[Token]) -> list[Span]:
    """For text with no capitals (lower-cased corpora): only names of countries, first-level
    divisions and cities over 100,000 people, so common words are not read as villages."""
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        found = None
        for j in range(min(len(tokens) - 1, i + 2), i - 1, -1):
            key = name_key(text[tokens[i].start : tokens[j].end])
            if not key or key in lex.FUNCTION_WORDS or key in lex.MONTHS_AND_DAYS:
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


def _is_major(place: Place) -> bool:
    return place.feature in {"PCLI", "ADM1", "CONT"} or place.is_overlay or (
        place.population >= 100_000 and place.primary
    )
