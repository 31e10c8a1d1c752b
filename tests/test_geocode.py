"""Toponym recognition and resolution: context, overlay sites, qualifiers, false positives."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.gazetteer import Gazetteer
from newstrace.records import PlaceMention
from newstrace.settings import Settings
from newstrace.stages.geocode import document_context, find_places, places_with_context
from tests.test_gazetteer import gazetteer, gazetteer_file

__all__ = ["gazetteer", "gazetteer_file"]  # session fixtures shared with test_gazetteer


def _places(text: str, gazetteer: Gazetteer, **kwargs: str) -> dict[str, PlaceMention]:
    mentions = find_places(text, gazetteer, **kwargs)  # type: ignore[arg-type]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return {m.text: m for m in mentions}


def test_tripoli_follows_the_document_country(gazetteer: Gazetteer) -> None:
    lebanon = "Clashes erupted in Tripoli, Lebanon's second city, after a rally in Beirut."
    libya = "Fighting near Tripoli and Misrata left Libya's capital without power, Benghazi said."
    assert _places(lebanon, gazetteer)["Tripoli"].country == "Lebanon"
    assert _places(libya, gazetteer)["Tripoli"].country == "Libya"


def test_explicit_focus_country_decides(gazetteer: Gazetteer) -> None:
    text = "Residents of Tripoli reported gunfire overnight."
    assert _places(text, gazetteer, focus_country="LB")["Tripoli"].country_code == "LB"
    assert _places(text, gazetteer, focus_country="LY")["Tripoli"].country_code == "LY"


def test_homs_alone_is_the_syrian_city(gazetteer: Gazetteer) -> None:
    homs = _places("Shelling hit Homs on Tuesday.", gazetteer)["Homs"]
    assert (homs.country, homs.admin1, homs.feature, homs.geo_precision) == (
        "Syria",
        "Homs",
        "PPL",
        1,
    )


def test_palmyra_in_a_syria_story_is_tadmur(gazetteer: Gazetteer) -> None:
    text = "Syrian troops retook Palmyra from ISIS after weeks of fighting near Homs in Syria."
    assert _places(text, gazetteer)["Palmyra"].place_id == "geonames:163808"
    us = "Palmyra, New York, held its annual parade; Rochester sent a band."
    assert _places(us, gazetteer)["Palmyra"].country == "United States"


def test_tanf_spellings_are_the_overlay_garrison(gazetteer: Gazetteer) -> None:
    for spelling in ("al-Tanaf", "At Tanf", "al-Tanf", "Al Tanf"):
        text = f"A drone struck near the {spelling} base in the desert of Syria."
        mention = _places(text, gazetteer)[f"{spelling} base"]
        assert mention.place_id == "overlay:al-tanf-garrison"
        assert mention.feature == "military_base"


def test_the_55_km_zone_is_a_circle(gazetteer: Gazetteer) -> None:
    text = "Regime forces approached the 55 km zone around the garrison in Syria."
    zone = _places(text, gazetteer)["55 km zone"]
    assert zone.place_id == "overlay:al-tanf-zone"
    assert zone.geo_precision == 2


def test_admin_qualifiers_pick_the_province(gazetteer: Gazetteer) -> None:
    places = _places(
        "Airstrikes hit Idlib province, while in Homs governorate a convoy was ambushed.",
        gazetteer,
    )
    assert places["Idlib province"].feature == "ADM1"
    assert places["Idlib province"].admin1 == "Idleb"
    assert places["Idlib province"].geo_precision == 3
    assert places["Homs governorate"].feature == "ADM1"


def test_a_town_named_like_its_province_is_the_town(gazetteer: Gazetteer) -> None:
    places = _places("A car bomb exploded in Kirkuk, Iraq.", gazetteer)
    assert places["Kirkuk"].feature == "PPL"


@pytest.mark.parametrize(
    ("text", "surface", "relation"),
    [
        ("A mortar round landed near Mosul in Iraq.", "Mosul", "near"),
        ("ISIS attacked a checkpoint 40 km from Raqqa in Syria.", "Raqqa", "40 km from"),
        ("Clashes on the outskirts of Aleppo, Syria.", "Aleppo", "on the outskirts of"),
        ("Shelling in eastern Damascus killed two in Syria.", "Damascus", "eastern"),
        (
            "Troops massed 25 kilometres south of Tikrit in Iraq.",
            "Tikrit",
            "25 kilometres south of",
        ),
    ],
)
def test_near_and_distance_give_precision_two(
    gazetteer: Gazetteer, text: str, surface: str, relation: str
) -> None:
    mention = _places(text, gazetteer)[surface]
    assert mention.relation == relation
    assert mention.geo_precision == 2


def test_countryside_is_part_of_a_place(gazetteer: Gazetteer) -> None:
    text = "ISIS captured a village in the southern Homs countryside of Syria."
    mention = _places(text, gazetteer)["Homs countryside"]
    assert mention.geo_precision == 2 and mention.name == "Homs"


def test_demonyms_and_organisations_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "The Syrian Arab Army and Russian jets advanced, US Central Command said, and "
        "Hammurabi's Justice News reported that Iraqi militias crossed the border."
    )
    assert _places(text, gazetteer) == {}


def test_airport_named_after_a_city_is_the_airport(gazetteer: Gazetteer) -> None:
    text = "Israeli jets bombed Damascus International Airport overnight."
    airport = _places(text, gazetteer)["Damascus International Airport"]
    assert airport.place_id == "overlay:damascus-international-airport"


def test_people_and_calendar_words_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "Jim Martin wrote in May that President Jordan met Mr. Victoria on Sunday. "
        "Martin said the talks failed."
    )
    assert _places(text, gazetteer) == {}


def test_lower_case_text_does_not_crash(gazetteer: Gazetteer) -> None:
    text = "police in ahmedabad, gujarat, arrested 12 people after riots in india on monday."
    names = {m.name for m in find_places(text, gazetteer)}
    assert {"Ahmedabad", "India"} <= names


def test_empty_text(gazetteer: Gazetteer) -> None:
    assert find_places("", gazetteer) == []


def test_comments_reuse_the_article_context(gazetteer: Gazetteer) -> None:
    article = "Lebanese troops deployed in Tripoli and Beirut after clashes in Lebanon."
    context = document_context(article, gazetteer)
    assert context.focus_country == "LB"
    mention = find_places("Tripoli again!", gazetteer, context=context)[0]
    assert mention.country_code == "LB"


def test_a_place_situated_by_a_neighbour_must_be_near_it(gazetteer: Gazetteer) -> None:
    # Fictional sentence; both al-Qusayr (Homs) and any namesake lie over 150 km from Raqqa.
    text = "Gunmen abducted a council member in the town of al-Qusayr, east of Raqqa, on Sunday."
    places = find_places(text, gazetteer)
    assert [(p.text, p.country, p.geo_precision) for p in places] == [("Raqqa", "Syria", 2)]
    # "al-Karama" is exactly Al Karama in Dubai, 1,700 km away, but its -ah spelling is the
    # village of Al Karamah east of Raqqa: the nearby one is taken
    text = text.replace("al-Qusayr", "al-Karama")
    karama = {p.text: p for p in find_places(text, gazetteer)}["al-Karama"]
    assert (karama.country, karama.admin1) == ("Syria", "Ar-Raqqa")
    near = find_places("Clashes in Hajin, 30 km south of al-Bukamal, killed two.", gazetteer)
    assert [(p.text, p.country) for p in near] == [("Hajin", "Syria"), ("al-Bukamal", "Syria")]


def test_places_with_context_is_both_lookups_in_one(gazetteer: Gazetteer) -> None:
    article = "Lebanese troops deployed in Tripoli and Beirut after clashes in Lebanon."
    places, context = places_with_context(article, gazetteer)
    assert places == find_places(article, gazetteer)
    assert context == document_context(article, gazetteer)


def test_user_overlay_adds_and_overrides(gazetteer_file: Path, tmp_path: Path) -> None:
    mine = tmp_path / "my-places.yaml"
    mine.write_text(
        "version: 1\nplaces:\n"
        "  - {id: qasr-checkpoint, name: Qasr Checkpoint, kind: military_base, lat: 35.1,"
        " lon: 40.2, country: Syria, admin1: Deir-ez-Zor, source: 'own survey'}\n"
        "  - {id: al-tanf-garrison, name: Tanf outpost, kind: military_base, lat: 33.5,"
        " lon: 38.7, country: Syria, source: 'corrected', aliases: [al-Tanaf]}\n",
        encoding="utf-8",
    )
    settings = Settings(gazetteer_path=gazetteer_file, overlay_files=(mine,))
    gazetteer = Gazetteer.default(settings)
    text = "Mortars hit Qasr Checkpoint and the al-Tanaf garrison in Syria."
    places = _places(text, gazetteer)
    assert places["Qasr Checkpoint"].place_id == "overlay:qasr-checkpoint"
    tanf = places["al-Tanaf"]
    assert (tanf.name, tanf.latitude, tanf.longitude) == ("Tanf outpost", 33.5, 38.7)


@pytest.mark.shared
def test_sample_000_places(gazetteer: Gazetteer, samples_dir: Path) -> None:
    text = (samples_dir / "000_f8c9a77859afcc4e.txt").read_text(encoding="utf-8")
    mentions = find_places(text, gazetteer)
    found = {(m.text.lower(), m.place_id) for m in mentions}
    names = {m.name for m in mentions}
    assert any(pid == "overlay:al-tanf-garrison" for _, pid in found)
    assert {"Homs desert", "Euphrates Valley", "Tadmur", "Al Qaryatayn"} <= names
    assert any(m.admin1 == "Idleb" for m in mentions)
    assert not any(m.text.lower().startswith("syrian") for m in mentions)


@pytest.mark.shared
def test_sample_003_places(gazetteer: Gazetteer, samples_dir: Path) -> None:
    text = (samples_dir / "003_7730bb2ab92353fe.txt").read_text(encoding="utf-8")
    mentions = find_places(text, gazetteer)
    ids = {m.place_id for m in mentions}
    assert "overlay:damascus-international-airport" in ids
    assert "geonames:170794" in ids  # Deir Ezzor, in every spelling the page uses
    assert not any(m.text.lower().startswith(("syrian", "russian")) for m in mentions)


def test_unlisted_transliteration_after_a_cue(gazetteer: Gazetteer) -> None:
    text = "Clashes in Syria went on. Two strikes hit near Deyr ez-Zawr on Monday."
    mention = _places(text, gazetteer)["Deyr ez-Zawr"]
    assert mention.place_id == "geonames:170794"


def test_hyphenated_pairs_of_names_split(gazetteer: Gazetteer) -> None:
    places = _places("Fighters crossed the Syria-Iraq border; Guinea-Bissau abstained.", gazetteer)
    assert places["Syria"].country_code == "SY" and places["Iraq"].country_code == "IQ"
    assert places["Guinea-Bissau"].feature == "PCLI"


def test_state_abbreviation_decides_the_town(gazetteer: Gazetteer) -> None:
    places = _places("The fire in Paris, Tenn., destroyed two barns.", gazetteer)
    assert places["Paris"].admin1 == "Tennessee"
    assert places["Tenn."].feature == "ADM1"


def test_commenter_name_lines_are_people(gazetteer: Gazetteer) -> None:
    text = "Comments\n\nJerry Hamilton\n\nThey are the bloody terrorists.\n\n— John Mason\n"
    assert _places(text, gazetteer) == {}


def test_place_before_a_title_is_a_place(gazetteer: Gazetteer) -> None:
    places = _places("The talks were led by US Ambassador Jon Huntsman in Moscow.", gazetteer)
    assert places["US"].country_code == "US"
    assert places["Moscow"].country_code == "RU"


def test_a_text_is_not_its_own_outside_evidence(gazetteer: Gazetteer) -> None:
    text = "Georgia lawmakers met in Atlanta. Georgia's governor spoke in Savannah, Georgia."
    alone = find_places(text, gazetteer)
    with_own = find_places(text, gazetteer, context=document_context(text, gazetteer))
    assert alone == with_own
    assert {m.country_code for m in alone} == {"US"}


def test_two_known_places_side_by_side_are_a_list(gazetteer: Gazetteer) -> None:
    places = _places(
        "Gunmen killed a clerk in Sadr City Baghdad on Monday, Iraqi police said.", gazetteer
    )
    assert places["Sadr City"].admin1 == "Baghdad"
    assert places["Baghdad"].feature == "PPLC"


def test_a_common_spelling_variant_in_iraq(gazetteer: Gazetteer) -> None:
    text = "Protesters gathered in Nassriya city in southern Iraq."
    mention = _places(text, gazetteer)["Nassriya"]
    assert (mention.country, mention.admin1) == ("Iraq", "Thi-Qar")


def test_a_lone_romanised_city_is_found_without_any_country(gazetteer: Gazetteer) -> None:
    # no country, province or other town in the text: only the big romanised cities are tried
    found = _places("Teachers marched in Nassriya city on Sunday.", gazetteer)
    assert found["Nassriya"].name == "Nasiriyah"
    assert found["Nassriya"].country == "Iraq"


def test_without_a_country_small_towns_are_not_fuzzy_matched(gazetteer: Gazetteer) -> None:
    # "Helmett" resembles no city of 100,000+ of a romanised country
    assert _places("Volunteers gathered in Helmett on Sunday.", gazetteer) == {}


def test_an_ah_spelling_beats_a_smaller_exact_namesake(gazetteer: Gazetteer) -> None:
    # "Amara" is Al-'Amarah (Iraq, 320k) spelt without the final -h, not Amara, Romania (7k)
    assert _places("Workers protested in Amara city.", gazetteer)["Amara city"].country == "Iraq"


def test_a_province_before_a_direction_and_a_country_is_kept(gazetteer: Gazetteer) -> None:
    found = _places("Drones hit a hill in the mountains of Dahuk Northern Iraq.", gazetteer)
    assert found["Dahuk"].admin1 == "Dahuk"
    assert "Iraq" in found


def test_the_last_word_of_an_arabic_personal_name_is_no_place(gazetteer: Gazetteer) -> None:
    found = _places("Crowds in Basra ignored cleric Muqtada al Sadr's call.", gazetteer)
    assert "Sadr" not in found
    assert found["Basra"].country == "Iraq"


def test_an_institution_of_a_city_is_not_a_town(gazetteer: Gazetteer) -> None:
    found = _places("Students of the University of Basra held a sit-in.", gazetteer)
    assert "University" not in found
    assert found["Basra"].country == "Iraq"


def test_qandil_is_the_mountain_range(gazetteer: Gazetteer) -> None:
    found = _places("Jets struck hideouts in the Qandil area of Erbil.", gazetteer)
    assert found["Qandil area"].feature == "mountains"
    assert found["Qandil area"].admin1 == "Erbil"
