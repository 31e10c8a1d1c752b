"""Cross-document fusion, independence, grades, reconciliation (fictional fixtures built here)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from newstrace.outlets import OutletRegistry
from newstrace.records import (
    Attribution,
    Certainty,
    Claimant,
    DateMention,
    EventMention,
    PlaceMention,
)
from newstrace.stages.fuse import (
    Contradiction,
    FusionIndex,
    SourceVersion,
    contradictions,
    contradictions_list,
    events_by_grade,
    events_by_outlet,
    fuse,
    grade,
    independent_sources,
    who_says_what,
)
from newstrace.stages.fuse.score import compare

AIR = ("Explosions/Remote violence", "Air/drone strike", "Political violence")
MINISTRY = Claimant("the Syrian Ministry of Defence", organisation="Syrian Ministry of Defence")
COALITION = "Global Coalition Against Daesh"
CIVILIANS = "Civilians (Syria)"


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


def place(
    name: str = "Al-Bukamal", lat: float = 34.4536, lon: float = 40.9367, prec: int = 1
) -> PlaceMention:
    return PlaceMention(
        0,
        len(name),
        name,
        name,
        f"test:{name}",
        lat,
        lon,
        "Syria",
        "SY",
        "Deir-ez-Zor",
        None,
        "PPL",
        prec,
    )


def day(value: date, precision: int = 1) -> DateMention:
    return DateMention(0, 6, value.isoformat(), value, precision)


def outlet_chain(outlet: str, *claimants: Claimant) -> tuple[Claimant, ...]:
    return (*claimants, Claimant(outlet, medium=outlet))


def mention(
    mid: str,
    outlet: str,
    *,
    certainty: Certainty = Certainty.REPORTED,
    claimants: tuple[Claimant, ...] = (),
    sentence: str = "",
    **kw: object,
) -> EventMention:
    event_type, sub, disorder = AIR
    base = EventMention(
        mention_id=mid,
        document_id=kw.pop("document_id", f"doc-{mid}"),  # type: ignore[arg-type]
        sentence_start=0,
        sentence_end=len(sentence),
        event_type=event_type,
        sentence=sentence
        or "An air strike hit a farm near al-Bukamal on Monday, killing four people.",
        sub_event_type=sub,
        disorder_type=disorder,
        attribution=Attribution(certainty, outlet_chain(outlet, *claimants)),
        actor1=COALITION,
        actor2=CIVILIANS,
        inter1=8,
        inter2=7,
        place=place(),
        date=day(date(2024, 10, 14)),
        fatalities=4,
        outlet=outlet,
        published=date(2024, 10, 15),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def bukamal_reports() -> list[EventMention]:
    """Four desks: A and B relay the ministry, C has its own eyewitness, D carries a denial."""
    return [
        mention("a1", "Desk A", claimants=(MINISTRY,)),
        mention(
            "b1",
            "Desk B",
            claimants=(
                replace(
                    MINISTRY,
                    text="Syria's defence ministry",
                    organisation="Syrian Defence Ministry",
                ),
            ),
            sentence="Syria's defence ministry said coalition jets struck a farm at al-Bukamal.",
        ),
        mention(
            "c1",
            "Desk C",
            certainty=Certainty.REPORTED,
            claimants=(Claimant("a resident"),),
            fatalities=7,
            published=date(2024, 10, 16),
            sentence="A resident said seven people died when the farm near al-Bukamal was hit.",
        ),
        mention(
            "d1",
            "Desk D",
            certainty=Certainty.DENIED,
            claimants=(Claimant("a coalition spokesperson", organisation="the US-led coalition"),),
            published=date(2024, 10, 16),
            fatalities=None,
            sentence="The US-led coalition denied carrying out any strike near al-Bukamal.",
        ),
    ]


def test_three_outlets_two_relaying_one_ministry_statement_are_two_sources(
    registry: OutletRegistry,
) -> None:
    reports = bukamal_reports()[:3]
    count, labels = independent_sources(reports, registry)
    assert count == 2
    assert labels[0] == "Desk A (relays Syrian Ministry of Defence; also Desk B)"
    assert labels[1] == "Desk C (own reporting)"
    events = fuse(reports, registry=registry)
    assert len(events) == 1 and events[0].corroboration.independent_sources == 2


def test_denial_makes_the_event_contested(registry: OutletRegistry) -> None:
    reports = [bukamal_reports()[i] for i in (0, 3)]
    (event,) = fuse(reports, registry=registry)
    corroboration = event.corroboration
    assert corroboration.grade == "contested"
    assert "denied by the US-led coalition (Desk D)" in corroboration.reasons
    assert corroboration.independent_sources == 1  # a denial is not a source for the event


def test_corroborated_when_two_independent_sources_agree(registry: OutletRegistry) -> None:
    a, _, c, _ = bukamal_reports()
    result = grade([a, replace(c, fatalities=4)], registry)
    assert result.grade == "corroborated"
    assert result.reasons[0].startswith("2 independent sources: Desk A (relays")


def test_fatality_disagreement_is_contested_and_listed(registry: OutletRegistry) -> None:
    reports = bukamal_reports()[:3]
    (event,) = fuse(reports, registry=registry)
    assert event.corroboration.grade == "contested"
    assert any(
        r.startswith("fatalities disagree: 4") and "7" in r for r in event.corroboration.reasons
    )
    found = contradictions(event, reports, registry)
    assert [c.field for c in found] == ["fatalities"]
    assert isinstance(found[0], Contradiction)
    assert found[0].values == (("4", ("Syrian Ministry of Defence",)), ("7", ("Desk C",)))


def test_strikes_in_one_town_on_consecutive_days_stay_two_events(registry: OutletRegistry) -> None:
    sinjar = place("Sinjar", 36.3209, 41.8764)
    monday = mention(
        "s1",
        "Desk C",
        place=sinjar,
        date=day(date(2025, 1, 6)),
        fatalities=1,
        sentence="A drone struck a car on the northern outskirts of Sinjar on Monday.",
    )
    tuesday = mention(
        "s2",
        "Desk A",
        place=sinjar,
        date=day(date(2025, 1, 7)),
        fatalities=2,
        sentence="A drone struck a house in Sinjar on Tuesday, killing two people.",
    )
    events = fuse([monday, tuesday], registry=registry)
    assert len(events) == 2
    decision = compare(monday, tuesday)
    assert not decision.same_event and "dates exclude each other" in decision.reasons[0]


def test_month_precision_date_matches_any_day_of_the_month() -> None:
    a, b = bukamal_reports()[:2]
    assert compare(a, replace(b, date=day(date(2024, 10, 1), precision=3))).same_event


def test_far_apart_places_do_not_fuse() -> None:
    a, b = bukamal_reports()[:2]
    far = place("Deir ez-Zor", 35.3359, 40.1408)
    decision = compare(a, replace(b, place=far))
    assert not decision.same_event and "km apart" in decision.reasons[1]


def test_undated_mention_joins_only_with_strong_text_and_actors() -> None:
    a = bukamal_reports()[0]
    undated = replace(
        a,
        mention_id="u1",
        document_id="doc-u1",
        date=None,
        outlet="Desk E",
        sentence="An air strike hit a farm near al-Bukamal, killing four people.",
    )
    assert compare(a, undated).same_event
    vague = replace(undated, sentence="Jets were heard over the province.", actor1=None)
    assert not compare(a, vague).same_event


def test_same_paragraph_same_subtype_is_one_event_unless_numbers_differ() -> None:
    a = mention("p1", "Desk A", document_id="doc-p", sentence="Jets struck the farm.")
    b = mention(
        "p2",
        "Desk A",
        document_id="doc-p",
        sentence="The raid hit livestock pens.",
        actor1=None,
        date=None,
    )
    b = replace(b, sentence_start=200)
    assert compare(a, b).same_event
    assert "same paragraph" in compare(a, b).reasons[0]
    assert "same paragraph" not in compare(a, replace(b, fatalities=9)).reasons[0]


def test_background_history_never_fuses_with_current_news_of_another_date() -> None:
    current = mention("n1", "Desk A")
    history = mention("h1", "Desk B", background=True, date=day(date(2015, 5, 20)))
    history2 = mention("h2", "Desk C", background=True, date=day(date(2015, 5, 20)))
    undated_history = replace(history, mention_id="h3", date=None)
    assert not compare(current, history).same_event
    assert not compare(current, undated_history).same_event
    assert compare(history, history2).same_event
    assert len(fuse([current, history, history2])) == 2


def test_comment_mentions_never_corroborate(registry: OutletRegistry) -> None:
    a = bukamal_reports()[0]
    comment = replace(bukamal_reports()[2], mention_id="k1", in_comments=True, fatalities=4)
    (event,) = fuse([a, comment], registry=registry)
    assert set(event.mention_ids) == {"a1", "k1"}
    assert event.corroboration.grade == "single_source"
    assert event.corroboration.independent_sources == 1
    only_comment = grade([comment], registry)
    assert only_comment.independent_sources == 0
    assert "only reader comments mention it (comments are not sources)" in only_comment.reasons


def test_syndicated_copy_and_same_outlet_count_once(registry: OutletRegistry) -> None:
    a = mention("a1", "Desk A", claimants=())  # the desk's own reporting
    copy = replace(
        a,
        mention_id="w1",
        document_id="doc-w1",
        outlet="Wire Syndication",
        duplicate_of="doc-a1",
        attribution=Attribution(Certainty.ASSERTED, outlet_chain("Wire Syndication")),
    )
    follow_up = replace(a, mention_id="a2", document_id="doc-a2")
    count, labels = independent_sources([a, copy, follow_up], registry)
    assert count == 1
    assert labels == ["Desk A (own reporting; also Wire Syndication)"]


def test_relayed_outlet_counts_as_that_outlet(registry: OutletRegistry) -> None:
    via_sana = mention("x1", "Desk A", claimants=(Claimant("SANA", medium="SANA"),))
    sana_itself = mention("x2", "Syrian Arab News Agency", certainty=Certainty.ASSERTED)
    assert independent_sources([via_sana, sana_itself], registry)[0] == 1


def test_reconciliation_rules(registry: OutletRegistry) -> None:
    a, b, c, d = bukamal_reports()
    vague_place = replace(place("Deir-ez-Zor province", 35.33, 40.14, prec=3))
    month = replace(
        b,
        date=day(date(2024, 10, 1), precision=3),
        place=vague_place,
        sentence=a.sentence,
        actor1="Unidentified Armed Group (Syria)",
        assoc_actor_1=("Military Forces of Syria (2000-)",),
    )
    alleged = replace(
        c, attribution=Attribution(Certainty.ALLEGED, c.attribution.claimed_by), fatalities=2
    )
    (event,) = fuse([a, month, c, d], registry=registry)
    assert event.fatalities == 4  # minimum of credible counts (the denial carries none)
    assert event.fatalities_range == (4, 7)
    assert event.event_date == date(2024, 10, 14) and event.time_precision == 1
    assert event.place is not None and event.place.name == "Al-Bukamal"
    assert event.actor1 == COALITION and event.actor2 == CIVILIANS
    assert event.assoc_actor_1 == (
        "Military Forces of Syria (2000-)",
        "Unidentified Armed Group (Syria)",
    )
    assert event.interaction == 78
    assert event.notes == a.sentence
    (with_alleged,) = fuse([a, alleged], registry=registry)
    assert with_alleged.fatalities == 2 and with_alleged.fatalities_range == (2, 4)
    assert with_alleged.corroboration.share_alleged_or_unverified == 0.5


def test_incremental_add_equals_batch_and_reports_changes(registry: OutletRegistry) -> None:
    reports = [*bukamal_reports(), *consecutive_day_reports()]
    batch = fuse(reports, registry=registry)
    index = FusionIndex.empty(registry)
    first = index.add(reports[1:2])
    assert len(first.created) == 1 and not first.updated
    second = index.add(reports[2:3])
    assert [e.event_id for e in second.updated] == [first.created[0].event_id]
    third = index.add(reports[:1])  # an earlier report joins: the event id moves to it
    assert third.retired == (first.created[0].event_id,)
    index.add(reports[3:])
    assert index.events() == batch
    assert index.add(reports).decisions == ()  # re-adding is a no-op


def test_from_events_resumes_without_rescoring(registry: OutletRegistry) -> None:
    reports = [*bukamal_reports(), *consecutive_day_reports()]
    batch = fuse(reports, registry=registry)
    resumed = FusionIndex.from_events(fuse(reports[:3], registry=registry), reports[:3], registry)
    resumed.add(reports[3:])
    assert resumed.events() == batch


def consecutive_day_reports() -> list[EventMention]:
    sinjar = place("Sinjar", 36.3209, 41.8764)
    return [
        mention(
            f"s{i}",
            f"Desk {desk}",
            place=sinjar,
            date=day(date(2025, 1, 6 + i % 2)),
            published=date(2025, 1, 8),
            sentence=f"A drone strike hit Sinjar (report {i}).",
        )
        for i, desk in enumerate("ABCD")
    ]


def test_deterministic_under_shuffled_input(registry: OutletRegistry) -> None:
    reports = [*bukamal_reports(), *consecutive_day_reports()]
    expected = fuse(reports, registry=registry)
    assert len(expected) == 3
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert fuse(shuffled, registry=registry) == expected


def test_every_event_keeps_its_match_decisions(registry: OutletRegistry) -> None:
    (event,) = fuse(bukamal_reports()[:3], registry=registry)
    assert {(d.mention_a, d.mention_b) for d in event.decisions if d.same_event} >= {("a1", "b1")}
    assert all(d.reasons for d in event.decisions)


def test_who_says_what_gives_each_source_its_version(registry: OutletRegistry) -> None:
    reports = bukamal_reports()
    (event,) = fuse(reports, registry=registry)
    versions = who_says_what(event, reports, registry)
    assert all(isinstance(v, SourceVersion) for v in versions)
    assert [v.source for v in versions] == [
        "Syrian Ministry of Defence",
        "Desk C",
        "US-led coalition",
    ]
    ministry = versions[0]
    assert ministry.outlets == ("Desk A", "Desk B")
    assert ministry.claimant_chain == ("Syrian Ministry of Defence", "Desk A")
    assert ministry.fatalities == 4 and ministry.event_date == "2024-10-14"
    assert versions[1].fatalities == 7 and versions[2].certainty == "denied"
    fields = [c.field for c in contradictions(event, reports, registry)]
    assert fields == ["happened", "fatalities"]


def test_an_undated_report_does_not_chain_two_days_into_one_event(registry: OutletRegistry) -> None:
    sinjar = place("Sinjar", 36.3209, 41.8764)
    words = "A drone strike hit a house in Sinjar, killing two people."
    monday = mention("s1", "Desk C", place=sinjar, date=day(date(2025, 1, 6)), sentence=words)
    tuesday = mention("s2", "Desk A", place=sinjar, date=day(date(2025, 1, 7)), sentence=words)
    undated = mention(
        "s3", "Desk B", place=sinjar, date=None, published=date(2025, 1, 8), sentence=words
    )
    assert compare(monday, undated).same_event and compare(tuesday, undated).same_event
    events = fuse([monday, tuesday, undated], registry=registry)
    assert sorted(len(e.mention_ids) for e in events) == [1, 2]


def test_one_document_giving_different_counts_reports_two_incidents() -> None:
    a = mention("q1", "Desk A", document_id="doc-q", sentence="Police fired 31 rounds at Adas.")
    b = mention("q2", "Desk A", document_id="doc-q", sentence="Police fired 20 rounds at a mob.")
    decision = compare(a, replace(b, sentence_start=2000))
    assert not decision.same_event and "different counts" in decision.reasons[0]


def test_queries_by_grade_by_outlet_and_contradictions(registry: OutletRegistry) -> None:
    reports = [*bukamal_reports(), *consecutive_day_reports()]
    events = fuse(reports, registry=registry)
    contested = events_by_grade(events, "contested")
    assert len(contested) == 1 and "a1" in contested[0].mention_ids
    assert len(events_by_grade(events, "corroborated")) == 2  # Sinjar: Desks A+C, B+D each day
    by_desk_c = events_by_outlet(events, reports, "newstrace demo (fictional) - Desk C", registry)
    assert {e.event_date for e in by_desk_c} == {date(2024, 10, 14), date(2025, 1, 6)}
    assert events_by_outlet(events, reports, "Reuters", registry) == []
    listed = contradictions_list(events, reports, registry)
    assert [(eid, c.field) for eid, c in listed] == [
        (contested[0].event_id, "happened"),
        (contested[0].event_id, "fatalities"),
    ]
    with pytest.raises(ValueError, match="unknown grade"):
        events_by_grade(events, "confirmed")


def test_nested_relay_counts_the_first_named_medium(registry: OutletRegistry) -> None:
    officer = Claimant("an officer at the al-Qaim crossing")
    bulletin = Claimant("the Furat Valley Bulletin", medium="Furat Valley Bulletin")
    nested = mention("n1", "Desk C", claimants=(officer, bulletin))
    direct = mention("n2", "Desk B", claimants=(bulletin,))
    count, labels = independent_sources([nested, direct], registry)
    assert count == 1
    assert labels == ["Desk C (relays Furat Valley Bulletin; also Desk B)"]


def test_batch_add_reports_new_events_as_created(registry: OutletRegistry) -> None:
    a, b, c, _ = bukamal_reports()
    index = FusionIndex.empty(registry)
    first = index.add([b])
    both = index.add([a, c])  # a is earlier than b: the event id moves to a within the batch
    assert [e.mention_ids for e in both.created] == [("a1", "b1", "c1")]
    assert both.updated == () and both.retired == (first.created[0].event_id,)


def varied_reports(count: int = 40) -> list[EventMention]:
    """Fictional reports over 3 towns × 3 days, some undated or vague, to exercise every path."""
    rng = random.Random(11)
    towns = [
        place("Sinjar", 36.32, 41.88),
        place("Tal Afar", 36.37, 42.45),
        place("Baaj", 36.05, 41.72),
    ]
    out = []
    for i in range(count):
        town, when = rng.choice(towns), date(2025, 1, 6 + rng.randrange(3))
        words = rng.choice(
            [
                f"A drone strike hit {rng.choice(['a car', 'a house', 'a farm'])} in {town.name}.",
                f"Residents of {town.name} said an explosion destroyed a building overnight.",
                f"Officials reported an attack near {town.name} with casualties.",
            ]
        )
        report = mention(
            f"v{i:02d}",
            f"Desk {'ABCD'[i % 4]}",
            document_id=f"doc-v{i // 2}",
            place=town,
            date=rng.choice([day(when), day(when), None, day(when, precision=3)]),
            published=when,
            fatalities=rng.choice([None, 1, 2, 5]),
            sentence=words,
        )
        out.append(replace(report, sentence_start=700 * (i % 2)))
    return out


def test_document_by_document_equals_batch_in_any_order(registry: OutletRegistry) -> None:
    reports = varied_reports()
    batch = fuse(reports, registry=registry)
    assert 3 < len(batch) < len(reports)
    by_document: dict[str, list[EventMention]] = {}
    for m in reports:
        by_document.setdefault(m.document_id, []).append(m)
    for seed in range(3):
        order = sorted(by_document)
        random.Random(seed).shuffle(order)
        index = FusionIndex.empty(registry)
        for document in order:
            index.add(by_document[document])
        assert index.events() == batch


def test_qualified_and_bare_claimant_names_are_one_source(registry: OutletRegistry) -> None:
    """Desk B writes "the Ministry of Defence" where Desk A wrote "Syria's Ministry of
    Defence": within one event the bare name is the qualified one."""
    a = mention(
        "a1",
        "Desk A",
        claimants=(
            Claimant("Syria's Ministry of Defence", organisation="Syria's Ministry of Defence"),
        ),
    )
    b = mention(
        "b1",
        "Desk B",
        claimants=(Claimant("the Ministry of Defence", organisation="Ministry of Defence"),),
    )
    count, labels = independent_sources([a, b], registry)
    assert count == 1, labels


def test_times_dates_years_and_ages_are_not_counts() -> None:
    from newstrace.stages.fuse.score import numbers

    assert numbers("The shells struck shortly after 8 am, when the market was busy.") == set()
    assert numbers("On 17 September 2017 the strike killed two.") == {"2"}
    assert numbers("A 52-year-old and four others were killed at 11:40 pm.") == {"4"}
    assert numbers("Over 3,976 persons were arrested on March 3.") == {"3976"}
