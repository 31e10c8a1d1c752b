"""Comment-markup parsers: each comment's author, date and text, replies flattened in document
order, duplicates dropped, and things that merely look like comments left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura import load_html

from newstrace.records import Comment
from newstrace.stages.extract.comments import extract_comments, normalize_date, strip_markup


def _comments(fixtures_dir: Path, name: str) -> tuple[Comment, ...]:
    return extract_comments((fixtures_dir / "html" / name).read_text(encoding="utf-8"))


def _page(body: str) -> str:
    """A minimal fictional page around ``body``."""
    return (
        "<html><head><title>Fictional test page</title></head><body>"
        "<article><h1>Fictional</h1><p>newstrace demo (fictional) article text.</p></article>"
        f"{body}</body></html>"
    )


def test_wordpress_thread_is_flattened_in_document_order(fixtures_dir: Path) -> None:
    found = _comments(fixtures_dir, "wordpress_article.html")
    assert found == (
        Comment(
            "My cousin lives near the station and says the shells came from the north, "
            "not the south.",
            "Omar K.",
            "2023-03-14T11:02:00+00:00",
        ),
        Comment(
            "Everyone's cousin says something different, wait for the council report.\n"
            "Also the water was back by evening in our street.",
            "Rasha",
            "2023-03-14T12:40:00+00:00",
        ),
        Comment(
            "Thanks, we are asking the council for the repair timeline.",
            "Layla Haddad",
            "2023-03-14T13:05:00+00:00",
        ),
        Comment(
            "Prices for the water trucks tripled in our district, not doubled.",
            "Sami",
            "2023-03-15T08:15:00+00:00",
        ),
    )


def test_wpdiscuz_reads_author_title_dates_and_replies(fixtures_dir: Path) -> None:
    found = _comments(fixtures_dir, "wpdiscuz_article.html")
    assert found == (
        Comment(
            "The road was already blocked on Sunday night, not only Monday.",
            "Nadia S.",
            "2023-05-02T08:40",
        ),
        Comment(
            "I drove through at six in the evening and it was open again.",
            "Hawar",
            "2023-05-02T21:15",
        ),
        Comment(
            "Nobody mentions the flour prices in the market after this.",
            "Guest",
            "2023-05-03T07:00:00+03:00",
        ),
    )


def test_disqus_server_rendered_posts(fixtures_dir: Path) -> None:
    found = _comments(fixtures_dir, "disqus_article.html")
    assert [(c.author, c.published) for c in found] == [
        ("Hassan_Q", "2023-06-20T14:05"),
        ("Yara", "2023-06-20T15:40"),
        ("Anonymous reader", "2023-06-21T09:00:00Z"),
    ]
    assert found[1].text == "It was refilled last week, I saw the tankers myself."


def test_json_ld_comments_with_every_author_shape(fixtures_dir: Path) -> None:
    found = _comments(fixtures_dir, "jsonld_comments.html")
    assert found == (
        Comment(
            "The governor promised the same thing last summer.",
            "Ali R.",
            "2023-07-09T18:05:00+03:00",
        ),
        Comment(
            "This time there is a written agreement, read it before judging.",
            "Zainab",
            "2023-07-09",
        ),
        Comment(
            "Electricity was cut again tonight in Hayyaniyah.",  # HTML inside JSON is stripped
            "Basri since 1990",
            "2023-07-10T08:30:00+03:00",
        ),
    )


def test_microdata_comments_and_nested_reply(fixtures_dir: Path) -> None:
    found = _comments(fixtures_dir, "microdata_comments.html")
    assert found == (
        Comment(
            "Twenty trucks is nothing for the number of people in those camps.",
            "Lina",
            "2023-08-01T19:20:00+03:00",
        ),
        Comment(
            "It is the third convoy this month, read the article again.", "Ahmad", "2023-08-02"
        ),
    )


def test_generic_comment_containers_but_not_a_commentary_article(fixtures_dir: Path) -> None:
    found = _comments(fixtures_dir, "generic_comments.html")
    assert found == (
        Comment(
            "Local firms also take bribes, the problem is not where they come from.",
            "Mahmoud_Mosul",
            "2023-09-04 10:20",
        ),
        Comment(
            "Finally someone says it. My street in the old city was rebuilt by a company "
            "from Baghdad.",
            "Dalia",
            "2023-09-05",
        ),
    )


def test_hostile_comment_keeps_text_and_drops_code(fixtures_dir: Path) -> None:
    (found,) = _comments(fixtures_dir, "hostile.html")
    assert found.author == "Mallory"
    assert found.published == "2023-09-09T16:10"  # "September 9, 2023 at 4:10 pm"
    assert "alert" not in found.text and "javascript" not in found.text
    assert found.text.startswith("Nice report, but click here")


def test_accepts_a_parsed_tree(fixtures_dir: Path) -> None:
    html = (fixtures_dir / "html" / "disqus_article.html").read_text(encoding="utf-8")
    assert len(extract_comments(load_html(html))) == 3


def test_author_line_with_the_date_written_in_it() -> None:
    html = _page(
        '<ul class="comment-list"><li class="comment"><div class="comment-body">'
        '<div class="comment-author"><strong>Noor</strong> on '
        "<a>September 12, 2018 at 4:47 pm</a> said:</div>"
        "<p>Fictional comment text for the test.</p></div></li></ul>"
    )
    assert extract_comments(html) == (
        Comment("Fictional comment text for the test.", "Noor", "2018-09-12T16:47"),
    )


def test_same_comment_in_markup_and_json_ld_is_kept_once_with_its_author() -> None:
    html = _page(
        '<script type="application/ld+json">{"@type": "Comment", "text": "Same words.",'
        ' "dateCreated": "2023-01-02"}</script>'
        '<div itemscope itemtype="https://schema.org/Comment">'
        '<span itemprop="author">Fictional Reader</span>'
        '<p itemprop="text">Same   words.</p></div>'
    )
    assert extract_comments(html) == (Comment("Same words.", "Fictional Reader", "2023-01-02"),)


def test_two_readers_writing_the_same_words_stay_two_comments() -> None:
    item = (
        '<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">{}</span>'
        '<p itemprop="text">+1</p></div>'
    )
    found = extract_comments(_page(item.format("Reader A") + item.format("Reader B")))
    assert [c.author for c in found] == ["Reader A", "Reader B"]


@pytest.mark.parametrize(
    "body",
    [
        "",  # no thread at all
        '<p class="comment-count"><a href="#comments">12 comments</a></p>',
        '<div id="respond" class="comment-respond"><form class="comment-form">'
        '<p class="comment-form-author"><label>Name</label><input name="author"></p></form></div>',
        '<aside><ul id="recentcomments"><li class="recentcomments">'
        '<span class="comment-author-link">Fictional Reader</span> on <a>Other post</a></li></ul>'
        "</aside>",
        '<ol class="commentlist"><li class="pingback"><div class="comment-body">Pingback: '
        '<a href="https://example.invalid/">Another fictional blog</a></div></li></ol>',
        '<div class="comment-teasers"><div class="card"><h3><a>Comment: fictional opinion '
        'headline</a></h3><div class="card-author-name">Fictional Columnist</div></div></div>',
    ],
    ids=["none", "count link", "reply form", "recent widget", "pingback", "teaser cards"],
)
def test_things_that_are_not_reader_comments(body: str) -> None:
    assert extract_comments(_page(body)) == ()


def test_unparseable_input_gives_no_comments() -> None:
    assert extract_comments("") == ()
    assert extract_comments("\x00\x00") == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-03-14T11:02:00+00:00", "2023-03-14T11:02:00+00:00"),
        ("2023-03-14", "2023-03-14"),
        ("posted 2023-03-14T11:02Z", "2023-03-14T11:02Z"),
        ("November 5, 2019 at 3:12 pm", "2019-11-05T15:12"),
        ("Tuesday, November 5, 2019 3:12 PM", "2019-11-05T15:12"),
        ("5 Nov 2019", "2019-11-05"),
        ("5th November 2019, 12:30 am", "2019-11-05T00:30"),
        ("Sept. 9, 2023", "2023-09-09"),
        ("2 years ago", None),
        ("Marcus 2019", None),
        ("2023-02-30", None),
        ("February 30, 2023", None),
        ("", None),
    ],
)
def test_normalize_date(raw: str, expected: str | None) -> None:
    assert normalize_date(raw) == expected


def test_strip_markup() -> None:
    assert strip_markup("<p>One <b>two</b></p><p>three<script>x()</script></p>") == "One two\nthree"
    assert strip_markup("a <script>never closed") == "a"
