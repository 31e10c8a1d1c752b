"""RSS/Atom feeds: inline full-text items, teaser items fetched through MockTransport."""

from __future__ import annotations

from pathlib import Path

import feedparser
import httpx
import pytest

from newstrace.errors import Reason
from newstrace.records import Failure, InputKind, Page
from newstrace.settings import Settings
from newstrace.stages.ingest import iter_inputs
from newstrace.stages.ingest.feeds import INLINE_MIN_CHARS, entry_date
from newstrace.stages.ingest.fetch import Fetcher

PUBLIC = "93.184.215.14"  # any global address: MockTransport never connects to it
FULL = "<p>This is a fictional test report by newstrace about shelling near Kharkiv.</p>" * 10
TEASER = "Fictional teaser: a strike was reported."
ARTICLE = b"<html><body><p>This is a fictional test report by newstrace.</p></body></html>"
OUTLET = "newstrace demo (fictional)"


def rss(*items: str, title: str = OUTLET) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>https://news.example/</link>{''.join(items)}"
        "</channel></rss>"
    ).encode()


def item(
    title: str, link: str | None = None, *, date: str = "", description: str = "", content: str = ""
) -> str:
    parts = [f"<title>{title}</title>"]
    if link is not None:
        parts.append(f"<link>{link}</link>")
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    if description:
        parts.append(f"<description><![CDATA[{description}]]></description>")
    if content:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return f"<item>{''.join(parts)}</item>"


class Site:
    """A MockTransport site: path → (status, content type, body); records every request."""

    def __init__(self, pages: dict[str, tuple[int, str, bytes]]) -> None:
        self.pages = pages
        self.requested: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requested.append(str(request.url))
        status, content_type, body = self.pages.get(request.url.path, (404, "text/html", b"no"))
        return httpx.Response(status, content=body, headers={"Content-Type": content_type})

    def fetcher(self, settings: Settings) -> Fetcher:
        client = httpx.Client(transport=httpx.MockTransport(self))
        table = {"intranet.example": ["10.1.1.1"]}
        return Fetcher(
            settings, client=client, resolver=lambda host, port: table.get(host, [PUBLIC])
        )


def run(target: str, site: Site, settings: Settings | None = None) -> list[Page | Failure]:
    settings = settings or Settings()
    with site.fetcher(settings) as fetcher:
        return list(iter_inputs([target], settings, fetcher=fetcher))


def test_inline_and_teaser_items_from_a_fetched_feed() -> None:
    feed = rss(
        item(
            "Full",
            "https://news.example/full",
            date="Sat, 06 Jan 2024 01:00:00 +0300",
            content=FULL,
        ),
        item("Teaser", "/articles/2", date="Fri, 05 Jan 2024 10:00:00 GMT", description=TEASER),
    )
    site = Site(
        {
            "/feed": (200, "application/rss+xml", feed),
            "/articles/2": (200, "text/html; charset=utf-8", ARTICLE),
        }
    )
    first, second = run("https://news.example/feed", site)
    assert isinstance(first, Page) and isinstance(second, Page)
    assert first.kind is InputKind.HTML
    assert first.raw == FULL.encode()
    assert (first.source, first.locator) == ("https://news.example/feed", "item 1")
    assert (first.title, first.outlet, first.url) == ("Full", OUTLET, "https://news.example/full")
    assert first.published == "2024-01-06"  # as written, not moved to UTC (5 January)
    assert second.raw == ARTICLE
    assert (second.locator, second.url, second.title) == (
        "item 2",
        "https://news.example/articles/2",
        "Teaser",
    )
    assert second.published == "2024-01-05"
    assert second.outlet == OUTLET
    assert second.encoding == "utf-8"
    assert site.requested == ["https://news.example/feed", "https://news.example/articles/2"]


def test_feed_served_as_generic_xml_is_recognised() -> None:
    feed = rss(item("Full", "https://news.example/full", content=FULL))
    site = Site({"/feed.xml": (200, "text/xml", feed)})
    [result] = run("https://news.example/feed.xml", site)
    assert isinstance(result, Page) and result.raw == FULL.encode()


