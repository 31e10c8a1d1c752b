"""The source of a speech cue: the claimant phrase that goes with a verb in a sentence.

Where news puts the speaker: right before the verb ("the officer told"), after a pronoun
("he said"), around an appositive ("Abu Karim, the leader of the brigade, said"; "the ministry's
spokesman, Brigadier Omar Fathi stated"), behind a "quoting …" aside, after a closing quote
("…,” said the governor"), as the subject of the clause for ", saying" and "went on, and
criticised", and behind documents ("a statement from the army accusing …", "the Pentagon
released a statement claiming …").
"""

from __future__ import annotations

import re

from newstrace.stages.attribution import lexicon as lex
from newstrace.stages.attribution.claimants import Party, pronoun_at, read_party
from newstrace.stages.attribution.phrases import phrase_after, phrase_before

__all__ = ["QUOTING", "source_before", "verb_source"]

QUOTING = re.compile(r"\b(?:quoting|citing|(?:which|who)\s+(?:cited|quoted))\s+")
_STATEMENT_VERB = re.compile(
    r"\b(?:released|issued|published|put\s+out|made|sent)\s+(?:a|an|the)\s+(?:\w+\s+)?"
    r"(?:statement|communiqu[eé]|report|letter|video)\s*$"
)
# "Iraqi officials, speaking on condition of anonymity, said": an aside, not an appositive.
_ASIDE = re.compile(r"(?:[a-z]+ing|who\s+(?:spoke|asked|declined|requested))\b")
_AFTER_QUOTE = re.compile(r"[,.?!]?[”\"]\s*$")
# Patterns anchored at a cue's left only look this far back (80 characters hold "released a
# detailed statement" or "said on Monday, and"), so each cue costs the same in any sentence.
_TAIL = 80
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b")
_AFTER_SPEECH = re.compile(
    rf"\b(?:{lex.alternation(lex.SPEECH_VERBS)}|went\s+on|continued)\b[^.;]*?,?\s+and\s*$"
)
# "The alliance against the cartels" (4 words) to "the committee of elders from the three
# northern villages" (10): longer openings are clauses, not a subject.
_MIN_SUBJECT_WORDS = 4
_MAX_SUBJECT_WORDS = 10
_POSTMODIFIER = re.compile(r"\s(?:against|of|for|in|from)\s")
_FROM_OWNER = re.compile(rf"\b(?:{lex.alternation(lex.DOCUMENT_NOUNS)})\s+(?:from|by|of)\s+")


def verb_source(text: str, start: int, end: int, match: re.Match[str]) -> Party | None:
    """The claimant of the speech verb ``match`` in ``text[start:end]``, or ``None``."""
    pos = _skip_aux(text, start, match.start())
    word = re.search(r"([\w’']+)\s*$", text[max(start, pos - 12) : pos])
    if word is not None and word.group(1).lower() in lex.PRONOUNS:
        word_start = max(start, pos - 12) + word.start(1)
        return pronoun_at(text, word_start, word_start + len(word.group(1)))
    if match.group() in lex.PARTICIPLES:
        statement = _STATEMENT_VERB.search(text, max(start, pos - _TAIL), pos)
        if statement is not None:
            return source_before(text, start, statement.start())
    relative = _RELATIVE.search(text, start, pos)
    if relative is not None and "," not in text[relative.end() : pos]:
        pos = relative.start()  # "The statement, which showed …, said:"
    source = source_before(text, start, pos) or _modified_subject(text, start, pos)
    if source is None and _AFTER_QUOTE.search(text, max(start, match.start() - 8), match.start()):
        after = phrase_after(text, match.end(), end)  # "…,” said the convenor."
        source = read_party(text, *after) if after else None
    if source is None and _coordinated(text, start, pos, match.group()):
        source = _clause_subject(text, start, pos)  # "…, saying", "went on, and criticized"
    return _document_owner(text, start, source)


def _modified_subject(text: str, start: int, pos: int) -> Party | None:
    """ "The northern alliance against the cartels denied": a sentence-initial body whose head
    is followed by a prepositional phrase in lower case, where ``phrase_before`` stops short.
    Only when the words before the preposition are a claimant phrase on their own, so "The
    operation in the north confirmed" still names no one."""
    clause = text[start:pos]
    words = clause.split()
    if not _MIN_SUBJECT_WORDS <= len(words) <= _MAX_SUBJECT_WORDS or "," in clause:
        return None
    link = _POSTMODIFIER.search(clause)
    lead = start + len(clause) - len(clause.lstrip())
    if link is None:
        return None
    head = phrase_before(text, start, start + link.start())
    if head is None or head[0] != lead or not _body_head(text[head[0] : head[1]]):
        return None
    return read_party(text, lead, start + len(clause.rstrip()))


