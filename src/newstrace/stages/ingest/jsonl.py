"""JSON Lines and JSON documents: one object per line (or per array item) is one document.

The contract (DESIGN.md): ``{"id", "url", "title", "outlet", "published", "text" | "html"}``,
only ``text`` or ``html`` required. ``text`` is an already-extracted body kept verbatim, so it is
stored as exactly its UTF-8 bytes: character offsets into it stay valid. Files can be gigabytes:
everything streams, one document (at most ``max_document_bytes``) in memory at a time.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from newstrace.errors import NewstraceError, Reason
from newstrace.records import InputKind
from newstrace.settings import Settings
from newstrace.stages.ingest.origin import Origin, Result
from newstrace.stages.ingest.streams import CHUNK_BYTES, prepend

_DECODER = json.JSONDecoder()
_WHITESPACE = re.compile(r"[ \t\n\r]*")


def iter_jsonl(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Result]:
    """One Page or Failure per non-blank line; ``locator`` is ``line N`` (1-based)."""
    seen: dict[str, str] = {}
    cap = settings.max_document_bytes
    for number, line, complete in _lines(stream, cap):
        origin = Origin(source, locator=f"line {number}")
        if not complete:
            message = f"line longer than the {cap:,}-byte limit (max_document_bytes)"
            yield origin.fail(Reason.TOO_LARGE, message, settings, line, complete=False)
        elif line.strip():
            yield _from_json(line.rstrip(b"\r\n"), origin, seen, settings)


def iter_json_document(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Result]:
    """A ``.json`` file: an array of objects (streamed), one object, or JSON Lines misnamed.

    A file whose first non-blank line is a complete object is read as JSON Lines: a single
    compact object reads the same either way, and a multi-GB ``.json`` export of one object per
    line must stream rather than be refused as one over-large document.
    """
    consumed, first = _first_line(stream, settings.max_document_bytes)
    body = prepend(consumed, stream)
    start = first.lstrip()[:1]
    if start == b"[":
        yield from _iter_array(body, source, settings)
    elif start == b"{" and (len(first) > settings.max_document_bytes or _is_object(first)):
        yield from iter_jsonl(body, source, settings)
    elif start == b"{":
        yield _single(body, Origin(source), settings)
    elif not first.strip():
        yield Origin(source).fail(Reason.EMPTY, "empty JSON file", settings, consumed)
    else:
        message = "invalid JSON: expected an object or an array of objects"
        yield Origin(source).fail(Reason.MALFORMED_JSON, message, settings, consumed)


def _lines(stream: BinaryIO, cap: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, bytes, complete): a line over ``cap`` comes back cut, the rest skipped."""
    number = 0
    while line := stream.readline(cap + 1):
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, line[:cap], False
        else:
            yield number, line, True


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while (part := stream.readline(CHUNK_BYTES)) and not part.endswith(b"\n"):
        pass


def _first_line(stream: BinaryIO, cap: int) -> tuple[bytes, bytes]:
    """All bytes read, and the first non-blank line among them (BOM removed)."""
    consumed = b""
    while line := stream.readline(cap + 1):
        consumed += line
        if line.strip():
            return consumed, line.removeprefix(codecs.BOM_UTF8)
    return consumed, b""


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(_loads(line), dict)
    except NewstraceError:
        return False


