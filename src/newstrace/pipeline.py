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
from typing import BinaryIO, TypeVar

from newstrace.annotator import ANNOTATOR_VERSION, Annotator, DocumentInput, document_input
from newstrace.errors import NewstraceError, Reason
from newstrace.ledger.sqlite import Ledger, RunCounts
from newstrace.outlets import OutletRegistry
from newstrace.records import Article, DocumentAnnotations, EventMention, Failure, Page
from newstrace.settings import Settings
from newstrace.stages import dedup
from newstrace.stages.extract import extract, parse_iso_date
from newstrace.stages.fuse import FusionIndex, fuse
from newstrace.stages.genre import classify_genre
from newstrace.stages.ingest import iter_inputs

T = TypeVar("T")


class Outcome:
    """What happened to one input, as counted in the run summary."""

    STORED = "stored"
    NEAR_DUPLICATE = "near-duplicate"
    UNCHANGED = "unchanged"  # these exact bytes were already in the ledger
    FAILED = "failed"
    NOT_ANNOTATED = "not-annotated"  # stored, but annotation failed (re-run `newstrace annotate`)


@dataclass
class IngestReport:
    run_id: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures_by_reason: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    annotation_errors: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    event_mentions: int = 0
    events_touched: int = 0
    fusion_capped: int = 0  # mentions whose fusion candidates a full block cut (BLOCK_CAP)

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
    annotations: DocumentAnnotations | None = None
    annotation_error: str | None = None


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
    signature = None if minhash is None else dedup.signature_to_bytes(minhash)
    if not settings.annotate:
        return Processed(page, article, None, signature)
    try:
        annotations = Annotator.cached(settings).annotate(article_input(article))
    except Exception as error:  # keep the document; its annotation can be re-run later
        message = f"{type(error).__name__}: {error}"[:300]
        return Processed(page, article, None, signature, annotation_error=message)
    return Processed(page, article, None, signature, annotations)


def article_input(article: Article, duplicate_of: str | None = None) -> DocumentInput:
    """What annotation needs of a freshly extracted article."""
    found = article.extraction
    return document_input(
        article.document_id,
        found.body,
        [c.text for c in found.comments],
        outlet=found.outlet,
        published=found.published,
        genre=article.genre.value,
        duplicate_of=duplicate_of,
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
        self.fusion: FusionIndex | None = None
        self._pending_mentions: list[EventMention] = []

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
                self._fuse_pending()
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
        if result.annotation_error is not None:
            self.report.annotation_errors.append((result.page.where, result.annotation_error))
            self.report.outcomes[Outcome.NOT_ANNOTATED] += 1
        elif result.annotations is not None:
            self._store_annotations(result.annotations, article.duplicate_of)

    def _store_annotations(
        self, annotations: DocumentAnnotations, duplicate_of: str | None
    ) -> None:
        if duplicate_of is not None:  # known only now, after near-duplicate detection
            events = tuple(replace(m, duplicate_of=duplicate_of) for m in annotations.events)
            annotations = replace(annotations, events=events)
        self.ledger.mentions.replace(annotations)
        self._pending_mentions.extend(annotations.events)
        self.report.event_mentions += len(annotations.events)

    def _fuse_pending(self) -> None:
        """Join this batch's event mentions to the stored events (incremental fusion)."""
        if not self._pending_mentions:
            return
        if self.fusion is None:
            self.fusion = load_fusion(self.ledger, self.settings)
        result = self.fusion.add(self._pending_mentions)
        self._pending_mentions = []
        self.ledger.mentions.delete_events(result.retired)
        self.ledger.mentions.assign_events([*result.created, *result.updated])
        self.report.events_touched += len(result.created) + len(result.updated)
        self.report.fusion_capped += len(result.capped)

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


def load_fusion(ledger: Ledger, settings: Settings) -> FusionIndex:
    """The fusion state of everything already in the ledger, rebuilt from stored decisions."""
    registry = OutletRegistry.load(settings.outlet_files)
    events = list(ledger.mentions.events(include_comment_only=True))
    mentions = ledger.mentions.event_mentions()
    return FusionIndex.from_events(events, mentions, registry)


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
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


@dataclass(frozen=True, slots=True)
class AnnotateSummary:
    documents: int
    failed: int
    mentions: int
    events: int


def reannotate(ledger: Ledger, settings: Settings, *, everything: bool = False) -> AnnotateSummary:
    """Annotate stored documents again from their clean text, then fuse all mentions afresh.

    Batches commit as they go, so an interrupted run resumes with the documents still stale."""
    annotator = Annotator.cached(settings)
    if everything:
        ids = [d.document_id for d in ledger.documents(status="ok")]
    else:
        ids = ledger.mentions.documents_needing(ANNOTATOR_VERSION)
    failed = 0
    for batch in _batched(ids, settings.ingest_batch_size):
        with ledger.transaction():
            for document_id in batch:
                failed += not _reannotate_one(ledger, annotator, document_id)
    with ledger.transaction():
        mentions = ledger.mentions.event_mentions()
        events = fuse(mentions, registry=OutletRegistry.load(settings.outlet_files))
        ledger.mentions.delete_all_events()
        ledger.mentions.assign_events(events)
    return AnnotateSummary(len(ids), failed, len(mentions), len(events))


def _reannotate_one(ledger: Ledger, annotator: Annotator, document_id: str) -> bool:
    doc = ledger.document(document_id)
    if doc is None or doc.status != "ok" or doc.body is None:
        return True
    stored = document_input(
        doc.document_id,
        doc.body,
        [c.text for c in doc.comments],
        outlet=doc.outlet,
        published=parse_iso_date(doc.published),
        genre=doc.genre,
        duplicate_of=doc.duplicate_of,
    )
    try:
        ledger.mentions.replace(annotator.annotate(stored))
    except Exception:  # one bad document must not stop the re-annotation of the rest
        return False
    return True
