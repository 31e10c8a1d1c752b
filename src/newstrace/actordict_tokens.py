"""Tokens and match keys shared by the actor dictionary and the stages that search text with it.

Names of Syrian and Iraqi groups are written many ways: "Hay’at Tahrir al-Sham", "Hayat Tahrir
ash-Sham", "Hayat Tahrir Al Sham". Keys make those equal without touching the text, so every
match keeps exact character offsets: hyphens and dashes separate words but are not tokens,
apostrophes inside a word vanish ("Hay’at" = "Hayat"), diacritics fold ("Hêzên" = "Hezen"), and
the assimilated Arabic article ("ash-", "an-", "ad-"…) and "el" key as "al".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Words (with inner apostrophes: Hay’at, Kata'ib) or one punctuation mark. Hyphens and dashes are
# separators only, so "al-Sham" and "al Sham" give the same tokens.
_TOKEN = re.compile(r"[^\W_]+(?:['’‘ʼ`][^\W_]+)*|[^\w\s\-‐‑‒–—]")
_APOSTROPHES = re.compile(r"['’‘ʼ`]")
_POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'S", "’S"})
_HYPHENS = frozenset("-‐‑‒–—")
# The Arabic article before sun letters is transliterated by its assimilated form.
_ARTICLE_FORMS = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "adh", "ath"})


class Token(NamedTuple):
    """A named tuple, not a frozen dataclass: an 800-word article makes ~1,000 of them per scan
    and tuple construction is several times cheaper."""

    start: int
    end: int
    text: str
    key: str  # case-folded, for aliases
    exact: str  # case kept, for acronyms ("IS" is not "is")

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def fold(word: str) -> str:
    """Diacritics and apostrophes removed, case kept."""
    if word.isascii():  # most tokens: skip Unicode decomposition (3x faster tokenizing)
        return _APOSTROPHES.sub("", word) if "'" in word or "`" in word else word
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", word))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Words repeat (an article uses ~400 distinct words ~1,000 times): their keys are memoised.
_WORD_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def _keys(word: str, hyphen_next: bool) -> tuple[str, str]:
    """(case-folded key, exact key) of one word; before a hyphen "ash"/"an"… key as "al"."""
    exact = fold(word)
    lowered = exact.lower()
    if lowered == "el" or (lowered in _ARTICLE_FORMS and hyphen_next):
        return "al", exact
    return lowered, exact


def tokenize(text: str) -> list[Token]:
    """Tokens with character offsets into ``text``; possessive 's is its own token."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        if word[:1] in "'’":
            append(Token(start, end, word, "'s", "'s"))
            continue
        if end - start > 2 and word[-2:] in _POSSESSIVE_ENDINGS:
            stem = word[:-2]
            key, exact = _keys(stem, False)  # an apostrophe follows the stem
            append(Token(start, end - 2, stem, key, exact))
            append(Token(end - 2, end, word[-2:], "'s", "'s"))
            continue
        key, exact = _keys(word, text[end : end + 1] in _HYPHENS)
        append(Token(start, end, word, key, exact))
    return tokens


def phrase_keys(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(case-folded key, exact key) of a dictionary phrase, tokenized like running text."""
    tokens = tokenize(phrase)
    return tuple(t.key for t in tokens), tuple(t.exact for t in tokens)


def hyphen_before(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in _HYPHENS


def hyphen_after(text: str, end: int) -> bool:
    return text[end : end + 1] in _HYPHENS


# Sentence ends: punctuation then space and a capital/quote/digit, a blank line, or a line that
# starts a list item. A period after an initial ("U.S.") or a title abbreviation ("Gen.") is not
# an end: Syria/Iraq reporting writes "Maj. Gen." and "U.S.-led" constantly.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*\s+(?=[A-Z\"“‘(\d])|\n\s*\n|\n(?=[A-Z•*\-])")
_ABBREVIATIONS = frozenset(
    "gen col lt maj capt sgt dr mr mrs ms st no adm brig gov sen rep prof jr sr mt cpl pvt vs "
    "etc inc co corp dept".split()
)


def _real_end(text: str, match: re.Match[str]) -> bool:
    if not match.group().startswith("."):
        return True
    word = re.search(r"(\w+)$", text[max(0, match.start() - 20) : match.start()])
    if word is None:
        return True
    last = word.group(1)
    return not (len(last) == 1 and last.isupper()) and last.lower() not in _ABBREVIATIONS


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (a light splitter for context windows)."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text) if _real_end(text, m))]
