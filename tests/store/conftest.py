"""Store fixtures: a fresh database per test on SQLite, and on PostgreSQL when
``LAGEBILD_TEST_PG_URL`` names a server (start one with ``scripts/pg_test_server.sh``)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from lagebild.store import Store

PG_ENV = "LAGEBILD_TEST_PG_URL"
POSTGRES = pytest.param(
    "postgres", marks=[pytest.mark.integration, pytest.mark.postgres], id="postgres"
)
BACKENDS = ["sqlite", POSTGRES]


def pg_base_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(
            f"{PG_ENV} is not set: start a server with `scripts/pg_test_server.sh start` "
            "(or run the tests under `scripts/pg_test_server.sh run -- pytest …`)"
        )
    return url


def _admin_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@contextmanager
def pg_schema_url() -> Iterator[str]:
    """The test server's URL with a new, empty schema as search path, dropped afterwards
    (a schema is much cheaper to create and drop than a database)."""
    import psycopg

    base = _admin_url(pg_base_url())
    schema = f"lagebild_test_{uuid.uuid4().hex[:12]}"  # generated here, not user input
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


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
