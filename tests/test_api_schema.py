"""Property-based checks of the API against its own OpenAPI schema (schemathesis): every read
operation, with generated parameters, answers with a documented status and a body matching the
documented schema, and never with a server error. Runs in-process over the real demo ledger.

Operations are driven through schemathesis's strategies with hypothesis directly, one pytest
case per operation (its pytest plugin does not load under the pytest this project pins).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.core.result import Ok

from newstrace.api.app import create_app
from newstrace.api.config import ApiConfig
from newstrace.settings import load_settings
from tests.test_api import build_ui_ledger

READ_OPERATIONS = (
    "GET /api/events", "GET /api/events.geojson", "GET /api/events.csv",
    "GET /api/events/{event_id}", "GET /api/map", "GET /api/timeline", "GET /api/facets",
    "GET /api/documents", "GET /api/documents/{document_id}", "GET /api/actors",
    "GET /api/places", "GET /api/outlets", "GET /api/search",
)  # fmt: skip


@pytest.fixture(scope="module")
def operations(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = build_ui_ledger(tmp_path_factory.getbasetemp() / "ui-ledger")
    app_settings = load_settings().with_overrides(db=db)
    app = create_app(app_settings, ApiConfig(app_settings, None))
    # Writes are left out: without a token they answer 403 by design, and their effect is
    # covered by test_api.py with real uploads.
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(method="GET")
    found: dict[str, Any] = {}
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result  # an operation the schema could not describe
        found[result.ok().label] = result.ok()
    return found


def test_every_read_operation_is_in_the_schema(operations: dict[str, Any]) -> None:
    assert set(READ_OPERATIONS) == set(operations)


@pytest.mark.parametrize("label", READ_OPERATIONS)
def test_operation_conforms(operations: dict[str, Any], label: str) -> None:
    operation = operations[label]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=20,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def check(case: Any) -> None:
        case.call_and_validate()

    check()
    assert Path(__file__).exists()
