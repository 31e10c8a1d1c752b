"""Core of the attribution stage: read one sentence's frames into a claimant chain.

Shared by ``attribution`` (the public API) and ``attribution_document`` (the cross-sentence
passes): the context of earlier claimants, the per-sentence analysis, and chain building.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newstrace.records import Attribution, Certainty, Claimant, SpeakerMention
from newstrace.stages.attribution import lexicon as lex
from newstrace.stages.attribution.certainty import content_certainty, strongest
from newstrace.stages.attribution.claimants import Party
from newstrace.stages.attribution.frames import Frame, find_frames, source_start

_DOUBT = frozenset({Certainty.UNVERIFIED})

Chain = tuple[Claimant, ...]


@dataclass(slots=True)
class AttributionContext:
    """What earlier sentences established: the last claimant chain of each kind.

    Keys: "person", "organisation", "any", "medium", "report", "statement" and "role:<noun>"
    ("role:source" after "a security source told Sputnik"). Chains exclude the document outlet.
    """

    last: dict[str, Chain] = field(default_factory=dict)

    def resolve(self, anaphor: str) -> Chain | None:
        fallbacks = {
            "organisation": ("organisation", "any"),
            "report": ("report", "medium"),
            "statement": ("statement", "organisation", "any"),
        }
        for key in fallbacks.get(anaphor, (anaphor,)):
            if key in self.last:
                return self.last[key]
        return None


@dataclass(frozen=True, slots=True)
class Analysis:
    """One sentence read on its own (given the context): frames, chain and certainty parts."""

    frames: tuple[Frame, ...]
    chain: Chain
    chains: tuple[tuple[Party, Chain], ...]  # each frame's parties with their resolved chains
    verb_certainty: Certainty | None
    content: Certainty | None
    cues: tuple[str, ...]

    @property
    def certainty(self) -> Certainty:
        return strongest(c for c in (self.verb_certainty, self.content) if c is not None)


def analyse(
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    speakers: Sequence[SpeakerMention] = (),
    context: AttributionContext | None = None,
) -> Analysis:
    context = context or AttributionContext()
    found = find_frames(text, start, end, quotes)
    rebuttals = [f for f in found if _rebuts(f, found)]
    frames = _main_nest([f for f in found if f not in rebuttals])
    chains = tuple(
        (party, _resolve(party, speakers, context)) for frame in frames for party in _parties(frame)
    )
    chain = _flatten(frames, dict((id(p), c) for p, c in chains))
    verb = strongest(f.certainty for f in frames) if frames else None
    # The claim's words stop where a rebuttal begins: "…, a claim the army denied".
    stop = min((source_start(f.source, f.start) for f in rebuttals), default=end)
    content, cues = _content_cues(text, start, end, frames, stop)
    frame_cues = tuple(f.cue for f in frames)
    if rebuttals and frames:
        verb = strongest([verb or Certainty.REPORTED, Certainty.ALLEGED])
        frame_cues += tuple(f"denied by {f.source.claimant.text}" for f in rebuttals if f.source)
    return Analysis(tuple(frames), chain, chains, verb, content, (*frame_cues, *cues))


def _content_cues(
    text: str, start: int, end: int, frames: list[Frame], stop: int
) -> tuple[Certainty | None, tuple[str, ...]]:
    """Certainty cues in the claim's words (the main frame's content, else the sentence)."""
    span = frames[0].content if frames else (start, end)
    span = (span[0], max(span[0], min(span[1], stop)))
    content, cues = content_certainty(text, *span, reported=bool(frames))
    if span != (start, end):
        # "X's report is yet to be confirmed" questions the claim wherever the words stand.
        doubt, doubt_cues = content_certainty(text, start, end, reported=False, only=_DOUBT)
        content = strongest([c for c in (content, doubt) if c is not None]) if doubt else content
        cues = (*cues, *doubt_cues)
    if not frames and text[start:end].rstrip().endswith("?"):
        content, cues = Certainty.HYPOTHETICAL, (*cues, "?")  # a question asserts nothing
    return content, cues


def _rebuts(frame: Frame, frames: list[Frame]) -> bool:
    """A denial of a claim made earlier in the same sentence: "X said …, but Y denied it"."""
    if frame.certainty is not Certainty.DENIED or frame.content[1] > frame.start:
        return False
    return any(f is not frame and frame.content[0] <= f.start < frame.content[1] for f in frames)


def finish(
    chain: Chain, certainty: Certainty, cues: tuple[str, ...], outlet: str | None
) -> Attribution:
    """Append the document's outlet as the last medium, unless the chain already ends with it."""
    if outlet and not (chain and same_name(chain[-1], outlet)):
        chain = (*chain, Claimant(outlet, medium=outlet))
    return Attribution(certainty, chain, tuple(dict.fromkeys(cues)))


