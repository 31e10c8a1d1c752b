"""The curated place overlay: YAML files of sites GeoNames lacks (format: data/README-places.md).

The bundled ``data/places_overlay.yaml`` is read first, then the user's files in order; an entry
whose ``id`` is already known replaces the earlier one, so users can correct a bundled site.
Two kinds of entry: a *site* (its own coordinates, kind and citation) and a *spelling* entry
(``geonameid`` + ``aliases``) that adds names to a GeoNames place and keeps its coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newstrace.gazetteer.place import Place

# Overlay formats this code reads: a file declaring a newer one is refused, not misread.
SUPPORTED_VERSIONS = frozenset({1})
KINDS = frozenset(
    {
        "military_base",
        "border_crossing",
        "oil_field",
        "gas_field",
        "camp",
        "dam",
        "airport",
        "ridge",
        "desert",
        "district",
        "zone",
        "region",
        "mountains",
        "valley",
        "refinery",
        "town",
        "prison",
        "bridge",
        "island",
        "sea",
        "building",
    }
)
# Kinds that may span countries ("Middle East") and so need no country.
SUPRANATIONAL_KINDS = frozenset({"region", "desert", "mountains", "valley", "sea"})
_SITE_FIELDS = ("id", "name", "kind", "lat", "lon", "source")


class OverlayError(ValueError):
    """A place overlay file that cannot be used, with the file and entry named."""


@dataclass(slots=True)
class Overlay:
    # "overlay:<id>" → (place, its name and aliases)
    sites: dict[str, tuple[Place, tuple[str, ...]]] = field(default_factory=dict)
    # "geonames:<id>" → extra spellings of that GeoNames place (by overlay id, for overriding)
    spellings: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)


def bundled_overlay() -> Path:
    return Path(str(resources.files("newstrace") / "data" / "places_overlay.yaml"))


def load_overlay(paths: Iterable[Path], country_codes: Mapping[str, str]) -> Overlay:
    """All entries of ``paths`` in order, later ids replacing earlier ones.

    ``country_codes`` maps a country's name as ACLED writes it to its ISO2 code.
    """
    overlay = Overlay()
    for path in paths:
        for entry in _entries(path):
            if entry.get("geonameid") is not None:
                _add_spelling(overlay, entry, path)
                continue
            place = _to_place(entry, path, country_codes)
            overlay.sites[place.place_id] = (place, (place.name, *_aliases(entry)))
    return overlay


def _add_spelling(overlay: Overlay, entry: dict[str, Any], path: Path) -> None:
    if not entry.get("id") or not _aliases(entry):
        raise OverlayError(f"{path}: spelling entry {entry!r} needs an id and aliases")
    target = f"geonames:{int(entry['geonameid'])}"
    overlay.spellings[str(entry["id"])] = (target, tuple(_aliases(entry)))


def _aliases(entry: Mapping[str, Any]) -> list[str]:
    raw = entry.get("aliases") or []
    return [str(a) for a in raw] if isinstance(raw, list) else [str(raw)]


def _entries(path: Path) -> list[dict[str, Any]]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise OverlayError(f"{path}: cannot read place overlay: {error}") from error
    if not isinstance(document, dict) or "places" not in document:
        raise OverlayError(f"{path}: expected a mapping with 'version' and 'places'")
    if document.get("version") not in SUPPORTED_VERSIONS:
        raise OverlayError(f"{path}: unsupported overlay version {document.get('version')!r}")
    entries = document["places"] or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise OverlayError(f"{path}: 'places' must be a list of mappings")
    return entries


def _to_place(entry: dict[str, Any], path: Path, country_codes: Mapping[str, str]) -> Place:
    where = f"{path}: place {entry.get('id', '?')!r}"
    missing = [key for key in _SITE_FIELDS if entry.get(key) in (None, "")]
    if not entry.get("country") and entry.get("kind") not in SUPRANATIONAL_KINDS:
        missing.append("country")
    if missing:
        raise OverlayError(f"{where}: missing {', '.join(missing)}")
    if entry["kind"] not in KINDS:
        raise OverlayError(f"{where}: unknown kind {entry['kind']!r} (one of {sorted(KINDS)})")
    try:
        lat, lon = float(entry["lat"]), float(entry["lon"])
        radius = float(entry["radius_km"]) if entry.get("radius_km") is not None else None
    except (TypeError, ValueError) as error:
        raise OverlayError(f"{where}: lat, lon and radius_km must be numbers") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise OverlayError(f"{where}: coordinates out of range")
    country = str(entry["country"]) if entry.get("country") else None
    if country is not None and country not in country_codes:
        raise OverlayError(f"{where}: unknown country {country!r} (use ACLED's country name)")
    return Place(
        place_id=f"overlay:{entry['id']}",
        name=str(entry["name"]),
        latitude=lat,
        longitude=lon,
        country_code=country_codes.get(country) if country else None,
        country=country,
        admin1=entry.get("admin1"),
        admin2=entry.get("admin2"),
        feature=str(entry["kind"]),
        population=0,
        radius_km=radius,
        source=str(entry["source"]),
    )
