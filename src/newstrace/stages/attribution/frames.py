"""Speech frames in one sentence: who says it, with which cue, and which words are the claim.

A frame is a cue ("said", "according to", "accused", "called the claim a lie") with its source
party, the parties it quotes ("quoting American officials") and the media that carried it
("told Sputnik"), and the content span whose certainty the cue governs. Cues inside quotation
marks belong to the quoted speaker and open no frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from newstrace.records import Certainty
from newstrace.stages.attribution import lexicon as lex
from newstrace.stages.attribution.claimants import Party, read_party
from newstrace.stages.attribution.phrases import phrase_after
from newstrace.stages.attribution.quotes import inside
from newstrace.stages.attribution.sources import QUOTING, source_before, verb_source

_VERB = re.compile(rf"\b(?:{lex.alternation(lex.SPEECH_VERBS)})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_CARRIED_BY = re.compile(r"\b(?:quoted|cited)\s+by\s+")
# "said in a statement read on state television": the channel relayed a source's words. Only
# attached to a speech frame already found; on its own ("the statement carried by the agency
# was short") it names no claim.
_RELAYED_BY = re.compile(
    r"\b(?:statement|communiqu[eé])\s+(?:read|broadcast|aired|carried|published|posted)\s+"
    r"(?:on|by|in)\s+"
)
_DENIAL = re.compile(
    r"\b(?:called(?:\s+out)?|described|branded|labell?ed|rejected|dismissed|denied|refuted|"
    r"disputed)\s+"
    r"(?:the\s+|these\s+|this\s+|such\s+)?(?P<owner>(?:[\w’'.-]+\s+){0,3}?)"
    r"(?:claims?|reports?|allegations?|accusations?)\b"
)
_NEGATED = re.compile(r"\b(?:nor|not|never)\s+$")
_RELEASED = re.compile(
    r"\b(?:released|issued|published|put\s+out)\s+(?:a|an)\s+(?:\w+\s+)?(?:statement|communiqu[eé])"
)
_INTENT = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+(?:to|that)\b")
_NOUN_BEFORE = lex.words("the a an these those such its their his her this our your")
_NOUN_AFTER = lex.words("is was are were has had of")
_QUOTED = re.compile(
    r"\b(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?:quoted|cited)\s+(?P<by>by\s+)?"
)
_AS_SAYING = re.compile(r"\s+as\s+(?:saying|stating|telling|warning|claiming)\b")
_REFUSAL = re.compile(lex.REFUSAL_OBJECT)
# ", after X said …" opens a clause of its own: the earlier claim the main one answers, not
# part of it (a denial "…, after the ministry said …" is the denier's alone).
_CONTRAST = re.compile(r",\s+(?:but|while|whereas|although|after|(?:days|hours)\s+after)\b|;")
_QUOTE_BEFORE = re.compile(r"[,.?!]?[”\"]\s*$")
_PASSIVE_BEFORE = lex.words("be been being is was are were")
_WORD = re.compile(r"[\w’'.-]+")
# Content shorter than this after the cue ("… reported on January 4.") is a time or place
# phrase, so the claim is the clause before the source; 4 words is the shortest real clause
# in the samples ("Russia refused to help").
_MIN_CONTENT_WORDS = 4


@dataclass(frozen=True, slots=True)
class Frame:
    cue: str
    start: int
    end: int
    certainty: Certainty
    source: Party | None
    content: tuple[int, int]
    inner: tuple[Party, ...] = ()
    via: tuple[Party, ...] = ()
    colon: bool = False
    target: str | None = None  # whose claim a denial is about ("the US claim" → "US")


_Finder = Callable[[str, int, int, list[tuple[int, int]]], list[Frame]]


def find_frames(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Frame]:
    """Frames in ``text[start:end]``, in text order; cues in ``quotes`` are skipped."""
    lowered = text[start:end].lower()
    frames = [
        frame
        for finder, fragments in _FINDERS
        if any(fragment in lowered for fragment in fragments)
        for frame in finder(text, start, end, quotes)
    ]
    taken = [(f.start, f.end) for f in frames]
    for match in _VERB.finditer(text, start, end):
        if inside(quotes, match.start()) or any(s <= match.start() < e for s, e in taken):
            continue
        frame = _verb_frame(text, start, end, match)
        if frame is not None:
            frames.append(frame)
    if "quot" in lowered or "cit" in lowered or "statement" in lowered or "communiq" in lowered:
        frames = _with_quoting(text, start, end, frames, quotes)
    return sorted(frames, key=lambda f: f.start)


def _finders() -> list[tuple[_Finder, tuple[str, ...]]]:
    """Each special frame finder with the words one of which it needs: a substring test is
    ~20x cheaper than running its regex over a sentence that cannot match."""
    return [
        (_according, ("according",)),
        (
            _denials,
            (
                "called",
                "described",
                "branded",
                "label",
                "reject",
                "dismiss",
                "denied",
                "refuted",
                "disputed",
            ),
        ),
        (_statements, ("statement", "communiq")),
        (_quoted_as, ("quoted", "cited")),
    ]


def _according(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Frame]:
    frames = []
    for match in _ACCORDING.finditer(text, start, end):
        if inside(quotes, match.start()):
            continue
        span = phrase_after(text, match.end(), end)
        party = read_party(text, *span) if span else None
        if party is not None and _is_evidence(party):
            party = None  # "according to available data": evidence, not a claimant
        stop = span[1] if span else match.end()
        content = _content(text, start, end, match.start(), stop)
        frames.append(
            Frame("according to", match.start(), stop, Certainty.REPORTED, party, content)
        )
    return frames


def _is_evidence(party: Party) -> bool:
    words = party.claimant.text.lower().split()
    return bool(words) and words[-1] in lex.EVIDENCE_NOUNS and party.anaphor is None


def _denials(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Frame]:
    frames = []
    for match in _DENIAL.finditer(text, start, end):
        if inside(quotes, match.start()) or _NEGATED.search(
            text, max(start, match.start() - 8), match.start()
        ):
            continue  # "neither confirmed nor denied the report" denies nothing
        source = source_before(text, start, match.start())
        owner = _owner(match.group("owner"))
        content = _content(text, start, end, source_start(source, match.start()), match.end())
        frames.append(
            Frame(match.group(), match.start(), match.end(), Certainty.DENIED, source, content,
                  target=owner)
        )  # fmt: skip
    return frames


def _owner(words: str) -> str | None:
    """Whose claim: "the US claim" → "US", "the rebels' claim" → "rebels"."""
    owner = words.strip()
    for suffix in ("’s", "'s", "’", "'"):
        owner = owner.removesuffix(suffix)
    return owner or None


def _statements(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Frame]:
    """ "The Eastern Command released a statement": a frame even with no verb of saying."""
    frames = []
    for match in _RELEASED.finditer(text, start, end):
        source = source_before(text, start, match.start())
        if source is None or inside(quotes, match.start()):
            continue
        content = _content(text, start, end, source_start(source, match.start()), match.end())
        cue = match.group()
        frames.append(Frame(cue, match.start(), match.end(), Certainty.REPORTED, source, content))
    return frames


def _quoted_as(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Frame]:
    """ "Y quoted X as saying" → [X, Y]; "X was quoted by Y as saying" → [X, Y]."""
    frames = []
    for match in _QUOTED.finditer(text, start, end):
        span = phrase_after(text, match.end(), end)
        tail = _AS_SAYING.match(text, span[1]) if span else None
        if span is None or tail is None or inside(quotes, match.start()):
            continue
        named = read_party(text, *span)
        other = source_before(text, start, match.start())
        if other is None:
            continue
        passive = match.group("by") is not None
        source, carrier = (other, named) if passive else (named, other)
        content = _content(text, start, end, source_start(other, match.start()), tail.end())
        frames.append(
            Frame(text[match.start() : tail.end()], match.start(), tail.end(),
                  Certainty.REPORTED, source, content, via=(carrier,))
        )  # fmt: skip
    return frames


def source_start(source: Party | None, default: int) -> int:
    if source is None or source.claimant.start is None:
        return default
    return source.claimant.start


def _verb_frame(text: str, start: int, end: int, match: re.Match[str]) -> Frame | None:
    verb = match.group()
    if _used_as_noun(text, start, end, match):
        return None
    if verb in lex.FUTURE_VERBS and not _INTENT.match(text, match.end()):
        return None  # "threatened the city", "the promised land": no speech act
    source = verb_source(text, start, end, match)
    if source is None:
        return None  # "The operation confirmed that …": no one speaks, the writer asserts
    stop = match.end()
    via: tuple[Party, ...] = ()
    if verb in {"told", "tells", "tell", "telling", "informed", "briefed"}:
        stop, via = _addressee(text, match.end(), end)
    src_start = source_start(source, match.start())
    if _reference_only(text, start, src_start, stop, end):
        return None  # "… as the coalition had claimed.": the writer's own claim, contrasted
    content = _content(text, start, end, src_start, stop)
    if _QUOTE_BEFORE.search(text, max(start, src_start - 8), src_start):
        content = (start, src_start)  # "“…,” Haley said, possibly …": the quote is the claim
    colon = text[start:end].rstrip().endswith(":") and content[0] >= src_start
    certainty = lex.VERB_CERTAINTY[verb]
    if certainty is Certainty.DENIED and _REFUSAL.match(text, match.end()):
        certainty = Certainty.REPORTED  # "denied access to the town": a refusal, reported
    return Frame(verb, match.start(), match.end(), certainty, source, content, (), via, colon)


def _used_as_noun(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    """ "the US claim", "these reports", "the claims are": nouns, not verbs (nor passives,
    nor "which cited", read as a quoted source)."""
    before = _WORD.findall(text[max(start, match.start() - 30) : match.start()])
    after = _WORD.findall(text[match.end() : min(end, match.end() + 20)])
    if before and (before[-1].lower() in _NOUN_BEFORE or before[-1].endswith(("’s", "'s"))):
        return True
    if before and before[-1].lower() in {"which", "who"} and match.group() in {"cited", "quoted"}:
        return True  # "…, which cited two officials": a source quoted, see QUOTING
    passive_form = match.group().endswith("ed") or match.group() in {"said", "told"}
    if before and before[-1].lower() in _PASSIVE_BEFORE and passive_form:
        return True  # "is yet to be confirmed by": a passive, whose agent is no speaker here
    noun_forms = {"claim", "claims", "report", "reports", "deny", "warning"}
    return match.group() in noun_forms and bool(after) and after[0].lower() in _NOUN_AFTER


def _addressee(text: str, pos: int, end: int) -> tuple[int, tuple[Party, ...]]:
    """ "told Sputnik": a medium that carried the claim; "told reporters": no one to keep."""
    span = phrase_after(text, pos, end)
    if span is None:
        return pos, ()
    party = read_party(text, *span)
    return span[1], ((party,) if party.kind == "outlet" else ())


def _reference_only(text: str, start: int, src_start: int, stop: int, end: int) -> bool:
    before = _WORD.findall(text[max(start, src_start - 12) : src_start])
    return bool(before) and before[-1].lower() == "as" and _words(text, stop, end) < 4


def _content(text: str, start: int, end: int, src_start: int, stop: int) -> tuple[int, int]:
    """The claim a cue governs: the words after it up to a contrast ("…, but activists
    disputed …"), or the clause before its source when little follows the cue."""
    contrast = _CONTRAST.search(text, stop, end)
    after_end = contrast.start() if contrast else end
    if _words(text, stop, after_end) >= _MIN_CONTENT_WORDS:
        return stop, after_end
    return start, src_start


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))


