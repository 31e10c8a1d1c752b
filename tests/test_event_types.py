"""Event detection and ACLED sub-event classification (newstrace.stages.event_types).

Every sentence here is fictional, written for these tests from ACLED's sub-event definitions.
"""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from newstrace.stages.event_types import EventTypeClassifier, EventTypeGuess
from newstrace.stages.event_types.corpus import build_corpus, load_templates
from newstrace.stages.event_types.cues import find_cues, lead_actor
from newstrace.stages.event_types.labels import (
    CASE_CODES,
    EVENT_TYPE_OF,
    NONE_LABEL,
    SUB_EVENT_TYPES,
    disorder_type_of,
)
from newstrace.stages.event_types.model import features, lemma


@pytest.fixture(scope="module")
def classifier() -> EventTypeClassifier:
    return EventTypeClassifier.load()


def sub_types(classifier: EventTypeClassifier, text: str) -> list[str]:
    return [guess.sub_event_type for guess in classifier.classify(text)]


# One fictional sentence per main sub-event type (fictional: no such incident happened).
MAIN_TYPES = [
    (
        "Syrian jets bombed a bakery in the town of Ariha on Sunday, killing four people.",
        "Air/drone strike",
    ),
    (
        "A drone strike hit a pickup truck near Jilib late on Friday, residents said.",
        "Air/drone strike",
    ),
    (
        "Mortar rounds fired by the militants slammed into a school in Hodeidah on Monday.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Army artillery pounded the hills east of Kidal for a third day.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Soldiers and Boko Haram fighters exchanged fire for two hours outside Damboa on Tuesday.",
        "Armed clash",
    ),
    ("Taliban fighters ambushed a police convoy in Kunduz, killing six officers.", "Armed clash"),
    (
        "A roadside bomb struck a minibus near Kandahar on Wednesday, killing five passengers.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Mogadishu, killing three soldiers.",
        "Suicide bomb",
    ),
    (
        "Unknown men hurled a grenade into a tea shop in Srinagar, wounding seven customers.",
        "Grenade",
    ),
    (
        "Shells carrying chlorine gas hit a neighbourhood of Hama, leaving dozens choking.",
        "Chemical weapon",
    ),
    (
        "Government forces recaptured the town of Gao from jihadist fighters on Thursday.",
        "Government regains territory",
    ),
    (
        "Al-Shabaab militants captured the town of Beledweyne after a day of fighting the army.",
        "Non-state actor overtakes territory",
    ),
    ("Gunmen on motorbikes shot dead eleven villagers in a market in Zamfara state.", "Attack"),
    (
        "Armed men kidnapped twenty passengers from a bus on the Kaduna highway on Sunday.",
        "Abduction/forced disappearance",
    ),
    (
        "Soldiers raped several women during a raid on a village in Tigray, survivors said.",
        "Sexual violence",
    ),
    (
        "Thousands of teachers marched peacefully through Nairobi to demand unpaid salaries.",
        "Peaceful protest",
    ),
    (
        "Riot police fired tear gas to disperse students rallying outside parliament in Dhaka.",
        "Protest with intervention",
    ),
    (
        "Security forces opened fire on unarmed demonstrators in Nasiriyah, killing nine of them.",
        "Excessive force against protesters",
    ),
    (
        "Protesters hurled stones at police and set fire to the town hall in Tunis on Friday.",
        "Violent demonstration",
    ),
    (
        "An angry mob lynched a man accused of stealing a goat in a village near Kano.",
        "Mob violence",
    ),
    (
        "Police arrested twelve opposition activists at their homes in Harare before dawn.",
        "Arrests",
    ),
    ("The government and the rebels signed a ceasefire agreement in Juba on Monday.", "Agreement"),
    (
        "The army deployed hundreds of reinforcements and tanks to the border near Tal Abyad.",
        "Change to group/activity",
    ),
    (
        "Police defused a bomb hidden under a bridge in Quetta early on Saturday.",
        "Disrupted weapons use",
    ),
    (
        "Turkish forces set up a new military post near the village of Kafr Nabl.",
        "Headquarters or base established",
    ),
    (
        "Militiamen looted shops and burned down houses in the village of Kalehe.",
        "Looting/property destruction",
    ),
    (
        "Government troops withdrew from the town, handing it over to the rebels without a fight.",
        "Non-violent transfer of territory",
    ),
]

