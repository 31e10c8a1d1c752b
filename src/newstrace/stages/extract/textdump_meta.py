"""Metadata of a text dump: publication date and author, from general page conventions.

Dates are read only from the page's header (bylines, date lines, a dated title, a wire
dateline), never from the story: "reported on January 4" inside the text is an event date.
Month-only or year-less dates give None rather than a guessed year. Authors come from bylines
("By Jane Doe", "Jane Doe | 3 March 2024", a bare name over a date or a role line, "Jane Roe
Middle East correspondent") and from a signature under the article ("— Jane Doe").
"""

from __future__ import annotations

import re
from datetime import date

from newstrace.stages.extract import textdump_lexicon_names as names
from newstrace.stages.extract.textdump_dates import (
    DATELINE,
    date_only,
    date_shaped,
    leading_date,
    parse_date,
)
from newstrace.stages.extract.textdump_lines import is_chrome, name_like

_DATE_LABEL = re.compile(rf"^\W*(?:{names.DATE_LABELS})\b", re.I)
_UPDATED = re.compile(r"updated|mis à jour|actualizado|aktualisiert|aggiornato", re.I)
# Capitalised words, or words in a script without case (Arabic): "Sara al-Khatib", "سارة الخطيب".
_NAME_WORD = (
    r"(?:[A-ZÀ-ÞА-Я\u0621-\u064a][\w'’.-]*"
    r"|(?:al|el|bin|ibn|abu|de|del|van|von|da|di|du|la|le|mc)\b)"
)
_PERSON = rf"{_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,3}}"
_PEOPLE = rf"{_PERSON}(?:\s+(?:and|&|et|y|und|e)\s+{_PERSON})?"  # ", Staff Reporter" is a role
# Openers are case-insensitive, names are not: "By Jane Doe" yes, "by the way" no.
_BYLINE = re.compile(
    rf"^(?i:{names.BYLINE_OPENERS})\s+(?P<name>{_PEOPLE})(?:\s*(?:[,|•·—–-]|\bon\b|\ble\b).*)?$"
)
# "Posted by Jane Doe", "Posted by Jane Doe at 9:14 PM" (Blogger's footer byline)
_POSTED_BY = re.compile(rf"\b(?i:by)\s+(?P<name>{_PEOPLE})(?:\s+(?i:at|on)\s+\d.*)?\s*$")
# "Jane Roe Middle East correspondent": a name, then the role (the shortest name that fits)
_NAME_ROLE = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:[ -]{_NAME_WORD}){{1,3}}?)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?i:{names.BIO_ROLES})$"
)
_SIGNATURE = re.compile(rf"^[—–―-]{{1,2}}\s*(?P<name>{_PERSON})$")
_BIO = re.compile(
    rf"^{_PERSON}\s+is\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,6}}(?:{names.BIO_ROLES})s?\b"
)
_MAX_BIO_WORDS = 80
_QUOTED = re.compile(r"\b(?:said|says|told|according to)\b", re.I)  # a bio quotes no one
_BARE_NAME_REACH = 8  # header lines (nearest the article) where a byline without "By" may sit
_ROLE_LINE = re.compile(rf"\b(?i:{names.BIO_ROLES})s?\b|,\s*[A-ZÀ-Þ][\w'’-]+\s*$")
# "Jane Doe | 3 March 2024", "Admin · 12/03/2024 · Iraq": a name and a date in one meta row.
_META_SEP = re.compile(r"\s+[|·•]\s+")
# "Jane Doe | Updated 3 hours ago": a relative time makes a byline row too (but gives no date)
_RELATIVE = re.compile(
    r"(?:(?:updated|posted|published)\s+)?\d+\s*(?:second|minute|hour|day|week|month|year"
    r"|min|hr|[smhdwy])s?\s+ago\W*\Z",
    re.I,
)
_LINK_REF = re.compile(r"\[\d{1,4}\]")  # text browsers number links: "By [7]Jane Doe"


