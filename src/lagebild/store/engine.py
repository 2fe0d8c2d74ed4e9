"""Open a database by URL: SQLite file (WAL, foreign keys, busy timeout) or PostgreSQL.

SQLite transactions are begun explicitly so that writers can take the write lock up front
(``BEGIN IMMEDIATE``): two processes then queue on the busy timeout instead of failing
when a read transaction tries to become a write transaction.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from lagebild.errors import StoreError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 60.0
# Execution option read by the "begin" hook: DEFERRED for reads, IMMEDIATE for writes.
BEGIN_OPTION = "lagebild_sqlite_begin"
_BEGIN_MODES = {"DEFERRED": "BEGIN DEFERRED", "IMMEDIATE": "BEGIN IMMEDIATE"}


def normalize_url(url: str) -> URL:
    """Turn a user's ``--db`` value into a SQLAlchemy URL.

    ``postgresql://`` and ``postgres://`` use psycopg 3; a value without ``://`` is a SQLite
    file path.
    """
    if "://" not in url:
        return URL.create("sqlite", database=str(Path(url).expanduser()))
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise StoreError(f"not a database URL: {url!r}") from err
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
        )
    return parsed


def _is_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:")


def create(url: URL) -> Engine:
    """Create the engine for ``url`` with the session settings the store relies on."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    try:
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
    except ImportError as err:
        raise StoreError("PostgreSQL needs psycopg: pip install 'lagebild[postgres]'") from err


def _set_wal(cursor: Any) -> str:
    """Switch to WAL; a new file being set up by another process can be locked briefly."""
    for attempt in range(50):
        try:
            return str(cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == 49:
                raise
            time.sleep(0.1)
    return "unknown"  # pragma: no cover


def _sqlite_engine(url: URL) -> Engine:
    kwargs: dict[str, Any] = {
        "connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
    }
    if _is_memory(url):
        kwargs["poolclass"] = StaticPool
    else:
        path = Path(url.database or "")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the folder for {path}: {err}") from err
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not _is_memory(url):
            mode = _set_wal(cursor)
            if str(mode).lower() != "wal":
                log.warning("SQLite refused WAL mode (got %s) for %s", mode, url.database)
            cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL against crashes
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(_BEGIN_MODES[mode])

    return engine