NEGATIVES = [
    "An operation against the militants in the desert might be launched this spring, experts say.",
    "The minister warned that the rebels could attack the capital if talks fail.",
    "In my view, the war has no military solution and both sides should talk.",
    "The group threatened to bomb government offices unless its leader is released.",
    "A 6.4-magnitude earthquake struck the province on Tuesday, flattening hundreds of homes.",
    "The foreign ministers met in Geneva to discuss trade and regional security.",
    "Floods after days of heavy rain left twelve people dead in the river valley.",
]

# Descriptions, analysis, general history and hypotheticals that use the words of violent
# events without reporting one (fictional, in the style of comment threads and columns).
NON_EVENTIVE = [
    "The river militias are tribal fighters who have always sided with whoever pays them.",
    "Hit-and-run raids are how small insurgent bands wear down a much larger army.",
    "In every war of the last century, armies feared enemy aircraft more than enemy tanks.",
    "Should the rebels ever get long-range artillery, the capital would be within range.",
    "Roadside bombs remain the weapon that convoys in the region fear most.",
]


@pytest.mark.parametrize("text", NON_EVENTIVE)
def test_no_event_in_descriptions_analysis_and_hypotheticals(
    classifier: EventTypeClassifier, text: str
) -> None:
    assert classifier.classify(text) == []


def test_past_tense_and_adjectival_participles() -> None:
    # "armed" and "Iran-backed" describe; "shelled" and "struck" narrate.
    assert "t:nopast" in features("Iran-backed armed groups are based in the valley.")
    assert "t:past" in features("Armed men shelled the valley.")
    assert "t:past" in features("A drone struck the valley.")
    assert lemma("clashed") == lemma("clashes") == lemma("clashing") == "clash"


@pytest.mark.parametrize(("text", "expected"), MAIN_TYPES)
def test_main_sub_event_types(classifier: EventTypeClassifier, text: str, expected: str) -> None:
    guesses = classifier.classify(text)
    assert guesses, f"no event found in: {text}"
    assert guesses[0].sub_event_type == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_event_in_opinion_speculation_threats_and_disasters(
    classifier: EventTypeClassifier, text: str
) -> None:
    assert classifier.classify(text) == []


def test_history_recalled_is_still_classified(classifier: EventTypeClassifier) -> None:
    # Whether an event is background history is decided by another stage, not here.
    text = "In 2016, government forces recaptured the city of Palmyra from Islamic State fighters."
    assert sub_types(classifier, text)[:1] == ["Government regains territory"]


def test_two_events_in_one_sentence(classifier: EventTypeClassifier) -> None:
    text = (
        "Russian jets bombed the outskirts of Saraqib on Tuesday while regime troops fought "
        "rebels on the ground."
    )
    assert set(sub_types(classifier, text)) >= {"Air/drone strike", "Armed clash"}


def test_protest_family_gives_one_type_only(classifier: EventTypeClassifier) -> None:
    text = "Police fired tear gas at students marching in Khartoum against bread prices."
    types = sub_types(classifier, text)
    protest_family = [t for t in types if EVENT_TYPE_OF[t] in {"Protests", "Riots"}]
    assert len(protest_family) == 1


def test_guess_fields_follow_acled(classifier: EventTypeClassifier) -> None:
    guess = classifier.classify(
        "Security forces opened fire on unarmed demonstrators in Nasiriyah, killing nine."
    )[0]
    assert isinstance(guess, EventTypeGuess)
    assert guess.sub_event_type == "Excessive force against protesters"
    assert guess.event_type == "Protests"
    assert guess.disorder_type == "Political violence; Demonstrations"
    assert 0.0 < guess.score <= 1.0
    assert "opened fire" in guess.cues


def test_cues_are_whole_words() -> None:
    assert find_cues("Gunmen abducted two traders.")["abduct"] == ["abducted"]


