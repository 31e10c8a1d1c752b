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
from newstrace.stages.extract import textdump_lexicon_thread as thread
from newstrace.stages.extract.textdump_dates import (
    date_only,
    date_shaped,
    date_start,
    date_words,
    parse_date,
)
from newstrace.stages.extract.textdump_lines import Kind, Unit, ends_sentence, name_like

_STRONG = lex.compile_lines(thread.THREAD_STRONG)
_SAYS = re.compile(thread.AUTHOR_SAYS + r"\s*\Z", re.I)
_WEAK = lex.compile_lines(thread.THREAD_WEAK)
_SKIP = lex.compile_lines(
    thread.COMMENT_SKIP + thread.FORM_FIELDS + thread.THREAD_STRONG + thread.THREAD_WEAK
)
_FORM = lex.compile_lines(thread.FORM_FIELDS)
_END = lex.compile_lines(thread.COMMENT_END)
_PARTS = re.compile(r"\s*[•·|]\s*")
_HEADER_SEP = re.compile(r"\s+(?:[—–-]|on|le)\s+|\s*[•·|]\s*")
# Disqus reply headers put the parent's name after the author's: "Sam Cohen  nile_watcher".
_REPLY_TO = re.compile(r"\s{2,}|\s+(?:[>»→▶]|replied to)\s+")
# A handle the name test rejects ("Reader from Ramadi") is an author line when a date follows.
_HANDLE_WORDS, _HANDLE_CHARS = 5, 40
_COUNT = re.compile(r"\d+\s+(?:comments?|responses?|replies|commentaires?|comentarios?)\b", re.I)
_BARE_LABEL = lex.compile_lines(thread.BARE_LABELS)
_AFFILIATION = re.compile(r"\s*\([^()]{1,30}\)\Z")
_AGO = lex.compile_lines(thread.THREAD_AGO)
# A marker only opens the thread after this much article prose: a "3 Comments" counter next to
# the byline sits above the article, which is rarely under 200 characters long.
_MIN_PROSE_BEFORE = 200
_MAX_HEADER_CHARS = 90  # a name and a date with its time
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
        if _says_name(unit.text):
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
    if not _COUNT.match(units[i].text):
        return False
    return any(_COUNT.match(unit.text) for unit in units[i + 1 : i + 1 + _WINDOW])


def _in_link_list(kinds: list[Kind]) -> list[bool]:
    """Whether each unit follows a link-list heading with no prose since."""
    flags, inside = [], False
    for kind in kinds:
        if kind in (Kind.LINK_HEAD, Kind.PROSE):
            inside = kind is Kind.LINK_HEAD
        flags.append(inside)
    return flags


def _dated_says(text: str) -> bool:
    """ "Jo on May 4, 2018 at 4:47 pm said:" (a quote's "Putin says:" carries no date)."""
    header = _says_header(text) if _SAYS.match(text) else None
    return header is not None and header[1] is not None


def _says_name(text: str) -> str | None:
    header = _says_header(text)
    return header[0] if header else None


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
        return unit.words <= _MAX_MARKER_WORDS and _dated_says(text)  # "Jo on May 4 said:"
    if _is_marker(text):
        # a comment's age sits under its author's name; under a headline it dates a link
        if _AGO.match(text):
            return j > 0 and name_like(units[j - 1].text)
        return not _FORM.match(text)
    # an undated "Jane says:" is no evidence (interviews and quotes are laid out the same way),
    # nor is a chrome word that looks like a name ("Close"), nor a name with no text under it
    if kind is Kind.CHROME or _SAYS.match(text) or not name_like(text):
        return False
    return _text_follows(units, kinds, j)


def _text_follows(units: list[Unit], kinds: list[Kind], j: int) -> bool:
    """Prose right under line j, or under the date or age line under it."""
    for k in (j + 1, j + 2):
        if k >= len(units) or _said(units[k], kinds[k]):
            return k < len(units)
        if not (date_shaped(units[k].text) or _is_marker(units[k].text)):
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
        if _END.match(text) or kinds[i] is Kind.LINK_HEAD:
            _flush(draft, comments)
            return tuple(comments), i
        if unit.gap >= 2:
            draft = _flush(draft, comments)
        if kinds[i] in (Kind.CHROME, Kind.CAPTION) or _is_marker(text):
            if draft.paragraphs:  # "Reply", "12 points" close the comment above them
                draft = _flush(draft, comments)
            continue
        if date_shaped(text) and not _name_then_date(text):
            when = date_only(text)  # None for 04/05/2021: a date line, but not a readable one
            draft.published = draft.published or (when.isoformat() if when else None)
            continue
        fresh = draft.author is None and not draft.paragraphs
        header = _author_header(units, kinds, i, fresh) if _opens_comment(draft, units, i) else None
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


