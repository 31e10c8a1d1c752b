"""Reading actor dictionary YAML files (the bundled one, then the user's) into validated parts.

Later files win: an entry whose id exists replaces it, or extends it with ``extend: true``;
``countries`` facts replace field by field; ``roles``/``force_nouns``/word lists are appended to.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newstrace.actordict_countries import GENERIC_ROLES, base_facts, generated_entries
from newstrace.actordict_entries import (
    ActorEntry,
    ActorFileError,
    CountryFacts,
    entry_where,
    merge_entry,
    parse_entry,
    parse_periods,
)

BUNDLED = "actors.yaml"
_TOP_KEYS = frozenset(
    {"version", "countries", "roles", "force_nouns", "force_modifiers", "qualifier_words", "actors"}
)
_COUNTRY_KEYS = frozenset(
    {"name", "article", "demonyms", "aliases", "acronyms", "periods", "air_force"}
)
ROLE_NAMES = frozenset(GENERIC_ROLES)
FORCE_ROLES = frozenset({"military", "air-force", "police", "government"})


@dataclass(slots=True)
class DictionaryParts:
    """Everything the files define, merged in load order."""

    versions: list[str] = field(default_factory=list)
    countries: dict[str, CountryFacts] = field(default_factory=base_facts)
    entries: dict[str, ActorEntry] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)
    force_nouns: dict[str, list[str]] = field(default_factory=dict)
    force_modifiers: list[str] = field(default_factory=list)
    qualifier_words: list[str] = field(default_factory=list)
    raw_actors: list[tuple[str, list[Any]]] = field(default_factory=list)


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ActorFileError(f"{path}: cannot read actor file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ActorFileError(f"{path}: not valid YAML: {exc}") from exc
    return check_top(data, str(path))


def read_bundled() -> dict[str, Any]:
    text = resources.files("newstrace.data").joinpath(BUNDLED).read_text(encoding="utf-8")
    return check_top(yaml.safe_load(text), f"newstrace/data/{BUNDLED}")


def check_top(data: Any, origin: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ActorFileError(f"{origin}: an actor file must be a YAML mapping with 'version'")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ActorFileError(f"{origin}: unknown top-level key(s) {', '.join(map(str, unknown))}")
    if not isinstance(data.get("version"), int | str):
        raise ActorFileError(f"{origin}: missing 'version' (an integer or string)")
    if not isinstance(data.get("actors", []), list):
        raise ActorFileError(f"{origin}: 'actors' must be a list of entries")
    return data


def _word_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ActorFileError(f"{where} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _country_facts(base: CountryFacts, raw: Any, where: str) -> CountryFacts:
    if not isinstance(raw, dict):
        raise ActorFileError(f"{where} must be a mapping")
    unknown = sorted(set(raw) - _COUNTRY_KEYS)
    if unknown:
        raise ActorFileError(f"{where}: unknown key(s) {', '.join(unknown)}")
    changes: dict[str, Any] = {}
    for key in ("demonyms", "aliases", "acronyms"):
        if key in raw:
            changes[key] = tuple(_word_list(raw[key], f"{where}.{key}"))
    for key in ("name", "air_force"):
        if key in raw:
            changes[key] = str(raw[key])
    if "article" in raw:
        changes["article"] = bool(raw["article"])
    if "periods" in raw:
        changes["periods"] = parse_periods(raw["periods"], where)
    return replace(base, **changes)


def _add_countries(parts: DictionaryParts, data: dict[str, Any], origin: str) -> None:
    section = data.get("countries") or {}
    if not isinstance(section, dict):
        raise ActorFileError(f"{origin}: 'countries' must map ISO codes to facts")
    for key, raw in section.items():
        if isinstance(key, bool):  # YAML 1.1 reads a bare NO (Norway) as false
            raise ActorFileError(f'{origin}: countries: quote the code {key!r} ("NO", not NO)')
        code = str(key).upper()
        base = parts.countries.get(code)
        if base is None:
            raise ActorFileError(f"{origin}: countries.{code}: not an ISO 3166-1 alpha-2 code")
        parts.countries[code] = _country_facts(base, raw, f"{origin}: countries.{code}")


def _add_lists(parts: DictionaryParts, data: dict[str, Any], origin: str) -> None:
    for section, target, allowed in (
        ("roles", parts.roles, ROLE_NAMES),
        ("force_nouns", parts.force_nouns, FORCE_ROLES),
    ):
        value = data.get(section) or {}
        if not isinstance(value, dict):
            raise ActorFileError(f"{origin}: '{section}' must be a mapping")
        for role, phrases in value.items():
            if role not in allowed:
                raise ActorFileError(
                    f"{origin}: {section}.{role}: allowed {', '.join(sorted(allowed))}"
                )
            target.setdefault(role, []).extend(_word_list(phrases, f"{origin}: {section}.{role}"))
    for section, words in (
        ("force_modifiers", parts.force_modifiers),
        ("qualifier_words", parts.qualifier_words),
    ):
        if section in data:
            words.extend(_word_list(data[section], f"{origin}: {section}"))


def add_document(parts: DictionaryParts, data: dict[str, Any], origin: str) -> None:
    """Countries and word lists now; actor entries after all countries are known."""
    parts.versions.append(f"{origin}@{data['version']}")
    _add_countries(parts, data, origin)
    _add_lists(parts, data, origin)
    parts.raw_actors.append((origin, list(data.get("actors") or [])))


def _apply_actor(parts: DictionaryParts, raw: Any, where: str, origin: str) -> None:
    if isinstance(raw, dict) and raw.get("extend"):
        base = parts.entries.get(str(raw.get("id")))
        if base is None:
            raise ActorFileError(f"{where}: 'extend: true' but no earlier entry has this id")
        parts.entries[base.id] = merge_entry(base, raw, where, origin)
        return
    entry = parse_entry(raw, where, origin)
    parts.entries[entry.id] = entry


def finish(parts: DictionaryParts) -> dict[str, ActorEntry]:
    """Generated entries, then each file's entries in order, then role phrases."""
    parts.entries = {e.id: e for e in generated_entries(parts.countries)}
    for origin, raws in parts.raw_actors:
        seen: set[str] = set()
        for index, raw in enumerate(raws):
            where = entry_where(origin, index, raw)
            ident = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(ident, str) and ident in seen:
                raise ActorFileError(f"{where}: id used twice in the same file")
            seen.add(str(ident))
            _apply_actor(parts, raw, where, origin)
    for role, phrases in parts.roles.items():
        ident = f"role.{role}"
        parts.entries[ident] = ActorEntry(id=ident, name=role, kind="role", aliases=tuple(phrases))
    _check_parents(parts.entries)
    return parts.entries


def _check_parents(entries: dict[str, ActorEntry]) -> None:
    for entry in entries.values():
        seen = {entry.id}
        parent = entry.parent
        while parent is not None:
            if parent not in entries:
                raise ActorFileError(f"{entry.origin}: id {entry.id!r}: unknown parent {parent!r}")
            if parent in seen:
                raise ActorFileError(
                    f"{entry.origin}: id {entry.id!r}: parent cycle via {parent!r}"
                )
            seen.add(parent)
            parent = entries[parent].parent