def test_lead_actor_decides_who_took_territory() -> None:
    assert lead_actor("The army captured the town from the rebels.") == "state"
    assert lead_actor("Rebels captured the town from the army.") == "nonstate"
    # Acronyms are case-sensitive: the verb "is" is not the Islamic State.
    assert lead_actor("It is quiet; the troops left.") == "state"


def test_classification_is_deterministic(classifier: EventTypeClassifier) -> None:
    text = "Rockets fired by the rebels landed in a market in Taiz, killing three."
    again = EventTypeClassifier.load()
    assert classifier.classify(text) == again.classify(text) == classifier.classify(text)


def test_model_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    guesses = EventTypeClassifier.load().classify("A car bomb exploded in Kirkuk on Sunday.")
    assert guesses[0].sub_event_type == "Remote explosive/landmine/IED"


def test_label_tables_are_complete() -> None:
    assert len(SUB_EVENT_TYPES) == 25
    assert set(CASE_CODES.values()) == set(SUB_EVENT_TYPES)
    assert disorder_type_of("Mob violence") == "Political violence"
    assert disorder_type_of("Violent demonstration") == "Demonstrations"
    assert disorder_type_of("Arrests") == "Strategic developments"
    assert set(EventTypeClassifier.load().labels) == {*SUB_EVENT_TYPES, NONE_LABEL}


def test_training_corpus_covers_every_type_and_is_reproducible() -> None:
    covered = {label for labels in load_templates() for label in labels}
    assert covered == {*SUB_EVENT_TYPES, NONE_LABEL}
    first, second = build_corpus(seed=5, fills=2), build_corpus(seed=5, fills=2)
    assert first == second
    assert all("{" not in example.text for example in first)


def _sample_sentence(samples_dir: Path, pattern: str) -> str:
    text = next(samples_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return next(s for s in sentences if re.search(pattern, s))


@pytest.mark.shared
def test_sample_000_coalition_operation_is_a_battle(
    classifier: EventTypeClassifier, samples_dir: Path
) -> None:
    # The coalition and FSA groups moving against ISIS positions is two organised armed groups
    # fighting: a Battle. No territory changed hands and no weapon is named, so Armed clash.
    sentence = _sample_sentence(samples_dir, r"launched a military against")
    assert sub_types(classifier, sentence)[:1] == ["Armed clash"]


@pytest.mark.shared
def test_sample_000_operation_that_might_be_launched_is_no_event(
    classifier: EventTypeClassifier, samples_dir: Path
) -> None:
    sentence = _sample_sentence(samples_dir, r"might be launched this spring")
    assert classifier.classify(sentence) == []


def test_empty_and_degenerate_text_give_no_event(classifier: EventTypeClassifier) -> None:
    assert classifier.classify("") == []
    assert classifier.classify("   \n") == []
    assert classifier.classify("x" * 50_000) == []


def test_chemical_weapon_outranks_the_delivery_means(classifier: EventTypeClassifier) -> None:
    # ACLED: the chemical weapon decides the type, even when aircraft delivered it.
    text = "Government jets struck the rebel-held town of Latamneh with sarin-filled bombs."
    assert sub_types(classifier, text)[:1] == ["Chemical weapon"]


def test_suicide_bomb_outranks_the_assault_that_followed(classifier: EventTypeClassifier) -> None:
    text = "Gunmen stormed the barracks after a suicide truck bomb blew open the main gate."
    assert sub_types(classifier, text)[:1] == ["Suicide bomb"]


def test_a_suicide_that_is_not_a_bombing(classifier: EventTypeClassifier) -> None:
    text = "A soldier shot dead two comrades at the base and then committed suicide."
    assert "Suicide bomb" not in sub_types(classifier, text)


def test_rank_covers_every_label(classifier: EventTypeClassifier) -> None:
    ranked = classifier.rank("Militants shelled the town of Gao on Monday.")
    assert {label for label, _ in ranked} == {*SUB_EVENT_TYPES, NONE_LABEL}
    assert abs(sum(score for _, score in ranked) - 1.0) < 1e-3
