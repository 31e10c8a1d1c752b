"""Standard input (target ``-``): sniffed, since a pipe has no file name to go by.

``source`` is ``<stdin>`` rather than the ``-`` the user typed: in a ledger or an export a bare
dash reads as "no value", while ``<stdin>`` says where the document came from.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from newstrace.errors import Reason
from newstrace.settings import Settings
from newstrace.stages.ingest.feeds import iter_feed
from newstrace.stages.ingest.fetch import Fetcher
from newstrace.stages.ingest.jsonl import iter_json_document, iter_jsonl
from newstrace.stages.ingest.origin import Origin, Result
from newstrace.stages.ingest.sniff import Sniffed, is_binary, sniff
from newstrace.stages.ingest.streams import prepend, read_capped

STDIN_SOURCE = "<stdin>"
# 64 KiB holds dozens of JSON Lines, or the head of any page, to decide what the stream is.
_SNIFF_BYTES = 65_536


def iter_stdin(stream: BinaryIO, settings: Settings, fetcher: Fetcher) -> Iterator[Result]:
    """JSON Lines when every non-blank line of the head opens an object (streamed); a JSON
    array or object; otherwise one document: a feed, HTML, or a text dump."""
    head = stream.read(_SNIFF_BYTES)
    whole = prepend(head, stream)
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    if is_binary(head) or start not in (b"{", b"["):
        yield from _document(whole, settings, fetcher)
    elif looks_like_jsonl(head):
        yield from iter_jsonl(whole, STDIN_SOURCE, settings)
    else:
        yield from iter_json_document(whole, STDIN_SOURCE, settings)


def looks_like_jsonl(head: bytes) -> bool:
    """Every non-blank line starts with ``{`` (the last one may be cut off by the head)."""
    lines = [line for line in head.removeprefix(codecs.BOM_UTF8).splitlines() if line.strip()]
    return bool(lines) and all(line.lstrip().startswith(b"{") for line in lines)


def _document(stream: BinaryIO, settings: Settings, fetcher: Fetcher) -> Iterator[Result]:
    origin = Origin(STDIN_SOURCE)
    cap = settings.max_document_bytes
    raw, over = read_capped(stream, cap)
    if over:
        message = f"input over the {cap:,}-byte limit (max_document_bytes)"
        yield origin.fail(Reason.TOO_LARGE, message, settings, raw, complete=False)
        return
    found = sniff(raw)
    if found is Sniffed.FEED:
        yield from iter_feed(raw, STDIN_SOURCE, settings, fetcher)
    else:
        yield origin.result(found, raw, settings)
