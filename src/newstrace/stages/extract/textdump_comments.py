"""Reader-comment threads in plain-text page dumps: where they start, and how they split.

A thread starts at a marker line ("Notify of", "12 Comments", "Leave a Reply", "Jane says:")
that follows the article's prose. Inside it, a short name-like line followed by text opens a
comment with that author; two or more blank lines open an authorless one; single blank lines
separate paragraphs of one comment. Markers, "Reply" and vote counts are not comment text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from newstrace.records import Comment
from newstrace.stages.extract import textdump_lexicon as lex
from newstrace.stages.extract.textdump_lines import Kind, Unit, ends_sentence, name_like
from newstrace.stages.extract.textdump_meta import date_only, parse_date

_STRONG = lex.compile_lines(lex.THREAD_STRONG)
_SAYS = re.compile(lex.AUTHOR_SAYS + r"\s*\Z", re.I)
_WEAK = lex.compile_lines(lex.THREAD_WEAK)
_SKIP = lex.compile_lines(lex.COMMENT_SKIP + lex.THREAD_STRONG + lex.THREAD_WEAK)
_END = lex.compile_lines(lex.COMMENT_END)
_PARTS = re.compile(r"\s*[•·|]\s*")
_HEADER_SEP = re.compile(r"\s+(?:[—–-]|on|le)\s+|\s*[•·|]\s*")
# A marker only opens the thread after this much article prose: a "3 Comments" counter next to
# the byline sits above the article, which is rarely under 200 characters long.
_MIN_PROSE_BEFORE = 200
_BACKUP_UNITS = 6  # a "Reply" under the first comment: look this far back for its author
_WINDOW = 10  # thread-shaped lines are looked for this many units after a marker
_MAX_MARKER_WORDS = 12  # "14 thoughts on “<headline>”" is the longest marker line
# An authorless one-liner of fewer than this many words and no sentence end is thread chrome
# (the site name under "17 Comments", a widget label), not a comment.
_MIN_BARE_WORDS = 6


@dataclass(slots=True)
class _Draft:
    author: str | None = None
    published: str | None = None
    paragraphs: list[str] = field(default_factory=list)


def find_thread_start(units: list[Unit], kinds: list[Kind]) -> int:
    """Index of the first unit of the comment thread, or ``len(units)`` when there is none.

    A marker must be followed by thread-like lines (author names, "Reply", dates): a "3 Comments"
    counter or an "Updated 2 hours ago" line under a teaser is followed by the article instead.
    One signal fewer is enough once most of the page's prose is above the marker (a thread
    with a single comment).
    """
    before = list(
        accumulate(
            (len(u.text) if k is Kind.PROSE else 0 for u, k in zip(units, kinds, strict=True)),
            initial=0,
        )
    )
    for i, unit in enumerate(units):
        if before[i] < _MIN_PROSE_BEFORE or unit.words > _MAX_MARKER_WORDS:
            continue
        bonus = 1 if 2 * before[i] >= before[-1] else 0
        if _says_name(unit.text):
            # "Jane says:" opens a WordPress comment (date or "Reply" nearby); "Putin says:"
            # before a quote in the article does not
            if _signals(units, kinds, i + 1, i + 1 + _WINDOW) >= 1:
                return i
        elif _STRONG.match(unit.text):
            if _signals(units, kinds, i + 1, i + 1 + _WINDOW) + bonus >= 2:
                return i
        elif _WEAK.match(unit.text):
            start = _back_up_to_author(units, kinds, i)
            enough = before[start] >= _MIN_PROSE_BEFORE
            if enough and _signals(units, kinds, start, i + 1 + _WINDOW) + bonus >= 3:
                return start
    return len(units)


def _says_name(text: str) -> str | None:
    says = _SAYS.match(text)
    name = says["name"].strip() if says else ""
    return name if name and name_like(name) else None


def _signals(units: list[Unit], kinds: list[Kind], lo: int, hi: int) -> int:
    """Thread-shaped lines in units[lo:hi]: markers, author names, author headers, dates."""
    return sum(
        1
        for unit, kind in zip(units[lo:hi], kinds[lo:hi], strict=True)
        if (kind is not Kind.PROSE and _thread_shaped(unit.text)) or date_only(unit.text)
    )


def _thread_shaped(text: str) -> bool:
    return _is_marker(text) or name_like(text) or bool(_SAYS.match(text))


def _back_up_to_author(units: list[Unit], kinds: list[Kind], marker: int) -> int:
    """A weak marker ("Reply", "2 years ago") sits after or under its comment's author line."""
    for i in range(marker - 1, max(marker - _BACKUP_UNITS, 0) - 1, -1):
        if units[i + 1].gap > 1:
            break
        if kinds[i] is not Kind.PROSE and name_like(units[i].text):
            return i
    return marker


def split_comments(units: list[Unit], kinds: list[Kind]) -> tuple[tuple[Comment, ...], int]:
    """Comments of a thread, and the index of the unit where trailing page chrome begins."""
    comments: list[Comment] = []
    draft = _Draft()
    for i, unit in enumerate(units):
        text = unit.text
        if _END.match(text) or kinds[i] is Kind.LINK_HEAD:
            _flush(draft, comments)
            return tuple(comments), i
        if unit.gap >= 2:
            draft = _flush(draft, comments)
        if kinds[i] in (Kind.CHROME, Kind.CAPTION) or _is_marker(text):
            if draft.paragraphs:  # "Reply", "12 points" close the comment above them
                draft = _flush(draft, comments)
            continue
        if (when := date_only(text)) is not None:
            draft.published = draft.published or when.isoformat()
            continue
        header = _author_header(text) if _opens_comment(draft, units, i) else None
        if header is not None:
            _flush(draft, comments)
            draft = _Draft(author=header[0], published=header[1])
            continue
        draft.paragraphs.append(text)
    _flush(draft, comments)
    return tuple(comments), len(units)


def _is_marker(text: str) -> bool:
    if _SKIP.match(text):
        return True
    parts = [part for part in _PARTS.split(text) if part]  # "12 points · Reply · Share ›"
    return len(parts) > 1 and all(_SKIP.match(part) for part in parts)


def _opens_comment(draft: _Draft, units: list[Unit], i: int) -> bool:
    """An author line needs text right after it, and comes before (not inside) a comment's text.

    The line after an author line that has no text yet is that comment's text, even when it is
    name-like ("Jim Martin" / "Good move").
    """
    if draft.author is not None and not draft.paragraphs:
        return False
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and nxt.gap <= 1 and not _END.match(nxt.text)


def _author_header(text: str) -> tuple[str, str | None] | None:
    """An author line: "Jane Doe", "Jane says:", "Jane • 2 years ago", "Jane on May 4, 2020"."""
    if _SAYS.match(text):
        name = _says_name(text)
        return (name, None) if name else None
    parts = _HEADER_SEP.split(text, maxsplit=1)
    if len(parts) == 2 and name_like(parts[0]) and (_SKIP.match(parts[1]) or date_only(parts[1])):
        when = parse_date(parts[1])
        return parts[0], when.isoformat() if when else None
    return (text, None) if name_like(text) else None


def _flush(draft: _Draft, comments: list[Comment]) -> _Draft:
    paragraphs = draft.paragraphs
    bare = draft.author is None and len(paragraphs) == 1 and not ends_sentence(paragraphs[0])
    if paragraphs and not (bare and len(paragraphs[0].split()) < _MIN_BARE_WORDS):
        text = "\n\n".join(paragraphs)
        comments.append(Comment(text=text, author=draft.author, published=draft.published))
    return _Draft()
