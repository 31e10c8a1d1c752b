"""Golden checks for the text-dump cleaner: real pages, fictional fixtures, properties.

Real pages are read at test time and only short probe phrases appear here; the fixtures in
``fixtures/dumps`` are fictional pages written for these tests.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.records import Extraction
from newstrace.stages.extract import textdump_lexicon as lex
from newstrace.stages.extract.textdump import clean_text_dump


def _sample(samples_dir: Path, prefix: str) -> str:
    (path,) = samples_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _fixture(fixtures_dir: Path, name: str) -> Extraction:
    return clean_text_dump((fixtures_dir / "dumps" / name).read_text(encoding="utf-8"))


def _assert_body(found: Extraction, must: list[str], must_not: list[str]) -> None:
    for phrase in must:
        assert phrase in found.body, phrase
    for phrase in must_not:
        assert phrase not in found.body, phrase


# --- real pages ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(samples_dir: Path) -> Extraction:
    return clean_text_dump(_sample(samples_dir, "000"))


@pytest.fixture(scope="module")
def opinion(samples_dir: Path) -> Extraction:
    return clean_text_dump(_sample(samples_dir, "003"))


@pytest.mark.shared
def test_report_title_outlet_and_no_invented_date(report: Extraction) -> None:
    title = "Russia Refused To support US-led Coalition Operations In al-Tanaf Area – Report"
    assert report.title == title
    assert report.outlet == "SouthFront"
    assert report.published is None  # "reported on January 4" is a story date, not a dateline
    assert report.method == "text-dump"


@pytest.mark.shared
def test_report_body(report: Extraction) -> None:
    must = [
        "The US-led coalition requested Russia",
        "we understood that it will be a long commitment",
        "around al-Tanaf base on December 23",
        "according to Syrian pro-government activists.",
    ]
    must_not = [
        "Support SouthFront",
        "Click to see the full-size image",
        "2,500 $",
        "Notify of",
        "Well done Russia",
        "Feudalism Victory",
        "Would love your thoughts",
    ]
    _assert_body(report, must, must_not)
    assert report.body.count("Russia Refused To support") == 0  # title copies are not body
    assert report.body.startswith("The US-led coalition requested Russia")


@pytest.mark.shared
def test_report_comments(report: Extraction) -> None:
    comments = report.comments
    assert len(comments) >= 30
    authors = {comment.author for comment in comments}
    for name in ["Claire Langoulant", "Jim Martin", "Feudalism Victory", "Melotte 22"]:
        assert name in authors
    assert "Carol Davidek-Waller" in authors
    (reply,) = [c for c in comments if c.text.startswith("We most certainly do")]
    assert reply.author is None
    assert any(c.author is None for c in comments if c is not reply)
    assert all("Would love your thoughts" not in c.text for c in comments)
    assert all(c.text.strip() and "Notify of" not in c.text for c in comments)
    first = next(c for c in comments if c.author == "Claire Langoulant")
    assert first.text.startswith("Well done Russia")


@pytest.mark.shared
def test_report_comment_paragraphs_stay_together(report: Extraction) -> None:
    (bill,) = [c for c in report.comments if c.author == "Bill Rood"]
    assert bill.text.count("\n\n") == 1  # two paragraphs separated by a single blank line


@pytest.mark.shared
def test_opinion_metadata(opinion: Extraction) -> None:
    assert opinion.title == "ISIS, US, HSD and Al-Qaeda: the Anti-Syrian Coalition"
    assert opinion.author == "Paul Mansfield"
    assert opinion.outlet == "Syria News"
    assert opinion.published is None
    assert opinion.comments == ()


@pytest.mark.shared
def test_opinion_body(opinion: Extraction) -> None:
    must = [
        "ISIS mortar fire killed Russian Lieutenant General Valery Asapov",
        "• The US accusing Russia of bombing the HSD",
        "• Capture and kill Russian military police in a propaganda coup",
        "You are not wanted in Syria.",
    ]
    must_not = [
        "Menu Close",
        "image-ISIS Terrorists parading US weapons",
        "Latest News",
        "successfully subscribed",
        "GDPR",
        "Terrorist Trump Bombed SAAF Base",
        "US Signs Agreement with US",
        "— Paul Mansfield",
    ]
    _assert_body(opinion, must, must_not)
    assert opinion.body.endswith("You are not wanted in Syria.")


@pytest.mark.shared
def test_real_body_paragraphs_are_verbatim(samples_dir: Path) -> None:
    for prefix in ("000", "003"):
        text = _sample(samples_dir, prefix)
        found = clean_text_dump(text)
        for paragraph in found.body.split("\n\n"):
            assert paragraph in text
        for comment in found.comments:
            for paragraph in comment.text.split("\n\n"):
                assert paragraph in text


# --- fictional fixtures -------------------------------------------------------------------


def test_wire_story(fixtures_dir: Path) -> None:
    found = _fixture(fixtures_dir, "wire_kabul.txt")
    assert found.title == "Checkpoint attack kills four police officers near Kabul, ministry says"
    assert found.author == "Jane Doe"
    assert found.published == date(2024, 3, 3)  # not the February 25 raid in the story
    assert found.outlet == "newstrace demo (fictional)"
    must = [
        "KABUL, March 3 (newstrace demo) — Gunmen attacked",
        "His account could not be independently verified.",
        "blamed on a local armed group.",
    ]
    must_not = [
        "Skip to content",
        "By Jane Doe",
        "Published March 3",
        "(Photo: newstrace demo)",
        "Click to enlarge",
        "READ MORE",
        "Related coverage",
        "Three killed in Herat",
        "All rights reserved",
        "Privacy policy",
        "Reporting by Jane Doe",  # the wire credit line closes the story but is not part of it
    ]
    _assert_body(found, must, must_not)
    assert found.comments == ()


def test_disqus_thread(fixtures_dir: Path) -> None:
    found = _fixture(fixtures_dir, "disqus_idlib.txt")
    assert found.title == "Shelling reported near Idlib market, monitors say"
    assert found.author == "Samir Haddad"
    assert found.published == date(2023, 5, 12)
    assert found.outlet == "newstrace demo (fictional)"
    _assert_body(
        found,
        ["Artillery shells struck", "after volunteers cleared the debris."],
        ["Share this", "Comments", "Ahmad K.", "staged", "min read", "Facebook"],
    )
    assert [c.author for c in found.comments] == ["Ahmad K.", "Farida Noor", "Dmitri_V"]
    assert all(c.published is None for c in found.comments)  # "2 years ago" has no anchor date
    farida = found.comments[1]
    assert farida.text.startswith("Source?") and farida.text.count("\n\n") == 1
    for junk in ("points", "Reply", "Share ›", "Powered by Disqus", "Atmeh", "Sort by"):
        assert all(junk not in c.text for c in found.comments), junk


def test_cookie_and_newsletter_chrome(fixtures_dir: Path) -> None:
    found = _fixture(fixtures_dir, "cookie_mosul.txt")
    assert found.title == "Mosul: aid convoy delayed at checkpoint, UN agency says"
    assert found.published == date(2022, 11, 9)  # "09.11.2022" is day.month.year
    assert found.outlet == "newstrace demo (fictional)"
    assert found.author is None
    _assert_body(
        found,
        ["MOSUL — A convoy of eleven trucks", "who asked not to be named."],
        ["cookies", "Accept all", "newsletter", "Email address", "Tags:", "Copyright", "Print"],
    )


def test_french_page(fixtures_dir: Path) -> None:
    found = _fixture(fixtures_dir, "fr_deir_ezzor.txt")
    assert found.title == "Syrie : des frappes signalées près de Deir ez-Zor, selon une ONG"
    assert found.author == "Claire Martin"
    assert found.published == date(2024, 2, 5)  # not the 28 janvier strikes in the story
    assert found.outlet == "newstrace demo (fictional)"
    _assert_body(
        found,
        ["DEIR EZ-ZOR (Syrie) — Des frappes", "le 28 janvier 2024."],
        ["Lire aussi", "Sur le même sujet", "Irak : un convoi", "commentaires", "cookies"],
    )
    assert [(c.author, c.published) for c in found.comments] == [
        ("Jean-Pierre L.", "2024-02-05"),
        ("Nadia", "2024-02-05"),
    ]
    assert all("Répondre" not in c.text for c in found.comments)


# --- small fictional cases ----------------------------------------------------------------

_PARA = (
    "Officials said the convoy was stopped near the bridge for several hours on Monday, "
    "in a fictional report written for newstrace tests."
)


def test_year_less_dateline_gives_no_date() -> None:
    found = clean_text_dump(f"Convoy halted near bridge\n\nHOMS, May 4 (Agency) — {_PARA}\n")
    assert found.published is None
    assert found.outlet == "Agency"  # the wire agency is the only outlet signal on the page


def test_ambiguous_slash_date_is_not_guessed() -> None:
    found = clean_text_dump(f"Convoy halted near bridge\n04/05/2021\n\n{_PARA}\n\n{_PARA}\n")
    assert found.published is None
    found = clean_text_dump(f"Convoy halted near bridge\n24/05/2021\n\n{_PARA}\n")
    assert found.published == date(2021, 5, 24)


def test_hard_wrapped_paragraphs_are_merged() -> None:
    wrapped = (
        "Officials said the convoy was stopped near the bridge for\n"
        "several hours on Monday, and that drivers were questioned about\n"
        "their permits before being allowed to continue towards the city.\n"
    )
    found = clean_text_dump(f"Convoy halted near bridge\n\n{wrapped}\n{_PARA}\n")
    assert found.body.split("\n\n")[0] == wrapped.strip()
    assert found.title == "Convoy halted near bridge"


def _page(*parts: str) -> str:
    return "Convoy halted near bridge\n\n" + "\n\n".join(parts) + "\n"


def test_comment_counter_in_the_header_does_not_open_the_thread() -> None:
    found = clean_text_dump(
        _page(_PARA, "3 Comments\nBy Jane Doe", f"{_PARA} One.", "Background", f"{_PARA} Two.")
    )
    assert found.comments == () and found.author == "Jane Doe"
    assert f"{_PARA} Two." in found.body and "Background" in found.body
    assert "3 Comments" not in found.body


def test_relative_time_under_a_teaser_is_not_a_thread() -> None:
    found = clean_text_dump(_page(_PARA, "Updated 2 hours ago", f"{_PARA} One.", f"{_PARA} Two."))
    assert found.comments == () and "hours ago" not in found.body
    assert found.body.endswith(f"{_PARA} Two.")


def test_quote_introduced_by_says_stays_in_the_article() -> None:
    quote = "“We will not leave the city until the shelling stops,” she said in a fictional quote."
    found = clean_text_dump(_page(_PARA, f"{_PARA} One.", "Amina Yusuf says:", quote))
    assert found.comments == () and quote in found.body


def test_single_comment_thread() -> None:
    comment = "I was there, it was worse than this."
    for thread in (f"1 Comment\nJane Roe\n{comment}", f"Jane Roe\n{comment}\nReply"):
        found = clean_text_dump(_page(_PARA, f"{_PARA} Two.", thread))
        assert [(c.author, c.text) for c in found.comments] == [("Jane Roe", comment)]
        assert comment not in found.body and "Jane Roe" not in found.body


def test_wordpress_says_thread() -> None:
    thread = "Omar says:\nSeptember 2, 2022 at 3:14 pm\nNobody is held accountable.\nReply"
    found = clean_text_dump(_page(_PARA, f"{_PARA} Two.", thread))
    assert [(c.author, c.published) for c in found.comments] == [("Omar", "2022-09-02")]


def test_byline_row_above_the_body_is_not_the_title() -> None:
    for head in ("", "Convoy halted near bridge\n\n"):
        found = clean_text_dump(
            f"{head}Jane Doe | Updated 3 hours ago\n\n{_PARA}\n\n{_PARA} Two.\n"
        )
        assert found.title == (head.strip() or None) and found.author == "Jane Doe"
        assert "Jane Doe" not in found.body


def test_opinions_after_a_signature_are_comments() -> None:
    opinions = ["I don't believe any of this.", "Why does nobody ask the drivers? Shame!"]
    found = clean_text_dump(_page(_PARA, f"{_PARA} Two.", "— Jane Doe", *opinions))
    assert found.author == "Jane Doe" and found.body.endswith(f"{_PARA} Two.")
    assert [(c.author, c.text) for c in found.comments] == [(None, text) for text in opinions]


def test_a_closing_paragraph_in_the_first_person_stays_in_the_article() -> None:
    closing = "I asked the ministry for comment but did not hear back."
    found = clean_text_dump(_page(_PARA, f"{_PARA} Two.", "Share", closing))
    assert found.comments == () and closing in found.body  # one such line is the reporter's


def test_dated_said_headers_open_a_thread() -> None:
    thread = (
        "Jo Smith on September 12, 2018 at 4:47 pm said:\nAny update on the convoy?\n\n"
        "Ali (Desk) on September 13, 2018 at 5:23 pm said:\nNot yet, we are checking.\n"
    )
    found = clean_text_dump(_page(_PARA, f"{_PARA} Two.", thread))
    assert [(c.author, c.published) for c in found.comments] == [
        ("Jo Smith", "2018-09-12"),
        ("Ali (Desk)", "2018-09-13"),
    ]


def test_interview_says_lines_stay_in_the_article() -> None:
    left = "“We left at dawn, before the shelling started again near the bridge.”"
    turns = ["Amina Yusuf says:", "“We stayed in the basement for two days.”", "Omar Ali says:"]
    found = clean_text_dump(_page(_PARA, f"{_PARA} Two.", "\n".join([*turns, left]), _PARA[:60]))
    assert found.comments == () and left in found.body


def test_wire_brief_with_agency_tag_and_past_tense_bio_are_article_text() -> None:
    brief = "Gunmen killed three police officers in Kirkuk on Monday, officials said. (AFP)"
    obituary = "Omar Haddad was a photographer for a local agency for twelve years."
    found = clean_text_dump(_page(_PARA, brief, f"{_PARA} Two.", obituary))
    assert brief in found.body and obituary in found.body
    bio = "Jane Doe is a journalist covering northern Iraq for this fictional site."
    found = clean_text_dump(_page(_PARA, f"{_PARA} Two.", bio))
    assert bio not in found.body and found.body.endswith(f"{_PARA} Two.")


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("John Smith, 3 March 2024", "2024-03-03"),
        ("John Smith (3 March 2024)", "2024-03-03"),
        ("John Smith wrote on 3 March 2024:", "2024-03-03"),
        ("John Smith | 3 March 2024 at 10:12", "2024-03-03"),
        ("#1 John Smith", None),
        ("John Smith at 10:12 am", None),
        ("John Smith 3 days ago", None),
        ("John Smith · 3d", None),
        ("John Smith Verified", None),
    ],
)
def test_comment_header_shapes(header: str, published: str | None) -> None:
    thread = (
        f"3 Comments\n\n{header}\nThe road was closed all night, I was there.\nReply\n\n"
        "Amina K.\n3 March 2024\nNobody believes the official numbers anymore.\nReply"
    )
    found = clean_text_dump(_page(_PARA, f"{_PARA} Two.", thread))
    assert [(c.author, c.published) for c in found.comments] == [
        ("John Smith", published),
        ("Amina K.", "2024-03-03"),
    ]


def test_unicode_case_look_alikes_do_not_crash_date_parsing() -> None:
    found = clean_text_dump(
        "Convoy halted near bridge\nPosted on 4 ſept 2018 by Jane Doe\n\n" + _PARA
    )
    assert found.published is None and found.author == "Jane Doe"


def test_blank_input_gives_empty_body() -> None:
    found = clean_text_dump(" \n\n\t\n")
    assert found.body == "" and found.title is None and found.comments == ()


def test_every_strong_phrase_has_a_literal_trigger() -> None:
    for fragment in lex.STRONG_PHRASES:
        assert any(trigger in fragment for trigger in lex.STRONG_TRIGGERS), fragment


# --- properties ---------------------------------------------------------------------------

_LINES = st.sampled_from(
    [
        "",
        "",
        "Reply",
        "Notify of",
        "Jim Martin",
        "2 years ago",
        "© 2020 Demo",
        "By Jane Doe",
        "Posted on 4 January 2018",
        "  • a bullet item of some length for the list",
        _PARA,
        "Support Demo",
        "Related",
        "5 Comments",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=120)), max_size=40))
def test_never_raises_and_paragraphs_are_substrings(lines: list[str]) -> None:
    text = "\n".join(lines)
    found = clean_text_dump(text)
    for paragraph in found.body.split("\n\n"):
        assert paragraph in text
    for comment in found.comments:
        assert comment.text.strip()
        for paragraph in comment.text.split("\n\n"):
            assert paragraph in text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_never_raises(text: str) -> None:
    found = clean_text_dump(text)
    assert isinstance(found.body, str)
    if found.published is not None:
        assert 1900 <= found.published.year <= 2100
