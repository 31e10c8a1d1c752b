"""Per-process API state: ledger connections, the outlet registry, the single-writer lock.

SQLite connections are not shared between threads (FastAPI runs sync endpoints in a thread
pool): each worker thread opens its own read connection once; WAL lets them read while the one
writer commits. Writes (ingest, outlet edits) take ``write_lock`` so there is one writer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newstrace.api.config import ApiConfig
from newstrace.ledger.sqlite import Ledger
from newstrace.outlets import OutletRegistry

# The map, timeline and counts scan the events table; with 100k events it is ~100 MB (each row
# carries its JSON record). Memory-mapping it lets every reader thread share the OS page cache
# instead of copying pages through SQLite's small default cache (2 MB): scans run ~2x faster.
READ_PRAGMAS = ("mmap_size=536870912", "cache_size=-16384")


class AppState:
    def __init__(self, config: ApiConfig) -> None:
        self.config = config
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._ledgers: list[Ledger] = []
        self._registry: OutletRegistry | None = None
        self._guard = threading.Lock()
        self._epoch = 0
        self._migrated = False

    def reader(self) -> Ledger:
        ledger: Ledger | None = getattr(self._local, "ledger", None)
        # After close() (an app shut down and started again in one process, as test clients
        # do) a thread's cached connection is closed: the epoch tells it to open a new one.
        if ledger is None or getattr(self._local, "epoch", -1) != self._epoch:
            self._migrate_once()
            ledger = Ledger.open(self.config.settings.db)
            for pragma in READ_PRAGMAS:
                ledger.connection.execute(f"PRAGMA {pragma}")
            self._local.ledger = ledger
            self._local.epoch = self._epoch
            with self._guard:
                self._ledgers.append(ledger)
        return ledger

    def _migrate_once(self) -> None:
        """Create and migrate the ledger before the first reader: threads opening it at the
        same moment would otherwise race to apply the same migration."""
        with self._guard:
            if not self._migrated:
                Ledger.open(self.config.settings.db).close()
                self._migrated = True

    @contextmanager
    def writer(self) -> Iterator[Ledger]:
        with self.write_lock, Ledger.open(self.config.settings.db) as ledger:
            yield ledger

    @property
    def outlet_files(self) -> tuple[Path, ...]:
        extra = self.config.outlet_file
        files = self.config.settings.outlet_files
        return (*files, extra) if extra.exists() else tuple(files)

    def registry(self) -> OutletRegistry:
        with self._guard:
            if self._registry is None:
                self._registry = OutletRegistry.load(self.outlet_files)
            return self._registry

    def reload_registry(self) -> None:
        with self._guard:
            self._registry = None

    def close(self) -> None:
        with self._guard:
            for ledger in self._ledgers:
                ledger.close()
            self._ledgers.clear()
            self._epoch += 1
