"""Paragraph units of a plain-text page dump and what each one looks like (prose, chrome, …).

A dump has one block of the page per line; blank lines separate blocks. Each non-blank line is a
unit, except hard-wrapped prose (several 40–110 character lines that break mid-sentence), which
is merged back into one unit. A unit's text is always a verbatim substring of the dump.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise

from newstrace.stages.extract import textdump_lexicon as lex
from newstrace.stages.extract import textdump_lexicon_layout as layout
from newstrace.stages.extract import textdump_lexicon_names as names


class Kind(Enum):
    PROSE = "prose"  # sentence-like paragraph: the stuff articles and comments are made of
    BULLET = "bullet"  # list item ("• …", "- …", "1. …")
    SHORT = "short"  # title-like line without sentence punctuation: heading, link, name, menu
    CHROME = "chrome"  # matched the boilerplate lexicon or has no letters at all
    # furniture that sits *inside* articles: captions, photo credits, an inline "Read more:
    # <headline>"; cheap in the main-block search, never body text
    CAPTION = "caption"
    LINK_HEAD = "link_head"  # "Related", "Read more", "Latest News": a list of links follows


@dataclass(frozen=True, slots=True)
class Unit:
    text: str  # stripped, verbatim substring of the dump
    gap: int  # blank lines before it (2+ separate comments of a thread)
    words: int


@dataclass(frozen=True, slots=True)
class Zone:
    """The article part of the dump (everything above the comment thread)."""

    units: list[Unit]
    kinds: list[Kind]
    keys: list[str]  # normalize(text) of each unit, computed once
    counts: Counter[str]  # how often each key occurs: repeated lines are chrome or title copies

    @classmethod
    def of(cls, units: list[Unit], kinds: list[Kind]) -> Zone:
        keys = [normalize(unit.text) for unit in units]
        return cls(units, kinds, keys, Counter(keys))

    def repeated(self, i: int) -> bool:
        return self.counts[self.keys[i]] > 1


_STRONG = lex.compile_triggered(lex.STRONG_PHRASES, lex.STRONG_TRIGGERS)
_TRIGGER = re.compile("|".join(map(re.escape, lex.STRONG_TRIGGERS)))
_TRIGGER_REGEX_CHARS = 200
_SHORT_CHROME = lex.compile_lines(lex.SHORT_LINES)
_CAPTION = lex.compile_lines(layout.CAPTION_LINES)
_CAPTION_TAIL = lex.compile_tails(layout.CAPTION_TAILS)
_LINK_HEAD = lex.compile_lines(layout.LINK_LIST_HEADINGS)
_LINK_PREFIX = re.compile(
    r"(read more|read also|also read|must read|see also|related|recommended"
    r"|lire aussi|à lire|leer más|lea también"
    r"|mehr zum thema|leggi anche|leia também|читайте также|اقرأ أيضاً?)\s*[:>»›]",
    re.I,
)
_BULLET = re.compile(r"(?:[•·▪◦‣●■□➢►✓✔]|[-*+]\s|\d{1,2}[.)]\s)")
_END_SENTENCE = re.compile(r"[.!?…:;؟][\"'”’»)\]]*\Z")
_INNER_SENTENCE = re.compile(r"[.!?…][\"'”’»)]*\s+[\"'“‘«(]?[A-ZÀ-ÖØ-ÞА-Я]")
_LETTER = re.compile(r"[^\W\d_]")
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w")
_NON_BLANK_LINE = re.compile(r"[^\S\n]*\S[^\n]*")  # blank lines are skipped in C, not in Python
# "Home | World | Contact", "Middle East · Staff writer · 8 min read" (not "•": Disqus writes
# its comment headers "Jane • 2 years ago • edited")
_NAV = re.compile(r"[^|·]{1,40}(?:[|·][^|·]{1,40}){2,}")
# A caption ending in a photographer credit, "… before the rains. Jane Roe/Agency": a capitalised
# name, a slash, an agency; case-sensitive, and never a sentence-final stop after it.
_CREDIT_TAIL = re.compile(
    r"(?:\A|[.!?][\"'”’]?\s+)(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s?/\s?\S[^/.!?]{1,60}\Z"
    # … or by an agency's initials in brackets: "… east of Marib. (AFP)", "(AP Photo/Jane Roe)"
    r"|[.!?]\s*\([A-Z]{2,6}(?:\s\w+)?(?:/[^()]{1,40})?\)\Z"
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to|reported)\b", re.I)
# "Image caption," / "Media caption:": the next line is the caption itself.
_CAPTION_LABEL = re.compile(r"(?:image|media|video|photo) caption\s*[,:]?\Z", re.I)
_LIST_SEP = re.compile(r"\s*[,·•|/]\s*")
_GLUED = re.compile(r"[a-z][A-Z].*[a-z][A-Z]")  # "FacebookTwitterEmail"; "McDonald" is one hump
_NAME_TOKEN = re.compile(r"@?[^\W_][\w.'’-]*")
_WRAP_MIN, _WRAP_MAX = 40, 110  # hard-wrapped dumps break lines at 60–100 characters
# Prose: 5+ words ending like a sentence, 8+ words containing a sentence break, or 25+ words
# (comments and some paragraphs lack a final stop; headlines stay well under 25 words).
_PROSE_MIN_WORDS, _PROSE_INNER_WORDS, _PROSE_ANY_WORDS = 5, 8, 25
_SHORT_CHROME_WORDS = 8  # menu/share/donate lines are a few words; longer lines are content
_NAV_WORDS = 15  # "Home | World | Politics | Contact": a menu row, not a sentence with pipes
_CAPTION_WORDS = 30  # a caption is one sentence at most
_STRONG_ALONE_WORDS = 40  # one strong chrome phrase condemns a line up to this long, else two


def split_units(text: str) -> list[Unit]:
    """Non-blank blocks of the dump, in order, with the count of blank lines before each."""
    units: list[Unit] = []
    block: list[tuple[int, int]] = []  # (start, end) offsets of the current run of lines
    block_gap, last_end = 0, -1
    for match in _NON_BLANK_LINE.finditer(text):
        # newlines since the previous line's end: the first one ends that line, the rest are blank
        since = max(last_end, 0)
        gap = text.count("\n", since, match.start()) - (1 if last_end >= 0 else 0)
        if block and gap > 0:
            units.extend(_block_units(text, block, block_gap))
            block = []
        if not block:
            block_gap = gap
        block.append(match.span())
        last_end = match.end()
    units.extend(_block_units(text, block, block_gap))
    return units


def _block_units(text: str, block: list[tuple[int, int]], gap: int) -> list[Unit]:
    """One unit per line, or one unit for the whole block when it is hard-wrapped prose."""
    if not block:
        return []
    lines = [text[s:e].strip() for s, e in block]
    if _is_wrapped(lines):
        merged = text[block[0][0] : block[-1][1]].strip()
        return [Unit(merged, gap, len(merged.split()))]
    return [Unit(line, gap if i == 0 else 0, len(line.split())) for i, line in enumerate(lines)]


def _is_wrapped(lines: list[str]) -> bool:
    """Lines of similar width breaking mid-sentence (next starts lowercase, or after a comma)."""
    if len(lines) < 2 or any(_BULLET.match(line) for line in lines):
        return False
    if not all(_WRAP_MIN <= len(line) <= _WRAP_MAX for line in lines[:-1]):
        return False
    mid = sum(
        1
        for prev, nxt in pairwise(lines)
        if nxt[:1].islower() or prev.endswith((",", "-", "–")) or _ends_with_function_word(prev)
    )
    return 2 * mid >= len(lines) - 1  # headline lists break after capitalised, complete titles


def _ends_with_function_word(line: str) -> bool:
    last = line.rsplit(None, 1)[-1].lower() if line.split() else ""
    return last in names.FUNCTION_WORDS


def classify(unit: Unit) -> Kind:
    text, words = unit.text, unit.words
    if is_chrome(text, words):
        return Kind.CHROME
    if words <= _SHORT_CHROME_WORDS and _LINK_HEAD.match(text):
        return Kind.LINK_HEAD
    if _LINK_PREFIX.match(text) or is_caption(text, words):
        return Kind.CAPTION  # one inline "Read more: <headline>" is not a link list
    if _BULLET.match(text):
        return Kind.BULLET
    if is_prose(text, words):
        return Kind.PROSE
    return Kind.SHORT


def is_prose(text: str, words: int) -> bool:
    if words >= _PROSE_ANY_WORDS:
        return True
    if words >= _PROSE_MIN_WORDS and _END_SENTENCE.search(text):
        return True
    return words >= _PROSE_INNER_WORDS and bool(_INNER_SENTENCE.search(text))


def is_chrome(text: str, words: int) -> bool:
    if not _LETTER.search(text):
        return True  # donation ladders ("2,500 $"), vote counts, separators
    strong = _strong_hits(text)
    if strong and (words <= _STRONG_ALONE_WORDS or strong >= 2):
        return True
    if words <= _SHORT_CHROME_WORDS and _SHORT_CHROME.match(text):
        return True
    if words <= _NAV_WORDS and _NAV.fullmatch(text):
        return True
    return _is_tag_list(text, words)


def is_caption(text: str, words: int) -> bool:
    if words > _CAPTION_WORDS:
        return False
    if _CAPTION.match(text):
        return True
    # credits need a bracket, a slash or a ©: most lines skip the two end-of-line searches
    if ("(" in text and _CAPTION_TAIL.search(text)) or ("©" in text and _CAPTION_TAIL.search(text)):
        return True
    return ("/" in text or "(" in text) and _credit_tail(text)


def _credit_tail(text: str) -> bool:
    # "Gunmen killed three, officials said. (AFP)" is a wire brief, not a caption: captions
    # describe a picture and quote no one
    if _REPORTED.search(text) or not _CREDIT_TAIL.search(text):
        return False
    return text.endswith(")") or not _END_SENTENCE.search(text)


def caption_label(text: str) -> bool:
    return bool(_CAPTION_LABEL.match(text))


def _strong_hits(text: str) -> int:
    lower = text.lower()
    # Short lines: one regex over the literal triggers; long lines: substring tests, which are
    # ~25x faster than a regex alternation on a 1,000-character paragraph.
    if len(lower) < _TRIGGER_REGEX_CHARS and not _TRIGGER.search(lower):
        return 0
    return sum(len(pattern.findall(lower)) for t, pattern in _STRONG if t in lower)


def _is_tag_list(text: str, words: int) -> bool:
    """ "Syria, Russia, Idlib, Airstrikes": 4+ items of at most 3 words, no sentence end."""
    if words > 20 or _END_SENTENCE.search(text):
        return False
    items = [item for item in _LIST_SEP.split(text) if item]
    return len(items) >= 4 and all(len(item.split()) <= 3 for item in items)


def normalize(text: str) -> str:
    """Comparison key for repeated lines: case, spacing and edge punctuation ignored."""
    return " ".join(text.casefold().split()).strip(" .:;,!?-–—•·|\"'“”‘’«»")


def name_like(text: str) -> bool:
    """A person's name or handle: 1–4 tokens, no sentence punctuation, URL or function word."""
    if len(text) > 40 or _URL.search(text) or not _LETTER.search(text):
        return False
    tokens = text.split()
    if not 1 <= len(tokens) <= 4 or text.endswith((",", ";", ":", "!", "?", "…")):
        return False
    if tokens[0].lower() in names.LABEL_WORDS:
        return False
    return all(_name_token(token) for token in tokens)


def _name_token(token: str) -> bool:
    if not _NAME_TOKEN.fullmatch(token) or _GLUED.search(token):
        return False
    if token.endswith(".") and len(token) > 3:  # initials and "Jr." only; "done." is a sentence
        return False
    if len(token) == 2 and token[0].isupper() and token[1] == ".":
        return True  # an initial: "Karwan A." (though "a" is a function word)
    lower = token.lower().rstrip(".")
    return lower in names.NAME_PARTICLES or lower not in names.FUNCTION_WORDS


def ends_sentence(text: str) -> bool:
    return bool(_END_SENTENCE.search(text))


def has_url(text: str) -> bool:
    return bool(_URL.search(text))
