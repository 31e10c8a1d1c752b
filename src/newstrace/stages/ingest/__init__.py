"""Ingest stage: what the user named (files, folders, URLs, feeds, stdin) → raw pages.

Yields one ``Page`` per document found and one ``Failure`` per thing that could not become a
document; it never raises for bad input, and a bad document never stops the ones after it.
Containers (JSONL, WARC) are streamed, so memory stays bounded by one document.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from newstrace.records import Failure, Page
from newstrace.settings import Settings
from newstrace.stages.ingest.fetch import Fetcher
from newstrace.stages.ingest.files import iter_path
from newstrace.stages.ingest.origin import Origin, Result, guarded
from newstrace.stages.ingest.stdin import STDIN_SOURCE, iter_stdin
from newstrace.stages.ingest.urls import is_url, iter_url

__all__ = ["STDIN_SOURCE", "Fetcher", "iter_inputs"]


def iter_inputs(
    targets: Sequence[str],
    settings: Settings,
    stdin: BinaryIO | None = None,
    *,
    fetcher: Fetcher | None = None,
) -> Iterator[Page | Failure]:
    """Pages and failures from each target in order: ``-`` reads ``stdin`` (default: the
    process's standard input), http(s) URLs are fetched, anything else is a path.

    ``fetcher`` carries the HTTP client and resolver (tests inject ``httpx.MockTransport``);
    by default one is made here and closed when iteration ends.
    """
    own = fetcher is None
    active = fetcher if fetcher is not None else Fetcher(settings)
    try:
        for target in targets:
            yield from guarded(
                Origin(target), _iter_target(target, settings, stdin, active), settings
            )
    finally:
        if own:
            active.close()


def _iter_target(
    target: str, settings: Settings, stdin: BinaryIO | None, fetcher: Fetcher
) -> Iterator[Result]:
    if target == "-":
        yield from iter_stdin(stdin if stdin is not None else sys.stdin.buffer, settings, fetcher)
    elif is_url(target):
        yield from iter_url(target, settings, fetcher)
    else:
        yield from iter_path(target, settings, fetcher)
