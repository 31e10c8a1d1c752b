"""Toponym recognition, the word level: tokens, runs of capitalised words, longest gazetteer
names inside them, curated phrases and AP state abbreviations. What the surrounding words
make of a name (organisation, person, qualifier, "near") is ``geocode_context``'s job."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newstrace.gazetteer.normalize import name_key
from newstrace.gazetteer.place import Place
from newstrace.gazetteer.store import Gazetteer
from newstrace.stages.geocode import lexicon as lex

# Words of a place name: letters/digits joined by hyphens or apostrophes ("Deir ez-Zor",
# "Ma'arrat"), or dotted abbreviations ("U.S.", "St.").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-'’][^\W_]+)*\.?")
# A hyphenated adjective ("US-led", "ISIS-held", "Syrian-Iraqi") is a modifier, not a mention.
_COMPOUND_TAIL = re.compile(r"-[a-z]+$")
# Longest place name tried, in words ("Sayyidah Zaynab", "Bosnia and Herzegovina", "Ras al
# Ayn" ... "Democratic Republic of the Congo" has 5).
MAX_NAME_WORDS = 6
_SENTENCE_END = frozenset(".!?:;\n•|–—")
_SUN_ARTICLES = frozenset({"ad", "an", "ar", "as", "ash", "at", "az"})
_POSSESSIVE = re.compile(r"['’]s?$")
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
    # Why the capital letter proves little: "headline", "sentence" (first word), "common" (the
    # text also writes the word in lower case); None when it is ordinary prose capitalisation.
    weak: str | None = None


def tokenize(text: str, known: Callable[[str], bool] | None = None) -> list[Token]:
    """Words with offsets. ``known`` tells whether a name key is in the gazetteer: a
    hyphenated pair of names that is not itself a name ("Syria-Iraq", "Asia-Pacific") is
    split in two, while "Guinea-Bissau" and "Ez-Zor" stay whole."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.start(), match.end()
        if word.endswith(".") and not _is_abbreviation(word):
            word, end = word[:-1], end - 1
        possessive = _POSSESSIVE.search(word) if "'" in word or "’" in word else None
        if possessive is not None:
            word, end = word[: possessive.start()], end - len(possessive.group())
        sentence_start = _starts_sentence(text, start)
        for offset, part in _parts(word, known):
            capitalised = part[0].isupper() or bool(_ARTICLE_PREFIX.match(part))
            first = sentence_start and offset == 0
            tokens.append(
                Token(start + offset, start + offset + len(part), part, capitalised, first)
            )
    return tokens


def _parts(word: str, known: Callable[[str], bool] | None) -> list[tuple[int, str]]:
    if "-" not in word:
        return [(0, word)]
    pieces = word.split("-")
    if (
        known is None
        or len(pieces) < 2
        or not all(len(p) >= 3 and p[0].isupper() for p in pieces)
        or known(name_key(word))
    ):
        return [(0, word)]
    parts, offset = [], 0
    for piece in pieces:
        parts.append((offset, piece))
        offset += len(piece) + 1
    return parts


_ABBREVIATIONS = lex.PERSON_TITLES | {"st", "mt", "ft"}


def _is_abbreviation(word: str) -> bool:
    return word.count(".") > 1 or word.rstrip(".").lower() in _ABBREVIATIONS


def _starts_sentence(text: str, position: int) -> bool:
    i = position - 1
    while i >= 0 and text[i] in " \t\"'“”‘’([*-":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] == "\r"


def sequences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of capitalised words on one line with only spaces between them, allowing
    lower-case connectors inside ("Rio de Janeiro"); punctuation ends a run ("Homs, Hama")."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].capitalised or (
            _is_function_word(tokens[i]) and not _is_article_of_next(tokens, i)
        ):
            i += 1  # "Near Mosul", "The Hague": the run starts after the function word
            continue
        j = i
        while j + 1 < len(tokens) and _continues(text, tokens, j):
            j += 1
        while tokens[j].lower in lex.CONNECTORS and not tokens[j].capitalised:
            j -= 1
        runs.append((i, j))
        i = j + 1
    return runs


def _is_article_of_next(tokens: list[Token], i: int) -> bool:
    """ "At Tanf", "As Sukhnah", "An Najaf": an Arabic article spelt like an English word."""
    word = tokens[i].lower
    if word not in _SUN_ARTICLES or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    return following.capitalised and following.lower.startswith(word[1:])


