"""The store: articles, their projections, stories and failures in SQLite or PostgreSQL.

Usage::

    with Store.open("postgresql://user@host/db") as store:  # None: the default SQLite file
        store.save_articles(articles)
        article = store.get_article("a001")
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Literal, TypeVar

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import DBAPIError

from lagebild.config import default_db_url
from lagebild.errors import StoreError
from lagebild.records import Article, Failure, Story, from_dict
from lagebild.store import engine as engine_mod
from lagebild.store import integrity, migrate, queries, schema, search, write
from lagebild.store.rows import article_rows, safe_text, story_rows
from lagebild.store.views import (
    ActorProfile,
    ArticleFilter,
    ArticleRow,
    AttributionFilter,
    AttributionRow,
    ClaimFilter,
    ClaimRow,
    SearchHit,
    StoryFilter,
    StoryRow,
)

log = logging.getLogger(__name__)
MAX_LIMIT = 1000


def _page(limit: int, offset: int) -> tuple[int, int]:
    if limit < 0 or offset < 0:
        raise StoreError(f"limit and offset must be ≥ 0 (got {limit}, {offset})")
    return min(limit, MAX_LIMIT), offset


F = TypeVar("F")


def _safe(filters: F) -> F:
    """Filter values as stored: NUL and lone surrogates replaced, like the projections."""
    if filters is None:
        return filters
    changes = {
        f.name: safe_text(v)
        for f in dataclasses.fields(filters)  # type: ignore[arg-type]
        if isinstance(v := getattr(filters, f.name), str)
    }
    return dataclasses.replace(filters, **changes)  # type: ignore[type-var]


def _storable(value: str) -> bool:
    """Whether ``value`` can be a stored id (lookups of anything else find nothing)."""
    return isinstance(value, str) and safe_text(value) == value


def _check_id(kind: str, value: object) -> str:
    if not isinstance(value, str) or not value or safe_text(value) != value:
        raise StoreError(f"{kind} id must be a non-empty string without NUL: {value!r}")
    return value


class Store:
    """A connection pool to one database, migrated to the newest schema on open."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.url = engine.url.render_as_string(hide_password=True)  # for messages

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (and create or upgrade) the store at ``url``; None is the default SQLite file."""
        parsed = engine_mod.normalize_url(url or default_db_url())
        try:
            engine = engine_mod.create(parsed)
            migrate.upgrade(engine)
        except DBAPIError as err:
            raise StoreError(f"cannot open {parsed.render_as_string()}: {err.orig}") from err
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:  # fmt: skip
        self.close()

    def _read(self, fn: Any, *args: Any) -> Any:
        try:
            with self.engine.connect() as conn:
                return fn(conn, *args)
        except DBAPIError as err:
            raise StoreError(f"database read failed: {err.orig}") from err

    # ------------------------------------------------------------------ articles

    def save_article(self, article: Article) -> bool:
        """Store ``article``; False when the identical record is already stored.

        A stored article with the same id and different content is replaced atomically.
        """
        written, _ = self.save_articles([article])
        return written == 1

    def save_articles(
        self, articles: Iterable[Article], batch_size: int = 200,
        failures: list[Failure] | None = None,
    ) -> tuple[int, int]:  # fmt: skip
        """Store many articles, ``batch_size`` per transaction. Returns (written, unchanged).

        When the database refuses an article, its batch is retried one article at a time so
        that only that article is left out. With a ``failures`` list, each refused article
        is appended to it (stage ``store``) and recorded with :meth:`save_failure`; without
        one, the first refusal raises :class:`StoreError`.
        """
        written = same = 0
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                w, s = self._save_batch(batch, failures)
                written, same, batch = written + w, same + s, []
        if batch:
            w, s = self._save_batch(batch, failures)
            written, same = written + w, same + s
        return written, same

    def _save_batch(self, batch: list[Article], failures: list[Failure] | None) -> tuple[int, int]:
        try:
            return self._write_batch(batch)
        except StoreError as err:
            if len(batch) > 1:
                log.info("a batch of %d was refused (%s): saving one by one", len(batch), err)
            elif failures is None:
                raise
            else:
                self._refused(batch[0], err, failures)
                return 0, 0
        written = same = 0
        for article in batch:
            w, s = self._save_batch([article], failures)
            written, same = written + w, same + s
        return written, same

    def _refused(self, article: Article, err: StoreError, failures: list[Failure]) -> None:
        failure = Failure(str(article.id), "store", err.message, err.code)
        failures.append(failure)
        self.save_failure(failure)

    def _write_batch(self, batch: list[Article]) -> tuple[int, int]:
        now = datetime.now(UTC)
        latest = {_check_id("article", a.id): a for a in batch}  # last copy of an id wins
        rows = [article_rows(latest[k], now) for k in sorted(latest)]
        written, same = write.in_transaction(self.engine, lambda c: write.write_articles(c, rows))
        return written, same + len(batch) - len(latest)

    def get_article(self, article_id: str) -> Article | None:
        if not _storable(article_id):
            return None
        a = schema.articles
        row = self._read(
            lambda c: c.execute(select(a.c.record, a.c.text).where(a.c.id == article_id)).first()
        )
        return None if row is None else _article(row.record, row.text)

    def iter_articles(
        self, filters: ArticleFilter | None = None, limit: int | None = None, offset: int = 0,
        batch_size: int = 500, order: Literal["newest", "stored"] = "newest",
    ) -> Iterator[Article]:  # fmt: skip
        """Full records, newest first (like :meth:`list_articles`) or in the order they were
        first stored. Read in keyset pages: no transaction stays open between pages, and rows
        written meanwhile neither repeat nor shift the pages."""
        where = queries.article_where(self.dialect, _safe(filters))
        skip, remaining = offset, limit
        after: tuple[Any, ...] | None = None
        while remaining is None or remaining > 0:
            n = batch_size if remaining is None else min(batch_size, remaining + skip)
            stmt = queries.article_page(where, after, max(n, 1), order)
            rows = self._read(lambda c, stmt=stmt: c.execute(stmt).all())
            if not rows:
                return
            after = tuple(rows[-1][:2])
            for row in rows:
                if skip:
                    skip -= 1
                    continue
                if remaining is not None:
                    if remaining == 0:
                        return
                    remaining -= 1
                yield _article(row.record, row.text)

    def list_articles(
        self, filters: ArticleFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[ArticleRow]:
        return self._read(queries.list_articles, _safe(filters), *_page(limit, offset))

    def count_articles(self, filters: ArticleFilter | None = None) -> int:
        return self._read(queries.count_articles, _safe(filters))

    # ------------------------------------------------------------------ failures

    def save_failure(self, failure: Failure) -> None:
        row = {
            "id": safe_text(failure.id), "stage": safe_text(failure.stage),
            "reason": safe_text(failure.reason), "code": safe_text(failure.code),
            "at": datetime.now(UTC),
        }  # fmt: skip
        write.in_transaction(self.engine, lambda c: c.execute(insert(schema.failures), row))

    def failures(
        self, stage: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[tuple[Failure, datetime]]:
        """Failures, newest first, with the time each was recorded."""
        f = schema.failures
        limit, offset = _page(limit, offset)
        stmt = select(f.c.id, f.c.stage, f.c.reason, f.c.code, f.c.at).order_by(f.c.seq.desc())
        if stage is not None:
            stmt = stmt.where(f.c.stage == safe_text(stage))
        rows = self._read(lambda c: c.execute(stmt.limit(limit).offset(offset)).all())
        return [(Failure(r.id, r.stage, r.reason, r.code), r.at) for r in rows]

    def count_failures(self) -> int:
        stmt = select(func.count()).select_from(schema.failures)
        return self._read(lambda c: int(c.execute(stmt).scalar_one()))

    # ------------------------------------------------------------------ stories

    def save_stories(self, stories: Iterable[Story], replace_all: bool = False) -> tuple[int, int]:
        """Store stories (their articles must be stored first). Returns (written, unchanged).

        ``replace_all`` also deletes every stored story not among ``stories``, in the same
        transaction (for a run that recomputed all stories).
        """
        now = datetime.now(UTC)
        latest = {_check_id("story", s.id): s for s in stories}
        rows = [story_rows(latest[k], now) for k in sorted(latest)]

        def work(conn: Any) -> tuple[int, int]:
            result = write.write_stories(conn, rows) if rows else (0, 0)
            if replace_all:
                write.delete_stories_except(conn, set(latest))
            return result

        return write.in_transaction(self.engine, work)

    def get_story(self, story_id: str) -> Story | None:
        if not _storable(story_id):
            return None
        s = schema.stories
        row = self._read(lambda c: c.execute(select(s.c.record).where(s.c.id == story_id)).first())
        return None if row is None else from_dict(Story, json.loads(row.record))

    def list_stories(
        self, filters: StoryFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[StoryRow]:
        """Stories, newest copy first."""
        return self._read(queries.list_stories, _safe(filters), *_page(limit, offset))

    def count_stories(self, filters: StoryFilter | None = None) -> int:
        return self._read(queries.count_stories, _safe(filters))

    # ------------------------------------------------------------------ actors, claims …

    def actor(self, actor_id: str) -> ActorProfile | None:
        if not _storable(actor_id):
            return None
        return self._read(queries.actor_profile, actor_id)

    def actors(
        self, kind: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[tuple[str, str | None, str | None]]:
        """(id, name, kind) of stored actors by id; ``name`` is a case-insensitive substring."""
        kind, name = safe_text(kind), safe_text(name)
        return self._read(queries.list_actors, kind, name, *_page(limit, offset))

    def count_actors(self, kind: str | None = None, name: str | None = None) -> int:
        return self._read(queries.count_actors, safe_text(kind), safe_text(name))

    def claims(
        self, filters: ClaimFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[ClaimRow]:
        return self._read(queries.list_claims, _safe(filters), *_page(limit, offset))

    def count_claims(self, filters: ClaimFilter | None = None) -> int:
        return self._read(queries.count_claims, _safe(filters))

    def attributions(
        self, filters: AttributionFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[AttributionRow]:
        return self._read(queries.list_attributions, _safe(filters), *_page(limit, offset))

    def count_attributions(self, filters: AttributionFilter | None = None) -> int:
        return self._read(queries.count_attributions, _safe(filters))

    # ------------------------------------------------------------------ search

    def search(
        self, query: str, limit: int = 20, offset: int = 0, filters: ArticleFilter | None = None
    ) -> list[SearchHit]:
        """Articles whose title or text contain every word/phrase of ``query``, best first."""
        limit, offset = _page(limit, offset)
        where = queries.article_where(self.dialect, _safe(filters))
        return self._read(search.search, query, limit, offset, where)

    def count_search(self, query: str, filters: ArticleFilter | None = None) -> int:
        where = queries.article_where(self.dialect, _safe(filters))
        return self._read(search.count, query, where)

    # ------------------------------------------------------------------ health

    def integrity_check(self, deep: bool = False) -> list[str]:
        """Problems found (empty when the store is consistent). ``deep`` re-reads every record."""
        return self._read(integrity.check, deep)

    def counts(self) -> dict[str, int]:
        """Rows per table."""

        def work(conn: Any) -> dict[str, int]:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in schema.metadata.tables.items()
            }

        return self._read(work)


def _article(record: str, text: str) -> Article:
    data = json.loads(record)
    data.setdefault("text", text)
    return from_dict(Article, data)
