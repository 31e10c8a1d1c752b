"""Quoted stretches of a text: ``(start, end)`` spans from an opening to its closing quote.

Curly quotes say which way they face; a straight ``"`` is an opening quote after a space, a
bracket or the start of a line, else a closing one. A quote that is never closed runs to the
end of its paragraph unless the next paragraph opens with a quote (the news convention for a
quotation over several paragraphs), so sentences inside a long quotation can be told apart from
the writer's own.
"""

from __future__ import annotations

import re

__all__ = ["inside", "quote_spans"]

_MARK = re.compile(r"[“”\"«»]")
_OPENING = frozenset("“«")
_CLOSING = frozenset("”»")


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Quoted spans in ``text[start:end]``, quote marks included, in order."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _MARK.finditer(text, start, end):
        pos = mark.start()
        if _is_opening(text, pos, start):
            if opened is not None and _paragraph_break(text, opened, pos):
                spans.append((opened, _paragraph_end(text, opened, pos)))
            opened = pos if opened is None or _paragraph_break(text, opened, pos) else opened
        elif opened is not None:
            spans.append((opened, pos + 1))
            opened = None
        elif not spans:
            # A quote closed with no opening: opened earlier in its paragraph (a stretch that
            # starts mid-quote), never further back than the paragraph.
            spans.append((max(start, text.rfind("\n", start, pos) + 1), pos + 1))
    if opened is not None:
        spans.append((opened, _paragraph_end(text, opened, end)))
    return spans


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _is_opening(text: str, pos: int, start: int) -> bool:
    char = text[pos]
    if char in _OPENING:
        return True
    if char in _CLOSING:
        return False
    before = text[pos - 1] if pos > start else " "
    return before.isspace() or before in "([{—–-:" or pos == start


def _paragraph_break(text: str, opened: int, pos: int) -> bool:
    """A new opening quote in a later paragraph: the earlier one was a multi-paragraph quote."""
    return "\n" in text[opened:pos]


def _paragraph_end(text: str, opened: int, limit: int) -> int:
    newline = text.find("\n", opened, limit)
    return limit if newline < 0 else newline
