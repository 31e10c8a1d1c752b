"""Near-duplicate detection (syndicated copies, re-posts) with MinHash LSH over word shingles.

Incremental: signatures are stored in the ledger and reloaded into the index, so a new document
is compared with every earlier one without recomputing anything. A copy points at the earliest
stored document it matches, so chains of copies all share one root.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)
# Fixed seed and scheme: signatures stored by an earlier run must stay comparable with new ones.
_SEED = 1
_SCHEME = "affine32"  # 32-bit hash values: half the storage of affine64, same LSH recall here
_DTYPE = np.uint32


def shingles(text: str, width: int) -> set[bytes]:
    """Lower-cased word ``width``-grams; texts shorter than ``width`` words give one shingle."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < width:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + width]).encode("utf-8") for i in range(len(words) - width + 1)}


def signature(text: str, *, num_perm: int, width: int) -> MinHash | None:
    """The MinHash of a body, or None for an empty one (nothing to compare)."""
    grams = shingles(text, width)
    if not grams:
        return None
    minhash = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(grams)
    return minhash


def signature_to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=_DTYPE).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=_DTYPE)
    return MinHash(num_perm=len(values), seed=_SEED, hashvalues=values, scheme=_SCHEME)


class NearDuplicateIndex:
    """LSH index of stored documents; ``find`` returns the earliest one above the threshold."""

    def __init__(self, *, threshold: float, num_perm: int) -> None:
        self._threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: dict[str, int] = {}
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._order)

    def add(self, document_id: str, minhash: MinHash) -> None:
        if document_id in self._order:
            return
        self._lsh.insert(document_id, minhash)
        self._order[document_id] = len(self._order)
        self._signatures[document_id] = minhash

    def find(self, minhash: MinHash) -> str | None:
        """The earliest indexed document whose estimated Jaccard similarity meets the threshold.

        LSH candidates include false positives, so each is checked against the estimate."""
        candidates = [
            doc
            for doc in self._lsh.query(minhash)
            if self._signatures[doc].jaccard(minhash) >= self._threshold
        ]
        return min(candidates, key=self._order.__getitem__) if candidates else None
