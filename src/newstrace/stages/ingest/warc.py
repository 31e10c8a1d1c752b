"""WARC/ARC archives (and WET text archives), plain or gzipped, streamed record by record.

Which records are documents:
- ``response`` with HTTP 2xx and an HTML or text payload → a page; ``url`` is WARC-Target-URI.
  ``published`` stays None: WARC-Date is when the crawler fetched the page, not when it was
  published.
- ``response`` with 3xx is skipped silently: a redirect is a pointer, and its target, if crawled,
  is a record of its own. 4xx/5xx become FETCH_HTTP_STATUS failures: the crawl wanted a document
  and did not get one, and the user should see how much of the archive is missing.
- ``response`` records for non-HTTP URIs (Heritrix's ``dns:``/``whois:`` lookups) are skipped.
- ``conversion`` (WET: text a crawler extracted) → a text dump; ``resource`` → by content type.
- ``request``, ``warcinfo``, ``metadata``, ``revisit``, ``continuation`` never carry a document.

Corruption: records before it are kept, then one MALFORMED_WARC failure covers the rest of the
file. gzip is decompressed here rather than by warcio because warcio swallows a truncated gzip
member (and EOFError in general) as a clean end of file; offsets in locators are therefore
offsets into the uncompressed archive.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO, Protocol

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeadersParserException

from newstrace.errors import Reason
from newstrace.records import Failure
from newstrace.settings import Settings
from newstrace.stages.ingest.origin import Origin, Result
from newstrace.stages.ingest.sniff import Sniffed, classify, parse_content_type, sniff
from newstrace.stages.ingest.streams import prepend, read_capped

_GZIP_MAGIC = b"\x1f\x8b"
_SKIPPED_TYPES = frozenset(
    {"request", "warcinfo", "metadata", "revisit", "continuation", "arc_header"}
)
# Enough to see that what follows the last record is only the blank lines ending it.
_TAIL_BYTES = 4096
# Errors warcio raises on records it cannot parse (ValueError: bad numbers in headers).
_ARCHIVE_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError)
# What warcio 1.7/1.8 raise, unhandled, on a header cut short (e.g. no WARC-Target-URI on a
# response record): a malformed record, not a newstrace bug.
_WARCIO_CRASHES = (AttributeError, TypeError, IndexError, KeyError)


class _Readable(Protocol):
    def read1(self, size: int = -1, /) -> bytes: ...


class _CorruptArchiveError(Exception):
    """The archive's bytes themselves are broken (truncated or corrupt gzip, I/O error)."""


class _ArchiveReader:
    """The archive's (decompressed) bytes for warcio: counted, with the last few kept.

    Decompression errors become _CorruptArchiveError, which warcio does not catch.
    """

    def __init__(self, inner: _Readable) -> None:
        self._inner = inner
        self.total = 0
        self.tail = b""

    def read(self, size: int = -1) -> bytes:
        try:
            # read1: one decompression step at a time, so the bytes of the records before a
            # truncated gzip member come through before its error does (read() would lose them).
            data = self._inner.read1(size)
        except (EOFError, OSError, zlib.error) as exc:
            raise _CorruptArchiveError(f"corrupt or truncated data ({exc})") from exc
        self.total += len(data)
        self.tail = (self.tail + data)[-_TAIL_BYTES:]
        return data

    def tell(self) -> int:
        return self.total


def iter_warc(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Result]:
    """One Page or Failure per document record; ``locator`` is ``record N, offset X``."""
    head = stream.read(len(_GZIP_MAGIC))
    body = prepend(head, stream)
    inner: _Readable = gzip.GzipFile(fileobj=body, mode="rb") if head == _GZIP_MAGIC else body
    yield from _Walk(_ArchiveReader(inner), source, settings).results()


