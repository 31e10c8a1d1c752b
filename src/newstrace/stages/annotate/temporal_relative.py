"""Expressions resolved from the publication date: weekdays, "yesterday", "last week",
"two days ago", seasons. Without a publication date they keep their words and get no value."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from newstrace.stages.annotate.temporal_absolute import YEAR, Handler
from newstrace.stages.annotate.temporal_calendar import (
    SEASONS,
    WEEKDAYS,
    Found,
    Span,
    current_season_year,
    days_span,
    month_end,
    month_span,
    season_span,
    shift_month,
    week_of,
    weekday_on_or_before,
    year_span,
)

Resolver = Callable[[date], Span]


def _days_back(days: int) -> Resolver:
    return lambda pub: Span(pub - timedelta(days=days), 1)


def _this_week(pub: date) -> Span:
    return Span(week_of(pub)[0], 2, pub)


def _last_week(pub: date) -> Span:
    monday, sunday = week_of(pub - timedelta(days=7))
    return Span(monday, 2, sunday)


def _weekend(pub: date) -> Span:
    saturday = weekday_on_or_before(pub, 5)
    return Span(saturday, 2, min(pub, saturday + timedelta(days=1)))


def _this_month(pub: date) -> Span:
    return Span(pub.replace(day=1), 3, pub)


def _last_month(pub: date) -> Span:
    return month_span(*shift_month(pub.year, pub.month, -1))


def _this_year(pub: date) -> Span:
    return Span(date(pub.year, 1, 1), 3, pub)


def _last_year(pub: date) -> Span:
    return year_span(pub.year - 1)


def _recent_days(pub: date) -> Span:
    # "in recent days", "a few days ago": the week before publication, ACLED's precision 2.
    return Span(pub - timedelta(days=7), 2, pub - timedelta(days=1))


FIXED: dict[str, Resolver] = {
    "the day before yesterday": _days_back(2), "yesterday": _days_back(1),
    "last night": _days_back(1), "overnight": _days_back(1), "today": _days_back(0),
    "tonight": _days_back(0), "this morning": _days_back(0), "this afternoon": _days_back(0),
    "this evening": _days_back(0), "earlier today": _days_back(0),
    "earlier this week": _this_week, "this week": _this_week, "last week": _last_week,
    "the previous week": _last_week, "over the weekend": _weekend, "this weekend": _weekend,
    "last weekend": _weekend, "the past weekend": _weekend,
    "earlier this month": _this_month, "this month": _this_month, "last month": _last_month,
    "the previous month": _last_month, "earlier this year": _this_year, "this year": _this_year,
    "last year": _last_year, "the previous year": _last_year, "recent days": _recent_days,
    "the past few days": _recent_days, "the last few days": _recent_days,
}  # fmt: skip
_FIXED_KEYS = sorted(FIXED, key=len, reverse=True)
_FIXED_RE = "|".join(key.replace(" ", r"\s+") for key in _FIXED_KEYS)
_TOD = r"morning|afternoon|evening|night"
_SPACES = re.compile(r"\s+")


def _fixed(m: re.Match[str], text: str, published: date | None) -> Found | None:
    resolve = FIXED[_SPACES.sub(" ", m["w"].lower())]
    if published is None:
        precision = resolve(date(2000, 6, 14)).precision  # any date: precision only
        return Found(m.start(), m.end(), Span(None, precision), relative=True)
    return Found(m.start(), m.end(), resolve(published), relative=True)


# Words before a weekday that say when in the day (kept in the text) or which week.
_WD_PRE = (
    r"at\s+(?:dawn|dusk|noon|midnight)\s+on|at\s+(?:dawn|dusk)|early\s+on|late\s+on|early|late"
    r"|in\s+the\s+early\s+hours\s+of|overnight\s+on|overnight|on|last|this\s+past|past|this|next"
    r"|since|until|till|by|before|from"
)
# "Monday, 4 January": a bare weekday naming the date that follows it.
_DATE_AFTER = re.compile(r",?\s+(?:the\s+)?(?:\d|[a-z]+\.?\s+\d)", re.IGNORECASE)
_PLAIN_PREPOSITIONS = frozenset("on since until till by before from this".split())


def _weekday_value(prep: str, weekday: int, published: date) -> date:
    if prep == "next":
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    latest = weekday_on_or_before(published, weekday)
    if prep in {"last", "past", "this past"} and latest == published:
        return latest - timedelta(days=7)
    return latest


def _weekday(m: re.Match[str], text: str, published: date | None) -> Found | None:
    prep = _SPACES.sub(" ", (m["pre"] or "").lower())
    if not (prep or m["tod"] or m["pos"] or _DATE_AFTER.match(text, m.end())):
        return None  # a bare weekday is too often a name ("the Sunday Times", "Bloody Friday")
    start = m.start("wd") if prep in _PLAIN_PREPOSITIONS or not prep else m.start()
    if published is None:
        return Found(start, m.end(), Span(None, 1), relative=True, weekday=True)
    value = _weekday_value(prep, WEEKDAYS[m["wd"].lower()], published)
    return Found(start, m.end(), Span(value, 1), relative=True, weekday=True)


_VAGUE_AGO = {"a couple of": (2, 3), "couple of": (2, 3), "a few": (2, 7), "few": (2, 7),
              "several": (2, 7)}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _ago_span(low: int, high: int, unit: str, pub: date) -> Span:
    if unit == "day":
        return days_span(pub - timedelta(days=high), pub - timedelta(days=low))
    if unit == "week":
        if low == high:
            monday, sunday = week_of(pub - timedelta(weeks=low))
            return Span(monday, 2, sunday)
        return Span(week_of(pub - timedelta(weeks=high))[0], 3, pub - timedelta(weeks=low))
    if unit == "month":
        first = shift_month(pub.year, pub.month, -high)
        last = shift_month(pub.year, pub.month, -low)
        return Span(date(*first, 1), 3, month_end(*last))
    return Span(date(pub.year - high, 1, 1), 3, date(pub.year - low, 12, 31))


def _ago(m: re.Match[str], text: str, published: date | None) -> Found | None:
    count = _SPACES.sub(" ", m["n"].lower())
    low, high = _VAGUE_AGO.get(count) or (_NUMBER_WORDS.get(count) or int(count),) * 2
    unit = m["u"].lower()
    if published is None:
        precision = 1 if unit == "day" and low == high else (2 if unit in {"day", "week"} else 3)
        return Found(m.start(), m.end(), Span(None, precision), relative=True)
    return Found(m.start(), m.end(), _ago_span(low, high, unit, published), relative=True)


def _season(m: re.Match[str], text: str, published: date | None) -> Found | None:
    rel, name = (m["rel"] or "").lower(), m["s"].lower()
    if m["y"]:
        return Found(m.start(), m.end(), season_span(name, int(m["y"])))
    if not rel or name == "fall":  # "the fall of Aleppo", "in the summer" (which one?)
        return None
    if published is None:
        return Found(m.start(), m.end(), Span(None, 3), relative=True)
    year = current_season_year(name, published) + {"this": 0, "last": -1, "next": 1}[rel]
    return Found(m.start(), m.end(), season_span(name, year), relative=True)


_COUNT = r"\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_WEEKDAY = "|".join(WEEKDAYS)
RULES: tuple[tuple[str, int, re.Pattern[str], Handler], ...] = (
    ("fixed", 20, re.compile(rf"\b(?P<w>{_FIXED_RE})\b(?:\s+(?:{_TOD})\b)?"), _fixed),
    ("weekday", 24, re.compile(
        rf"(?:\b(?P<pre>{_WD_PRE})\s+)?\b(?P<wd>{_WEEKDAY})\b(?P<pos>['’]s\b)?"
        rf"(?:\s+(?P<tod>{_TOD}|overnight)\b)?"),
     _weekday),
    ("ago", 20, re.compile(
        rf"\b(?P<n>{_COUNT}|(?:a\s+)?couple\s+of|a\s+few|few|several)\s+(?P<u>day|week|month|year)s?"
        r"\s+ago\b"),
     _ago),
    ("season", 6, re.compile(
        rf"\b(?:(?P<rel>this|last|next)\s+)?(?P<s>{'|'.join(SEASONS)})\b(?:\s+(?:of\s+)?(?P<y>{YEAR}))?"),
     _season),
)  # fmt: skip