def test_item_failures_do_not_stop_the_feed(tmp_path: Path) -> None:
    feed = rss(
        item("Gone", "https://news.example/gone", description=TEASER),
        item("Private", "http://intranet.example/a", description=TEASER),
        item("Script", "javascript:alert(1)", description=TEASER),
        item("Nothing"),
        item("Short, no link", None, description=TEASER),
        item("Nested feed", "https://news.example/other-feed", description=TEASER),
        item("Fine", "https://news.example/fine", description=TEASER),
    )
    path = tmp_path / "saved.xml"
    path.write_bytes(feed)
    site = Site(
        {
            "/fine": (200, "text/html", ARTICLE),
            "/other-feed": (200, "application/rss+xml", rss(item("x", "https://news.example/x"))),
        }
    )
    results = run(str(path), site)
    summary = [(r.locator, r.reason.value if isinstance(r, Failure) else "page") for r in results]
    assert summary == [
        ("item 1", "fetch_http_status"),
        ("item 2", "fetch_refused_address"),
        ("item 3", "invalid_url"),
        ("item 4", "missing_body"),
        ("item 5", "page"),
        ("item 6", "unsupported_type"),
        ("item 7", "page"),
    ]
    assert isinstance(results[0], Failure)
    assert results[0].where == f"{path} (item 1)"
    assert results[0].message.startswith("item link https://news.example/gone: HTTP 404")
    assert results[4].raw == TEASER.encode()
    assert all(r.source == str(path) for r in results)


def test_long_description_counts_as_full_content() -> None:
    feed = rss(item("Long", "https://news.example/long", description=FULL))
    site = Site({"/feed": (200, "application/rss+xml", feed)})
    [result] = run("https://news.example/feed", site)
    assert isinstance(result, Page) and result.raw == FULL.encode()
    assert site.requested == ["https://news.example/feed"]


def test_markup_does_not_count_towards_inline_length() -> None:
    padded = "<div class='x'><span></span></div>" * 40 + "<p>Short fictional text.</p>"
    assert len(padded) > INLINE_MIN_CHARS
    feed = rss(item("Padded", "https://news.example/p", content=padded))
    site = Site({"/feed": (200, "application/rss+xml", feed), "/p": (200, "text/html", ARTICLE)})
    [result] = run("https://news.example/feed", site)
    assert isinstance(result, Page) and result.raw == ARTICLE


def test_atom_feed_with_text_and_html_content(tmp_path: Path) -> None:
    long_text = "This is a fictional test report by newstrace. " * 20
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{OUTLET}</title><id>urn:x</id><updated>2024-01-05T00:00:00Z</updated>"
        '<entry><title>One</title><id>urn:1</id><link href="https://news.example/1"/>'
        "<published>2024-01-05T23:30:00+03:00</published>"
        f'<content type="html">{FULL.replace("<", "&lt;")}</content></entry>'
        '<entry><title>Two</title><id>urn:2</id><link href="https://news.example/2"/>'
        f'<updated>2024-01-04T08:00:00Z</updated><content type="text">{long_text}</content></entry>'
        "</feed>",
        encoding="utf-8",
    )
    first, second = run(str(path), Site({}))
    assert isinstance(first, Page) and isinstance(second, Page)
    assert (first.kind, first.raw, first.published) == (InputKind.HTML, FULL.encode(), "2024-01-05")
    assert (second.kind, second.published, second.url) == (
        InputKind.TEXT_DUMP,
        "2024-01-04",
        "https://news.example/2",
    )
    assert first.outlet == OUTLET


def test_malformed_feed() -> None:
    site = Site({"/feed": (200, "application/rss+xml", b"<rss><channel><title>x</ti")})
    [result] = run("https://news.example/feed", site)
    assert isinstance(result, Failure)
    assert result.reason is Reason.MALFORMED_FEED
    assert result.message.startswith("malformed feed: ")


def test_feed_without_items() -> None:
    site = Site({"/feed": (200, "application/rss+xml", rss())})
    [result] = run("https://news.example/feed", site)
    assert isinstance(result, Failure)
    assert (result.reason, result.message) == (Reason.EMPTY, "feed has no items")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"published": "Sat, 06 Jan 2024 01:00:00 +0300"}, "2024-01-06"),
        ({"published": "2024-01-05T23:30:00+03:00"}, "2024-01-05"),
        ({"updated": "2024-01-05T23:30:00Z"}, "2024-01-05"),
        ({"published": "sometime last week"}, None),
        ({}, None),
    ],
)
def test_entry_date(fields: dict[str, str], expected: str | None) -> None:
    assert entry_date(feedparser.FeedParserDict(fields)) == expected


def test_entry_date_falls_back_to_parsed_value() -> None:
    parsed = feedparser.parse(rss(item("x", "https://news.example/x", date="05 Jan 2024"))).entries[
        0
    ]
    assert entry_date(parsed) == "2024-01-05"
