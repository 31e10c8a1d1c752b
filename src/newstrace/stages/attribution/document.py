"""Document-level attribution: claims that reach across sentences.

1. Sentence by sentence, with a context, so "he", "the source", "the report" find their
   claimant (``attribution_core``).
2. Inheritance: sentences inside a quotation take the speaker named where it closes ("…,” the
   officer told Z."); sentences after "X told Sputnik:" take X's chain (the quote that follows,
   else the next paragraph); a sentence with "allegedly"/"reportedly" and no source continues
   the last source of its paragraph ("According to the report, …. ISIS allegedly attacked …").
3. "X's report is yet to be confirmed" makes every claim relayed from X unverified; with no
   source named ("this could not be verified") the nearest attributed sentence before it.
4. "Russia called out the US claim" (a denial) marks the earlier claims of the US as contested:
   at least alleged, with a cue naming the denier. Their certainty stays what the text says of
   them (an accusation stays *alleged*); the denial sentence itself is *denied*.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newstrace.records import Attribution, Certainty, Claimant, SpeakerMention
from newstrace.stages.attribution.certainty import RANK, content_certainty, strongest
from newstrace.stages.attribution.claimants import read_party
from newstrace.stages.attribution.core import (
    Analysis,
    AttributionContext,
    Chain,
    analyse,
    finish,
    normalise,
    remember,
)
from newstrace.stages.attribution.phrases import phrase_before
from newstrace.stages.attribution.quotes import quote_spans

__all__ = ["document_pass"]

_OPENING_QUOTES = '“"«'
_CLAIM_NOUN = re.compile(r"\b(?:reports?|claims?|account|statements?|allegations?|accusations?)\b")
_EVIDENTIAL = re.compile(r"(?:allegedly|reportedly|purportedly|supposedly)", re.IGNORECASE)
_ALIASES = {"us": "us", "united states": "us", "america": "us", "washington": "us"}


@dataclass(slots=True)
class _Row:
    start: int
    end: int
    paragraph: int
    analysis: Analysis
    chain: Chain
    certainty: Certainty
    cues: list[str] = field(default_factory=list)

    @property
    def own(self) -> bool:
        return bool(self.analysis.chain)


def document_pass(
    text: str,
    sentences: list[tuple[int, int]],
    speakers: Sequence[SpeakerMention],
    outlet: str | None,
) -> list[Attribution]:
    quotes = quote_spans(text)
    rows = _read(text, sentences, speakers, quotes)
    _inherit_colons(text, rows, quotes)
    _inherit_quotes(text, rows, quotes)
    _continue_paragraph(rows)
    _unverified(text, rows)
    _contested(rows)
    return [finish(r.chain, r.certainty, tuple(r.cues), outlet) for r in rows]


def _read(
    text: str,
    sentences: list[tuple[int, int]],
    speakers: Sequence[SpeakerMention],
    quotes: list[tuple[int, int]],
) -> list[_Row]:
    context, rows, paragraph, previous_end = AttributionContext(), [], 0, 0
    for start, end in sentences:
        if "\n" in text[previous_end:start]:
            paragraph += 1
        local = [(max(s, start), min(e, end)) for s, e in quotes if s < end and start < e]
        found = analyse(text, start, end, local, speakers, context)
        remember(context, found, text[start:end])
        rows.append(_Row(start, end, paragraph, found, found.chain, found.certainty, [*found.cues]))
        previous_end = end
    return rows


def _adopt(text: str, row: _Row, chain: Chain) -> None:
    """Give a sentence another sentence's claimant chain: its words are reported speech."""
    if row.own or row.chain or not chain:
        return
    content, cues = content_certainty(text, row.start, row.end, reported=True)
    row.chain = chain
    row.certainty = strongest([Certainty.REPORTED, *([content] if content else [])])
    row.cues = [*dict.fromkeys([*row.cues, *cues])]


def _inherit_colons(text: str, rows: list[_Row], quotes: list[tuple[int, int]]) -> None:
    for i, row in enumerate(rows):
        if row.own and any(f.colon for f in row.analysis.frames):
            for j in _colon_scope(text, rows, i, quotes):
                _adopt(text, rows[j], row.chain)


