"""URL targets: fetch a page, or a feed whose items are then read one by one."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from newstrace.errors import NewstraceError
from newstrace.settings import Settings
from newstrace.stages.ingest.feeds import iter_feed
from newstrace.stages.ingest.fetch import Fetcher, fetched_result
from newstrace.stages.ingest.origin import Origin, Result
from newstrace.stages.ingest.sniff import Sniffed, classify

# "scheme://…" is a URL, whatever the scheme (file:, ftp: are refused by the fetcher with a
# reason). Schemes used without "//" are only URLs when no file of that name exists.
_URL_WITH_AUTHORITY = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
_URL_WITHOUT_AUTHORITY = re.compile(r"^(?:javascript|data|mailto|about|vbscript|tel):", re.I)


def is_url(target: str) -> bool:
    """True for targets to fetch (or to refuse as URLs) rather than to open as paths."""
    if _URL_WITH_AUTHORITY.match(target):
        return True
    return bool(_URL_WITHOUT_AUTHORITY.match(target)) and not os.path.lexists(target)


def iter_url(url: str, settings: Settings, fetcher: Fetcher) -> Iterator[Result]:
    """The page at ``url``, or one result per item when it is a feed. ``source`` is ``url``
    as given; ``Page.url`` is the final URL after redirects."""
    origin = Origin(url)
    try:
        fetched = fetcher.fetch(url)
    except NewstraceError as exc:
        yield origin.fail(exc.reason, exc.message, settings)
        return
    if classify(fetched.media_type, fetched.body) is Sniffed.FEED:
        yield from iter_feed(fetched.body, url, settings, fetcher, base_url=fetched.url)
    else:
        yield fetched_result(fetched, origin, settings)
