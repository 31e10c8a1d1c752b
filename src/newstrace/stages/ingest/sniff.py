"""Content sniffing: what kind of document a run of bytes is, from its head and media type.

Suffixes and Content-Type headers lie (pages saved as ``.php``, feeds served as ``text/xml``,
HTML served as ``text/plain``), so every decision looks at the bytes too.
"""

from __future__ import annotations

import codecs
import re
from enum import StrEnum

from newstrace.textcodec import looks_binary

# 4 KiB holds the doctype, <html>, <head> and usually the first <meta> of any real page; a feed's
# root element comes after at most an XML declaration, a stylesheet PI and comments.
HEAD_BYTES = 4096
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

_HTML_MARKERS = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")
# A fragment without <html>/<body> (saved article bodies) still opens with block-level markup.
_HTML_FRAGMENT = re.compile(
    rb"^<(?:div|p|article|section|main|h[1-6]|table|meta|title|script)[\s>/]"
)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")

# Magic numbers of the binary files that end up in news folders, for a helpful message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media: WebP, WAV or AVI"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive, DOCX, XLSX or EPUB"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
)


class Sniffed(StrEnum):
    """What a run of bytes is, as far as ingest cares."""

    EMPTY = "empty"
    BINARY = "binary"
    HTML = "html"
    FEED = "feed"
    TEXT = "text"


def _markup_head(raw: bytes) -> bytes:
    """The head as lower-cased ASCII-compatible bytes, whitespace and BOMs stripped."""
    head = raw[: HEAD_BYTES * 2]
    for bom, name in _UTF16_BOMS:
        if head.startswith(bom):
            head = head.decode(name, errors="replace").encode("utf-8", errors="replace")
    head = head.removeprefix(codecs.BOM_UTF8)
    return head[:HEAD_BYTES].lstrip().lower()


def looks_like_feed(raw: bytes) -> bool:
    """An RSS, RDF or Atom root element near the top, before any HTML."""
    head = _markup_head(raw)
    feed = _FEED_ROOT.search(head)
    if feed is None:
        return False
    html = _HTML_MARKERS.search(head)
    return html is None or feed.start() < html.start()


def looks_like_html(raw: bytes) -> bool:
    """HTML markers (doctype, html/head/body tags) or a head that opens with block markup."""
    head = _markup_head(raw)
    return bool(_HTML_MARKERS.search(head) or _HTML_FRAGMENT.match(head))


def is_binary(raw: bytes) -> bool:
    """Binary by control-byte share, or by a magic number no text page starts with."""
    return raw.startswith(b"%PDF-") or looks_binary(raw)


def binary_hint(raw: bytes) -> str:
    """'binary content (PNG image?)', naming the format when its magic number is known."""
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return f"binary content ({name}?)"
    return "binary content, not text"


def sniff(raw: bytes) -> Sniffed:
    """Classify bytes: empty (or only whitespace), binary, feed, HTML, or plain text."""
    if not raw.strip():
        return Sniffed.EMPTY
    if is_binary(raw):
        return Sniffed.BINARY
    if looks_like_feed(raw):
        return Sniffed.FEED
    if looks_like_html(raw):
        return Sniffed.HTML
    return Sniffed.TEXT


_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/x-rss+xml"}
)
# Types servers send when they do not know: the bytes decide.
_UNKNOWN_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "text/plain"})


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Media type (lower case) and a usable charset name from a Content-Type header value."""
    if not value:
        return None, None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, arg = param.partition("=")
        if name.strip().lower() == "charset":
            charset = known_charset(arg.strip().strip("\"'"))
    return media.strip().lower() or None, charset


def known_charset(name: str | None) -> str | None:
    """The charset name if Python knows it: a bogus declared charset must not reach decoding."""
    if not name:
        return None
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name.lower()


def classify(media_type: str | None, body: bytes) -> Sniffed | None:
    """What a typed payload is; None when its media type is not a page or feed (images, PDF…)."""
    found = sniff(body)
    if media_type is None or media_type in _UNKNOWN_TYPES or found is Sniffed.EMPTY:
        return found
    if media_type in _HTML_TYPES or media_type in _FEED_TYPES:
        if found is Sniffed.BINARY:
            return found
        return Sniffed.HTML if media_type in _HTML_TYPES else Sniffed.FEED
    if media_type.endswith(("/xml", "+xml")) and found in (Sniffed.FEED, Sniffed.HTML):
        return found
    return None
