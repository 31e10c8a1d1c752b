"""Speaker recognition: who says so — people, organisations, outlets, anonymous sources.

Patterns over text, helped by the actor dictionary for organisation and outlet names:

- name with appositive: "Major General Yury Popov, deputy chief of the Russian Center for
  Reconciliation in Syria, said" → name, role "deputy chief", organisation;
- organisation's role, name: "Russian Defense Ministry's spokesman, Major General Igor
  Konashenkov" and "SDF spokesman Kino Gabriel";
- title before name: "Russian Deputy Foreign Minister Sergei Ryabkov" (role = the title);
- anonymous: "An officer of the US-led coalition told…", "a Syrian security forces source said";
- organisations and outlets: "the Pentagon released a statement", "told Sputnik",
  "according to Hammurabi's Justice News" (kind "outlet").

People need a speech verb in their sentence (or "according to" before them); names are
capitalised words that no dictionary entry covers. Ranks stay in ``text``; see ``rank_of``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from newstrace.actordict import ActorDictionary, Scan
from newstrace.actordict_match import DictMatch
from newstrace.actordict_tokens import sentence_starts
from newstrace.records import SpeakerMention
from newstrace.stages.speakers_lexicon import (
    ARABIC_NAME,
    CAP_PHRASE,
    GENERIC_ORG_TAILS,
    HONORIFIC,
    MEDIA_WORDS,
    NAME,
    NON_PERSON_HEADS,
    NOT_NAME_WORDS,
    OFFICE,
    PLURAL_SOURCES,
    RANK,
    ROLE,
    ROLE_MODIFIERS,
    SOURCE_MODIFIERS,
    SPEECH,
    SURNAME,
    TITLE_SEQ,
    TITLE_WORD_SET,
)

__all__ = ["find_person_names", "find_speakers", "rank_of"]

_ORG_KINDS = frozenset({"actor", "organisation", "source", "country", "demonym"})
_ARTICLE = r"(?:(?:the|a|an)\s+)?"
_PREP = r"\s+(?:of|for|at|in|with|from|within)\s+(?:the\s+)?"
_APPOSITIVE = re.compile(rf"(?P<name>{NAME}),\s+{_ARTICLE}(?P<role>{ROLE})(?=(?P<prep>{_PREP})?)")
_ROLE_THEN_NAME = re.compile(
    rf"(?:['’]s)?\s+(?P<role>{ROLE}),?\s+(?:(?P<title>{TITLE_SEQ})\s+)?(?P<name>{NAME})"
)
_TITLED = re.compile(
    rf"\b(?P<title>{TITLE_SEQ})(?:\s+(?:to|for|of)\s+(?:the\s+)?[A-Z][\w.]*)?,?\s+(?P<name>{NAME})\b"
    rf"|\b(?P<honorific>{HONORIFIC})\s+(?P<surname>{SURNAME})\b"
)
_OFFICE_ONLY = re.compile(
    rf"\b(?:[Tt]he|[Aa])\s+(?:(?:{TITLE_SEQ}|[A-Z][\w.-]*)\s+){{0,3}}?(?P<office>{OFFICE})\b(?!\s+[A-Z])"
)
_ARABIC = re.compile(rf"\b{ARABIC_NAME}\b")
# "Nikki Haley said", "Haley told": a name right before a speech verb.
_NAME_SPEAKS = re.compile(rf"\b(?P<name>{NAME}|{SURNAME})(?=\s+(?:has\s+|had\s+|also\s+)?{SPEECH})")
# A modifier word: "Syrian", "U.S.", "U.S.-led", "security" — never an article ("the raid failed.
# A senior official" is two sentences, not one speaker).
_MOD_WORD = r"(?!(?:[Aa]n?|[Tt]he)\b)(?:(?:[A-Z]\.)+(?:-[\w’']+)?|[\w’'-]+)"
_ANONYMOUS = re.compile(
    rf"\b(?P<det>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Tt]he)[ ]+(?P<mod>(?:{_MOD_WORD}[ ]+){{0,4}}?)(?P<role>{ROLE})\b"
)
_PLURAL = re.compile(
    rf"(?<![\w-])(?P<mod>(?:(?:[A-Z][\w’'-]*|[a-z]+-[\w’'-]+|{'|'.join(SOURCE_MODIFIERS)})[ ]+){{0,3}})"
    rf"(?P<role>{'|'.join(PLURAL_SOURCES)})\b"
)
_SPEECH_AFTER = re.compile(rf"\s*(?:,[^,.]{{0,80}},\s*)?(?:has\s+|had\s+|have\s+|also\s+)?{SPEECH}")
_ACCORDING_BEFORE = re.compile(
    r"(?:according\s+to|quoting|cited|citing)\s+(?:the\s+)?$", re.IGNORECASE
)
_OUTLET_CUE = re.compile(
    r"\b(?:told|according\s+to|quoted\s+by|reported\s+by|interview\s+with|speaking\s+to|"
    r"news\s+(?:outlet|agency|site|website)|newspaper|daily|channel|broadcaster)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_CAP = re.compile(CAP_PHRASE)
_RANK_PREFIX = re.compile(rf"^(?:{RANK})\b")
_TAIL = re.compile(rf"\s+(?:{'|'.join(GENERIC_ORG_TAILS)})\b")
_PLAIN_MODIFIERS = frozenset(w.lower() for w in (*ROLE_MODIFIERS, *SOURCE_MODIFIERS) if w.islower())
_SPEECH_ANYWHERE = re.compile(rf"\b{SPEECH}")
_LEADING_TITLE = re.compile(rf"(?:{TITLE_SEQ})\s+")


@dataclass(slots=True)
class _Context:
    text: str
    dictionary: ActorDictionary
    scan: Scan
    starts: dict[int, DictMatch]
    ends: dict[int, DictMatch]
    sentence_starts: list[int]

    @classmethod
    def of(cls, text: str, dictionary: ActorDictionary) -> _Context:
        scan = dictionary.scan(text)
        starts = {m.start: m for m in scan.matches}
        ends = {m.end: m for m in scan.matches}
        return cls(text, dictionary, scan, starts, ends, sentence_starts(text))

    def kind(self, match: DictMatch) -> str:
        return self.dictionary.entries[match.ids[0]].kind

    def covered(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.scan.matches)

    def sentence(self, start: int, end: int) -> str:
        first = bisect_right(self.sentence_starts, start) - 1
        last = bisect_right(self.sentence_starts, end)
        stop = self.sentence_starts[last] if last < len(self.sentence_starts) else len(self.text)
        return self.text[self.sentence_starts[first] : stop]

    def speech_in_sentence(self, start: int, end: int) -> bool:
        """A speech verb or a quotation in the sentence(s) holding the span."""
        sentence = self.sentence(start, end)
        return _SPEECH_ANYWHERE.search(sentence) is not None or any(q in sentence for q in '"“')


def find_speakers(text: str, dictionary: ActorDictionary) -> list[SpeakerMention]:
    """Speakers in ``text`` with character offsets, in text order, overlaps resolved."""
    ctx = _Context.of(text, dictionary)
    found = [
        *_appositives(ctx),
        *_role_then_name(ctx),
        *_titled(ctx),
        *_anonymous(ctx),
        *_organisations(ctx),
        *_outlets(ctx),
        *_offices(ctx),
    ]
    surnames = {m.name.split()[-1] for m in found if m.name}
    found.extend(_named_speakers(ctx, surnames))
    return _without_overlaps(found)


def rank_of(mention: SpeakerMention) -> str | None:
    """The military rank written in a person mention ("Major General"), if any."""
    text = mention.text
    if mention.name and mention.name in text:
        before = text[: text.index(mention.name)].strip(" ,")
        found = re.search(rf"(?:{RANK})$", before)
        return found.group() if found else None
    return None


def find_person_names(text: str, dictionary: ActorDictionary) -> list[tuple[int, int, str]]:
    """(start, end, name) of people named with a title or as speakers, spoken or not."""
    ctx = _Context.of(text, dictionary)
    spans = {(m.start, m.end, m.name) for m in find_speakers(text, dictionary) if m.name}
    spans |= {(m.start(), m.end(), name) for m, name, _ in _titled_names(ctx)}
    spans |= set(_appositive_names(ctx))
    spans |= set(_surname_repeats(text, {n for _, _, n in spans}))
    spans |= set(_arabic_names(ctx))
    # "the Foreign Secretary": an office standing for its holder.
    spans |= {
        (m.start(), m.end(), m.group())
        for m in _OFFICE_ONLY.finditer(text)
        if not ctx.covered(m.start(), m.end())
    }
    return sorted(spans)


def _appositive_names(ctx: _Context) -> Iterator[tuple[int, int, str]]:
    """ "Abu Musab al-Zarqawi, the leader of…" whether or not anyone speaks."""
    for match in _APPOSITIVE.finditer(ctx.text):
        name = _valid_name(ctx, match.start("name"), match.end("name"))
        if name:
            yield match.start("name"), match.end("name"), name


def _surname_repeats(text: str, names: set[str]) -> Iterator[tuple[int, int, str]]:
    """A person named in full is later called by surname alone ("Votel", "Mr Hammond")."""
    surnames = {n.split()[-1] for n in names if " " in n and not n.split()[-1].startswith("al-")}
    for surname in surnames:
        for found in re.finditer(rf"\b{re.escape(surname)}\b", text):
            yield found.start(), found.end(), surname


def _arabic_names(ctx: _Context) -> Iterator[tuple[int, int, str]]:
    for match in _ARABIC.finditer(ctx.text):
        name = _valid_name(ctx, match.start(), match.end())
        if name and name.split()[0] not in NON_PERSON_HEADS:
            yield match.start(), match.end(), name


# ---------------------------------------------------------------- names and organisations
def _valid_name(ctx: _Context, start: int, end: int) -> str | None:
    """The name without leading titles ("Major General Yury Popov" → "Yury Popov"), or None."""
    title = _LEADING_TITLE.match(ctx.text, start, end)
    start = title.end() if title else start
    name = ctx.text[start:end]
    words = name.split()
    if not words or ctx.covered(start, end) or any(_not_name(w) for w in words):
        return None
    return name


def _not_name(word: str) -> bool:
    word = word.strip(",")
    return (
        word in NOT_NAME_WORDS
        or word.lower().rstrip("s") in TITLE_WORD_SET
        or word.lower() in TITLE_WORD_SET
    )


def _org_at(ctx: _Context, pos: int) -> tuple[int, int] | None:
    """An organisation starting at ``pos``: a dictionary name, else a capitalised phrase."""
    match = ctx.starts.get(pos)
    if match is not None and ctx.kind(match) in _ORG_KINDS:
        return pos, match.end
    cap = _CAP.match(ctx.text, pos)
    return (pos, cap.end()) if cap and cap.group() else None


def _org_before(ctx: _Context, pos: int) -> tuple[int, int] | None:
    """An organisation ending at ``pos``: a dictionary name ("Pentagon"), else capitalised words."""
    match = ctx.ends.get(pos)
    if match is not None and ctx.kind(match) in _ORG_KINDS:
        return match.start, match.end
    found = re.search(
        r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*$", ctx.text[max(0, pos - 80) : pos]
    )
    if found is None or found.group().split()[0] in NOT_NAME_WORDS:
        return None
    return pos - len(found.group()), pos


def _person(
    ctx: _Context, start: int, end: int, name: str, role: str | None, org: str | None
) -> SpeakerMention:
    return SpeakerMention(start, end, ctx.text[start:end], name, role, org, "person")


def _title_before(ctx: _Context, start: int) -> int:
    """Extend a name's start over a rank/title right before it ("Major General Yury Popov")."""
    found = re.search(rf"(?:{TITLE_SEQ})\s+$", ctx.text[max(0, start - 60) : start])
    return start - len(found.group()) if found else start


