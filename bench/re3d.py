"""Actor, speaker and nationality recognition on re3d (Dstl's Syria/Iraq entity gold set).

Reads ../shared/eval/re3d/<source>/{documents,entities}.json (never copied into the repo) and runs
the actor dictionary over each document text:

- Organisation ← every ``find_actors`` mention, every dictionary organisation or named source
  (outlets, monitors; not "activists"), and the organisation part of each speaker;
- Person ← speakers' names and titled names (``find_person_names``);
- Nationality ← demonyms of the dictionary ("Iraqi", "Russian");
- Location: n/a (the geocoding stage covers places).

Matching rule: overlap, same type. A predicted span is correct if it overlaps a gold span of its
type; a gold span is found if a predicted span of its type overlaps it. Gold = annotations with
confidence >= 0.5 (re3d's pre-annotations left unconfirmed have confidence 0 and include
"May" and "Geneva" as Person); ``--all-gold`` scores against every annotation.

    python bench/re3d.py [--all-gold] [--errors TYPE]

Prints one summary line, then a per-type table.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newstrace.actordict import ActorDictionary
from newstrace.stages.actors import find_actors
from newstrace.stages.actors.speakers import find_person_names, find_speakers

REPO = Path(__file__).resolve().parents[1]
RE3D = REPO.parent / "shared" / "eval" / "re3d"
TYPES = ("Organisation", "Person", "Nationality")
CONFIDENT = 0.5
SAMPLES = REPO.parent / "shared" / "samples"
REPEATS = 5  # rounds over the windows; the best is reported

Span = tuple[int, int]


@dataclass
class Score:
    predicted: int = 0
    predicted_ok: int = 0
    gold: int = 0
    gold_found: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def figures(self) -> tuple[float, float, float]:
        p = self.predicted_ok / self.predicted if self.predicted else 0.0
        r = self.gold_found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _json_lines(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load(all_gold: bool) -> tuple[dict[str, str], dict[tuple[str, str], set[Span]]]:
    texts: dict[str, str] = {}
    gold: dict[tuple[str, str], set[Span]] = defaultdict(set)
    for folder in sorted(p for p in RE3D.iterdir() if p.is_dir()):
        for doc in _json_lines(folder / "documents.json"):
            texts[str(doc["_id"])] = str(doc["text"])
        for ent in _json_lines(folder / "entities.json"):
            confidence = float(str(ent["confidence"]))
            if ent["type"] in TYPES and (all_gold or confidence >= CONFIDENT):
                gold[(str(ent["documentId"]), str(ent["type"]))].add(
                    (int(str(ent["begin"])), int(str(ent["end"])))
                )
    return texts, gold


def _inner(text: str, start: int, end: int, part: str | None) -> Span | None:
    if not part:
        return None
    offset = text.find(part, start, end)
    return (offset, offset + len(part)) if offset >= 0 else None


def predict(text: str, dictionary: ActorDictionary) -> dict[str, set[Span]]:
    spans: dict[str, set[Span]] = {t: set() for t in TYPES}
    actors = {(m.start, m.end) for m in find_actors(text, dictionary)}
    spans["Organisation"] |= actors
    for match in dictionary.scan(text).matches:
        entry = dictionary.entries[match.ids[0]]
        if entry.kind == "organisation" or (
            entry.kind == "source" and entry.source_type != "generic"
        ):
            spans["Organisation"].add((match.start, match.end))
        # A demonym inside an actor ("Russian jets") belongs to an Organisation span.
        if entry.kind == "demonym" and not _overlaps((match.start, match.end), actors):
            spans["Nationality"].add((match.start, match.end))
    for speaker in find_speakers(text, dictionary):
        if speaker.kind in ("organisation", "outlet"):
            spans["Organisation"].add((speaker.start, speaker.end))
        org = _inner(text, speaker.start, speaker.end, speaker.organisation)
        if org and speaker.kind in ("person", "anonymous"):
            spans["Organisation"].add(org)
    spans["Person"] |= {
        span
        for s, e, name in find_person_names(text, dictionary)
        if (span := _inner(text, s, e, name))
    }
    return spans


def _overlaps(span: Span, others: set[Span]) -> bool:
    return any(span[0] < o[1] and o[0] < span[1] for o in others)


def score(
    texts: dict[str, str], gold: dict[tuple[str, str], set[Span]], dictionary: ActorDictionary
) -> tuple[dict[str, Score], float]:
    scores = {t: Score() for t in TYPES}
    started = time.perf_counter()
    predictions = {doc_id: predict(text, dictionary) for doc_id, text in texts.items()}
    seconds = time.perf_counter() - started
    for doc_id, text in texts.items():
        for kind in TYPES:
            pred, gold_spans, tally = (
                predictions[doc_id][kind],
                gold.get((doc_id, kind), set()),
                scores[kind],
            )
            tally.predicted += len(pred)
            tally.gold += len(gold_spans)
            for span in pred:
                ok = _overlaps(span, gold_spans)
                tally.predicted_ok += ok
                if not ok:
                    tally.wrong.append(text[span[0] : span[1]])
            for span in gold_spans:
                found = _overlaps(span, pred)
                tally.gold_found += found
                if not found:
                    tally.misses.append(text[span[0] : span[1]])
    return scores, len(texts) / seconds if seconds else 0.0


def speed(dictionary: ActorDictionary, words: int = 800) -> str:
    """docs/s on 800-word windows of the two sample pages (real text; re3d documents are short).

    Process CPU time, best of REPEATS rounds: one core's throughput, not disturbed by other jobs
    sharing the machine (wall-clock figures halve on a machine with twice the load)."""
    pages = [p.read_text(encoding="utf-8").split() for p in sorted(SAMPLES.glob("*.txt"))]
    windows = [" ".join(w[i : i + words]) for w in pages for i in range(0, len(w) - words + 1, 200)]
    figures = []
    for label, run in (
        ("find_actors", lambda t: find_actors(t, dictionary)),
        ("find_speakers", lambda t: find_speakers(t, dictionary)),
        ("both, one scan", lambda t: _both(t, dictionary)),
    ):
        best = 0.0
        for _ in range(REPEATS):
            started = time.process_time()
            for text in windows:
                run(text)
            best = max(best, len(windows) / (time.process_time() - started))
        figures.append(f"{label} {best:.0f}")
    head = f"speed docs/s, CPU time, best of {REPEATS} ({len(windows)} windows of {words} words)"
    return f"{head}: " + ", ".join(figures)


def _both(text: str, dictionary: ActorDictionary) -> None:
    scan = dictionary.scan(text)
    find_actors(text, dictionary, scan=scan)
    find_speakers(text, dictionary, scan=scan)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--all-gold", action="store_true", help="include confidence < 0.5 annotations"
    )
    parser.add_argument("--errors", choices=TYPES, help="print misses and wrong spans of one type")
    args = parser.parse_args()
    if not RE3D.is_dir():
        raise SystemExit(f"re3d not found at {RE3D} (../shared/eval/re3d)")
    dictionary = ActorDictionary.load()
    texts, gold = load(args.all_gold)
    scores, docs_per_second = score(texts, gold, dictionary)
    figures = {t: scores[t].figures() for t in TYPES}
    summary = "  ".join(f"{t} P={p:.3f} R={r:.3f} F1={f:.3f}" for t, (p, r, f) in figures.items())
    gold_rule = "all" if args.all_gold else f"confidence>={CONFIDENT}"
    head = f"re3d {len(texts)} docs, overlap same type, gold {gold_rule}:"
    print(f"re3d: {head} {summary}  Location n/a  ({docs_per_second:.0f} docs/s)")
    print(f"{'type':<14}{'gold':>6}{'found':>7}{'pred':>7}{'correct':>9}{'P':>8}{'R':>8}{'F1':>8}")
    for kind in TYPES:
        tally, (p, r, f) = scores[kind], figures[kind]
        print(
            f"{kind:<14}{tally.gold:>6}{tally.gold_found:>7}{tally.predicted:>7}{tally.predicted_ok:>9}{p:>8.3f}{r:>8.3f}{f:>8.3f}"
        )
    print(f"{'Location':<14}{'n/a':>6}")
    print(speed(dictionary))
    if args.errors:
        tally = scores[args.errors]
        print("missed:", sorted(set(tally.misses)))
        print("wrong:", sorted(set(tally.wrong)))


if __name__ == "__main__":
    main()
