"""Scoring one pair of event mentions: same incident or not, with the reasons kept.

Hard rules first (each a reason on its own), then a weighted score over date, place, sub-type,
actors, casualties and sentence text. Weights: date and place 0.25 each (ACLED's event unit is
one day × one place), sub-type and actors 0.15 each, text 0.15, casualties 0.05; a pair fuses at
``THRESHOLD`` 0.7, which a day-exact, same-town, same-sub-type pair with one side's actors
unknown reaches even with unrelated wording (0.25+0.25+0.15+0.075+0.025 = 0.75). A pair missing
the event day or a town-level place on either side ("weak") is decided by its words instead:
text similarity ≥ ``WEAK_TEXT`` with compatible actors, inside the date window the publication
dates allow and a compatible region — the date and place gates still apply. A side with no
date, no place and no named actor ("bare") joins another document only if no counts differ.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from newstrace.records import EventMention, MatchDecision
from newstrace.stages.fuse.blocking import (
    STOP_WORDS,
    date_window,
    named_actors,
    place_level,
)

THRESHOLD = 0.7
RULED_OUT = 0.0  # the score of a pair a hard rule separated: never one event (fuse_cluster)
WEAK_TEXT = 0.7  # no date or no place: token_set_ratio ≥ 70 on content words, actors not at odds
PARAGRAPH_CHARS = 600  # "same paragraph" without paragraph marks: sentences ≤ 600 chars apart
NEAR_KM = 25.0  # both town/site precise: ACLED codes one town, 25 km covers a town and outskirts
REGION_KM = 50.0  # "near"/part of a region (geo_precision 2): the town coded may be 50 km off
# With no date, place or actor on one side, only words tell two reports apart: in the 1k-document
# throughput bench 2 of 5 such cross-document fusions joined different counts ("3,976 persons
# arrested" with "over 50 persons were arrested"), the 3 right ones gave no count or the same one.
BARE = "no date, place or actor on one side"
COPY_REASON = "near-duplicate copy of document"
_WEIGHTS = {"date": 0.25, "place": 0.25, "sub": 0.15, "actors": 0.15, "cas": 0.05, "text": 0.15}
_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"dozen": "12", "dozens": "12", "tens": "10", "hundreds": "100", "thousands": "1000"}
_STOP = STOP_WORDS


@dataclass(slots=True)
class _Parts:
    values: dict[str, float]
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class Features:
    """What scoring reads from one mention, computed once per mention (not once per pair)."""

    m: EventMention
    window: tuple[date, date] | None
    exact: bool
    dated: bool
    level: str
    actors: frozenset[str]
    words: str

    @property
    def bare(self) -> bool:
        """No date window, no place and no named actor (``fuse_blocking.bare``)."""
        return self.window is None and self.level == "none" and not self.actors


def features(m: EventMention) -> Features:
    dated = m.date is not None and m.date.value is not None
    exact = dated and m.date is not None and m.date.precision == 1 and m.date.until is None
    return Features(
        m, date_window(m), exact, dated, place_level(m), actors_of(m), content_words(m.sentence)
    )


def distance_km(a: EventMention, b: EventMention) -> float | None:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return None
    if pa.latitude is None or pa.longitude is None or pb.latitude is None or pb.longitude is None:
        return None
    lat1, lat2 = math.radians(pa.latitude), math.radians(pb.latitude)
    dlon = math.radians(pb.longitude - pa.longitude)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))  # haversine, mean Earth radius


def content_words(sentence: str) -> str:
    words = re.findall(r"[a-z0-9]+", sentence.lower())
    return " ".join(w for w in words if w not in _STOP)


def text_similarity(fa: Features, fb: Features) -> float:
    return fuzz.token_set_ratio(fa.words, fb.words) / 100.0


def windows_meet(fa: Features, fb: Features) -> bool:
    """Whether the two date windows overlap (an unknowable window meets every other)."""
    wa, wb = fa.window, fb.window
    return wa is None or wb is None or (wa[0] <= wb[1] and wb[0] <= wa[1])


def date_part(fa: Features, fb: Features) -> tuple[float | None, str]:
    """Score in [0, 1], or None when the windows exclude each other."""
    wa, wb = fa.window, fb.window
    if wa is None or wb is None:
        return 0.3, "date unknown on one side"
    if wa[1] < wb[0] or wb[1] < wa[0]:
        return None, f"dates exclude each other ({wa[0]}..{wa[1]} vs {wb[0]}..{wb[1]})"
    if fa.exact and fb.exact:
        return 1.0, f"same day {wa[0]}"
    if not (fa.dated and fb.dated):
        return 0.3, "undated report within days of the other's date"
    return 0.6, "dates compatible at the coarser precision"


def place_part(fa: Features, fb: Features) -> tuple[float | None, str]:
    a, b, levels = fa.m, fb.m, (fa.level, fb.level)
    km = distance_km(a, b) if levels == ("precise", "precise") else None
    if km is not None and levels == ("precise", "precise"):
        assert a.place is not None and b.place is not None
        limit = NEAR_KM if max(a.place.geo_precision, b.place.geo_precision) == 1 else REGION_KM
        if km > limit:
            return None, f"{km:.0f} km apart (limit {limit:.0f} km)"
        return 1.0 - 0.5 * km / limit, f"{km:.0f} km apart"
    if "none" in levels or a.place is None or b.place is None:
        return 0.3, "place unknown on one side"
    if a.place.country and b.place.country and a.place.country != b.place.country:
        return None, f"different countries ({a.place.country} vs {b.place.country})"
    if a.place.admin1 and b.place.admin1 and a.place.admin1 != b.place.admin1:
        return None, f"different admin1 ({a.place.admin1} vs {b.place.admin1})"
    return 0.5, "place compatible at region level"


def sub_part(fa: Features, fb: Features) -> tuple[float | None, str]:
    a, b = fa.m, fb.m
    if a.sub_event_type == b.sub_event_type:
        return 1.0, f"same sub-type ({a.sub_event_type})"
    if "Strategic developments" in (a.event_type, b.event_type):
        return None, f"different strategic developments ({a.sub_event_type} vs {b.sub_event_type})"
    if a.event_type == b.event_type:
        return 0.5, f"same type, sub-types differ ({a.sub_event_type} vs {b.sub_event_type})"
    return 0.2, f"related types ({a.event_type} vs {b.event_type})"


def actors_of(m: EventMention) -> frozenset[str]:
    return named_actors(m)


def actor_part(fa: Features, fb: Features) -> tuple[float, str]:
    sa, sb = fa.actors, fb.actors
    if not sa or not sb:
        return 0.5, "actors unknown on one side (compatible)"
    shared = sa & sb
    if not shared:
        return 0.0, "no actor in common"
    return 0.5 + 0.5 * len(shared) / len(sa | sb), f"shared actors: {', '.join(sorted(shared))}"


def casualty_part(fa: Features, fb: Features) -> tuple[float, str]:
    ka, kb = fa.m.fatalities, fb.m.fatalities
    if ka is None or kb is None:
        return 0.5, "fatalities unknown on one side"
    if ka == kb:
        return 1.0, f"same fatalities ({ka})"
    if abs(ka - kb) <= max(1, 0.1 * max(ka, kb)):
        return 0.6, f"fatalities close ({ka} vs {kb})"
    return 0.2, f"fatalities differ ({ka} vs {kb})"


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Numbers that say when or how old, not how many: "8 am", "11:40 pm", "2017", "17 September",
# "September 17", "a 52-year-old". Left in, "the shells struck shortly after 8 am" would read as
# a count differing from the lede's "two civilians" and split one report into two incidents.
_NOT_COUNTS = re.compile(
    rf"\b\d{{1,2}}(?::\d{{2}})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{{1,2}}:\d{{2}}\b|"
    rf"\b(?:19|20)\d{{2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b|"
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,3}}-year-old",
    re.IGNORECASE,
)


def numbers(sentence: str) -> frozenset[str]:
    """Counts a sentence states ("3,000", "two"): differing counts mean different incidents.
    Times, years, days of the month and ages are not counts."""
    words = re.findall(r"[a-z]+|\d[\d,]*", _NOT_COUNTS.sub(" ", sentence).lower())
    return frozenset(
        w.replace(",", "") if w[0].isdigit() else _NUMBER_WORDS[w]
        for w in words
        if w[0].isdigit() or w in _NUMBER_WORDS
    )


def _same_paragraph(a: EventMention, b: EventMention) -> bool:
    """One document, same sub-type and place, close sentences, no differing numbers or dates."""
    if a.document_id != b.document_id or a.sub_event_type != b.sub_event_type:
        return False
    pa, pb = a.place, b.place
    if pa is not None and pb is not None and (pa.place_id or pa.name) != (pb.place_id or pb.name):
        return False
    if abs(a.sentence_start - b.sentence_start) > PARAGRAPH_CHARS:
        return False
    va = a.date.value if a.date else None
    vb = b.date.value if b.date else None
    na, nb = numbers(a.sentence), numbers(b.sentence)
    return (
        (va is None or vb is None or va == vb)
        and (a.fatalities is None or b.fatalities is None or a.fatalities == b.fatalities)
        and (not na or not nb or na == nb)
    )


def _gates(fa: Features, fb: Features) -> str | None:
    a, b = fa.m, fb.m
    if a.document_id == b.document_id and a.sub_event_type == b.sub_event_type:
        na, nb = numbers(a.sentence), numbers(b.sentence)
        if na and nb and na.isdisjoint(nb):  # one report giving two counts: two incidents
            counts = f"{', '.join(sorted(na))} vs {', '.join(sorted(nb))}"
            return f"one document states different counts ({counts})"
    if a.background != b.background:
        va = a.date.value if a.date and fa.exact else None
        vb = b.date.value if b.date and fb.exact else None
        if va is None or va != vb:
            return "background history never fuses with current news of another date"
    return None


def ruled_out(fa: Features, fb: Features) -> str | None:
    """The hard rule that keeps two mentions apart whatever else links them, if any."""
    blocked = _gates(fa, fb)
    if blocked or _same_paragraph(fa.m, fb.m):
        return blocked
    for part in (date_part, place_part, sub_part):
        value, why = part(fa, fb)
        if value is None:
            return why
    return None


def copy_decision(copy: EventMention, original: EventMention) -> MatchDecision:
    """A near-duplicate document's mention joins its original's: no scoring, the reason says so.

    The copy's sentence, sub-type and so its reading are the original's; scoring it against every
    report the original already meets would only repeat those scores (and, as syndicated copies
    pile up, turn blocking quadratic).
    """
    why = f"{COPY_REASON} {original.document_id}: same sentence and sub-type as its mention"
    a, b = sorted((copy.mention_id, original.mention_id))
    return MatchDecision(a, b, True, 1.0, (why,))


def compare(a: EventMention, b: EventMention) -> MatchDecision:
    """Same incident or not, with a score in [0, 1] and every reason that decided it."""
    return compare_features(features(a), features(b))


def compare_features(fa: Features, fb: Features) -> MatchDecision:
    if fa.m.mention_id > fb.m.mention_id:
        fa, fb = fb, fa
    ids = (fa.m.mention_id, fb.m.mention_id)
    blocked = _gates(fa, fb)
    if blocked:
        return MatchDecision(*ids, False, RULED_OUT, (blocked,))
    if _same_paragraph(fa.m, fb.m):
        why = "same paragraph of one document, same sub-type and place, no differing numbers"
        return MatchDecision(*ids, True, 1.0, (why,))
    parts = _Parts({}, [])
    for name, part in (("date", date_part), ("place", place_part), ("sub", sub_part)):
        value, why = part(fa, fb)
        parts.reasons.append(why)
        if value is None:
            return MatchDecision(*ids, False, RULED_OUT, tuple(parts.reasons))
        parts.values[name] = value
    return _finish(fa, fb, parts)


def _finish(fa: Features, fb: Features, parts: _Parts) -> MatchDecision:
    """Weighted score; a pair lacking the day or a town-level place is decided by its text."""
    ids = (fa.m.mention_id, fb.m.mention_id)
    for name, part in (("actors", actor_part), ("cas", casualty_part)):
        parts.values[name], why = part(fa, fb)
        parts.reasons.append(why)
    partial = sum(_WEIGHTS[k] * v for k, v in parts.values.items())
    weak = parts.values["date"] <= 0.3 or parts.values["place"] <= 0.5
    if not weak and partial + _WEIGHTS["text"] < THRESHOLD:  # the text cannot lift it: skip it
        return MatchDecision(*ids, False, round(partial, 3), tuple(parts.reasons))
    text = text_similarity(fa, fb)
    parts.reasons.append(f"text similarity {text:.2f}")
    score = round(partial + _WEIGHTS["text"] * text, 3)
    if not weak:
        return MatchDecision(*ids, score >= THRESHOLD, score, tuple(parts.reasons))
    if fa.m.document_id != fb.m.document_id and (fa.bare or fb.bare):
        na, nb = numbers(fa.m.sentence), numbers(fb.m.sentence)
        if na and nb and na.isdisjoint(nb):
            counts = f"{', '.join(sorted(na))} vs {', '.join(sorted(nb))}"
            parts.reasons.append(f"{BARE}: words alone decide, and the counts differ ({counts})")
            return MatchDecision(*ids, False, score, tuple(parts.reasons))
        parts.reasons.append(f"{BARE}: words alone decide, no differing counts")
    same = text >= WEAK_TEXT and parts.values["actors"] > 0.0
    parts.reasons.append(
        "no day or no town: text agrees and actors compatible"
        if same
        else "no day or no town: needs text ≥ 0.70 and compatible actors"
    )
    return MatchDecision(*ids, same, score, tuple(parts.reasons))