# ---------------------------------------------------------------- patterns
def _appositives(ctx: _Context) -> Iterator[SpeakerMention]:
    for match in _APPOSITIVE.finditer(ctx.text):
        name = _valid_name(ctx, match.start("name"), match.end("name"))
        if name is None or not ctx.speech_in_sentence(match.start(), match.end()):
            continue
        end, org = match.end("role"), None
        if match.group("prep"):
            span = _org_at(ctx, match.end("role") + len(match.group("prep")))
            if span is not None:
                org, end = ctx.text[span[0] : span[1]], span[1]
                tail = _TAIL.match(ctx.text, end)
                end = tail.end() if tail else end
        yield _person(ctx, _title_before(ctx, match.start()), end, name, match.group("role"), org)


def _role_then_name(ctx: _Context) -> Iterator[SpeakerMention]:
    for match in ctx.scan.matches:
        if ctx.kind(match) not in _ORG_KINDS:
            continue
        found = _ROLE_THEN_NAME.match(ctx.text, match.end)
        if found is None:
            continue
        name = _valid_name(ctx, found.start("name"), found.end("name"))
        if name and ctx.speech_in_sentence(match.start, found.end()):
            org = _org_name(ctx, (match.start, match.end))
            yield _person(ctx, match.start, found.end(), name, _role(found), org)


