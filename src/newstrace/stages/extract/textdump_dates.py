"""Dates in plain-text page dumps: complete (day, month, year) dates and date-only lines.

Month-only or year-less dates give None rather than a guessed year, and so do numeric dates
whose day/month order cannot be told (04/05/2021); such lines are still recognised as date
lines, which are never article or comment text.
"""

from __future__ import annotations

import re
from datetime import date

from newstrace.stages.extract import textdump_lexicon_names as names

_MONTH = "|".join(sorted(names.MONTHS, key=len, reverse=True))
_YMD = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DMY_NUM = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?({_MONTH})\.?,?\s+(?:de\s+)?(\d{{4}})\b",
    re.I,
)
_YEARS = range(1900, 2101)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20|21)\d\d")
_DATE_NOISE = re.compile(
    rf"\b(?:{names.DATE_LABELS}|on|at|le|à|am|pm|utc|gmt|(?-i:[A-Z]{{2,4}}T))\b"
    r"|\d{1,2}[:h.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?"  # "09:12AM", "10.12", "4:12pm"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)[a-zé]*\b",
    re.I,
)
# Datelines of wire copy: "KABUL, March 3 (Agency) —", "DAMASCUS (Agency) -".
DATELINE = re.compile(r"^([A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я'’ .-]{2,40}(?:,[^—–\n]{0,60}?)?)\s+[—–-]{1,2}\s")
# Numeric dates whose order cannot be told (04/05/2021): still a date line, never text.
_NUMERIC_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_TIME = re.compile(r"\d{1,2}[:h.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?", re.I)
_STARTS_DATED = re.compile(rf"\W*(?:\d{{1,4}}\b|(?:{_MONTH})\b)", re.I)
_GLUED_TIME = re.compile(r"\b(\d{4})(\d{1,2}:\d{2})")  # "20248:42" → "2024 8:42"
_LEADING_DATE_LINE, _LEADING_DATE_CHARS = 60, 30


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
    return names.MONTHS.get(name.lower(), 0)


def _add(found: list[tuple[int, date]], pos: int, year: int, month: int, day: int) -> None:
    if year in _YEARS:
        try:
            found.append((pos, date(year, month, day)))
        except ValueError:
            return


def date_start(text: str) -> int | None:
    """Where the first date-like run of ``text`` starts ("Jane Roe August 17, 2019" → 9)."""
    if not _DIGIT.search(text):
        return None
    starts = [m.start() for p in (_YMD, _NUMERIC_DATE, _MDY, _DMY) if (m := p.search(text))]
    return min(starts) if starts else None


def date_words(text: str) -> bool:
    """Only weekdays, labels and times ("Monday", "Posted on", "10:12 GMT"): no name or text."""
    return not re.search(r"[^\W\d_]", _DATE_NOISE.sub(" ", text))


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


def leading_date(line: str) -> date | None:
    """A short header line that starts with a full date, whatever follows it: scrapers glue
    times and labels onto dates ("March 14, 20248:42 AM UTCUpdated ago")."""
    if len(line) > _LEADING_DATE_LINE or not _STARTS_DATED.match(line):
        return None
    return parse_date(_GLUED_TIME.sub(r"\1 \2", line[:_LEADING_DATE_CHARS]))
