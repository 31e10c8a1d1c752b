"""ACLED-style ``notes``: one sentence summarising an event mention from its own evidence.

Built only from coded fields (date, actors, sub-event, place, fatalities, claimants, certainty)
so it never says more than the evidence; the source sentence itself travels with the mention.
"""

from __future__ import annotations

from newstrace.records import Certainty, EventMention

_VERBS: dict[str, str] = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Air/drone strike": "carried out an air/drone strike against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "used an explosive device against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "threw a grenade at",
    "Chemical weapon": "used a chemical weapon against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Peaceful protest": "held a peaceful protest",
    "Protest with intervention": "protested and faced intervention by",
    "Excessive force against protesters": "used excessive force against",
    "Violent demonstration": "held a violent demonstration",
    "Mob violence": "took part in mob violence against",
    "Arrests": "arrested",
    "Agreement": "reached an agreement with",
    "Change to group/activity": "changed group activity",
    "Disrupted weapons use": "disrupted weapons use by",
    "Headquarters or base established": "established a headquarters or base",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "took over territory without fighting from",
}


def write_notes(mention: EventMention) -> str:
    """E.g. "On 2024-10-14, Military Forces of Syria … shelled Civilians (Syria) near al-Bukamal
    (Deir-ez-Zor, Syria); 4 reported killed; according to X via Y (alleged)."."""
    parts = [f"{_when(mention)}, {_who_did_what(mention)}{_where(mention)}"]
    parts.append(_toll(mention))
    source = _source(mention)
    if source:
        parts.append(source)
    return "; ".join(parts) + "."


def _when(mention: EventMention) -> str:
    date = mention.date
    if date is None:
        return "On an unstated date"
    if date.value is None:
        return f'On a date given as "{date.text}" (year unknown)'
    if date.precision == 3:
        return f"In {date.value.strftime('%B %Y')}"
    approximate = " (approximately)" if date.precision == 2 else ""
    return f"On {date.value.isoformat()}{approximate}"


def _who_did_what(mention: EventMention) -> str:
    actor1 = mention.actor1 or "unidentified actors"
    if mention.assoc_actor_1:
        actor1 += " with " + ", ".join(mention.assoc_actor_1)
    verb = _VERBS.get(mention.sub_event_type, f"took part in an event ({mention.sub_event_type})")
    if not mention.actor2:
        return f"{actor1} {verb}".removesuffix(" against").removesuffix(" by").removesuffix(" of")
    return f"{actor1} {verb} {mention.actor2}"


def _where(mention: EventMention) -> str:
    place = mention.place
    if place is None:
        return ""
    region = ", ".join(p for p in (place.admin1, place.country) if p and p != place.name)
    preposition = "near" if place.geo_precision == 2 else "in"
    return f" {preposition} {place.name}" + (f" ({region})" if region else "")


def _toll(mention: EventMention) -> str:
    counts = sorted(
        {c.value for c in mention.casualties if c.outcome == "killed" and c.value is not None}
    )
    if not counts:
        return "no fatality count given"
    if len(counts) > 1:
        listed = " vs ".join(str(c) for c in counts)
        return f"{counts[0]} reported killed (counts differ: {listed}; the lowest is kept)"
    return f"{counts[0]} reported killed"


def _source(mention: EventMention) -> str:
    chain = [c.speaker or c.organisation or c.text for c in mention.attribution.claimed_by]
    certainty = mention.attribution.certainty
    label = "" if certainty is Certainty.ASSERTED else f" ({certainty.value})"
    if not chain:
        return f"reported by {mention.outlet}{label}" if mention.outlet else label.strip(" ()")
    return "according to " + " via ".join(dict.fromkeys(chain)) + label
