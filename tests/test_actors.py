"""Actor dictionary and actor recognition. Sentences are fictional; actor names are facts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.actordict import ActorDictionary, ActorFileError, load_dictionary
from newstrace.records import ActorMention
from newstrace.settings import Settings
from newstrace.stages.actors import find_actors, infer_country

SYRIA_FORCES_ASSAD = "Military Forces of Syria (2000-2024)"


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def actors(text: str, d: ActorDictionary, **kwargs: object) -> list[tuple[str, str]]:
    return [(m.text, m.actor) for m in find_actors(text, d, **kwargs)]  # type: ignore[arg-type]


def one(text: str, d: ActorDictionary, **kwargs: object) -> ActorMention:
    found = find_actors(text, d, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- dictionary
def test_bundled_dictionary_is_versioned_and_covers_every_country(
    dictionary: ActorDictionary,
) -> None:
    assert "actors.yaml@" in dictionary.version
    assert len(dictionary.countries) > 240
    france = dictionary.entries["fr.protesters"]
    assert dictionary.actor_name(france, when=None, country=None) == "Protesters (France)"
    congo = dictionary.entries["cd.military"]
    assert (
        dictionary.actor_name(congo, when=None, country=None)
        == "Military Forces of the Democratic Republic of Congo"
    )


def test_state_names_follow_the_government_period(dictionary: ActorDictionary) -> None:
    syria, iraq_pmf = dictionary.entries["sy.military"], dictionary.entries["iq.pmf"]
    assert (
        dictionary.actor_name(syria, when=date(2019, 5, 1), country="Syria") == SYRIA_FORCES_ASSAD
    )
    assert (
        dictionary.actor_name(syria, when=date(2025, 3, 1), country="Syria")
        == "Military Forces of Syria (2024-)"
    )
    assert dictionary.actor_name(syria, when=None, country="Syria") == SYRIA_FORCES_ASSAD
    assert (
        dictionary.actor_name(iraq_pmf, when=date(2020, 2, 10), country="Iraq")
        == "Military Forces of Iraq (2018-2020) Popular Mobilization Forces"
    )


def test_foreign_state_forces_are_external(dictionary: ActorDictionary) -> None:
    turkey = dictionary.entries["tr.military"]
    assert dictionary.inter(turkey, "Iraq") == 8
    assert dictionary.inter(turkey, "Turkey") == 1


# ---------------------------------------------------------------- names, aliases, transliterations
def test_daesh_is_islamic_state_of_the_document_country(dictionary: ActorDictionary) -> None:
    text = "Daesh fighters attacked a checkpoint."
    assert one(text, dictionary, country="Syria").actor == "Islamic State (Syria)"
    assert one(text, dictionary, country="Iraq").actor == "Islamic State (Iraq)"
    assert one(text, dictionary, country="Iraq").inter == 2


@pytest.mark.parametrize(
    "name",
    [
        "Hay’at Tahrir al-Sham",
        "Hayat Tahrir ash-Sham",
        "Hayat Tahrir Al Sham",
        "HTS",
        "Tahrir al-Sham",
    ],
)
def test_transliterations_of_hts(dictionary: ActorDictionary, name: str) -> None:
    mention = one(f"Fighters of {name} shelled the village.", dictionary, country="Syria")
    assert mention.actor == "HTS: Hayat Tahrir al Sham"
    assert mention.text == name


def test_nusra_front_depends_on_the_date(dictionary: ActorDictionary) -> None:
    text = "The Nusra Front took the hill."
    assert one(text, dictionary, country="Syria", when=date(2015, 6, 1)).actor == "Jabhat al Nusra"
    assert (
        one(text, dictionary, country="Syria", when=date(2018, 6, 1)).actor
        == "HTS: Hayat Tahrir al Sham"
    )


def test_an_insurgency_that_became_the_state(dictionary: ActorDictionary) -> None:
    text = "Taliban fighters attacked a checkpoint."
    before = one(text, dictionary, country="Afghanistan", when=date(2019, 1, 1))
    after = one(text, dictionary, country="Afghanistan", when=date(2023, 1, 1))
    assert (before.actor, before.inter) == ("Taliban", 2)
    assert (after.actor, after.inter) == ("Military Forces of Afghanistan (2021-)", 1)


def test_sdf_spellings(dictionary: ActorDictionary) -> None:
    found = actors("The SDF, also written QSD or HSD, holds Raqqa.", dictionary, country="Syria")
    assert [a for _, a in found] == ["QSD: Syrian Democratic Forces"] * 3


def test_acronyms_are_case_sensitive(dictionary: ActorDictionary) -> None:
    assert (
        actors("It is what it is, said the saa of the village.", dictionary, country="Syria") == []
    )
    assert one("IS claimed the attack.", dictionary, country="Iraq").actor == "Islamic State (Iraq)"
    assert one("The SAA advanced.", dictionary, country="Syria").actor == SYRIA_FORCES_ASSAD


def test_headlines_in_capitals_are_not_acronyms(dictionary: ActorDictionary) -> None:
    assert actors("WHO IS BEHIND THE ATTACK", dictionary, country="Syria") == []
    assert [a for _, a in actors("ISIS, US, HSD AND SAA", dictionary, country="Syria")] == [
        "Islamic State (Syria)",
        "Military Forces of the United States (2025-)",
        "QSD: Syrian Democratic Forces",
        "Military Forces of Syria (2000-2024)",
    ]


def test_longest_match_wins(dictionary: ActorDictionary) -> None:
    mention = one("The US-led coalition struck a bridge.", dictionary, country="Syria")
    assert (mention.text, mention.actor) == ("US-led coalition", "Global Coalition Against Daesh")


# ---------------------------------------------------------------- descriptions
def test_demonym_alone_is_no_actor(dictionary: ActorDictionary) -> None:
    assert (
        actors("A Russian diplomat visited the Syrian desert.", dictionary, country="Syria") == []
    )


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        (
            "Russian warplanes struck Saraqib.",
            "Russian warplanes",
            "Military Forces of Russia (2000-) Air Force",
        ),
        (
            "Russian military advisers arrived.",
            "Russian military advisers",
            "Military Forces of Russia (2000-)",
        ),
        (
            "Turkish troops crossed the border.",
            "Turkish troops",
            "Military Forces of Turkey (2016-)",
        ),
        ("Regime forces shelled Ariha.", "Regime forces", SYRIA_FORCES_ASSAD),
        ("Pro-government forces entered the town.", "Pro-government forces", SYRIA_FORCES_ASSAD),
    ],
)
def test_descriptions_resolve_to_state_forces(
    dictionary: ActorDictionary, text: str, phrase: str, actor: str
) -> None:
    mention = one(text, dictionary, country="Syria", when=date(2020, 1, 15))
    assert (mention.text, mention.actor, mention.generic) == (phrase, actor, True)


def test_air_unit_only_where_declared(dictionary: ActorDictionary) -> None:
    iraqi = one("Iraqi jets bombed a cave.", dictionary, country="Iraq", when=date(2020, 2, 1))
    assert iraqi.actor == "Military Forces of Iraq (2018-2020)"
    syrian = one(
        "Syrian warplanes bombed Ariha.", dictionary, country="Syria", when=date(2020, 2, 1)
    )
    assert syrian.actor == "Military Forces of Syria (2000-2024) Syrian Arab Air Force"


def test_descriptions_need_their_article(dictionary: ActorDictionary) -> None:
    assert actors("Crowds demanded a government of independents.", dictionary, country="Iraq") == []
    found = actors("The government said the army was deployed.", dictionary, country="Iraq")
    assert [t for t, _ in found] == ["The government", "the army"]


def test_us_backed_does_not_make_a_us_actor(dictionary: ActorDictionary) -> None:
    found = actors("US-backed FSA groups held the road.", dictionary, country="Syria")
    assert found == [("FSA", "Free Syrian Army")]


def test_gunmen_are_unidentified_unless_a_group_is_named(dictionary: ActorDictionary) -> None:
    alone = one("Unidentified gunmen fired at a checkpoint.", dictionary, country="Iraq")
    assert (alone.actor, alone.inter, alone.generic) == ("Unidentified Armed Group (Iraq)", 3, True)
    named = find_actors("HTS-led jihadists stormed the hill.", dictionary, country="Syria")
    assert [m.actor for m in named] == ["HTS: Hayat Tahrir al Sham"] * 2
    joined = one("ISIS militants attacked.", dictionary, country="Syria")
    assert (joined.text, joined.actor) == ("ISIS militants", "Islamic State (Syria)")


@pytest.mark.parametrize(
    ("text", "actor", "inter"),
    [
        ("Police dispersed the crowd.", "Police Forces of Iraq (2022-)", 1),
        ("Protesters blocked the road.", "Protesters (Iraq)", 6),
        ("Rioters burned a tyre.", "Rioters (Iraq)", 5),
        ("Three civilians were wounded.", "Civilians (Iraq)", 7),
    ],
)
def test_generic_groups_take_the_document_country(
    dictionary: ActorDictionary, text: str, actor: str, inter: int
) -> None:
    mention = one(text, dictionary, country="Iraq", when=date(2024, 1, 1))
    assert (mention.actor, mention.inter) == (actor, inter)


def test_lists_and_borders_of_countries_are_places(dictionary: ActorDictionary) -> None:
    text = "The base lies near the borders of Syria, Iraq and Jordan, and the border with Iraq."
    assert actors(text, dictionary, country="Syria") == []


def test_bare_country_acts_but_not_as_a_place(dictionary: ActorDictionary) -> None:
    found = find_actors(
        "Russia refused to help. Fighting went on in Syria and in Russia.",
        dictionary,
        country="Syria",
    )
    assert [(m.text, m.actor, m.generic) for m in found] == [
        ("Russia", "Military Forces of Russia (2000-)", True)
    ]


# ---------------------------------------------------------------- sources are not actors
@pytest.mark.parametrize(
    "text",
    [
        "Pro-Kurdish sources said the road was cut.",
        "The Syrian Observatory for Human Rights (SOHR) reported the clash.",
        "Activists said the market was empty, according to Sputnik.",
        "SDF sources denied it.",
    ],
)
def test_sources_are_not_actors(dictionary: ActorDictionary, text: str) -> None:
    assert actors(text, dictionary, country="Syria") == []


def test_country_is_inferred_from_the_text(dictionary: ActorDictionary) -> None:
    scan = dictionary.scan(
        "Russia said the SAA retook a village in Syria near Hama; HTS denied it."
    )
    assert infer_country(scan, dictionary) == "Syria"


_WORDS = st.sampled_from(
    ["ISIS", "is", "the", "US-led", "coalition", "Russian", "jets", "in", "Syria", "Daesh", "’s",
     "gunmen", "-", ".", "\n", "SAA", "al-Sham", "Hay’at", "Tahrir", "pro-", "backed", "Ḥayʼat"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_offsets_always_point_at_the_mention(text: str) -> None:
    d = load_dictionary()  # cached: hypothesis runs this 200 times
    for mention in find_actors(text, d, country="Syria"):
        assert text[mention.start : mention.end] == mention.text
        assert mention.inter in range(1, 9)


# ---------------------------------------------------------------- user files
def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my-actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_a_group_and_overrides_an_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
version: 3
actors:
  - id: sy.valley-hawks
    name: Valley Hawks Brigade
    inter: 3
    country: Syria
    aliases: [Valley Hawks, Suqur al-Wadi]
  - id: sy.fsa
    name: Opposition Rebels (Syria)
    inter: 2
    country: Syria
    aliases: [Free Syrian Army, Free Army]
""",
    )
    d = ActorDictionary.load(Settings(actor_files=(path,)))
    found = actors("Suqur al-Wadi and the Free Army clashed; the FSA withdrew.", d, country="Syria")
    assert found == [
        ("Suqur al-Wadi", "Valley Hawks Brigade"),
        ("Free Army", "Opposition Rebels (Syria)"),
    ]  # the override replaced the bundled entry, so its acronym FSA is gone
    assert "my-actors.yaml@3" in d.version


