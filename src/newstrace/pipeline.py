"""Wires the stages together: ingest → extract → genre → near-duplicates → ledger.

Stages never import each other; this module is the only place that knows their order. The
ledger has one writer (this process); extraction, the expensive part, can run in worker processes.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from newstrace.errors import NewstraceError, Reason
from newstrace.ledger.sqlite import Ledger, RunCounts
from newstrace.records import Article, Failure, Page
from newstrace.settings import Settings
from newstrace.stages import dedup
from newstrace.stages.extract import extract
from newstrace.stages.genre import classify_genre
from newstrace.stages.ingest import iter_inputs


class Outcome:
    """What happened to one input, as counted in the run summary."""

    STORED = "stored"
    NEAR_DUPLICATE = "near-duplicate"
    UNCHANGED = "unchanged"  # these exact bytes were already in the ledger
    FAILED = "failed"


@dataclass
class IngestReport:
    run_id: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures_by_reason: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.outcomes[Outcome.FAILED]

    @property
    def stored(self) -> int:
        return self.outcomes[Outcome.STORED] + self.outcomes[Outcome.NEAR_DUPLICATE]


ProgressCallback = Callable[[str, str], None]  # (outcome, where)


@dataclass(frozen=True, slots=True)
class Processed:
    """A page after the pure, parallelisable part of the pipeline."""

    page: Page
    article: Article | None
    failure: Failure | None
    signature: bytes | None


def default_document_id(page: Page) -> str:
    """The container's id when it gave one (JSONL), else the first 16 hex of the bytes' sha256."""
    return page.document_id or page.sha256[:16]


def process_page(page: Page, settings: Settings) -> Processed:
    """Extract, classify and fingerprint one page. Never raises: failures become records."""
    try:
        found = extract(page)
    except NewstraceError as error:
        return Processed(page, None, _page_failure(page, error.reason, error.message), None)
    except Exception as error:  # a bug or a pathological page must not stop the run
        message = f"{type(error).__name__}: {error}"[:300]
        return Processed(page, None, _page_failure(page, Reason.INTERNAL_ERROR, message), None)
    article = Article(
        document_id=default_document_id(page),
        source=page.source,
        sha256=page.sha256,
        kind=page.kind,
        extraction=found,
        genre=classify_genre(found),
        locator=page.locator,
    )
    minhash = dedup.signature(
        found.body, num_perm=settings.dedup_num_perm, width=settings.dedup_shingle_words
    )
    return Processed(
        page, article, None, None if minhash is None else dedup.signature_to_bytes(minhash)
    )


def _page_failure(page: Page, reason: Reason, message: str) -> Failure:
    return Failure(
        source=page.source,
        reason=reason,
        message=message,
        locator=page.locator,
        raw=page.raw,
        sha256=page.sha256,
        document_id=page.document_id,
    )


class Ingestor:
    """One ingest run over a ledger: skips known bytes, stores results in batched transactions."""

    def __init__(
        self, ledger: Ledger, settings: Settings, progress: ProgressCallback | None
    ) -> None:
        self.ledger = ledger
        self.settings = settings
        self.progress = progress
        self.report = IngestReport()
        self.index = dedup.NearDuplicateIndex(
            threshold=settings.dedup_threshold, num_perm=settings.dedup_num_perm
        )

    def load_index(self) -> None:
        for document_id, data in self.ledger.signatures():
            self.index.add(document_id, dedup.signature_from_bytes(data))

    def run(
        self, targets: Sequence[str], items: Iterable[Page | Failure], executor: Executor | None
    ) -> IngestReport:
        self.report.run_id = self.ledger.start_run(targets)
        for batch in _batched(items, self.settings.ingest_batch_size):
            fresh = self._new_pages(batch)
            processed = self._process(fresh, executor)
            with self.ledger.transaction():
                for item in batch:
                    if isinstance(item, Failure):
                        self._fail(item)
                for result in processed:
                    self._store(result)
        counts = RunCounts(
            self.report.stored, self.report.outcomes[Outcome.UNCHANGED], self.report.failed
        )
        self.ledger.finish_run(self.report.run_id, counts)
        return self.report

    def _new_pages(self, batch: Sequence[Page | Failure]) -> list[Page]:
        """Pages whose bytes are not stored yet (and not repeated earlier in this batch)."""
        fresh: list[Page] = []
        seen: set[str] = set()
        for page in (item for item in batch if isinstance(item, Page)):
            key = f"{page.document_id}\n{page.sha256}" if page.document_id else page.sha256
            if self._already_stored(page) or key in seen:
                self._count(Outcome.UNCHANGED, page.where)
            else:
                seen.add(key)
                fresh.append(page)
        return fresh

    def _already_stored(self, page: Page) -> bool:
        """Same bytes already stored: under the same id when the container names documents
        (two outlets' JSONL records may carry one wire text verbatim), else under any id."""
        if page.document_id:
            return self.ledger.ok_document_sha(page.document_id) == page.sha256
        return self.ledger.document_with_bytes(page.sha256) is not None

    def _process(self, pages: list[Page], executor: Executor | None) -> Iterator[Processed]:
        if executor is None or len(pages) < 2:
            return (process_page(page, self.settings) for page in pages)
        return executor.map(process_page, pages, itertools.repeat(self.settings), chunksize=4)

    def _store(self, result: Processed) -> None:
        if result.failure is not None or result.article is None:
            assert result.failure is not None
            self._fail(result.failure)
            return
        article = result.article
        if result.page.document_id and self.ledger.ok_document_exists(article.document_id):
            message = f"id {article.document_id!r} already holds a different document"
            self._fail(_page_failure(result.page, Reason.DUPLICATE_ID, message))
            return
        original = self._near_duplicate_of(article.document_id, result.signature)
        if original is not None:
            article = replace(article, duplicate_of=self.ledger.duplicate_root(original))
        self.ledger.store_article(article, result.page.raw, self.report.run_id, result.signature)
        self._count(Outcome.NEAR_DUPLICATE if original else Outcome.STORED, result.page.where)

    def _near_duplicate_of(self, document_id: str, signature: bytes | None) -> str | None:
        if signature is None:
            return None
        minhash = dedup.signature_from_bytes(signature)
        original = self.index.find(minhash)
        self.index.add(document_id, minhash)
        return original

    def _fail(self, failure: Failure) -> None:
        self.ledger.store_failure(failure, self.report.run_id)
        self.report.failures_by_reason[failure.reason.value] += 1
        self.report.failures.append(failure)
        self._count(Outcome.FAILED, failure.where)

    def _count(self, outcome: str, where: str) -> None:
        self.report.outcomes[outcome] += 1
        if self.progress is not None:
            self.progress(outcome, where)


def _batched(items: Iterable[Page | Failure], size: int) -> Iterator[list[Page | Failure]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def ingest(
    targets: Sequence[str],
    ledger: Ledger,
    settings: Settings,
    *,
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest every target into the ledger; returns counts by outcome and failure reason."""
    ingestor = Ingestor(ledger, settings, progress)
    ingestor.load_index()
    items = iter_inputs(targets, settings, stdin=stdin)
    if workers <= 1:
        return ingestor.run(targets, items, None)
    with ProcessPoolExecutor(max_workers=workers) as executor:
        return ingestor.run(targets, items, executor)
