"""Features and the linear (softmax) model behind the event-type classifier, in plain numpy.

Features of a text: lower-cased words, 5-letter word prefixes (a cheap stem: "shelled",
"shelling" and "shells" share ``shell``), suffix-stripped lemmas, adjacent word pairs, the
codebook cues of ``event_types_cues`` and pairs of them, the leading actor (state or not) with
the cues its kind decides, who acts first in a protest sentence (crowd or police), and three
clause cues: whether a past-tense verb narrates, and which cues stand under a negation or a
hedge. The clause cues let the model tell "jets struck the town" from "jets are designed for
ground attack" (measured by ``bench/case2021.py``: with them the unseen weighted F1 went from
0.72 to 0.75). Each feature is present or absent; the row is L2-normalised so long snippets do
not score higher just for being long. Scoring a sentence costs one dictionary lookup per feature
and one sum of weight rows; with the cue scan, about 0.2 ms a sentence
(``bench/india_police_events`` classifies 5,000 sentences/s on one shared core).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newstrace.stages.event_types.cues import AGENT_SENSITIVE_CUES, CUES, CueScan, scan

FloatArray = npt.NDArray[np.float32]
_TOKEN = re.compile(r"[a-z]+(?:['’-][a-z]+)*|\d+")
# Prefixes shorter than 5 letters merge unrelated words ("rock"/"rocket"); 5 keeps "shell",
# "recap(ture)", "artil(lery)" apart from their neighbours.
_STEM_LETTERS = 5
BIAS_FEATURE = "__bias__"
# Irregular past forms of the verbs event reports use most; regular ones end in "-ed".
_IRREGULAR_PAST = frozenset(
    "struck hit shot fought took fell threw blew overran seized killed stole set broke ran "
    "began drove led held sent made went came beat bit fled tore rode withdrew overtook "
    "retook shook swept".split()
)
# "-ed" words this genre uses as adjectives ("armed groups", "Iran-backed", "designed for"):
# they say nothing about whether anything happened.
_ADJECTIVAL_ED = frozenset(
    "armed backed based designed called so-called united related alleged suspected "
    "concerned supposed detailed organised organized".split()
)
# Negations and refusals: "did not strike", "refused to bomb" report that nothing happened.
_NEGATION = frozenset("not no never nor without refused refuses refuse declined".split())
# Generic or descriptive present tense: "X are separatists", "it is a kind of warfare".
_PRESENT = frozenset("is are am its it's usually often always tend tends designed".split())
_CROWD = re.compile(
    r"\b(?:protest|demonstrat|rioter|crowd|mob|students|marchers|strikers)", re.IGNORECASE
)
_CROWD_CUES = frozenset({"riot", "intervention", "lethal_force", "protest", "mob", "injury"})
_SUFFIXES = ("ing", "ed", "es", "s")
# A stem must keep 4 letters: "uses" → "use" is wrong but harmless, "bus" → "bu" is not.
_MIN_LEMMA = 4


def tokens(text: str) -> list[str]:
    return ["<num>" if tok.isdigit() else tok for tok in _TOKEN.findall(text.lower())]


def lemma(word: str) -> str:
    """A crude verb/noun lemma by suffix stripping: "clashed", "clashes", "clashing" → "clash"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_LEMMA:
            return word[: -len(suffix)]
    return word


def _is_past(word: str) -> bool:
    if word in _IRREGULAR_PAST:
        return True
    return word.endswith("ed") and len(word) > 4 and word.split("-")[-1] not in _ADJECTIVAL_ED


def _clause_features(words: list[str], cues: CueScan) -> set[str]:
    """Whether the text narrates (a past verb) or describes (present tense, no past verb), and
    which cues stand under a negation or a hedge: what separates an event report from
    commentary that uses the same nouns ("a type of warfare", "were fearful of aircraft")."""
    past = any(_is_past(w) for w in words)
    names = {"t:past" if past else "t:nopast"}
    if not past and any(w in _PRESENT for w in words):
        names.add("t:generic")
    negated = any(w in _NEGATION or w.endswith(("n't", "n’t")) for w in words)
    hedged = "hedge" in cues.found
    for cue in cues.found:
        names.add(f"p:{past}:{cue}")
        if negated:
            names.add(f"n:{cue}")
        if hedged and cue != "hedge":
            names.add(f"h:{cue}")
    return names


