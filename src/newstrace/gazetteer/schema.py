"""The gazetteer file's layout and version (bump VERSION whenever the build's output changes)."""

from __future__ import annotations

# Part of the file name: a newer newstrace never reads an older build, it builds its own.
VERSION = 4

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
    population INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL,             -- normalize.name_key of the name
    place INTEGER NOT NULL REFERENCES places(id),
    is_primary INTEGER NOT NULL    -- 1: the place's own name or an official one; 0: alternate
);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country_code TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX places_place_id ON places(place_id);
"""
