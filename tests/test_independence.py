"""Source independence: a state speaks once, whichever of its bodies or metonyms relays it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newstrace.actordict import load_dictionary
from newstrace.outlets import OutletRegistry
from newstrace.records import Attribution, Certainty, Claimant, EventMention
from newstrace.stages.fuse import independent_sources
from tests.test_fuse import mention, place


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


def relayed(mid: str, outlet: str, claimant: str, country: str = "Syria") -> EventMention:
    """A mention of fictional outlet ``outlet`` relaying the organisation ``claimant``."""
    base = mention(mid, outlet)
    chain = (Claimant(claimant, organisation=claimant), Claimant(outlet, medium=outlet))
    where = replace(place(), country=country)
    return replace(base, attribution=Attribution(Certainty.REPORTED, chain), place=where)


def test_a_capital_its_ministry_and_its_army_are_one_state_source(
    registry: OutletRegistry,
) -> None:
    reports = [
        relayed("a", "Desk A", "Syria's Ministry of Defence"),
        relayed("b", "Desk B", "Damascus"),
        relayed("c", "Desk C", "the Syrian army"),
        relayed("d", "Desk D", "the Ministry of Defence"),  # no country named: the event's
    ]
    count, labels = independent_sources(reports, registry)
    assert count == 1
    assert labels == ["Desk A (relays Syria's Ministry of Defence; also Desk B, Desk C, Desk D)"]


def test_two_states_stay_two_sources_even_with_similar_names(registry: OutletRegistry) -> None:
    reports = [
        relayed("a", "Desk A", "Iraqi Defence Ministry", "Iraq"),
        relayed("b", "Desk B", "Tehran", "Iraq"),
        relayed("c", "Desk C", "the Pentagon", "Iraq"),
        relayed("d", "Desk D", "Washington", "Iraq"),
    ]
    count, _ = independent_sources(reports, registry)
    assert count == 3  # Iraq, Iran, the United States (Pentagon = Washington)


def test_a_monitor_or_the_un_is_not_a_state(registry: OutletRegistry) -> None:
    reports = [
        relayed("a", "Desk A", "Syria's Ministry of Defence"),
        relayed("b", "Desk B", "Syrian Observatory for Human Rights"),
        relayed("c", "Desk C", "the UN's Syria envoy"),
    ]
    count, _ = independent_sources(reports, registry)
    assert count == 3


def test_government_of_names_the_state_a_body_speaks_for() -> None:
    dictionary = load_dictionary()
    assert dictionary.government_of("the Kremlin") == "Russia"
    assert dictionary.government_of("Russian Defence Ministry") == "Russia"
    assert dictionary.government_of("Iraqi Joint Operations Command") == "Iraq"
    assert dictionary.government_of("the Ministry of Defence", "Syria") == "Syria"
    assert dictionary.government_of("the Ministry of Defence") is None
    assert dictionary.government_of("Syrian Observatory for Human Rights") is None
    assert dictionary.government_of("Syrian Interim Government") is None  # the opposition's
