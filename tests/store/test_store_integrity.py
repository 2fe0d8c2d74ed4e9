"""integrity_check finds what a crash or a bug could leave behind, and nothing on a good store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Connection, delete, insert, update
from store_fixtures import english, german, story

from lagebild.store import Store, schema


@pytest.fixture
def filled(store: Store) -> Store:
    store.save_articles([german(), english()])
    store.save_stories([story()])
    return store


@contextmanager
def unchecked(store: Store) -> Iterator[Connection]:
    """A transaction with foreign keys off, to plant damage the store itself would refuse."""
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            conn.exec_driver_sql("COMMIT")  # foreign_keys can only change outside a transaction
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("SET session_replication_role = replica")
        yield conn
        conn.commit()
        if store.dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
        else:
            conn.exec_driver_sql("SET session_replication_role = origin")
            conn.commit()


def test_a_good_store_has_no_problems(filled: Store) -> None:
    assert filled.integrity_check() == []
    assert filled.integrity_check(deep=True) == []


def test_orphan_projection_rows_are_found(filled: Store) -> None:
    row = {"article_id": "gone", "idx": 0, "json": "{}"}
    with unchecked(filled) as conn:
        conn.execute(insert(schema.claims), row)
    problems = filled.integrity_check()
    assert any(p.startswith("claims: 1 row(s) point at a missing article") for p in problems)


def test_story_members_pointing_at_missing_articles_are_found(filled: Store) -> None:
    with unchecked(filled) as conn:
        conn.execute(delete(schema.articles).where(schema.articles.c.id == "en1"))
    problems = " | ".join(filled.integrity_check())
    assert "story_members: 1 row(s) point at a missing article" in problems
    assert "drift_articles" in problems


def test_half_written_and_tampered_articles_are_found_by_the_deep_check(filled: Store) -> None:
    with unchecked(filled) as conn:
        conn.execute(delete(schema.claims).where(schema.claims.c.article_id == "de1"))
        conn.execute(
            update(schema.articles).where(schema.articles.c.id == "en1").values(record="{}")
        )
    assert filled.integrity_check() == []  # only the deep check reads records
    problems = " | ".join(filled.integrity_check(deep=True))
    assert "claims: 'de1' has 0 rows, its record 1" in problems
    assert "record of 'en1' does not match its hash" in problems


def test_story_member_count_mismatch_is_found(filled: Store) -> None:
    with unchecked(filled) as conn:
        conn.execute(update(schema.stories).values(n_articles=5))
    assert any("n_articles" in p for p in filled.integrity_check())
