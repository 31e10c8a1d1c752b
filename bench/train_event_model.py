"""Rebuild the shipped event-type model from the project's own fictional sentences.

    .venv/bin/python bench/train_event_model.py [--output PATH]

Expands ``src/newstrace/data/event_training/`` (seeded, so the corpus is the same every run),
fits the softmax regression of ``newstrace.stages.event_types_train`` and writes
``src/newstrace/data/event_model.npz``. No third-party text is used: CASE-2021 and the other eval
sets only ever score the model (``bench/case2021.py``). Prints the corpus size, the model size and
a fingerprint of the weights so a rebuild can be compared with the committed file.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))

from newstrace.stages.event_types_corpus import build_corpus  # noqa: E402
from newstrace.stages.event_types_labels import NONE_LABEL, SUB_EVENT_TYPES  # noqa: E402
from newstrace.stages.event_types_model import LinearModel  # noqa: E402
from newstrace.stages.event_types_train import fit  # noqa: E402

DEFAULT_OUTPUT = REPO_ROOT / "src" / "newstrace" / "data" / "event_model.npz"
CLASSES = (*SUB_EVENT_TYPES, NONE_LABEL)


def train() -> LinearModel:
    corpus = build_corpus()
    return fit([ex.text for ex in corpus], [ex.labels for ex in corpus], CLASSES)


def fingerprint(model: LinearModel) -> str:
    return hashlib.sha256(model.weights.astype("float16").tobytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus_size = len(build_corpus())
    model = train()
    model.save(args.output)
    print(
        f"event-model: {corpus_size} sentences, {len(model.vocabulary)} features, "
        f"{args.output.stat().st_size / 1024:.0f} KiB, weights {fingerprint(model)}, "
        f"{time.perf_counter() - started:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
