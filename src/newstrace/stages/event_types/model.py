"""Features and the linear (softmax) model behind the event-type classifier, in plain numpy.

Features of a text: lower-cased words, 5-letter word prefixes (a cheap stem: "shelled",
"shelling" and "shells" share ``shell``), adjacent word pairs, and the codebook cues of
``event_types_cues``. Each is present or absent; the row is L2-normalised so long snippets do not
score higher just for being long. Scoring a sentence costs one dictionary lookup per feature and
one sum of weight rows; with the cue scan, about 0.2 ms a sentence (``bench/india_police_events``
classifies 5,000 sentences/s on one shared core).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newstrace.stages.event_types.cues import AGENT_SENSITIVE_CUES, CueScan, scan

FloatArray = npt.NDArray[np.float32]
_TOKEN = re.compile(r"[a-z]+(?:['’-][a-z]+)*|\d+")
# Prefixes shorter than 5 letters merge unrelated words ("rock"/"rocket"); 5 keeps "shell",
# "recap(ture)", "artil(lery)" apart from their neighbours.
_STEM_LETTERS = 5
BIAS_FEATURE = "__bias__"


def tokens(text: str) -> list[str]:
    return ["<num>" if tok.isdigit() else tok for tok in _TOKEN.findall(text.lower())]


def features(text: str, cues: CueScan | None = None) -> list[str]:
    """The distinct feature names of ``text`` (order-independent, deterministic); ``cues`` is
    ``scan(text)`` when the caller has it already."""
    words = tokens(text)
    names = {BIAS_FEATURE}
    names.update(f"w:{w}" for w in words)
    names.update(f"s:{w[:_STEM_LETTERS]}" for w in words if len(w) > _STEM_LETTERS)
    names.update(f"b:{a}_{b}" for a, b in itertools.pairwise(words))
    cues = scan(text) if cues is None else cues
    names.update(f"c:{cue}" for cue in cues.found)
    agent = cues.agent
    if agent:
        names.add(f"a:{agent}")
        names.update(f"x:{agent}:{cue}" for cue in cues.found if cue in AGENT_SENSITIVE_CUES)
    return sorted(names)


def softmax(logits: FloatArray) -> FloatArray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    result: FloatArray = (shifted / shifted.sum(axis=-1, keepdims=True)).astype(np.float32)
    return result


@dataclass(frozen=True)
class LinearModel:
    """Softmax regression: label k scores ``sum(weights[f, k] for f in features) / sqrt(n)``."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: FloatArray  # (features, labels)

    def probabilities(self, text: str, cues: CueScan | None = None) -> FloatArray:
        ids = [self.vocabulary[name] for name in features(text, cues) if name in self.vocabulary]
        logits = self.weights[ids].sum(axis=0) / np.float32(np.sqrt(len(ids)))
        return softmax(logits.astype(np.float32))

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        # float16 halves the file (about 1 MB) and moves probabilities by under 0.001.
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            vocabulary=np.array(names),
            weights=self.weights.astype(np.float16),
        )

    @classmethod
    def load(cls, path: Path | str) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            names = [str(name) for name in data["vocabulary"]]
            return cls(
                labels=tuple(str(label) for label in data["labels"]),
                vocabulary={name: i for i, name in enumerate(names)},
                weights=data["weights"].astype(np.float32),
            )
