"""The outlet registry: who publishes a report — name, domains, country, languages, ownership.

Labels describe ownership and affiliation as a cited public source states them (``basis``); they
are never a verdict on whether what an outlet says is true. The bundled ``data/outlets.yaml`` is
read first, then the user's files in order: an entry whose ``id`` already exists replaces it, a
new ``id`` is added. ``lookup`` finds an outlet by name, alias, domain or URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

BUNDLED = "outlets.yaml"
UNCLASSIFIED = "unclassified"  # the only label that may go without a basis
_KEYS = frozenset(
    {"id", "name", "aliases", "domains", "country", "language", "kind", "affiliation", "basis"}
)
_REQUIRED = ("id", "name", "affiliation")


class OutletFileError(ValueError):
    """An outlet registry file that cannot be used, with the file and entry it concerns."""


@dataclass(frozen=True, slots=True)
class Outlet:
    id: str
    name: str
    affiliation: str  # "state-owned", "Russian state-funded", "opposition-aligned", "independent"…
    basis: str  # the public source of the label: a register, the outlet's about page, a reference
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()  # "sana.sy"; "host/path-prefix" for desks sharing one host
    country: str | None = None
    language: tuple[str, ...] = ()
    kind: str = "outlet"  # news agency | broadcaster | newspaper | website | monitor | official


def normalise_name(name: str) -> str:
    """Case, punctuation and dash-insensitive key: "SANA" = "sana", "Desk A" dashes unified."""
    name = name.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    name = re.sub(r"[^\w\s'-]", " ", name).removeprefix("the ")
    return " ".join(name.replace("'s ", " ").split())


class OutletRegistry:
    """Lookup over a merged list of outlets; build it with ``OutletRegistry.load``."""

    def __init__(self, outlets: Iterable[Outlet], versions: Sequence[str] = ()) -> None:
        self._by_id = {o.id: o for o in outlets}
        self.versions = tuple(versions)
        self._names: dict[str, Outlet] = {}
        self._domains: dict[str, Outlet] = {}
        for outlet in self._by_id.values():
            for name in (outlet.name, *outlet.aliases):
                self._names.setdefault(normalise_name(name), outlet)
            for domain in outlet.domains:
                self._domains[domain.lower().removeprefix("www.").rstrip("/")] = outlet

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> OutletRegistry:
        """The bundled registry, then each user file in order (later ids replace earlier)."""
        text = resources.files("newstrace.data").joinpath(BUNDLED).read_text(encoding="utf-8")
        documents = [(yaml.safe_load(text), f"newstrace/data/{BUNDLED}")]
        documents += [(_read(path), str(path)) for path in extra_files]
        merged: dict[str, Outlet] = {}
        versions = []
        for data, origin in documents:
            entries = _check_top(data, origin)
            versions.append(f"{origin}@{data['version']}")
            for index, raw in enumerate(entries):
                outlet = parse_outlet(raw, f"{origin}: outlets[{index}]")
                merged[outlet.id] = outlet
        return cls(merged.values(), versions)

    def outlets(self) -> list[Outlet]:
        return sorted(self._by_id.values(), key=lambda o: o.id)

    def get(self, outlet_id: str) -> Outlet | None:
        return self._by_id.get(outlet_id)

    def lookup(self, name_or_url: str | None) -> Outlet | None:
        """The outlet a name, alias, domain or URL refers to; None when unknown."""
        if not name_or_url:
            return None
        found = self._names.get(normalise_name(name_or_url))
        return found if found is not None else self._by_domain(name_or_url)

    def key(self, name: str | None) -> str:
        """A stable identity for independence checks: the registry id, else the normalised name."""
        outlet = self.lookup(name)
        if outlet is not None:
            return outlet.id
        return normalise_name(name) if name else "unknown outlet"

    def label(self, name: str | None) -> str:
        """Display name with the affiliation label, e.g. "SANA (state-owned)"."""
        outlet = self.lookup(name)
        if outlet is None:
            return name or "unknown outlet"
        return (
            outlet.name
            if outlet.affiliation == UNCLASSIFIED
            else f"{outlet.name} ({outlet.affiliation})"
        )

    def _by_domain(self, text: str) -> Outlet | None:
        raw = text.strip().lower()
        parts = urlsplit(raw if "//" in raw else f"//{raw}")
        host = (parts.hostname or "").removeprefix("www.")
        if not host or "." not in host:
            return None
        path = parts.path.strip("/").split("/")[0]
        # The most specific entry wins: "host/desk-a" before "host", "a.example" before "example".
        if path and (hit := self._domains.get(f"{host}/{path}")):
            return hit
        labels = host.split(".")
        for start in range(len(labels) - 1):
            if hit := self._domains.get(".".join(labels[start:])):
                return hit
        return None


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise OutletFileError(f"{path}: cannot read outlet file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise OutletFileError(f"{path}: not valid YAML: {exc}") from exc


def _check_top(data: Any, origin: str) -> list[Any]:
    if not isinstance(data, dict) or not isinstance(data.get("version"), int | str):
        raise OutletFileError(f"{origin}: an outlet file is a mapping with 'version' and 'outlets'")
    unknown = sorted(set(data) - {"version", "outlets"})
    if unknown:
        raise OutletFileError(f"{origin}: unknown top-level key(s) {', '.join(map(str, unknown))}")
    entries = data.get("outlets") or []
    if not isinstance(entries, list):
        raise OutletFileError(f"{origin}: 'outlets' must be a list of entries")
    return entries


def _strings(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise OutletFileError(f"{where}: '{key}' must be a string or a list of strings")
    return tuple(v.strip() for v in value)


def parse_outlet(raw: Any, where: str) -> Outlet:
    """One validated entry; a label other than "unclassified" needs a ``basis``."""
    if not isinstance(raw, dict):
        raise OutletFileError(f"{where}: an outlet entry must be a mapping")
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise OutletFileError(f"{where}: unknown key(s) {', '.join(map(str, unknown))}")
    missing = [k for k in _REQUIRED if not isinstance(raw.get(k), str) or not raw[k].strip()]
    if missing:
        raise OutletFileError(f"{where}: missing {', '.join(missing)}")
    basis = str(raw.get("basis") or "").strip()
    if raw["affiliation"] != UNCLASSIFIED and not basis:
        raise OutletFileError(f"{where} ({raw['id']}): the label needs a 'basis' citing a source")
    country = raw.get("country")
    return Outlet(
        id=raw["id"].strip(), name=raw["name"].strip(), affiliation=raw["affiliation"].strip(),
        basis=basis, aliases=_strings(raw, "aliases", where),
        domains=_strings(raw, "domains", where),
        country=str(country) if country else None, language=_strings(raw, "language", where),
        kind=str(raw.get("kind") or "outlet"),
    )  # fmt: skip


@cache
def default_registry() -> OutletRegistry:
    """The bundled registry alone, loaded once (callers with user files pass their own)."""
    return OutletRegistry.load()
