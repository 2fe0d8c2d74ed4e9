"""Paths to ../shared data for tests: importable as ``tests.shared`` from any test module."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the calling test is skipped when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is beside the project in CI)")
    return path


PG_ENV = "LAGEBILD_TEST_PG_URL"


def pg_base_url() -> str:
    """The throw-away test server's URL; the calling test is skipped when none is running."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(
            f"{PG_ENV} is not set: start a server with `scripts/pg_test_server.sh start` "
            "(or run the tests under `scripts/pg_test_server.sh run -- pytest …`)"
        )
    return url


@contextmanager
def pg_schema_url(prefix: str = "lagebild_test") -> Iterator[str]:
    """The test server's URL with a new, empty schema as search path, dropped afterwards
    (a schema is much cheaper to create and drop than a database)."""
    import psycopg

    base = pg_base_url().replace("postgresql+psycopg://", "postgresql://", 1)
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"  # generated here, not user input
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
