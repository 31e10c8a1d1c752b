"""FastAPI dependencies: the app state, a read connection, and the write-token check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newstrace.api.state import AppState
from newstrace.ledger.sqlite import Ledger
from newstrace.outlets import OutletRegistry

_bearer = HTTPBearer(auto_error=False, description="NEWSTRACE_API_TOKEN, as a Bearer token")


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.newstrace
    return state


State = Annotated[AppState, Depends(app_state)]


def reader(state: State) -> Ledger:
    return state.reader()


def registry(state: State) -> OutletRegistry:
    return state.registry()


Reader = Annotated[Ledger, Depends(reader)]
Registry = Annotated[OutletRegistry, Depends(registry)]


def require_token(
    state: State,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need ``Authorization: Bearer <token>``; with no token configured they are off."""
    expected = state.config.token
    if expected is None:
        raise HTTPException(403, "write endpoints are disabled: set NEWSTRACE_API_TOKEN")
    given = credentials.credentials if credentials else ""
    # compare_digest: the comparison time must not reveal how much of the token was right.
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "missing or wrong token", {"WWW-Authenticate": "Bearer"})
