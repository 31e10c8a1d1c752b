"""Where a document came from, and the two things ingest makes of it: a Page or a Failure."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newstrace.errors import NewstraceError, Reason
from newstrace.records import Failure, InputKind, Page, sha256_hex
from newstrace.settings import Settings
from newstrace.stages.ingest.sniff import Sniffed, binary_hint

log = logging.getLogger(__name__)

# Exception texts can span lines (warcio's run to a dozen); a failure message is one line, and
# 300 characters hold a path, a URL and the reason.
_MAX_MESSAGE_CHARS = 300

Result = Page | Failure


@dataclass(frozen=True, slots=True)
class Origin:
    """A document's source as the user gave it, its place inside a container, and metadata."""

    source: str
    locator: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    document_id: str | None = None

    def page(self, raw: bytes, kind: InputKind, encoding: str | None = None) -> Page:
        return Page(
            source=self.source,
            raw=raw,
            kind=kind,
            locator=self.locator,
            document_id=self.document_id,
            url=self.url,
            title=self.title,
            outlet=self.outlet,
            published=self.published,
            encoding=encoding,
        )

    def fail(
        self,
        reason: Reason,
        message: str,
        settings: Settings,
        raw: bytes | None = None,
        *,
        complete: bool = True,
    ) -> Failure:
        """A Failure keeping at most max_failed_raw_bytes of ``raw``.

        The sha256 is of the whole input, so it is only set when ``raw`` is complete (not the
        head of an oversized file). The message does not repeat the locator: ``Failure.where``
        puts source and locator together.
        """
        return Failure(
            source=self.source,
            reason=reason,
            message=" ".join(message.split())[:_MAX_MESSAGE_CHARS],
            locator=self.locator,
            raw=None if raw is None else raw[: settings.max_failed_raw_bytes],
            sha256=sha256_hex(raw) if raw is not None and complete else None,
            document_id=self.document_id,
        )

    def result(
        self,
        found: Sniffed | None,
        raw: bytes,
        settings: Settings,
        *,
        encoding: str | None = None,
        media_type: str | None = None,
    ) -> Result:
        """The Page or Failure for classified bytes (a feed here is not a page: see feeds.py)."""
        if found is Sniffed.HTML:
            return self.page(raw, InputKind.HTML, encoding)
        if found is Sniffed.TEXT:
            return self.page(raw, InputKind.TEXT_DUMP, encoding)
        if found is Sniffed.EMPTY:
            return self.fail(
                Reason.EMPTY, "empty document (no content or only whitespace)", settings, raw
            )
        if found is Sniffed.BINARY:
            return self.fail(Reason.BINARY, binary_hint(raw), settings, raw)
        if found is Sniffed.FEED:
            return self.fail(Reason.UNSUPPORTED_TYPE, "an RSS/Atom feed, not a page", settings, raw)
        # No raw bytes kept: an image or a script is not evidence of anything, and a site crawl
        # holds thousands of them; the source and locator still point at the original.
        what = f"content type {media_type}" if media_type else "content"
        return self.fail(
            Reason.UNSUPPORTED_TYPE, f"unsupported {what}: not a page or text", settings
        )


def guarded(origin: Origin, results: Iterable[Result], settings: Settings) -> Iterator[Result]:
    """Yield from ``results``; an exception ends this one input with a Failure, never the run.

    NewstraceError keeps its reason; anything else is a bug in newstrace, not bad input, so it is
    logged with its traceback and recorded as INTERNAL_ERROR.
    """
    try:
        yield from results
    except NewstraceError as exc:
        yield origin.fail(exc.reason, exc.message, settings)
    except Exception as exc:
        log.exception("ingest failed on %s", origin.source)
        message = f"unexpected {type(exc).__name__}: {exc}"
        yield origin.fail(Reason.INTERNAL_ERROR, message, settings)


def nonempty(
    origin: Origin, results: Iterable[Result], settings: Settings, message: str
) -> Iterator[Result]:
    """Yield ``results``, or one EMPTY failure when there are none: never a silent nothing."""
    empty = True
    for result in results:
        empty = False
        yield result
    if empty:
        yield origin.fail(Reason.EMPTY, message, settings)
