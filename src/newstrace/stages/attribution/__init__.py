"""Attribution stage: who claims what each sentence says, and how certain the text presents it.

For one sentence, ``attribute`` finds the speech frames (``attribution_frames``), reads their
claimants, resolves anaphors ("he", "the source", "the statement", "the news outlet") against an
``AttributionContext`` of what earlier sentences established, and combines the certainty of the
cue with the cues in the claim's own words (``attribution_certainty``). ``claimed_by`` runs from
the original source outwards and ends with the document's outlet: "an officer told outlet X
that …" in an article by outlet Y gives ``[officer, X, Y]``; "the ministry said in a statement
read on state television" gives ``[ministry, state television, Y]``. A denial belongs to the
subject of "denied"/"rejected"/"dismissed" ("the coalition against Islamic State denied …"),
not to a claim it answers in an ", after X said …" clause.

``attribute_document`` goes sentence by sentence, keeping the context, then lets claims reach
across sentences (``attribution_document``): quotations over several sentences, a "said:"
before a quote or paragraph, "allegedly" in a sentence that continues a source's account, a
later "the report is yet to be confirmed", and a later denial of "the US claim".

Claimants: a person has ``speaker`` (the name, ranks stripped), ``role`` and ``organisation``
when the text gives them; an organisation has ``organisation``; an outlet or channel has
``medium``; an anonymous source ("an officer of the US-led coalition", "residents") has no
``speaker``, its ``role`` and, if named, its ``organisation``. ``text``/``start``/``end`` are the
words in the document (the document's outlet, added last, has no offsets).

Certainty: the cue's own (said → reported; claimed, accused → alleged; denied, "called the
claim a lie" → denied; threatened to → future), overruled by stronger cues in the claim's words
(precedence in ``attribution_certainty``). "reportedly" is read as *alleged*: with no source
named the writer keeps their distance, the same stance as "allegedly"; "X reported" with a
named source stays *reported*. A question in the writer's voice is *hypothetical*.
"""

from __future__ import annotations

from collections.abc import Sequence

from newstrace.records import Attribution, SpeakerMention
from newstrace.stages.attribution.core import AttributionContext, analyse, finish, remember
from newstrace.stages.attribution.document import document_pass
from newstrace.stages.attribution.quotes import quote_spans

__all__ = ["AttributionContext", "attribute", "attribute_document"]


def attribute(
    text: str,
    sentence: tuple[int, int],
    *,
    speakers: Sequence[SpeakerMention] = (),
    outlet: str | None = None,
    context: AttributionContext | None = None,
) -> Attribution:
    """Claimant chain and certainty of ``text[sentence[0]:sentence[1]]`` (a sentence or clause).

    ``speakers``: speaker mentions (offsets into ``text``) that fill a claimant's name, role and
    organisation where they overlap it. ``context``: what earlier sentences established; this
    sentence's claimants are recorded into it, so calling ``attribute`` sentence by sentence
    with one context resolves "he said" and "according to the report". Quotations and claims
    that reach across sentences need ``attribute_document``.
    """
    start, end = sentence
    found = analyse(text, start, end, quote_spans(text, start, end), speakers, context)
    if context is not None:
        remember(context, found, text[start:end])
    return finish(found.chain, found.certainty, found.cues, outlet)


def attribute_document(
    text: str,
    sentences: Sequence[tuple[int, int]],
    *,
    speakers: Sequence[SpeakerMention] = (),
    outlet: str | None = None,
) -> list[Attribution]:
    """One ``Attribution`` per sentence span (in order, e.g. from ``split_sentences``), with
    claims followed across sentences: quotations, "said:" introductions, "allegedly" after a
    named source, later "yet to be confirmed" and later denials (see ``attribution_document``).
    """
    return document_pass(text, list(sentences), speakers, outlet)
