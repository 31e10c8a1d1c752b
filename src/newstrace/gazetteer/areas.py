"""Countries and divisions as areas aggregated over the places inside them.

Neither bundled source gives division or country coordinates, so an area's point is the centre
of the 0.5° grid cells its member places occupy (mean of unit vectors, so areas across the
antimeridian work). Counting each occupied cell once, rather than each place, keeps a dense
capital region from dragging the point off: news geoparsing gold puts countries and provinces
near their geographic centre, not their population centre.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from newstrace.gazetteer.sources import AdminPlace, City

# 0.5° ≈ 55 km: fine enough to follow a province's shape, coarse enough that one city's
# suburbs fill a single cell.
CELL_DEGREES = 0.5


def coordinate_key(latitude: float, longitude: float) -> tuple[float, float]:
    """Join key between the two GeoNames-derived lists (same coordinates, different rounding)."""
    return (round(latitude, 3), round(longitude, 3))


@dataclass(slots=True)
class Area:
    """Accumulates member places of one country or division."""

    cells: set[tuple[int, int]] = field(default_factory=set)
    population: int = 0

    def add(self, latitude: float, longitude: float, population: int = 0) -> None:
        self.cells.add((math.floor(latitude / CELL_DEGREES), math.floor(longitude / CELL_DEGREES)))
        self.population += population

    def centre(self) -> tuple[float, float]:
        x = y = z = 0.0
        for row, col in self.cells:
            lat = math.radians((row + 0.5) * CELL_DEGREES)
            lon = math.radians((col + 0.5) * CELL_DEGREES)
            x += math.cos(lat) * math.cos(lon)
            y += math.cos(lat) * math.sin(lon)
            z += math.sin(lat)
        lon_c = math.degrees(math.atan2(y, x))
        lat_c = math.degrees(math.atan2(z, math.hypot(x, y)))
        return (round(lat_c, 5), round(lon_c, 5))


@dataclass(slots=True)
class AdminIndex:
    """What the division names of rg_cities1000 tell about cities500 places."""

    # (country, GeoNames admin1 code) → admin1 name, by majority over matched places
    admin1_names: dict[tuple[str, str], str]
    # coordinate key → admin2 name, for places present in both lists
    admin2_by_point: dict[tuple[float, float], str]
    admin1_areas: dict[tuple[str, str], Area]
    admin2_areas: dict[tuple[str, str, str], Area]
    country_areas: dict[str, Area]


def index_admin(admin_places: Iterable[AdminPlace], cities: list[City]) -> AdminIndex:
    by_point = {coordinate_key(c.latitude, c.longitude): c for c in cities}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_by_point: dict[tuple[float, float], str] = {}
    admin1_areas: dict[tuple[str, str], Area] = defaultdict(Area)
    admin2_areas: dict[tuple[str, str, str], Area] = defaultdict(Area)
    for place in admin_places:
        point = coordinate_key(place.latitude, place.longitude)
        city = by_point.get(point)
        population = city.population if city else 0
        if city is not None and place.admin1:
            votes[(city.country_code, city.admin1_code)][place.admin1] += 1
        if place.admin2:
            admin2_by_point[point] = place.admin2
            key2 = (place.country_code, place.admin1, place.admin2)
            admin2_areas[key2].add(place.latitude, place.longitude, population)
        if place.admin1:
            admin1_areas[(place.country_code, place.admin1)].add(
                place.latitude, place.longitude, population
            )
    country_areas: dict[str, Area] = defaultdict(Area)
    for city in cities:
        country_areas[city.country_code].add(city.latitude, city.longitude, city.population)
    return AdminIndex(
        admin1_names={key: counter.most_common(1)[0][0] for key, counter in votes.items()},
        admin2_by_point=admin2_by_point,
        admin1_areas=dict(admin1_areas),
        admin2_areas=dict(admin2_areas),
        country_areas=dict(country_areas),
    )
