"""Opening: URLs, SQLite settings, migrations from empty, schema in step with the code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from store_fixtures import german

from lagebild.errors import StoreError
from lagebild.store import Store
from lagebild.store.engine import normalize_url
from lagebild.store.migrate import MIGRATIONS, downgrade, head_revision, new_revision, upgrade
from lagebild.store.schema import is_search_object, metadata


def test_urls_map_to_drivers(tmp_path: Path) -> None:
    assert normalize_url("postgresql://u@h:5/db").drivername == "postgresql+psycopg"
    assert normalize_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert normalize_url(str(tmp_path / "x.db")).database == str(tmp_path / "x.db")
    assert normalize_url("sqlite:///a.db").database == "a.db"
    with pytest.raises(StoreError, match="unsupported"):
        normalize_url("mysql://u@h/db")


def test_default_url_is_a_file_in_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Store.open(None) as store:
        store.save_article(german())
    assert (tmp_path / "data" / "lagebild" / "lagebild.db").is_file()


def test_unusable_path_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError):
        Store.open(str(tmp_path / "file" / "sub" / "x.db"))


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "s.db")) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


def _diff(store: Store) -> list[object]:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, parent: not is_search_object(name),
            },
        )
        return list(compare_metadata(context, metadata))


def test_migrations_build_the_schema_the_code_declares(store: Store) -> None:
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        tables = set(inspect(conn).get_table_names())
    assert set(metadata.tables) <= tables
    assert _diff(store) == []


def test_reopening_keeps_data_and_revision(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save_article(german())
    with Store.open(db_url) as store:
        assert store.get_article("de1") == german()
        with store.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()


def test_downgrade_to_empty_and_upgrade_again(store: Store) -> None:
    downgrade(store.engine, "base")
    with store.engine.connect() as conn:
        assert "articles" not in inspect(conn).get_table_names()
    upgrade(store.engine)
    store.save_article(german())
    assert [h.id for h in store.search("Waffenstillstand")] == ["de1"]


def test_a_store_from_a_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    with Store.open(url) as store, store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(StoreError, match="newer version"):
        Store.open(url)


def test_autogenerate_on_a_current_database_finds_nothing_to_do(tmp_path: Path) -> None:
    directory = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, directory, ignore=shutil.ignore_patterns("__pycache__"))
    new_revision(f"sqlite:///{tmp_path / 's.db'}", "nothing", directory)
    [new] = [p for p in (directory / "versions").glob("*.py") if "nothing" in p.name]
    body = new.read_text()
    assert "op." not in body.replace("op.f(", ""), body  # no table, column or index changes
