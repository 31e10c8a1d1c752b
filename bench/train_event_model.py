"""Rebuild the shipped event-type model from the project's own fictional sentences.

    .venv/bin/python bench/train_event_model.py [--output PATH] [--embedding]

Expands ``src/newstrace/data/event_training/`` (seeded, so the corpus is the same every run),
fits the softmax regression of ``newstrace.stages.event_types.train`` and writes
``src/newstrace/data/event_model.npz``. No third-party text is used: CASE-2021 and the other eval
sets only ever score the model (``bench/case2021.py``). Prints the corpus size, the model size and
a fingerprint of the weights so a rebuild can be compared with the committed file.

``--embedding`` builds the variant with a MiniLM sentence-embedding block instead
(``event_model_embedding.npz``; needs the ``embeddings`` extra): the same sentences, each also
embedded, the block scaled by ``EMBED_SCALE``. Its float16 file is the same on a rebuild with
the same numpy/BLAS; another BLAS can move an embedding in the 7th digit, which float16 rounding
almost always hides.

``--check-overlap`` lists templates whose word trigrams overlap one evaluation text (CASE-2021,
IndiaPoliceEvents, read from ``../shared``) by ``OVERLAP_LIMIT`` or more: the guard that keeps the
training sentences the project's own rather than rewordings of gold items.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))

from newstrace.stages.event_types import EMBEDDING_MODEL_FILE  # noqa: E402
from newstrace.stages.event_types.corpus import build_corpus, load_templates  # noqa: E402
from newstrace.stages.event_types.embedding import MiniLM, encode_cached  # noqa: E402
from newstrace.stages.event_types.labels import NONE_LABEL, SUB_EVENT_TYPES  # noqa: E402
from newstrace.stages.event_types.model import LinearModel  # noqa: E402
from newstrace.stages.event_types.train import fit  # noqa: E402

DATA = REPO_ROOT / "src" / "newstrace" / "data"
DEFAULT_OUTPUT = DATA / "event_model.npz"
# The MiniLM block's norm beside the unit-norm sparse row; chosen on the CASE cross-validation
# only (bench/case2021.py --embed-scale), never on the unseen figure.
EMBED_SCALE = 1.0
CLASSES = (*SUB_EVENT_TYPES, NONE_LABEL)
EVAL = REPO_ROOT.parent / "shared" / "eval"
# Half of a template's own word trigrams found in one evaluation text: stock phrases ("set up a
# new military post") reach it, which is why the report is for a person to read, not a filter.
OVERLAP_LIMIT = 0.5
_WORDS = re.compile(r"[a-z]+")
_SLOT = re.compile(r"\{\w+\}")


def trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def evaluation_texts() -> list[str]:
    case = EVAL / "case2021-task2-event-classification" / "test_set_final_release_with_labels.tsv"
    with case.open(encoding="utf-8", newline="") as handle:
        texts = [row["EventSnippet"] for row in csv.DictReader(handle, delimiter="\t")]
    with (EVAL / "india-police-events" / "sents.jsonl").open(encoding="utf-8") as handle:
        texts += [json.loads(line)["sent_text"] for line in handle]
    return texts


def check_overlap() -> int:
    """Print templates too close to an evaluation text; the count of them."""
    index: dict[tuple[str, ...], set[int]] = {}
    grams = [trigrams(text) for text in evaluation_texts()]
    for i, text_grams in enumerate(grams):
        for gram in text_grams:
            index.setdefault(gram, set()).add(i)
    flagged = 0
    for labels, templates in load_templates().items():
        for template in templates:
            own = trigrams(_SLOT.sub(" ", template))
            hits = [i for gram in own for i in index.get(gram, ())]
            best = max((sum(g in grams[i] for g in own) for i in set(hits)), default=0)
            if len(own) >= 3 and best / len(own) >= OVERLAP_LIMIT:
                flagged += 1
                print(f"  {best / len(own):.2f} {'|'.join(labels)}: {template}")
    return flagged


def train(embedding: bool = False) -> LinearModel:
    corpus = build_corpus()
    texts = [ex.text for ex in corpus]
    if not embedding:
        return fit(texts, [ex.labels for ex in corpus], CLASSES)
    vectors = encode_cached(MiniLM.load(), texts)
    return fit(
        texts, [ex.labels for ex in corpus], CLASSES, embeddings=vectors, dense_scale=EMBED_SCALE
    )


def fingerprint(model: LinearModel) -> str:
    digest = hashlib.sha256(model.weights.astype("float16").tobytes())
    if model.dense is not None:
        digest.update(model.dense.astype("float16").tobytes())
    return digest.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="default: the shipped file")
    parser.add_argument("--embedding", action="store_true", help="the MiniLM-block variant")
    parser.add_argument("--check-overlap", action="store_true", help="see the module docstring")
    args = parser.parse_args(argv)
    if args.check_overlap:
        if not EVAL.is_dir():
            print(f"event-model: {EVAL} not found (eval data: ../shared)", file=sys.stderr)
            return 2
        print(f"event-model: {check_overlap()} templates at overlap >= {OVERLAP_LIMIT}")
        return 0
    output = args.output or (DATA / EMBEDDING_MODEL_FILE if args.embedding else DEFAULT_OUTPUT)
    started = time.perf_counter()
    corpus_size = len(build_corpus())
    model = train(args.embedding)
    model.save(output)
    print(
        f"event-model: {corpus_size} sentences, {len(model.vocabulary)} features, "
        f"{output.stat().st_size / 1024:.0f} KiB, weights {fingerprint(model)}, "
        f"{time.perf_counter() - started:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
