"""Calendar expressions: dates with a month name or in numbers, month-years, years, decades.

Each rule is a compiled pattern plus a handler that turns a match into a ``Found`` (or None
when the match is not a date after all: "they may", "31 February", "2,500 people").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from newstrace.stages.annotate.temporal_calendar import (
    Found,
    Span,
    days_span,
    infer_year,
    month_number,
    month_span,
    safe_date,
    year_span,
)

Handler = Callable[[re.Match[str], str, date | None], Found | None]

MONTH_FULL = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_ABBR = "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
MONTH = rf"(?:(?:{MONTH_FULL})\b|(?:{MONTH_ABBR})(?:\.|\b))"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d:]|[.,]\d)"
# "early/mid/late May", "the end of 2015": the words that narrow a month or a year.
QUAL = (
    r"early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
    r"|(?:the\s+)?(?:first|second|last)\s+half\s+of"
)
_QUAL_PART = {
    "early": "early", "beginning": "early", "start": "early", "first": "early",
    "mid": "mid", "middle": "mid", "late": "late", "end": "late", "second": "late", "last": "late",
}  # fmt: skip
# "May" and "March" are also a modal and a verb ("they may", "protesters march"; "mar" too).
# In lower-case text they count as months only next to a year or after one of these words.
_AMBIGUOUS = frozenset({"may", "march", "mar"})
_SAFE_BEFORE = frozenset(
    "on of since until till by from between and to before after in early late mid during "
    "through throughout the".split()
)
_UNIT_AFTER = re.compile(r"\s*(?:km|kilomet|mile|met(?:er|re)|times|people|per\s*cent|%)", re.I)
_WORD_BEFORE = re.compile(r"(\w+)[\s-]*\Z")


def _word_before(text: str, pos: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, pos - 24), pos)
    return found.group(1).lower() if found else ""


def month_word_ok(word: str, text: str, start: int, has_year: bool) -> bool:
    """False for "may"/"march" written lower-case with nothing that makes them a month."""
    if word.rstrip(".").lower() not in _AMBIGUOUS or word[0].isupper() or has_year:
        return True
    return _word_before(text, start) in _SAFE_BEFORE


def part_of(qualifier: str | None) -> str | None:
    """Which third a qualifier names: "the end of" is "late"; None without a qualifier."""
    if not qualifier:
        return None
    for word in re.findall(r"[a-z]+", qualifier.lower()):
        if word in _QUAL_PART:
            return _QUAL_PART[word]
    return None


def _day_of(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _one_day(start: int, end: int, day: int, month: int, year: int | None) -> Found | None:
    """A day with or without a year; an impossible day ("30 February") is no date."""
    if year is None:
        if safe_date(2000, month, day) is None:  # 2000 is a leap year: 29 February exists
            return None
        return Found(start, end, Span(None, 1), month_day=(month, day))
    value = safe_date(year, month, day)
    return None if value is None else Found(start, end, Span(value, 1))


def _day_month(m: re.Match[str], text: str, published: date | None) -> Found | None:
    month = month_number(m["m"])
    word = text[m.start("m") : m.end("m")]
    # "march 15 programme": month first, a day number makes even a lower-case "march" a month
    # (the verb and the modal are rarely followed by a bare number); "15 may" stays doubtful.
    month_first = m.start("m") < m.start("d") and _UNIT_AFTER.match(text, m.end()) is None
    if month is None or not (month_first or month_word_ok(word, text, m.start(), bool(m["y"]))):
        return None
    day = _day_of(m["d"])
    year = int(m["y"]) if m["y"] else infer_year(month, day, published)
    return _one_day(m.start(), m.end(), day, month, year)


def _numeric(m: re.Match[str], text: str, published: date | None) -> Found | None:
    # Day first ("04.01.2018" is 4 January): the outlets of the regions ACLED covers write
    # dd.mm.yyyy and dd/mm/yyyy; month first only when the day-first reading is impossible.
    first, second = int(m["a"]), int(m["b"])
    day, month = (second, first) if second > 12 >= first else (first, second)
    return _one_day(m.start(), m.end(), day, month, int(m["y"]))


def _iso(m: re.Match[str], text: str, published: date | None) -> Found | None:
    return _one_day(m.start(), m.end(), int(m["d"]), int(m["mo"]), int(m["y"]))


def _day_range(m: re.Match[str], text: str, published: date | None) -> Found | None:
    month = month_number(m["m"])
    first, last = _day_of(m["d1"]), _day_of(m["d2"])
    word = text[m.start("m") : m.end("m")]
    if month is None or first >= last or not month_word_ok(word, text, m.start(), True):
        return None
    if m["sep"].lower() == "and" and not m["pre"]:
        return None  # "3 and 5 May" without "between" may be two separate days
    year = int(m["y"]) if m["y"] else infer_year(month, last, published)
    if year is None:
        return Found(m.start(), m.end(), Span(None, 2))
    start_day, end_day = safe_date(year, month, first), safe_date(year, month, last)
    if start_day is None or end_day is None:
        return None
    return Found(m.start(), m.end(), days_span(start_day, end_day))


def _month_year(m: re.Match[str], text: str, published: date | None) -> Found | None:
    month = month_number(m["m"])
    if month is None:
        return None
    return Found(m.start(), m.end(), month_span(int(m["y"]), month, part_of(m["q"])))


def _month_year_for(prep: str, month: int, part: str | None, published: date) -> int | None:
    if prep == "this":
        return published.year
    if prep == "last":
        return published.year if month < published.month else published.year - 1
    if prep == "next":
        return published.year if month > published.month else published.year + 1
    first_day = {"mid": 11, "late": 21}.get(part or "", 1)
    return infer_year(month, first_day, published)


_DEICTIC = frozenset({"this", "last", "next"})


def _month_only(m: re.Match[str], text: str, published: date | None) -> Found | None:
    prep = (m["prep"] or "").lower()
    month = month_number(m["m"])
    if month is None or not (prep or m["q"]):
        return None
    # "this may change", "by march": modal and verb readings in lower-case text.
    lowered = m["m"] in _AMBIGUOUS and text[m.start("m")].islower()
    if lowered and prep in {"this", "last", "next", "by"} and not m["q"]:
        return None
    start = m.start("q") if m["q"] else (m.start() if prep in _DEICTIC else None)
    start = m.start("m") if start is None else start
    part = part_of(m["q"])
    year = None if published is None else _month_year_for(prep, month, part, published)
    if year is None:
        return Found(start, m.end(), Span(None, 3), relative=prep in _DEICTIC)
    return Found(start, m.end(), month_span(year, month, part), relative=prep in _DEICTIC)


def _year(m: re.Match[str], text: str, published: date | None) -> Found | None:
    if not (m["prep"] or m["q"]):
        return None  # a bare four-digit number is too often a count or a name ("2014 fighters")
    start = m.start("q") if m["q"] else m.start("y")
    return Found(start, m.end(), year_span(int(m["y"]), part_of(m["q"])))


def _decade(m: re.Match[str], text: str, published: date | None) -> Found | None:
    # Decades are background history; ACLED has no finer code than 3, so the whole decade.
    first = int(m["y"])
    return Found(m.start(), m.end(), Span(date(first, 1, 1), 3, date(first + 9, 12, 31)))


# (anchor kind, reach, pattern, handler): every match contains an anchor word of its kind
# and starts at most ``reach`` characters before it (single spaces assumed; temporal.py adds a
# margin), e.g. 16 for "25th of May", 36 for "throughout the second half of May".
RULES: tuple[tuple[str, int, re.Pattern[str], Handler], ...] = (
    ("month", 16, re.compile(
        rf"(?<![\d.,/:])(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"),
     _day_month),
    ("month", 0, re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?"),
     _day_month),
    ("month", 32, re.compile(
        rf"(?:\b(?P<pre>between|from)\s+)?(?<![\d.,/:])(?P<d1>{DAY})\s*(?P<sep>-|–|to|and|until|till)"
        rf"\s*(?P<d2>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"),
     _day_range),
    ("month", 10, re.compile(
        rf"(?:\b(?P<pre>between|from)\s+)?\b(?P<m>{MONTH})\s+(?P<d1>{DAY})\s*(?P<sep>-|–|to|and)"
        rf"\s*(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?"),
     _day_range),
    ("month", 24, re.compile(
        rf"(?:\b(?P<q>{QUAL})[\s-]+)?\b(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})"),
     _month_year),
    ("month", 36, re.compile(
        r"(?:\b(?P<prep>in|since|during|until|till|by|from|through|throughout|before|after"
        rf"|last|next|this)\s+)?(?:\b(?P<q>{QUAL})[\s-]+)?\b(?P<m>{MONTH_FULL})\b(?!,?\s*\d)"),
     _month_only),
    ("year", 0, re.compile(
        rf"(?<![\d.-])(?P<y>{YEAR})-(?P<mo>0?[1-9]|1[0-2])-(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)"),
     _iso),
    ("year", 8, re.compile(
        rf"(?<![\d./])(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR})"),
     _numeric),
    ("year", 36, re.compile(
        r"(?:\b(?P<prep>in|since|during|until|till|by|from|throughout|before|after)\s+)?"
        rf"(?:\b(?P<q>{QUAL})[\s-]+)?(?<![\d.,])(?P<y>{YEAR})"
        r"(?!['’]?s\b|\s*(?:%|percent|per\s+cent|km|kilomet|met|mile))"),
     _year),
    ("year", 16, re.compile(
        r"(?:\b(?:early|mid|late)[\s-]+)?(?:\bthe\s+)?\b(?P<y>1[89]\d0|20\d0)['’]?s\b"),
     _decade),
)  # fmt: skip
