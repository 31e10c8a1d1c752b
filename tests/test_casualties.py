"""Casualty counts: fictional sentences for each rule (also lower-cased, as IndiaPoliceEvents
text is), the real samples (read from ../shared at test time) and property checks. Every
sentence here is invented for the test."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.records import CasualtyCount
from newstrace.stages.annotate.casualties import find_casualties
from newstrace.stages.annotate.casualties_numbers import VAGUE_COUNTS, parse_quantity

Expected = tuple[str, int | None, str | None]  # outcome, value, who


def counts(text: str) -> list[Expected]:
    return [(c.outcome, c.value, c.who) for c in find_casualties(text)]


def both_cases(text: str) -> list[Expected]:
    """The counts of ``text``, checked to be the same when the text is lower-cased."""
    found = counts(text)
    lowered = [(o, v, w.lower() if w else None) for o, v, w in found]
    assert counts(text.lower()) == lowered
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen killed 6 civilians in the village.", [("killed", 6, "civilians")]),
        ("6 civilians were killed when a shell hit the market.", [("killed", 6, "civilians")]),
        ("A blast struck the bus, killing six.", [("killed", 6, None)]),
        ("The death toll rose to 12 on Sunday.", [("killed", 12, None)]),
        ("At least 5 dead after the clashes.", [("killed", 5, None)]),
        ("5 people lost their lives in the attack.", [("killed", 5, "people")]),
        ("Two policemen died of their wounds.", [("killed", 2, "policemen")]),
        ("The bodies of 3 men were found by the road.", [("killed", 3, "men")]),
        ("The raid claimed the lives of twenty-one villagers.", [("killed", 21, "villagers")]),
        ("A civilian was killed by a stray bullet.", [("killed", 1, "civilian")]),
        ("A 25-year-old man was shot dead at the gate.", [("killed", 1, "25-year-old man")]),
        ("The explosion left 4 people dead and 9 wounded.",
         [("killed", 4, "people"), ("wounded", 9, None)]),
        ("Airstrikes reportedly killed 850 fighters and destroyed 11 tanks.",
         [("killed", 850, "fighters")]),
        ("Two soldiers and three civilians were killed in the ambush.",
         [("killed", 5, "soldiers, civilians")]),
        ("On Mar 3 a guard was killed at the gate.", [("killed", 1, "guard")]),
        ("On Mar 3 two guards were killed at the gate.", [("killed", 2, "guards")]),
        ("Gunmen killed a traffic officer and a civilian downtown.",
         [("killed", 2, "traffic officer, civilian")]),
        ("A mine exploded under a shepherd, killing him.", [("killed", 1, None)]),
        ("The mayor of the town was assassinated by gunmen.", [("killed", 1, "mayor of the town")]),
        ("The raid ended with the killing of 2 IS militants.", [("killed", 2, "IS militants")]),
        ("A drone hit the car, killing all those inside.", [("killed", 3, None)]),
        ("Gunmen killed 6 civilians yesterday.", [("killed", 6, "civilians")]),
        ("Rescuers said 14 bodies were recovered from the rubble.", [("killed", 14, None)]),
    ],
)  # fmt: skip
def test_killed(sentence: str, expected: list[Expected]) -> None:
    assert both_cases(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Several SDF fighters were wounded in the strike.", [("wounded", 3, "SDF fighters")]),
        ("The shelling injured 14 students.", [("wounded", 14, "students")]),
        ("Police arrested 15 suspects after the riot.", [("arrested", 15, "suspects")]),
        ("Dozens of protesters were detained overnight.", [("arrested", 12, "protesters")]),
        ("Gunmen kidnapped two aid workers on the road.", [("abducted", 2, "aid workers")]),
        ("Seven fishermen were abducted from their boats.", [("abducted", 7, "fishermen")]),
        ("Four villagers are still missing after the raid.", [("missing", 4, "villagers")]),
    ],
)
def test_other_outcomes(sentence: str, expected: list[Expected]) -> None:
    assert both_cases(sentence) == expected


def test_wounded_are_not_fatalities() -> None:
    found = find_casualties("Six soldiers were wounded and two were killed.")
    assert [(c.outcome, c.value) for c in found] == [("wounded", 6), ("killed", 2)]


# --- ACLED number conventions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "low", "high"),
    [
        ("Up to 10 soldiers were killed.", 10, None, 10),
        ("Between 5 and 7 civilians were killed.", 5, 5, 7),
        ("Five to seven civilians were killed.", 5, 5, 7),
        ("Two or three guards were killed.", 2, 2, 3),
        ("More than 20 fighters were killed.", 20, 20, None),
        ("At least 5 people were killed.", 5, 5, None),
        ("Nearly 30 people were killed.", 30, None, 30),
        ("About 40 people were killed.", 40, None, None),
        ("Some 1,200 people were killed.", 1200, None, None),
        ("A dozen soldiers were killed.", 12, None, None),
        ("Two dozen soldiers were killed.", 24, None, None),
        ("Half a dozen soldiers were killed.", 6, None, None),
        ("Dozens of soldiers were killed.", 12, 12, None),
        ("Tens of soldiers were killed.", 10, 10, None),
        ("Hundreds of soldiers were killed.", 100, 100, None),
        ("Two hundred and fifty soldiers were killed.", 250, None, None),
        ("Several soldiers were killed.", 3, None, None),
        ("A few soldiers were killed.", 3, None, None),
        ("An unknown number of soldiers were killed.", 3, None, None),
    ],
)
def test_acled_number_conventions(
    sentence: str, value: int | None, low: int | None, high: int | None
) -> None:
    (count,) = find_casualties(sentence)
    assert (count.outcome, count.value, count.low, count.high) == ("killed", value, low, high)


def test_vague_words_are_configurable() -> None:
    custom = MappingProxyType({**VAGUE_COUNTS, "several": None})
    (count,) = find_casualties("Several soldiers were killed.", vague=custom)
    assert count.value is None
    assert parse_quantity("several").value == 3


# --- zero counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("No one was killed in the blast.", [("killed", 0, None)]),
        ("Nobody was hurt, police said.", [("wounded", 0, None)]),
        ("The unit was rescued without loss of life.", [("killed", 0, None)]),
        ("There were no casualties.", [("killed", 0, None), ("wounded", 0, None)]),
        ("No deaths were reported.", [("killed", 0, None)]),
        ("No civilians were killed in the raid.", [("killed", 0, "civilians")]),
    ],
)
def test_zero(sentence: str, expected: list[Expected]) -> None:
    assert both_cases(sentence) == expected


# --- subsets, conflicts, perpetrators ----------------------------------------------------------


def test_subsets_are_not_added() -> None:
    assert counts("The attack killed 6 civilians, including 2 women.") == [
        ("killed", 6, "civilians")
    ]
    assert counts("6 people, including 2 women, were killed.") == [("killed", 6, "people")]
    assert counts("Ten died; among them 4 children were killed.") == [("killed", 10, None)]


def test_conflicting_counts_are_all_returned() -> None:
    text = "Officials said 8 people were killed. Medics said 11 people were killed."
    assert [c.value for c in find_casualties(text)] == [8, 11]


def test_perpetrators_are_not_victims() -> None:
    assert counts("Two gunmen killed 5 people at the market.") == [("killed", 5, "people")]
    assert counts("A car bomb killed a soldier.") == [("killed", 1, "soldier")]


def test_participles_before_nouns_and_active_perfects() -> None:
    assert counts("Papers were found on one of the arrested men.") == []
    assert counts("A mob of 1,000 people had injured nine policemen.") == [
        ("wounded", 9, "policemen")
    ]
    assert counts("Eight other bodies requested a hearing.") == []


def test_coordination_needs_and_next_to_the_verb() -> None:
    assert counts("Gunmen killed 6 civilians, 3 soldiers were wounded.") == [
        ("killed", 6, "civilians"),
        ("wounded", 3, "soldiers"),
    ]


# --- numbers that are not casualties -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "They tried to capture or kill 29 Russian military policemen deployed to the zone.",
        "Jihadists surrounded 29 Russian military policemen with the intention of killing them.",
        "More than 87 percent of the territory was freed.",
        "Fighters were killed 55 km from the town.",
        "In 2014 fighters were killed in the valley.",
        "The strikes destroyed 11 tanks and 46 pick-up trucks.",
        "Officials said 4 were not killed but held.",
        "The offensive could kill 40 people, analysts warned.",
        "He was killed in 2013 near the border.",
        "Fighting lasted 3 days and killed no one we know of",
        "Relatives of those killed, 11 relatives of those killed, marched.",
        "Officials said 6 militants were killed or injured in the strikes.",
    ],
)
def test_not_casualty_counts(sentence: str) -> None:
    assert [c for c in find_casualties(sentence) if c.value] == []


# --- real samples (read from ../shared at test time) -------------------------------------------


@pytest.mark.shared
def test_sample_003(samples_dir: Path) -> None:
    text = next(samples_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    found = find_casualties(text)
    assert ("killed", 850, "fighters") in [(c.outcome, c.value, c.who) for c in found]
    wounded = [c for c in found if c.outcome == "wounded"]
    assert [c.text for c in wounded] == ["Several SDF fighters were wounded"]
    assert [c.text for c in found if c.value == 0] == ["without loss of life"]
    assert all("29" not in c.text and "11 tanks" not in c.text for c in found)
    assert len(find_casualties(text.lower())) == len(found)


@pytest.mark.shared
def test_sample_000_has_no_counts(samples_dir: Path) -> None:
    text = next(samples_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    assert find_casualties(text) == []


# --- properties --------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    "killed were was 6 six civilians at least no one dozens of including , . and between "
    "to left dead wounded death toll rose 2014 2,500 percent km a an the injuring "
    "nobody casualties without loss of life bodies several up nearly".split()
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=30).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_never_raises_and_offsets_slice(text: str) -> None:
    found: list[CasualtyCount] = find_casualties(text)
    for count in found:
        assert text[count.start : count.end] == count.text
        assert count.value is None or count.value >= 0
        assert count.outcome in {"killed", "wounded", "abducted", "arrested", "missing"}