class _Walk:
    """State of one pass over an archive: records started, and where the last whole one ended."""

    def __init__(self, reader: _ArchiveReader, source: str, settings: Settings) -> None:
        self.reader = reader
        self.source = source
        self.settings = settings
        self.number = 0  # records started
        self.done = 0  # records read whole (yielded, failed alone, or skipped)
        self.end = 0  # offset just after record ``done``
        self.records = ArchiveIterator(reader, arc2warc=True)

    def results(self) -> Iterator[Result]:
        try:
            while (record := self._next()) is not None:
                self.number += 1
                yield from self._record(record)
        except (_CorruptArchiveError, *_ARCHIVE_ERRORS) as exc:
            yield self._rest_failure(str(exc) or type(exc).__name__)
            return
        if self._garbage_after_end():
            yield self._rest_failure("unparseable data after the last complete record")

    def _next(self) -> Any:
        try:
            with _quiet():  # warcio prints warnings on stderr; they become failures here
                return next(self.records, None)
        except _WARCIO_CRASHES as exc:  # warcio trips over some broken headers
            raise ArchiveLoadFailed(f"unreadable record header ({exc})") from exc

    def _record(self, record: Any) -> Iterator[Result]:
        """Read one record fully, check its integrity, then decide what it is."""
        errors_before = self.records.err_count
        offset: int = self.records.offset  # where this record starts (until read to its end)
        wanted = _may_be_document(record)
        payload: tuple[bytes, bool] | None = None
        try:
            with _quiet():  # warcio also prints payload decoding errors
                payload = _payload(record, self.settings) if wanted else None
                end = offset + self.records.get_record_length()
        except _CorruptArchiveError:
            # Reading on to the next record failed; this record may still be whole.
            whole = payload is not None or not wanted
            if whole and _integrity(record, misaligned=False) is None:
                yield from self._classified(record, payload, offset)
            raise
        problem = _integrity(record, self.records.err_count > errors_before)
        if problem:
            origin = Origin(self.source, locator=f"record {self.number}, offset {offset}")
            yield origin.fail(Reason.MALFORMED_WARC, problem, self.settings)
        else:
            yield from self._classified(record, payload, offset)
        self.done, self.end = self.number, end

    def _classified(
        self, record: Any, payload: tuple[bytes, bool] | None, offset: int
    ) -> Iterator[Result]:
        if payload is not None:
            url = record.rec_headers.get_header("WARC-Target-URI")
            locator = f"record {self.number}, offset {offset}"
            result = _document(record, payload, Origin(self.source, locator, url), self.settings)
            if isinstance(result, Failure) and url and url not in result.message:
                # Which page failed matters more to the user than where it sits in the file.
                result = replace(result, message=f"{result.message} ({url})")
            if result is not None:
                yield result
        self.done = self.number

    def _garbage_after_end(self) -> bool:
        """True when bytes other than blank lines follow the last record warcio returned.

        warcio ends iteration silently when a record header is cut short (it takes the
        EOFError for the end of the file), so a truncated archive is only visible here.
        """
        trailing = self.reader.total - self.end
        if trailing <= 0:
            return False
        return trailing > len(self.reader.tail) or bool(self.reader.tail[-trailing:].strip())

    def _rest_failure(self, problem: str) -> Result:
        origin = Origin(self.source, locator=f"record {self.done + 1}")
        message = f"{problem}; the rest of the archive is skipped"
        return origin.fail(Reason.MALFORMED_WARC, message, self.settings)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    with contextlib.redirect_stderr(io.StringIO()):
        yield


def _may_be_document(record: Any) -> bool:
    return record.rec_type not in _SKIPPED_TYPES


def _payload(record: Any, settings: Settings) -> tuple[bytes, bool]:
    """The record's payload (HTTP transfer and content encodings undone), capped."""
    return read_capped(record.content_stream(), settings.max_document_bytes)


def _integrity(record: Any, misaligned: bool) -> str | None:
    """Why a fully read record cannot be trusted, or None."""
    stream = record.raw_stream
    if isinstance(stream, LimitReader) and stream.limit > 0:
        declared = record.length
        return f"truncated record: {declared - stream.limit:,} of {declared:,} bytes present"
    if misaligned:
        return "record is not followed by a blank line: its Content-Length is wrong"
    length = str(record.rec_headers.get_header("Content-Length") or "").strip()
    if not length.isdigit():
        return "record header cut short, or without a valid Content-Length"
    return None


def _document(
    record: Any, payload: tuple[bytes, bool], origin: Origin, settings: Settings
) -> Result | None:
    """The Page or Failure for a record that may hold a document; None to skip it silently."""
    raw, over = payload
    if over:
        cap = settings.max_document_bytes
        message = f"record payload over the {cap:,}-byte limit (max_document_bytes)"
        return origin.fail(Reason.TOO_LARGE, message, settings, raw, complete=False)
    if record.rec_type == "response":
        return _response(record, raw, origin, settings)
    if record.rec_type == "conversion":
        return _conversion(record, raw, origin, settings)
    if record.rec_type == "resource":
        media, charset = parse_content_type(record.content_type)
        return origin.result(
            classify(media, raw), raw, settings, encoding=charset, media_type=media
        )
    message = f"unknown WARC record type {record.rec_type!r}"
    return origin.fail(Reason.MALFORMED_WARC, message, settings)


def _response(record: Any, raw: bytes, origin: Origin, settings: Settings) -> Result | None:
    headers = record.http_headers
    if headers is None or not (origin.url or "").lower().startswith(("http:", "https:")):
        return None  # dns:, whois: and other non-HTTP captures hold no page
    status = _status(headers.get_statuscode())
    if status is None:
        message = f"unreadable HTTP status line {headers.statusline!r}"
        return origin.fail(Reason.MALFORMED_WARC, message, settings)
    if status < 200 or 300 <= status < 400:
        return None
    if status >= 400:
        message = f"HTTP {status}"
        return origin.fail(Reason.FETCH_HTTP_STATUS, message, settings)
    media, charset = parse_content_type(headers.get_header("Content-Type"))
    return origin.result(classify(media, raw), raw, settings, encoding=charset, media_type=media)


def _status(code: str) -> int | None:
    try:
        return int(code)
    except ValueError:
        return None


def _conversion(record: Any, raw: bytes, origin: Origin, settings: Settings) -> Result:
    """WET text is already flattened by the crawler: a text dump, whatever it looks like."""
    found = sniff(raw)
    _, charset = parse_content_type(record.content_type)
    if found in (Sniffed.HTML, Sniffed.FEED):
        found = Sniffed.TEXT
    return origin.result(found, raw, settings, encoding=charset)
