"""End to end through the real Annotator: every annotate stage, then event coding.

The short reports below are fictional (written for these tests) about real places. The two real
sample pages are read from ../shared at test time, never copied; assertions use short probes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from newstrace.annotator import ANNOTATOR_VERSION, Annotator, document_input, text_era
from newstrace.records import Certainty, EventMention
from newstrace.settings import Settings
from newstrace.stages.extract.textdump import clean_text_dump
from newstrace.stages.genre import classify_genre

PUBLISHED = date(2024, 11, 13)  # a Wednesday: "on Monday" is 11 November 2024
FICTION = "This fictional report was written for the newstrace tests. "


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator.load(Settings())


def code(
    annotator: Annotator,
    body: str,
    *,
    published: date | None = PUBLISHED,
    comments: Sequence[str] = (),
    genre: str = "report",
) -> list[EventMention]:
    doc = document_input(
        "t1", FICTION + body, comments, outlet="newstrace demo (fictional)",
        published=published, genre=genre,
    )  # fmt: skip
    return list(annotator.annotate(doc).events)


def only(mentions: list[EventMention], sub_event_type: str) -> EventMention:
    found = [m for m in mentions if m.sub_event_type == sub_event_type and not m.in_comments]
    assert len(found) == 1, [(m.sub_event_type, m.sentence) for m in mentions]
    return found[0]


def test_version_was_bumped_for_the_new_coding_rules() -> None:
    assert ANNOTATOR_VERSION >= 2


def test_passive_voice_makes_the_by_phrase_actor1(annotator: Annotator) -> None:
    body = "Two soldiers were killed by Islamic State fighters near Tadmur on Monday."
    clash = only(code(annotator, body), "Armed clash")
    assert clash.actor1 == "Islamic State (Syria)"
    assert clash.fatalities == 2
    assert clash.place is not None and clash.place.geo_precision == 2, "'near' is precision 2"
    assert clash.date is not None and clash.date.value == date(2024, 11, 11)


def test_clashes_between_two_sides(annotator: Annotator) -> None:
    body = (
        "Clashes broke out between the Syrian Democratic Forces and Islamic State fighters "
        "in the town of Hajin on Monday."
    )
    clash = only(code(annotator, body), "Armed clash")
    assert clash.actor1 == "QSD: Syrian Democratic Forces"
    assert clash.actor2 == "Islamic State (Syria)"
    assert clash.place is not None and clash.place.geo_precision == 1


def test_supported_by_is_an_associate_of_actor1(annotator: Annotator) -> None:
    body = (
        "Turkish forces, supported by the Syrian National Army, attacked YPG positions "
        "near Tal Rifaat on Monday."
    )
    clash = only(code(annotator, body), "Armed clash")
    assert clash.actor1 is not None and clash.actor1.startswith("Military Forces of Turkey")
    assert clash.assoc_actor_1 == ("JWS: Syrian National Army",)
    assert clash.actor2 == "YPG: Peoples Protection Units"


def test_protest_with_police_intervention(annotator: Annotator) -> None:
    body = "Hundreds of protesters rallied in Kirkuk on Monday and police fired tear gas at them."
    protest = only(code(annotator, body), "Protest with intervention")
    assert protest.actor1 == "Protesters (Iraq)" and protest.inter1 == 6
    assert protest.actor2 is not None and protest.actor2.startswith("Police Forces of Iraq")
    assert protest.interaction == 16


def test_peaceful_protest_has_no_second_actor(annotator: Annotator) -> None:
    body = "Teachers protested outside the education directorate in Basra on Monday."
    protest = only(code(annotator, body), "Peaceful protest")
    assert protest.actor1 == "Protesters (Iraq)" and protest.actor2 is None


def test_arrests_put_the_arresting_force_first(annotator: Annotator) -> None:
    body = "Iraqi police arrested five Islamic State suspects in Mosul on Monday."
    arrest = only(code(annotator, body), "Arrests")
    assert arrest.actor1 is not None and arrest.actor1.startswith("Police Forces of Iraq")
    assert arrest.actor2 == "Islamic State (Iraq)"


def test_attack_on_security_forces_is_an_armed_clash(annotator: Annotator) -> None:
    body = "A police officer was wounded in an attack by unidentified gunmen in Baquba on Sunday."
    clash = only(code(annotator, body), "Armed clash")
    assert clash.actor1 == "Unidentified Armed Group (Iraq)"
    assert clash.actor2 is not None and clash.actor2.startswith("Police Forces of Iraq")
    assert clash.fatalities is None, "wounded are not fatalities; no death toll stated"


def test_civilian_victims_of_a_bomb_are_actor2(annotator: Annotator) -> None:
    body = "A roadside bomb killed a farmer near Tikrit on Sunday."
    bomb = only(code(annotator, body), "Remote explosive/landmine/IED")
    assert bomb.actor2 == "Civilians (Iraq)"
    assert bomb.fatalities == 1, "a single named victim is one death"


def test_on_monday_resolves_against_the_publication_date(annotator: Annotator) -> None:
    body = "Gunmen killed three civilians near Kirkuk on Monday."
    attack = only(code(annotator, body), "Attack")
    assert attack.date is not None and attack.date.value == date(2024, 11, 11)
    assert attack.date.precision == 1 and attack.fatalities == 3
    assert attack.actor1 == "Unidentified Armed Group (Iraq)"
    assert attack.actor2 == "Civilians (Iraq)"


def test_undated_text_never_gets_a_year(annotator: Annotator) -> None:
    body = "Gunmen killed three civilians near Kirkuk on Monday."
    attack = only(code(annotator, body, published=None), "Attack")
    assert attack.date is not None and attack.date.value is None
    assert attack.date.text == "Monday"


def test_no_date_in_text_falls_back_to_the_report_date(annotator: Annotator) -> None:
    body = "Gunmen killed three civilians near Kirkuk."
    attack = only(code(annotator, body), "Attack")
    assert attack.date is not None and attack.date.value == PUBLISHED
    assert attack.date.precision == 2, "the publication date is approximate"
    undated = only(code(annotator, body, published=None), "Attack")
    assert undated.date is None


def test_a_date_of_the_telling_is_not_the_event_date(annotator: Annotator) -> None:
    denial = (
        "The coalition denied on Wednesday that it had carried out an air strike near "
        "al-Bukamal on Monday night."
    )
    strike = only(code(annotator, denial), "Air/drone strike")
    assert strike.date is not None and strike.date.value == date(2024, 11, 11)
    burial = "Families buried seven people on Tuesday after an air strike hit a farm on Monday."
    strike = only(code(annotator, burial), "Air/drone strike")
    assert strike.date is not None and strike.date.value == date(2024, 11, 11)


def test_a_claim_date_alone_bounds_the_event_approximately(annotator: Annotator) -> None:
    body = "The ministry said on Tuesday that an air strike had killed four civilians in Hajin."
    strike = only(code(annotator, body), "Air/drone strike")
    assert strike.date is not None and strike.date.value == date(2024, 11, 12)
    assert strike.date.precision == 2, "it happened that day or shortly before"


def test_the_owner_of_the_instrument_is_actor1(annotator: Annotator) -> None:
    body = "Aircraft of the US-led coalition struck a farm near al-Bukamal on Monday."
    strike = only(code(annotator, body), "Air/drone strike")
    assert strike.actor1 == "Global Coalition Against Daesh"
    assert strike.actor2 != "Global Coalition Against Daesh"


def test_the_actor_right_before_a_weapon_noun_fires_it(annotator: Annotator) -> None:
    body = "The SDF came under Islamic State mortar fire in Deir ez-Zor on Monday."
    shelling = only(code(annotator, body), "Shelling/artillery/missile attack")
    assert shelling.actor1 == "Islamic State (Syria)"


def test_a_sentence_going_on_about_the_event_takes_its_date_and_place(
    annotator: Annotator,
) -> None:
    body = (
        "Artillery shells hit a market in Ariha on Monday, killing two civilians.\n\n"
        "The shells struck shortly after 8 am from positions near Saraqib, a rescuer told "
        "the desk."
    )
    lede, detail = [m for m in code(annotator, body) if m.event_type.startswith("Explosions")]
    assert detail.sentence.startswith("The shells struck")
    assert lede.date is not None and lede.date.value == date(2024, 11, 11)
    assert detail.date == lede.date and detail.place == lede.place
    unrelated = "Artillery shells hit a market in Ariha on Monday.\n\nThe protest ended at noon."
    assert all(m.date == lede.date for m in code(annotator, unrelated))


def test_a_fronted_phrase_sets_the_scene_and_does_not_act(annotator: Annotator) -> None:
    body = (
        "Undeterred by the Islamic State ambush, the SDF launched mortar fire at positions "
        "near Hajin on Monday."
    )
    shelling = only(code(annotator, body), "Shelling/artillery/missile attack")
    assert shelling.actor1 == "QSD: Syrian Democratic Forces"
    inside = "After Islamic State fighters shelled Hajin on Monday, the SDF withdrew."
    assert only(code(annotator, inside), "Shelling/artillery/missile attack").actor1 == (
        "Islamic State (Syria)"
    )


def test_an_opinion_piece_reports_an_incident_with_a_place_and_two_sides(
    annotator: Annotator,
) -> None:
    incident = "HTS fighters attacked government forces in North Hama."
    assert [m.actor1 for m in code(annotator, incident, genre="opinion")] == [
        "HTS: Hayat Tahrir al Sham"
    ]
    argument = "HTS fighters attacked everything the government built."
    assert code(annotator, argument, genre="opinion") == []


def test_a_denial_that_names_only_the_claim_denies_that_event(annotator: Annotator) -> None:
    body = (
        "Activists accused the army of shelling a bakery in Ariha on Monday.\n\n"
        "The ministry rejected the activists' accusations as fabricated."
    )
    mentions = code(annotator, body)
    denials = [m for m in mentions if m.attribution.certainty is Certainty.DENIED]
    (claim,) = [m for m in mentions if m not in denials]
    assert claim.sub_event_type == "Shelling/artillery/missile attack"
    assert len(denials) == 1 and denials[0].sentence.startswith("The ministry rejected")
    assert denials[0].sub_event_type == claim.sub_event_type
    assert denials[0].date == claim.date and denials[0].fatalities is None
    assert denials[0].attribution.claimed_by[0].text.lower().endswith("ministry")


def test_a_denial_of_someone_else_s_claim_or_of_nothing_codes_nothing(
    annotator: Annotator,
) -> None:
    body = (
        "Activists accused the army of shelling a bakery in Ariha on Monday.\n\n"
        "The ministry rejected the UN's accusations of corruption."
    )
    assert not [m for m in code(annotator, body) if m.attribution.certainty is Certainty.DENIED]
    alone = "The ministry rejected the claims as fabricated."
    assert code(annotator, alone) == []


def test_speculation_is_not_an_event(annotator: Annotator) -> None:
    body = "An offensive on Idlib might be launched this spring, analysts said."
    assert code(annotator, body) == []


def test_generic_statements_about_groups_are_not_events(annotator: Annotator) -> None:
    body = "The SDF are separatist Kurds working against Syria and colluding with Islamic State."
    assert code(annotator, body) == []


def test_denial_is_kept_with_its_certainty(annotator: Annotator) -> None:
    body = "The army denied that its aircraft struck a market in Maarat al-Numan on Monday."
    strikes = [m for m in code(annotator, body) if m.event_type == "Explosions/Remote violence"]
    assert strikes and strikes[0].attribution.certainty is Certainty.DENIED


def test_comment_events_are_flagged(annotator: Annotator) -> None:
    body = "Teachers protested outside the education directorate in Basra on Monday."
    comment = "Gunmen killed three civilians near Kirkuk yesterday, everyone knows it."
    mentions = code(annotator, body, comments=[comment])
    from_comments = [m for m in mentions if m.in_comments]
    assert from_comments and all(m.comment_position == 0 for m in from_comments)
    assert all(not m.in_comments for m in mentions if m.sub_event_type == "Peaceful protest")


def test_text_era_is_the_latest_stated_date() -> None:
    assert text_era("Fighters took the town in May 2015 and lost it in September 2017.") == date(
        2017, 9, 30
    )
    assert text_era("Nothing dated here.") is None


# ------------------------------------------------------------------ the two real sample pages


def _sample(samples_dir: Path, prefix: str, annotator: Annotator) -> list[EventMention]:
    path = next(samples_dir.glob(f"{prefix}_*.txt"))
    page = clean_text_dump(path.read_text(encoding="utf-8"))
    genre = classify_genre(page).value  # as the pipeline reads it: 003 is an opinion piece
    doc = document_input(
        path.stem, page.body, [c.text for c in page.comments], outlet=page.outlet,
        published=page.published, genre=genre,
    )  # fmt: skip
    return list(annotator.annotate(doc).events)


def _with(mentions: list[EventMention], probe: str) -> list[EventMention]:
    return [m for m in mentions if probe in m.sentence and not m.in_comments]


def test_sample_000_tanf_operation_and_claims(samples_dir: Path, annotator: Annotator) -> None:
    mentions = _sample(samples_dir, "000", annotator)
    operation = [m for m in _with(mentions, "December 23") if m.sub_event_type == "Armed clash"]
    assert len(operation) == 1
    op = operation[0]
    assert op.actor1 == "Global Coalition Against Daesh"
    assert op.assoc_actor_1 == ("Free Syrian Army",)
    assert op.actor2 == "Islamic State (Syria)"
    assert op.date is not None and op.date.value is None and op.date.text == "December 23"
    # The outlet states the operation in its own voice: asserted (unverified only if hedged).
    assert op.attribution.certainty in {Certainty.ASSERTED, Certainty.UNVERIFIED}
    assert op.place is not None and "Tanf" in op.place.name

    attack = [m for m in _with(mentions, "allegedly attacked") if m.event_type == "Battles"]
    assert attack and attack[0].actor1 == "Islamic State (Syria)"
    assert attack[0].attribution.certainty in {Certainty.ALLEGED, Certainty.UNVERIFIED}
    assert any("Hammurabi" in c.text for c in attack[0].attribution.claimed_by)


def test_sample_000_background_capture_and_no_speculation(
    samples_dir: Path, annotator: Annotator
) -> None:
    mentions = _sample(samples_dir, "000", annotator)
    capture = [
        m for m in _with(mentions, "al-Qaryatayn")
        if m.sub_event_type == "Non-state actor overtakes territory"
    ]  # fmt: skip
    assert capture and capture[0].background and capture[0].actor1 == "Islamic State (Syria)"
    assert capture[0].date is not None and capture[0].date.precision == 3
    assert capture[0].place is not None and capture[0].place.name == "Al Qaryatayn"
    assert not [m for m in mentions if "might be launched" in m.sentence]
    path = next(samples_dir.glob("000_*.txt"))
    body = clean_text_dump(path.read_text(encoding="utf-8")).body
    from_comments = [m for m in mentions if m.sentence not in body]
    assert from_comments, "the sample's comment thread reports events too"
    assert all(m.in_comments and m.comment_position is not None for m in from_comments)


def test_undated_page_names_actors_for_its_own_era(samples_dir: Path, annotator: Annotator) -> None:
    """An undated 2017 page must not name 2025's US forces (the default, latest period)."""
    mentions = _sample(samples_dir, "000", annotator) + _sample(samples_dir, "003", annotator)
    names = [n for m in mentions for n in (m.actor1, m.actor2, *m.assoc_actor_1) if n]
    assert not [n for n in names if "(2025-)" in n]