def _crowd_features(text: str, cues: CueScan) -> set[str]:
    """Who acts first in a protest sentence, the crowd or the police: "protesters threw stones
    at police" is a violent demonstration, "police fired tear gas at protesters" an
    intervention; the same cue words, the other agent."""
    crowd = _CROWD.search(text)
    police = CUES["police"].search(text)
    if crowd is None and police is None:
        return set()
    first = "crowd" if police is None or (crowd and crowd.start() < police.start()) else "police"
    return {f"pa:{first}", *(f"px:{first}:{cue}" for cue in cues.found if cue in _CROWD_CUES)}


def features(text: str, cues: CueScan | None = None) -> list[str]:
    """The distinct feature names of ``text`` (order-independent, deterministic); ``cues`` is
    ``scan(text)`` when the caller has it already."""
    words = tokens(text)
    names = {BIAS_FEATURE}
    names.update(f"w:{w}" for w in words)
    names.update(f"s:{w[:_STEM_LETTERS]}" for w in words if len(w) > _STEM_LETTERS)
    names.update(f"l:{lemma(w)}" for w in words)
    names.update(f"b:{a}_{b}" for a, b in itertools.pairwise(words))
    cues = scan(text) if cues is None else cues
    names.update(f"c:{cue}" for cue in cues.found)
    # Cue pairs: a weapon with its target or outcome ("drone" + "fatal", "police" + "protest").
    found = sorted(cues.found)
    names.update(f"cc:{a}+{b}" for a, b in itertools.combinations(found, 2))
    names |= _clause_features(words, cues)
    names |= _crowd_features(text, cues)
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
    """Softmax regression: label k scores ``sum(weights[f, k] for f in features) / sqrt(n)``,
    plus ``dense_scale * embedding @ dense[:, k]`` when the model has a dense (sentence
    embedding) block. The sparse row has unit norm; ``dense_scale`` sets how much the unit
    embedding weighs against it."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: FloatArray  # (features, labels)
    dense: FloatArray | None = None  # (embedding dimensions, labels)
    dense_scale: float = 1.0

    def probabilities(
        self, text: str, cues: CueScan | None = None, embedding: FloatArray | None = None
    ) -> FloatArray:
        """``embedding`` (the text's unit sentence vector) is required when ``dense`` is set."""
        ids = [self.vocabulary[name] for name in features(text, cues) if name in self.vocabulary]
        logits = self.weights[ids].sum(axis=0) / np.float32(np.sqrt(len(ids)))
        if self.dense is not None:
            if embedding is None:
                raise ValueError("this model has an embedding block: pass the text's embedding")
            logits = logits + np.float32(self.dense_scale) * (embedding @ self.dense)
        return softmax(logits.astype(np.float32))

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        # float16 halves the file (about 1 MB) and moves probabilities by under 0.001.
        arrays = {
            "labels": np.array(self.labels),
            "vocabulary": np.array(names),
            "weights": self.weights.astype(np.float16),
        }
        if self.dense is not None:
            arrays["dense"] = self.dense.astype(np.float16)
            arrays["dense_scale"] = np.array(self.dense_scale, dtype=np.float32)
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path | str) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            names = [str(name) for name in data["vocabulary"]]
            dense = data["dense"].astype(np.float32) if "dense" in data.files else None
            scale = float(data["dense_scale"]) if "dense_scale" in data.files else 1.0
            return cls(
                labels=tuple(str(label) for label in data["labels"]),
                vocabulary={name: i for i, name in enumerate(names)},
                weights=data["weights"].astype(np.float32),
                dense=dense,
                dense_scale=scale,
            )
