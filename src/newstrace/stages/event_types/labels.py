"""ACLED's 25 sub-event types with their event type and disorder type, and CASE-2021 label codes.

Facts from ACLED's codebook (see ``../shared/reference/ACLED.md`` in the evaluation checkout):
Battles, Explosions/Remote violence, Violence against civilians and Mob violence are political
violence; Protests and Violent demonstrations are demonstrations; excessive force against
protesters is both ("Political violence; Demonstrations"); the rest are strategic developments.
"""

from __future__ import annotations

from typing import Final

POLITICAL_VIOLENCE: Final = "Political violence"
DEMONSTRATIONS: Final = "Demonstrations"
STRATEGIC: Final = "Strategic developments"
NONE_LABEL: Final = "none"  # the classifier's "reports no codable event" class

EVENT_TYPE_OF: Final[dict[str, str]] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
SUB_EVENT_TYPES: Final[tuple[str, ...]] = tuple(EVENT_TYPE_OF)

_DISORDER_OF_EVENT_TYPE: Final[dict[str, str]] = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS,
    "Strategic developments": STRATEGIC,
}
# Sub-types whose disorder type differs from their event type's.
_DISORDER_EXCEPTIONS: Final[dict[str, str]] = {
    "Excessive force against protesters": f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
    "Mob violence": POLITICAL_VIOLENCE,
}

# CASE-2021 Task 2 codes (the shared task's "seen" classes) → ACLED sub-event types.
CASE_CODES: Final[dict[str, str]] = {
    "AIR_STRIKE": "Air/drone strike",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ARMED_CLASH": "Armed clash",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SUIC_BOMB": "Suicide bomb",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "SEX_VIOL": "Sexual violence",
    "GRENADE": "Grenade",
    "CHEM_WEAP": "Chemical weapon",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "ARREST": "Arrests",
    "AGREEMENT": "Agreement",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "OTHER": "Other",
}
# CASE's extra "unseen" classes are not ACLED events: the classifier should return nothing.
CASE_UNSEEN_CODES: Final[frozenset[str]] = frozenset(
    {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
)


def event_type_of(sub_event_type: str) -> str:
    return EVENT_TYPE_OF[sub_event_type]


def disorder_type_of(sub_event_type: str) -> str:
    if sub_event_type in _DISORDER_EXCEPTIONS:
        return _DISORDER_EXCEPTIONS[sub_event_type]
    return _DISORDER_OF_EVENT_TYPE[EVENT_TYPE_OF[sub_event_type]]
