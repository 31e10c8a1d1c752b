"""Metadata of a text dump: publication date, author and outlet, from general page conventions.

Dates are read only from the page's header (bylines, date lines, a dated title, a wire
dateline), never from the story: "reported on January 4" inside the text is an event date.
Month-only or year-less dates give None rather than a guessed year.
"""

from __future__ import annotations

import re
from datetime import date

from newstrace.stages.extract import textdump_lexicon as lex

_MONTH = "|".join(sorted(lex.MONTHS, key=len, reverse=True))
_YMD = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DMY_NUM = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?({_MONTH})\.?,?\s+(?:de\s+)?(\d{{4}})\b",
    re.I,
)
_YEARS = range(1900, 2101)
_YEAR = re.compile(r"(?:19|20|21)\d\d")
_DATE_LABEL = re.compile(rf"^\W*(?:{lex.DATE_LABELS})\b", re.I)
_UPDATED = re.compile(r"updated|mis à jour|actualizado|aktualisiert|aggiornato", re.I)
_DATE_NOISE = re.compile(
    rf"\b(?:{lex.DATE_LABELS}|on|at|le|à|am|pm|utc|gmt|(?-i:[A-Z]{{2,4}}T))\b|\d{{1,2}}[:h]\d{{2}}"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)[a-zé]*\b",
    re.I,
)
# Datelines of wire copy: "KABUL, March 3 (Agency) —", "DAMASCUS (Agency) -".
_DATELINE = re.compile(r"^([A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я'’ .-]{2,40}(?:,[^—–\n]{0,60}?)?)\s+[—–-]{1,2}\s")
_AGENCY = re.compile(r"\(([^()]{2,40}(?:\([^()]*\))?)\)")
# Capitalised words, or words in a script without case (Arabic): "Sara al-Khatib", "سارة الخطيب".
_NAME_WORD = (
    r"(?:[A-ZÀ-ÞА-Я\u0621-\u064a][\w'’.-]*"
    r"|(?:al|el|bin|ibn|abu|de|del|van|von|da|di|du|la|le|mc)\b)"
)
_PERSON = rf"{_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,3}}"
_PEOPLE = rf"{_PERSON}(?:\s+(?:and|&|et|y|und|e)\s+{_PERSON})?"  # ", Staff Reporter" is a role
# Openers are case-insensitive, names are not: "By Jane Doe" yes, "by the way" no.
_BYLINE = re.compile(
    rf"^(?i:{lex.BYLINE_OPENERS})\s+(?P<name>{_PEOPLE})(?:\s*(?:[,|•·—–-]|\bon\b|\ble\b).*)?$"
)
_POSTED_BY = re.compile(rf"\b(?i:by)\s+(?P<name>{_PEOPLE})\s*$")
_SIGNATURE = re.compile(rf"^[—–―-]{{1,2}}\s*(?P<name>{_PERSON})$")
_BIO = re.compile(
    rf"^{_PERSON}\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,6}}(?:{lex.BIO_ROLES})s?\b"
)
_MAX_BIO_WORDS = 80
_ROLE_LINE = re.compile(rf"\b(?i:{lex.BIO_ROLES})s?\b|,\s*[A-ZÀ-Þ][\w'’-]+\s*$")
# "Jane Doe | 3 March 2024", "Admin · 12/03/2024 · Iraq": a name and a date in one meta row.
_META_SEP = re.compile(r"\s+[|·•]\s+")
# Numeric dates whose order cannot be told (04/05/2021): still a date line, never text.
_NUMERIC_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_TIME = re.compile(r"\d{1,2}[:h.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?", re.I)
_GENERIC_OUTLET = lex.word_set(
    "us our your the this me my all now today here them it admin editor staff"
)
_OUTLET_PATTERNS = (
    # "© 2018 Outlet", "Copyright © 2016-2024 Outlet. All rights reserved." (a year is required:
    # a bare "© Agency" is usually a photo credit, not the site)
    re.compile(
        r"(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?,?\s*"
        r"(?P<name>[^.|,©\s][^.|,©]{1,60}?)\s*(?:[.,|]|\ball rights\b|\btous droits\b"
        r"|\btodos los\b|\balle rechte\b|\btutti i\b|\Z)",
        re.I,
    ),
    re.compile(
        r"(?:©|copyright)\s*(?P<name>[^.|,©\d\s][^.|,©]{1,60}?)\.?\s*(?:all rights reserved"
        r"|tous droits réservés|todos los derechos|alle rechte|tutti i diritti)",
        re.I,
    ),
    re.compile(r"(?:^|[:.]\s*)(?P<name>[^:.]{2,40}?) will use the information you provide", re.I),
    re.compile(
        r"\b(?:subscribe to|sign up for|get) (?:the )?(?P<name>[^.,:]{2,40}?)(?:'s)? newsletter",
        re.I,
    ),
    re.compile(r"\bnewsletter (?:de |d'|du |von |di )(?P<name>[^.,:!]{2,40})", re.I),
    re.compile(
        r"^(?P<name>[^|]{2,40}?)\s*\|\s*(?:home|home page|accueil|inicio|startseite)\b", re.I
    ),
    re.compile(
        r"^(?i:support|donate to|soutenez|soutenir|unterstützen sie|apoya a|sostieni)\s+"
        r"(?P<name>[A-Z0-9]\S*(?:\s+\S+){0,3})$"
    ),
    re.compile(
        r"^follow (?P<name>.{2,40}?) on (?:twitter|facebook|telegram|x|instagram|youtube)$", re.I
    ),
)

