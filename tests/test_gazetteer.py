"""Gazetteer build and look-ups. The build (~20 s) runs once into pytest's cache folder and is
reused across sessions (its file name is versioned, so a changed build is rebuilt)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newstrace.gazetteer import Gazetteer, build_gazetteer
from newstrace.gazetteer import build as build_module
from newstrace.gazetteer import store as store_module
from newstrace.gazetteer.normalize import name_key
from newstrace.gazetteer.overlay import OverlayError
from newstrace.gazetteer.store import default_path
from newstrace.settings import Settings


@pytest.fixture(scope="session")
def gazetteer_file(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    folder = Path(cache.mkdir("newstrace-gazetteer")) if cache else tmp_path_factory.mktemp("gz")
    path = folder / default_path(Settings()).name
    if not path.is_file():
        build_gazetteer(path)
    return path


@pytest.fixture(scope="session")
def gazetteer(gazetteer_file: Path) -> Gazetteer:
    return Gazetteer.open(gazetteer_file)


def _ids(gazetteer: Gazetteer, name: str) -> list[str]:
    return [p.place_id for p in gazetteer.lookup(name_key(name))]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("al-Tanaf", "Tanaf"),
        ("At Tanf", "al-Tanf"),
        ("Deir ez-Zor", "Deir Ezzor"),
        ("Dayr az Zawr", "Dayr al-Zawr"),
        ("Ḩimş", "Hims"),
        ("Al Qaryatayn", "al-Qaryatayn"),
        ("Hammurabi’s", "Hammurabi's"),
    ],
)
def test_name_keys_meet_across_transliterations(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_english_words_keep_their_letters() -> None:
    assert name_key("Essex") == "essex"
    assert name_key("As") == "as"  # no article without a following word
    assert name_key("St. Louis") == "st louis"


def test_countries_carry_acled_names_and_short_forms(gazetteer: Gazetteer) -> None:
    for name, code, acled in [
        ("Syria", "SY", "Syria"),
        ("Syrian Arab Republic", "SY", "Syria"),
        ("Iran", "IR", "Iran"),
        ("Russia", "RU", "Russia"),
        ("UK", "GB", "United Kingdom"),
        ("USA", "US", "United States"),
        ("America", "US", "United States"),
    ]:
        countries = [p for p in gazetteer.lookup(name_key(name)) if p.feature == "PCLI"]
        assert countries, name
        assert (countries[0].country_code, countries[0].country) == (code, acled)


def test_country_points_are_central(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country("SY")
    assert syria is not None
    assert 34 <= syria.latitude <= 36 and 37 <= syria.longitude <= 40


def test_first_level_divisions_use_acled_spelling(gazetteer: Gazetteer) -> None:
    def admin1(name: str) -> set[str | None]:
        return {p.admin1 for p in gazetteer.lookup(name_key(name)) if p.feature == "ADM1"}

    assert "Rural Damascus" in admin1("Rif Dimashq")
    assert "Ninewa" in admin1("Nineveh")
    assert "Sala al-Din" in admin1("Salahuddin")
    assert "Deir-ez-Zor" in admin1("Deir ez-Zor")
    assert "Anbar" in admin1("Anbar")


def test_cities_know_their_division_and_country(gazetteer: Gazetteer) -> None:
    mosul = gazetteer.lookup("mosul")[0]
    assert (mosul.country, mosul.admin1, mosul.feature) == ("Iraq", "Ninewa", "PPL")
    towns = [p for p in gazetteer.lookup("damascus") if p.feature.startswith("PPL")]
    assert towns[0].country_code == "SY" and towns[0].feature == "PPLC"
    assert "geonames:163808" in _ids(gazetteer, "Palmyra")  # Tadmur, by its alternate name


def test_overlay_sites_come_first_with_citations(gazetteer: Gazetteer) -> None:
    tanf = gazetteer.lookup(name_key("al-Tanaf"))[0]
    assert tanf.place_id == "overlay:al-tanf-garrison"
    assert tanf.feature == "military_base" and tanf.country == "Syria"
    assert tanf.source and "Wikipedia" in tanf.source
    zone = gazetteer.lookup(name_key("55 km zone"))[0]
    assert zone.radius_km == 55


def test_overlay_spellings_keep_geonames_coordinates(gazetteer: Gazetteer) -> None:
    ids = _ids(gazetteer, "Deir al-Zour")
    assert ids[0] == "geonames:170794"


def test_demonyms_are_known(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym_country("syrian") == "SY"
    assert gazetteer.demonym_country("iraqi") == "IQ"
    assert gazetteer.demonym_country("damascus") is None


def test_build_is_indexed_and_versioned(gazetteer_file: Path) -> None:
    connection = sqlite3.connect(gazetteer_file)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT place FROM names WHERE key = 'homs'"
        ).fetchall()
    finally:
        connection.close()
    assert meta["version"] in gazetteer_file.name
    assert any("names_key" in str(row) for row in plan)


def test_failed_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(path: Path) -> None:
        path.write_bytes(b"half a database")
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "_write", killed)
    dest = tmp_path / "gazetteer.sqlite"
    with pytest.raises(KeyboardInterrupt):
        build_gazetteer(dest)
    assert list(tmp_path.iterdir()) == []


def test_default_opens_the_configured_file(gazetteer_file: Path) -> None:
    settings = Settings(gazetteer_path=gazetteer_file)
    assert default_path(settings) == gazetteer_file
    assert Gazetteer.default(settings).lookup("homs")


def test_default_path_is_a_versioned_cache_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "/cache")
    path = default_path(Settings())
    assert path.parent == Path("/cache/newstrace")
    assert path.name.startswith("gazetteer-v") and path.suffix == ".sqlite"


def test_open_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Gazetteer.open(tmp_path / "absent.sqlite")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{id: x, name: X, kind: camp, lat: 1, lon: 2, source: s}", "missing country"),
        ("{id: x, name: X, kind: castle, lat: 1, lon: 2, country: Syria, source: s}", "kind"),
        ("{id: x, name: X, kind: camp, lat: 1, lon: 2, country: Syrie, source: s}", "country"),
        ("{id: x, name: X, kind: camp, lat: 91, lon: 2, country: Syria, source: s}", "range"),
        ("{id: x, name: X, kind: camp, lat: north, lon: 2, country: Syria, source: s}", "number"),
    ],
)
def test_bad_overlay_entries_are_refused_clearly(
    gazetteer_file: Path, tmp_path: Path, entry: str, message: str
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(f"version: 1\nplaces:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(OverlayError, match=message):
        Gazetteer.open(gazetteer_file, (path,))


def test_overlay_of_unknown_version_is_refused(gazetteer_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "future.yaml"
    path.write_text("version: 99\nplaces: []\n", encoding="utf-8")
    with pytest.raises(OverlayError, match="version"):
        Gazetteer.open(gazetteer_file, (path,))


def test_default_builds_into_the_cache_and_drops_old_versions(
    gazetteer_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stale = tmp_path / "newstrace" / "gazetteer-v1-gnc0.sqlite"
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    built: list[Path] = []

    def fake_build(dest: Path) -> Path:  # the real build is tested above; 20 s is enough once
        dest.write_bytes(gazetteer_file.read_bytes())
        built.append(dest)
        return dest

    monkeypatch.setattr(store_module, "build_gazetteer", fake_build)
    gazetteer = Gazetteer.default(Settings())
    assert gazetteer.lookup("homs")
    assert built == [default_path(Settings())]
    assert not stale.exists()
    Gazetteer.default(Settings())  # second time: opened, not rebuilt
    assert len(built) == 1


@pytest.mark.parametrize(
    ("key", "variant"), [("amara", "amarah"), ("diwaniyah", "diwaniya"), ("hama", "hamah")]
)
def test_marbuta_variants_swap_a_final_h(key: str, variant: str) -> None:
    assert store_module.marbuta_variant(key) == variant


@pytest.mark.parametrize("key", ["ada", "paris", "al ka"])
def test_short_or_other_keys_have_no_marbuta_variant(key: str) -> None:
    assert store_module.marbuta_variant(key) is None


def test_romanised_names_meet_their_ah_spelling(gazetteer: Gazetteer) -> None:
    # "Amadiya" is no GeoNames spelling of Al-'Amadiyah; "Amara" is only an alternate of
    # Al-'Amarah but a transliteration of its own name, so it counts as its own name
    amadiya = gazetteer.lookup(name_key("Amadiya"))
    assert any(p.country_code == "IQ" and p.primary for p in amadiya)
    amara = [p for p in gazetteer.lookup(name_key("Amara")) if p.country_code == "IQ"]
    assert amara and amara[0].primary


def test_major_keys_hold_big_romanised_towns_only(gazetteer: Gazetteer) -> None:
    keys = gazetteer.major_keys(100_000)
    assert "nasiriyah" in keys["n"]
    assert "houston" not in keys.get("h", [])  # the United States is not romanised
