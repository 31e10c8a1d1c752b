"""Sentence splitter: abbreviations, quotes, bullets, lower-case news, exact offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newstrace.stages.annotate.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_titles_ranks_and_initials_do_not_end_a_sentence() -> None:
    text = "Maj. Gen. Ivan Petrov met Dr. Lina Haddad and J. R. Okafor. They spoke."
    assert _texts(text) == [
        "Maj. Gen. Ivan Petrov met Dr. Lina Haddad and J. R. Okafor.",
        "They spoke.",
    ]


def test_dotted_acronyms_end_a_sentence_only_before_an_opener() -> None:
    text = "The U.S. Army left the base. Troops went back to the U.S. The base closed."
    assert _texts(text) == [
        "The U.S. Army left the base.",
        "Troops went back to the U.S.",
        "The base closed.",
    ]


def test_decimal_numbers_and_months_stay_whole() -> None:
    text = "The convoy drove 3.5 km on Jan. 5 and stopped. Nobody was hurt."
    assert _texts(text) == ["The convoy drove 3.5 km on Jan. 5 and stopped.", "Nobody was hurt."]


def test_numbered_abbreviations_only_before_a_number() -> None:
    text = "Brigade No. 5 held the hill. The answer was no. The army left."
    assert _texts(text) == ["Brigade No. 5 held the hill.", "The answer was no.", "The army left."]


def test_quotes_keep_their_closing_mark_and_speech_tags() -> None:
    text = "“Who fired first?” the mayor asked. “We did not. They did,” he said. Then he left."
    assert _texts(text) == [
        "“Who fired first?” the mayor asked.",
        "“We did not.",
        "They did,” he said.",
        "Then he left.",
    ]


def test_bullets_and_newlines_are_boundaries() -> None:
    text = (
        "Recent events:\n\n  • Shelling near the river\n  - A raid on the market\n1. Talks failed"
    )
    assert _texts(text) == [
        "Recent events:",
        "Shelling near the river",
        "A raid on the market",
        "Talks failed",
    ]


def test_lower_case_news_does_not_collapse() -> None:
    text = "the police said two men were held. a curfew was imposed. “we will act,” he said."
    assert _texts(text) == [
        "the police said two men were held.",
        "a curfew was imposed.",
        "“we will act,” he said.",
    ]


def test_full_stop_then_opening_quote_without_space() -> None:
    assert _texts("The meeting ended.“But nothing changed,” she said.") == [
        "The meeting ended.",
        "“But nothing changed,” she said.",
    ]


def test_offsets_are_exact_and_trimmed() -> None:
    text = "  First one.   Second one!\n\n Third?  "
    spans = split_sentences(text)
    assert spans == [(2, 12), (15, 26), (29, 35)]
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one!", "Third?"]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []


@given(st.text(alphabet=st.sampled_from(list("ab A.!?“”\"'\n•-1 U.S.")), max_size=200))
def test_spans_are_ordered_non_overlapping_and_inside(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


@given(st.text(max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
