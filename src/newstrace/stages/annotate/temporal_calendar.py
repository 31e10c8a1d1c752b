"""Calendar arithmetic for the temporal stage: month names, year inference and period spans.

A resolved expression is a span ``[first, last]`` of days plus ACLED's time_precision
(1 day, 2 week or a few days, 3 month or vaguer); a one-day span has ``last is None``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# A month-day without a year that falls after the publication date is read as last year's,
# except within this margin: 7 days covers announced events ("talks on June 4" in a 1 June
# article) and outlets whose metadata date lags the story by a few days.
FUTURE_MARGIN_DAYS = 7
# Year values accepted anywhere: 1800-2099 keeps "2,500" and "87 percent" out and covers the
# history that conflict reporting recalls ("since 1947").
MIN_YEAR, MAX_YEAR = 1800, 2099
# Sub-periods of a month and of a year that "early", "mid" and "late" name (first, last day or
# month). Thirds of a month, thirds of a year: the conventional reading, coarse on purpose.
MONTH_PARTS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
YEAR_PARTS: dict[str, tuple[int, int]] = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
# Northern-hemisphere meteorological seasons (first month, number of months).
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


@dataclass(frozen=True, slots=True)
class Span:
    """What an expression resolves to: first day, last day (None for one day), precision."""

    first: date | None
    precision: int
    last: date | None = None


def month_number(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").lower())


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None for impossible dates ("31 February")."""
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def infer_year(month: int, day: int, published: date | None) -> int | None:
    """The year of a month-day without one: the latest not after ``published`` (+ a margin).

    None when there is no publication date: the year is never invented. Four years back at
    most, which is enough to reach the previous 29 February.
    """
    if published is None:
        return None
    limit = published + timedelta(days=FUTURE_MARGIN_DAYS)
    for year in range(published.year, published.year - 5, -1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= limit:
            return year
    return None


def month_span(year: int, month: int, part: str | None = None) -> Span:
    """A month, or its early/mid/late third; always precision 3 (month or vaguer)."""
    first_day, last_day = MONTH_PARTS.get(part or "", (1, 31))
    last = min(month_end(year, month), date(year, month, 1) + timedelta(days=last_day - 1))
    return Span(date(year, month, first_day), 3, last)


def year_span(year: int, part: str | None = None) -> Span:
    first_month, last_month = YEAR_PARTS.get(part or "", (1, 12))
    return Span(date(year, first_month, 1), 3, month_end(year, last_month))


def days_span(first: date, last: date) -> Span:
    """A run of days: a week or less is precision 2 (ACLED's "week"), longer is 3."""
    if first == last:
        return Span(first, 1)
    return Span(first, 2 if (last - first).days < 7 else 3, last)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def season_span(name: str, year: int) -> Span:
    """Season ``name`` as it runs in ``year`` (winter starts in December of ``year``)."""
    first_year, first_month = year, SEASONS[name]
    last_year, last_month = shift_month(first_year, first_month, 2)
    return Span(date(first_year, first_month, 1), 3, month_end(last_year, last_month))


def current_season_year(name: str, published: date) -> int:
    """The year in which the season ``name`` that "this <season>" names starts."""
    if name == "winter" and published.month <= 2:
        return published.year - 1
    return published.year


def weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True, slots=True)
class Found:
    """One candidate expression before overlaps are settled.

    ``month_day`` keeps the month and day of a date written without a year, so that a range
    ("between 28 February and 2 March 2018") can take the year its other end states.
    """

    start: int
    end: int
    span: Span
    relative: bool = False
    month_day: tuple[int, int] | None = None
    weekday: bool = False
