"""Numbers of people as news writes them, read the way ACLED codes fatalities.

ACLED records the reported number and, when reports differ or are vague, the most conservative
estimate; its published fatality guidance codes "tens" as 10, "dozens" as 12 and "hundreds" as
100 "and so on" (summarised in the shared ACLED reference). newstrace follows that:

- a stated number is the value, whatever hedges it: "up to 10", "nearly 30", "about 30" → the
  number; bounds go to ``low`` ("at least 5", "more than 20") or ``high`` ("up to 10");
- a range is its lower end: "between 5 and 7", "5-7", "two or three" → 5 (low 5, high 7);
- plural units are one unit: tens 10, dozens 12, scores 20, hundreds 100, thousands 1000;
  "a dozen" 12, "two dozen" 24, "half a dozen" 6 are exact;
- words with no number ("several", "a few", "many", "a number of", "an unknown number of",
  "all those") are 3: ACLED's coders state in the notes of its own exports (Iraq, 2020) that
  an unknown reported number of fatalities is coded as 3, and 3 is also the smallest reading of
  "several". The shared reference does not list these words, so the choice is kept in one
  place, ``VAGUE_COUNTS``, which callers can replace (``None`` there means "no value").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, int] = {word: i for i, word in enumerate(_UNITS)} | {
    word: 20 + 10 * i for i, word in enumerate(_TENS)
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000}

# ACLED's code for a reported but unknown number of people (see the module docstring).
UNKNOWN_COUNT = 3
VAGUE_COUNTS: MappingProxyType[str, int | None] = MappingProxyType(
    {
        "tens": 10,
        "dozens": 12,
        "scores": 20,
        "hundreds": 100,
        "thousands": 1000,
        "several": UNKNOWN_COUNT,
        "a few": UNKNOWN_COUNT,
        "few": UNKNOWN_COUNT,
        "many": UNKNOWN_COUNT,
        "some": UNKNOWN_COUNT,
        "a number of": UNKNOWN_COUNT,
        "multiple": UNKNOWN_COUNT,
        "numerous": UNKNOWN_COUNT,
        "a handful of": UNKNOWN_COUNT,
        "an unknown number of": UNKNOWN_COUNT,
        "all those": UNKNOWN_COUNT,
        "everyone": UNKNOWN_COUNT,
        "everybody": UNKNOWN_COUNT,
    }
)

_PLURAL_UNITS = frozenset({"tens", "dozens", "scores", "hundreds", "thousands"})
_UNIT_RE = "|".join(sorted(_UNITS[1:], key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
_SMALL = rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_UNIT_RE}))?|{_UNIT_RE})\b"
_WORD_NUMBER = rf"(?:(?:a|{_UNIT_RE})\s+(?:hundred|thousand)\b(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
_DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d:]|[.,]\d)"
# Not a count of people: "20-year-old", "55 km", "87 percent".
_NOT_PEOPLE = (
    r"(?!-?\s*(?:year|month|week|day|hour|minute|km|kilomet|mile|met(?:er|re)|percent|per\s+cent"
    r"|%|kg|tons?)\b)"
)
CORE = rf"(?:{_DIGITS}|{_WORD_NUMBER}){_NOT_PEOPLE}"
_LOWER_BOUND = (
    r"at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|more\s+than|over|upwards\s+of"
    r"|in\s+excess\s+of|a\s+minimum\s+of"
)
_UPPER_BOUND = (
    r"up\s+to|as\s+many\s+as|nearly|almost|close\s+to|at\s+most|fewer\s+than|less\s+than"
    r"|no\s+more\s+than|under"
)
_APPROXIMATE = r"about|around|approximately|roughly|some|an\s+estimated|estimated|a\s+total\s+of"
_DOZEN = r"(?:a|one|two|three|four|five|half\s+a)\s+dozen\b"
_VAGUE = (
    r"(?:tens|dozens|scores|hundreds|thousands)\b(?:\s+of)?|several|a\s+few|few|many|some"
    r"|a\s+number\s+of|multiple|numerous|a\s+handful\s+of|an\s+unknown\s+number\s+of"
    r"|all\s+those|everyone|everybody"
)
# Atomic: once a quantity is read, the rest of a pattern never needs a shorter one.
QUANTITY = (
    rf"(?>between\s+{CORE}\s+and\s+{CORE}"
    rf"|(?:(?:{_LOWER_BOUND}|{_UPPER_BOUND}|{_APPROXIMATE})\s+)?(?:{_DOZEN}|{CORE}"
    rf"(?:\s*(?:-|–|to|or)\s*{CORE})?)"
    rf"|(?:{_VAGUE})\b)"
)
# Every word a QUANTITY can begin with, so that callers try the (slow to fail) grammar only
# where it can match.
QUANTITY_FIRST_WORDS = frozenset(
    _UNITS[1:]
    + _TENS
    + (
        "a an between at no not more over upwards in up as nearly almost close fewer less under"
        " about around approximately roughly some estimated half tens dozens scores hundreds"
        " thousands several few many multiple numerous all everyone everybody"
    ).split()
)
_LOWER_RE = re.compile(_LOWER_BOUND)
_UPPER_RE = re.compile(_UPPER_BOUND)
_QUALIFIER_RE = re.compile(rf"(?:{_LOWER_BOUND}|{_UPPER_BOUND}|{_APPROXIMATE}) ")
_CORE_RE = re.compile(CORE)
_DOZEN_RE = re.compile(_DOZEN)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int | None
    low: int | None = None
    high: int | None = None


def word_number(words: str) -> int:
    """ "two hundred and fifty" → 250, "twenty-one" → 21, "1,200" → 1200."""
    if words[0].isdigit():
        return int(words.replace(",", ""))
    total = 0
    for word in re.findall(r"[a-z]+", words):
        if word in _MULTIPLIERS:
            total = max(total, 1) * _MULTIPLIERS[word]
        elif word != "and":
            total += WORD_VALUES.get(word, 1 if word == "a" else 0)
    return total


def _vague(phrase: str, vague: MappingProxyType[str, int | None]) -> Quantity | None:
    dozen = _DOZEN_RE.fullmatch(phrase)
    if dozen:
        head = phrase.split()[0]
        return Quantity(6 if head == "half" else 12 * WORD_VALUES.get(head, 1))
    key = phrase.removesuffix(" of") if phrase.split()[0] in VAGUE_COUNTS else phrase
    if key not in vague:
        return None
    if key in _PLURAL_UNITS:  # "dozens" is at least the one dozen ACLED codes
        return Quantity(vague[key], low=vague[key])
    return Quantity(vague[key])


def _bounded(value: int | None, qualifier: str) -> Quantity:
    if value is not None and _LOWER_RE.fullmatch(qualifier):
        return Quantity(value, low=value)
    if value is not None and _UPPER_RE.fullmatch(qualifier):
        return Quantity(value, high=value)
    return Quantity(value)


def parse_quantity(
    phrase: str, vague: MappingProxyType[str, int | None] = VAGUE_COUNTS
) -> Quantity:
    """The conservative reading of a phrase that ``QUANTITY`` matched (lower case)."""
    if phrase.isdigit():  # the common cases first: "6", "six"
        return Quantity(int(phrase))
    if phrase in WORD_VALUES:
        return Quantity(WORD_VALUES[phrase])
    phrase = _SPACES.sub(" ", phrase.strip())
    qualifier = _QUALIFIER_RE.match(phrase)
    rest = phrase[qualifier.end() :] if qualifier else phrase
    bound = qualifier.group().strip() if qualifier else ""
    named = _vague(rest, vague)
    if named is not None:
        return named if named.value is None or not bound else _bounded(named.value, bound)
    numbers = [word_number(m.group()) for m in _CORE_RE.finditer(rest)]
    if not numbers:
        return Quantity(None)
    if len(numbers) > 1:
        low, high = min(numbers), max(numbers)
        return Quantity(low, low=low, high=high)
    return _bounded(numbers[0], bound)