def test_sample_003_asapov_strike_claim_and_hama(samples_dir: Path, annotator: Annotator) -> None:
    mentions = _sample(samples_dir, "003", annotator)
    killing = [m for m in _with(mentions, "Asapov") if m.sub_event_type.startswith("Shelling")]
    assert killing and killing[0].fatalities == 1
    assert killing[0].actor1 == "Islamic State (Syria)"
    assert killing[0].place is not None and killing[0].place.name == "Deir ez-Zor"

    strike = [m for m in _with(mentions, "17 September") if m.sub_event_type == "Air/drone strike"]
    assert strike and strike[0].attribution.certainty in {Certainty.ALLEGED, Certainty.DENIED}
    claimants = " ".join(c.text for c in strike[0].attribution.claimed_by)
    assert "US" in claimants or "Pentagon" in claimants
    assert strike[0].actor1 is not None and "Russia" in strike[0].actor1
    denial = [m for m in _with(mentions, "called out the US claim")]
    assert [m.sub_event_type for m in denial] == ["Air/drone strike"]
    assert denial[0].attribution.certainty is Certainty.DENIED
    assert denial[0].attribution.claimed_by[0].text == "Russia"
    assert denial[0].date == strike[0].date and denial[0].place == strike[0].place

    hama = [
        m for m in _with(mentions, "North Hama") if m.actor1 == "HTS: Hayat Tahrir al Sham"
        and m.sub_event_type in {"Armed clash", "Non-state actor overtakes territory"}
    ]  # fmt: skip
    assert hama


def test_the_embedding_classifier_setting_reaches_the_annotator() -> None:
    embedded = Annotator.load(Settings(event_classifier="embedding"))
    assert embedded.classifier.uses_embedding
    strike = only(code(embedded, "Jets bombed a market in Ariha on Monday."), "Air/drone strike")
    assert strike.date is not None and strike.date.value == date(2024, 11, 11)
    with pytest.raises(ValueError, match="event_classifier"):
        Annotator.load(Settings(event_classifier="neural"))


def test_history_an_armed_group_entering_a_city_is_background(annotator: Annotator) -> None:
    body = "In May 2015 Islamic State fighters entered the city of Palmyra."
    taken = only(code(annotator, body), "Non-state actor overtakes territory")
    assert taken.background and taken.actor1 == "Islamic State (Syria)"
    assert taken.date is not None and taken.date.value == date(2015, 5, 1)
    assert taken.date.precision == 3


def test_aircraft_merely_named_are_not_a_strike(annotator: Annotator) -> None:
    body = "Coalition warplanes watched the convoy near Hajin on Monday and did nothing."
    assert not [m for m in code(annotator, body) if m.sub_event_type == "Air/drone strike"]