def _loads(data: bytes) -> object:
    """Parsed JSON, or NewstraceError(MALFORMED_JSON) with the parser's reason."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        )
        raise NewstraceError(Reason.MALFORMED_JSON, f"invalid JSON: {exc.msg} ({where})") from exc
    except UnicodeDecodeError as exc:
        raise NewstraceError(Reason.MALFORMED_JSON, "invalid JSON: not UTF-8 text") from exc
    except RecursionError as exc:
        raise NewstraceError(Reason.MALFORMED_JSON, "invalid JSON: nested too deeply") from exc


def _from_json(data: bytes, origin: Origin, seen: dict[str, str], settings: Settings) -> Result:
    try:
        value = _loads(data)
    except NewstraceError as exc:
        return origin.fail(exc.reason, exc.message, settings, data)
    return _document(value, data, origin, seen, settings)


def _single(stream: BinaryIO, origin: Origin, settings: Settings) -> Result:
    cap = settings.max_document_bytes
    data = stream.read(cap + 1)
    if len(data) > cap:
        message = f"JSON document larger than the {cap:,}-byte limit (max_document_bytes)"
        return origin.fail(Reason.TOO_LARGE, message, settings, data, complete=False)
    return _from_json(data, origin, {}, settings)


def _document(
    value: object, raw: bytes, origin: Origin, seen: dict[str, str], settings: Settings
) -> Result:
    """A Page from one decoded JSON value, or the Failure saying which rule it breaks."""
    if not isinstance(value, dict):
        message = f"expected a JSON object, got {_json_type(value)}"
        return origin.fail(Reason.MALFORMED_JSON, message, settings, raw)
    try:
        origin = replace(
            origin,
            document_id=_field(value, "id"),
            url=_field(value, "url"),
            title=_field(value, "title"),
            outlet=_field(value, "outlet"),
            published=_field(value, "published"),
        )
        body, kind = _body(value)
    except NewstraceError as exc:
        return origin.fail(exc.reason, exc.message, settings, raw)
    doc_id = origin.document_id
    if doc_id is not None and doc_id in seen:
        message = f"duplicate id {doc_id!r}: already used by {seen[doc_id]} of this file"
        return origin.fail(Reason.DUPLICATE_ID, message, settings, raw)
    if doc_id is not None:
        seen[doc_id] = origin.locator or "an earlier document"
    return origin.page(body, kind, encoding="utf-8")


def _field(obj: dict[str, object], name: str) -> str | None:
    """A metadata field as a string: numbers are stringified, empty strings count as absent."""
    value = obj.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    message = f"field {name!r} must be a string or a number, got {_json_type(value)}"
    raise NewstraceError(Reason.MALFORMED_JSON, message)


def _body(obj: dict[str, object]) -> tuple[bytes, InputKind]:
    """``text`` (verbatim article body) wins over ``html``; either must hold non-blank text."""
    for name, kind in (("text", InputKind.ARTICLE_TEXT), ("html", InputKind.HTML)):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            message = f"field {name!r} must be a string, got {_json_type(value)}"
            raise NewstraceError(Reason.MISSING_BODY, message)
        if value and value.strip():
            return _utf8(value, name), kind
    raise NewstraceError(Reason.MISSING_BODY, "no body: needs a non-empty 'text' or 'html' field")


def _utf8(text: str, name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # JSON allows "\ud83d" alone; no encoding can store it, and "fixing" it shifts offsets.
        bad = text[exc.start].encode("unicode_escape").decode("ascii")
        message = f"field {name!r} holds an unpaired surrogate {bad} at character {exc.start}"
        raise NewstraceError(Reason.UNDECODABLE, message) from exc


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _iter_array(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Result]:
    """Each item of a top-level array; a broken item ends the file (no way to resync)."""
    seen: dict[str, str] = {}
    scanner = _ArrayScanner(stream, settings.max_document_bytes)
    number = 0
    try:
        for text, value in scanner.items():
            number += 1
            origin = Origin(source, locator=f"item {number}")
            raw = text.encode("utf-8")
            if len(raw) > settings.max_document_bytes:
                message = _over_cap(settings.max_document_bytes)
                yield origin.fail(Reason.TOO_LARGE, message, settings, raw)
            else:
                yield _document(value, raw, origin, seen, settings)
    except NewstraceError as exc:
        origin = Origin(source, locator=f"item {number + 1}")
        yield origin.fail(exc.reason, f"{exc.message}; the rest of the file is skipped", settings)


def _over_cap(cap: int) -> str:
    return f"item larger than the {cap:,}-byte limit (max_document_bytes)"


class _ArrayScanner:
    """Reads a top-level JSON array item by item, holding one item (at most ``cap``) in memory."""

    def __init__(self, stream: BinaryIO, cap: int) -> None:
        self._stream = stream
        self._cap = cap
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._buf = ""
        self._pos = 0
        self._eof = False

    def items(self) -> Iterator[tuple[str, object]]:
        """JSON text and value of each item; NewstraceError for anything that breaks the array."""
        self._expect("[")
        if self._peek() == "]":
            return
        while True:
            yield self._item()
            following = self._peek()
            if following == "]":
                self._pos += 1
                break
            if following != ",":
                raise NewstraceError(Reason.MALFORMED_JSON, "invalid JSON: expected ',' or ']'")
            self._pos += 1
        if self._peek():
            raise NewstraceError(Reason.MALFORMED_JSON, "invalid JSON: data after the closing ']'")

    def _expect(self, char: str) -> None:
        if self._peek() != char:
            raise NewstraceError(Reason.MALFORMED_JSON, f"invalid JSON: expected {char!r}")
        self._pos += 1

    def _peek(self) -> str:
        """The next non-whitespace character, or '' at the end of the stream."""
        while True:
            match = _WHITESPACE.match(self._buf, self._pos)
            self._pos = match.end() if match else self._pos
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._fill(CHUNK_BYTES):
                return ""

    def _item(self) -> tuple[str, object]:
        """Parse one value at the cursor, reading more until it is complete or over the cap."""
        self._peek()
        chunk = CHUNK_BYTES
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buf, self._pos)
                # A number ending exactly at the buffer's end may continue in the next chunk.
                if end < len(self._buf) or self._eof:
                    break
            except json.JSONDecodeError as exc:
                if self._eof:
                    raise NewstraceError(Reason.MALFORMED_JSON, f"invalid JSON: {exc.msg}") from exc
            except RecursionError as exc:
                raise NewstraceError(
                    Reason.MALFORMED_JSON, "invalid JSON: nested too deeply"
                ) from exc
            if len(self._buf) - self._pos > self._cap:
                raise NewstraceError(Reason.TOO_LARGE, _over_cap(self._cap))
            self._fill(chunk)
            chunk *= 2  # doubling keeps the re-parses of one large item linear in its size
        text = self._buf[self._pos : end]
        self._pos = end
        return text, value

    def _fill(self, size: int) -> bool:
        """Append up to ``size`` more bytes of text; False once the stream is exhausted."""
        if self._eof:
            return False
        data = self._stream.read(size)
        self._eof = not data
        try:
            text = self._decoder.decode(data, final=self._eof)
        except UnicodeDecodeError as exc:
            raise NewstraceError(Reason.MALFORMED_JSON, "invalid JSON: not UTF-8 text") from exc
        self._buf = self._buf[self._pos :] + text
        self._pos = 0
        return True
