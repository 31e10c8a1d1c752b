"""ACLED sub-event classification on CASE-2021 Task 2 (development half, 509 snippets).

    .venv/bin/python bench/case2021.py [--verbose] [--folds 5] [--no-cv] [--no-embed]

Reads ``../shared/eval/case2021-task2-event-classification/`` (never copied into the project).
The task's Subtask 1 scores the 25 ACLED ("seen") classes: only snippets whose gold label is
one of them are counted, and the prediction is the best of the 25 sub-event types (the "none"
class is left out, as the task has no such answer). The snippets of the 5 non-ACLED classes
(crime, disasters, diplomacy, attribution) are reported separately: the share for which
``classify`` correctly returns no event.

(a) ``case2021``: the shipped model, trained only on the project's own fictional sentences:
    every counted snippet is unseen. (b) ``case2021-cv``: stratified k-fold cross-validation;
    each fold's model is trained on the project sentences plus the other folds' snippets (all 30
    classes, the 5 non-ACLED ones as "none") and scored only on its held-out fold.
(c) ``case2021-embed`` and ``case2021-embed-cv``: the same two for the variant with a MiniLM
    sentence-embedding block (the ``embeddings`` extra; skipped when it is not installed): the
    shipped ``event_model_embedding.npz`` (project sentences only), and the same k folds.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))

import numpy as np  # noqa: E402

from newstrace.stages.event_types import EventTypeClassifier  # noqa: E402
from newstrace.stages.event_types.corpus import build_corpus  # noqa: E402
from newstrace.stages.event_types.embedding import (  # noqa: E402
    EmbeddingUnavailableError,
    MiniLM,
    encode_cached,
)
from newstrace.stages.event_types.labels import (  # noqa: E402
    CASE_CODES,
    CASE_UNSEEN_CODES,
    NONE_LABEL,
    SUB_EVENT_TYPES,
)
from newstrace.stages.event_types.model import FloatArray  # noqa: E402
from newstrace.stages.event_types.train import fit  # noqa: E402

DATA = REPO_ROOT.parent / "shared" / "eval" / "case2021-task2-event-classification"
TSV = DATA / "test_set_final_release_with_labels.tsv"
CLASSES = (*SUB_EVENT_TYPES, NONE_LABEL)
# Each real snippet counts as 3 template sentences in CV training, so 400 real snippets are not
# drowned by 7,000 templates; on the folds, weights 1, 3 and 6 gave 0.837, 0.846 and 0.842.
REAL_WEIGHT = 3.0
# The MiniLM block's norm beside the unit-norm sparse row (see ``train.fit``).
EMBED_SCALE = 1.0


@dataclass(frozen=True, slots=True)
class Snippet:
    item_id: int
    text: str
    code: str

    @property
    def label(self) -> str:
        """The ACLED sub-event type, or "none" for the task's non-ACLED classes."""
        return CASE_CODES.get(self.code, NONE_LABEL)


@dataclass(frozen=True, slots=True)
class Scores:
    weighted_f1: float
    macro_f1: float
    accuracy: float
    per_class: dict[str, tuple[float, int]]  # label → (F1, gold count)


def read_snippets(path: Path) -> list[Snippet]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_MINIMAL)
        return [Snippet(int(r["id"]), r["EventSnippet"], r["SubType"].strip()) for r in rows]


def score(gold: Sequence[str], predicted: Sequence[str]) -> Scores:
    counts = Counter(gold)
    per_class: dict[str, tuple[float, int]] = {}
    for label in sorted(counts):
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = counts[label] - tp
        per_class[label] = (2 * tp / (2 * tp + fp + fn) if tp else 0.0, counts[label])
    weighted = sum(f1 * n for f1, n in per_class.values()) / len(gold)
    macro = sum(f1 for f1, _ in per_class.values()) / len(per_class)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return Scores(weighted, macro, accuracy, per_class)


def best_acled_type(ranked: list[tuple[str, float]]) -> str:
    return next(label for label, _ in ranked if label != NONE_LABEL)


def predict(
    classifier: EventTypeClassifier,
    snippets: Sequence[Snippet],
    vectors: FloatArray | None = None,
) -> list[str]:
    """``vectors``: the snippets' sentence embeddings, for a model with an embedding block."""
    if vectors is None:
        return [best_acled_type(classifier.rank(s.text)) for s in snippets]
    return [
        best_acled_type(classifier.rank(s.text, embedding=v))
        for s, v in zip(snippets, vectors, strict=True)
    ]


def folds_of(snippets: Sequence[Snippet], k: int) -> list[int]:
    """Stratified, deterministic: within each gold code, items in id order deal out to folds."""
    fold: dict[int, int] = {}
    by_code: dict[str, list[Snippet]] = {}
    for snippet in sorted(snippets, key=lambda s: s.item_id):
        by_code.setdefault(snippet.code, []).append(snippet)
    for members in by_code.values():
        for position, snippet in enumerate(members):
            fold[snippet.item_id] = position % k
    return [fold[s.item_id] for s in snippets]


@dataclass(frozen=True, slots=True)
class Embedded:
    """Sentence vectors for the CV: the template corpus's and the snippets', in order."""

    encoder: MiniLM
    corpus: FloatArray
    snippets: FloatArray
    scale: float