def _author_header(
    units: list[Unit], kinds: list[Kind], i: int, fresh: bool
) -> tuple[str, str | None] | None:
    """An author line: "Jane Doe", "Jane says:", "Jane • 2 years ago", "Jane on May 4, 2020",
    "Sam  Parent • 3 years ago", or a short handle ("Reader from Ramadi") with a date line under
    it or, at a comment boundary, text under it."""
    text = units[i].text
    if _SAYS.match(text):
        return _says_header(text)
    parts = _HEADER_SEP.split(text, maxsplit=1)
    if len(parts) == 2 and (_is_marker(parts[1]) or date_only(parts[1])):
        name = _REPLY_TO.split(parts[0].strip(), maxsplit=1)[0]
        if name_like(name):
            when = parse_date(parts[1])
            return name, when.isoformat() if when else None
    if dated := _name_then_date(text):
        return dated
    if name_like(text) or (
        _handle_shaped(text) and (_dated_next(units, i) or (fresh and _boundary(units, kinds, i)))
    ):
        return _REPLY_TO.split(text, maxsplit=1)[0], None
    return None


def _name_then_date(text: str) -> tuple[str, str | None] | None:
    """ "Jane Roe August 17, 2019 - 2:19 pm": a name and a date with no separator between."""
    if len(text) > _MAX_HEADER_CHARS:
        return None
    at = date_start(text)
    if not at:
        return None
    name, rest = text[:at].rstrip(" ,-–—|•·"), text[at:]
    if not name_like(name) or date_words(name) or not date_shaped(rest):
        return None
    when = parse_date(rest)
    return name, when.isoformat() if when else None


def _says_header(text: str) -> tuple[str, str | None] | None:
    """ "Jane says:", "Jane on March 3, 2024 at 5:12 pm said:" (name, then the date)."""
    says = _SAYS.match(text)
    parts = _HEADER_SEP.split(says["name"].strip(), maxsplit=1) if says else [""]
    # "Catherine (GiveWell)": an affiliation in brackets after the name
    if not name_like(_AFFILIATION.sub("", parts[0])):
        return None
    when = parse_date(parts[1]) if len(parts) == 2 else None
    return parts[0], when.isoformat() if when else None


def _boundary(units: list[Unit], kinds: list[Kind], i: int) -> bool:
    """Between comments: after "Reply"/chrome or 2+ blank lines, before a line of text."""
    after = i + 1 < len(units) and kinds[i + 1] is not Kind.CHROME
    after = after and not _is_marker(units[i + 1].text) and not date_shaped(units[i + 1].text)
    before = units[i].gap >= 2 or (
        i > 0 and (kinds[i - 1] is Kind.CHROME or _is_marker(units[i - 1].text))
    )
    return after and before


def _handle_shaped(text: str) -> bool:
    return (
        len(text) <= _HANDLE_CHARS
        and len(text.split()) <= _HANDLE_WORDS
        and not ends_sentence(text)
        and not text.endswith((",", "?", "!"))
    )


def _dated_next(units: list[Unit], i: int) -> bool:
    nxt = units[i + 1].text if i + 1 < len(units) else ""
    return date_shaped(nxt) or bool(_AGO.match(nxt))


def _flush(draft: _Draft, comments: list[Comment]) -> _Draft:
    paragraphs = draft.paragraphs
    bare = draft.author is None and len(paragraphs) == 1 and not ends_sentence(paragraphs[0])
    # "Jane Doe" / "Jane Doe writes about …": the author box, not a comment by Jane Doe
    bio = bool(draft.author and paragraphs and paragraphs[0].startswith(draft.author + " "))
    if paragraphs and not bio and not (bare and len(paragraphs[0].split()) < _MIN_BARE_WORDS):
        text = "\n\n".join(paragraphs)
        comments.append(Comment(text=text, author=draft.author, published=draft.published))
    return _Draft()
