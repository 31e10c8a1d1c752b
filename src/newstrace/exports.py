"""Export formats over the ledger. Field names and order are the DESIGN.md contract.

The CLI ``export`` command and the API serialise through these functions, so both always agree.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from newstrace.records import Claimant, Event, EventMention, StoredDocument

DOCUMENT_FIELDS = (
    "document_id", "source", "title", "outlet", "published", "language", "genre", "body",
    "comments", "duplicate_of", "status",
)  # fmt: skip


def document_status(doc: StoredDocument) -> str:
    """'ok', or 'failed: <reason code> (<message>)' so the reason travels with the status."""
    if doc.status == "ok":
        return "ok"
    return f"failed: {doc.reason} ({doc.message})" if doc.message else f"failed: {doc.reason}"


def document_object(doc: StoredDocument) -> dict[str, Any]:
    """One document as the ``export documents`` contract defines it."""
    return {
        "document_id": doc.document_id,
        "source": doc.source,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "language": doc.language,
        "genre": doc.genre,
        "body": doc.body,
        "comments": [
            {"author": c.author, "published": c.published, "text": c.text} for c in doc.comments
        ],
        "duplicate_of": doc.duplicate_of,
        "status": document_status(doc),
    }


def write_jsonl(objects: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for obj in objects:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(objects: Iterable[dict[str, Any]], fields: tuple[str, ...], out: TextIO) -> int:
    """CSV with the same columns; nested values (comments, lists) are JSON-encoded cells."""
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for obj in objects:
        writer.writerow({k: _cell(obj.get(k)) for k in fields})
        count += 1
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def document_objects(docs: Iterable[StoredDocument]) -> Iterator[dict[str, Any]]:
    return (document_object(doc) for doc in docs)


EVENT_FIELDS = (
    "event_id", "event_date", "date_text", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "notes", "certainty", "corroboration", "mentions",
)  # fmt: skip

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

PLACE_FIELDS = (
    "document_id", "source", "start", "end", "text", "name", "geonameid", "latitude",
    "longitude", "country", "admin1", "feature", "in_comments",
)  # fmt: skip


def mention_object(mention: EventMention, source: str) -> dict[str, Any]:
    """One mention inside an exported event: where it was said, by whom, how surely."""
    return {
        "document_id": mention.document_id,
        "source": source,
        "outlet": mention.outlet,
        "published": mention.published.isoformat() if mention.published else None,
        "sentence": mention.sentence,
        "start": mention.sentence_start,
        "end": mention.sentence_end,
        "in_comments": mention.in_comments,
        "background": mention.background,
        "claimed_by": [_claimant(c) for c in mention.attribution.claimed_by],
        "certainty": mention.attribution.certainty.value,
    }


def _claimant(claimant: Claimant) -> dict[str, Any]:
    return {
        "speaker": claimant.speaker,
        "role": claimant.role,
        "organisation": claimant.organisation,
        "medium": claimant.medium,
        "text": claimant.text,
    }


def event_object(
    event: Event, mentions: Sequence[EventMention], sources: Mapping[str, str]
) -> dict[str, Any]:
    """One fused event as the ``export events`` contract defines it."""
    place = event.place
    date_mention = next((m.date for m in mentions if m.date is not None), None)
    return {
        "event_id": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "date_text": event.date_text or (date_mention.text if date_mention else None),
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": list(event.assoc_actor_1),
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": list(event.assoc_actor_2),
        "inter2": event.inter2,
        "interaction": event.interaction,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "fatalities": event.fatalities,
        "notes": event.notes,
        "certainty": event.certainty,
        "corroboration": {
            "independent_sources": event.corroboration.independent_sources,
            "grade": event.corroboration.grade,
            "reasons": list(event.corroboration.reasons),
            "share_alleged_or_unverified": event.corroboration.share_alleged_or_unverified,
        },
        "mentions": [mention_object(m, sources.get(m.document_id, "")) for m in mentions],
    }


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """An exported event object as a row of ACLED's own export columns."""
    outlets = sorted({m["outlet"] for m in event["mentions"] if m.get("outlet")})
    date_value = event["event_date"]
    return {
        "event_id_cnty": event["event_id"],
        "event_date": date_value or "",
        "year": date_value[:4] if date_value else "",
        "time_precision": event["time_precision"],
        "disorder_type": event["disorder_type"],
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "actor1": event["actor1"] or "",
        "assoc_actor_1": "; ".join(event["assoc_actor_1"]),
        "inter1": event["inter1"] if event["inter1"] is not None else "",
        "actor2": event["actor2"] or "",
        "assoc_actor_2": "; ".join(event["assoc_actor_2"]),
        "inter2": event["inter2"] if event["inter2"] is not None else "",
        "interaction": event["interaction"] if event["interaction"] is not None else "",
        "civilian_targeting": _civilian_targeting(event),
        "iso": "",
        "region": "",
        "country": event["country"] or "",
        "admin1": event["admin1"] or "",
        "admin2": event["admin2"] or "",
        "admin3": "",
        "location": event["location"] or "",
        "latitude": event["latitude"] if event["latitude"] is not None else "",
        "longitude": event["longitude"] if event["longitude"] is not None else "",
        "geo_precision": event["geo_precision"] or "",
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": event["notes"],
        "fatalities": event["fatalities"] if event["fatalities"] is not None else 0,
        "tags": _tags(event),
        "timestamp": "",
    }


def _tags(event: dict[str, Any]) -> str:
    """newstrace's grade and certainty, which ACLED's columns have no place for."""
    return f"grade={event['corroboration']['grade']}; certainty={event['certainty']}"


def _civilian_targeting(event: dict[str, Any]) -> str:
    targets = [event["actor2"] or "", *event["assoc_actor_2"]]
    return "Civilian targeting" if any(t.startswith("Civilians") for t in targets) else ""


def geojson_features(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates (others cannot be mapped)."""
    features = [
        {
            "type": "Feature",
            "id": e["event_id"],
            "geometry": {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]},
            "properties": {k: v for k, v in e.items() if k not in ("latitude", "longitude")},
        }
        for e in events
        if e["latitude"] is not None and e["longitude"] is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def place_object(row: Mapping[str, Any]) -> dict[str, Any]:
    """One place mention as the ``export places`` contract defines it."""
    return {
        "document_id": row["document_id"],
        "source": row["source"],
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
        "name": row["name"],
        "geonameid": row["place_id"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "country": row["country"],
        "admin1": row["admin1"],
        "feature": row["feature"],
        "in_comments": row["comment_position"] is not None,
    }
