"""Web fixtures: a store filled with the hand-built records (SQLite, and PostgreSQL when
``LAGEBILD_TEST_PG_URL`` names a server), and TestClients over apps made on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.shared import pg_schema_url
from web_fixtures import LIGHT, TOKEN, TestClient, fill

from lagebild.store import Store

BACKENDS = [
    "sqlite",
    pytest.param("postgres", marks=[pytest.mark.integration, pytest.mark.postgres], id="postgres"),
]


def _url(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'web.db'}"
    else:
        with pg_schema_url("lagebild_web") as url:
            yield url


@pytest.fixture(scope="module", params=BACKENDS)
def filled_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A store with the fixture records, shared by the read-only tests of a module."""
    gen = _url(request.param, tmp_path_factory.mktemp("web"))
    url = next(gen)
    store = Store.open(url)
    fill(store)
    yield store
    store.close()
    gen.close()


@pytest.fixture(scope="module")
def client(filled_store: Store) -> Iterator[TestClient]:
    from lagebild.web import create_app

    app = create_app(None, store=filled_store, token=TOKEN, config=LIGHT)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'fresh.db'}") as store:
        fill(store)
        yield store
