"""URL fetching: safety rules with httpx.MockTransport (no network), plus a real loopback server."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest

from newstrace.errors import Reason
from newstrace.records import Failure, InputKind, Page
from newstrace.settings import Settings
from newstrace.stages.ingest import fetch as fetch_module
from newstrace.stages.ingest import iter_inputs
from newstrace.stages.ingest.fetch import Fetcher, forbidden_kind

PAGE = (
    b"<html><head><title>Fictional</title></head>"
    b"<body><p>This is a fictional test report by newstrace.</p></body></html>"
)
PUBLIC = "93.184.215.14"  # any global address: MockTransport never connects to it

Handler = Callable[[httpx.Request], httpx.Response]


def resolver(table: dict[str, list[str]] | None = None) -> Callable[[str, int], list[str]]:
    def resolve(host: str, port: int) -> list[str]:
        return (table or {}).get(host, [PUBLIC])

    return resolve


def fetcher_for(
    handler: Handler, settings: Settings | None = None, table: dict[str, list[str]] | None = None
) -> Fetcher:
    client = httpx.Client(transport=httpx.MockTransport(handler))
    return Fetcher(settings or Settings(), client=client, resolver=resolver(table))


def run(
    url: str,
    handler: Handler,
    settings: Settings | None = None,
    table: dict[str, list[str]] | None = None,
) -> Page | Failure:
    settings = settings or Settings()
    with fetcher_for(handler, settings, table) as fetcher:
        [result] = list(iter_inputs([url], settings, fetcher=fetcher))
    return result


def html(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, content=PAGE, headers={"Content-Type": "text/html; charset=ISO-8859-1"}
    )


def failed(result: Page | Failure, reason: Reason) -> Failure:
    assert isinstance(result, Failure), result
    assert result.reason is reason, result
    return result


def test_fetches_an_html_page() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return html(request)

    result = run("https://news.example/story", handler)
    assert isinstance(result, Page)
    assert result.kind is InputKind.HTML
    assert result.raw == PAGE
    assert result.source == result.url == "https://news.example/story"
    assert result.encoding == "iso-8859-1"
    assert seen[0].headers["user-agent"] == Settings().fetch_user_agent


def test_text_plain_is_a_text_dump() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="This is a fictional test report by newstrace.")

    result = run("https://news.example/a.txt", handler)
    assert isinstance(result, Page) and result.kind is InputKind.TEXT_DUMP
    assert result.encoding == "utf-8"


def test_octet_stream_is_sniffed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=PAGE, headers={"Content-Type": "application/octet-stream"}
        )

    result = run("https://news.example/a", handler)
    assert isinstance(result, Page) and result.kind is InputKind.HTML


def test_unsupported_content_type() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"}
        )

    found = failed(run("https://news.example/a.pdf", handler), Reason.UNSUPPORTED_TYPE)
    assert "application/pdf" in found.message


def test_empty_body() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"", headers={"Content-Type": "text/html"})

    failed(run("https://news.example/a", handler), Reason.EMPTY)


def test_http_404() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=b"<html>Not found</html>")

    found = failed(run("https://news.example/missing", handler), Reason.FETCH_HTTP_STATUS)
    assert found.message == "HTTP 404 Not Found for https://news.example/missing"
    assert found.source == "https://news.example/missing"


def redirect_chain(hops: int) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.path.strip("/") or 0)
        if step < hops:
            return httpx.Response(302, headers={"Location": f"/{step + 1}"})
        return html(request)

    return handler


def test_redirects_within_the_limit_are_followed() -> None:
    result = run("https://news.example/", redirect_chain(5))
    assert isinstance(result, Page)
    assert result.source == "https://news.example/"
    assert result.url == "https://news.example/5"


def test_redirect_chain_over_the_limit() -> None:
    found = failed(run("https://news.example/", redirect_chain(6)), Reason.FETCH_TOO_MANY_REDIRECTS)
    assert found.message == "more than 5 redirects (stopped at https://news.example/6)"


def test_redirect_limit_is_a_setting() -> None:
    settings = Settings(fetch_max_redirects=0)
    failed(
        run("https://news.example/", redirect_chain(1), settings), Reason.FETCH_TOO_MANY_REDIRECTS
    )


def test_redirect_to_a_private_address_is_refused() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(301, headers={"Location": "http://10.0.0.5/admin"})

    found = failed(run("https://news.example/", handler), Reason.FETCH_REFUSED_ADDRESS)
    assert found.message == "refused private address 10.0.0.5 (use --allow-private)"
    assert seen == ["https://news.example/"]  # the private hop was never requested


def test_redirect_to_a_name_resolving_to_metadata_service_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(307, headers={"Location": "http://cloud.example/latest/meta-data"})

    found = failed(
        run("https://news.example/", handler, table={"cloud.example": ["169.254.169.254"]}),
        Reason.FETCH_REFUSED_ADDRESS,
    )
    assert "link-local address 169.254.169.254 of cloud.example" in found.message


def test_redirect_to_another_scheme_is_invalid() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "file:///etc/passwd"})

    failed(run("https://news.example/", handler), Reason.INVALID_URL)


def test_redirect_without_location() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302)

    failed(run("https://news.example/", handler), Reason.FETCH_HTTP_STATUS)


@pytest.mark.parametrize(
    ("url", "table", "kind"),
    [
        ("http://127.0.0.1:8000/", {}, "loopback"),
        ("http://[::1]/", {}, "loopback"),
        ("http://[::ffff:127.0.0.1]/", {}, "loopback"),
        ("http://[::ffff:10.1.2.3]/", {}, "private"),
        ("http://192.168.1.1/", {}, "private"),
        ("http://0.0.0.0/", {}, "unspecified"),
        ("http://localhost/", {"localhost": ["127.0.0.1", "::1"]}, "loopback"),
        ("http://mixed.example/", {"mixed.example": [PUBLIC, "10.9.8.7"]}, "private"),
        ("http://cgnat.example/", {"cgnat.example": ["100.64.0.9"]}, "private"),
        ("http://mcast.example/", {"mcast.example": ["224.0.0.251"]}, "multicast"),
    ],
)
def test_non_public_addresses_are_refused(url: str, table: dict[str, list[str]], kind: str) -> None:
    found = failed(run(url, html, table=table), Reason.FETCH_REFUSED_ADDRESS)
    assert found.message.startswith(f"refused {kind} address ")
    assert found.message.endswith("(use --allow-private)")


def test_private_addresses_allowed_when_asked() -> None:
    result = run("http://10.0.0.5/page", html, Settings(fetch_allow_private=True))
    assert isinstance(result, Page)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("8.8.8.8", None),
        ("2606:4700::1111", None),
        ("::ffff:8.8.8.8", None),
        ("64:ff9b::808:808", None),  # NAT64 form of a public address
        ("64:ff9b::7f00:1", "loopback"),
        ("2002:7f00:1::", "loopback"),  # 6to4 embedding 127.0.0.1
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("203.0.113.7", "private"),  # documentation range: not routable
    ],
)
def test_forbidden_kind(address: str, kind: str | None) -> None:
    assert forbidden_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://files.example/report.txt",
        "http://",
        "data:text/html,<p>x</p>",
    ],
)
def test_invalid_urls(url: str) -> None:
    failed(run(url, html), Reason.INVALID_URL)


def test_dns_failure() -> None:
    def broken(host: str, port: int) -> list[str]:
        raise socket.gaierror(-2, "Name or service not known")

    client = httpx.Client(transport=httpx.MockTransport(html))
    fetcher = Fetcher(Settings(), client=client, resolver=broken)
    [result] = list(iter_inputs(["https://nowhere.example/"], Settings(), fetcher=fetcher))
    assert "cannot resolve nowhere.example" in failed(result, Reason.FETCH_FAILED).message


def test_connection_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    assert (
        "Connection refused"
        in failed(run("https://news.example/", handler), Reason.FETCH_FAILED).message
    )


def test_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    found = failed(run("https://news.example/", handler), Reason.FETCH_TIMEOUT)
    assert found.message == "timed out after 20 s"


def test_slow_download_hits_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    class Clock:
        now = 0.0

        def monotonic(self) -> float:
            self.now += 8.0  # each chunk "takes" 8 s: under the read timeout, over the total
            return self.now

    monkeypatch.setattr(fetch_module, "time", Clock())

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"<html>", b"<p>slow", b" fictional", b"</p>"]))

    found = failed(run("https://news.example/", handler), Reason.FETCH_TIMEOUT)
    assert "longer than 20 s" in found.message


def test_declared_oversize_body() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=PAGE, headers={"Content-Length": "50000000"})

    found = failed(run("https://news.example/", handler), Reason.TOO_LARGE)
    assert "fetch_max_bytes" in found.message


def test_streamed_oversize_body_stops_early() -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for n in range(1000):
            sent.append(n)
            yield b"x" * 1024

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks(), headers={"Content-Type": "text/html"})

    failed(
        run("https://news.example/", handler, Settings(fetch_max_bytes=10_000)), Reason.TOO_LARGE
    )
    assert len(sent) < 20


def test_gzip_bomb_is_capped_after_decoding() -> None:
    bomb = gzip.compress(b"<p>" + b" " * 5_000_000)

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
        return httpx.Response(200, content=bomb, headers=headers)

    assert len(bomb) < 10_000
    failed(
        run("https://news.example/", handler, Settings(fetch_max_bytes=100_000)), Reason.TOO_LARGE
    )


# --- a real HTTP server on the loopback interface -----------------------------------------------


class _PageHandler(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def loopback_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    _PageHandler.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
    # A short poll interval keeps shutdown() fast (the default 0.5 s is per test).
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_real_loopback_server_when_allowed(loopback_server: str) -> None:
    settings = Settings(fetch_allow_private=True, fetch_timeout_seconds=5)
    [result] = list(iter_inputs([f"{loopback_server}/moved"], settings))
    assert isinstance(result, Page)
    assert result.raw == PAGE
    assert result.url == f"{loopback_server}/page"
    assert result.encoding == "utf-8"
    assert _PageHandler.hits == ["/moved", "/page"]


def test_real_loopback_server_refused_by_default(loopback_server: str) -> None:
    [result] = list(iter_inputs([f"{loopback_server}/page"], Settings(fetch_timeout_seconds=5)))
    found = failed(result, Reason.FETCH_REFUSED_ADDRESS)
    assert found.message == "refused loopback address 127.0.0.1 (use --allow-private)"
    assert _PageHandler.hits == []
