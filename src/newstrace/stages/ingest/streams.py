"""Stream helpers: put back bytes already read for sniffing, and read capped."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# Reads of 1 MiB keep system calls few without holding much of a multi-GB container in memory.
CHUNK_BYTES = 1 << 20


class _Prepended(io.RawIOBase):
    """``head`` followed by the rest of ``rest``: lets a sniffed stream be read from its start."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        if self._head:
            size = min(len(target), len(self._head))
            target[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(target))
        target[: len(data)] = data
        return len(data)


def prepend(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    """A buffered binary stream yielding ``head`` then whatever ``rest`` still holds."""
    return io.BufferedReader(_Prepended(head, rest), buffer_size=CHUNK_BYTES)


def read_capped(stream: BinaryIO, cap: int) -> tuple[bytes, bool]:
    """Up to ``cap`` bytes and whether the stream held more (then the bytes are only a head)."""
    data = stream.read(cap + 1)
    return data[:cap], len(data) > cap
