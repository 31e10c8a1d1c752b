"""Bytes → text, defensively. Shared by ingest (sniffing) and extract (decoding).

Scraped bytes lie about their encoding; binary files get dropped into news folders. Both cases
must end in a clear reason code, not a crash or mojibake stored as evidence.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from newstrace.errors import NewstraceError, Reason

# A text page has almost no C0 control bytes besides \t \n \r \f; more than 1% of the first
# 8 KiB (or any NUL outside UTF-16) marks a binary file (images, PDFs, archives).
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.01
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text in any encoding a news page uses."""
    head = raw[:_SNIFF_BYTES]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > _MAX_CONTROL_SHARE


def decode_text(raw: bytes, declared: str | None = None) -> str:
    """Decode page bytes: BOM, then strict UTF-8, then a declared charset, then detection.

    Raises NewstraceError(BINARY | UNDECODABLE) rather than returning replacement-character soup.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name, errors="replace")
    if looks_binary(raw):
        raise NewstraceError(Reason.BINARY, "content is binary, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return raw.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise NewstraceError(Reason.UNDECODABLE, "bytes do not decode in any known encoding")
    return str(best)
