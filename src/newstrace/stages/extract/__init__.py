"""Extract stage: raw page bytes → clean article body, metadata and separated comments.

Dispatches on the page kind: HTML goes through trafilatura plus comment-markup parsers,
text dumps through the boilerplate cleaner, JSONL ``text`` is kept verbatim so offsets into it
stay valid. Pure function of the page; raises NewstraceError with a reason code on failure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newstrace.errors import NewstraceError, Reason
from newstrace.language import detect_language
from newstrace.records import Extraction, InputKind, Page
from newstrace.stages.extract.html import extract_html
from newstrace.stages.extract.textdump import clean_text_dump
from newstrace.textcodec import decode_text

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def extract(page: Page) -> Extraction:
    """Clean text and metadata of one page; container metadata (JSONL, feed) wins over guesses."""
    if page.kind is InputKind.ARTICLE_TEXT:
        text = page.raw.decode("utf-8")  # verbatim, BOM included: offsets must not shift
    else:
        text = decode_text(page.raw, page.encoding)
    if not text.strip():
        raise NewstraceError(Reason.EMPTY, "page has no text")
    if page.kind is InputKind.HTML:
        found = extract_html(text, url=page.url)
    elif page.kind is InputKind.TEXT_DUMP:
        found = clean_text_dump(text)
    else:
        found = Extraction(body=text, method="verbatim")
    if not found.body.strip():
        raise NewstraceError(Reason.NO_TEXT_EXTRACTED, "no article text found on the page")
    return _with_container_metadata(found, page)


def _with_container_metadata(found: Extraction, page: Page) -> Extraction:
    published = parse_iso_date(page.published) or found.published
    return replace(
        found,
        title=page.title or found.title,
        outlet=page.outlet or found.outlet,
        url=page.url or found.url,
        published=published,
        language=found.language or detect_language(found.body),
    )


def parse_iso_date(value: str | None) -> date | None:
    """The date part of an ISO date/datetime string; None for anything else."""
    if not value:
        return None
    match = _ISO_DATE.search(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
