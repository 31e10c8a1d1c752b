"""Claimants: read a claimant phrase (``attribution_phrases``) into a ``Party``.

A party is a person (name, rank or role, organisation), an organisation, an outlet (a medium),
an anonymous source ("a Syrian security forces source": role "source", organisation "Syrian
security forces"), or an anaphor ("he", "the source", "the statement", "the news outlet")
that the document context resolves later. Appositives join a name to its role
("Abu Khawla, the leader of the militia").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.records import Claimant
from newstrace.stages.attribution import lexicon as lex
from newstrace.stages.attribution.phrases import POSSESSIVE, trimmed

__all__ = ["Party", "pronoun_at", "read_party"]

_OWNER_LINKS = lex.words("of for from")
# How far back a lone surname looks for the full name: 20,000 characters is a long article
# (~3,300 words); further back it is another story in a digest, and the scan stays bounded.
_LOOK_BACK = 20_000
# Demonyms: "-an", "-ese", "-ish", "-ch" endings, and the "-i" ones listed ("Nikki" is a name).
_DEMONYM = re.compile(
    r"^(?:[A-Z][a-z]+(?:an|ese|ish|ch)|Iraqi|Israeli|Saudi|Kuwaiti|Yemeni|Pakistani|Omani|"
    r"Bahraini|Qatari|Emirati|Somali|Bangladeshi|Nepali|Azerbaijani|Afghani)$"
)


@dataclass(frozen=True, slots=True)
class Party:
    """A claimant as read from its phrase; ``anaphor`` names what context must resolve."""

    claimant: Claimant
    kind: str  # person | organisation | outlet | anonymous | anaphor
    # what context must resolve: "person", "organisation", "any", "medium", "statement",
    # "report" or "role:<noun>" ("the source")
    anaphor: str | None = None


def pronoun_at(text: str, start: int, end: int) -> Party | None:
    word = text[start:end]
    kind = lex.PRONOUNS.get(word.lower())
    if kind is None:
        return None
    return Party(Claimant(word, start=start, end=end), "anaphor", kind)


def read_party(text: str, start: int, end: int) -> Party:
    """Read a claimant phrase (possibly "Name, the role of Org") into a ``Party``."""
    phrase = text[start:end]
    if "," in phrase:
        return _appositive(text, start, end)
    party = _read(text, start, end)
    if party.kind == "person" and " " not in (party.claimant.speaker or " "):
        return _surname(text, party)
    return party


def _surname(text: str, party: Party) -> Party:
    """A lone name: a person named in full earlier ("Nikki Haley" … "Haley said"), else a
    body ("Hamas said", "Moscow said"): first mentions of people carry a first name."""
    c = party.claimant
    word = c.speaker or ""
    before = text[max(0, c.start - _LOOK_BACK) : c.start] if c.start is not None else ""
    full = re.findall(rf"\b([A-Z][a-z’'-]+)\s+{re.escape(word)}\b", before)
    given = [w for w in full if w not in lex.RANKS_TITLES and w not in lex.NOT_CLAIMANT_LEAD]
    if given and not _DEMONYM.match(given[-1]):
        named = Claimant(
            c.text, f"{given[-1]} {word}", c.role, c.organisation, None, c.start, c.end
        )
        return Party(named, "person")
    body = Claimant(c.text, None, c.role, word, None, c.start, c.end)
    return Party(body, "organisation")


def _appositive(text: str, start: int, end: int) -> Party:
    cut = text.index(",", start, end)
    first = _read(text, start, cut)
    rest = trimmed(text, cut + 1, end)
    second = _read(text, *rest) if rest else first
    person, role = (first, second) if first.kind == "person" else (second, first)
    if person.kind != "person":
        return first
    c, r = person.claimant, role.claimant
    merged = Claimant(
        text[start:end], c.speaker, r.role or c.role, c.organisation or r.organisation,
        start=start, end=end,
    )  # fmt: skip
    return Party(merged, "person")


def _read(text: str, start: int, end: int) -> Party:
    words = text[start:end].split()
    core = words[1:] if words and words[0].lower() in lex.DETERMINERS else words
    anaphor = _anaphor(words, core)
    if anaphor is not None:
        return Party(Claimant(text[start:end], start=start, end=end), "anaphor", anaphor)
    found = _with_role(core) or _capitalised(core)
    kind, speaker, role, org, medium = found
    claimant = Claimant(text[start:end], speaker, role, org, medium, start, end)
    if kind == "outlet" and medium is not None:
        claimant = Claimant(medium, None, None, None, medium, start, end)
    return Party(claimant, kind)


def _anaphor(words: list[str], core: list[str]) -> str | None:
    """ "the source", "the statement", "the news outlet": definite phrases with no name."""
    if len(words) == 1 and words[0].lower() in lex.PRONOUNS:
        return lex.PRONOUNS[words[0].lower()]
    if not words or words[0].lower() not in {"the", "this", "that"}:
        return None
    if not core or any(w[:1].isupper() or POSSESSIVE.search(w) for w in core):
        return None
    head = core[-1].lower()
    # "the source", "the news outlet": a head with at most "news" before it; "the district
    # governor" is a first mention, not a reference back.
    if len(core) > 2 or (len(core) == 2 and core[0].lower() != "news"):
        return None
    if head in lex.DOCUMENT_NOUNS:
        return "statement" if head.startswith("statement") else "report"
    if head in lex.MEDIA_NOUNS:
        return "medium"
    return f"role:{head}" if head in lex.ROLE_NOUNS else None


_Fields = tuple[str, str | None, str | None, str | None, str | None]


def _with_role(core: list[str]) -> _Fields | None:
    """A phrase with a lower-case role, document or media noun in it."""
    lowered = [w.lower().strip(".,") for w in core]
    docs = [i for i, w in enumerate(lowered) if w in lex.DOCUMENT_NOUNS and core[i].islower()]
    if docs and docs[-1] == len(core) - 1 and docs[-1] > 0:
        owner = core[: docs[-1]]  # "the ministry's statement": the possessor speaks
        return _with_role(owner) or _capitalised(owner)
    head = _head(core, lowered)
    if head is None:
        return None
    tail, before = core[head + 1 :], core[:head]
    if tail and tail[0].lower() in _OWNER_LINKS:
        org = " ".join(w for w in tail[1:] if w.lower() not in {"the", "a", "an"})
        return _role_fields(core[head], before, org or None)
    if tail and all(w[:1].isupper() for w in tail):
        if lowered[head] in lex.MEDIA_NOUNS:  # "news outlet Hammurabi's Justice News"
            return "outlet", None, None, None, " ".join(tail)
        name = _capitalised(tail)  # "spokesman Kino Gabriel"
        return name[0], name[1], " ".join([*before, core[head]]), name[3], None
    if not tail and _is_medium(lowered[head], lowered[:head]):
        medium = " ".join(w for w in core if w.lower() not in lex.DETERMINERS)
        return "outlet", None, None, None, medium  # "local media", "the state-run agency"
    return _role_fields(core[head], before, None)


def _head(core: list[str], lowered: list[str]) -> int | None:
    """The role or media noun that heads the phrase; "officer of the border guard": the noun
    before "of", not the body after it."""
    heads = [
        i for i, w in enumerate(lowered)
        if w in lex.ROLE_NOUNS | lex.MEDIA_NOUNS and _as_head(core, i)
    ]  # fmt: skip
    if not heads:
        return None
    linked = [i for i in heads if i + 1 < len(core) and core[i + 1].lower() in _OWNER_LINKS]
    return linked[0] if linked else heads[-1]


def _is_medium(head: str, before: list[str]) -> bool:
    """A media noun heads the phrase; "agency" only as a news agency, not an intelligence one."""
    if head not in lex.MEDIA_NOUNS:
        return False
    return head != "agency" or bool(
        {"news", "press", "state-run", "state", "official"} & set(before)
    )


def _role_fields(noun: str, before: list[str], org: str | None) -> _Fields:
    """An anonymous role: premodifiers naming a body become the organisation."""
    owned = [i for i, w in enumerate(before) if POSSESSIVE.search(w)]
    if owned:  # "the ministry's spokesman", "Austria's interior minister"
        cut = owned[-1]
        owner = [w for w in before[:cut] if w.lower() not in lex.DETERMINERS]
        owner_name = " ".join([*owner, POSSESSIVE.sub("", before[cut])])
        role = " ".join([*before[cut + 1 :], noun])
        return "anonymous", None, role, org or owner_name, None
    last = before[-1].lower() if before else ""
    # "Security sources" at a sentence start is a modifier, not a body named "Security".
    capitalised = bool(before) and before[-1][:1].isupper() and last not in lex.NP_LOWER
    # "security forces source" names a body; "military source" is a kind of source.
    names_body = (last in lex.ORG_NOUNS and last not in lex.NP_LOWER) or capitalised
    if org is None and names_body and not _DEMONYM.match(before[-1]):
        kept = [w for w in before if w.lower() not in lex.DETERMINERS]
        return "anonymous", None, noun, " ".join(kept), None
    role = " ".join(w for w in [*before, noun] if w.lower() not in lex.DETERMINERS)
    return "anonymous", None, role, org, None


def _capitalised(core: list[str]) -> _Fields:
    """An all-capitalised name: an outlet, an organisation or a person (titles stripped)."""
    name = " ".join(core).strip(" ,")
    bare = [POSSESSIVE.sub("", w) for w in core]
    if set(bare) & lex.MEDIA_WORDS or set(bare) & lex.KNOWN_OUTLETS:
        return "outlet", None, None, None, POSSESSIVE.sub("", name)
    states_only = all(w in lex.STATES or w in {"and", "&"} for w in bare)
    if states_only or any(w.lower() in lex.ORG_NOUNS for w in bare):
        return "organisation", None, None, POSSESSIVE.sub("", name), None
    titles = 0
    while titles < len(core) - 1 and core[titles] in lex.RANKS_TITLES:
        titles += 1
    person = core[titles:]
    if len(person) == 1 and titles == 0 and _is_body(person[0]):
        return "organisation", None, None, name, None  # "SDF", a demonym
    role = " ".join(core[:titles]) or None
    return "person", " ".join(person), role, None, None


def _is_body(word: str) -> bool:
    """A lone capitalised word that names a body, not a person: an acronym or a demonym."""
    return word.isupper() or word in lex.STATES or _DEMONYM.match(word) is not None


def _as_head(core: list[str], i: int) -> bool:
    """Lower-case role nouns, or a capitalised first one with nothing capitalised after it
    ("Residents said"); "General Arkady Volkov", "the General Command", "Mill Town Daily"
    are names."""
    if core[i][:1].islower():
        return True
    rest_lower = not any(w[:1].isupper() for w in core[i + 1 :])
    return i == 0 and rest_lower and core[i].lower() in lex.ROLE_NOUNS
