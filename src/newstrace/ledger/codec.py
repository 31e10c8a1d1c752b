"""Records ⇄ JSON for the ledger's nested columns. Dates travel as ISO strings."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, is_dataclass
from datetime import date
from typing import Any, TypeVar

from newstrace.records import (
    Attribution,
    CasualtyCount,
    Certainty,
    Claimant,
    Corroboration,
    DateMention,
    Event,
    EventMention,
    MatchDecision,
    PlaceMention,
)

T = TypeVar("T")


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_json(record: object | None) -> str | None:
    """A dataclass record (or None) as compact JSON."""
    if record is None:
        return None
    if not is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"not a record: {record!r}")
    return json.dumps(_plain(asdict(record)), ensure_ascii=False, separators=(",", ":"))


def to_plain(record: object) -> Any:
    """A dataclass record as JSON-ready Python values."""
    if is_dataclass(record) and not isinstance(record, type):
        return _plain(asdict(record))
    return _plain(record)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def place_from(data: dict[str, Any] | None) -> PlaceMention | None:
    return None if data is None else PlaceMention(**data)


def date_from(data: dict[str, Any] | None) -> DateMention | None:
    if data is None:
        return None
    return DateMention(**{**data, "value": _date(data["value"]), "until": _date(data["until"])})


def attribution_from(data: dict[str, Any]) -> Attribution:
    return Attribution(
        certainty=Certainty(data["certainty"]),
        claimed_by=tuple(Claimant(**c) for c in data["claimed_by"]),
        cues=tuple(data["cues"]),
    )


def casualty_from(data: dict[str, Any]) -> CasualtyCount:
    return CasualtyCount(**data)


def mention_from(data: dict[str, Any]) -> EventMention:
    """Inverse of ``to_plain(EventMention)``."""
    values = dict(data)
    values["attribution"] = attribution_from(values["attribution"])
    values["place"] = place_from(values["place"])
    values["date"] = date_from(values["date"])
    values["casualties"] = tuple(casualty_from(c) for c in values["casualties"])
    values["assoc_actor_1"] = tuple(values["assoc_actor_1"])
    values["assoc_actor_2"] = tuple(values["assoc_actor_2"])
    values["published"] = _date(values["published"])
    return EventMention(**_known(EventMention, values))


def event_from(data: dict[str, Any]) -> Event:
    """Inverse of ``to_plain(Event)``."""
    values = dict(data)
    values["mention_ids"] = tuple(values["mention_ids"])
    values["corroboration"] = Corroboration(
        **{**values["corroboration"], "reasons": tuple(values["corroboration"]["reasons"])}
    )
    values["event_date"] = _date(values["event_date"])
    values["place"] = place_from(values["place"])
    values["assoc_actor_1"] = tuple(values["assoc_actor_1"])
    values["assoc_actor_2"] = tuple(values["assoc_actor_2"])
    rng = values.get("fatalities_range")
    values["fatalities_range"] = None if rng is None else (int(rng[0]), int(rng[1]))
    values["decisions"] = tuple(
        MatchDecision(**{**d, "reasons": tuple(d["reasons"])}) for d in values["decisions"]
    )
    return Event(**_known(Event, values))


def _known(cls: type[T], values: dict[str, Any]) -> dict[str, Any]:
    """Only the fields ``cls`` has: a ledger written by a newer version may carry more."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return {k: v for k, v in values.items() if k in names}
