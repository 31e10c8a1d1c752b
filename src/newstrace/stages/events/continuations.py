"""Sentences that go on about an event already reported: "The shells struck shortly after 8 am".

A sentence whose subject is a definite reference to an event ("The shells", "This attack", "The
strike") and that gives no date of its own continues the latest earlier mention of the same
family of events a few paragraphs back: it happened when and where that one did. Without this,
it would take the report's publication date and whatever place it names in passing ("the fire
came from positions near Saraqib"), and read as a second incident of the same document.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from newstrace.records import EventMention
from newstrace.stages.events.context import paragraphs_between

# Two paragraphs: the detail paragraph that follows a news lede (measured on the demo corpus's
# fictional reports, where details sit in the next one or two).
CONTINUATION_PARAGRAPHS: Final = 2
_DEFINITE_EVENT = re.compile(
    r"^\W*(?:the|this|that|these|those)\s+(?:\w+\s+)?"
    r"(?:strikes?|air ?strikes?|raids?|attacks?|shelling|shells|bombing|bombardment|blasts?|"
    r"explosions?|bombs?|ambush|assault|clash(?:es)?|fighting|kidnapping|abduction|"
    r"arrests?|protests?|demonstrations?|rally|march|operation|offensive)\b",
    re.IGNORECASE,
)


def continued(text: str, mentions: list[EventMention]) -> list[EventMention]:
    """The mentions with continuations dated and placed as the event they continue."""
    out: list[EventMention] = []
    for mention in mentions:
        antecedent = _antecedent(text, out, mention) if _continues(mention) else None
        out.append(mention if antecedent is None else _as_continuation(mention, antecedent))
    return out


def _continues(m: EventMention) -> bool:
    own_date = m.date is not None and m.date.text != ""  # "" is the publication-date fallback
    return not own_date and not m.background and bool(_DEFINITE_EVENT.match(m.sentence))


def _antecedent(text: str, earlier: list[EventMention], m: EventMention) -> EventMention | None:
    for candidate in reversed(earlier):
        if candidate.sentence_start >= m.sentence_start or candidate.background:
            continue
        between = paragraphs_between(text, candidate.sentence_end, m.sentence_start)
        if between > CONTINUATION_PARAGRAPHS:
            return None
        if candidate.event_type == m.event_type:
            return candidate
    return None


def _as_continuation(m: EventMention, antecedent: EventMention) -> EventMention:
    place = m.place
    if antecedent.place is not None and (
        place is None or antecedent.place.geo_precision <= place.geo_precision
    ):
        place = antecedent.place
    return replace(m, date=antecedent.date, place=place)