def _body_head(phrase: str) -> bool:
    last = phrase.split()[-1].lower().strip(".,")
    return last in lex.ORG_NOUNS or last in lex.ROLE_NOUNS


def _coordinated(text: str, start: int, pos: int, verb: str) -> bool:
    """A speech verb sharing the clause's subject: ", saying", "said …, and added"."""
    left = text[max(start, pos - _TAIL) : pos]
    if verb in lex.PARTICIPLES:
        return left.rstrip().endswith(",")
    return _AFTER_SPEECH.search(left) is not None


def _skip_aux(text: str, start: int, pos: int) -> int:
    """Move left over "has also", "later" and similar words between subject and verb."""
    while True:
        found = re.search(r"([\w’']+)\s*$", text[max(start, pos - 30) : pos])
        if found is None or found.group(1).lower() not in lex.AUX:
            return pos
        pos -= len(found.group())


def source_before(text: str, start: int, pos: int) -> Party | None:
    """The claimant phrase before a cue, over an appositive or a "quoting …" aside."""
    left = text[start:pos].rstrip()
    comma = start + len(left) - 1 if left.endswith(",") else None
    previous = text.rfind(",", start, comma if comma is not None else pos)
    if comma is None:
        span = phrase_before(text, start, start + len(left))
        if previous >= 0 and (span is None or text[previous + 1 : span[0]].strip()):
            appositive = _appositive_segment(text, start, previous, start + len(left))
            if appositive is not None:
                return appositive
        if span is not None and previous >= 0:
            span = _with_role_before(text, start, previous, span)
        return read_party(text, *span) if span else None
    segment_start = previous + 1 if previous >= 0 else start
    segment = text[segment_start:comma].lstrip()
    if QUOTING.match(segment) or _ASIDE.match(segment):
        return source_before(text, start, segment_start - 1 if previous >= 0 else start)
    if previous < 0:
        return None
    found = _appositive_segment(text, start, previous, comma)
    name = phrase_before(text, segment_start, comma)
    if found is None and name is not None and not text[segment_start : name[0]].strip():
        joined = _with_role_before(text, start, previous, name)  # "A spokesman for X, Name,"
        return read_party(text, *joined) if joined != name else None
    return found


def _with_role_before(text: str, start: int, comma: int, span: tuple[int, int]) -> tuple[int, int]:
    """Join a role phrase before the name: "the ministry's spokesman, Major General X"."""
    if text[comma + 1 : span[0]].strip():
        return span
    role = phrase_before(text, start, comma)
    if role is None or not _has_role_noun(text[role[0] : role[1]]):
        return span
    return role[0], span[1]


def _appositive_segment(text: str, start: int, comma: int, stop: int) -> Party | None:
    """A name, then a role clause: "Abu Khawla, the leader of the forces near X told"."""
    segment = text[comma + 1 : stop].strip()
    first = segment.split(maxsplit=4)
    opens = bool(first) and (first[0].lower() in lex.DETERMINERS or first[0].islower())
    if not opens or not _has_role_noun(segment):
        return None
    name = phrase_before(text, start, comma)
    if name is None:
        return None
    return read_party(text, name[0], stop)


def _has_role_noun(phrase: str) -> bool:
    heads = [w.lower().strip(".,’'") for w in phrase.split()[:5]]
    return any(w in lex.ROLE_NOUNS for w in heads)


def _clause_subject(text: str, start: int, pos: int) -> Party | None:
    clause = max(start, text.rfind(";", start, pos) + 1)
    span = phrase_after(text, clause + len(text[clause:pos]) - len(text[clause:pos].lstrip()), pos)
    return read_party(text, *span) if span else None


def _document_owner(text: str, start: int, source: Party | None) -> Party | None:
    """ "a statement from the Russian military" → the Russian military; else unchanged."""
    if source is None or source.claimant.end is None or source.claimant.start is None:
        return source
    owner = _FROM_OWNER.search(text, source.claimant.start, source.claimant.end)
    if owner is not None:
        span = phrase_after(text, owner.end(), source.claimant.end)
        return read_party(text, *span) if span else source
    words = source.claimant.text.split()
    if not words or words[-1].lower() not in lex.DOCUMENT_NOUNS or source.anaphor:
        return source
    statement = _STATEMENT_VERB.search(
        text, max(start, source.claimant.end - _TAIL), source.claimant.end
    )
    if statement is not None:
        return source_before(text, start, statement.start())
    return source