def _role(found: re.Match[str]) -> str:
    """ "spokesman" stays; a civil title after the role joins it; a rank stays in the text."""
    role, title = found.group("role"), found.group("title")
    if title and not _RANK_PREFIX.match(title):
        return f"{role} {title}"
    return role


def _titled_names(ctx: _Context) -> Iterator[tuple[re.Match[str], str, str]]:
    """(match, name, title) for "Title Given Surname" and "Honorific Surname"."""
    for match in _TITLED.finditer(ctx.text):
        group = "name" if match.group("name") else "surname"
        name = _valid_name(ctx, match.start(group), match.end(group))
        if name is not None:
            yield match, name, match.group("title") or match.group("honorific")


def _titled(ctx: _Context) -> Iterator[SpeakerMention]:
    for match, name, title in _titled_names(ctx):
        if not ctx.speech_in_sentence(match.start(), match.end()):
            continue
        before = ctx.text[match.start() - 1 : match.start()] == " "
        org_span = _org_before(ctx, match.start() - 1) if before else None
        start = org_span[0] if org_span else match.start()
        yield _person(ctx, start, match.end(), name, title, _org_name(ctx, org_span))


def _named_speakers(ctx: _Context, surnames: set[str]) -> Iterator[SpeakerMention]:
    """ "Nikki Haley said"; a lone surname only when the text named the person in full before."""
    for match in _NAME_SPEAKS.finditer(ctx.text):
        name = _valid_name(ctx, match.start("name"), match.end("name"))
        if name is None or (" " not in name and name not in surnames):
            continue
        yield _person(ctx, match.start("name"), match.end("name"), name, None, None)


