"""Transactional writes: articles (with their projections), stories, failures.

Every write runs in one transaction that holds the write lock (SQLite ``BEGIN IMMEDIATE``,
PostgreSQL row locks). Rows are written in id order and actors upserted in id order so
that two writers cannot deadlock; when a concurrent writer inserts the same id first,
or the database reports a deadlock or a lock timeout, the whole batch is retried.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, OperationalError

from lagebild.errors import StoreError
from lagebild.store import schema
from lagebild.store.engine import BEGIN_OPTION
from lagebild.store.rows import ArticleRows, StoryRows

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_ATTEMPTS = 8
_RETRY_PGCODES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock timeout


class _Conflict(Exception):
    """A concurrent writer inserted the same id first: retry the transaction."""


def _retryable(err: Exception) -> bool:
    if isinstance(err, _Conflict):
        return True
    if isinstance(err, DBAPIError):
        code = getattr(err.orig, "sqlstate", None) or getattr(err.orig, "pgcode", None)
        if code in _RETRY_PGCODES:
            return True
        if isinstance(err, OperationalError) and "locked" in str(err.orig).lower():
            return True
    return False


def in_transaction(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in a write transaction, retrying on conflicts; errors become StoreError."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            writer = engine.connect().execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
            with writer as conn, conn.begin():
                return work(conn)
        except (_Conflict, DBAPIError) as err:
            if attempt < MAX_ATTEMPTS and _retryable(err):
                log.info("write conflict (%s), retrying (attempt %d)", type(err).__name__, attempt)
                time.sleep(0.01 * attempt)
                continue
            if isinstance(err, _Conflict):
                raise StoreError("gave up after repeated write conflicts") from err
            raise StoreError(f"database write failed: {err.orig}") from err
    raise StoreError("unreachable")  # pragma: no cover


def _insert(conn: Connection, table: Table) -> Any:
    module = postgresql if conn.dialect.name == "postgresql" else sqlite
    return module.insert(table)


def _insert_new(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows whose ids were just seen absent; a concurrent insert means retry."""
    statement = (
        _insert(conn, table).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id)
    )
    inserted = conn.execute(statement, rows).scalars().all()
    if len(inserted) != len(rows):
        raise _Conflict(sorted({r["id"] for r in rows} - set(inserted))[:1])


def _existing(conn: Connection, table: Table, ids: list[str]) -> dict[str, str]:
    """id → record_hash of the stored rows among ``ids``, locked in id order (PostgreSQL)."""
    found: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        stmt = (
            select(table.c.id, table.c.record_hash)
            .where(table.c.id.in_(ids[i : i + 500]))
            .order_by(table.c.id)
            .with_for_update()
        )
        found.update((row[0], row[1]) for row in conn.execute(stmt))
    return found


def _replace_children(
    conn: Connection, tables: Sequence[Table], key: str, replaced: list[str],
    changed: Sequence[ArticleRows | StoryRows],
) -> None:  # fmt: skip
    """Delete the child rows of replaced parents, then insert every changed parent's rows."""
    for i in range(0, len(replaced), 500):
        for table in tables:
            conn.execute(delete(table).where(table.c[key].in_(replaced[i : i + 500])))
    for table in tables:
        rows = [row for parent in changed for row in parent.children.get(table.name, ())]
        if rows:
            conn.execute(table.insert(), rows)


def write_articles(conn: Connection, batch: Sequence[ArticleRows]) -> tuple[int, int]:
    """Write a batch (already sorted by id, one entry per id). Returns (written, unchanged)."""
    articles = schema.articles
    existing = _existing(conn, articles, [r.id for r in batch])
    changed = [r for r in batch if existing.get(r.id) != r.record_hash]
    new = [r.article for r in changed if r.id not in existing]
    replaced = [r for r in changed if r.id in existing]
    if new:
        _insert_new(conn, articles, new)
    for rows in replaced:
        values = {k: v for k, v in rows.article.items() if k not in ("id", "ingested_at")}
        conn.execute(update(articles).where(articles.c.id == rows.id).values(**values))
    _replace_children(
        conn, schema.ARTICLE_CHILDREN, "article_id", [r.id for r in replaced], changed
    )
    if replaced:
        _refresh_story_dates(conn, [r.id for r in replaced])
    actors: dict[str, dict[str, Any]] = {}
    for rows in changed:
        actors.update(rows.actors)
    _upsert_actors(conn, [actors[k] for k in sorted(actors)])
    return len(changed), len(batch) - len(changed)


