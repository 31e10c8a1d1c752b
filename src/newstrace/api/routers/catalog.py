"""Actors, places, outlets and full-text search: what the filter panel and search box offer."""

from __future__ import annotations

import re
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query

from newstrace.api.deps import Reader, Registry
from newstrace.ledger.sqlite import Ledger

router = APIRouter(tags=["catalog"])

# Private-use characters mark the snippet's hit: they never occur in news text, unlike the
# "[" and "]" of the CLI's snippet, so the page can split on them and escape every part.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"


@router.get("/actors", summary="Actors (ACLED names) with how often they are mentioned")
def actors(
    ledger: Reader,
    q: Annotated[str | None, Query(max_length=200, description="Substring of the name")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    rows = ledger.connection.execute(
        "SELECT actor, inter, country, count(*) AS mentions, count(DISTINCT document_id) AS docs"
        " FROM actor_mentions WHERE comment_position IS NULL AND instr(lower(actor), ?) > 0"
        " GROUP BY actor ORDER BY mentions DESC, actor LIMIT ?",
        ((q or "").lower(), limit),
    )
    return {"actors": [dict(zip(r.keys(), tuple(r), strict=True)) for r in rows]}


@router.get("/places", summary="Resolved places with how often they are mentioned")
def places(
    ledger: Reader,
    q: Annotated[str | None, Query(max_length=200, description="Substring of the name")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    rows = ledger.connection.execute(
        "SELECT place_id, name, latitude, longitude, country, admin1, feature,"
        " count(*) AS mentions, count(DISTINCT document_id) AS docs FROM place_mentions"
        " WHERE place_id IS NOT NULL AND comment_position IS NULL"
        " AND instr(lower(name), ?) > 0"
        " GROUP BY place_id ORDER BY mentions DESC, name LIMIT ?",
        ((q or "").lower(), limit),
    )
    return {"places": [dict(zip(r.keys(), tuple(r), strict=True)) for r in rows]}


@router.get("/outlets", summary="The outlet registry with affiliation labels and their basis")
def outlets(registry: Registry) -> dict[str, Any]:
    return {
        "versions": list(registry.versions),
        "outlets": [
            {"id": o.id, "name": o.name, "affiliation": o.affiliation, "basis": o.basis,
             "aliases": list(o.aliases), "domains": list(o.domains), "country": o.country,
             "kind": o.kind}
            for o in registry.outlets()
        ],
    }  # fmt: skip


@router.get(
    "/search",
    summary="Full-text search over titles and clean bodies (FTS5 syntax)",
)
def search(
    ledger: Reader,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    return {"query": q, "hits": search_hits(ledger, q, limit)}


def search_hits(ledger: Ledger, query: str, limit: int) -> list[dict[str, Any]]:
    """Hits with their snippet. The query is FTS5 syntax ("al-Tanf AND drone"); when it is not
    valid FTS5 — a hyphenated name, a stray quote, a bare number — each word is searched as a
    quoted phrase instead, which is what a user typing plain words meant."""
    try:
        rows = _fts(ledger, query, limit)
    except sqlite3.OperationalError:
        # Word characters only: quoted, they cannot form FTS5 syntax of their own.
        words = re.findall(r"\w+", query)
        if not words:
            return []
        rows = _fts(ledger, " ".join(f'"{w}"' for w in words), limit)
    return [
        {"document_id": r[0], "title": r[1], "outlet": r[2], "published": r[3],
         "snippet": str(r[4] or "")}
        for r in rows
    ]  # fmt: skip


def _fts(ledger: Ledger, query: str, limit: int) -> list[sqlite3.Row]:
    return ledger.connection.execute(
        "SELECT d.document_id, d.title, d.outlet, d.published,"
        " snippet(documents_fts, 1, ?, ?, '…', 16) FROM documents_fts"
        " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
        " ORDER BY rank LIMIT ?",
        (HIT_OPEN, HIT_CLOSE, query, limit),
    ).fetchall()
