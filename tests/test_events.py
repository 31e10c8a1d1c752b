"""Event coding from sentence-aligned evidence (the annotate stages' output built by hand)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newstrace.records import (
    ActorMention,
    Attribution,
    CasualtyCount,
    Certainty,
    Claimant,
    DateMention,
    DocumentFacts,
    PlaceMention,
    SubEventGuess,
    TextEvidence,
)
from newstrace.stages.events import code_events, is_background
from newstrace.stages.events.roles import interaction_code

TEXT = (
    "This is a fictional report for the newstrace tests. "
    "Regime forces shelled the town of Ariha on Monday, killing 4 civilians, the monitor said. "
    "Rescuers later said 7 people were killed. "
    "An offensive might be launched in the spring, activists said."
)
FACTS = DocumentFacts(
    document_id="d1", outlet="newstrace demo (fictional)", published=date(2024, 11, 12),
    country="Syria",
)  # fmt: skip
SHELLING = SubEventGuess(
    "Shelling/artillery/missile attack", "Explosions/Remote violence", "Political violence",
    0.9, ("shelled",),
)  # fmt: skip
CLASH = SubEventGuess("Armed clash", "Battles", "Political violence", 0.6, ("offensive",))


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (0 if part.endswith(".") else 1)
        out.append((start, min(end, len(text))))
        start = end + 1
    return tuple(out)


def evidence(
    text: str = TEXT, certainty: Certainty = Certainty.REPORTED, comment: int | None = None
) -> TextEvidence:
    sents = sentences(text)
    source_start, source_end = span(text, "the monitor")
    monitor = Claimant(text="the monitor", organisation="the monitor", start=source_start,
                       end=source_end)  # fmt: skip
    attributions = [
        Attribution(Certainty.ASSERTED),
        Attribution(certainty, (monitor,), ("said",)),
        Attribution(Certainty.REPORTED, (Claimant(text="Rescuers"),), ("said",)),
        Attribution(Certainty.HYPOTHETICAL, (Claimant(text="activists"),), ("might",)),
    ]
    guesses = [(), (SHELLING,), (SHELLING,), (CLASH,)]
    ariha = span(text, "Ariha")
    regime = span(text, "Regime forces")
    civilians = span(text, "4 civilians")
    return TextEvidence(
        text=text,
        comment_position=comment,
        sentences=sents,
        attributions=tuple(attributions),
        guesses=tuple(guesses),
        places=(
            PlaceMention(
                *ariha,
                "Ariha",
                "Ariha",
                "geonames:1",
                35.81,
                36.61,
                "Syria",
                "SY",
                "Idleb",
                None,
                "PPL",
                1,
            ),
        ),
        actors=(
            ActorMention(
                *regime,
                "Regime forces",
                "Military Forces of Syria (2000-2024)",
                1,
                "Syria",
                generic=True,
            ),
            ActorMention(
                civilians[0] + 2,
                civilians[1],
                "civilians",
                "Civilians (Syria)",
                7,
                "Syria",
                generic=True,
            ),
        ),
        dates=(
            DateMention(
                *span(text, "on Monday"), "on Monday", date(2024, 11, 11), 1, relative=True
            ),
        ),
        casualties=(
            CasualtyCount(*civilians, "4 civilians", "killed", 4, who="civilians"),
            CasualtyCount(*span(text, "7 people were killed"), "7 people were killed", "killed", 7),
        ),
    )


def test_codes_roles_place_date_fatalities_and_claimant() -> None:
    first = code_events(FACTS, evidence())[0]
    assert first.sub_event_type == "Shelling/artillery/missile attack"
    assert first.actor1 == "Military Forces of Syria (2000-2024)" and first.inter1 == 1
    assert first.actor2 == "Civilians (Syria)" and first.interaction == 17
    assert (
        first.place is not None and first.place.name == "Ariha" and first.place.geo_precision == 1
    )
    assert first.date is not None and first.date.value == date(2024, 11, 11)
    assert first.fatalities == 4
    assert first.attribution.claimed_by[0].text == "the monitor"
    assert not first.background and not first.in_comments
    assert TEXT[first.sentence_start : first.sentence_end] == first.sentence
    assert (
        "2024-11-11" in first.notes
        and "Ariha" in first.notes
        and "4 reported killed" in first.notes
    )


def test_second_report_inherits_place_and_date_from_its_paragraph() -> None:
    second = code_events(FACTS, evidence())[1]
    assert second.place is not None and second.place.name == "Ariha"
    assert second.place.geo_precision == 2, "a place inherited from context is at best 'near'"
    assert second.date is not None and second.date.value == date(2024, 11, 11)
    assert second.fatalities == 7


def test_speculation_is_not_an_event() -> None:
    kinds = [m.sub_event_type for m in code_events(FACTS, evidence())]
    assert "Armed clash" not in kinds and len(kinds) == 2


def test_comment_events_are_flagged() -> None:
    mentions = code_events(FACTS, evidence(comment=3))
    assert all(m.in_comments and m.comment_position == 3 for m in mentions)
    assert mentions[0].mention_id.startswith("d1:c3:")


def test_denied_claims_are_kept_with_their_certainty() -> None:
    mentions = code_events(FACTS, evidence(certainty=Certainty.DENIED))
    assert mentions[0].attribution.certainty is Certainty.DENIED
    assert "(denied)" in mentions[0].notes


def test_background_history() -> None:
    may_2015 = DateMention(0, 8, "May 2015", date(2015, 5, 1), 3)
    assert is_background("In May 2015 fighters entered the city.", may_2015, None, date(2015, 5, 1))
    recent = DateMention(0, 9, "on Monday", date(2024, 11, 11), 1, relative=True)
    assert not is_background("x", recent, date(2024, 11, 12), date(2024, 11, 11))
    assert is_background("x", recent, date(2025, 6, 1), date(2024, 11, 11))
    assert not is_background("Gunmen attacked a checkpoint.", None, None, None)


def test_interaction_codes() -> None:
    assert interaction_code(1, 7) == 17
    assert interaction_code(7, 1) == 17
    assert interaction_code(6, None) == 60
    assert interaction_code(None, None) is None


ATTACK = SubEventGuess("Attack", "Violence against civilians", "Political violence", 0.8,
                       ("attacked",))  # fmt: skip


def one_sentence(text: str, guess: SubEventGuess = ATTACK, **spans: object) -> TextEvidence:
    """Evidence for a one-sentence text; ``place="Ariha"`` adds that toponym as a place."""
    places: tuple[PlaceMention, ...] = ()
    if "place" in spans:
        where = span(text, str(spans["place"]))
        places = (PlaceMention(*where, str(spans["place"]), "Ariha", "geonames:1", 35.81, 36.61,
                               "Syria", "SY", "Idleb", None, "PPL", 1),)  # fmt: skip
    return TextEvidence(
        text=text, comment_position=None, sentences=((0, len(text)),),
        attributions=(Attribution(Certainty.ASSERTED),), guesses=((guess,),), places=places,
    )  # fmt: skip


def test_unknown_perpetrator_gets_acled_generic_actor() -> None:
    # Changed with the eventiveness rule: a sentence needs an anchor (here its place), and with
    # no date in the text the report's published date is used at time_precision 2.
    mention = code_events(FACTS, one_sentence("Gunmen attacked a bakery in Ariha.", place="Ariha"))[
        0
    ]
    assert mention.actor1 == "Unidentified Armed Group (Syria)"
    assert mention.actor2 == "Civilians (Syria)"
    assert mention.date is not None and mention.date.value == FACTS.published
    assert mention.date.precision == 2 and "(approximately)" in mention.notes


def test_undated_document_keeps_an_unknown_date() -> None:
    undated = DocumentFacts(document_id="d2", country="Syria")
    mention = code_events(
        undated, one_sentence("Gunmen attacked a bakery in Ariha.", place="Ariha")
    )[0]
    assert mention.date is None and "unstated date" in mention.notes


def test_sentences_without_an_event_verb_or_anchor_are_not_events() -> None:
    assert not code_events(FACTS, one_sentence("Gunmen are a danger to Ariha.", place="Ariha"))
    assert not code_events(FACTS, one_sentence("Gunmen attacked a bakery."))


def test_opinion_pieces_need_a_date_or_a_count() -> None:
    opinion = DocumentFacts(document_id="d3", published=date(2024, 11, 12), country="Syria",
                            genre="opinion")  # fmt: skip
    assert not code_events(opinion, one_sentence("Gunmen attacked Ariha.", place="Ariha"))


def test_attack_on_an_armed_actor_is_recoded_as_armed_clash() -> None:
    text = "Gunmen attacked an army checkpoint in Ariha."
    ev = one_sentence(text, place="Ariha")
    army = ActorMention(*span(text, "army"), "army", "Military Forces of Syria (2000-2024)", 1,
                        "Syria", generic=True)  # fmt: skip
    mention = code_events(FACTS, replace(ev, actors=(army,)))[0]
    assert (mention.event_type, mention.sub_event_type) == ("Battles", "Armed clash")
    assert mention.actor1 == "Unidentified Armed Group (Syria)" and mention.inter2 == 1


def test_follow_up_sentence_lends_its_count() -> None:
    text = "Gunmen attacked a bakery in Ariha. No casualties occurred in the attack."
    first_end = text.index(". ") + 1
    ev = TextEvidence(
        text=text, comment_position=None, sentences=((0, first_end), (first_end + 1, len(text))),
        attributions=(Attribution(Certainty.ASSERTED), Attribution(Certainty.ASSERTED)),
        guesses=((ATTACK,), ()),
        places=one_sentence(text, place="Ariha").places,
        casualties=(CasualtyCount(*span(text, "No casualties"), "No casualties", "killed", 0),),
    )  # fmt: skip
    assert code_events(FACTS, ev)[0].fatalities == 0


def test_a_fronted_date_scopes_over_the_sentence() -> None:
    text = "On Monday gunmen attacked a bakery in Ariha that was damaged in May."
    ev = replace(
        one_sentence(text, place="Ariha"),
        dates=(DateMention(*span(text, "On Monday"), "On Monday", date(2024, 11, 11), 1,
                           relative=True),
               DateMention(*span(text, "May"), "May", date(2024, 5, 1), 3)),
    )  # fmt: skip
    mention = code_events(FACTS, ev)[0]
    assert mention.date is not None and mention.date.value == date(2024, 11, 11)


def test_every_guess_of_a_sentence_is_its_own_mention() -> None:
    text = "Gunmen attacked a bakery in Ariha and shelled the town."
    ev = one_sentence(text, place="Ariha")
    mentions = code_events(FACTS, replace(ev, guesses=((ATTACK, SHELLING),)))
    assert [m.sub_event_type for m in mentions] == ["Attack", "Shelling/artillery/missile attack"]
    assert len({m.mention_id for m in mentions}) == 2


def test_demonstration_guess_needs_a_crowd() -> None:
    riot = SubEventGuess("Violent demonstration", "Riots", "Demonstrations", 0.5, ("strike",))
    text = "The army came within striking distance of Ariha."
    assert not code_events(FACTS, one_sentence(text, riot, place="Ariha"))
    crowd = "Protesters burned tyres in Ariha."
    mention = code_events(FACTS, one_sentence(crowd, riot, place="Ariha"))[0]
    assert mention.actor1 == "Rioters (Syria)" and mention.inter1 == 5
