"""Property-based API tests generated from our own OpenAPI spec (schemathesis): no server
error, documented status codes and content types, responses that match their schemas,
and invalid input rejected."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)
from web_fixtures import LIGHT, TOKEN, fill

from lagebild.store import Store

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


def test_api_against_its_spec(tmp_path: Path) -> None:
    from hypothesis import given

    from lagebild.web import create_app

    store = Store.open(str(tmp_path / "st.db"))
    fill(store)
    app = create_app(None, store=store, token=TOKEN, config=LIGHT)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    tested = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(headers=auth, checks=CHECKS)

        check()
        tested += 1
    store.close()
    assert tested == 12