def _offices(ctx: _Context) -> Iterator[SpeakerMention]:
    """ "The Foreign Secretary said": a person known by office only (name None)."""
    for match in _OFFICE_ONLY.finditer(ctx.text):
        if _spoken_after(ctx, match.end()) and not ctx.covered(match.start(), match.end()):
            office = match.group().split(None, 1)[1]
            yield SpeakerMention(
                match.start(), match.end(), match.group(), None, office, None, "person"
            )


def _org_name(ctx: _Context, span: tuple[int, int] | None) -> str | None:
    """A demonym before a title names the state: "Russian Deputy Foreign Minister" → Russia."""
    if span is None:
        return None
    match = ctx.starts.get(span[0])
    if match is not None and match.end == span[1] and ctx.kind(match) == "demonym":
        return ctx.dictionary.entries[match.ids[0]].country
    return ctx.text[span[0] : span[1]]


def _anonymous(ctx: _Context) -> Iterator[SpeakerMention]:
    for match in (*_ANONYMOUS.finditer(ctx.text), *_PLURAL.finditer(ctx.text)):
        end = match.end()
        org = match.group("mod").strip() or None
        prep = re.match(_PREP, ctx.text[end:])
        if prep is not None and prep.group().strip():
            span = _org_at(ctx, end + prep.end())
            if span is not None:
                org, end = ctx.text[span[0] : span[1]], span[1]
        if not (_spoken_after(ctx, end) or _ACCORDING_BEFORE.search(ctx.text[: match.start()])):
            continue
        org = _affiliation(org)
        yield SpeakerMention(
            match.start(),
            end,
            ctx.text[match.start() : end],
            None,
            match.group("role"),
            org,
            "anonymous",
        )


def _affiliation(modifiers: str | None) -> str | None:
    """ "Syrian security forces" in "a Syrian security forces source"; "senior", "Local" are not."""
    if modifiers is None:
        return None
    words = [w for w in modifiers.split() if w.lower() not in _PLAIN_MODIFIERS]
    return modifiers if words and any(ch.isupper() for ch in "".join(words)) else None


def _spoken_after(ctx: _Context, end: int) -> bool:
    return _SPEECH_AFTER.match(ctx.text, end) is not None


def _organisations(ctx: _Context) -> Iterator[SpeakerMention]:
    for match in ctx.scan.matches:
        entry = ctx.dictionary.entries[match.ids[0]]
        if entry.kind not in ("actor", "organisation", "source", "country"):
            continue
        according = _ACCORDING_BEFORE.search(ctx.text[max(0, match.start - 40) : match.start])
        if not (according or _spoken_after(ctx, match.end)):
            continue
        kind = "outlet" if entry.source_type == "outlet" else "organisation"
        if entry.source_type == "generic":
            kind = "anonymous"
        text = ctx.text[match.start : match.end]
        role = text if kind == "anonymous" else None
        org = None if kind == "anonymous" else text
        yield SpeakerMention(match.start, match.end, text, None, role, org, kind)


def _outlets(ctx: _Context) -> Iterator[SpeakerMention]:
    for cue in _OUTLET_CUE.finditer(ctx.text):
        pos = cue.end()
        match = ctx.starts.get(pos)
        if match is not None:
            entry = ctx.dictionary.entries[match.ids[0]]
            if entry.source_type == "outlet":
                name = ctx.text[match.start : match.end]
                yield SpeakerMention(match.start, match.end, name, None, None, name, "outlet")
            continue
        cap = _CAP.match(ctx.text, pos)
        if cap is None or not (set(cap.group().split()) & MEDIA_WORDS):
            continue
        yield SpeakerMention(pos, cap.end(), cap.group(), None, None, cap.group(), "outlet")


def _without_overlaps(found: list[SpeakerMention]) -> list[SpeakerMention]:
    """Longest (then named) mention wins where two overlap."""
    kept: list[SpeakerMention] = []
    for mention in sorted(found, key=lambda m: (m.start - m.end, m.name is None)):
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
