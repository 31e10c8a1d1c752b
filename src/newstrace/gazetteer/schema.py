"""The gazetteer file's layout and version (bump VERSION whenever the build's output changes)."""

from __future__ import annotations

# Part of the file name: a newer newstrace never reads an older build, it builds its own.
VERSION = 9
# major_keys keeps towns of this many people or more: fuzzy matching with no country in the text
# reads cities of 100,000+ (geocode.fuzzy.MAJOR_CITY); reading them from the names table joined
# to places took 1.0 s per process, a seventh of the annotate-speed bench.
MAJOR_TOWN_MIN = 50_000

SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL,        -- geonames:<id> | country:<ISO2> | admin1:<..> | admin2:<..>
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    country_code TEXT,
    country TEXT,                  -- as ACLED writes it
    admin1 TEXT,                   -- as ACLED writes it for Syria and Iraq, else GeoNames' name
    admin2 TEXT,
    feature TEXT NOT NULL,         -- PPL, PPLC, PCLI, ADM1, ADM2, CONT
    population INTEGER NOT NULL,
    alt_count INTEGER NOT NULL     -- GeoNames alternate names (all scripts): a prominence signal
);
CREATE TABLE names (
    key TEXT NOT NULL,             -- normalize.name_key of the name
    place INTEGER NOT NULL REFERENCES places(id),
    is_primary INTEGER NOT NULL    -- 1: the place's own name or an official one; 0: alternate
);
CREATE TABLE fuzzy_keys (         -- town name keys by country, first letter and length
    country_code TEXT NOT NULL,
    initial TEXT NOT NULL,
    length INTEGER NOT NULL,
    key TEXT NOT NULL
);
CREATE TABLE major_keys (         -- name keys of towns of MAJOR_TOWN+ people, for a whole-scan
    key TEXT NOT NULL,
    country_code TEXT NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country_code TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

INDEXES = f"""
CREATE INDEX names_key ON names(key);
CREATE INDEX places_place_id ON places(place_id);
INSERT INTO fuzzy_keys
    SELECT DISTINCT p.country_code, substr(n.key, 1, 1), length(n.key), n.key
    FROM names n JOIN places p ON p.id = n.place
    WHERE p.feature LIKE 'PPL%' AND p.country_code IS NOT NULL;
CREATE INDEX fuzzy_keys_bucket ON fuzzy_keys(country_code, initial, length);
INSERT INTO major_keys
    SELECT n.key, p.country_code, max(p.population)
    FROM names n JOIN places p ON p.id = n.place
    WHERE p.feature LIKE 'PPL%' AND p.country_code IS NOT NULL AND p.population >= {MAJOR_TOWN_MIN}
    GROUP BY n.key, p.country_code;
"""
