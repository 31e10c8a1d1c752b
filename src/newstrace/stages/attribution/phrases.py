"""Claimant phrases: the run of name-like words next to a speech cue, as a character span.

A phrase is capitalised words, role/organisation/media/document nouns and a few modifiers
("the Syrian pro-opposition news outlet Hammurabi's Justice News", "an officer of the
US-led coalition"). Unlisted lower-case words pass only between an article and a head noun
("the border guard"), so verbs and clauses never leak in. ``phrase_before`` reads leftwards
from a verb, ``phrase_after`` rightwards from "according to" or "told".
"""

from __future__ import annotations

import re

from newstrace.stages.attribution import lexicon as lex

__all__ = ["POSSESSIVE", "phrase_after", "phrase_before", "trimmed"]

_TOKEN = re.compile(r"[\w’'.&-]+")
POSSESSIVE = re.compile(r"[’']s$")
# 12 tokens cover "the deputy chief of the Russian Center for Reconciliation in Syria"; longer
# runs are almost always two phrases glued together.
_MAX_TOKENS = 12
# "against": "the coalition against Islamic State" is one body, not "Islamic State".
_LINKS = lex.words("of for in and from against")
_TRAILING_DROP = lex.DETERMINERS | _LINKS | lex.words("’s 's")
_ARTICLES = lex.words("the a an")
_NOBODY = lex.words("no none nobody neither")
# Unlisted words allowed between an article and a head noun ("the northern border command").
_MAX_PLAIN = 2


def _np_word(word: str, following: str | None) -> bool:
    """Whether ``word`` can belong to a claimant phrase (``following`` is the next token kept)."""
    lower = POSSESSIVE.sub("", word.lower().rstrip("."))  # "activists.", "ministry's"
    if word[:1].isupper() or word[:1].isdigit():
        return True
    if lower in lex.NP_LOWER or _is_head(lower):
        return True
    if "-" in word and (any(c.isupper() for c in word) or lower.endswith(("-led", "-backed"))):
        return True
    return lower in _LINKS and following is not None and following[:1].isupper()


def _is_head(lower: str) -> bool:
    """A noun that can head a claimant phrase: a role, a body, a medium or a document."""
    heads = (lex.ROLE_NOUNS, lex.ORG_NOUNS, lex.MEDIA_NOUNS, lex.DOCUMENT_NOUNS)
    return any(lower in group for group in heads)


def _plain(word: str) -> bool:
    """An unlisted lower-case word ("border" in "the border guard"); never a speech verb."""
    return word.isalpha() and word.islower() and word not in lex.SPEECH_VERBS


def _bridge(words: list[str]) -> bool:
    """``words`` = article (or possessive), up to 2 plain modifiers, head noun: "the border
    guard", "Austria's interior minister"."""
    article, *modifiers, head = words
    return (
        (article.lower() in lex.DETERMINERS or POSSESSIVE.search(article) is not None)
        and 1 <= len(modifiers) <= _MAX_PLAIN
        and all(_plain(w) and w != "that" for w in modifiers)
        and _is_head(head.lower().rstrip("."))
    )


def phrase_before(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The claimant phrase ending right before ``pos`` (whitespace allowed), not before ``lo``."""
    tokens = list(_TOKEN.finditer(text, max(lo, pos - 200), pos))
    start, kept, i = pos, 0, len(tokens) - 1
    following: str | None = None
    while i >= 0 and kept < _MAX_TOKENS and not text[tokens[i].end() : start].strip():
        word = tokens[i].group()
        if not _np_word(word, following):
            skip = _bridge_back(tokens, i, following)
            if not skip:
                break
            start, kept, i = tokens[i - skip + 1].start(), kept + skip, i - skip
            continue
        start, following, kept = tokens[i].start(), word, kept + 1
        linked = i > 0 and tokens[i - 1].group().lower() in _LINKS
        if word.lower() in _ARTICLES and not linked:
            break  # an article opens its phrase: "ISIS the statement" is two phrases
        i -= 1
    return trimmed(text, start, pos)


def _bridge_back(tokens: list[re.Match[str]], i: int, following: str | None) -> int:
    """How many plain modifiers end at token ``i`` between an article and ``following``."""
    if following is None:
        return 0
    for n in range(1, _MAX_PLAIN + 1):
        if i - n < 0:
            return 0
        words = [t.group() for t in tokens[i - n : i + 1]]
        if _bridge([*words, following]):
            return n
    return 0


def phrase_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The claimant phrase starting right after ``pos`` (whitespace allowed), before ``hi``."""
    end, kept, i = pos, 0, 0
    tokens = list(_TOKEN.finditer(text, pos, min(hi, pos + 200)))
    while i < len(tokens) and kept < _MAX_TOKENS and not text[end : tokens[i].start()].strip():
        word = tokens[i].group()
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else None
        if word.lower() == "that":
            break
        if _np_word(word, nxt):
            end, kept, i = tokens[i].end(), kept + 1, i + 1
            continue
        skip = _bridge_forward(tokens, i)
        if not skip:
            break
        end, kept, i = tokens[i + skip - 1].end(), kept + skip, i + skip
    return trimmed(text, pos, end)


def _bridge_forward(tokens: list[re.Match[str]], i: int) -> int:
    if i == 0:
        return 0
    for n in range(1, _MAX_PLAIN + 1):
        if i + n >= len(tokens):
            return 0
        words = [t.group() for t in tokens[i - 1 : i + n + 1]]
        if _bridge(words):
            return n
    return 0


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading sentence openers/links and trailing links; ``None`` if nothing names anyone."""
    tokens = list(_TOKEN.finditer(text, start, end))
    while tokens and (tokens[0].group() in lex.NOT_CLAIMANT_LEAD or tokens[0].group() in _LINKS):
        tokens.pop(0)
    while tokens and tokens[-1].group().lower() in _TRAILING_DROP:
        tokens.pop()
    if not tokens or tokens[0].group().lower() in _NOBODY:
        return None  # "No group has claimed …": nobody speaks
    s, e = tokens[0].start(), tokens[-1].end()
    while e > s and text[e - 1] in ".,’'":
        e -= 1  # a full stop or comma glued to the last word ("activists.")
    return (s, e) if _names_someone([t.group() for t in tokens]) else None


def _names_someone(words: list[str]) -> bool:
    for word in words:
        lower = word.lower().strip(".,")
        if word[:1].isupper() or lower in lex.ROLE_NOUNS or lower in lex.ORG_NOUNS:
            return True
        if lower in lex.MEDIA_NOUNS or lower in lex.DOCUMENT_NOUNS or lower in lex.PRONOUNS:
            return True
    return False
