"""Counts of people killed, wounded, abducted, arrested or missing, as a text states them.

``find_casualties`` returns every count with character offsets, its outcome, ACLED's
conservative value (see ``casualties_numbers`` for the number conventions and where they come
from) and who was counted when the text says ("fighters", "civilians"). Conflicting counts in
one text are all returned; the caller keeps the lowest, as ACLED does. A subset ("including 2
women") is not returned as a count of its own, and numbers of things ("11 tanks"), distances,
percentages and years are not counts of people. Works on lower-case text too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from types import MappingProxyType

from newstrace.records import CasualtyCount
from newstrace.stages.annotate import casualties_patterns as pat
from newstrace.stages.annotate.casualties_numbers import (
    QUANTITY,
    VAGUE_COUNTS,
    Quantity,
    parse_quantity,
)

Vague = MappingProxyType[str, int | None]
# Beginnings of every outcome word; each word starting with one is an anchor, and patterns run
# only near it (scanning a whole 800-word article with the subject pattern alone took 2.4 ms).
# Word starts only: "die" must not fire on every "soldier".
_PROBES = (
    "kill dead death die wound injur hurt harm lives life fatalit toll bodies kidnap abduct"
    " hostage captive arrest detain apprehend custody rounded missing unaccounted slain shot"
    " execut massacr murder behead perish gunned casualt assassin"
).split()
# (pattern, characters before, characters after its anchor that a match can reach): the
# outcome ends a SUBJECT match ("at least 5 members of the security forces, including 2
# women, were killed": 150 before), starts an OBJECT one (quantity and six words of who after).
_REACH = 150
_PATTERNS = (
    (pat.SUBJECT, _REACH, 24),
    (pat.OBJECT, 20, 120),  # "claimed the lives of": the anchor "lives" is 12 in
    (pat.LEFT, 100, 24),
    (pat.TOLL, 16, 80),
    (pat.BODIES, 0, 100),
    (pat.NOUN_OF, 0, 100),
    (pat.SINGULAR, 100, 24),
    (pat.ZERO, 50, 40),
)
# The patterns that can start at a word: each is tried only at words it can begin with.
_STARTS: dict[str, list[tuple[re.Pattern[str], int, int]]] = {}
for _entry in _PATTERNS:
    for _first in pat.FIRST_WORDS[_entry[0]]:
        _STARTS.setdefault(_first, []).append(_entry)
_DIGIT_STARTS = [_entry for _entry in _PATTERNS if _entry[0] is pat.SUBJECT]
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WORD = re.compile(r"[a-z0-9]+")
# Determiners and pronouns that count one person ("a civilian was killed", "killing him").
_ONE = frozenset({"a", "an", "him", "her", "the", "his", "their", "its"})
# Comma-less four-digit numbers from 1800 to 2099 are years ("in 2014 fighters were killed");
# counts that large are written "2,014" in news style.
_YEARLIKE = re.compile(r"(?:1[89]|20)\d\d")
# Searching back for a coordinated part costs 33 µs; this check first costs under 1.
_JOINED_BEFORE = re.compile(r"(?:,|\band)\s+\Z")
_COORDINATED = re.compile(
    rf"(?P<q>{QUANTITY})(?:\s+(?P<who>{pat.WHO}))?(?P<sep>\s*(?:,\s*and|,|and))\s+\Z"
)


def find_casualties(text: str, *, vague: Vague = VAGUE_COUNTS) -> list[CasualtyCount]:
    """All casualty counts in ``text``, in order; overlapping readings keep the longest."""
    lower = text.lower()
    if len(lower) != len(text):  # a few non-ASCII letters change length when lowered
        lower = text.translate(_ASCII_LOWER)
    found: dict[tuple[int, int, str], CasualtyCount] = {}
    anchors = list(_anchors(lower))
    if not anchors:
        return []
    starts = _start_words(lower)
    for start, end in anchors:
        for count in _around(text, lower, starts, start, end, vague):
            found.setdefault((count.start, count.end, count.outcome), count)
    return _settle(list(found.values()))


def _start_words(lower: str) -> tuple[list[int], list[str]]:
    """Offsets and words where some pattern can start, in text order (one pass per text:
    rescanning every anchor's window cost 1 ms on a casualty-dense article)."""
    offsets: list[int] = []
    words: list[str] = []
    for word in _WORD.finditer(lower):
        if word.group() in _STARTS or word.group()[0].isdigit():
            offsets.append(word.start())
            words.append(word.group())
    return offsets, words


def _anchors(lower: str) -> Iterator[tuple[int, int]]:
    seen: set[int] = set()
    for probe in _PROBES:
        at = lower.find(probe)
        while at >= 0:
            end = at + len(probe)
            while end < len(lower) and lower[end].isalpha():
                end += 1
            if (at == 0 or not lower[at - 1].isalpha()) and at not in seen:
                seen.add(at)
                yield at, end
            at = lower.find(probe, end)


def _around(
    text: str, lower: str, starts: tuple[list[int], list[str]], start: int, end: int, vague: Vague
) -> Iterator[CasualtyCount]:
    """Counts whose match contains the anchor word at ``start``-``end``."""
    offsets, words = starts
    resume: dict[int, int] = {}  # by id: hashing a compiled pattern hashes all its code (8 µs)
    for index in range(bisect_left(offsets, start - _REACH), bisect_left(offsets, start + 1)):
        at, word = offsets[index], words[index]
        for pattern, before, after in _DIGIT_STARTS if word[0].isdigit() else _STARTS[word]:
            if at < start - before or at < resume.get(id(pattern), 0):
                continue
            match = pattern.match(lower, at, end + after)
            if match is None or match.end() < end:
                continue
            counts = _zero(match, text) if pattern is pat.ZERO else _one(match, text, lower, vague)
            yield from counts
            if counts:  # a rejected reading leaves room for a shorter one ("Feb 14 two soldiers")
                resume[id(pattern)] = match.end()


def _one(m: re.Match[str], text: str, lower: str, vague: Vague) -> list[CasualtyCount]:
    count = _count(m, text, lower, vague)
    return [] if count is None else [count]


def _count(m: re.Match[str], text: str, lower: str, vague: Vague) -> CasualtyCount | None:
    outcome = pat.outcome_of(m["o"])
    if outcome is None or _not_a_count(m, lower) or _irrealis(m, lower):
        return None
    who = _who(m, text)
    if who is not None and who.split()[-1].lower() in pat.NOT_PEOPLE:
        return None
    if m["q"] == "no":  # "no civilians were killed"; "no one" is the ZERO pattern's
        return _zero_count(m, text, outcome, who) if who and who != "one" else None
    quantity = _quantity(m["q"], who, vague)
    if quantity is None or (quantity.value is None and who is None and m.re is not pat.SUBJECT):
        return None  # "killed some 30 km away" left only "some"
    start, end = m.start(), m.end()
    if m.re is pat.SUBJECT:
        start, quantity, who = _coordinated(m, text, lower, quantity, who, vague)
    elif m.re is pat.OBJECT or m.re is pat.NOUN_OF:
        end, quantity, who = _more_objects(m, text, lower, quantity, who, vague)
    return CasualtyCount(
        start, end, text[start:end], outcome, quantity.value, quantity.low, quantity.high, who
    )


def _quantity(phrase: str, who: str | None, vague: Vague) -> Quantity | None:
    if phrase in _ONE:  # one when a person is named, or with "him"/"her"
        return Quantity(1) if who or phrase in {"him", "her"} else None
    return parse_quantity(phrase, vague)


def _not_a_count(m: re.Match[str], lower: str) -> bool:
    """A year or a day of the month; a subset ("including 2 women were killed"); perpetrators
    ("two gunmen killed"); a count of two outcomes at once ("were killed or injured")."""
    before = max(0, m.start("q") - 40)
    if _YEARLIKE.fullmatch(m["q"]) or pat.DATE_BEFORE.search(lower, before, m.start("q")):
        return True
    if (m.re is pat.SUBJECT or m.re is pat.LEFT) and pat.MIXED_AFTER.match(lower, m.end()):
        return True
    if m.re is not pat.SUBJECT:
        return False
    subset = pat.SUBSET_BEFORE.search(lower, before, m.start())
    return subset is not None or pat.is_active(m, lower)


def _irrealis(m: re.Match[str], lower: str) -> bool:
    """Attempts are not outcomes: "tried to capture or kill 29", "the intention of killing"."""
    if m.re is pat.SUBJECT:
        return False
    return pat.IRREALIS_BEFORE.search(lower, max(0, m.start() - 48), m.start()) is not None


def _who(m: re.Match[str], text: str) -> str | None:
    if m["who"] is None:
        return None
    return text[m.start("who") : m.end("who")]


def _coordinated(
    m: re.Match[str], text: str, lower: str, quantity: Quantity, who: str | None, vague: Vague
) -> tuple[int, Quantity, str | None]:
    """One count over a list of subjects: "two soldiers and three civilians were killed" is 5.

    The part next to the verb must be joined by "and" (a bare comma more often ends another
    clause: "killed 6 civilians, 3 soldiers were wounded"), and no part may be the object of
    an outcome verb of its own.
    """
    start, value, people = m.start(), quantity.value, [who] if who else []
    while m.re is pat.SUBJECT and _JOINED_BEFORE.search(lower, max(0, start - 8), start):
        part = _COORDINATED.search(lower, max(0, start - 100), start)
        if part is None or part["who"] is None or _after_verb(lower, part.start()):
            break
        if start == m.start() and "and" not in part["sep"]:
            break
        more = parse_quantity(part["q"], vague).value
        value = None if value is None or more is None else value + more
        people.insert(0, text[part.start("who") : part.end("who")])
        start = part.start()
    if start == m.start():
        return start, quantity, who
    return start, Quantity(value), ", ".join(people)


def _more_objects(
    m: re.Match[str], text: str, lower: str, quantity: Quantity, who: str | None, vague: Vague
) -> tuple[int, Quantity, str | None]:
    """One count over the objects of one verb: "killed an officer and a civilian" is 2."""
    end, value, people = m.end(), quantity.value, [who] if who else []
    while who is not None:
        part = pat.MORE_OBJECTS.match(lower, end)
        if part is None or pat.SUBJECT.match(lower, part.start("q")):
            break  # "killed 2 soldiers and 3 civilians were wounded": a clause of its own
        more = _quantity(part["q"], part["who"], vague)
        value = None if value is None or more is None or more.value is None else value + more.value
        people.append(text[part.start("who") : part.end("who")])
        end = part.end()
    if end == m.end():
        return end, quantity, who
    return end, Quantity(value), ", ".join(people)


def _after_verb(lower: str, start: int) -> bool:
    return pat.VERB_BEFORE.search(lower, max(0, start - 30), start) is not None


def _zero_count(m: re.Match[str], text: str, outcome: str, who: str | None) -> CasualtyCount:
    return CasualtyCount(m.start(), m.end(), text[m.start() : m.end()], outcome, 0, who=who)


def _zero(m: re.Match[str], text: str) -> list[CasualtyCount]:
    words = m["o"] or m["o2"]
    if "casualt" in words:  # "no casualties": nobody killed and nobody wounded
        return [_zero_count(m, text, "killed", None), _zero_count(m, text, "wounded", None)]
    outcome = pat.outcome_of(words)
    return [] if outcome is None else [_zero_count(m, text, outcome, None)]


def _settle(counts: list[CasualtyCount]) -> list[CasualtyCount]:
    """Of overlapping readings with the same outcome, the longest; then in text order."""
    kept: list[CasualtyCount] = []
    for count in sorted(counts, key=lambda c: (c.start - c.end, c.start)):
        if all(
            count.outcome != k.outcome or count.end <= k.start or count.start >= k.end for k in kept
        ):
            kept.append(count)
    return sorted(kept, key=lambda c: (c.start, c.outcome))