def _colon_scope(text: str, rows: list[_Row], i: int, quotes: list[tuple[int, int]]) -> range:
    """After "X said:", the quotation that follows, else the next paragraph."""
    j = i + 1
    if j >= len(rows):
        return range(0)
    following = rows[j]
    if text[following.start] in _OPENING_QUOTES:
        span = next((q for q in quotes if q[0] <= following.start < q[1]), None)
        if span is not None:
            k = j
            while k < len(rows) and rows[k].start < span[1]:
                k += 1
            return range(j, k)
    k = j
    while k < len(rows) and rows[k].paragraph == following.paragraph:
        k += 1
    return range(j, k)


def _inherit_quotes(text: str, rows: list[_Row], quotes: list[tuple[int, int]]) -> None:
    """Sentences inside a quotation take the chain of the sentence where the quote closes; an
    unclosed quote (a paragraph of a longer quotation) takes the next quote's speaker."""
    starts = [r.start for r in rows]
    owner: Chain = ()
    for q_start, q_end in reversed(quotes):
        first = bisect.bisect_left(starts, q_start)
        last = bisect.bisect_left(starts, q_end)
        if text[q_end - 1] in '”"»':
            closing = rows[last - 1] if last > 0 and rows[last - 1].end >= q_end else None
            owner = closing.chain if closing is not None and closing.own else ()
        for row in rows[first:last]:
            if row.end <= q_end + 1:
                _adopt(text, row, owner)


def _continue_paragraph(rows: list[_Row]) -> None:
    """ "…allegedly…" with no source continues the source of the sentence right before it.

    Only the adverbs (not "was accused of", whose accuser is simply unnamed) and only the
    previous sentence of the same paragraph: further back the writer has usually taken over.
    """
    for previous, row in itertools.pairwise(rows):
        evidential = any(_EVIDENTIAL.fullmatch(cue) for cue in row.cues)
        if row.chain or not evidential or previous.paragraph != row.paragraph:
            continue
        if previous.chain:
            row.chain = previous.chain


def _unverified(text: str, rows: list[_Row]) -> None:
    for i, row in enumerate(rows):
        if row.analysis.content is not Certainty.UNVERIFIED:
            continue
        cue = next((c for c in row.cues if "confirm" in c or "verif" in c), "unverified")
        source = _questioned_source(text, row)
        targets = [r for r in rows if r.chain and _mentions(r.chain, source)] if source else []
        if not source or not targets:
            targets = [r for r in reversed(rows[:i]) if r.chain][:1]
        for target in targets:
            if RANK[target.certainty] < RANK[Certainty.UNVERIFIED]:
                target.certainty = Certainty.UNVERIFIED
                target.cues.append(cue)
        if not row.chain and targets:
            row.chain = next((r.chain for r in targets), ())


def _questioned_source(text: str, row: _Row) -> str | None:
    """ "Hammurabi's Justice News report is yet to be confirmed" → "Hammurabi's Justice News"."""
    for match in _CLAIM_NOUN.finditer(text, row.start, row.end):
        span = phrase_before(text, row.start, match.start())
        if span is None:
            continue
        party = read_party(text, *span)
        if party.anaphor is None:
            c = party.claimant
            return c.medium or c.organisation or c.speaker or c.text
    return None


def _mentions(chain: Chain, name: str) -> bool:
    return any(_matches(claimant, name) for claimant in chain)


def _matches(claimant: Claimant, name: str) -> bool:
    wanted = _ALIASES.get(normalise(name), normalise(name))
    for value in (claimant.text, claimant.speaker, claimant.organisation, claimant.medium):
        if value is not None and _ALIASES.get(normalise(value), normalise(value)) == wanted:
            return True
    return False


def _contested(rows: list[_Row]) -> None:
    for i, row in enumerate(rows):
        for frame in row.analysis.frames:
            if frame.certainty is not Certainty.DENIED or not row.own:
                continue
            denier = row.analysis.chain[0].text
            for earlier in _denied_claims(rows[:i], frame.target):
                earlier.certainty = strongest([earlier.certainty, Certainty.ALLEGED])
                earlier.cues.append(f"denied by {denier}")


def _denied_claims(rows: list[_Row], target: str | None) -> list[_Row]:
    """The earlier claims a denial is about: the target's, else the last allegation."""
    open_claims = [
        r for r in rows if r.chain and r.certainty in (Certainty.REPORTED, Certainty.ALLEGED)
    ]
    if target:
        return [r for r in open_claims if _matches(r.chain[0], target)]
    alleged = [r for r in open_claims if r.certainty is Certainty.ALLEGED]
    return alleged[-1:]
