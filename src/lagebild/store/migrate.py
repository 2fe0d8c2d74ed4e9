"""Run the Alembic migrations shipped in the package, without an ``alembic.ini``.

:func:`upgrade` brings a database to the newest revision inside one transaction that
also holds the database's write lock (SQLite ``BEGIN IMMEDIATE``, PostgreSQL advisory
lock), so several processes opening a new database at once migrate it exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from lagebild.errors import StoreError
from lagebild.store.engine import BEGIN_OPTION

MIGRATIONS = Path(__file__).parent / "migrations"
_PG_LOCK_KEY = 7_305_227_001  # arbitrary, constant: serialises lagebild migrations


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database behind ``engine`` up to ``revision`` (no-op when current)."""
    head = head_revision()
    with engine.connect() as conn:
        current = current_revision(conn)
    if revision == "head" and current == head:
        return
    if current is not None and current not in known_revisions():
        raise StoreError(
            f"the store is at schema revision {current!r}, unknown to this lagebild "
            f"(newest known: {head!r}): it was made by a newer version"
        )
    _locked(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate down to ``revision`` ("base" drops every table: for tests and developers)."""
    _locked(engine, lambda config: command.downgrade(config, revision))


def _locked(engine: Engine, run: Callable[[Config], None]) -> None:
    writer = engine.connect().execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
    with writer as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        run(alembic_config(conn))


def new_revision(url: str, message: str, directory: Path = MIGRATIONS) -> None:
    """For developers: write a migration for what ``schema.py`` adds over the database at
    ``url`` (migrated to head first), into ``directory``'s ``versions/``. Review it, and add
    any SQLite/PostgreSQL search changes by hand as in ``0001_initial.py``."""
    from lagebild.store.engine import create, normalize_url

    engine = create(normalize_url(url))
    upgrade(engine)
    with engine.connect() as conn:
        config = alembic_config(conn)
        config.set_main_option("script_location", str(directory))
        command.revision(config, message=message, autogenerate=True)
    engine.dispose()
