"""A gazetteer entry as the resolver sees it, whatever list it came from."""

from __future__ import annotations

from dataclasses import dataclass

# Feature codes of areas rather than points: ACLED geo_precision 3 when named alone.
AREA_FEATURES = frozenset(
    {"PCLI", "ADM1", "CONT", "desert", "region", "mountains", "valley", "sea"}
)
# Features that stand for a part of a region (ACLED geo_precision 2).
PART_FEATURES = frozenset({"ADM2", "zone", "ridge"})


@dataclass(frozen=True, slots=True)
class Place:
    place_id: str  # geonames:<id> | country:<ISO2> | admin1:<..> | admin2:<..> | overlay:<id>
    name: str
    latitude: float
    longitude: float
    country_code: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    feature: str  # GeoNames-style code or overlay kind
    population: int
    alt_count: int = 0  # alternate names in GeoNames: how widely known the place is
    primary: bool = True  # the looked-up name is the place's own or official name
    radius_km: float | None = None  # overlay zones: a circle around the point
    source: str | None = None  # where the coordinates come from (overlay citation)

    @property
    def is_overlay(self) -> bool:
        return self.place_id.startswith("overlay:")

    @property
    def is_area(self) -> bool:
        return self.feature in AREA_FEATURES

    @property
    def precision(self) -> int:
        """ACLED geo_precision when the place is named plainly (no "near", no region word)."""
        if self.feature in AREA_FEATURES:
            return 3
        return 2 if self.feature in PART_FEATURES else 1
