"""Longest-match search of dictionary phrases over tokens: a hash of token tuples, no model.

Each start token tries the longest phrase first (at most ``max_len`` tokens) and stops at the
first hit, so "Hayat Tahrir al-Sham" wins over "Tahrir al-Sham" and "US-led coalition" over "US".
About 10 dictionary lookups per token: an 800-word article scans in about a millisecond.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newstrace.actordict_tokens import Token, phrase_keys

_SHOUT_MIN_LETTERS = 3
_MAX_ACRONYM_LETTERS = 6  # "CJTF-OIR" spelt out is an alias; "ISKP", "UNHCR" are acronyms


@dataclass(frozen=True, slots=True)
class DictMatch:
    """A dictionary phrase found in text: char offsets, token range and the candidate entry ids."""

    start: int
    end: int
    first: int  # index of the first token
    last: int  # index after the last token
    ids: tuple[str, ...]
    exact: bool  # matched case-sensitively (an acronym)


def looks_like_acronym(phrase: str) -> bool:
    """All capitals and short ("IS", "U.S.", "IS-K"): such aliases only match in capitals."""
    letters = [ch for ch in phrase if ch.isalpha()]
    return 0 < len(letters) <= _MAX_ACRONYM_LETTERS and all(ch.isupper() for ch in letters)


def _strip_article(phrase: str) -> str:
    """ "the Pentagon" → "Pentagon": text spans never include the article."""
    return phrase[4:] if phrase.lower().startswith("the ") and len(phrase) > 4 else phrase


@dataclass(slots=True)
class PhraseIndex:
    """Token-tuple keys → entry ids, one table case-folded and one case-sensitive."""

    folded: dict[tuple[str, ...], tuple[str, ...]]
    exact: dict[tuple[str, ...], tuple[str, ...]]
    # Longest phrase starting with a given first token: most tokens start none and cost one lookup.
    folded_len: dict[str, int]
    exact_len: dict[str, int]

    @classmethod
    def build(cls, phrases: Iterable[tuple[str, str, bool, bool]]) -> PhraseIndex:
        """From (entry id, phrase, is_acronym, keep_article) tuples.

        Names lose a leading "the" ("the Pentagon" = "Pentagon"); descriptions keep it, because
        it carries the meaning: "the government" is the country's, "a government of
        independents" is nobody's."""
        folded: dict[tuple[str, ...], list[str]] = {}
        exact: dict[tuple[str, ...], list[str]] = {}
        for ident, phrase, acronym, keep_article in phrases:
            text = phrase if keep_article else _strip_article(phrase)
            key_folded, key_exact = phrase_keys(text)
            if not key_folded:
                continue
            if acronym or looks_like_acronym(text):
                _add(exact, key_exact, ident)
            else:
                _add(folded, key_folded, ident)
        return cls(_freeze(folded), _freeze(exact), _lengths(folded), _lengths(exact))

    def scan(self, tokens: Sequence[Token]) -> list[DictMatch]:
        keys = [t.key for t in tokens]
        exacts = [t.exact for t in tokens]
        matches: list[DictMatch] = []
        starts_folded, starts_exact = self.folded_len, self.exact_len
        i, n = 0, len(tokens)
        while i < n:
            if keys[i] not in starts_folded and exacts[i] not in starts_exact:
                i += 1  # most tokens start no phrase: skip the call
                continue
            found = self._longest_at(keys, exacts, i)
            if found is None:
                i += 1
                continue
            length, ids, exact = found
            if exact and self._shouting(tokens, i, i + length):
                i += length
                continue
            matches.append(
                DictMatch(tokens[i].start, tokens[i + length - 1].end, i, i + length, ids, exact)
            )
            i += length
        return matches

    def _shouting(self, tokens: Sequence[Token], first: int, last: int) -> bool:
        """An acronym among capitalised ordinary words ("WHO IS BEHIND THE ATTACK") is a
        headline in capitals, not an acronym: two or more of the four neighbouring words in
        capitals, of at least 3 letters and not acronyms themselves."""
        window = [*tokens[max(0, first - 2) : first], *tokens[last : last + 2]]
        loud = [
            t
            for t in window
            if len(t.text) >= _SHOUT_MIN_LETTERS
            and t.text.isalpha()
            and t.text.isupper()
            and (t.exact,) not in self.exact
        ]
        return len(loud) >= 2

    def _longest_at(
        self, keys: list[str], exacts: list[str], i: int
    ) -> tuple[int, tuple[str, ...], bool] | None:
        longest_exact = self.exact_len.get(exacts[i], 0)
        longest_folded = self.folded_len.get(keys[i], 0)
        for length in range(min(max(longest_exact, longest_folded), len(keys) - i), 0, -1):
            ids = self.exact.get(tuple(exacts[i : i + length])) if length <= longest_exact else None
            if ids:
                return length, ids, True
            ids = self.folded.get(tuple(keys[i : i + length])) if length <= longest_folded else None
            if ids:
                return length, ids, False
        return None


def _add(table: dict[tuple[str, ...], list[str]], key: tuple[str, ...], ident: str) -> None:
    ids = table.setdefault(key, [])
    if ident not in ids:
        ids.append(ident)


def _freeze(table: Mapping[tuple[str, ...], list[str]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    return {key: tuple(ids) for key, ids in table.items()}


def _lengths(table: Mapping[tuple[str, ...], list[str]]) -> dict[str, int]:
    longest: dict[str, int] = {}
    for key in table:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return longest
