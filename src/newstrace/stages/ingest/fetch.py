"""Fetch one URL defensively: http(s) only, public addresses only, capped in time and size.

Redirects are followed here, not by httpx, so that every hop's scheme and host are checked:
a public page redirecting to ``http://169.254.169.254/`` (a cloud metadata service) is refused
like a direct request to it. Hosts are resolved and every address checked before connecting;
a DNS answer that changes between that check and httpx's own lookup (rebinding) is outside
what this check sees, which is why private addresses stay refused by default rather than
relying on the network to block them.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from types import TracebackType

import httpx

from newstrace.errors import NewstraceError, Reason
from newstrace.settings import Settings
from newstrace.stages.ingest.origin import Origin, Result
from newstrace.stages.ingest.sniff import classify, parse_content_type

# host, port → IP address strings; injectable so tests need no DNS.
Resolver = Callable[[str, int], Sequence[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SCHEMES = ("http", "https")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful (2xx) response: final URL after redirects, media type, charset, body."""

    url: str
    media_type: str | None
    charset: str | None
    body: bytes


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (IPv6 zone ids dropped)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]).split("%", 1)[0] for info in infos]


class Fetcher:
    """Fetches URLs with the safety rules of ``settings``; reusable across many URLs.

    ``client`` lets callers (and tests, with ``httpx.MockTransport``) supply the transport;
    its redirect and timeout options are overridden per request. No I/O happens until
    ``fetch`` is called.
    """

    def __init__(
        self,
        settings: Settings,
        client: httpx.Client | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self._settings = settings
        self._client = client
        self._owns_client = client is None
        self._resolve = resolver or system_resolver
        self._timeout = httpx.Timeout(settings.fetch_timeout_seconds)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> Fetched:
        """The body of ``url`` after safe redirects; NewstraceError with a FETCH_* or
        INVALID_URL reason (or TOO_LARGE) otherwise."""
        try:
            return self._follow(url)
        except httpx.TimeoutException as exc:
            seconds = self._settings.fetch_timeout_seconds
            raise NewstraceError(Reason.FETCH_TIMEOUT, f"timed out after {seconds:g} s") from exc
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise NewstraceError(Reason.INVALID_URL, f"invalid URL {url}: {exc}") from exc
        except httpx.HTTPError as exc:
            message = f"request failed: {str(exc) or type(exc).__name__}"
            raise NewstraceError(Reason.FETCH_FAILED, message) from exc

    def _follow(self, url: str) -> Fetched:
        deadline = time.monotonic() + self._settings.fetch_timeout_seconds
        current = self._checked(url)
        redirects = 0
        while True:
            with self._send(current) as response:
                target = _redirect_target(response, current)
                if target is None:
                    return self._read(response, current, deadline)
            redirects += 1
            if redirects > self._settings.fetch_max_redirects:
                limit = self._settings.fetch_max_redirects
                message = f"more than {limit} redirects (stopped at {target})"
                raise NewstraceError(Reason.FETCH_TOO_MANY_REDIRECTS, message)
            current = self._checked(str(target))

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self._timeout, follow_redirects=False)
        return self._client

    def _send(self, url: httpx.URL) -> AbstractContextManager[httpx.Response]:
        headers = {"User-Agent": self._settings.fetch_user_agent, "Accept": _ACCEPT}
        client = self._http()
        return client.stream(
            "GET", url, headers=headers, timeout=self._timeout, follow_redirects=False
        )

    def _checked(self, url: str) -> httpx.URL:
        """The parsed URL if its scheme is http(s) and (unless allowed) its host is public."""
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise NewstraceError(Reason.INVALID_URL, f"invalid URL {url!r}: {exc}") from exc
        if parsed.scheme not in _SCHEMES:
            shown = f"scheme {parsed.scheme!r}" if parsed.scheme else "a relative URL"
            message = f"unsupported URL {url!r}: {shown} (only http and https are fetched)"
            raise NewstraceError(Reason.INVALID_URL, message)
        if not parsed.host:
            raise NewstraceError(Reason.INVALID_URL, f"URL {url!r} has no host")
        if not self._settings.fetch_allow_private:
            self._check_addresses(parsed)
        return parsed

    def _check_addresses(self, url: httpx.URL) -> None:
        for address in self._addresses(url):
            kind = forbidden_kind(address)
            if kind is not None:
                named = "" if url.host == str(address) else f" of {url.host}"
                message = f"refused {kind} address {address}{named} (use --allow-private)"
                raise NewstraceError(Reason.FETCH_REFUSED_ADDRESS, message)

    def _addresses(self, url: httpx.URL) -> list[IPAddress]:
        """The host itself if it is an IP literal, else every address it resolves to."""
        try:
            return [ipaddress.ip_address(url.host)]
        except ValueError:
            pass
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            found = [ipaddress.ip_address(a) for a in self._resolve(host, port)]
        except (OSError, UnicodeError, ValueError) as exc:
            raise NewstraceError(Reason.FETCH_FAILED, f"cannot resolve {host}: {exc}") from exc
        if not found:
            raise NewstraceError(Reason.FETCH_FAILED, f"cannot resolve {host}: no address")
        return found

    def _read(self, response: httpx.Response, url: httpx.URL, deadline: float) -> Fetched:
        if not 200 <= response.status_code < 300:
            phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
            message = f"HTTP {response.status_code}{phrase} for {url}"
            raise NewstraceError(Reason.FETCH_HTTP_STATUS, message)
        body = self._capped_body(response, deadline)
        media, charset = parse_content_type(response.headers.get("content-type"))
        return Fetched(url=str(url), media_type=media, charset=charset, body=body)

    def _capped_body(self, response: httpx.Response, deadline: float) -> bytes:
        """The decoded body, refused past fetch_max_bytes (also stops gzip bombs) or the
        deadline (a server trickling one byte per read timeout never times out by itself)."""
        cap = self._settings.fetch_max_bytes
        too_large = NewstraceError(
            Reason.TOO_LARGE, f"response body over the {cap:,}-byte limit (fetch_max_bytes)"
        )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise too_large
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > cap:
                raise too_large
            if time.monotonic() > deadline:
                seconds = self._settings.fetch_timeout_seconds
                message = f"download took longer than {seconds:g} s"
                raise NewstraceError(Reason.FETCH_TIMEOUT, message)
        return bytes(body)


