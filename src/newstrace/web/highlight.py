"""Evidence highlighting, done on the server by slicing text at character offsets.

Pages never build markup out of scraped text: a text becomes a list of segments, each either
plain or marked, and the template escapes every segment's text on output.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    key: str  # mention id: the mark's anchor
    event_id: str | None = None
    label: str = ""  # hover text: sub-event type and certainty


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    span: Span | None = None


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """``text`` cut into plain and marked runs. Offsets outside the text are clamped, and a
    span overlapping an earlier one is cut to what is left (one sentence, several events)."""
    result: list[Segment] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start, end = max(span.start, cursor), min(span.end, len(text))
        if end <= start:
            continue
        if start > cursor:
            result.append(Segment(text[cursor:start]))
        result.append(Segment(text[start:end], span))
        cursor = end
    if cursor < len(text):
        result.append(Segment(text[cursor:]))
    return result


def window(text: str, start: int, end: int, width: int = 240) -> list[Segment]:
    """The marked sentence with up to ``width`` characters of context on each side, cut at
    whitespace and with an ellipsis where the document goes on."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = max(0, start - width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(text), end + width)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    parts = [
        Segment(("…" if left > 0 else "") + text[left:start]),
        Segment(text[start:end], Span(start, end, "focus")),
        Segment(text[end:right] + ("…" if right < len(text) else "")),
    ]
    return [p for p in parts if p.text]
