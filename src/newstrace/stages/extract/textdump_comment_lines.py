"""What a line inside a comment thread is: a marker, a form field, or an author header.

Author headers come in many shapes: "Jane Doe", "Jane says:", "Jane said...", "Jane • 2 years
ago", "Jane on May 4, 2020", "Jane Roe August 17, 2019 - 2:19 pm", "Sam  Parent • 3 years ago"
(Disqus replies name the parent after two spaces), and short handles that the name test rejects
("Reader from Ramadi") when a date line sits under them or they open a comment.
"""

from __future__ import annotations

import re

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

SAYS = re.compile(thread.AUTHOR_SAYS + r"\s*\Z", re.I)
SKIP = lex.compile_lines(
    thread.COMMENT_SKIP + thread.FORM_FIELDS + thread.THREAD_STRONG + thread.THREAD_WEAK
)
FORM = lex.compile_lines(thread.FORM_FIELDS)
END = lex.compile_lines(thread.COMMENT_END)
AGO = lex.compile_lines(thread.THREAD_AGO)
COUNT = re.compile(r"\d+\s+(?:comments?|responses?|replies|commentaires?|comentarios?)\b", re.I)
_PARTS = re.compile(r"\s*[•·|]\s*")
_HEADER_SEP = re.compile(r"\s+(?:[—–-]|on|le|at(?=\s+\d))\s+|\s*[•·|]\s*")
# "John Smith 3 days ago": an age glued to the name
_TRAILING_AGO = re.compile(
    r"\s+(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\W*\Z", re.I
)
# What sits around a name on a header line: "#3 ", "1. ", "… wrote", "… Verified"
_NUMBERING = re.compile(r"\A#?\d{1,4}[.)]?\s+")
_NAME_TAIL = re.compile(rf"\s+(?:{thread.NAME_BADGES})\Z", re.I)
# Disqus reply headers put the parent's name after the author's: "Sam Cohen  nile_watcher".
_REPLY_TO = re.compile(r"\s{2,}|\s+(?:[>»→▶]|replied to)\s+")
# A handle the name test rejects ("Reader from Ramadi") is an author line when a date follows.
_HANDLE_WORDS, _HANDLE_CHARS = 5, 40
_AFFILIATION = re.compile(r"\s*\([^()]{1,30}\)\Z")
_MAX_HEADER_CHARS = 90  # a name and a date with its time


def dated_says(text: str) -> bool:
    """ "Jo on May 4, 2018 at 4:47 pm said:" (a quote's "Putin says:" carries no date)."""
    header = _says_header(text) if SAYS.match(text) else None
    return header is not None and header[1] is not None


def says_name(text: str) -> str | None:
    header = _says_header(text)
    return header[0] if header else None


def is_marker(text: str) -> bool:
    """Thread furniture: "Reply", "12 points", "2 years ago", form fields, sort bars."""
    if SKIP.match(text):
        return True
    parts = [part for part in _PARTS.split(text) if part]  # "12 points · Reply · Share ›"
    return len(parts) > 1 and all(SKIP.match(part) for part in parts)


def author_header(
    units: list[Unit], kinds: list[Kind], i: int, fresh: bool
) -> tuple[str, str | None] | None:
    """An author line: "Jane Doe", "Jane says:", "Jane • 2 years ago", "Jane on May 4, 2020",
    "Sam  Parent • 3 years ago", or a short handle ("Reader from Ramadi") with a date line under
    it or, at a comment boundary, text under it."""
    text = units[i].text
    if SAYS.match(text):
        return _says_header(text)
    parts = _HEADER_SEP.split(text, maxsplit=1)
    if len(parts) == 2 and (is_marker(parts[1]) or date_only(parts[1]) or date_words(parts[1])):
        name = _bare(parts[0])
        if name_like(name):
            when = parse_date(parts[1])
            return name, when.isoformat() if when else None
    if dated := name_then_date(text):
        return dated
    if (ago := _TRAILING_AGO.search(text)) and name_like(_bare(text[: ago.start()])):
        return _bare(text[: ago.start()]), None
    if name_like(_bare(text)) or (
        _handle_shaped(text) and (_dated_next(units, i) or (fresh and _boundary(units, kinds, i)))
    ):
        return _bare(text), None
    return None


def _bare(name: str) -> str:
    """The name alone: "#3 Jane Doe Verified" → "Jane Doe", "Sam  Parent" → "Sam"."""
    name = _REPLY_TO.split(name.strip(), maxsplit=1)[0]
    name = _NUMBERING.sub("", name)
    stripped = _NAME_TAIL.sub("", name)
    return stripped if stripped else name


def name_then_date(text: str) -> tuple[str, str | None] | None:
    """ "Jane Roe August 17, 2019 - 2:19 pm": a name and a date with no separator between."""
    if len(text) > _MAX_HEADER_CHARS:
        return None
    at = date_start(text)
    if not at:
        return None
    name, rest = _bare(text[:at].rstrip(" ,-–—|•·(")), text[at:]
    if not name_like(name) or date_words(name) or not date_shaped(rest):
        return None
    when = parse_date(rest)
    return name, when.isoformat() if when else None


def _says_header(text: str) -> tuple[str, str | None] | None:
    """ "Jane says:", "Jane on March 3, 2024 at 5:12 pm said:" (name, then the date)."""
    says = SAYS.match(text)
    parts = _HEADER_SEP.split(says["name"].strip(), maxsplit=1) if says else [""]
    # "Catherine (GiveWell)": an affiliation in brackets after the name
    if not name_like(_AFFILIATION.sub("", parts[0])):
        return None
    when = parse_date(parts[1]) if len(parts) == 2 else None
    return parts[0], when.isoformat() if when else None


def _boundary(units: list[Unit], kinds: list[Kind], i: int) -> bool:
    """Between comments: after "Reply"/chrome or 2+ blank lines, before a line of text."""
    after = i + 1 < len(units) and kinds[i + 1] is not Kind.CHROME
    after = after and not is_marker(units[i + 1].text) and not date_shaped(units[i + 1].text)
    before = units[i].gap >= 2 or (
        i > 0 and (kinds[i - 1] is Kind.CHROME or is_marker(units[i - 1].text))
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
    return date_shaped(nxt) or bool(AGO.match(nxt))
