"""Store fixtures: a fresh database per test on SQLite, and on PostgreSQL when
``LAGEBILD_TEST_PG_URL`` names a server (start one with ``scripts/pg_test_server.sh``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from tests.shared import pg_schema_url

from lagebild.store import Store

POSTGRES = pytest.param(
    "postgres", marks=[pytest.mark.integration, pytest.mark.postgres], id="postgres"
)
BACKENDS = ["sqlite", POSTGRES]


@pytest.fixture
def fresh_pg_url() -> Iterator[str]:
    with pg_schema_url() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("fresh_pg_url")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture(scope="module", params=BACKENDS)
def filled_ro(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """One store per module and backend holding the two fixture copies and their story.
    For tests that only read (they must not change it)."""
    from store_fixtures import english, german, story

    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('ro') / 'store.db'}"
        else:
            url = stack.enter_context(pg_schema_url())
        store = stack.enter_context(Store.open(url))
        store.save_articles([german(), english()])
        store.save_stories([story()])
        yield store
