"""Speaker recognition. Sentences are fictional; names of public officials are facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.actordict import ActorDictionary
from newstrace.records import SpeakerMention
from newstrace.stages.actors import find_actors
from newstrace.stages.actors.speakers import find_person_names, find_speakers, rank_of


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def fields(m: SpeakerMention) -> tuple[str | None, str | None, str | None, str]:
    return m.name, m.role, m.organisation, m.kind


def test_name_with_appositive_role_of_organisation(dictionary: ActorDictionary) -> None:
    text = (
        "Major General Yury Popov, deputy chief of the Russian Center for Reconciliation in Syria, "
        "said in a briefing that the convoy had turned back."
    )
    [speaker] = find_speakers(text, dictionary)
    assert fields(speaker) == (
        "Yury Popov",
        "deputy chief",
        "Russian Center for Reconciliation in Syria",
        "person",
    )
    assert speaker.text.startswith("Major General Yury Popov")
    assert text[speaker.start : speaker.end] == speaker.text
    assert rank_of(speaker) == "Major General"


def test_appositive_with_faction_noun(dictionary: ActorDictionary) -> None:
    text = (
        "Samir Haddad, the media officer for the Maghawir al-Thawra faction, "
        "told reporters the base was calm."
    )
    [speaker] = find_speakers(text, dictionary)
    assert fields(speaker) == ("Samir Haddad", "media officer", "Maghawir al-Thawra", "person")


def test_organisation_possessive_role_then_ranked_name(dictionary: ActorDictionary) -> None:
    text = (
        "Russian Defense Ministry's spokesman, Major General Igor Konashenkov "
        "announced a new corridor."
    )
    [speaker] = find_speakers(text, dictionary)
    assert fields(speaker) == (
        "Igor Konashenkov",
        "spokesman",
        "Russian Defense Ministry",
        "person",
    )
    assert rank_of(speaker) == "Major General"


def test_title_before_name_with_demonym(dictionary: ActorDictionary) -> None:
    text = "Russian Deputy Foreign Minister Sergei Ryabkov said the talks would go on."
    [speaker] = find_speakers(text, dictionary)
    assert fields(speaker) == ("Sergei Ryabkov", "Deputy Foreign Minister", "Russia", "person")


def test_organisation_role_name(dictionary: ActorDictionary) -> None:
    [speaker] = find_speakers(
        "Pentagon spokesman Daniel Reed told reporters nothing changed.", dictionary
    )
    assert fields(speaker) == ("Daniel Reed", "spokesman", "Pentagon", "person")


def test_anonymous_officer_and_outlet(dictionary: ActorDictionary) -> None:
    text = (
        "An officer of the US-led coalition told Desert Falcon News that the reply was unfortunate."
    )
    officer, outlet = find_speakers(text, dictionary)
    assert fields(officer) == (None, "officer", "US-led coalition", "anonymous")
    assert officer.text == "An officer of the US-led coalition"
    assert fields(outlet) == (None, None, "Desert Falcon News", "outlet")


def test_anonymous_source_told_a_known_outlet(dictionary: ActorDictionary) -> None:
    source, outlet = find_speakers(
        "A Syrian security forces source told Sputnik that a leak was to blame.", dictionary
    )
    assert fields(source) == (None, "source", "Syrian security forces", "anonymous")
    assert (outlet.text, outlet.kind) == ("Sputnik", "outlet")


def test_role_phrase_then_name_is_one_speaker(dictionary: ActorDictionary) -> None:
    text = "A coalition spokesperson, Major Ellen Marsh, told Desk D the claim was false."
    speaker = find_speakers(text, dictionary)[0]
    assert fields(speaker) == ("Ellen Marsh", "spokesperson", None, "person")
    assert speaker.text == "A coalition spokesperson, Major Ellen Marsh"


def test_object_of_a_preposition_is_not_the_speaker(dictionary: ActorDictionary) -> None:
    found = find_speakers(
        "The US-led coalition against Islamic State denied the report.", dictionary
    )
    assert [(m.text, m.kind) for m in found] == [("US-led coalition", "organisation")]


def test_state_owner_joins_its_ministry(dictionary: ActorDictionary) -> None:
    [speaker] = find_speakers("Syria's Ministry of Defence said four civilians died.", dictionary)
    assert (speaker.text, speaker.kind) == ("Syria's Ministry of Defence", "organisation")


def test_organisation_statement(dictionary: ActorDictionary) -> None:
    [speaker] = find_speakers("The Pentagon released a statement on the strike.", dictionary)
    assert (speaker.text, speaker.kind, speaker.name) == ("Pentagon", "organisation", None)


def test_generic_sources_are_anonymous_speakers(dictionary: ActorDictionary) -> None:
    [speaker] = find_speakers("Pro-Kurdish sources said the road was cut.", dictionary)
    assert (speaker.text, speaker.role, speaker.kind) == (
        "Pro-Kurdish sources",
        "sources",
        "anonymous",
    )


def test_no_speaker_without_speech(dictionary: ActorDictionary) -> None:
    assert (
        find_speakers(
            "Major General Yury Popov, deputy chief of the centre, visited Hama.", dictionary
        )
        == []
    )


def test_office_and_surname_make_person_names(dictionary: ActorDictionary) -> None:
    text = "Gen. Joseph Votel visited Erbil. Later, Votel met the Foreign Secretary."
    names = [n for _, _, n in find_person_names(text, dictionary)]
    assert names.count("Joseph Votel") == 1
    assert "Votel" in names
    assert "the Foreign Secretary" in names


def test_sample_000_speakers(samples_dir: Path, dictionary: ActorDictionary) -> None:
    text = (samples_dir / "000_f8c9a77859afcc4e.txt").read_text(encoding="utf-8")
    body = text[: text.index("Notify of")]
    speakers = find_speakers(body, dictionary)
    assert any(
        m.text == "An officer of the US-led coalition"
        and m.kind == "anonymous"
        and m.role == "officer"
        for m in speakers
    )
    outlets = [m for m in speakers if m.kind == "outlet"]
    assert outlets and all(m.text == "Hammurabi’s Justice News" for m in outlets)
    assert not any("Hammurabi" in a.text for a in find_actors(body, dictionary))
