"""Shared context of the speaker patterns: the scanned text, sentences, names and organisations."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newstrace.actordict import ActorDictionary, Scan
from newstrace.actordict_match import DictMatch
from newstrace.actordict_tokens import sentence_starts
from newstrace.records import SpeakerMention
from newstrace.stages.actors.speakers_lexicon import (
    CAP_PHRASE,
    NOT_NAME_WORDS,
    ROLE_MODIFIERS,
    SOURCE_MODIFIERS,
    SPEECH,
    TITLE_SEQ,
    TITLE_WORD_SET,
)

# Dictionary kinds that can stand as a speaker's organisation ("Russian" → Russia).
ORG_KINDS = frozenset({"actor", "organisation", "source", "country", "demonym"})
CAP = re.compile(CAP_PHRASE)
# What may stand between a speaker and the verb: an aside in commas ("…, Major Ellen Marsh,
# told") or a short prepositional phrase ("the coalition against Islamic State denied").
SPEECH_AFTER = re.compile(
    r"\s*(?:,[^,.]{0,80},\s*|\s+(?:against|in|of|from|on|for)\s+(?:[\w’'-]+\s+){1,4}?)?"
    rf"(?:has\s+|had\s+|have\s+|also\s+)?{SPEECH}"
)
# A name right after one of these is an object ("the coalition against Islamic State"), not a
# speaker.
_OBJECT_PREPOSITIONS = frozenset("against of on with by from to at for about over in into".split())
_SPEECH_ANYWHERE = re.compile(rf"\b{SPEECH}")
_LEADING_TITLE = re.compile(rf"(?:{TITLE_SEQ})\s+")
_PLAIN_MODIFIERS = frozenset(w.lower() for w in (*ROLE_MODIFIERS, *SOURCE_MODIFIERS) if w.islower())


@dataclass(slots=True)
class Context:
    """A text scanned once, with dictionary matches by start and end offset and sentences."""

    text: str
    dictionary: ActorDictionary
    scan: Scan
    starts: dict[int, DictMatch]
    ends: dict[int, DictMatch]
    sentence_starts: list[int]

    @classmethod
    def of(cls, text: str, dictionary: ActorDictionary, scan: Scan | None = None) -> Context:
        scan = scan if scan is not None and scan.text == text else dictionary.scan(text)
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


def valid_name(ctx: Context, start: int, end: int) -> str | None:
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


def org_at(ctx: Context, pos: int) -> tuple[int, int] | None:
    """An organisation starting at ``pos``: a dictionary name, else a capitalised phrase."""
    match = ctx.starts.get(pos)
    if match is not None and ctx.kind(match) in ORG_KINDS:
        return pos, match.end
    cap = CAP.match(ctx.text, pos)
    return (pos, cap.end()) if cap and cap.group() else None


def org_before(ctx: Context, pos: int) -> tuple[int, int] | None:
    """An organisation ending at ``pos``: a dictionary name ("Pentagon"), else capitalised words."""
    match = ctx.ends.get(pos)
    if match is not None and ctx.kind(match) in ORG_KINDS:
        return match.start, match.end
    found = re.search(
        r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*$", ctx.text[max(0, pos - 80) : pos]
    )
    if found is None or found.group().split()[0] in NOT_NAME_WORDS:
        return None
    return pos - len(found.group()), pos


def person(
    ctx: Context, start: int, end: int, name: str, role: str | None, org: str | None
) -> SpeakerMention:
    return SpeakerMention(start, end, ctx.text[start:end], name, role, org, "person")


def title_before(ctx: Context, start: int) -> int:
    """Extend a name's start over a rank/title right before it ("Major General Yury Popov")."""
    found = re.search(rf"(?:{TITLE_SEQ})\s+$", ctx.text[max(0, start - 60) : start])
    return start - len(found.group()) if found else start


def org_name(ctx: Context, span: tuple[int, int] | None) -> str | None:
    """A demonym before a title names the state: "Russian Deputy Foreign Minister" → Russia."""
    if span is None:
        return None
    match = ctx.starts.get(span[0])
    if match is not None and match.end == span[1] and ctx.kind(match) == "demonym":
        return ctx.dictionary.entries[match.ids[0]].country
    return ctx.text[span[0] : span[1]]


def affiliation(modifiers: str | None) -> str | None:
    """ "Syrian security forces" in "a Syrian security forces source"; "senior", "Local" are not."""
    if modifiers is None:
        return None
    words = [w for w in modifiers.split() if w.lower() not in _PLAIN_MODIFIERS]
    return modifiers if words and any(ch.isupper() for ch in "".join(words)) else None


def is_object(ctx: Context, match: DictMatch) -> bool:
    """The dictionary name is governed by a preposition: "against Islamic State"."""
    if match.first == 0:
        return False
    return ctx.scan.tokens[match.first - 1].key in _OBJECT_PREPOSITIONS


def owner_start(ctx: Context, start: int) -> int:
    """Extend an organisation over its state: "Syria's Ministry of Defence", "Syrian ministry"."""
    for gap in (3, 1):  # "’s " then " "
        owner = ctx.ends.get(start - gap)
        if owner is not None and ctx.kind(owner) in ("country", "demonym"):
            between = ctx.text[owner.end : start]
            if between in ("'s ", "’s ", " "):
                return owner.start
    return start


def spoken_after(ctx: Context, end: int) -> bool:
    return SPEECH_AFTER.match(ctx.text, end) is not None