def cross_validate(
    snippets: Sequence[Snippet],
    k: int,
    real_weight: float = REAL_WEIGHT,
    embedded: Embedded | None = None,
) -> tuple[list[str], list[str]]:
    corpus = build_corpus()
    fold_of = folds_of(snippets, k)
    gold: list[str] = []
    predicted: list[str] = []
    for fold in range(k):
        train = [i for i, f in enumerate(fold_of) if f != fold]
        test = [i for i, f in enumerate(fold_of) if f == fold and snippets[i].code in CASE_CODES]
        vectors = None
        if embedded is not None:
            vectors = np.concatenate([embedded.corpus, embedded.snippets[train]])
        model = fit(
            [ex.text for ex in corpus] + [snippets[i].text for i in train],
            [ex.labels for ex in corpus] + [(snippets[i].label,) for i in train],
            CLASSES,
            sample_weights=[1.0] * len(corpus) + [real_weight] * len(train),
            embeddings=vectors,
            dense_scale=embedded.scale if embedded else 1.0,
        )
        classifier = EventTypeClassifier(model, embedder=embedded.encoder if embedded else None)
        held_out = embedded.snippets[test] if embedded else None
        predicted += predict(classifier, [snippets[i] for i in test], held_out)
        gold += [snippets[i].label for i in test]
        print(f"  fold {fold + 1}/{k}: {len(train)} trained, {len(test)} scored", file=sys.stderr)
    return gold, predicted


def line(name: str, scores: Scores, note: str) -> str:
    return (
        f"{name}: weighted_F1={scores.weighted_f1:.3f} macro_F1={scores.macro_f1:.3f} "
        f"accuracy={scores.accuracy:.3f} ({note})"
    )


def print_per_class(scores: Scores) -> None:
    for label, (f1, n) in sorted(scores.per_class.items(), key=lambda kv: -kv[1][0]):
        print(f"    {f1:.2f}  n={n:<3} {label}")


def timed(action: Callable[[], list[str]]) -> tuple[list[str], float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def report_detection(
    name: str, classifier: EventTypeClassifier, snippets: list[Snippet], seconds: float
) -> None:
    """How many snippets ``classify`` gives an event; ``seconds``: the time ranking took."""
    seen = [s for s in snippets if s.code in CASE_CODES]
    unseen = [s for s in snippets if s.code in CASE_UNSEEN_CODES]
    detected = sum(bool(classifier.classify(s.text)) for s in seen)
    rejected = sum(not classifier.classify(s.text) for s in unseen)
    print(
        f"{name}: {detected}/{len(seen)} ACLED snippets give an event, "
        f"{rejected}/{len(unseen)} non-ACLED snippets give none; "
        f"{len(seen) / seconds:.0f} docs/s (a snippet is a doc)"
    )


def report_shipped(
    name: str,
    classifier: EventTypeClassifier,
    snippets: list[Snippet],
    model: str,
    verbose: bool,
) -> None:
    """The shipped model's scores on the ACLED-class snippets it never saw, and detection."""
    seen = [s for s in snippets if s.code in CASE_CODES]
    predicted, seconds = timed(lambda: predict(classifier, seen))
    shipped = score([s.label for s in seen], predicted)
    print(line(name, shipped, f"{model}, unseen; {len(seen)} ACLED-class snippets"))
    if verbose:
        print_per_class(shipped)
    report_detection(f"{name}-detection", classifier, snippets, seconds)


def run_linear(args: argparse.Namespace, snippets: list[Snippet]) -> None:
    classifier = EventTypeClassifier.load(args.model)
    report_shipped("case2021", classifier, snippets, "project-data model", args.verbose)
    if not args.no_cv:
        gold, cv_predicted = cross_validate(snippets, args.folds, args.real_weight)
        cv = score(gold, cv_predicted)
        print(line("case2021-cv", cv, f"{args.folds}-fold CV, project data + other folds"))
        if args.verbose:
            print_per_class(cv)


def run_embedding(args: argparse.Namespace, snippets: list[Snippet]) -> None:
    try:
        encoder = MiniLM.load()
    except EmbeddingUnavailableError as error:
        print(f"case2021-embed: skipped ({error})")
        return
    if not args.no_shipped:
        classifier = EventTypeClassifier.load(args.embed_model, embedding=True)
        # Timed with the encoder run per snippet, as the annotator runs it.
        model = "project-data model + MiniLM block"
        report_shipped("case2021-embed", classifier, snippets, model, args.verbose)
    if not args.no_cv:
        corpus = encode_cached(encoder, [ex.text for ex in build_corpus()])
        vectors = encode_cached(encoder, [s.text for s in snippets])
        embedded = Embedded(encoder, corpus, vectors, args.embed_scale)
        gold, cv_predicted = cross_validate(snippets, args.folds, args.real_weight, embedded)
        cv = score(gold, cv_predicted)
        note = (
            f"{args.folds}-fold CV, project data + other folds, MiniLM block scale "
            f"{args.embed_scale:g}, real weight {args.real_weight:g}"
        )
        print(line("case2021-embed-cv", cv, note))
        if args.verbose:
            print_per_class(cv)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="per-class F1")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation (minutes)")
    parser.add_argument("--real-weight", type=float, default=REAL_WEIGHT)
    parser.add_argument("--model", type=Path, default=None, help="a model file to score instead")
    parser.add_argument("--no-embed", action="store_true", help="skip the embedding variant")
    parser.add_argument("--no-linear", action="store_true", help="only the embedding variant")
    parser.add_argument("--no-shipped", action="store_true", help="only the cross-validations")
    parser.add_argument("--embed-scale", type=float, default=EMBED_SCALE)
    parser.add_argument("--embed-model", type=Path, default=None, help="embedding-variant file")
    args = parser.parse_args(argv)
    if not TSV.is_file():
        print(f"case2021: {TSV} not found: the eval data lives in ../shared", file=sys.stderr)
        return 2
    snippets = read_snippets(TSV)
    if not args.no_linear:
        run_linear(args, snippets)
    if not args.no_embed:
        run_embedding(args, snippets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
