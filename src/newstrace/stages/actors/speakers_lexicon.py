"""Word lists and regular expressions for speaker recognition (English news style, no model).

Ranks are a separate list because the speaker record has one ``role`` slot: the function
("spokesman", "deputy chief") goes there, and a rank only when it is the sole title
("Lieutenant General Valery Asapov"). The rank always stays inside the mention's ``text`` and
``rank_of`` recovers it.
"""

from __future__ import annotations

import re


def _alternation(words: list[str]) -> str:
    """Longest first, so "Major General" is tried before "Major"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


RANKS = [
    "Field Marshal", "General", "Gen.", "Colonel-General", "Lieutenant General", "Lt. Gen.",
    "Lt.-Gen.", "Major General", "Maj. Gen.", "Maj.-Gen.", "Staff Major General",
    "Brigadier General", "Brig. Gen.", "Brigadier", "Colonel", "Col.", "Lieutenant Colonel",
    "Lt. Col.", "Major", "Maj.", "Captain", "Capt.", "Lieutenant", "Lt.", "First Lieutenant",
    "Sergeant", "Sgt.", "Staff Sergeant", "Admiral", "Adm.", "Vice Admiral", "Rear Admiral",
    "Commodore", "Private", "Pvt.", "Corporal", "Cpl.", "Warrant Officer",
]  # fmt: skip
# Capitalised words that make up civil and military titles before a name.
TITLE_WORDS = [
    "President", "Vice", "Prime", "Minister", "Deputy", "Foreign", "Defense", "Defence", "Interior",
    "Secretary", "State", "Ambassador", "Envoy", "Special", "Spokesman", "Spokeswoman",
    "Spokesperson", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor",
    "Sheikh", "Shaikh", "Imam", "Ayatollah", "Emir", "King", "Queen", "Prince", "Crown",
    "Chancellor", "Dr.", "Mr.", "Mrs.", "Ms.", "Chief", "Director", "Chairman", "Commander",
    "Commander-in-Chief", "Pope", "Patriarch", "Mufti", "Grand", "High", "Assistant", "Under",
    "Undersecretary", "Acting", "Former", "Supreme", "Sultan", "Speaker", "Judge", "Attorney",
    "Lord", "Baroness", "Sir", "Professor", "Prof.", "Leader", "Head", "General", "Justice",
    "Army", "Staff", "Intelligence", "Security", "Media", "Press", "Health", "Energy", "Oil",
    "Information", "Chief of Staff", "Field", "Lieutenant", "Major", "Colonel", "Brigadier",
    "Captain", "Admiral", "Rear", "Sergeant", "National", "Adviser", "Advisor", "Officer",
]  # fmt: skip
# Lower-case functions in appositives and anonymous speakers: "the media officer for …".
ROLE_NOUNS = [
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "official",
    "officials", "officer", "officers", "source", "sources", "commander", "commanders", "leader",
    "leaders", "head", "chief", "director", "minister", "ambassador", "envoy", "representative",
    "representatives", "member", "members", "adviser", "advisor", "analyst", "researcher",
    "correspondent", "reporter", "journalist", "activist", "activists", "resident", "residents",
    "witness", "witnesses", "eyewitness", "doctor", "doctors", "medic", "medics", "lawmaker",
    "governor", "mayor", "chairman", "founder", "fighter", "fighters", "soldier", "general",
    "colonel", "emir", "cleric", "diplomat", "diplomats", "aide", "expert", "experts", "secretary",
    "press secretary", "press officer", "media officer", "media official", "media office",
    "media activist", "media activists", "spokesman", "military source", "security source",
    "military sources", "security sources", "local source", "local sources", "coordinator",
    "negotiator", "militant", "monitor", "worker", "workers", "volunteer",
]  # fmt: skip
ROLE_MODIFIERS = [
    "deputy", "senior", "chief", "top", "former", "acting", "local", "military", "security",
    "media", "press", "high-ranking", "high ranking", "unnamed", "anonymous", "regional", "field",
    "general", "assistant", "official", "political", "army", "government", "ministry", "foreign",
    "defense", "defence", "medical", "health", "civil", "defence", "rebel", "opposition",
    "Kurdish", "Arab", "US", "U.S.", "American", "Russian", "Syrian", "Iraqi", "Turkish",
    "Iranian", "Israeli", "intelligence", "police", "humanitarian", "UN", "U.N.",
]  # fmt: skip
SPEECH_VERBS = [
    "said", "says", "say", "told", "tells", "stated", "states", "announced", "announces", "added",
    "stressed", "claimed", "claims", "reported", "reports", "noted", "confirmed", "confirms",
    "denied", "denies", "warned", "warns", "explained", "declared", "insisted", "alleged",
    "tweeted", "wrote", "posted", "affirmed", "asserted", "acknowledged", "revealed", "commented",
    "emphasised", "emphasized", "urged", "accused", "accuses", "threatened", "vowed", "pointed out",
    "released a statement", "issued a statement", "said in a statement", "in a statement",
    "said in a briefing", "briefed", "quoted", "responded", "replied", "admitted", "estimated",
    "described", "called", "argued", "disclosed", "mentioned", "indicated", "saying", "telling",
]  # fmt: skip
# A capitalised phrase with one of these words is a news outlet: "Hammurabi's Justice News".
MEDIA_WORDS = frozenset(
    "News Agency Times Post TV Television Radio Press Journal Herald Tribune Gazette Daily "
    "Channel Network Media Telegraph Observer Independent Monitor Review Chronicle Express "
    "Mirror Sun Star Voice Today Online Wire Newsweek Magazine Al-Akhbar Broadcasting".split()
)
# Capitalised words that cannot be part of a person's name.
NOT_NAME_WORDS = frozenset(
    "The A An According However Moreover In On At This That These Those He She It They We I His "
    "Her Their Our But And Or If When While After Before Since As For From With By Of To Later "
    "Meanwhile Also Still Yet Then So Army Forces Force Ministry Council Front Agency News "
    "Organization Organisation Group Party Brigade Brigades Division Coalition Command Center "
    "Centre Department Office Committee Union Nations State States Republic Government "
    "Kingdom Movement Units Militia Corps Guard Police Service Authority Province Governorate "
    "City River Desert Mountains Valley Airport Base Dam International National Islamic "
    "Democratic Syrian Iraqi Russian American Turkish Kurdish Iranian Israeli Arab Euphrates "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Facebook Twitter Telegram "
    "YouTube Instagram Street Square District Hospital University School Mosque Church Regiment "
    "Battalion Squadron Wing Room Control Assets Artillery Fleet Operations Affairs".split()
)
# Titles strong enough to introduce a bare surname: "Mr Hammond", "President Assad", "Gen. Votel".
HONORIFICS = [
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "President", "Sheikh", "Shaikh", "King",
    "Prince", "Emir", "Ayatollah", "Imam", "Senator", "Sen.", "Secretary", "Minister", "Ambassador",
    "Governor", "Mayor", "Chancellor", "Commander", "Sir", "Lord", "Prof.", "Professor",
]  # fmt: skip
# Titles that stand for a person on their own: "the Foreign Secretary said".
OFFICE_TITLES = [
    "President", "Prime Minister", "Minister", "Secretary", "Ambassador", "Envoy", "Spokesman",
    "Spokeswoman", "Spokesperson", "Commander", "Governor", "Chancellor", "King", "Emir",
    "Representative", "Secretary-General", "Secretary General", "High Representative",
    "Prime Minister-designate", "Foreign Secretary", "Defence Secretary", "Defense Secretary",
    "Home Secretary", "Foreign Minister", "Defence Minister", "Defense Minister",
]  # fmt: skip
# First words of Arabic place and group names, so "Ras al-Ain" and "Jaish al-Islam" are not read
# as people like "Bashar al-Assad".
NON_PERSON_HEADS = frozenset(
    "Jaish Jaysh Saray Saraya Liwa Kataib Harakat Ansar Jabhat Jund Firqat Alwiya Tanzim Hizb "
    "Jamaat Usud Katibat Faylaq Quwat Majlis Dawla Ahrar Hayat Tahrir Thuwar".split()
) | frozenset(
    "Ras Tell Tal Jisr Deir Wadi Bab Jabal Jebel Jabel Ain Kafr Kfar Bir Khan Qalaat Qala Maarat "
    "Beit Dar Hayy Hay Souq Suq Sheikh Nahr Qasr Madinat Mina Umm Arab Bani Bayt Jurf Hamam "
    "Hammam Tel Kafar Marat Maaret Saraqib Harat Rif Reef Mount North South East West Central "
    "Eastern Western Northern Southern Greater Upper Lower Old New".split()
)
GENERIC_ORG_TAILS = [
    "faction",
    "group",
    "militia",
    "movement",
    "brigade",
    "forces",
    "organisation",
    "organization",
    "coalition",
]

_NAME_PART = r"(?:(?:al|el|ad|ash|as|at|az|an|ar)-)?[A-Z][a-zà-öø-ÿ'’]+(?:-[A-Z][a-zà-öø-ÿ'’]+)?"
_PARTICLE = r"(?:al|el|bin|ibn|bint|abu|Abu|Abi|de|del|da|van|von|der|ul)"
NAME = rf"{_NAME_PART}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_PART}){{1,3}}"
SURNAME = _NAME_PART
OFFICE = rf"(?:{_alternation(OFFICE_TITLES)})"
# "Bashar al-Assad", "Abu Musab al-Zarqawi", "Ziad Khalaf al-Karbouly": given names + al-Surname.
ARABIC_NAME = (
    r"(?:Abu\s+)?[A-Z][a-z’']+(?:\s+[A-Z][a-z’']+){0,2}\s+(?:al|el|bin|ibn)-?\s?[A-Z][a-z’']+"
)
HONORIFIC = rf"(?:{_alternation(HONORIFICS)}|{_alternation(RANKS)})"
TITLE_WORD_SET = frozenset(w.rstrip(".").lower() for w in TITLE_WORDS + RANKS)
RANK = _alternation(RANKS)
_TITLE_ANY = _alternation(TITLE_WORDS + RANKS)
TITLE_SEQ = rf"(?:(?:{_TITLE_ANY})\s+)*(?:{_TITLE_ANY})"
ROLE = (
    rf"(?:(?:{_alternation(ROLE_MODIFIERS)})\s+){{0,3}}"
    rf"(?i:{_alternation(ROLE_NOUNS)})"
)
# Plural sources that need no article: "Pro-Kurdish sources said", "local residents told".
PLURAL_SOURCES = [
    "sources",
    "officials",
    "activists",
    "residents",
    "witnesses",
    "eyewitnesses",
    "doctors",
    "medics",
]
SOURCE_MODIFIERS = [
    "local",
    "military",
    "security",
    "medical",
    "informed",
    "opposition",
    "government",
    "official",
    "diplomatic",
    "field",
    "media",
    "tribal",
    "Kurdish",
    "Arab",
]
SPEECH = rf"(?:{_alternation(SPEECH_VERBS)})\b"
# A capitalised word never ends in a period unless it is an initialism ("U.S."): "in Iraq. Petty
# Officer" is two sentences.
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'&-]*)"
CAP_PHRASE = rf"{_CAP_WORD}(?:[ ]+(?:(?:of|for|in|and|the|al|on|de)[ ]+){{0,2}}{_CAP_WORD}){{0,6}}"