def _with_quoting(
    text: str, start: int, end: int, frames: list[Frame], quotes: list[tuple[int, int]]
) -> list[Frame]:
    """Attach "quoting X" (an inner source) and "quoted by Y" or "a statement read on Y" (a
    medium that relayed the source's words) to the nearest frame."""
    for pattern, outer in ((QUOTING, False), (_CARRIED_BY, True), (_RELAYED_BY, True)):
        for match in pattern.finditer(text, start, end):
            span = phrase_after(text, match.end(), end)
            if span is None or inside(quotes, match.start()):
                continue
            if pattern is _RELAYED_BY and not frames:
                continue
            party = read_party(text, *span)
            frames = _attach(text, start, end, frames, match.start(), party, outer)
    return frames


def _attach(
    text: str, start: int, end: int, frames: list[Frame], pos: int, party: Party, outer: bool
) -> list[Frame]:
    if not frames:
        source = source_before(text, start, pos)
        content = _content(text, start, end, source_start(source, pos), pos)
        frames = [Frame("quoting", pos, pos, Certainty.REPORTED, source, content)]
    nearest = min(range(len(frames)), key=lambda i: abs(frames[i].start - pos))
    frame = frames[nearest]
    if outer:
        frame = replace(frame, via=(*frame.via, party))
    else:
        frame = replace(frame, inner=(*frame.inner, party))
    return [*frames[:nearest], frame, *frames[nearest + 1 :]]


_FINDERS = _finders()
