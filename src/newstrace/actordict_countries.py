"""Every country's generic actors, generated from ISO 3166 (pycountry) with ACLED's country names.

ACLED writes short, common names ("Russia", "Syria", "Democratic Republic of Congo") where ISO
writes official ones ("Russian Federation", "Syrian Arab Republic", "Congo, The Democratic Republic
of the"): the overrides below are the differences (ACLED country list, 2023). Kosovo has no ISO
code in pycountry but is an ACLED country (XK is its user-assigned code).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pycountry

from newstrace.actordict_entries import ActorEntry, CountryFacts

ACLED_COUNTRY_NAMES = {
    "BN": "Brunei", "BO": "Bolivia", "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast", "CV": "Cape Verde", "CZ": "Czech Republic", "FK": "Falkland Islands",
    "FM": "Micronesia", "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos",
    "MD": "Moldova", "PS": "Palestine", "RU": "Russia", "SY": "Syria", "SZ": "eSwatini",
    "TL": "East Timor", "TR": "Turkey", "TW": "Taiwan", "TZ": "Tanzania", "VA": "Vatican City",
    "VE": "Venezuela", "VN": "Vietnam", "VG": "British Virgin Islands",
    "VI": "Virgin Islands, U.S.", "MF": "Saint-Martin", "SX": "Sint Maarten",
    "BQ": "Caribbean Netherlands", "HK": "Hong Kong", "MO": "Macau", "XK": "Kosovo",
}  # fmt: skip
# Country names that take "the" inside a phrase: "Military Forces of the United States".
WITH_ARTICLE = frozenset({"US", "GB", "AE", "CD", "CG", "CF", "PH", "NL", "BS", "MV", "KM", "SC",
                          "SB", "MH", "DO", "CZ", "GM"})  # fmt: skip

# The generated actors of every country: id suffix → (name template, ACLED inter code).
GENERIC_ROLES = {
    "military": ("Military Forces of {the}{country}", 1),
    "government": ("Government of {the}{country}", 1),
    "police": ("Police Forces of {the}{country}", 1),
    "protesters": ("Protesters ({country})", 6),
    "rioters": ("Rioters ({country})", 5),
    "civilians": ("Civilians ({country})", 7),
    "armed-group": ("Unidentified Armed Group ({country})", 3),
}


_DATED = ("Military", "Police", "Government")  # names that carry the government period
_DATED_ROLES = frozenset({"military", "police", "government"})


def _iso_names(code: str) -> tuple[str, ...]:
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return ()
    names = (getattr(record, attr, None) for attr in ("name", "common_name", "official_name"))
    # "Korea, Republic of" is an index form, never how text writes a country.
    return tuple(n for n in names if n and "," not in n)


def base_facts() -> dict[str, CountryFacts]:
    """One CountryFacts per ISO 3166-1 country (plus Kosovo), named as ACLED names it."""
    facts: dict[str, CountryFacts] = {}
    for record in pycountry.countries:
        code = record.alpha_2
        name = ACLED_COUNTRY_NAMES.get(code) or getattr(record, "common_name", None) or record.name
        facts[code] = CountryFacts(code=code, name=name, article=code in WITH_ARTICLE)
    facts["XK"] = CountryFacts(code="XK", name="Kosovo")
    return facts


def _state_name(template: str, facts: CountryFacts) -> str:
    name = template.format(the="the " if facts.article else "", country=facts.name)
    return name + " ({period})" if facts.periods and template.startswith(_DATED) else name


def _role_entries(facts: CountryFacts) -> Iterator[ActorEntry]:
    prefix = facts.code.lower()
    the = "the " if facts.article else ""
    for role, (template, inter) in GENERIC_ROLES.items():
        yield ActorEntry(
            id=f"{prefix}.{role}",
            name=_state_name(template, facts),
            inter=inter,
            country=facts.name,
            periods=facts.periods if role in _DATED_ROLES else (),
            aliases=(f"Government of {the}{facts.name}",) if role == "government" else (),
        )
    if facts.air_force:
        yield ActorEntry(
            id=f"{prefix}.air-force", name=facts.air_force, parent=f"{prefix}.military"
        )


def _search_entries(facts: CountryFacts) -> Iterator[ActorEntry]:
    prefix = facts.code.lower()
    names = (facts.name, *_iso_names(facts.code), *facts.aliases)
    yield ActorEntry(
        id=f"{prefix}.country",
        name=facts.name,
        kind="country",
        country=facts.name,
        aliases=tuple(dict.fromkeys(names)),
        acronyms=facts.acronyms,
    )
    if facts.demonyms:
        yield ActorEntry(
            id=f"{prefix}.demonym",
            name=facts.demonyms[0],
            kind="demonym",
            country=facts.name,
            aliases=facts.demonyms,
        )


def generated_entries(countries: Mapping[str, CountryFacts]) -> Iterator[ActorEntry]:
    """State forces, police, protesters, rioters, civilians, armed group, name and demonym."""
    for facts in countries.values():
        yield from _role_entries(facts)
        yield from _search_entries(facts)
