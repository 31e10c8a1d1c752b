"""Ingest of WARC/WET archives built in the test with warcio, including broken ones."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.errors import Reason
from newstrace.records import Failure, InputKind, Page, sha256_hex
from newstrace.settings import Settings
from newstrace.stages.ingest import iter_inputs

PAGE = (
    "<!DOCTYPE html><html><head><title>Fictional</title></head><body>"
    "<p>This is a fictional test report by newstrace. Clashes were reported near Deir ez-Zor.</p>"
    "</body></html>"
)
WET_TEXT = "Home | News | Donate\nThis is a fictional test report by newstrace.\nShare this"


class Archive:
    """A WARC written in memory, record by record."""

    def __init__(self, *, gz: bool) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gz)

    def warcinfo(self) -> Archive:
        self.writer.write_record(self.writer.create_warcinfo_record("test.warc", {"software": "t"}))
        return self

    def response(
        self,
        url: str,
        body: bytes = PAGE.encode(),
        *,
        status: str = "200 OK",
        content_type: str | None = "text/html; charset=utf-8",
        extra: list[tuple[str, str]] | None = None,
    ) -> Archive:
        headers = [("Content-Type", content_type)] if content_type else []
        headers += extra or []
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http
        )
        self.writer.write_record(record)
        return self

    def request(self, url: str) -> Archive:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        record = self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), http_headers=http
        )
        self.writer.write_record(record)
        return self

    def plain(self, kind: str, url: str, body: bytes, content_type: str) -> Archive:
        headers = {"WARC-Type": kind}
        record = self.writer.create_warc_record(
            url,
            kind,
            payload=io.BytesIO(body),
            warc_content_type=content_type,
            warc_headers_dict=headers,
        )
        self.writer.write_record(record)
        return self

    def bytes(self) -> bytes:
        return self.buffer.getvalue()


def run(path: Path, settings: Settings | None = None) -> list[Page | Failure]:
    return list(iter_inputs([str(path)], settings or Settings()))


def summary(results: list[Page | Failure]) -> list[tuple[str, str]]:
    return [
        (
            (r.locator or "").split(",")[0],
            r.reason.value if isinstance(r, Failure) else r.kind.value,
        )
        for r in results
    ]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("gz", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_response_pages_and_skipped_records(tmp_path: Path, gz: bool, name: str) -> None:
    archive = (
        Archive(gz=gz)
        .warcinfo()
        .request("https://news.example/a")
        .response("https://news.example/a")
        .request("https://news.example/b")
        .response("https://news.example/b", PAGE.replace("Deir", "Raqqa").encode())
    )
    path = write(tmp_path, name, archive.bytes())
    results = run(path)
    assert summary(results) == [("record 3", "html"), ("record 5", "html")]
    first = results[0]
    assert isinstance(first, Page)
    assert first.url == "https://news.example/a"
    assert first.raw == PAGE.encode()
    assert first.sha256 == sha256_hex(PAGE.encode())
    assert first.encoding == "utf-8"
    assert first.published is None  # WARC-Date is the crawl date, not the publication date
    assert first.source == str(path)
    assert first.locator is not None and first.locator.startswith("record 3, offset ")


def test_offsets_locate_the_records(tmp_path: Path) -> None:
    data = Archive(gz=False).warcinfo().response("https://news.example/a").bytes()
    [result] = run(write(tmp_path, "a.warc", data))
    assert result.locator is not None
    offset = int(result.locator.rsplit(" ", 1)[1])
    assert data[offset:].startswith(b"WARC/1.")
    assert b"WARC-Type: response" in data[offset : offset + 200]


def test_status_codes(tmp_path: Path) -> None:
    archive = (
        Archive(gz=True)
        .response("https://news.example/moved", b"", status="301 Moved Permanently")
        .response("https://news.example/gone", b"<html>Not here</html>", status="404 Not Found")
        .response("https://news.example/err", b"oops", status="503 Service Unavailable")
        .response("https://news.example/ok")
    )
    results = run(write(tmp_path, "a.warc.gz", archive.bytes()))
    assert summary(results) == [
        ("record 2", "fetch_http_status"),
        ("record 3", "fetch_http_status"),
        ("record 4", "html"),
    ]
    assert results[0].message.endswith("HTTP 404 (https://news.example/gone)")  # type: ignore[union-attr]


def test_non_page_payloads(tmp_path: Path) -> None:
    archive = (
        Archive(gz=False)
        .response(
            "https://news.example/logo.png",
            b"\x89PNG\r\n\x1a\n" + bytes(200),
            content_type="image/png",
        )
        .response(
            "https://news.example/app.js", b"var x = 1;", content_type="application/javascript"
        )
        .response(
            "https://news.example/robots", b"Fictional plain text page.", content_type="text/plain"
        )
        .response("https://news.example/untyped", PAGE.encode(), content_type=None)
        .response("https://news.example/empty", b"", content_type="text/html")
    )
    results = run(write(tmp_path, "a.warc", archive.bytes()))
    assert summary(results) == [
        ("record 1", "unsupported_type"),
        ("record 2", "unsupported_type"),
        ("record 3", "text_dump"),
        ("record 4", "html"),
        ("record 5", "empty_document"),
    ]
    assert "image/png" in results[0].message  # type: ignore[union-attr]
    assert results[0].raw is None


def test_charset_from_http_headers(tmp_path: Path) -> None:
    body = "<html><body><p>Vymyšlená zpráva newstrace.</p></body></html>".encode("cp1250")
    data = (
        Archive(gz=False)
        .response("https://news.example/cz", body, content_type='text/html; charset="windows-1250"')
        .response("https://news.example/x", content_type="text/html; charset=bogus-9")
        .bytes()
    )
    results = run(write(tmp_path, "a.warc", data))
    assert [r.encoding for r in results if isinstance(r, Page)] == ["windows-1250", None]


def test_content_and_transfer_encodings_are_undone(tmp_path: Path) -> None:
    compressed = gzip.compress(PAGE.encode())
    data = (
        Archive(gz=False)
        .response("https://news.example/gz", compressed, extra=[("Content-Encoding", "gzip")])
        .bytes()
    )
    [result] = run(write(tmp_path, "a.warc", data))
    assert isinstance(result, Page)
    assert result.raw == PAGE.encode()


def test_dns_records_are_not_documents(tmp_path: Path) -> None:
    data = (
        Archive(gz=False)
        .plain("response", "dns:news.example", b"news.example. 300 IN A 192.0.2.1", "text/dns")
        .response("https://news.example/a")
        .bytes()
    )
    assert summary(run(write(tmp_path, "a.warc", data))) == [("record 2", "html")]


def test_wet_conversion_records(tmp_path: Path) -> None:
    data = (
        Archive(gz=True)
        .warcinfo()
        .plain("conversion", "https://news.example/a", WET_TEXT.encode(), "text/plain")
        .plain("conversion", "https://news.example/b", b"<p>markup as text</p>", "text/plain")
        .bytes()
    )
    results = run(write(tmp_path, "crawl.warc.wet.gz", data))
    assert summary(results) == [("record 2", "text_dump"), ("record 3", "text_dump")]
    assert results[0].raw == WET_TEXT.encode()
    assert results[0].url == "https://news.example/a"  # type: ignore[union-attr]


def test_resource_records_by_content_type(tmp_path: Path) -> None:
    data = (
        Archive(gz=False)
        .plain("resource", "file:///saved/page.html", PAGE.encode(), "text/html")
        .plain("resource", "file:///saved/pic.gif", b"GIF89a" + bytes(100), "image/gif")
        .plain("metadata", "https://news.example/a", b"outlinks: none", "application/warc-fields")
        .bytes()
    )
    assert summary(run(write(tmp_path, "a.warc", data))) == [
        ("record 1", "html"),
        ("record 2", "unsupported_type"),
    ]


def test_oversized_record_fails_alone(tmp_path: Path) -> None:
    big = PAGE.replace("</body>", "<p>" + "x" * 5000 + "</p></body>").encode()
    data = (
        Archive(gz=True)
        .response("https://news.example/a")
        .response("https://news.example/big", big)
        .response("https://news.example/c")
        .bytes()
    )
    results = run(write(tmp_path, "a.warc.gz", data), Settings(max_document_bytes=2000))
    assert summary(results) == [
        ("record 1", "html"),
        ("record 2", "too_large"),
        ("record 3", "html"),
    ]
    assert results[1].message.endswith("(https://news.example/big)")  # type: ignore[union-attr]


def five_pages(*, gz: bool) -> bytes:
    archive = Archive(gz=gz).warcinfo()
    for n in range(5):
        archive.response(f"https://news.example/{n}", PAGE.replace("Deir", f"Place {n}").encode())
    return archive.bytes()


def test_truncated_warc_gz_keeps_earlier_records(tmp_path: Path) -> None:
    data = five_pages(gz=True)
    results = run(write(tmp_path, "cut.warc.gz", data[: len(data) // 2]))
    pages = [r for r in results if isinstance(r, Page)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert len(pages) >= 1
    assert [p.url for p in pages] == [f"https://news.example/{n}" for n in range(len(pages))]
    assert len(failures) == 1 and results[-1] is failures[0]
    assert failures[0].reason is Reason.MALFORMED_WARC
    assert failures[0].locator == f"record {len(pages) + 2}"
    assert "truncated" in failures[0].message
    assert failures[0].message.endswith("the rest of the archive is skipped")


@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.77, 0.99])
def test_truncated_plain_warc_keeps_earlier_records(tmp_path: Path, fraction: float) -> None:
    data = five_pages(gz=False)
    results = run(write(tmp_path, "cut.warc", data[: int(len(data) * fraction)]))
    assert isinstance(results[-1], Failure)
    assert results[-1].reason is Reason.MALFORMED_WARC
    assert all(isinstance(r, Page) for r in results[:-1])
    assert len(results) >= 2 or fraction < 0.4


def test_corrupt_gzip_member(tmp_path: Path) -> None:
    data = bytearray(five_pages(gz=True))
    middle = len(data) // 2
    data[middle : middle + 40] = b"\x00" * 40
    results = run(write(tmp_path, "bad.warc.gz", bytes(data)))
    assert isinstance(results[-1], Failure)
    assert results[-1].reason is Reason.MALFORMED_WARC
    assert sum(isinstance(r, Page) for r in results) in range(1, 5)


def test_wrong_content_length_is_reported(tmp_path: Path) -> None:
    data = (
        Archive(gz=False)
        .response("https://news.example/a")
        .response("https://news.example/b")
        .bytes()
    )
    declared = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.index(b"\r\n", declared)
    wrong = int(data[declared:end]) - 30
    broken = data[:declared] + str(wrong).encode() + data[end:]
    results = run(write(tmp_path, "a.warc", broken))
    assert isinstance(results[0], Failure)
    assert results[0].reason is Reason.MALFORMED_WARC
    assert results[0].locator == "record 1, offset 0"
    assert "Content-Length" in results[0].message


def test_not_an_archive(tmp_path: Path) -> None:
    [result] = run(write(tmp_path, "a.warc", b"This is a fictional text file, not a WARC.\n"))
    assert isinstance(result, Failure)
    assert result.reason is Reason.MALFORMED_WARC
    assert result.locator == "record 1, offset 0"


def test_archive_without_documents_is_reported(tmp_path: Path) -> None:
    data = Archive(gz=True).warcinfo().request("https://news.example/a").bytes()
    [result] = run(write(tmp_path, "a.warc.gz", data))
    assert isinstance(result, Failure)
    assert result.reason is Reason.EMPTY


def test_archive_found_by_magic_without_suffix(tmp_path: Path) -> None:
    data = Archive(gz=True).response("https://news.example/a").bytes()
    [result] = run(write(tmp_path, "CC-MAIN-00001", data))
    assert isinstance(result, Page)
    assert result.kind is InputKind.HTML


def test_archive_is_streamed_not_capped_as_a_whole(tmp_path: Path) -> None:
    archive = Archive(gz=True)
    for n in range(30):
        archive.response(f"https://news.example/{n}")
    data = archive.bytes()
    settings = Settings(max_document_bytes=len(PAGE) + 10)
    assert len(data) > settings.max_document_bytes
    results = run(write(tmp_path, "a.warc.gz", data), settings)
    assert len(results) == 30 and all(isinstance(r, Page) for r in results)


def test_warcio_warnings_do_not_reach_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (
        Archive(gz=False)
        .response("https://news.example/a")
        .response("https://news.example/b")
        .bytes()
    )
    declared = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.index(b"\r\n", declared)
    broken = data[:declared] + str(int(data[declared:end]) - 30).encode() + data[end:]
    run(write(tmp_path, "a.warc", broken))
    assert capsys.readouterr().err == ""
