"""Reason codes for everything that cannot be processed, and the exception that carries one.

Nothing is silently dropped: every failure is stored in the ledger with one of these codes and a
one-line human message, and the CLI summary counts failures by code.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why an input could not become a document. Values are stable: they are stored and exported."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    UNSUPPORTED_TYPE = "unsupported_type"
    BINARY = "binary_content"
    EMPTY = "empty_document"
    UNDECODABLE = "undecodable_text"
    TOO_LARGE = "too_large"
    MALFORMED_JSON = "malformed_json"
    MISSING_BODY = "missing_body"
    DUPLICATE_ID = "duplicate_id"
    MALFORMED_WARC = "malformed_warc"
    MALFORMED_FEED = "malformed_feed"
    FETCH_FAILED = "fetch_failed"
    FETCH_TIMEOUT = "fetch_timeout"
    FETCH_HTTP_STATUS = "fetch_http_status"
    FETCH_REFUSED_ADDRESS = "fetch_refused_address"
    FETCH_TOO_MANY_REDIRECTS = "fetch_too_many_redirects"
    INVALID_URL = "invalid_url"
    NO_TEXT_EXTRACTED = "no_text_extracted"
    INTERNAL_ERROR = "internal_error"


class NewstraceError(Exception):
    """An expected, explainable failure: carries a reason code and a one-line message."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return f"{self.reason.value}: {self.message}"
