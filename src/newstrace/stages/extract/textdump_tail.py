"""The end of the article in a plain-text page dump: bio boxes, teaser lists, marker-less comments.

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
from newstrace.stages.extract import textdump_lexicon_layout as layout
from newstrace.stages.extract.textdump_lines import Kind, Zone, name_like
from newstrace.stages.extract.textdump_meta import is_author_bio, signature_author

_ARTICLE_END = lex.compile_lines(layout.ARTICLE_END_LINES)
# First person singular, second person, or an exclamation/question; case-sensitive, because
# "US" is a country and "we"/"our" are what officials say in quoted statements.
_PERSONAL = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|[Mm]y|me|[Yy]ou|[Yy]our|lol|LOL|imho)\b|[!?]\s*\Z"
)
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|stated|claimed)\b", re.I
)
_QUOTE_OPENERS = ('"', "“", "«", "'", "‘", "„")
_MAX_COMMENT_CHARS = 400  # reader one-liners; an article paragraph of this size reports
_MIN_TAIL_COMMENTS = 2  # one opinionated closing paragraph can be the author's; two are readers
_MIN_ARTICLE_UNITS = 2  # paragraphs of article before its end line, at least
_BIO_REACH = 3  # a bio box is among the last three paragraphs (a promo line may follow it)
# Teaser lists: a headline of 4+ words, maybe a byline, and a summary of at most 350 characters,
# twice or more in a row under a link-list heading.
_TEASER_GROUPS, _TEASER_HEAD_WORDS, _TEASER_CHARS = 2, 4, 350
_THREAD_GAP = 2  # dumps separate paragraphs with one blank line and reader comments with more


def trailing_comments(zone: Zone, lo: int, hi: int) -> tuple[int, tuple[Comment, ...]]:
    """New end of the article block, and the marker-less comments found after it (if any)."""
    ok_after = _comment_suffixes(zone, lo, hi)
    prose_seen = 0
    for i in range(lo, hi):
        prose_seen += zone.kinds[i] is Kind.PROSE
        if prose_seen >= _MIN_ARTICLE_UNITS and ok_after[i - lo + 1] and _ends_article(zone, i):
            tail = [zone.units[j].text for j in range(i + 1, hi) if zone.kinds[j] is Kind.PROSE]
            if len(tail) >= _MIN_TAIL_COMMENTS:
                cut = i + 1 if zone.kinds[i] is Kind.PROSE else i
                return cut, tuple(Comment(text=text, author=None, published=None) for text in tail)
    return hi, ()


def _comment_suffixes(zone: Zone, lo: int, hi: int) -> list[bool]:
    """ok[k]: every prose unit in [lo + k, hi) reads like a reader comment."""
    ok = [True] * (hi - lo + 1)
    for i in range(hi - 1, lo - 1, -1):
        prose = zone.kinds[i] is Kind.PROSE
        ok[i - lo] = ok[i - lo + 1] and (not prose or _comment_like(zone.units[i].text))
    return ok


def _ends_article(zone: Zone, i: int) -> bool:
    """A share bar, tag row, credit, signature or link list; or two blank lines after prose."""
    kind, text = zone.kinds[i], zone.units[i].text
    if kind is Kind.PROSE:
        nxt = i + 1 < len(zone.units) and zone.units[i + 1].gap >= _THREAD_GAP
        return nxt and not _comment_like(text)
    if kind is Kind.LINK_HEAD or _ARTICLE_END.match(text):
        return True
    return signature_author(text) is not None


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
    bios = {i for i in tail if is_author_bio(zone.units[i].text)}
    return [i for i in kept if i not in bios] if bios else kept


def teaser_lists(zone: Zone, lo: int, hi: int) -> set[int]:
    """Units of headline + summary lists under a link-list heading ("More from Africa").

    A summary is prose, so without this the list would read as the article resuming after the
    heading; two or more headline + summary groups in a row make it a list.
    """
    out: set[int] = set()
    i = lo
    while i < hi:
        if zone.kinds[i] is not Kind.LINK_HEAD:
            i += 1
            continue
        group: list[int] = []
        count, j = 0, i + 1
        while size := _teaser_size(zone, j, hi):
            group.extend(range(j, j + size))
            count, j = count + 1, j + size
        if count >= _TEASER_GROUPS:
            out.update(group)
        i = j
    return out


def _teaser_size(zone: Zone, j: int, hi: int) -> int:
    """Units in the headline (+ byline) + summary group at ``j``; 0 when there is none."""
    units, kinds = zone.units, zone.kinds
    k = j
    if not (k < hi and kinds[k] is Kind.SHORT and units[k].words >= _TEASER_HEAD_WORDS):
        return 0
    k += 1
    if k < hi and kinds[k] is Kind.SHORT and name_like(units[k].text):
        k += 1  # the teaser's byline
    ok = k < hi and kinds[k] is Kind.PROSE and len(units[k].text) <= _TEASER_CHARS
    return k - j + 1 if ok and units[k].gap <= 1 else 0
