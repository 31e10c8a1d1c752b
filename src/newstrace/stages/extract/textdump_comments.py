"""Reader-comment threads in plain-text page dumps: where they start, and how they split.

A thread starts at a marker line ("Notify of", "12 Comments", "Jane says:") that follows the
article's prose and is followed by thread-shaped lines (author names over text, dates, "Reply")
and by something someone says: menus ("Comment / Columnists") and teaser lists ("Headline /
2 hours ago / 12 comments") have the markers but no text. Inside a thread, an author line
(``textdump_comment_lines``) opens a comment; two or more blank lines open an authorless one;
single blank lines separate paragraphs of one comment. Markers, "Reply", vote counts and the
reply form are not comment text; the form under the comments, a link list or a closing line
ends the thread, which may resume at a later marker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

from newstrace.records import Comment
from newstrace.stages.extract import textdump_lexicon as lex
from newstrace.stages.extract import textdump_lexicon_thread as thread
from newstrace.stages.extract.textdump_comment_lines import (
    AGO,
    COUNT,
    END,
    FORM,
    SAYS,
    author_header,
    dated_says,
    is_marker,
    name_then_date,
    says_name,
)
from newstrace.stages.extract.textdump_dates import (
    date_only,
    date_shaped,
)
from newstrace.stages.extract.textdump_lines import Kind, Unit, ends_sentence, name_like

_STRONG = lex.compile_lines(thread.THREAD_STRONG)
_WEAK = lex.compile_lines(thread.THREAD_WEAK)
_BARE_LABEL = lex.compile_lines(thread.BARE_LABELS)
# A marker only opens the thread after this much article prose: a "3 Comments" counter next to
# the byline sits above the article, which is rarely under 200 characters long.
_MIN_PROSE_BEFORE = 200
_MAX_SEGMENTS = 3  # a thread interrupted by widgets resumes at most twice (keeps it linear)
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


@dataclass(frozen=True, slots=True)
class Thread:
    """The comment thread of a dump: where it starts, its comments, and its other lines."""

    start: int  # index of its first unit; len(units) when the page has no thread
    comments: tuple[Comment, ...]
    chrome: list[str]  # markers, widgets and the page footer: where the site may name itself


def read_thread(units: list[Unit], kinds: list[Kind]) -> Thread:
    """Find and split the thread. A thread cut short by a link list or a closing line
    ("previous post / next post" under a comment counter) resumes at the next marker."""
    start = pos = find_thread_start(units, kinds)
    comments: list[Comment] = []
    chrome: list[str] = []
    for _ in range(_MAX_SEGMENTS):
        if pos >= len(units):
            break
        found, end = split_comments(units[pos:], kinds[pos:])
        comments.extend(found)
        segment = zip(units[pos : pos + end], kinds[pos : pos + end], strict=True)
        chrome += [unit.text for unit, kind in segment if kind in (Kind.CHROME, Kind.CAPTION)]
        resume = find_thread_start(units, kinds, pos + end + 1)
        chrome += [unit.text for unit in units[pos + end : resume]]
        pos = resume
    chrome += [unit.text for unit in units[pos:]]
    return Thread(start, tuple(comments), chrome)


def find_thread_start(units: list[Unit], kinds: list[Kind], begin: int = 0) -> int:
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
    links = _in_link_list(kinds)
    for i in range(begin, len(units)):
        unit = units[i]
        if before[i] < _MIN_PROSE_BEFORE or unit.words > _MAX_MARKER_WORDS:
            continue
        bonus = 1 if 2 * before[i] >= before[-1] else 0
        if says_name(unit.text):
            # "Jane says:" opens a WordPress comment (date or "Reply" nearby); "Putin says:"
            # before a quote in the article does not
            if _signals(units, kinds, i + 1, i + 1 + _WINDOW) >= 1:
                return i
        elif _STRONG.match(unit.text) and not _counts_a_teaser(units, i):
            # a bare "Comments" label is also a menu's opinion section: it needs one more sign
            need = 3 if _BARE_LABEL.match(unit.text) else 2
            if _signals(units, kinds, i + 1, i + 1 + _WINDOW) + bonus >= need:
                return i
        elif _WEAK.match(unit.text) and not links[i]:
            # "Published / 2 hours ago" under a related headline is not a comment's "2 years ago"
            start = _back_up_to_author(units, kinds, i)
            enough = before[start] >= _MIN_PROSE_BEFORE
            if enough and _signals(units, kinds, start, i + 1 + _WINDOW) + bonus >= 3:
                return start
    return len(units)


def _counts_a_teaser(units: list[Unit], i: int) -> bool:
    """ "8 comments" with another "44 comments" close below: counts under a list of teasers."""
    if not COUNT.match(units[i].text):
        return False
    return any(COUNT.match(unit.text) for unit in units[i + 1 : i + 1 + _WINDOW])


def _in_link_list(kinds: list[Kind]) -> list[bool]:
    """Whether each unit follows a link-list heading with no prose since."""
    flags, inside = [], False
    for kind in kinds:
        if kind in (Kind.LINK_HEAD, Kind.PROSE):
            inside = kind is Kind.LINK_HEAD
        flags.append(inside)
    return flags


def _signals(units: list[Unit], kinds: list[Kind], lo: int, hi: int) -> int:
    """Thread-shaped lines in units[lo:hi]: markers, author names, author headers, dates.

    None at all when no one says anything there: a menu ("Comment / Columnists / Finance")
    or a headline list ("Headline / Outlet / 2 hours ago") has names and times but no prose.
    """
    hi = min(hi, len(units))
    if not any(_said(units[j], kinds[j]) for j in range(lo, hi)):
        return 0
    return sum(1 for j in range(lo, hi) if _signal(units, kinds, j))


def _said(unit: Unit, kind: Kind) -> bool:
    """Something someone says: prose, or a short line ending like a sentence ("So true!")."""
    if kind is Kind.PROSE:
        return True
    return kind is not Kind.CHROME and unit.text.endswith((".", "!", "?", "…")) and unit.words > 1


def _signal(units: list[Unit], kinds: list[Kind], j: int) -> bool:
    unit, kind, text = units[j], kinds[j], units[j].text
    if date_shaped(text):
        return True
    if kind is Kind.PROSE:
        return unit.words <= _MAX_MARKER_WORDS and dated_says(text)  # "Jo on May 4 said:"
    if is_marker(text):
        # a comment's age sits under its author's name; under a headline it dates a link
        if AGO.match(text):  # "Name / 3 hours ago / text", not "Headline / 3 hours ago"
            return j > 0 and name_like(units[j - 1].text) and _text_follows(units, kinds, j)
        return not FORM.match(text) and not COUNT.match(text)  # a count is no comment
    # an undated "Jane says:" is no evidence (interviews and quotes are laid out the same way),
    # nor is a chrome word that looks like a name ("Close"), nor a name with no text under it
    if kind is Kind.CHROME or SAYS.match(text) or not name_like(text):
        return False
    return _text_follows(units, kinds, j)


def _text_follows(units: list[Unit], kinds: list[Kind], j: int) -> bool:
    """Prose right under line j, or under the date or age line under it."""
    for k in (j + 1, j + 2):
        if k >= len(units) or _said(units[k], kinds[k]):
            return k < len(units)
        if not (date_shaped(units[k].text) or is_marker(units[k].text)):
            return False
    return False


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
        # the reply form under the comments closes the thread (above them it only opens it)
        form_after = bool(comments or draft.paragraphs) and bool(FORM.match(text))
        if END.match(text) or kinds[i] is Kind.LINK_HEAD or form_after:
            _flush(draft, comments)
            return tuple(comments), i
        if unit.gap >= 2:
            draft = _flush(draft, comments)
        if kinds[i] in (Kind.CHROME, Kind.CAPTION) or is_marker(text):
            if draft.paragraphs:  # "Reply", "12 points" close the comment above them
                draft = _flush(draft, comments)
            continue
        if date_shaped(text) and not name_then_date(text):
            when = date_only(text)  # None for 04/05/2021: a date line, but not a readable one
            draft.published = draft.published or (when.isoformat() if when else None)
            continue
        fresh = draft.author is None and not draft.paragraphs
        header = author_header(units, kinds, i, fresh) if _opens_comment(draft, units, i) else None
        if header is not None:
            _flush(draft, comments)
            draft = _Draft(author=header[0], published=header[1])
            continue
        draft.paragraphs.append(text)
    _flush(draft, comments)
    return tuple(comments), len(units)


def _opens_comment(draft: _Draft, units: list[Unit], i: int) -> bool:
    """An author line needs text right after it, and comes before (not inside) a comment's text.

    The line after an author line that has no text yet is that comment's text, even when it is
    name-like ("Jim Martin" / "Good move").
    """
    if draft.author is not None and not draft.paragraphs:
        return False
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and nxt.gap <= 1 and not END.match(nxt.text)


def _flush(draft: _Draft, comments: list[Comment]) -> _Draft:
    paragraphs = draft.paragraphs
    bare = draft.author is None and len(paragraphs) == 1 and not ends_sentence(paragraphs[0])
    # "Jane Doe" / "Jane Doe writes about …": the author box, not a comment by Jane Doe
    bio = bool(draft.author and paragraphs and paragraphs[0].startswith(draft.author + " "))
    if paragraphs and not bio and not (bare and len(paragraphs[0].split()) < _MIN_BARE_WORDS):
        text = "\n\n".join(paragraphs)
        comments.append(Comment(text=text, author=draft.author, published=draft.published))
    return _Draft()