def _redirect_target(response: httpx.Response, current: httpx.URL) -> httpx.URL | None:
    """Where a redirect points (resolved against the current URL), or None if not one."""
    if response.status_code not in _REDIRECTS:
        return None
    location = response.headers.get("location")
    if not location:
        message = f"HTTP {response.status_code} redirect without a Location header at {current}"
        raise NewstraceError(Reason.FETCH_HTTP_STATUS, message)
    try:
        return current.join(location)
    except httpx.InvalidURL as exc:
        message = f"redirect from {current} to an invalid URL {location!r}"
        raise NewstraceError(Reason.INVALID_URL, message) from exc


def forbidden_kind(address: IPAddress) -> str | None:
    """Why an address must not be fetched ('private', 'loopback'…), or None if it is public.

    IPv6 forms that embed an IPv4 address (mapped ``::ffff:10.0.0.5``, NAT64 ``64:ff9b::/96``,
    6to4 ``2002::/16``) are judged by the embedded address: ``::ffff:127.0.0.1`` is loopback.
    """
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return forbidden_kind(embedded)
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private or not address.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def fetched_result(fetched: Fetched, origin: Origin, settings: Settings) -> Result:
    """A Page for a fetched HTML or text body; a Failure for anything else (feeds included)."""
    found = classify(fetched.media_type, fetched.body)
    located = replace(origin, url=fetched.url)
    media = fetched.media_type
    return located.result(found, fetched.body, settings, encoding=fetched.charset, media_type=media)
