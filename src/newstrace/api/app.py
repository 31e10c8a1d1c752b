"""The FastAPI application: JSON API under ``/api``, HTML pages at ``/``, vendored static files.

``create_app(settings)`` does no I/O beyond opening (and migrating) the ledger once; every
request reads through its thread's own connection (``api.state``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newstrace import __version__
from newstrace.api.config import ApiConfig, api_config
from newstrace.api.routers import catalog, documents, events, geo, write
from newstrace.api.security import SecurityHeaders
from newstrace.api.state import AppState
from newstrace.settings import Settings
from newstrace.web import pages

DESCRIPTION = """The newstrace ledger: documents, fused events with their evidence, actors,
places and full-text search. Read endpoints are open; write endpoints (ingest, outlet labels)
need `Authorization: Bearer $NEWSTRACE_API_TOKEN`. Downloads use the same query code and field
names as `newstrace export`. Event filters: `actor` and `outlet` match substrings, `place` a
whole location/admin1/admin2 name (accents, hyphens, apostrophes ignored), `text` whole words
of the notes and source sentences (full-text tokens, the last word also as a prefix), all
case-insensitive. Editing an outlet's label re-grades the events it reports at once."""


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def create_app(
    settings: Settings,
    config: ApiConfig | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """``allowed_hosts``: Host header values to answer (``serve`` on loopback passes the
    loopback names, which defeats DNS rebinding: a hostile page that points its own host name
    at 127.0.0.1 still cannot read the ledger). None answers any host."""
    state = AppState(config or api_config(settings))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    # No /docs or /redoc: both load their scripts from a CDN, which the CSP (and an offline
    # machine) refuses. The schema itself is published at /openapi.json.
    app = FastAPI(
        title="newstrace",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.newstrace = state
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    for router in (events.router, geo.router, documents.router, catalog.router, write.router):
        app.include_router(router, prefix="/api")
    app.include_router(pages.router)
    static = resources.files("newstrace.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
