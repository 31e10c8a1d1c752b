"""Attribution and certainty: claimant chains, cues, and claims followed across sentences.

The sentences below are written for these tests (fictional reports); the two real pages are
read from ../shared/samples at test time only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.records import Attribution, Certainty, Claimant, SpeakerMention
from newstrace.stages.annotate.sentences import split_sentences
from newstrace.stages.attribution import AttributionContext, attribute, attribute_document

OUTLET = "newstrace demo (fictional)"


def _one(text: str, speakers: Sequence[SpeakerMention] = ()) -> Attribution:
    return attribute(text, (0, len(text)), outlet=OUTLET, speakers=speakers)


def _doc(text: str, outlet: str | None = OUTLET) -> list[tuple[str, Attribution]]:
    spans = split_sentences(text)
    found = attribute_document(text, spans, outlet=outlet)
    return [(text[s:e], a) for (s, e), a in zip(spans, found, strict=True)]


def _at(rows: list[tuple[str, Attribution]], probe: str) -> Attribution:
    return next(a for sentence, a in rows if probe in sentence)


def _texts(attribution: Attribution) -> list[str]:
    return [c.text for c in attribution.claimed_by]


def _norm(value: str | None) -> str:
    return (value or "").replace("’", "'")


# ---------------------------------------------------------------- claimants in one sentence
def test_outlet_voice_is_asserted_with_the_outlet_as_claimant() -> None:
    found = _one("Militants shelled the northern district of Kafr Nabl on Monday.")
    assert found.certainty is Certainty.ASSERTED
    assert found.claimed_by == (Claimant(OUTLET, medium=OUTLET),)


def test_no_outlet_means_no_claimant_for_the_writers_voice() -> None:
    text = "Militants shelled the district."
    assert attribute(text, (0, len(text))).claimed_by == ()


def test_according_to_a_named_outlet_ends_with_the_document_outlet() -> None:
    found = _one("According to Riverside Daily News, two mortars hit the market in Duma.")
    assert found.certainty is Certainty.REPORTED
    assert [c.medium for c in found.claimed_by] == ["Riverside Daily News", OUTLET]


def test_according_to_after_the_claim() -> None:
    found = _one("Three fighters were killed near the dam, according to local residents.")
    assert found.certainty is Certainty.REPORTED
    assert found.claimed_by[0].role == "local residents"


def test_subject_said_with_appositive_role_and_organisation() -> None:
    text = (
        "Colonel Samir Haddad, deputy commander of the Northern Shield Brigade, said "
        "his unit repelled an attack on the checkpoint."
    )
    first = _one(text).claimed_by[0]
    assert first.speaker == "Samir Haddad"
    assert first.role == "deputy commander"
    assert first.organisation == "Northern Shield Brigade"


def test_role_then_name_appositive() -> None:
    text = "The Interior Ministry's spokesman, Brigadier Omar Fathi stated that the raid ended."
    first = _one(text).claimed_by[0]
    assert first.speaker == "Omar Fathi"
    assert first.role == "spokesman"
    assert first.organisation == "Interior Ministry"


def test_told_an_outlet_is_a_nested_chain() -> None:
    text = "An officer of the border guard told Coastline Radio that smugglers fired at a patrol."
    found = _one(text)
    officer, medium, outlet = found.claimed_by
    assert (officer.role, officer.organisation, officer.speaker) == (
        "officer",
        "border guard",
        None,
    )
    assert medium.medium == "Coastline Radio"
    assert outlet.medium == OUTLET
    assert found.certainty is Certainty.REPORTED


def test_told_reporters_is_an_addressee_not_a_medium() -> None:
    found = _one("A local commander told reporters that the bridge was blown up.")
    assert [c.medium for c in found.claimed_by] == [None, OUTLET]


def test_quoting_anonymous_officials() -> None:
    text = "The Harbor Tribune, quoting American officials, reported that drones struck a depot."
    found = _one(text)
    officials, tribune = found.claimed_by[:2]
    assert officials.role == "American officials" and officials.speaker is None
    assert tribune.medium == "The Harbor Tribune" or tribune.medium == "Harbor Tribune"


def test_citing_sources_after_the_verb() -> None:
    text = "The Lakeside Post reported, citing security sources, that a convoy was ambushed."
    first, second = _one(text).claimed_by[:2]
    assert first.role == "security sources"
    assert second.medium == "Lakeside Post"


def test_said_in_a_briefing_and_in_a_statement() -> None:
    briefing = _one("General Arkady Volkov said in a briefing that two jets hit the airfield.")
    assert briefing.claimed_by[0].speaker == "Arkady Volkov"
    assert briefing.claimed_by[0].role == "General"
    statement = _one("In a statement, the Defence Ministry said its air defences downed a drone.")
    assert statement.claimed_by[0].organisation == "Defence Ministry"
    assert statement.certainty is Certainty.REPORTED


def test_possessive_statement_names_its_issuer() -> None:
    found = _one("The ministry's statement said that rebels looted the warehouse.")
    assert found.claimed_by[0].organisation == "ministry"


def test_possessive_role_of_a_state() -> None:
    found = _one("The depot will be rebuilt, Jordan's interior minister said on Tuesday.")
    first = found.claimed_by[0]
    assert (first.role, first.organisation) == ("interior minister", "Jordan")
    assert found.certainty is Certainty.FUTURE


def test_released_a_statement_claiming() -> None:
    found = _one("The Pentagon released a statement claiming its forces hit a weapons depot.")
    assert found.claimed_by[0].organisation == "Pentagon"
    assert found.certainty is Certainty.ALLEGED


def test_statement_from_an_organisation() -> None:
    text = "The raid was followed by a statement from the northern command accusing the rebels."
    found = _one(text)
    assert found.claimed_by[0].text == "the northern command"
    assert found.certainty is Certainty.ALLEGED


def test_quote_with_attribution_after_it() -> None:
    found = _one("“We lost four men at the crossing,” the officer told Valley Press Agency.")
    officer, medium = found.claimed_by[:2]
    assert officer.role == "officer"
    assert medium.medium == "Valley Press Agency"


def test_inverted_speech_tag() -> None:
    found = _one("“The curfew stays until Friday,” said the district governor.")
    assert found.claimed_by[0].role == "district governor"


def test_anonymous_sources_activists_and_residents() -> None:
    assert _one("Security sources said the gunmen fled.").claimed_by[0].role == "Security sources"
    activists = _one("Pro-government activists reported clashes near the airport.")
    assert activists.claimed_by[0].role == "Pro-government activists"
    residents = _one("Residents said the shelling lasted all night.")
    assert residents.claimed_by[0].role == "Residents"


def test_security_source_of_an_organisation() -> None:
    found = _one("A Syrian security forces source said the convoy was hit.")
    source = found.claimed_by[0]
    assert (source.role, source.organisation, source.speaker) == (
        "source",
        "Syrian security forces",
        None,
    )


def test_verbs_inside_quotes_open_no_frame() -> None:
    found = _one("“They said nothing and left,” the mayor told Hilltop Radio.")
    assert found.claimed_by[0].role == "mayor"


def test_as_the_x_had_claimed_stays_the_writers_voice() -> None:
    text = "The raid came from the hills, not from the town as the army had claimed."
    assert _one(text).certainty is Certainty.ASSERTED


def test_optional_speaker_mentions_fill_fields() -> None:
    text = "Abu Karim said the town was retaken."
    speaker = SpeakerMention(0, 9, "Abu Karim", "Abu Karim", "field commander", "Hawks Brigade")
    first = _one(text, [speaker]).claimed_by[0]
    assert (first.speaker, first.role, first.organisation) == (
        "Abu Karim",
        "field commander",
        "Hawks Brigade",
    )


def test_quoted_as_saying_active_and_passive() -> None:
    active = _one("The state-run agency quoted a military source as saying rebels shelled a port.")
    source, agency = active.claimed_by[:2]
    assert source.role == "military source"
    assert agency.medium == "state-run agency"
    passive = _one("Governor Ali Hassan was quoted by Delta TV as saying the curfew was lifted.")
    governor, channel = passive.claimed_by[:2]
    assert (governor.speaker, governor.role) == ("Ali Hassan", "Governor")
    assert channel.medium == "Delta TV"


def test_role_comma_name_comma_said() -> None:
    text = "A spokesman for the Eastern Shield Brigade, Karim Nouri, said the convoy turned back."
    first = _one(text).claimed_by[0]
    assert (first.speaker, first.role, first.organisation) == (
        "Karim Nouri",
        "spokesman",
        "Eastern Shield Brigade",
    )


def test_aside_between_source_and_verb() -> None:
    text = "Two officials, speaking on condition of anonymity, said the drone came from the north."
    assert _one(text).claimed_by[0].role == "officials"


def test_media_heads_and_lone_names() -> None:
    assert _one("Local media reported a blast at the depot.").claimed_by[0].medium == "Local media"
    body = _one("“We will answer,” Hamas said.").claimed_by[0]
    assert (body.organisation, body.speaker) == ("Hamas", None)
    rows = _doc("Envoy Lena Okoro arrived on Monday. Okoro said the talks had failed.")
    assert _at(rows, "Okoro said").claimed_by[0].speaker == "Lena Okoro"


def test_nobody_claims_nothing() -> None:
    found = _one("No group has claimed responsibility for the blast.")
    assert found.certainty is Certainty.ASSERTED


def test_rebuttal_in_the_same_sentence_contests_the_claim() -> None:
    found = _one("The ministry said no civilians were hurt, but activists disputed that account.")
    assert found.claimed_by[0].text == "The ministry"
    assert found.certainty is Certainty.ALLEGED
    assert "denied by activists" in found.cues


def test_which_cited_is_a_quoted_source() -> None:
    text = "A convoy was hit, according to the Harbor Tribune, which cited two border officials."
    officials, tribune = _one(text).claimed_by[:2]
    assert officials.role == "border officials"
    assert tribune.medium == "Harbor Tribune"


def test_a_claim_the_army_denied() -> None:
    found = _one("Rebels said they downed a helicopter, a claim the army denied.")
    assert found.claimed_by[0].text == "Rebels"
    assert found.certainty is Certainty.ALLEGED
    assert "denied by the army" in found.cues


# ------------------------------------------------- denials and statements (fictional sentences)
def test_denier_is_the_subject_of_denied_not_the_earlier_claimant() -> None:
    text = (
        "The northern alliance against the cartels denied on Friday that its gunners had hit "
        "the clinic, after the health ministry said the strike killed three nurses."
    )
    found = _one(text)
    assert found.certainty is Certainty.DENIED
    assert found.claimed_by[0].organisation == "northern alliance against the cartels"
    assert [c.text for c in found.claimed_by][1:] == [OUTLET]


@pytest.mark.parametrize("verb", ["rejected", "dismissed", "denied"])
def test_denier_with_other_denial_verbs(verb: str) -> None:
    text = f"The river flotilla {verb} that its boats had fired on the fishermen near Tabqa."
    found = _one(text)
    assert found.certainty is Certainty.DENIED
    assert found.claimed_by[0].organisation == "river flotilla"


def test_denial_hours_after_a_claim_keeps_the_claim_out_of_the_chain() -> None:
    text = (
        "The border garrison rejected the accusation, hours after the governor's office said "
        "its soldiers had burned the market."
    )
    found = _one(text)
    assert found.certainty is Certainty.DENIED
    assert _texts(found) == ["The border garrison", OUTLET]


def test_said_in_a_statement_names_the_body_first() -> None:
    found = _one("Two boats were sunk near Raqqa, the river flotilla said in a statement.")
    assert found.claimed_by[0].organisation == "river flotilla"
    assert found.certainty is Certainty.REPORTED


def test_statement_read_on_television_adds_the_channel_as_medium() -> None:
    text = (
        "In a statement read on state television, the Ministry of Interior said: "
        '"Gunmen attacked a bakery near the river on Sunday."'
    )
    ministry, channel, outlet = _one(text).claimed_by
    assert ministry.organisation == "Ministry of Interior"
    assert channel.medium == "state television"
    assert outlet.medium == OUTLET


def test_statement_carried_by_an_agency_without_a_speech_verb_names_no_claim() -> None:
    found = _one("The statement carried by the state agency was two lines long.")
    assert _texts(found) == [OUTLET]


def test_relayed_ministry_statement_keeps_the_ministry_first_across_desks() -> None:
    text = (
        "Four farm workers were killed when a drone hit a barn outside Hajin on Monday, "
        "the Ministry of Agriculture said in a statement."
    )
    for desk in ("Desk One (fictional)", "Desk Two (fictional)"):
        found = attribute(text, (0, len(text)), outlet=desk)
        assert [c.organisation for c in found.claimed_by[:1]] == ["Ministry of Agriculture"]
        assert found.claimed_by[-1].medium == desk


def test_speaker_kinds_from_speaker_mentions() -> None:
    text = "Tigers said the town fell."
    body = SpeakerMention(0, 6, "Tigers", None, None, "Tigers", "organisation")
    assert _one(text, [body]).claimed_by[0].organisation == "Tigers"
    outlet = SpeakerMention(0, 6, "Tigers", None, None, "Tigers", "outlet")
    assert _one(text, [outlet]).claimed_by[0].medium == "Tigers"


# ---------------------------------------------------------------- certainty
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels allegedly shelled the village.", Certainty.ALLEGED),
        ("Rebels reportedly shelled the village.", Certainty.ALLEGED),
        ("Rebels purportedly shelled the village.", Certainty.ALLEGED),
        ("The militia is said to have burned the crops.", Certainty.ALLEGED),
        ("The army claimed that rebels shelled the village.", Certainty.ALLEGED),
        ("The army accused the rebels of shelling the village.", Certainty.ALLEGED),
        ("The rebels were accused of shelling the village.", Certainty.ALLEGED),
        ("The army said that rebels shelled the village.", Certainty.REPORTED),
        ("The Valley News reported that rebels shelled the village.", Certainty.REPORTED),
        ("The strike could not be independently verified.", Certainty.UNVERIFIED),
        ("The claim is yet to be confirmed by the army.", Certainty.UNVERIFIED),
        ("The monitor said it has not verified the toll.", Certainty.UNVERIFIED),
        ("Unconfirmed reports spoke of a massacre in the valley.", Certainty.UNVERIFIED),
        ("It was not immediately possible to verify the toll.", Certainty.UNVERIFIED),
        ("The footage could not immediately be verified.", Certainty.UNVERIFIED),
        ("Kyiv said the claims were false.", Certainty.DENIED),
        ("The ministry neither confirmed nor denied the report.", Certainty.UNVERIFIED),
        ("The army denied access to the town.", Certainty.REPORTED),
        ("The toll could not be denied.", Certainty.ASSERTED),
        ("Will the army storm the town?", Certainty.HYPOTHETICAL),
        ("This will not end the war.", Certainty.FUTURE),
        ("The rebels denied shelling the village.", Certainty.DENIED),
        ("The ministry refuted the report of a massacre.", Certainty.DENIED),
        ("The army rejected the claims of a massacre.", Certainty.DENIED),
        ("The governor called the claim a lie.", Certainty.DENIED),
        ("The army said no attack took place in the valley.", Certainty.DENIED),
        ("Rebels might attack the airport.", Certainty.HYPOTHETICAL),
        ("The offensive could start in the spring.", Certainty.HYPOTHETICAL),
        ("If talks fail, the army may storm the town.", Certainty.HYPOTHETICAL),
        ("It is possible that the militia left the town.", Certainty.HYPOTHETICAL),
        ("The rebels are likely to withdraw.", Certainty.HYPOTHETICAL),
        ("The column was expected to reach the town.", Certainty.HYPOTHETICAL),
        ("The convoy would have been destroyed.", Certainty.HYPOTHETICAL),
        ("The army will storm the town.", Certainty.FUTURE),
        ("The militia plans to retake the bridge.", Certainty.FUTURE),
        ("The army is preparing to storm the town.", Certainty.FUTURE),
        ("The ministry announced it would send troops.", Certainty.FUTURE),
        ("The rebels threatened to shell the airport.", Certainty.FUTURE),
        ("Fighting resumed in May 2015 near the dam.", Certainty.ASSERTED),
        ("The political will to end the siege is lacking.", Certainty.ASSERTED),
        ("Even if it rains, the market opens.", Certainty.ASSERTED),
    ],
)
def test_certainty_cues(text: str, expected: Certainty) -> None:
    assert _one(text).certainty is expected


def test_cues_name_the_words_that_decided() -> None:
    found = _one("The army claimed that rebels might attack the airport.")
    assert found.certainty is Certainty.HYPOTHETICAL
    assert "claimed" in found.cues and "might" in found.cues


def test_hedge_outside_the_claim_does_not_count() -> None:
    text = (
        "On 3 May, in perhaps a bid to deter, the army accused the rebels of shelling the school."
    )
    found = _one(text)
    assert found.certainty is Certainty.ALLEGED
    assert found.claimed_by[0].text == "the army"


def test_denial_sentence_names_the_denier() -> None:
    found = _one("Moscow called out the Western claim as a fabrication.")
    assert found.certainty is Certainty.DENIED
    assert found.claimed_by[0].text == "Moscow"


# ---------------------------------------------------------------- context and documents
def test_context_resolves_pronouns_and_definite_sources() -> None:
    context = AttributionContext(
        last={"person": (Claimant("Colonel Samir Haddad", speaker="Samir Haddad"),)}
    )
    text = "“We hold the bridge,” he said."
    found = attribute(text, (0, len(text)), context=context)
    assert found.claimed_by[0].speaker == "Samir Haddad"


def test_attribute_records_claimants_into_the_context() -> None:
    text = "Colonel Samir Haddad told Ridge Radio that the bridge held. “We lost no one,” he said."
    first, second = split_sentences(text)
    context = AttributionContext()
    attribute(text, first, context=context)
    found = attribute(text, second, context=context)
    assert found.claimed_by[0].speaker == "Samir Haddad"
    assert found.claimed_by[1].medium == "Ridge Radio"


def test_according_to_the_report_refers_back_to_the_outlet() -> None:
    rows = _doc(
        "Shelling hit the port, the opposition outlet Harbor Voice News reported on Friday.\n\n"
        "According to the report, six boats burned. Militants allegedly fired from the cliffs."
    )
    report = _at(rows, "six boats")
    assert [_norm(c.medium) for c in report.claimed_by] == ["Harbor Voice News", OUTLET]
    alleged = _at(rows, "allegedly")
    assert alleged.certainty is Certainty.ALLEGED
    assert alleged.claimed_by[0].medium == "Harbor Voice News"


def test_the_general_refers_back_to_a_named_general() -> None:
    rows = _doc(
        "Major General Ivan Sokol, deputy chief of the Eastern Group, said in a briefing that "
        "shelling stopped.\n\nThe general added that the bridge was repaired."
    )
    assert _at(rows, "The general added").claimed_by[0].speaker == "Ivan Sokol"


def test_colon_then_quote_and_the_source_said() -> None:
    rows = _doc(
        "A border police source told Delta Radio:\n\n"
        "“Two trucks crossed at night. They carried rockets,” the source said.\n\n"
        "The mayor said the town was calm."
    )
    first = _at(rows, "Two trucks")
    assert first.claimed_by[0].role == "source"
    assert first.claimed_by[1].medium == "Delta Radio"
    second = _at(rows, "They carried")
    assert second.claimed_by[:2] == first.claimed_by[:2]
    assert _at(rows, "The mayor").claimed_by[0].role == "mayor"


def test_multi_sentence_quote_takes_the_speaker_named_at_its_close() -> None:
    rows = _doc(
        "“We saw the jets at dawn. They hit the school. Nobody was inside,” a teacher told "
        "Orchard News Agency."
    )
    for probe in ("We saw", "They hit", "Nobody"):
        found = _at(rows, probe)
        assert found.claimed_by[0].role == "teacher"
        assert found.certainty is Certainty.REPORTED


def test_quotation_over_several_paragraphs() -> None:
    rows = _doc(
        "“We took the ridge before dawn. Three of our men were wounded.\n\n"
        "“We will hold it,” Colonel Dara Amin said.\n\nHe added that the enemy fled north."
    )
    for probe in ("We took", "Three of our", "He added"):
        assert _at(rows, probe).claimed_by[0].speaker == "Dara Amin"


def test_statement_said_colon_paragraph() -> None:
    rows = _doc(
        "The Eastern Command released a statement on Sunday.\n\n"
        "The statement said:\n\nRebels fired on the convoy. Two drivers died."
    )
    assert _at(rows, "Two drivers").claimed_by[0].organisation == "Eastern Command"


def test_later_unconfirmed_makes_the_relayed_claims_unverified() -> None:
    rows = _doc(
        "Gunmen raided the clinic, the local outlet Mill Town Daily reported.\n\n"
        "According to Mill Town Daily, nine patients were taken.\n\n"
        "The army shelled the hills on Monday.\n\n"
        "The Mill Town Daily report is yet to be confirmed by the police."
    )
    assert _at(rows, "Gunmen raided").certainty is Certainty.UNVERIFIED
    assert _at(rows, "nine patients").certainty is Certainty.UNVERIFIED
    assert _at(rows, "The army shelled").certainty is Certainty.ASSERTED


def test_unverified_without_a_source_questions_the_previous_claim() -> None:
    rows = _doc(
        "Activists said a drone killed four people. This could not be independently verified."
    )
    assert _at(rows, "Activists said").certainty is Certainty.UNVERIFIED


def test_denial_in_a_later_sentence_contests_the_earlier_claim() -> None:
    rows = _doc(
        "The US said Russian jets struck a Kurdish post near the river.\n\n"
        "Russia rejected the US claim as baseless."
    )
    claim = _at(rows, "Russian jets")
    assert claim.certainty is Certainty.ALLEGED
    assert "denied by Russia" in claim.cues
    denial = _at(rows, "rejected")
    assert denial.certainty is Certainty.DENIED
    assert denial.claimed_by[0].text == "Russia"


def test_denial_of_the_rebels_claim_targets_the_rebels() -> None:
    rows = _doc(
        "The army said it shelled the ridge.\n\nRebels said they downed a jet.\n\n"
        "The army denied the rebels' claim."
    )
    assert "denied by The army" in _at(rows, "downed a jet").cues
    assert not any("denied by" in cue for cue in _at(rows, "shelled the ridge").cues)


def test_stray_closing_quote_reaches_back_no_further_than_its_paragraph() -> None:
    rows = _doc("The mayor spoke at noon.\n\nShops stayed shut all day,” the army said.")
    assert _at(rows, "The mayor").certainty is Certainty.ASSERTED
    assert _at(rows, "Shops").claimed_by[0].text == "the army"


def test_document_without_sentences_or_outlet() -> None:
    assert attribute_document("", []) == []
    rows = _doc("The town was quiet.", outlet=None)
    assert rows[0][1].claimed_by == ()


_PIECES = [*'aA sid“”",.:\n', " said ", " told ", " according to ", "The ", " he ", " Reuters"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_attribute_document_never_raises(text: str) -> None:
    spans = split_sentences(text)
    found = attribute_document(text, spans, outlet="X")
    assert len(found) == len(spans)
    for attribution in found:
        for claimant in attribution.claimed_by:
            if claimant.start is not None and claimant.end is not None:
                assert 0 <= claimant.start <= claimant.end <= len(text)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_one_attribution_per_sentence(text: str) -> None:
    spans = split_sentences(text)
    assert len(attribute_document(text, spans)) == len(spans)
    for span in spans:
        assert isinstance(attribute(text, span).certainty, Certainty)


# ---------------------------------------------------------------- the real samples
def _sample(samples_dir: Path, prefix: str, outlet: str) -> list[tuple[str, Attribution]]:
    path = next(samples_dir.glob(f"{prefix}_*.txt"))
    return _doc(path.read_text(encoding="utf-8"), outlet=outlet)


def test_sample_000_relayed_report(samples_dir: Path) -> None:
    rows = _sample(samples_dir, "000", "SouthFront")
    first = _at(rows, "requested Russia for a help")
    assert [_norm(c.medium) for c in first.claimed_by[-2:]] == [
        "Hammurabi's Justice News",
        "SouthFront",
    ]
    assert first.certainty in (Certainty.REPORTED, Certainty.UNVERIFIED)
    alleged = _at(rows, "ISIS allegedly attacked")
    assert alleged.certainty in (Certainty.ALLEGED, Certainty.UNVERIFIED)
    assert _norm(alleged.claimed_by[0].medium) == "Hammurabi's Justice News"
    officer = _at(rows, "An officer of the US-led coalition told")
    assert (officer.claimed_by[0].role, officer.claimed_by[0].organisation) == (
        "officer",
        "US-led coalition",
    )
    assert _norm(officer.claimed_by[1].medium) == "Hammurabi's Justice News"
    spring = _at(rows, "might be launched this spring")
    assert spring.certainty is Certainty.HYPOTHETICAL
    assert "activists" in (spring.claimed_by[0].role or "")


def test_sample_000_first_sentence_alone_is_reported(samples_dir: Path) -> None:
    text = next(samples_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    start = text.index("The US-led coalition requested")
    end = text.index("\n", start)
    found = attribute(text, (start, end), outlet="SouthFront")
    assert found.certainty is Certainty.REPORTED
    assert _norm(found.claimed_by[0].medium) == "Hammurabi's Justice News"


def test_sample_003_accusations_and_denial(samples_dir: Path) -> None:
    rows = _sample(samples_dir, "003", "Syria News")
    accused = _at(rows, "accused Russian jets of attacking HSD positions")
    assert accused.certainty is Certainty.ALLEGED
    assert accused.claimed_by[0].text == "the US"
    pentagon = _at(rows, "The Pentagon released a statement claiming")
    assert pentagon.claimed_by[0].organisation == "Pentagon"
    denial = _at(rows, "Russia called out the US claim")
    assert denial.certainty is Certainty.DENIED
    assert denial.claimed_by[0].text == "Russia"
    quote = _at(rows, "The results of a preliminary investigation")
    source, sputnik = quote.claimed_by[:2]
    assert (source.role, source.organisation, source.speaker) == (
        "source",
        "Syrian security forces",
        None,
    )
    assert sputnik.medium == "Sputnik"
