"""Standard input (``-``): sniffed into JSON Lines, JSON, a feed, HTML or a text dump."""

from __future__ import annotations

import io
import json

from newstrace.errors import Reason
from newstrace.records import Failure, InputKind, Page
from newstrace.settings import Settings
from newstrace.stages.ingest import STDIN_SOURCE, iter_inputs
from newstrace.stages.ingest.stdin import looks_like_jsonl

TEXT = "This is a fictional test report by newstrace. Two were wounded in Mosul."
PAGE = f"<!doctype html><html><body><p>{TEXT}</p></body></html>"


def run(data: bytes, settings: Settings | None = None) -> list[Page | Failure]:
    return list(iter_inputs(["-"], settings or Settings(), stdin=io.BytesIO(data)))


def test_stdin_source_name() -> None:
    assert STDIN_SOURCE == "<stdin>"


def test_html_from_stdin() -> None:
    [result] = run(PAGE.encode())
    assert isinstance(result, Page)
    assert (result.kind, result.source, result.raw) == (InputKind.HTML, "<stdin>", PAGE.encode())


def test_text_from_stdin() -> None:
    [result] = run(f"Menu | Login\n{TEXT}\n".encode())
    assert isinstance(result, Page) and result.kind is InputKind.TEXT_DUMP


def test_jsonl_from_stdin_streams_with_line_numbers() -> None:
    lines = [json.dumps({"id": f"s{i}", "text": TEXT}) for i in range(3)]
    data = ("\n".join([lines[0], "", lines[1], "{broken", lines[2]]) + "\n").encode()
    results = run(data)
    assert [(r.locator, type(r).__name__) for r in results] == [
        ("line 1", "Page"),
        ("line 3", "Page"),
        ("line 4", "Failure"),
        ("line 5", "Page"),
    ]
    assert all(r.source == "<stdin>" for r in results)
    assert results[0].raw == TEXT.encode()


def test_large_jsonl_from_stdin_is_not_capped_as_a_whole() -> None:
    line = json.dumps({"text": TEXT}) + "\n"
    data = (line * 2000).encode()
    settings = Settings(max_document_bytes=1000)
    assert len(data) > 100 * settings.max_document_bytes
    results = run(data, settings)
    assert len(results) == 2000 and all(isinstance(r, Page) for r in results)


def test_json_array_from_stdin() -> None:
    data = json.dumps([{"id": "a", "text": TEXT}, {"id": "b", "html": PAGE}], indent=1).encode()
    results = run(data)
    assert [(r.locator, r.document_id) for r in results] == [("item 1", "a"), ("item 2", "b")]


def test_binary_stdin() -> None:
    [result] = run(b"\x89PNG\r\n\x1a\n" + bytes(300))
    assert isinstance(result, Failure) and result.reason is Reason.BINARY


def test_empty_stdin() -> None:
    [result] = run(b"")
    assert isinstance(result, Failure) and result.reason is Reason.EMPTY


def test_oversized_stdin() -> None:
    [result] = run(TEXT.encode() * 100, Settings(max_document_bytes=500))
    assert isinstance(result, Failure) and result.reason is Reason.TOO_LARGE


def test_feed_from_stdin() -> None:
    body = f"<p>{TEXT}</p>" * 20
    feed = (
        '<rss version="2.0"><channel><title>newstrace demo (fictional)</title>'
        f"<item><title>One</title><description><![CDATA[{body}]]></description></item>"
        "</channel></rss>"
    ).encode()
    [result] = run(feed)
    assert isinstance(result, Page)
    assert (result.locator, result.raw, result.outlet) == (
        "item 1",
        body.encode(),
        "newstrace demo (fictional)",
    )


def test_looks_like_jsonl() -> None:
    assert looks_like_jsonl(b'{"a": 1}\n\n  {"b": 2}\n{"c": ')
    assert looks_like_jsonl(b'\xef\xbb\xbf{"a": 1}')
    assert not looks_like_jsonl(b'{\n  "a": 1\n}')
    assert not looks_like_jsonl(b"")