# Cheap prefilter: only lines with one of these words go through the outlet patterns above.
_OUTLET_HINT = re.compile(
    r"©|\(c\)|copyright|will use the information|newsletter|\|\s*(?:home|accueil|inicio|startseite)"
    r"|^(?:support|donate|soutenez|soutenir|unterstützen|apoya|sostieni|follow)\b",
    re.I,
)
_MAX_OUTLET_LINE = 300  # consent notices run to ~40 words; longer lines are article text


def parse_date(text: str) -> date | None:
    """The earliest complete (day, month, year) date written in ``text``; None if none is."""
    if not _YEAR.search(text):
        return None  # every accepted format has a four-digit year: skip the four scans
    found: list[tuple[int, date]] = []
    for match in _YMD.finditer(text):
        _add(found, match.start(), int(match[1]), int(match[2]), int(match[3]))
    for match in _DMY_NUM.finditer(text):
        day, month = int(match[1]), int(match[3])
        if match[2] == "/" and day <= 12 and month <= 12 and day != month:
            continue  # 04/01/2018 is 4 January in Europe, 1 April in the US: do not guess
        if match[2] == "/" and month > 12:
            day, month = month, day  # 01/24/2018: only the US reading is a valid date
        _add(found, match.start(), int(match[4]), month, day)
    for match in _MDY.finditer(text):
        _add(found, match.start(), int(match[3]), _month(match[1]), int(match[2]))
    for match in _DMY.finditer(text):
        _add(found, match.start(), int(match[3]), _month(match[2]), int(match[1]))
    return min(found)[1] if found else None


def _month(name: str) -> int:
    # 0 (an invalid month) when case-insensitive matching accepted a look-alike the table lacks
    # ("ſept" with a long s matches "sept" under re.IGNORECASE but does not lower() to it)
    return lex.MONTHS.get(name.lower(), 0)


def _add(found: list[tuple[int, date]], pos: int, year: int, month: int, day: int) -> None:
    if year in _YEARS:
        try:
            found.append((pos, date(year, month, day)))
        except ValueError:
            return


def date_only(text: str) -> date | None:
    """The date of a line that is nothing but a date (plus time, weekday, label): else None."""
    if len(text) > 80:
        return None
    found = parse_date(text)
    if found is None:
        return None
    rest = _DATE_NOISE.sub(" ", _strip_dates(text))
    return found if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1 else None


def date_shaped(text: str) -> bool:
    """A line that is only a date, including numeric ones too ambiguous to read (04/05/2021)."""
    if date_only(text) is not None:
        return True
    if len(text) > 40 or not _NUMERIC_DATE.search(text):
        return False
    rest = _DATE_NOISE.sub(" ", _TIME.sub(" ", _NUMERIC_DATE.sub(" ", text)))
    return not re.search(r"[^\W_]", rest)


