"""Records of the actor dictionary: entries, government periods, country facts, and YAML parsing.

Parsing is strict: an unknown key, a wrong type or an impossible value raises ``ActorFileError``
naming the file and the entry, because a silently ignored typo in a user's alias file would
silently change which events get which actor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

KINDS = frozenset({"actor", "organisation", "source", "country", "demonym", "role"})
SOURCE_TYPES = frozenset({"outlet", "monitor", "generic", "agency"})
# ACLED inter codes: 1 state forces … 8 external/other forces (reference/ACLED.md).
INTER_CODES = range(1, 9)

_ENTRY_KEYS = frozenset(
    {
        "id", "kind", "name", "inter", "country", "countries", "aliases", "acronyms", "parent",
        "periods", "default_period", "active", "associated_state", "parent_organisation", "type",
        "note", "extend", "government",
    }
)  # fmt: skip
_PERIOD_KEYS = frozenset({"label", "from", "until"})
_ACTIVE_KEYS = frozenset({"from", "until"})


class ActorFileError(ValueError):
    """A dictionary file that cannot be used, with the file and entry named in the message."""


@dataclass(frozen=True, slots=True)
class Period:
    """A government or regime period: the label ACLED puts in brackets, "2000-2024"."""

    label: str
    start: date | None = None
    end: date | None = None  # exclusive: the day the next period starts

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry: an ACLED actor, a speaking organisation, a source, or a search aid.

    ``name`` may hold ``{period}`` (a government period label) and ``{country}`` (one of
    ``countries``, the document's when it is listed). An entry with ``parent`` is a unit: its name
    is appended to the parent's rendered name ("Military Forces of Iraq (2018-2020) Peshmerga").
    """

    id: str
    name: str
    kind: str = "actor"
    inter: int | None = None
    country: str | None = None
    countries: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    parent: str | None = None
    periods: tuple[Period, ...] = ()
    default_period: str | None = None
    active_from: date | None = None
    active_until: date | None = None
    associated_state: str | None = None
    parent_organisation: str | None = None
    source_type: str | None = None
    note: str | None = None
    origin: str = "generated"
    # A body of a state's government (ministry, presidency, general staff): what it says is what
    # that state says, however many of its bodies say it (independence counts the state once).
    government: bool = False

    def active_on(self, when: date) -> bool:
        after_start = self.active_from is None or self.active_from <= when
        return after_start and (self.active_until is None or when < self.active_until)


@dataclass(frozen=True, slots=True)
class CountryFacts:
    """What the dictionary knows about a country beyond its ISO code."""

    code: str  # ISO 3166-1 alpha-2
    name: str  # as ACLED writes it: "Syria", "Russia", "Democratic Republic of Congo"
    article: bool = False  # "Military Forces of the United States"
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    periods: tuple[Period, ...] = ()
    # The air force as a named unit ("… Air Force"); None: air strikes are coded to the military
    # itself, as ACLED's Iraq coders do ("Military Forces of Iraq (2018-)", no air unit).
    air_force: str | None = None


def _fail(where: str, message: str) -> ActorFileError:
    return ActorFileError(f"{where}: {message}")


