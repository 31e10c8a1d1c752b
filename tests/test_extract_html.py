"""HTML extraction: golden must-contain / must-not-contain checks on fictional pages, hostile
and degenerate markup, and token F1 on real ScrapingHub pages read from ../shared."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from newstrace.records import Extraction
from newstrace.stages.extract.html import extract_html

OUTLET = "newstrace demo (fictional)"


def _page(fixtures_dir: Path, name: str) -> Extraction:
    html = (fixtures_dir / "html" / name).read_text(encoding="utf-8")
    return extract_html(html)


def _squashed(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def wordpress(fixtures_dir: Path) -> Extraction:
    return _page(fixtures_dir, "wordpress_article.html")


def test_wordpress_body_keeps_the_article(wordpress: Extraction) -> None:
    for sentence in (
        "Editor's note: this report is fictional.",
        "Several artillery shells landed near the main water pumping station",
        "a claim that could not be independently verified",
        "the city has no backup supply for more than a few days.",
    ):
        assert sentence in wordpress.body


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Accept all cookies",  # cookie banner
        "We use cookies",
        "Syria desk",  # navigation
        "About the newsroom",
        "Support independent reporting",
        "Share on Facebook",  # share buttons
        "Email this story",
        "Related stories",  # related links
        "Bridge closure cuts Deir ez-Zor crossing",
        "Aid convoy reaches Idlib",  # sidebar
        "Recent comments",
        "Leave a Reply",  # comment form
        "Post Comment",
        "All rights reserved",  # footer
        "demoAnalytics",  # script
        "My cousin lives near the station",  # comments
        "wait for the council report",
        "repair timeline",
        "tripled in our district",
    ],
)
def test_wordpress_body_drops_boilerplate_and_comments(
    wordpress: Extraction, boilerplate: str
) -> None:
    assert boilerplate not in wordpress.body


def test_wordpress_metadata(wordpress: Extraction) -> None:
    assert wordpress.title == "Shelling reported near Raqqa water station"
    assert wordpress.outlet == OUTLET
    assert wordpress.author == "Layla Haddad"
    assert wordpress.published == date(2023, 3, 14)  # original date, not the 16 March update
    assert wordpress.language == "en"  # from <html lang="en-GB">
    assert wordpress.url == "https://demo.newstrace.invalid/news/raqqa-water-station"
    assert wordpress.method == "trafilatura"


def test_wordpress_comments_come_out_with_authors_and_dates(wordpress: Extraction) -> None:
    assert [(c.author, c.published) for c in wordpress.comments] == [
        ("Omar K.", "2023-03-14T11:02:00+00:00"),
        ("Rasha", "2023-03-14T12:40:00+00:00"),
        ("Layla Haddad", "2023-03-14T13:05:00+00:00"),
        ("Sami", "2023-03-15T08:15:00+00:00"),
    ]
    assert wordpress.comments[1].text == (
        "Everyone's cousin says something different, wait for the council report.\n"
        "Also the water was back by evening in our street."
    )


_OTHER_PAGES = {
    "wpdiscuz_article.html": (
        "two armed groups disagreed over who should staff",
        date(2023, 5, 2),
        "Karim Aziz",
    ),
    "disqus_article.html": (
        "A drone struck a fuel depot on the road",
        date(2023, 6, 20),
        "Mira Salem",
    ),
    "jsonld_comments.html": (
        "dispersed on Sunday evening after a meeting",
        date(2023, 7, 9),
        "Huda Jaber",
    ),
    "microdata_comments.html": (
        "crossed into northern Syria at the Bab al-Salameh",
        date(2023, 8, 1),
        "Tariq Nasser",
    ),
    "generic_comments.html": (
        "Too many contracts go to firms from outside",
        None,
        "Dr Sara Yousef",
    ),
}


@pytest.mark.parametrize(
    ("name", "sentence", "published", "author"),
    [(name, *expected) for name, expected in _OTHER_PAGES.items()],
)
def test_other_pages_body_and_metadata(
    fixtures_dir: Path, name: str, sentence: str, published: date | None, author: str
) -> None:
    found = _page(fixtures_dir, name)
    assert sentence in found.body
    assert "fictional" in found.body.lower()
    assert found.outlet == OUTLET
    assert found.published == published
    assert found.author == author
    assert found.comments


@pytest.mark.parametrize(
    "name",
    [
        "wordpress_article.html",
        "wpdiscuz_article.html",
        "disqus_article.html",
        "jsonld_comments.html",
        "microdata_comments.html",
        "generic_comments.html",
        "hostile.html",
    ],
)
def test_comment_text_never_reaches_the_body(fixtures_dir: Path, name: str) -> None:
    found = _page(fixtures_dir, name)
    body = _squashed(found.body)
    assert found.comments
    for comment in found.comments:
        for line in comment.text.split("\n"):
            assert _squashed(line) not in body, (name, line)


def test_comments_rendered_without_comment_markup_are_cut_by_their_json_ld(
    fixtures_dir: Path,
) -> None:
    found = _page(fixtures_dir, "jsonld_comments.html")
    assert "promised the same thing last summer" not in found.body
    assert "Electricity was cut again tonight" not in found.body
    assert "Police said nobody was arrested" in found.body


# --- hostile markup -------------------------------------------------------------------------

_INJECTED = re.compile(
    r"alert|document\.write|javascript:|onerror|onload|HEAD-SCRIPT|INLINE-SCRIPT|BODY-SCRIPT|"
    r"STYLE-JS|TITLE-SCRIPT|H1-SCRIPT|AUTHOR-SCRIPT|COMMENT-SCRIPT|META-AUTHOR|NOSCRIPT"
)


@pytest.fixture(scope="module")
def hostile(fixtures_dir: Path) -> Extraction:
    return _page(fixtures_dir, "hostile.html")


def test_hostile_page_returns_text_without_code(hostile: Extraction) -> None:
    assert "Fighting between two armed groups was reported on the road south of Kirkuk" in (
        hostile.body
    )
    assert "the road was closed until the evening" in hostile.body
    assert not _INJECTED.search(hostile.body)


def test_hostile_metadata_and_comments_carry_no_code(hostile: Extraction) -> None:
    assert hostile.title is not None and "Clashes near Kirkuk" in hostile.title
    assert hostile.author == "Eve Example"
    assert hostile.url is None  # the canonical link was a javascript: URL
    assert [c.author for c in hostile.comments] == ["Mallory"]
    fields = [hostile.title, hostile.author, hostile.outlet]
    fields += [c.text for c in hostile.comments] + [c.author or "" for c in hostile.comments]
    for value in fields:
        assert value is not None and not _INJECTED.search(value), value
    assert hostile.comments[0].text == (
        "Nice report, but click here for the real story.\nSecond paragraph of the hostile comment."
    )


# --- malformed and degenerate input ---------------------------------------------------------

_PARAGRAPH = "<p>Fictional filler sentence about a checkpoint near Tikrit, written for tests.</p>"
_DEGENERATE = {
    "empty string": "",
    "whitespace": "   \n\t ",
    "empty html": "<html></html>",
    "empty body": "<html><head></head><body></body></html>",
    "plain text": "Just a line of fictional text without any markup at all.",
    "nul bytes": "<html>\x00\x01\x02<body>\x00</body></html>",
    "unclosed tags": "<html><body><div><p>Unclosed fictional paragraph one<p>and two<div><span>"
    + _PARAGRAPH * 5,
    "deep nesting": "<html><body>" + "<div>" * 10_000 + _PARAGRAPH + "</div>" * 10_000,
    "deep unclosed": "<html><body>" + "<div><span>" * 10_000 + _PARAGRAPH,
    "xml declaration": '<?xml version="1.0" encoding="ISO-8859-1"?><html><body>'
    + _PARAGRAPH * 5
    + "</body></html>",
    "non-utf8 meta charset": '<html><head><meta charset="windows-1251"></head><body>'
    + "<p>Вымышленный текст для тестов newstrace о дороге на Ракку.</p>" * 5
    + "</body></html>",
    "comment only": "<!-- nothing but a comment -->",
    "broken comment markup": '<ol class="commentlist"><li class="comment"><div class="fn">',
    "broken json-ld": '<script type="application/ld+json">{"@type": "Comment", "text": </script>'
    + _PARAGRAPH * 3,
    "deep json-ld": '<script type="application/ld+json">' + "[" * 5_000 + "]" * 5_000 + "</script>",
}


@pytest.mark.parametrize("html", _DEGENERATE.values(), ids=_DEGENERATE.keys())
def test_degenerate_html_never_raises(html: str) -> None:
    found = extract_html(html, url="https://demo.newstrace.invalid/x")
    assert isinstance(found, Extraction)
    assert isinstance(found.body, str)
    assert found.url == "https://demo.newstrace.invalid/x"


def test_non_utf8_meta_charset_keeps_the_decoded_text() -> None:
    found = extract_html(_DEGENERATE["non-utf8 meta charset"])
    assert "Вымышленный текст" in found.body


@pytest.mark.parametrize(
    "html",
    [
        "A bare line of fictional text about Homs, saved as an .html file.",
        "<p>A fictional feed item fragment about Homs, written for tests.</p>",
    ],
)
def test_fragments_and_bare_text_keep_their_text(html: str) -> None:
    found = extract_html(html)
    assert "fictional" in found.body and "Homs" in found.body


def test_control_characters_alone_are_no_body() -> None:
    assert extract_html("\x00\x01\x02").body == ""


def test_unclosed_tags_keep_their_text() -> None:
    found = extract_html(_DEGENERATE["unclosed tags"])
    assert "checkpoint near Tikrit" in found.body


@pytest.mark.parametrize("url", ["http://[::1", "javascript:alert(1)", "ftp://x.invalid/", ""])
def test_unusable_urls_are_dropped(url: str) -> None:
    found = extract_html(
        f'<html><head><link rel="canonical" href="{url}"></head><body>{_PARAGRAPH}'
    )
    assert found.url is None


def test_outlet_falls_back_to_the_domain() -> None:
    found = extract_html("<html><body>" + _PARAGRAPH * 5, url="https://www.demo.invalid/a/b")
    assert found.outlet == "demo.invalid"


# --- real pages (read from ../shared at test time, never copied) ----------------------------

_WORD = re.compile(r"\w+")
# Five pages are enough to catch a broken pipeline; the full set is the bench's job.
_REAL_PAGES = 5


def _token_f1(predicted: str, gold: str) -> float:
    pred, true = Counter(_WORD.findall(predicted.lower())), Counter(_WORD.findall(gold.lower()))
    overlap = sum((pred & true).values())
    return 2 * overlap / (sum(pred.values()) + sum(true.values())) if overlap else 0.0


@pytest.mark.shared
def test_real_pages_reach_token_f1_08(shared_dir: Path) -> None:
    data = shared_dir / "eval" / "article-extraction-scrapinghub"
    if not (data / "ground-truth.json").is_file():
        pytest.skip("ScrapingHub benchmark data is absent from ../shared/eval")
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for item_id in sorted(gold)[:_REAL_PAGES]:
        html = (data / "html" / f"{item_id}.html").read_text(encoding="utf-8")
        found = extract_html(html, url=gold[item_id]["url"])
        score = _token_f1(found.body, gold[item_id]["articleBody"])
        assert score >= 0.8, (item_id, score)
