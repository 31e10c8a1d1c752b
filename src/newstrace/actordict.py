"""The actor dictionary: ACLED actor names, aliases, sources and organisations, searchable in text.

Load it once (``ActorDictionary.load(settings)`` or the cached ``load_dictionary``) and pass it to
the actor and speaker stages. The bundled ``data/actors.yaml`` is read first, then the user's
``Settings.actor_files`` in order; see ``data/README-actors.md`` for the format.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from newstrace.actordict_entries import ActorEntry, ActorFileError, CountryFacts, Period
from newstrace.actordict_files import DictionaryParts, add_document, finish, read_bundled, read_yaml
from newstrace.actordict_match import DictMatch, PhraseIndex
from newstrace.actordict_tokens import Token, phrase_keys, tokenize
from newstrace.settings import Settings

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorFileError",
    "CountryFacts",
    "Scan",
    "load_dictionary",
]

# State forces acting outside their own country are external forces in ACLED's inter codes
# (Turkey's and the US's forces in Iraq are coded 8 in ACLED's 2020 Iraq export).
EXTERNAL_INTER = 8
STATE_INTER = 1


class Scan:
    """One text's tokens and its dictionary matches, computed once and shared by stages."""

    __slots__ = ("matches", "text", "tokens")

    def __init__(self, text: str, tokens: list[Token], matches: list[DictMatch]) -> None:
        self.text = text
        self.tokens = tokens
        self.matches = matches


