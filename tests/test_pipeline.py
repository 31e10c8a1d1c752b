"""Pipeline behaviour: idempotence, resume after interruption, near-duplicates, duplicate ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.ledger.sqlite import Ledger
from newstrace.pipeline import Outcome, ingest
from newstrace.settings import Settings

PARAGRAPH = (
    "This is a fictional report written for the newstrace test suite about {place}. "
    "A convoy was struck by a roadside bomb near {place} on Tuesday, a provincial official said, "
    "and {n} people were wounded. Security forces sealed the road, residents told the desk. "
    "The official said the investigation was continuing and that no group had claimed it. "
)
PLACES = [
    "Ramadi",
    "Fallujah",
    "Hit",
    "Haditha",
    "Rutba",
    "Qaim",
    "Anah",
    "Rawa",
    "Baiji",
    "Tikrit",
]


def fictional_text(i: int) -> str:
    return " ".join(
        PARAGRAPH.format(place=PLACES[(i + k) % len(PLACES)], n=i + k) for k in range(6)
    )


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "ledger.db", ingest_batch_size=10)


def test_interrupted_run_resumes_without_loss_or_duplicates(
    tmp_path: Path, settings: Settings
) -> None:
    source = write_jsonl(
        tmp_path / "docs.jsonl", [{"id": f"d{i}", "text": fictional_text(i)} for i in range(35)]
    )
    seen = 0

    def interrupt(outcome: str, where: str) -> None:
        nonlocal seen
        seen += 1
        if seen == 25:
            raise KeyboardInterrupt

    with Ledger.open(settings.db) as ledger, pytest.raises(KeyboardInterrupt):
        ingest([str(source)], ledger, settings, progress=interrupt)
    with Ledger.open(settings.db) as ledger:
        assert ledger.counts() == {"ok": 20}, "whole batches committed, the open one rolled back"
        report = ingest([str(source)], ledger, settings)
        assert report.outcomes[Outcome.UNCHANGED] == 20
        assert ledger.counts() == {"ok": 35}


def test_syndicated_copy_points_to_original(tmp_path: Path, settings: Settings) -> None:
    original = fictional_text(3)
    copy = original + " This copy was republished by a fictional partner desk."
    source = write_jsonl(
        tmp_path / "docs.jsonl",
        [{"id": "orig", "text": original}, {"id": "other", "text": fictional_text(7)}],
    )
    later = write_jsonl(tmp_path / "later.jsonl", [{"id": "copy", "text": copy}])
    with Ledger.open(settings.db) as ledger:
        ingest([str(source)], ledger, settings)
        report = ingest([str(later)], ledger, settings)  # a later run: the index is reloaded
        assert report.outcomes[Outcome.NEAR_DUPLICATE] == 1
        copy_doc = ledger.document("copy")
        assert copy_doc is not None and copy_doc.duplicate_of == "orig"
        other = ledger.document("other")
        assert other is not None and other.duplicate_of is None


def test_same_id_with_different_content_is_refused(tmp_path: Path, settings: Settings) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [{"id": "same", "text": fictional_text(1)}])
    second = write_jsonl(tmp_path / "b.jsonl", [{"id": "same", "text": fictional_text(2)}])
    with Ledger.open(settings.db) as ledger:
        ingest([str(first)], ledger, settings)
        report = ingest([str(second)], ledger, settings)
        assert report.failures_by_reason == {"duplicate_id": 1}
        kept = ledger.document("same")
        assert kept is not None and kept.body == fictional_text(1), "stored data is not touched"


def test_parallel_workers_store_the_same_documents(tmp_path: Path) -> None:
    rows = [{"id": f"p{i}", "text": fictional_text(i)} for i in range(12)]
    source = write_jsonl(tmp_path / "docs.jsonl", rows)
    bodies = []
    for workers in (1, 2):
        settings = Settings(db=tmp_path / f"w{workers}.db")
        with Ledger.open(settings.db) as ledger:
            ingest([str(source)], ledger, settings, workers=workers)
            bodies.append([(d.document_id, d.body, d.duplicate_of) for d in ledger.documents()])
    assert bodies[0] == bodies[1]
