"""RSS and Atom feeds (fetched or local): each item becomes a page.

An item carrying its full article (``content:encoded``, Atom ``content``, or a long
``description``) becomes a page directly; a teaser item's link is fetched with the same safety
rules as any URL. Item metadata (title, link, date, the feed's title as outlet) goes into the
page, where it wins over whatever extraction guesses later.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser
import httpx

from newstrace.errors import NewstraceError, Reason
from newstrace.records import InputKind
from newstrace.settings import Settings
from newstrace.stages.ingest.fetch import Fetcher, fetched_result
from newstrace.stages.ingest.origin import Origin, Result, guarded

# A teaser is one to three sentences (under ~300 characters of text); a full-text feed carries
# whole articles (news bodies run to thousands of characters). 500 characters of text, markup
# excluded, separates the two.
INLINE_MIN_CHARS = 500
_TAG = re.compile(r"<[^>]*>")
_PLAIN_TYPES = frozenset({"text/plain", "text"})


def iter_feed(
    raw: bytes, source: str, settings: Settings, fetcher: Fetcher, base_url: str | None = None
) -> Iterator[Result]:
    """One Page or Failure per item; ``locator`` is ``item N`` (1-based, in feed order).

    ``base_url`` (the feed's own URL, when fetched) resolves relative item links.
    """
    # A file-like, not bytes: feedparser treats a bytes argument as a possible file name first.
    parsed = feedparser.parse(io.BytesIO(raw), sanitize_html=False, resolve_relative_uris=False)
    feed_origin = Origin(source)
    if not parsed.entries:
        yield _no_entries(parsed, raw, feed_origin, settings)
        return
    outlet = _text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        origin = _entry_origin(entry, source, number, outlet, base_url)
        yield from guarded(origin, _entry_results(entry, origin, settings, fetcher), settings)


def _no_entries(parsed: Any, raw: bytes, origin: Origin, settings: Settings) -> Result:
    if parsed.bozo:
        problem = " ".join(str(parsed.get("bozo_exception", "")).split()) or "not a feed"
        return origin.fail(Reason.MALFORMED_FEED, f"malformed feed: {problem}", settings, raw)
    return origin.fail(Reason.EMPTY, "feed has no items", settings, raw)


def _entry_origin(
    entry: Any, source: str, number: int, outlet: str | None, base_url: str | None
) -> Origin:
    return Origin(
        source,
        locator=f"item {number}",
        url=_link(entry, base_url),
        title=_text(entry.get("title")),
        outlet=outlet,
        published=entry_date(entry),
    )


def _entry_results(
    entry: Any, origin: Origin, settings: Settings, fetcher: Fetcher
) -> Iterator[Result]:
    yield _entry(entry, origin, settings, fetcher)  # lazily, so guarded() catches its errors


def _entry(entry: Any, origin: Origin, settings: Settings, fetcher: Fetcher) -> Result:
    content = _inline_content(entry)
    if content is not None and _text_length(content[0]) >= INLINE_MIN_CHARS:
        return _inline_page(content, origin)
    if origin.url:
        return _fetch_item(origin.url, origin, settings, fetcher)
    if content is not None:
        return _inline_page(content, origin)  # a short item is still all the feed offers
    return origin.fail(Reason.MISSING_BODY, "item has neither content nor a link", settings)


def _inline_content(entry: Any) -> tuple[str, str] | None:
    """The longest of the item's content blocks and summary, with its media type."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content", [])]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    best = max(candidates, key=lambda c: len(c[0]))
    return best if best[0].strip() else None


def _inline_page(content: tuple[str, str], origin: Origin) -> Result:
    value, media_type = content
    kind = InputKind.TEXT_DUMP if media_type in _PLAIN_TYPES else InputKind.HTML
    return origin.page(value.encode("utf-8"), kind, encoding="utf-8")


def _fetch_item(link: str, origin: Origin, settings: Settings, fetcher: Fetcher) -> Result:
    try:
        fetched = fetcher.fetch(link)
    except NewstraceError as exc:
        return origin.fail(exc.reason, f"item link {link}: {exc.message}", settings)
    return fetched_result(fetched, origin, settings)


def _link(entry: Any, base_url: str | None) -> str | None:
    link = _text(entry.get("link"))
    if link is None or base_url is None:
        return link
    try:
        return str(httpx.URL(base_url).join(link))
    except httpx.InvalidURL:
        return link  # the fetch reports it, with the reason


def entry_date(entry: Any) -> str | None:
    """The item's date as an ISO date, as written in the feed.

    feedparser's ``*_parsed`` values are converted to UTC, which moves a report dated
    ``Mon, 05 Feb 2024 01:00 +0300`` to 4 February; the written date is parsed first.
    """
    # dict.get: feedparser's own get() answers "updated" with "published", and warns about it.
    for key in ("published", "updated", "created"):
        written = _written_date(dict.get(entry, key))
        if written is not None:
            return written.isoformat()
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def _written_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()  # Atom: RFC 3339
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        return None


def _text(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _text_length(markup: str) -> int:
    """Characters of text in a fragment of HTML, tags and whitespace runs not counted."""
    return len(" ".join(html.unescape(_TAG.sub(" ", markup)).split()))