def test_user_file_extends_an_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "version: 1\nactors:\n  - {id: sy.military, extend: true, aliases: [Tiger boys]}\n",
    )
    d = ActorDictionary.load(Settings(actor_files=(path,)))
    assert (
        one("Tiger boys shelled the hill.", d, country="Syria", when=date(2019, 1, 1)).actor
        == SYRIA_FORCES_ASSAD
    )
    assert (
        one("The SAA shelled the hill.", d, country="Syria", when=date(2019, 1, 1)).actor
        == SYRIA_FORCES_ASSAD
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("actors: []\n", "missing 'version'"),
        (
            "version: 1\nactors:\n  - {id: x, name: X, inter: 12}\n",
            "actors[0] (id 'x'): 'inter' must be",
        ),
        (
            "version: 1\nactors:\n  - {id: x, name: X, inter: 2, alias: [Y]}\n",
            "unknown key(s) alias",
        ),
        (
            "version: 1\nactors:\n  - {id: x, name: X, parent: nowhere}\n",
            "unknown parent 'nowhere'",
        ),
        ("version: 1\nactors:\n  - {id: zz.none, extend: true}\n", "no earlier entry has this id"),
        ("version: 1\nactors: [\n", "not valid YAML"),
        ("version: 1\ncountries:\n  NO: {demonyms: [Norwegian]}\n", "quote the code"),
    ],
)
def test_bad_user_files_name_file_and_entry(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ActorFileError) as caught:
        ActorDictionary.load(Settings(actor_files=(path,)))
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


# ---------------------------------------------------------------- real page
def test_sample_000_actors(samples_dir: Path, dictionary: ActorDictionary) -> None:
    text = (samples_dir / "000_f8c9a77859afcc4e.txt").read_text(encoding="utf-8")
    body = text[: text.index("Notify of")]  # the article, not the comment thread
    names = {m.actor for m in find_actors(body, dictionary, when=date(2018, 1, 5))}
    assert {
        "Global Coalition Against Daesh",
        "Military Forces of Russia (2000-)",
        "Islamic State (Syria)",
        SYRIA_FORCES_ASSAD,
        "Free Syrian Army",
        "HTS: Hayat Tahrir al Sham",
    } <= names
    assert not any("Hammurabi" in m.text for m in find_actors(body, dictionary))
