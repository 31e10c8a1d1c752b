"""Files and folders: expand folders (sorted, recursive), then dispatch each file by suffix.

``source`` is the path as the user typed it, or ``os.path.join(folder_as_typed, relative)`` for
a file found in a folder, so results read the way the user thinks of their files. Hidden files
and folders (``.git``, ``.DS_Store``) are skipped inside folders, but read when named directly.
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

from newstrace.errors import Reason
from newstrace.records import Failure, InputKind
from newstrace.settings import Settings
from newstrace.stages.ingest.feeds import iter_feed
from newstrace.stages.ingest.fetch import Fetcher
from newstrace.stages.ingest.jsonl import iter_json_document, iter_jsonl
from newstrace.stages.ingest.origin import Origin, Result, guarded, nonempty
from newstrace.stages.ingest.sniff import HEAD_BYTES, Sniffed, sniff
from newstrace.stages.ingest.streams import prepend, read_capped
from newstrace.stages.ingest.warc import iter_warc

_HTML = (".html", ".htm", ".xhtml")
_TEXT = (".txt",)
_JSON = (".json",)
_JSONL = (".jsonl", ".ndjson")
_ARCHIVES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc", ".arc.gz")
_FEEDS = (".xml", ".rss", ".atom")
# Text under an unknown suffix is a page dump only for suffixes that say "text" or nothing;
# a .csv, .css or .py file is text but not a page.
_DUMP_SUFFIXES = frozenset({"", ".text", ".md", ".markdown"})
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = (b"WARC/", b"filedesc://")  # WARC version line, ARC file header


@dataclass(frozen=True, slots=True)
class _Opened:
    """One open file and everything a handler needs to read it."""

    stream: BinaryIO
    origin: Origin
    size: int | None  # None for pipes and devices given by name: their size is unknown
    settings: Settings
    fetcher: Fetcher


_Handler = Callable[[_Opened], Iterator[Result]]


def iter_path(target: str, settings: Settings, fetcher: Fetcher) -> Iterator[Result]:
    """Everything under a file or folder target, in a deterministic order."""
    origin = Origin(target)
    if not os.path.lexists(target):
        yield origin.fail(Reason.NOT_FOUND, "no such file or folder", settings)
    elif os.path.isdir(target):
        yield from nonempty(
            origin, _iter_folder(target, settings, fetcher), settings, "folder holds no files"
        )
    else:
        yield from _iter_file(target, settings, fetcher, named=True)


def _iter_folder(folder: str, settings: Settings, fetcher: Fetcher) -> Iterator[Result]:
    for path, error in walk_files(folder):
        if error is not None:
            yield Origin(path).fail(Reason.UNREADABLE, f"cannot list folder: {error}", settings)
        else:
            yield from _iter_file(path, settings, fetcher, named=False)


def walk_files(folder: str) -> Iterator[tuple[str, str | None]]:
    """(path, None) for every non-hidden file under ``folder``, depth first in name order, or
    (folder path, error) for a folder that cannot be listed.

    Symbolic links are followed, but each folder is read once: a link back to an ancestor (a
    loop) or a second link to a folder already read is skipped.
    """
    visited = {_identity(folder)}
    pending: list[Iterator[os.DirEntry[str]]] = []
    listing, error = _listing(folder)
    if error is not None:
        yield folder, error
    pending.append(iter(listing))
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
        elif not _is_dir(entry):
            yield entry.path, None
        elif (key := _identity(entry.path)) not in visited:
            visited.add(key)
            listing, error = _listing(entry.path)
            if error is not None:
                yield entry.path, error
            pending.append(iter(listing))


def _listing(folder: str) -> tuple[list[os.DirEntry[str]], str | None]:
    try:
        with os.scandir(folder) as entries:
            visible = [e for e in entries if not e.name.startswith(".")]
    except OSError as exc:
        return [], exc.strerror or str(exc)
    return sorted(visible, key=lambda e: e.name), None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False  # reported when it is opened as a file


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _iter_file(path: str, settings: Settings, fetcher: Fetcher, *, named: bool) -> Iterator[Result]:
    origin = Origin(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        yield _os_failure(exc, origin, settings)
        return
    regular = stat.S_ISREG(info.st_mode)
    if not regular and not named:
        # Opening a FIFO found in a folder would block forever; a named one is the user's pipe.
        yield origin.fail(Reason.UNSUPPORTED_TYPE, "not a regular file", settings)
    elif regular and info.st_size == 0:
        yield origin.fail(Reason.EMPTY, "empty file", settings, b"")
    else:
        size = info.st_size if regular else None
        yield from guarded(origin, _read_file(path, origin, size, settings, fetcher), settings)


def _read_file(
    path: str, origin: Origin, size: int | None, settings: Settings, fetcher: Fetcher
) -> Iterator[Result]:
    try:
        with open(path, "rb") as stream:
            opened = _Opened(stream, origin, size, settings, fetcher)
            yield from _handler(os.path.basename(path).lower())(opened)
    except OSError as exc:
        yield _os_failure(exc, origin, settings)


def _os_failure(exc: OSError, origin: Origin, settings: Settings) -> Result:
    if isinstance(exc, FileNotFoundError):
        missing = os.path.islink(origin.source)
        return origin.fail(
            Reason.NOT_FOUND, "broken symbolic link" if missing else "no such file", settings
        )
    if isinstance(exc, PermissionError):
        return origin.fail(Reason.UNREADABLE, "permission denied", settings)
    return origin.fail(Reason.UNREADABLE, f"cannot read: {exc.strerror or exc}", settings)


def _handler(name: str) -> _Handler:
    table: tuple[tuple[tuple[str, ...], _Handler], ...] = (
        (_ARCHIVES, _archive),
        (_HTML, _html),
        (_TEXT, _text),
        (_JSONL, _jsonl),
        (_JSON, _json),
        (_FEEDS, _xml),
    )
    return next((handler for suffixes, handler in table if name.endswith(suffixes)), _unknown)


def _archive(file: _Opened) -> Iterator[Result]:
    # Archives stream record by record, each record capped: no whole-file size limit.
    results = iter_warc(file.stream, file.origin.source, file.settings)
    yield from nonempty(file.origin, results, file.settings, "archive holds no document records")


def _jsonl(file: _Opened) -> Iterator[Result]:
    results = iter_jsonl(file.stream, file.origin.source, file.settings)
    yield from nonempty(file.origin, results, file.settings, "no documents: every line is blank")


def _json(file: _Opened) -> Iterator[Result]:
    results = iter_json_document(file.stream, file.origin.source, file.settings)
    yield from nonempty(file.origin, results, file.settings, "no documents: an empty array")


def _html(file: _Opened) -> Iterator[Result]:
    yield from _single(file, InputKind.HTML)


def _text(file: _Opened) -> Iterator[Result]:
    # Undecodable text is still a page: decoding (with detection) is the extract stage's job.
    yield from _single(file, InputKind.TEXT_DUMP)


def _single(file: _Opened, kind: InputKind) -> Iterator[Result]:
    raw = _whole(file)
    if isinstance(raw, Failure):
        yield raw
        return
    found = sniff(raw)
    if found in (Sniffed.EMPTY, Sniffed.BINARY):
        yield file.origin.result(found, raw, file.settings)
    else:
        yield file.origin.page(raw, kind)


def _xml(file: _Opened) -> Iterator[Result]:
    """A feed if it is one; XHTML saved as .xml is a page; other XML is not a document."""
    raw = _whole(file)
    if isinstance(raw, Failure):
        yield raw
        return
    found = sniff(raw)
    if found is Sniffed.FEED:
        yield from iter_feed(raw, file.origin.source, file.settings, file.fetcher)
    elif found is Sniffed.HTML:
        yield file.origin.page(raw, InputKind.HTML)
    elif found is Sniffed.TEXT:
        message = "XML file is not an RSS or Atom feed"
        yield file.origin.fail(Reason.UNSUPPORTED_TYPE, message, file.settings, raw)
    else:
        yield file.origin.result(found, raw, file.settings)


def _unknown(file: _Opened) -> Iterator[Result]:
    """No known suffix: archives by magic number, else by content, within the size cap."""
    head = file.stream.read(HEAD_BYTES)
    file = replace(file, stream=prepend(head, file.stream))
    if _is_archive(head):
        yield from _archive(file)
        return
    raw = _whole(file)
    if isinstance(raw, Failure):
        yield raw
        return
    found = sniff(raw)
    if found is Sniffed.FEED:
        yield from iter_feed(raw, file.origin.source, file.settings, file.fetcher)
    elif found is Sniffed.TEXT and _suffix(file.origin.source) not in _DUMP_SUFFIXES:
        message = f"unsupported file type {_suffix(file.origin.source)!r}: text, but not a page"
        yield file.origin.fail(Reason.UNSUPPORTED_TYPE, message, file.settings)
    else:
        yield file.origin.result(found, raw, file.settings)


def _is_archive(head: bytes) -> bool:
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(_WARC_MAGIC)


def _suffix(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[1].lower()


def _whole(file: _Opened) -> bytes | Failure:
    """The file's bytes, or TOO_LARGE past max_document_bytes (without reading the rest)."""
    cap = file.settings.max_document_bytes
    if file.size is not None and file.size > cap:
        head = file.stream.read(file.settings.max_failed_raw_bytes)
        message = f"file is {file.size:,} bytes, over the {cap:,}-byte limit (max_document_bytes)"
        return file.origin.fail(Reason.TOO_LARGE, message, file.settings, head, complete=False)
    raw, over = read_capped(file.stream, cap)
    if over:
        message = f"over the {cap:,}-byte limit (max_document_bytes)"
        return file.origin.fail(Reason.TOO_LARGE, message, file.settings, raw, complete=False)
    return raw