def same_name(claimant: Claimant, name: str) -> bool:
    wanted = normalise(name)
    fields = (claimant.text, claimant.speaker, claimant.organisation, claimant.medium)
    return any(value is not None and normalise(value) == wanted for value in fields)


def normalise(name: str) -> str:
    name = name.lower().replace("’", "'").replace(".", "").strip(" ,'")
    name = name.removesuffix("'s").removeprefix("the ")
    return " ".join(name.split())


def _main_nest(frames: list[Frame]) -> list[Frame]:
    """The frames of the sentence's main claim, innermost first.

    A frame whose cue lies in another frame's content is nested in it ("X announced that Y told
    Z that …"); "according to" is outermost. Of several top-level frames the first one wins.
    """
    if not frames:
        return []

    def depth(frame: Frame) -> int:
        return sum(
            1 for f in frames if f is not frame and f.content[0] <= frame.start < f.content[1]
        )

    # Two "according to" phrases can each lie in the other's content: take the shallowest.
    top = [f for f in frames if depth(f) == 0] or [min(frames, key=depth)]
    verbs = [f for f in top if f.cue != "according to" and f.source is not None]
    main = verbs[0] if verbs else top[0]
    nest = [f for f in frames if f is main or main.content[0] <= f.start < main.content[1]]
    nest.sort(key=lambda f: (-depth(f), f.start))
    outer = [f for f in top if f is not main and f.cue == "according to"]
    return [*nest, *outer]


def _parties(frame: Frame) -> list[Party]:
    return [*frame.inner, *([frame.source] if frame.source else []), *frame.via]


def _flatten(frames: list[Frame], chains: dict[int, Chain]) -> Chain:
    chain: list[Claimant] = []
    for frame in frames:
        for party in _parties(frame):
            for claimant in chains[id(party)]:
                if not any(_same(claimant, kept) for kept in chain):
                    chain.append(claimant)
    return tuple(chain)


def _same(a: Claimant, b: Claimant) -> bool:
    return (a.start, a.end, a.text) == (b.start, b.end, b.text)


def _resolve(
    party: Party, speakers: Sequence[SpeakerMention], context: AttributionContext
) -> Chain:
    if party.anaphor is not None:
        found = context.resolve(party.anaphor)
        if found is not None:
            return found
        if party.anaphor.startswith("role:"):
            role = party.anaphor.removeprefix("role:")
            c = party.claimant
            return (Claimant(c.text, role=role, start=c.start, end=c.end),)
    return (_enrich(party.claimant, speakers),)


def _enrich(claimant: Claimant, speakers: Sequence[SpeakerMention]) -> Claimant:
    """Fill name, role and organisation from an overlapping speaker mention, when given one."""
    if claimant.start is None or claimant.end is None:
        return claimant
    s, e = claimant.start, claimant.end
    overlapping = [m for m in speakers if m.start < e and s < m.end]
    if not overlapping:
        return claimant
    best = max(overlapping, key=lambda m: min(e, m.end) - max(s, m.start))
    if best.kind == "outlet":
        return Claimant(claimant.text, medium=best.organisation or best.text, start=s, end=e)
    if best.kind == "organisation":
        organisation = best.organisation or best.text
        return Claimant(claimant.text, None, claimant.role, organisation, None, s, e)
    medium = claimant.medium
    return Claimant(
        claimant.text, best.name or claimant.speaker, best.role or claimant.role,
        best.organisation or claimant.organisation, medium, s, e,
    )  # fmt: skip


def remember(context: AttributionContext, analysis: Analysis, sentence_text: str) -> None:
    """Record the claimants of a sentence so later anaphors can find them."""
    for frame in analysis.frames:
        for party, chain in analysis.chains:
            if party is frame.source and chain:
                _remember_party(context, party, _frame_chain(frame, chain, analysis))
    if analysis.chain and "statement" in sentence_text.lower():
        context.last["statement"] = analysis.chain


def _frame_chain(frame: Frame, chain: Chain, analysis: Analysis) -> Chain:
    """A source's own chain plus the media its frame names ("told Sputnik")."""
    via = [c for p, cs in analysis.chains if p in frame.via for c in cs]
    return (*chain, *(c for c in via if not any(_same(c, kept) for kept in chain)))


def _remember_party(context: AttributionContext, party: Party, chain: Chain) -> None:
    head = chain[0]
    kind = party.kind
    if kind == "anaphor":
        kind = "person" if head.speaker else "organisation" if head.organisation else "any"
    if head.medium:
        context.last["medium"] = context.last["report"] = chain
    elif kind in ("person", "organisation"):
        context.last[kind] = chain
    # "the general" after "Major General Yury Popov, deputy chief of …": every role noun in
    # the words, and the role's own head noun.
    words = [*head.text.split(), *(head.role or "").split()]
    for noun in {w.lower().strip(",.") for w in words} & lex.ROLE_NOUNS:
        context.last[f"role:{noun}"] = chain
    context.last["any"] = chain