def _refresh_story_dates(conn: Connection, article_ids: list[str]) -> None:
    """Recompute first/last publication dates of the stories the replaced articles are in."""
    a, m, st = schema.articles, schema.story_members, schema.stories
    members = a.join(m, m.c.article_id == a.c.id)

    def bound(fn: Any) -> Any:
        return (
            select(fn(a.c.published_date))
            .select_from(members)
            .where(m.c.story_id == st.c.id)
            .scalar_subquery()
        )

    for i in range(0, len(article_ids), 500):
        affected = select(m.c.story_id).where(m.c.article_id.in_(article_ids[i : i + 500]))
        conn.execute(
            update(st)
            .where(st.c.id.in_(affected))
            .values(first_published=bound(func.min), last_published=bound(func.max))
        )


def _upsert_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """The newest name/kind wins; country and Wikidata id are kept when a newer row lacks them."""
    if not rows:
        return
    table = schema.actors
    statement = _insert(conn, table)
    excluded = statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=["id"],
        set_={
            "name": excluded.name,
            "kind": excluded.kind,
            "country": func.coalesce(excluded.country, table.c.country),
            "wikidata": func.coalesce(excluded.wikidata, table.c.wikidata),
            "json": excluded.json,
            "updated_at": excluded.updated_at,
        },
    )
    conn.execute(statement, rows)  # executemany keeps the (sorted) order: no deadlocks


def missing_articles(conn: Connection, ids: set[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        found.update(
            conn.execute(select(schema.articles.c.id).where(schema.articles.c.id.in_(chunk)))
            .scalars()
            .all()
        )
    return ids - found


def write_stories(conn: Connection, batch: Sequence[StoryRows]) -> tuple[int, int]:
    stories, articles = schema.stories, schema.articles
    missing = missing_articles(conn, set().union(*(r.article_ids for r in batch)))
    if missing:
        shown = ", ".join(sorted(missing)[:5])
        raise StoreError(
            f"stories point at {len(missing)} article(s) not in the store ({shown}…): "
            "save the articles first"
        )
    existing = _existing(conn, stories, [r.id for r in batch])
    changed = [r for r in batch if existing.get(r.id) != r.record_hash]
    for rows in changed:
        members = [r["article_id"] for r in rows.children["story_members"]]
        first, last = conn.execute(
            select(func.min(articles.c.published_date), func.max(articles.c.published_date))
            .where(articles.c.id.in_(members))
        ).one()  # fmt: skip
        rows.story.update(first_published=first, last_published=last)
    new = [r.story for r in changed if r.id not in existing]
    replaced = [r for r in changed if r.id in existing]
    if new:
        _insert_new(conn, stories, new)
    for rows in replaced:
        values = {k: v for k, v in rows.story.items() if k != "id"}
        conn.execute(update(stories).where(stories.c.id == rows.id).values(**values))
    _replace_children(conn, schema.STORY_CHILDREN, "story_id", [r.id for r in replaced], changed)
    return len(changed), len(batch) - len(changed)


def delete_stories_except(conn: Connection, keep: set[str]) -> int:
    """Delete every story whose id is not in ``keep`` (children first). Returns the count."""
    ids = [i for i in conn.execute(select(schema.stories.c.id)).scalars() if i not in keep]
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for table in schema.STORY_CHILDREN:
            conn.execute(delete(table).where(table.c.story_id.in_(chunk)))
        conn.execute(delete(schema.stories).where(schema.stories.c.id.in_(chunk)))
    return len(ids)