class ActorDictionary:
    """Entries by id, country facts, word lists for descriptions, and the phrase index."""

    def __init__(
        self,
        entries: Mapping[str, ActorEntry],
        countries: Mapping[str, CountryFacts],
        *,
        force_nouns: Mapping[str, Sequence[str]] | None = None,
        force_modifiers: Sequence[str] = (),
        qualifier_words: Sequence[str] = (),
        version: str = "",
    ) -> None:
        self.entries = dict(entries)
        self.countries = dict(countries)
        self.by_country_name = {f.name: f for f in self.countries.values()}
        self.force_nouns = {role: tuple(words) for role, words in (force_nouns or {}).items()}
        self.force_modifiers = frozenset(w.lower() for w in force_modifiers)
        self.qualifier_words = frozenset(w.lower() for w in qualifier_words)
        self.version = version
        self.index = PhraseIndex.build(self._phrases())
        self.force_index = {
            phrase_keys(phrase)[0]: role
            for role, words in self.force_nouns.items()
            for phrase in words
        }

    @classmethod
    def load(
        cls, settings: Settings | None = None, *, files: Sequence[Path] = ()
    ) -> ActorDictionary:
        """The bundled dictionary, then ``settings.actor_files``, then ``files``."""
        parts = DictionaryParts()
        add_document(parts, read_bundled(), "bundled actors.yaml")
        extra = (*(settings.actor_files if settings else ()), *files)
        for path in extra:
            add_document(parts, read_yaml(Path(path)), str(path))
        entries = finish(parts)
        return cls(
            entries,
            parts.countries,
            force_nouns=parts.force_nouns,
            force_modifiers=parts.force_modifiers,
            qualifier_words=parts.qualifier_words,
            version="; ".join(parts.versions),
        )

    def _phrases(self) -> Iterator[tuple[str, str, bool, bool]]:
        for entry in self.entries.values():
            description = entry.kind == "role"
            for alias in entry.aliases:
                yield entry.id, alias, False, description
            for acronym in entry.acronyms:
                yield entry.id, acronym, True, False
            if entry.kind in ("organisation", "source") or (
                entry.kind == "actor" and _plain_name(entry.name)
            ):
                yield entry.id, entry.name, False, False

    # ------------------------------------------------------------------ searching
    def scan(self, text: str) -> Scan:
        tokens = tokenize(text)
        return Scan(text, tokens, self.index.scan(tokens))

    def choose(self, ids: Sequence[str], country: str | None, when: date | None) -> ActorEntry:
        """The candidate that is active on ``when`` and belongs to ``country``, else the first.

        With no date, entries that ended (``active.until``) lose to open-ended ones: "Nusra
        Front" means HTS in reporting since 2017 unless the document says otherwise. With a date,
        an entry whose own active range covers it beats one with no range ("Taliban" in 2019 is
        the insurgency, not the state forces that share the alias).
        """
        candidates = [self.entries[i] for i in ids]

        def score(item: tuple[int, ActorEntry]) -> tuple[bool, bool, bool, int]:
            position, entry = item
            active = entry.active_on(when) if when else entry.active_until is None
            dated = entry.active_from is not None or entry.active_until is not None
            return active, bool(when) and dated, self._belongs(entry, country), -position

        return max(enumerate(candidates), key=score)[1]

    def _belongs(self, entry: ActorEntry, country: str | None) -> bool:
        return country is not None and (entry.country == country or country in entry.countries)

    # ------------------------------------------------------------------ resolving entries
    def root(self, entry: ActorEntry) -> ActorEntry:
        while entry.parent is not None:
            entry = self.entries[entry.parent]
        return entry

    def actor_country(self, entry: ActorEntry, country: str | None) -> str | None:
        """The actor's country; for per-country names ("Islamic State (Iraq)") the document's."""
        entry = self.root(entry) if entry.country is None and not entry.countries else entry
        if entry.countries:
            return country if country in entry.countries else entry.countries[0]
        return entry.country

    def actor_name(self, entry: ActorEntry, *, when: date | None, country: str | None) -> str:
        """The ACLED name for the document's date and country."""
        own = entry.name
        if "{period}" in own:
            own = own.replace("{period}", self._period(entry, when).label)
        if "{country}" in own:
            own = own.replace("{country}", self.actor_country(entry, country) or "")
        if entry.parent is None:
            return own
        return f"{self.actor_name(self.entries[entry.parent], when=when, country=country)} {own}"

    def _period(self, entry: ActorEntry, when: date | None) -> Period:
        periods = entry.periods or self.root(entry).periods
        if when is None:
            wanted = entry.default_period or self.root(entry).default_period
            chosen = [p for p in periods if p.label == wanted]
            return chosen[0] if chosen else periods[-1]
        for period in periods:
            if period.covers(when):
                return period
        return periods[0] if periods[0].start and when < periods[0].start else periods[-1]

    def inter(self, entry: ActorEntry, country: str | None) -> int:
        """ACLED inter code; a state's forces outside their own country are external (8)."""
        code = entry.inter
        walker = entry
        while code is None and walker.parent is not None:
            walker = self.entries[walker.parent]
            code = walker.inter
        code = code if code is not None else EXTERNAL_INTER
        own_country = self.actor_country(entry, country)
        if code == STATE_INTER and country and own_country and own_country != country:
            return EXTERNAL_INTER
        return code

    def government_of(self, name: str, where: str | None = None) -> str | None:
        """The state a claimant's name speaks for, or None: a government body ("the Pentagon",
        "Syria's Ministry of Defence": a country-less ministry takes the country named with it,
        else ``where`` the event happened) or the state's own forces ("the Iraqi Joint
        Operations Command")."""
        country: str | None = None
        speaks = False
        for match in self.scan(name).matches:
            entry = self.choose(match.ids, None, None)
            root = self.root(entry)
            if entry.kind in ("country", "demonym"):
                country = country or entry.country
            elif entry.government or (root.kind == "actor" and root.inter == STATE_INTER):
                speaks = True
                country = entry.country or root.country or country
            else:
                return None  # another party is named ("the UN's Syria envoy")
        return (country or where) if speaks else None

    def state_entry(self, country_name: str, role: str) -> ActorEntry | None:
        """The generated actor of ``role`` ("military", "police", "armed-group"…) of a country."""
        facts = self.by_country_name.get(country_name)
        return self.entries.get(f"{facts.code.lower()}.{role}") if facts else None


def _plain_name(name: str) -> bool:
    """Actor names usable as text ("Badr Organization"), unlike "HTS: Hayat Tahrir al Sham"."""
    return not any(mark in name for mark in ":({")


@lru_cache(maxsize=8)
def load_dictionary(settings: Settings | None = None) -> ActorDictionary:
    """``ActorDictionary.load`` once per settings (Settings is frozen and hashable)."""
    return ActorDictionary.load(settings)