def _is_function_word(token: Token) -> bool:
    return token.lower in lex.FUNCTION_WORDS and token.text != "US"


def _continues(text: str, tokens: list[Token], j: int) -> bool:
    """Whether token j+1 belongs to the run ending at j (same line, capitalised or connector)."""
    nxt = tokens[j + 1]
    gap = text[tokens[j].end : nxt.start]
    if nxt.sentence_start or (gap.strip(" \t") != "" and gap != "."):
        return False
    if nxt.capitalised:
        # "LONDON The Latest…", "Syria In Focus": a capitalised function word ends the run
        return not _is_function_word(nxt)
    if nxt.lower in lex.CONNECTORS and j + 2 < len(tokens):
        after = tokens[j + 2]
        return after.capitalised and text[nxt.end : after.start].strip(" \t") == ""
    return False


def headline_tokens(text: str, tokens: list[Token]) -> list[bool]:
    """Per token: whether its line is a headline or menu, where capitals say nothing about
    names: ≥ 70 % of at least 4 words over 3 letters capitalised, and no final full stop."""
    flags = [False] * len(tokens)
    line: list[int] = []
    for index, token in enumerate(tokens):
        if line and "\n" in text[tokens[line[-1]].end : token.start]:
            _flag_line(text, tokens, line, flags)
            line = []
        line.append(index)
    if line:
        _flag_line(text, tokens, line, flags)
    return flags


def _flag_line(text: str, tokens: list[Token], line: list[int], flags: list[bool]) -> None:
    words = [tokens[i] for i in line if len(tokens[i].text) > 3]
    end = text.find("\n", tokens[line[-1]].end)
    if len(words) < 4 or text[tokens[line[-1]].end : None if end < 0 else end].strip() == ".":
        return
    if sum(t.capitalised for t in words) >= 0.7 * len(words):
        for i in line:
            flags[i] = True


def match_run(
    gazetteer: Gazetteer, text: str, tokens: list[Token], first: int, last: int
) -> list[Span]:
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
    # Up to two words past the run, for curated names written half lower-case ("Homs desert").
    reach = _same_line_reach(text, tokens, last, extra=2)
    for j in range(min(reach, i + MAX_NAME_WORDS - 1), i - 1, -1):
        if j <= last and not tokens[j].capitalised:
            continue
        key = name_key(text[tokens[i].start : tokens[j].end])
        if not key or (i == j and (_never_alone(tokens[i]) or _heads_of_phrase(tokens, i))):
            continue
        candidates = gazetteer.lookup(key)
        if j > last:
            candidates = tuple(p for p in candidates if p.is_overlay)
        elif i == j:
            candidates = _fits_acronym(tokens[i], candidates)
        if candidates:
            return Span(tokens[i].start, tokens[j].end, key, candidates, i, j)
    return None


def _same_line_reach(text: str, tokens: list[Token], last: int, extra: int) -> int:
    reach = last
    while reach < min(len(tokens) - 1, last + extra):
        gap = text[tokens[reach].end : tokens[reach + 1].start]
        if gap.strip(" \t"):
            break
        reach += 1
    return reach


def _never_alone(token: Token) -> bool:
    word = token.lower
    if word in lex.MONTHS_AND_DAYS or word in lex.PERSON_TITLES or word in lex.DIRECTIONS:
        return True
    if word in lex.GROUP_WORDS:
        return True
    return _is_function_word(token)


def _heads_of_phrase(tokens: list[Token], i: int) -> bool:
    """ "University of Basra", "Court of Appeal": an institution word before "of" heads an
    organisation's name, never a town named University or Court."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.lower == "of" and tokens[i].lower in lex.ORGANISATION_WORDS


def _fits_acronym(token: Token, candidates: tuple[Place, ...]) -> tuple[Place, ...]:
    """An all-capitals word of up to 4 letters is an acronym ("SAA", "UN", "CIA") unless it
    names a country, a division or a curated site ("US", "UK", "UAE", "T4")."""
    if not (token.text.isupper() and len(token.text.replace(".", "")) <= 4):
        return candidates
    return tuple(p for p in candidates if p.feature in {"PCLI", "ADM1"} or p.is_overlay)
