"""Export formats over the ledger. Field names and order are the DESIGN.md contract.

The CLI ``export`` command and the API serialise through these functions, so both always agree.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from newstrace.records import StoredDocument

DOCUMENT_FIELDS = (
    "document_id", "source", "title", "outlet", "published", "language", "genre", "body",
    "comments", "duplicate_of", "status",
)  # fmt: skip


def document_status(doc: StoredDocument) -> str:
    """'ok', or 'failed: <reason code> (<message>)' so the reason travels with the status."""
    if doc.status == "ok":
        return "ok"
    return f"failed: {doc.reason} ({doc.message})" if doc.message else f"failed: {doc.reason}"


def document_object(doc: StoredDocument) -> dict[str, Any]:
    """One document as the ``export documents`` contract defines it."""
    return {
        "document_id": doc.document_id,
        "source": doc.source,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "language": doc.language,
        "genre": doc.genre,
        "body": doc.body,
        "comments": [
            {"author": c.author, "published": c.published, "text": c.text} for c in doc.comments
        ],
        "duplicate_of": doc.duplicate_of,
        "status": document_status(doc),
    }


def write_jsonl(objects: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for obj in objects:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(objects: Iterable[dict[str, Any]], fields: tuple[str, ...], out: TextIO) -> int:
    """CSV with the same columns; nested values (comments, lists) are JSON-encoded cells."""
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for obj in objects:
        writer.writerow({k: _cell(obj.get(k)) for k in fields})
        count += 1
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def document_objects(docs: Iterable[StoredDocument]) -> Iterator[dict[str, Any]]:
    return (document_object(doc) for doc in docs)
