"""Temporal expressions: fictional sentences for each rule, the real samples (read from
../shared at test time) and property checks. Every sentence here is invented for the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.records import DateMention
from newstrace.stages.annotate.temporal import document_date_hint, find_dates

FRIDAY = date(2018, 1, 5)  # a Friday: weekday arithmetic below depends on it


def only(text: str, published: date | None = None) -> DateMention:
    mentions = find_dates(text, published=published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def by_text(text: str, published: date | None) -> dict[str, DateMention]:
    return {m.text: m for m in find_dates(text, published=published)}


# --- absolute dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "value"),
    [
        ("Fighting broke out on 4 January 2018 near the town.", "4 January 2018", date(2018, 1, 4)),
        ("Gunmen struck on January 4, 2018, at a checkpoint.", "January 4, 2018", date(2018, 1, 4)),
        ("The statement was dated 04.01.2018 by the ministry.", "04.01.2018", date(2018, 1, 4)),
        ("A convoy was hit (2018-01-04) on the road.", "2018-01-04", date(2018, 1, 4)),
        ("It began on the 4th of January 2018.", "4th of January 2018", date(2018, 1, 4)),
        ("Shelling resumed Sept. 17, 2017 at dawn.", "Sept. 17, 2017", date(2017, 9, 17)),
        ("The ceasefire of 12/31/2017 held.", "12/31/2017", date(2017, 12, 31)),
        ("Clashes were reported on 4 may 2015 in the district.", "4 may 2015", date(2015, 5, 4)),
    ],
)
def test_absolute_day(sentence: str, words: str, value: date) -> None:
    mention = only(sentence)
    assert (mention.text, mention.value, mention.precision) == (words, value, 1)
    assert sentence[mention.start : mention.end] == words
    assert mention.until is None and not mention.relative


@pytest.mark.parametrize(
    ("sentence", "words", "first", "last"),
    [
        (
            "The town fell in May 2015 after a siege.",
            "May 2015",
            date(2015, 5, 1),
            date(2015, 5, 31),
        ),
        (
            "Militants entered the city on May, 2015.",
            "May, 2015",
            date(2015, 5, 1),
            date(2015, 5, 31),
        ),
        (
            "Later on September 2017, fighters left.",
            "September 2017",
            date(2017, 9, 1),
            date(2017, 9, 30),
        ),
        ("The unit was formed in 2014 by the army.", "2014", date(2014, 1, 1), date(2014, 12, 31)),
        ("Bombers cut the roads in late 2015.", "late 2015", date(2015, 9, 1), date(2015, 12, 31)),
        (
            "Talks stalled by mid-2016 in the capital.",
            "mid-2016",
            date(2016, 5, 1),
            date(2016, 8, 31),
        ),
        (
            "It happened at the end of March 2016.",
            "the end of March 2016",
            date(2016, 3, 21),
            date(2016, 3, 31),
        ),
        (
            "Advisers trained the group in the 1970s.",
            "the 1970s",
            date(1970, 1, 1),
            date(1979, 12, 31),
        ),
        (
            "Advisers came in the 1970’s, it said.",
            "the 1970’s",
            date(1970, 1, 1),
            date(1979, 12, 31),
        ),
    ],
)
def test_month_year_decade_precision_3(sentence: str, words: str, first: date, last: date) -> None:
    mention = only(sentence)
    assert (mention.text, mention.value, mention.until, mention.precision) == (
        words,
        first,
        last,
        3,
    )


def test_ranges() -> None:
    mention = only("Fighting raged between 3 and 5 May 2018 in the east.")
    assert (mention.text, mention.value, mention.until) == (
        "between 3 and 5 May 2018",
        date(2018, 5, 3),
        date(2018, 5, 5),
    )
    assert mention.precision == 2
    span = only("Raids ran from 28 February to 2 March 2018, officials said.")
    assert (span.value, span.until, span.precision) == (date(2018, 2, 28), date(2018, 3, 2), 2)
    long = only("Sieges lasted from 1 to 20 June 2017.")
    assert (long.value, long.until, long.precision) == (date(2017, 6, 1), date(2017, 6, 20), 3)
    month_first = only("Protests on May 3-5 were dispersed.", date(2018, 6, 1))
    assert (month_first.value, month_first.until) == (date(2018, 5, 3), date(2018, 5, 5))


def test_two_days_joined_by_and_without_between_stay_apart() -> None:
    assert [m.text for m in find_dates("Raids on 3 and 5 May 2018.", published=None)] == [
        "5 May 2018"
    ]


def test_impossible_days_are_not_days() -> None:
    # "31 February 2018" still names a month; never a day that does not exist.
    mention = only("The report of 31 February 2018 was forged.")
    assert (mention.text, mention.value, mention.precision) == (
        "February 2018",
        date(2018, 2, 1),
        3,
    )
    assert find_dates("Dated 2018-02-30 in the file.", published=None) == []


# --- year inference for partial dates ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("The base was attacked on December 23.", date(2018, 1, 5), date(2017, 12, 23)),
        ("The outlet reported on January 4.", date(2018, 1, 5), date(2018, 1, 4)),
        ("Jets struck on 17 September, the army said.", date(2017, 9, 28), date(2017, 9, 17)),
        ("Talks are due on 2 October in the capital.", date(2017, 9, 28), date(2017, 10, 2)),
        ("The dam was seized on 20 October.", date(2017, 9, 28), date(2016, 10, 20)),
        ("Rebels withdrew on June 4.", date(2018, 1, 5), date(2017, 6, 4)),
        ("It was an attack on 29 February.", date(2021, 3, 1), date(2020, 2, 29)),
    ],
)
def test_partial_dates_take_the_year_from_publication(
    sentence: str, published: date, value: date
) -> None:
    mention = only(sentence, published)
    assert (mention.value, mention.precision) == (value, 1)


def test_no_year_is_invented_without_publication_date() -> None:
    for sentence in ("The base was attacked on December 23.", "Jets struck on 17 September."):
        mention = only(sentence)
        assert mention.value is None and mention.until is None
        assert mention.text in sentence and mention.precision == 1


def test_month_without_year() -> None:
    mention = only("Protests spread in July across the south.", date(2017, 9, 28))
    assert (mention.text, mention.value, mention.until) == (
        "July",
        date(2017, 7, 1),
        date(2017, 7, 31),
    )
    later = only("Protests spread in November across the south.", date(2017, 9, 28))
    assert later.value == date(2016, 11, 1)
    mid = only("Raids intensified in mid-May, residents said.", date(2017, 9, 28))
    assert (mid.text, mid.value, mid.until, mid.precision) == (
        "mid-May",
        date(2017, 5, 11),
        date(2017, 5, 20),
        3,
    )
    assert only("Protests spread in July across the south.").value is None


# --- relative expressions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "value", "until", "precision"),
    [
        ("Gunmen attacked on Monday, police said.", "Monday", date(2018, 1, 1), None, 1),
        ("A raid on Friday left the market shut.", "Friday", FRIDAY, None, 1),
        ("The office closed last Friday.", "last Friday", date(2017, 12, 29), None, 1),
        ("Talks resume next Tuesday.", "next Tuesday", date(2018, 1, 9), None, 1),
        ("Shells fell yesterday on the camp.", "yesterday", date(2018, 1, 4), None, 1),
        ("The governor spoke today in the city.", "today", FRIDAY, None, 1),
        ("Mortars hit the camp overnight.", "overnight", date(2018, 1, 4), None, 1),
        (
            "Shells fell on Thursday night near the bridge.",
            "Thursday night",
            date(2018, 1, 4),
            None,
            1,
        ),
        ("The convoy was hit at dawn on Friday.", "at dawn on Friday", FRIDAY, None, 1),
        ("Two homes burned two days ago.", "two days ago", date(2018, 1, 3), None, 1),
        ("Arrests continued this week in the north.", "this week", date(2018, 1, 1), FRIDAY, 2),
        (
            "Dozens marched last week in the capital.",
            "last week",
            date(2017, 12, 25),
            date(2017, 12, 31),
            2,
        ),
        (
            "Curfews were imposed earlier this month.",
            "earlier this month",
            date(2018, 1, 1),
            FRIDAY,
            3,
        ),
        (
            "Prices rose last month in the city.",
            "last month",
            date(2017, 12, 1),
            date(2017, 12, 31),
            3,
        ),
        (
            "An offensive may come this spring.",
            "this spring",
            date(2018, 3, 1),
            date(2018, 5, 31),
            3,
        ),
        (
            "Roads reopened three weeks ago.",
            "three weeks ago",
            date(2017, 12, 11),
            date(2017, 12, 17),
            2,
        ),
    ],
)
def test_relative_resolved_from_publication(
    sentence: str, words: str, value: date, until: date | None, precision: int
) -> None:
    mention = only(sentence, FRIDAY)
    assert (mention.text, mention.value, mention.until, mention.precision) == (
        words,
        value,
        until,
        precision,
    )
    assert mention.relative


def test_relative_without_publication_keeps_words_only() -> None:
    for sentence in (
        "Gunmen attacked on Monday.",
        "Shells fell yesterday.",
        "It rained last week.",
    ):
        mention = only(sentence)
        assert mention.value is None and mention.relative and mention.text in sentence


def test_weekday_before_a_date_is_one_mention() -> None:
    mention = only("The raid came on Monday, 4 January 2016, before dawn.")
    assert (mention.text, mention.value) == ("Monday, 4 January 2016", date(2016, 1, 4))


def test_lower_case_text() -> None:
    found = by_text("on monday police arrested two men; on 4 may 2015 a rally was held", FRIDAY)
    assert found["monday"].value == date(2018, 1, 1)
    assert found["4 may 2015"].value == date(2015, 5, 4)
    assert only("the police station was attacked in march", date(2018, 6, 1)).value == date(
        2018, 3, 1
    )


# --- things that are not dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Threats come from the regime-held areas against our forces in the 55 zone.",
        "They may attack the base again.",
        "this may change soon, they said",
        "Protesters march to the square every evening.",
        "Fighters surrounded 29 Russian military policemen at the post.",
        "Some 2,500 people fled and 87 percent of homes were damaged.",
        "The alarm sounded at 14:32 and again at 15:05.",
        "He compared it to 9/11 in the speech.",
        "The Sunday Times printed the claim.",
        "Troops fall back to the river.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, published=FRIDAY) == []


# --- document date hint ------------------------------------------------------------------------


def test_document_date_hint() -> None:
    assert document_date_hint("Town blackout\nThis story is from March 10, 2002\n\nBody.") == date(
        2002, 3, 10
    )
    assert document_date_hint("Published: Monday, 10 March 2002\nGunmen …") == date(2002, 3, 10)
    assert document_date_hint("BAGHDAD, March 10, 2002 — Gunmen attacked.") == date(2002, 3, 10)
    assert document_date_hint("Gunmen attacked a post on 10 March.") is None
    deep = "Title\n\n" + "Nothing happened here at all. " * 40 + "It began on 4 January 2018."
    assert document_date_hint(deep) is None


# --- real samples (read from ../shared at test time) -------------------------------------------


def _sample(samples_dir: Path, prefix: str) -> str:
    return next(samples_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.shared
def test_sample_000(samples_dir: Path) -> None:
    text = _sample(samples_dir, "000")
    unknown = by_text(text, None)
    assert unknown["December 23"].value is None and unknown["January 4"].value is None
    known = by_text(text, date(2018, 1, 5))
    assert known["December 23"].value == date(2017, 12, 23)
    assert known["January 4"].value == date(2018, 1, 4)
    for found in (unknown, known):
        assert (found["May, 2015"].value, found["May, 2015"].precision) == (date(2015, 5, 1), 3)
        assert (found["September 2017"].value, found["September 2017"].precision) == (
            date(2017, 9, 1),
            3,
        )
    assert "55" not in " ".join(unknown)


@pytest.mark.shared
def test_sample_003(samples_dir: Path) -> None:
    text = _sample(samples_dir, "003")
    found = by_text(text, None)
    assert found["17 September"].value is None
    assert found["28 September"].value is None
    assert found["late 2015"].value == date(2015, 9, 1)
    assert all(not m.text.startswith("29") for m in found.values())


# --- properties --------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    "on in the between and to - from May may march 4 17 2015 2018 1970s ’s , . Monday "
    "monday yesterday last week ago two days mid- late early September Sept. 04.01.2018 "
    "2018-01-04 31 February 29 this spring night at dawn".split()
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=30).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.one_of(st.none(), st.dates()))
def test_never_raises_and_offsets_slice(text: str, published: date | None) -> None:
    for mention in find_dates(text, published=published):
        assert text[mention.start : mention.end] == mention.text
        assert mention.precision in (1, 2, 3)
        if mention.until is not None:
            assert mention.value is not None and mention.until >= mention.value
    document_date_hint(text)