def _strip_dates(text: str) -> str:
    for pattern in (_YMD, _DMY_NUM, _MDY, _DMY):
        text = pattern.sub(" ", text)
    return text


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
    dateline = _DATELINE.match(first_paragraph) if first_paragraph else None
    if dateline and (found := parse_date(dateline[1])):
        return found
    return parse_date(title) if title else None


def _byline_date(line: str) -> date | None:
    return parse_date(line) if _BYLINE.match(line) or _POSTED_BY.search(line) else None


def byline_author(text: str) -> str | None:
    """ "By Jane Doe", "Par Marie Dupont, envoyée spéciale", "Posted on 4 May 2020 by Ali Saleh"."""
    if len(text) > 160:
        return None
    match = _BYLINE.match(text) or _POSTED_BY.search(text)
    return _clean_name(match["name"]) if match else None


def signature_author(text: str) -> str | None:
    """ "— Paul Mansfield" on its own line after the article."""
    match = _SIGNATURE.match(text)
    return _clean_name(match["name"]) if match else None


def _clean_name(name: str) -> str | None:
    name = name.strip(" ,.-–—")
    return name if name and name.lower() not in _GENERIC_OUTLET else None


def is_meta_line(text: str) -> bool:
    """Bylines, date lines and "Name | date" rows: header metadata that is not article text."""
    return date_only(text) is not None or byline_author(text) is not None or _dated_row(text)


def _dated_row(text: str) -> bool:
    parts = _META_SEP.split(text) if len(text) <= 160 else []
    return len(parts) >= 2 and any(date_shaped(part) for part in parts)


def row_author(text: str) -> str | None:
    """ "Jane Doe | March 3, 2024": the name in a dated meta row that has no "By"."""
    if not _dated_row(text):
        return None
    names = (_clean_name(part) for part in _META_SEP.split(text) if _bare_name(part))
    return next((name for name in names if name), None)


def _bare_name(text: str) -> bool:
    return 2 <= len(text.split()) <= 4 and re.fullmatch(_PERSON, text) is not None


def is_author_bio(text: str) -> bool:
    """ "Jane Doe is a journalist covering …": the bio box that closes many articles."""
    return len(text.split()) <= _MAX_BIO_WORDS and _BIO.match(text) is not None


def find_author(header: list[str], tail: list[str], title: str | None = None) -> str | None:
    """Byline, then a "Name | date" row, then a bare name beside a date or role line, then a
    signature under the article."""
    for line in header:
        if author := byline_author(line) or row_author(line):
            return author
    for k, line in enumerate(header):
        if line != title and _bare_name(line) and _beside_date_or_role(header, k):
            return _clean_name(line)
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


def find_outlet(lines: list[str], hint: str | None, first_paragraph: str | None) -> str | None:
    """Site name from copyright, consent, newsletter, nav and donation lines; then weaker hints."""
    candidates = [
        line for line in lines if len(line) <= _MAX_OUTLET_LINE and _OUTLET_HINT.search(line)
    ]
    for pattern in _OUTLET_PATTERNS:
        for line in candidates:
            if (match := pattern.search(line)) and (name := _clean_outlet(match["name"])):
                return name
    if hint:
        return hint
    return dateline_agency(first_paragraph) if first_paragraph else None


def dateline_agency(paragraph: str) -> str | None:
    """ "KABUL, March 3 (Some Agency) — …" → "Some Agency"."""
    dateline = _DATELINE.match(paragraph)
    agency = _AGENCY.search(dateline[1]) if dateline else None
    return _clean_outlet(agency[1]) if agency else None


def _clean_outlet(name: str) -> str | None:
    name = re.sub(r"\s*\b\d{4}(?:\s*[-–]\s*\d{4})?\s*$", "", name).strip(" \"'“”«»:;,-–—")
    tokens = name.split()
    if not 1 <= len(tokens) <= 6 or len(name) > 50 or not re.search(r"[^\W\d_]", name):
        return None
    if tokens[0].lower() in _GENERIC_OUTLET or name.lower() in _GENERIC_OUTLET:
        return None
    return name