def _text(raw: Mapping[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"'{key}' must be a non-empty string, got {value!r}")
    return value.strip()


def _texts(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, f"'{key}' must be a list of non-empty strings")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _date(value: Any, where: str, key: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(where, f"'{key}' must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def _unknown_keys(raw: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise _fail(
            where, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )


def parse_periods(value: Any, where: str) -> tuple[Period, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail(where, "'periods' must be a list of {label, from, until}")
    periods = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("label"), str):
            raise _fail(where, f"each period needs a string 'label', got {item!r}")
        _unknown_keys(item, _PERIOD_KEYS, where)
        start, end = (
            _date(item.get("from"), where, "from"),
            _date(item.get("until"), where, "until"),
        )
        if start and end and end <= start:
            raise _fail(where, f"period {item['label']!r} ends before it starts")
        periods.append(Period(item["label"], start, end))
    return tuple(periods)


def _flag(raw: Mapping[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise _fail(where, f"'{key}' must be true or false, got {value!r}")
    return value


def _inter(raw: Mapping[str, Any], where: str) -> int | None:
    value = raw.get("inter")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value not in INTER_CODES:
        raise _fail(where, f"'inter' must be an ACLED inter code 1-8, got {value!r}")
    return value


def _active(raw: Mapping[str, Any], where: str) -> tuple[date | None, date | None]:
    value = raw.get("active") or {}
    if not isinstance(value, dict):
        raise _fail(where, "'active' must be a mapping {from, until}")
    _unknown_keys(value, _ACTIVE_KEYS, where)
    return _date(value.get("from"), where, "from"), _date(value.get("until"), where, "until")


def _kind(raw: Mapping[str, Any], where: str) -> str:
    kind = _text(raw, "kind", where) or "actor"
    if kind not in KINDS:
        raise _fail(where, f"'kind' must be one of {', '.join(sorted(KINDS))}, got {kind!r}")
    source_type = raw.get("type")
    if source_type is not None and source_type not in SOURCE_TYPES:
        raise _fail(where, f"'type' must be one of {', '.join(sorted(SOURCE_TYPES))}")
    return kind


def _check_name(entry: ActorEntry, where: str) -> None:
    if "{period}" in entry.name and not entry.periods and entry.parent is None:
        raise _fail(where, "the name uses {period} but the entry has no 'periods'")
    if "{country}" in entry.name and not entry.countries:
        raise _fail(where, "the name uses {country} but the entry has no 'countries'")
    labels = {p.label for p in entry.periods}
    if entry.default_period is not None and entry.default_period not in labels:
        raise _fail(where, f"'default_period' {entry.default_period!r} is not a period label")


def entry_where(origin: str, index: int, raw: Any) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"{origin}: actors[{index}]" + (f" (id {ident!r})" if ident else "")


def parse_entry(raw: Any, where: str, origin: str) -> ActorEntry:
    """One YAML mapping → an entry (a full one; see ``merge_entry`` for ``extend: true``)."""
    if not isinstance(raw, dict):
        raise _fail(where, f"an entry must be a mapping, got {type(raw).__name__}")
    _unknown_keys(raw, _ENTRY_KEYS, where)
    ident, name = _text(raw, "id", where), _text(raw, "name", where)
    if ident is None or name is None:
        raise _fail(where, "every entry needs 'id' and 'name' (or 'extend: true' with an id)")
    active_from, active_until = _active(raw, where)
    entry = ActorEntry(
        id=ident,
        name=name,
        kind=_kind(raw, where),
        inter=_inter(raw, where),
        country=_text(raw, "country", where),
        countries=_texts(raw, "countries", where),
        aliases=_texts(raw, "aliases", where),
        acronyms=_texts(raw, "acronyms", where),
        parent=_text(raw, "parent", where),
        periods=parse_periods(raw.get("periods"), where),
        default_period=_text(raw, "default_period", where),
        active_from=active_from,
        active_until=active_until,
        associated_state=_text(raw, "associated_state", where),
        parent_organisation=_text(raw, "parent_organisation", where),
        source_type=_text(raw, "type", where),
        note=_text(raw, "note", where),
        origin=origin,
        government=_flag(raw, "government", where),
    )
    _check_name(entry, where)
    return entry


# YAML key → ActorEntry attribute for the plain text fields ``extend: true`` may replace.
_TEXT_FIELDS = {
    "name": "name", "country": "country", "parent": "parent", "note": "note",
    "associated_state": "associated_state", "default_period": "default_period",
    "parent_organisation": "parent_organisation", "type": "source_type",
}  # fmt: skip


def _structured_changes(raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if "inter" in raw:
        changes["inter"] = _inter(raw, where)
    if "periods" in raw:
        changes["periods"] = parse_periods(raw["periods"], where)
    if "kind" in raw:
        changes["kind"] = _kind(raw, where)
    if "countries" in raw:
        changes["countries"] = _texts(raw, "countries", where)
    if "active" in raw:
        changes["active_from"], changes["active_until"] = _active(raw, where)
    if "government" in raw:
        changes["government"] = _flag(raw, "government", where)
    return changes


def merge_entry(base: ActorEntry, raw: Mapping[str, Any], where: str, origin: str) -> ActorEntry:
    """``extend: true``: add aliases/acronyms to an existing entry and replace the given fields."""
    _unknown_keys(raw, _ENTRY_KEYS, where)
    changes: dict[str, Any] = {"origin": f"{base.origin} + {origin}"}
    changes["aliases"] = tuple(dict.fromkeys(base.aliases + _texts(raw, "aliases", where)))
    changes["acronyms"] = tuple(dict.fromkeys(base.acronyms + _texts(raw, "acronyms", where)))
    for key, attribute in _TEXT_FIELDS.items():
        if key in raw:
            changes[attribute] = _text(raw, key, where)
    changes.update(_structured_changes(raw, where))
    merged = replace(base, **changes)
    _check_name(merged, where)
    return merged
