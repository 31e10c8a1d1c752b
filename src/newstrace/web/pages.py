"""HTML pages: the explorer (map, timeline, filters, list), event, document, documents, search.

Templates autoescape everything; no template marks scraped text safe. Evidence marks come from
``web.highlight`` segments. The explorer's data arrives from the JSON API at run time, read by
``static/explorer.js`` through ``data-`` attributes (the CSP forbids inline scripts).
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newstrace.api.deps import Reader, Registry
from newstrace.api.detail import load_event
from newstrace.api.routers.catalog import HIT_CLOSE, HIT_OPEN, search_hits
from newstrace.api.routers.documents import document_rows
from newstrace.api.routers.geo import every_event_type
from newstrace.ledger.sqlite import Ledger
from newstrace.records import Certainty, EventMention
from newstrace.web.highlight import Segment, Span, segments, window

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("newstrace.web") / "templates"))
# autoescape is on for .html templates by default in Starlette's Jinja2Templates; state it so a
# future change of template names cannot silently turn it off.
templates.env.autoescape = True

GRADES = ("single_source", "corroborated", "contested")
EVENT_TYPES = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
)  # fmt: skip


def type_class(event_type: str | None) -> str:
    """CSS class for an ACLED event type (the map's marker colours, the same in the legend)."""
    return f"t{EVENT_TYPES.index(event_type)}" if event_type in EVENT_TYPES else "t6"


templates.env.globals["type_class"] = type_class


@router.get("/", response_class=HTMLResponse)
def explorer(request: Request, ledger: Reader) -> HTMLResponse:
    pairs = every_event_type(ledger)
    context = {
        "types": sorted({t for t, _ in pairs}),
        "subtypes": pairs,
        "grades": GRADES,
        "certainties": [c.value for c in Certainty],
        "event_types": EVENT_TYPES,
        "params": dict(request.query_params),
    }
    return templates.TemplateResponse(request, "explorer.html", context)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, ledger: Reader, registry: Registry) -> Any:
    detail = load_event(ledger, registry, event_id)
    if detail is None:
        raise HTTPException(404, "no such event")
    evidence = [_evidence(ledger, m) for m in detail.mentions]
    context = {"d": detail, "e": detail.exported, "evidence": evidence}
    return templates.TemplateResponse(request, "event.html", context)


def _evidence(ledger: Ledger, mention: EventMention) -> list[Segment]:
    text = _text_of(ledger, mention.document_id, mention.comment_position)
    if text is None:  # the document went away under us: show the stored sentence alone
        return [Segment(mention.sentence, Span(0, len(mention.sentence), "focus"))]
    return window(text, mention.sentence_start, mention.sentence_end)


def _text_of(ledger: Ledger, document_id: str, position: int | None) -> str | None:
    if position is None:
        row = ledger.connection.execute(
            "SELECT body FROM documents WHERE document_id=?", (document_id,)
        ).fetchone()
    else:
        row = ledger.connection.execute(
            "SELECT text FROM comments WHERE document_id=? AND position=?", (document_id, position)
        ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    ledger: Reader,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    rows = document_rows(ledger, None, None, 200, offset)
    return templates.TemplateResponse(
        request, "documents.html", {"rows": rows, "offset": offset, "page": 200}
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, ledger: Reader, registry: Registry) -> Any:
    doc = ledger.document(document_id)
    if doc is None:
        raise HTTPException(404, "no such document")
    by_text: dict[int | None, list[Span]] = {}
    for m in ledger.mentions.event_mentions(document_id=document_id):
        span = Span(m.sentence_start, m.sentence_end, m.mention_id, _event_id(ledger, m),
                    f"{m.sub_event_type} · {m.attribution.certainty.value}")  # fmt: skip
        by_text.setdefault(m.comment_position, []).append(span)
    body = segments(doc.body or "", by_text.get(None, []))
    comments = [(c, segments(c.text, by_text.get(i, []))) for i, c in enumerate(doc.comments)]
    context = {
        "doc": doc, "body": body, "comments": comments, "outlet_label": registry.label(doc.outlet),
    }  # fmt: skip
    return templates.TemplateResponse(request, "document.html", context)


def _event_id(ledger: Ledger, mention: EventMention) -> str | None:
    row = ledger.connection.execute(
        "SELECT event_id FROM event_mentions WHERE mention_id=?", (mention.mention_id,)
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    ledger: Reader,
    q: Annotated[str, Query(max_length=500)] = "",
) -> Any:
    hits = search_hits(ledger, q, 50) if q.strip() else []
    for hit in hits:
        hit["parts"] = _snippet_parts(hit["snippet"])
    return templates.TemplateResponse(request, "search.html", {"q": q, "hits": hits})


def _snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split the FTS snippet at its private-use hit markers into (text, is_hit) parts."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split(HIT_OPEN)):
        if i == 0:
            parts.append((chunk, False))
            continue
        hit, _, rest = chunk.partition(HIT_CLOSE)
        parts += [(hit, True), (rest, False)]
    return [p for p in parts if p[0]]


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request, ledger: Reader, registry: Registry) -> Any:
    """Who publishes what is in the ledger, each with the registry's label and its basis."""
    rows = ledger.connection.execute(
        "SELECT outlet, count(*) FROM documents WHERE status='ok' GROUP BY outlet"
        " ORDER BY count(*) DESC, outlet"
    ).fetchall()
    seen = [(name, count, registry.lookup(name)) for name, count in rows]
    return templates.TemplateResponse(
        request, "outlets.html", {"seen": seen, "registry": registry.outlets()}
    )
