"""Police-event sentence detection on IndiaPoliceEvents (21,391 sentences, Gujarat, March 2002).

    .venv/bin/python bench/india_police_events.py [--limit N]

Reads ``../shared/eval/india-police-events/sents.jsonl`` (never copied into the project) and
scores sentence-level precision, recall and F1 for three of the corpus's questions, keyed on
``(doc_id, sent_id)``. newstrace has no "did police do X" classifier; the questions are answered
from the ACLED sub-event types ``EventTypeClassifier`` returns, plus two plain cues that stand in
for the actor and fatality modules this stage does not have:

* ARREST ↔ an "Arrests" guess, or any guess whose cues include an arrest word when police are
  named (ACLED's Arrests are by state forces, so the actor check is implicit);
* FORCE ↔ police are named and the sentence is coded as police violence ("Excessive force against
  protesters", "Attack", "Armed clash"), or as a policed crowd ("Protest with intervention",
  "Violent demonstration", "Mob violence") with a word of physical force (tear gas, cane charge,
  baton, rubber bullets, water cannon, firing, beating): an intervention by arrests or dispersal
  alone is not force, and police firing on a mob is how this corpus reports most force;
* KILL ↔ FORCE and a fatality cue ("killed", "died", "dead", "death", "bodies").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))

from newstrace.stages.event_types import EventTypeClassifier, EventTypeGuess  # noqa: E402
from newstrace.stages.event_types.cues import CUES  # noqa: E402

SENTS = REPO_ROOT.parent / "shared" / "eval" / "india-police-events" / "sents.jsonl"
LABELS = ("KILL", "ARREST", "FORCE")
# Indian police forces as this genre names them (facts about the forces, not corpus text).
_POLICE = re.compile(
    r"\b(?:police\w*|cops?|constab\w*|policem[ae]n|SRP|CRPF|RAF|rapid action force|"
    r"state reserve police|khaki)\b",
    re.IGNORECASE,
)
_POLICE_VIOLENCE = frozenset({"Excessive force against protesters", "Attack", "Armed clash"})
_POLICED_CROWD = frozenset({"Protest with intervention", "Violent demonstration", "Mob violence"})
_FORCE_WORDS = re.compile(
    r"\b(?:tear[- ]?gas|lathi|cane[- ]charg|batons?|rubber bullets?|water cannon|fir(?:ed|ing)|"
    r"open(?:ed)? fire|shot|beat(?:en|ing)?|charged)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    key: tuple[int, int]
    text: str
    labels: frozenset[str]


def read_sentences(path: Path, limit: int | None) -> list[Sentence]:
    sentences = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            key = (int(row["doc_id"]), int(row["sent_id"]))
            sentences.append(Sentence(key, row["sent_text"], frozenset(row["sent_labels"])))
            if limit and len(sentences) >= limit:
                break
    return sentences


def _has(cue: str, text: str) -> bool:
    return CUES[cue].search(text) is not None


def police_labels(text: str, guesses: Iterable[EventTypeGuess]) -> set[str]:
    """The IndiaPoliceEvents questions a sentence answers "yes" to, per the mapping above."""
    types = {g.sub_event_type for g in guesses}
    police = _POLICE.search(text) is not None
    labels: set[str] = set()
    if "Arrests" in types or (types and police and _has("arrest", text)):
        labels.add("ARREST")
    forced = types & _POLICE_VIOLENCE or (
        types & _POLICED_CROWD and _FORCE_WORDS.search(text) is not None
    )
    if police and forced:
        labels.add("FORCE")
        if _has("fatal", text):
            labels.add("KILL")
    return labels


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--model", type=Path, default=None, help="a model file to score instead")
    args = parser.parse_args(argv)
    if not SENTS.is_file():
        print(f"india-police-events: {SENTS} not found (eval data: ../shared)", file=sys.stderr)
        return 2
    sentences = read_sentences(SENTS, args.limit)
    classifier = EventTypeClassifier.load(args.model)
    started = time.perf_counter()
    predicted = [police_labels(s.text, classifier.classify(s.text)) for s in sentences]
    seconds = time.perf_counter() - started
    words = sum(len(s.text.split()) for s in sentences)
    docs = len({s.key[0] for s in sentences})
    summary = []
    pairs = list(zip(predicted, sentences, strict=True))
    for label in LABELS:
        tp = sum(label in p and label in s.labels for p, s in pairs)
        fp = sum(label in p and label not in s.labels for p, s in pairs)
        fn = sum(label in s.labels for s in sentences) - tp
        precision, recall, f1 = prf(tp, fp, fn)
        print(f"  {label:<6} P={precision:.3f} R={recall:.3f} F1={f1:.3f} ({tp=} {fp=} {fn=})")
        summary.append(f"{label} P/R/F1={precision:.2f}/{recall:.2f}/{f1:.2f}")
    # Speed as docs/s of this corpus and as 800-word articles/s (every sentence classified).
    counts = (
        f"{len(sentences)} sentences, {len(sentences) / seconds:.0f} sentences/s, "
        f"{docs / seconds:.0f} docs/s, {words / seconds / 800:.0f} 800-word docs/s"
    )
    print(f"india-police-events: {' '.join(summary)} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