def find_published(
    header: list[str], title: str | None, first_paragraph: str | None
) -> date | None:
    """Publication date from the header lines, then the dateline, then a dated title."""
    labelled = [line for line in header if len(line) <= 160 and _DATE_LABEL.match(line)]
    labelled.sort(key=lambda line: bool(_UPDATED.search(line)))  # "Published" beats "Updated"
    for line in labelled:
        if found := parse_date(line):
            return found
    for line in header:
        if line != title and (found := date_only(line) or _byline_date(line)):
            return found
    for line in header:
        if line != title and (found := leading_date(line)):
            return found
    dateline = DATELINE.match(first_paragraph) if first_paragraph else None
    if dateline and (found := parse_date(dateline[1])):
        return found
    return parse_date(title) if title else None


def _byline_date(line: str) -> date | None:
    line = _LINK_REF.sub("", line)
    return parse_date(line) if _BYLINE.match(line) or _POSTED_BY.search(line) else None


def byline_author(text: str) -> str | None:
    """ "By Jane Doe", "Par Marie Dupont, envoyée spéciale", "Posted on 4 May 2020 by Ali Saleh"."""
    if len(text) > 160:
        return None
    text = _LINK_REF.sub("", text)
    match = _BYLINE.match(text) or _POSTED_BY.search(text)
    return _clean_name(match["name"]) if match else None


def signature_author(text: str) -> str | None:
    """ "— Paul Mansfield" on its own line after the article."""
    match = _SIGNATURE.match(text)
    return _clean_name(match["name"]) if match else None


def _clean_name(name: str) -> str | None:
    name = name.strip(" ,.-–—")
    if not name or name.lower() in names.GENERIC_NAMES:
        return None
    # "Staff Reporter", "Web Desk", "Enlarge Image", "Latest Headlines": not a person
    return None if any(w in names.NOT_PERSON_WORDS for w in name.lower().split()) else name


def is_meta_line(text: str) -> bool:
    """Bylines, date lines and "Name | date" rows: header metadata that is not article text."""
    return date_only(text) is not None or byline_author(text) is not None or _dated_row(text)


def _dated_row(text: str) -> bool:
    parts = _META_SEP.split(text) if len(text) <= 160 else []
    return len(parts) >= 2 and any(date_shaped(part) or _RELATIVE.match(part) for part in parts)


def row_author(text: str) -> str | None:
    """ "Jane Doe | March 3, 2024": the name in a dated meta row that has no "By"."""
    if not _dated_row(text):
        return None
    names = (_clean_name(part) for part in _META_SEP.split(text) if _bare_name(part))
    return next((name for name in names if name), None)


def _bare_name(text: str) -> bool:
    words = len(text.split())
    return (
        2 <= words <= 4
        and re.fullmatch(_PERSON, text) is not None
        and name_like(text)
        and not is_chrome(text, words)  # "Download PDF", "Sign In"
    )


def is_author_bio(text: str) -> bool:
    """ "Jane Doe is a journalist covering …": the bio box that closes many articles (in the
    present tense: "Abu Daqqa was a cameraman …" closing a report on his death is news)."""
    if len(text.split()) > _MAX_BIO_WORDS or _QUOTED.search(text):
        return False
    return _BIO.match(text) is not None


def find_author(header: list[str], tail: list[str], title: str | None = None) -> str | None:
    """Byline, then a "Name | date" row, then a bare name beside a date or role line, then a
    signature under the article."""
    for line in header:
        if author := byline_author(line) or row_author(line):
            return author
    # nearest the article first, and only close to it: farther up, "Gaza Truce / March 3, 2024"
    # is a dated headline in a list, not a byline
    for k in range(len(header) - 1, max(len(header) - _BARE_NAME_REACH, 0) - 1, -1):
        line = header[k]
        if line != title and _bare_name(line) and _beside_date_or_role(header, k):
            return _clean_name(line)
        if line != title and (match := _NAME_ROLE.match(line)):
            return _clean_name(match["name"])
    for line in tail:
        if author := signature_author(line) or byline_author(line):
            return author
    return None


def _beside_date_or_role(header: list[str], k: int) -> bool:
    """Bylines without "By": the name line sits on a date line or over a role ("…, Kyiv")."""
    nxt = header[k + 1] if k + 1 < len(header) else ""
    prev = header[k - 1] if k > 0 else ""
    role = len(nxt.split()) <= 6 and _ROLE_LINE.search(nxt) is not None
    return role or date_shaped(nxt) or date_shaped(prev)
