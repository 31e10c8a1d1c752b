"""Documents: the list (with failures and their reasons) and one document with its mentions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from newstrace import exports
from newstrace.api.deps import Reader
from newstrace.ledger.sqlite import Ledger

router = APIRouter(tags=["documents"])

_LIST = (
    "SELECT d.document_id, d.source, d.title, d.outlet, d.published, d.genre, d.status,"
    " d.reason, d.message, d.duplicate_of,"
    " (SELECT count(*) FROM comments c WHERE c.document_id = d.document_id) AS comments,"
    " (SELECT count(*) FROM event_mentions m WHERE m.document_id = d.document_id) AS mentions"
    " FROM documents d"
)


@router.get("/documents", summary="Documents in ingest order (ok and failed)")
def list_documents(
    ledger: Reader,
    status: Annotated[str | None, Query(pattern="^(ok|failed)$")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    return {"documents": document_rows(ledger, status, outlet, limit, offset)}


def document_rows(
    ledger: Ledger, status: str | None, outlet: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    clauses, params = [], []
    if status:
        clauses.append("d.status = ?")
        params.append(status)
    if outlet:
        clauses.append("d.outlet LIKE ? ESCAPE '\\'")
        params.append("%" + _like(outlet) + "%")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    cursor = ledger.connection.execute(
        f"{_LIST}{where} ORDER BY d.rowid LIMIT ? OFFSET ?", [*params, limit, offset]
    )
    return [dict(zip(row.keys(), tuple(row), strict=True)) for row in cursor]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@router.get(
    "/documents/{document_id}",
    summary="One document (export contract) and its events",
    responses={404: {"description": "No such document"}},
)
def get_document(document_id: str, ledger: Reader) -> dict[str, Any]:
    doc = ledger.document(document_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    body = exports.document_object(doc)
    body["event_mentions"] = [
        {
            "mention_id": m.mention_id,
            "event_id": event_of(ledger, m.mention_id),
            "start": m.sentence_start,
            "end": m.sentence_end,
            "in_comments": m.in_comments,
            "comment_position": m.comment_position,
            "event_type": m.event_type,
            "sub_event_type": m.sub_event_type,
            "certainty": m.attribution.certainty.value,
            "background": m.background,
        }
        for m in ledger.mentions.event_mentions(document_id=document_id)
    ]
    return body


def event_of(ledger: Ledger, mention_id: str) -> str | None:
    row = ledger.connection.execute(
        "SELECT event_id FROM event_mentions WHERE mention_id=?", (mention_id,)
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])
