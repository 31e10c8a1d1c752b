"""One event with everything the evidence view needs: mentions with their positions, each
independent source's version side by side, contradictions, and the fusion decisions.

Built once here and used by both the JSON endpoint and the event page, so they never disagree.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from newstrace import exports
from newstrace.ledger.sqlite import Ledger
from newstrace.outlets import OutletRegistry
from newstrace.records import Event, EventMention
from newstrace.stages.fuse import contradictions, who_says_what


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: Event
    mentions: list[EventMention]  # report order as stored, comments included
    exported: dict[str, Any]  # the ``export events`` object (same fields as the CLI)
    versions: list[dict[str, Any]]  # who says what: one entry per independent source
    disputes: list[dict[str, Any]]
    titles: dict[str, str | None]  # document_id → title, for citing each mention


def load_event(ledger: Ledger, registry: OutletRegistry, event_id: str) -> EventDetail | None:
    event = ledger.mentions.event(event_id)
    if event is None:
        return None
    mentions = ledger.mentions.event_mentions(event_id=event_id)
    exported = exports.event_object(event, mentions, _sources(ledger, mentions))
    for obj, mention in zip(exported["mentions"], mentions, strict=True):
        # The export contract has no mention id or comment index; the viewer needs both to
        # find the sentence in its document (body offsets, or the n-th comment's offsets).
        obj["mention_id"] = mention.mention_id
        obj["comment_position"] = mention.comment_position
        obj["outlet_label"] = registry.label(mention.outlet)
        obj["event_type"] = mention.event_type
        obj["sub_event_type"] = mention.sub_event_type
        obj["fatalities"] = mention.fatalities
    versions = [asdict(v) for v in who_says_what(event, mentions, registry)]
    disputes = [
        {
            "field": c.field,
            "summary": c.describe(),
            "values": [{"value": v, "sources": list(who)} for v, who in c.values],
        }
        for c in contradictions(event, mentions, registry)
    ]
    titles = {m.document_id: _title(ledger, m.document_id) for m in mentions}
    return EventDetail(event, mentions, exported, versions, disputes, titles)


def detail_object(detail: EventDetail) -> dict[str, Any]:
    """The JSON body of ``GET /api/events/{id}``."""
    return {
        **detail.exported,
        "who_says_what": detail.versions,
        "contradictions": detail.disputes,
        "decisions": [asdict(d) for d in detail.event.decisions],
    }


def _sources(ledger: Ledger, mentions: list[EventMention]) -> dict[str, str]:
    ids = sorted({m.document_id for m in mentions})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = ledger.connection.execute(
        f"SELECT document_id, source FROM documents WHERE document_id IN ({marks})", ids
    )
    return {str(r[0]): str(r[1]) for r in rows}


def _title(ledger: Ledger, document_id: str) -> str | None:
    row = ledger.connection.execute(
        "SELECT title FROM documents WHERE document_id=?", (document_id,)
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])
