"""The end of the article in a plain-text page dump: author bio boxes and marker-less comments.

Some dumps paste reader comments straight after the article's share bar or signature, with no
"Comments" heading, author names or "Reply" buttons. Their paragraphs are still recognisable:
short, in the first or second person or exclamatory, never a quotation or a reported statement,
and they follow an end-of-article line. A bio box ("Jane Doe is a journalist covering …") closes
many articles and is not article text either.
"""

from __future__ import annotations

import re

from newstrace.records import Comment
from newstrace.stages.extract import textdump_lexicon as lex
from newstrace.stages.extract.textdump_lines import Kind, Zone
from newstrace.stages.extract.textdump_meta import is_author_bio, signature_author

_ARTICLE_END = lex.compile_lines(lex.ARTICLE_END_LINES)
_PERSONAL = re.compile(r"\b(?:i|i'm|i’m|i've|my|me|we|our|us|you|your|lol|imho)\b|[!?]\s*\Z", re.I)
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|stated|claimed)\b", re.I
)
_QUOTE_OPENERS = ("\"", "“", "«", "'", "‘", "„")
_MAX_COMMENT_CHARS = 400  # reader one-liners; an article paragraph of this size reports
_MIN_TAIL_COMMENTS = 2  # one opinionated closing paragraph can be the author's; two are readers
_MIN_ARTICLE_UNITS = 2
_BIO_REACH = 2  # a bio box is one of the last two paragraphs of the article


def trailing_comments(zone: Zone, lo: int, hi: int) -> tuple[int, tuple[Comment, ...]]:
    """New end of the article block, and the marker-less comments found after it (if any)."""
    ok_after = _comment_suffixes(zone, lo, hi)
    prose_seen = 0
    for i in range(lo, hi):
        if zone.kinds[i] is Kind.PROSE:
            prose_seen += 1
        elif prose_seen >= _MIN_ARTICLE_UNITS and ok_after[i - lo + 1] and _ends_article(zone, i):
            tail = [zone.units[j].text for j in range(i + 1, hi) if zone.kinds[j] is Kind.PROSE]
            if len(tail) >= _MIN_TAIL_COMMENTS:
                return i, tuple(Comment(text=text, author=None, published=None) for text in tail)
    return hi, ()


def _comment_suffixes(zone: Zone, lo: int, hi: int) -> list[bool]:
    """ok[k]: every prose unit in [lo + k, hi) reads like a reader comment."""
    ok = [True] * (hi - lo + 1)
    for i in range(hi - 1, lo - 1, -1):
        prose = zone.kinds[i] is Kind.PROSE
        ok[i - lo] = ok[i - lo + 1] and (not prose or _comment_like(zone.units[i].text))
    return ok


def _ends_article(zone: Zone, i: int) -> bool:
    text = zone.units[i].text
    return bool(_ARTICLE_END.match(text)) or signature_author(text) is not None


def _comment_like(text: str) -> bool:
    return (
        len(text) <= _MAX_COMMENT_CHARS
        and not text.startswith(_QUOTE_OPENERS)
        and not _REPORTING.search(text)
        and bool(_PERSONAL.search(text))
    )


def drop_author_bio(zone: Zone, kept: list[int]) -> list[int]:
    """The body without a closing bio box ("Jane Doe is a journalist covering …")."""
    tail = kept[-_BIO_REACH:]
    bios = {i for i in tail if zone.kinds[i] is Kind.PROSE and is_author_bio(zone.units[i].text)}
    return [i for i in kept if i not in bios] if bios else kept
