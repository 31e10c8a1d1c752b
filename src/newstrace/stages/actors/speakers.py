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
from collections.abc import Iterator

from newstrace.actordict import ActorDictionary, Scan
from newstrace.records import SpeakerMention
from newstrace.stages.actors.speakers_context import (
    CAP,
    ORG_KINDS,
    Context,
    affiliation,
    is_object,
    org_at,
    org_before,
    org_name,
    owner_start,
    person,
    spoken_after,
    title_before,
    valid_name,
)
from newstrace.stages.actors.speakers_lexicon import (
    ARABIC_NAME,
    GENERIC_ORG_TAILS,
    HONORIFIC,
    MEDIA_WORDS,
    NAME,
    NON_PERSON_HEADS,
    OFFICE,
    PLURAL_SOURCES,
    RANK,
    ROLE,
    SOURCE_MODIFIERS,
    SPEECH,
    SURNAME,
    TITLE_SEQ,
)

__all__ = ["find_person_names", "find_speakers", "rank_of"]

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
_DETERMINER = r"(?P<det>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Tt]he)"
_ANONYMOUS = re.compile(
    rf"\b{_DETERMINER}[ ]+(?P<mod>(?:{_MOD_WORD}[ ]+){{0,4}}?)(?P<role>{ROLE})\b"
)
_SOURCE_MODIFIER = rf"(?:[A-Z][\w’'-]*|[a-z]+-[\w’'-]+|{'|'.join(SOURCE_MODIFIERS)})"
_PLURAL = re.compile(
    rf"(?<![\w-])(?P<mod>(?:{_SOURCE_MODIFIER}[ ]+){{0,3}})(?P<role>{'|'.join(PLURAL_SOURCES)})\b"
)
_ACCORDING_BEFORE = re.compile(
    r"(?:according\s+to|quoting|cited|citing)\s+(?:the\s+)?$", re.IGNORECASE
)
_OUTLET_CUE = re.compile(
    r"\b(?:told|according\s+to|quoted\s+by|reported\s+by|interview\s+with|speaking\s+to|"
    r"news\s+(?:outlet|agency|site|website)|newspaper|daily|channel|broadcaster)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_COMMA = re.compile(r",\s+")
_RANK_PREFIX = re.compile(rf"^(?:{RANK})\b")
_TAIL = re.compile(rf"\s+(?:{'|'.join(GENERIC_ORG_TAILS)})\b")


def find_speakers(
    text: str, dictionary: ActorDictionary, *, scan: Scan | None = None
) -> list[SpeakerMention]:
    """Speakers in ``text`` with character offsets, in text order, overlaps resolved.

    ``scan`` is ``dictionary.scan(text)`` when the caller already has it (as for find_actors).
    """
    ctx = Context.of(text, dictionary, scan)
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
    found.extend(_role_comma_name(ctx, found))
    return _without_overlaps(found)


def _role_comma_name(ctx: Context, found: list[SpeakerMention]) -> Iterator[SpeakerMention]:
    """ "a coalition spokesperson, Major Ellen Marsh, told…" is one speaker: the anonymous role
    phrase gives role and organisation, the person mention the name (longer, so it wins)."""
    people = {m.start: m for m in found if m.kind == "person" and m.name}
    for mention in found:
        gap = _COMMA.match(ctx.text, mention.end) if mention.kind == "anonymous" else None
        named = people.get(gap.end()) if gap else None
        if named is not None:
            org = mention.organisation or named.organisation
            text = ctx.text[mention.start : named.end]
            yield SpeakerMention(mention.start, named.end, text, named.name, mention.role, org)


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
    ctx = Context.of(text, dictionary)
    speakers = find_speakers(text, dictionary, scan=ctx.scan)
    spans = {(m.start, m.end, m.name) for m in speakers if m.name}
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


def _appositive_names(ctx: Context) -> Iterator[tuple[int, int, str]]:
    """ "Abu Musab al-Zarqawi, the leader of…" whether or not anyone speaks."""
    for match in _APPOSITIVE.finditer(ctx.text):
        name = valid_name(ctx, match.start("name"), match.end("name"))
        if name:
            yield match.start("name"), match.end("name"), name


def _surname_repeats(text: str, names: set[str]) -> Iterator[tuple[int, int, str]]:
    """A person named in full is later called by surname alone ("Votel", "Mr Hammond")."""
    surnames = {n.split()[-1] for n in names if " " in n and not n.split()[-1].startswith("al-")}
    for surname in surnames:
        for found in re.finditer(rf"\b{re.escape(surname)}\b", text):
            yield found.start(), found.end(), surname


def _arabic_names(ctx: Context) -> Iterator[tuple[int, int, str]]:
    for match in _ARABIC.finditer(ctx.text):
        name = valid_name(ctx, match.start(), match.end())
        if name and name.split()[0] not in NON_PERSON_HEADS:
            yield match.start(), match.end(), name


# ---------------------------------------------------------------- patterns
def _appositives(ctx: Context) -> Iterator[SpeakerMention]:
    for match in _APPOSITIVE.finditer(ctx.text):
        name = valid_name(ctx, match.start("name"), match.end("name"))
        if name is None or not ctx.speech_in_sentence(match.start(), match.end()):
            continue
        end, org = match.end("role"), None
        if match.group("prep"):
            span = org_at(ctx, match.end("role") + len(match.group("prep")))
            if span is not None:
                org, end = ctx.text[span[0] : span[1]], span[1]
                tail = _TAIL.match(ctx.text, end)
                end = tail.end() if tail else end
        yield person(ctx, title_before(ctx, match.start()), end, name, match.group("role"), org)


def _role_then_name(ctx: Context) -> Iterator[SpeakerMention]:
    for match in ctx.scan.matches:
        if ctx.kind(match) not in ORG_KINDS:
            continue
        found = _ROLE_THEN_NAME.match(ctx.text, match.end)
        if found is None:
            continue
        name = valid_name(ctx, found.start("name"), found.end("name"))
        if name and ctx.speech_in_sentence(match.start, found.end()):
            org = org_name(ctx, (match.start, match.end))
            yield person(ctx, match.start, found.end(), name, _role(found), org)


def _role(found: re.Match[str]) -> str:
    """ "spokesman" stays; a civil title after the role joins it; a rank stays in the text."""
    role, title = found.group("role"), found.group("title")
    if title and not _RANK_PREFIX.match(title):
        return f"{role} {title}"
    return role


def _titled_names(ctx: Context) -> Iterator[tuple[re.Match[str], str, str]]:
    """(match, name, title) for "Title Given Surname" and "Honorific Surname"."""
    for match in _TITLED.finditer(ctx.text):
        group = "name" if match.group("name") else "surname"
        name = valid_name(ctx, match.start(group), match.end(group))
        if name is not None:
            yield match, name, match.group("title") or match.group("honorific")


def _titled(ctx: Context) -> Iterator[SpeakerMention]:
    for match, name, title in _titled_names(ctx):
        if not ctx.speech_in_sentence(match.start(), match.end()):
            continue
        before = ctx.text[match.start() - 1 : match.start()] == " "
        org_span = org_before(ctx, match.start() - 1) if before else None
        start = org_span[0] if org_span else match.start()
        yield person(ctx, start, match.end(), name, title, org_name(ctx, org_span))


def _named_speakers(ctx: Context, surnames: set[str]) -> Iterator[SpeakerMention]:
    """ "Nikki Haley said"; a lone surname only when the text named the person in full before."""
    for match in _NAME_SPEAKS.finditer(ctx.text):
        name = valid_name(ctx, match.start("name"), match.end("name"))
        if name is None or (" " not in name and name not in surnames):
            continue
        yield person(ctx, match.start("name"), match.end("name"), name, None, None)


def _offices(ctx: Context) -> Iterator[SpeakerMention]:
    """ "The Foreign Secretary said": a person known by office only (name None)."""
    for match in _OFFICE_ONLY.finditer(ctx.text):
        if spoken_after(ctx, match.end()) and not ctx.covered(match.start(), match.end()):
            office = match.group().split(None, 1)[1]
            yield SpeakerMention(
                match.start(), match.end(), match.group(), None, office, None, "person"
            )


def _anonymous(ctx: Context) -> Iterator[SpeakerMention]:
    for match in (*_ANONYMOUS.finditer(ctx.text), *_PLURAL.finditer(ctx.text)):
        end = match.end()
        org = match.group("mod").strip() or None
        prep = re.match(_PREP, ctx.text[end:])
        if prep is not None and prep.group().strip():
            span = org_at(ctx, end + prep.end())
            if span is not None:
                org, end = ctx.text[span[0] : span[1]], span[1]
        before = ctx.text[max(0, match.start() - 40) : match.start()]
        if not (spoken_after(ctx, end) or _ACCORDING_BEFORE.search(before)):
            continue
        org = affiliation(org)
        yield SpeakerMention(
            match.start(),
            end,
            ctx.text[match.start() : end],
            None,
            match.group("role"),
            org,
            "anonymous",
        )


def _organisations(ctx: Context) -> Iterator[SpeakerMention]:
    for match in ctx.scan.matches:
        entry = ctx.dictionary.entries[match.ids[0]]
        if entry.kind not in ("actor", "organisation", "source", "country"):
            continue
        according = _ACCORDING_BEFORE.search(ctx.text[max(0, match.start - 40) : match.start])
        if not according and (is_object(ctx, match) or not spoken_after(ctx, match.end)):
            continue
        kind = "outlet" if entry.source_type == "outlet" else "organisation"
        if entry.source_type == "generic":
            kind = "anonymous"
        start = owner_start(ctx, match.start) if entry.kind == "organisation" else match.start
        text = ctx.text[start : match.end]
        role = text if kind == "anonymous" else None
        org = None if kind == "anonymous" else text
        yield SpeakerMention(start, match.end, text, None, role, org, kind)


def _outlets(ctx: Context) -> Iterator[SpeakerMention]:
    for cue in _OUTLET_CUE.finditer(ctx.text):
        pos = cue.end()
        match = ctx.starts.get(pos)
        if match is not None:
            entry = ctx.dictionary.entries[match.ids[0]]
            if entry.source_type == "outlet":
                name = ctx.text[match.start : match.end]
                yield SpeakerMention(match.start, match.end, name, None, None, name, "outlet")
            continue
        cap = CAP.match(ctx.text, pos)
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
