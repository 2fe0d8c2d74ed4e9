"""What the watcher remembers, in two tables of the store's database, so that a restart
resumes without fetching or storing anything twice.

``watch_feeds`` holds each feed's validators (ETag, Last-Modified) for conditional
requests; ``watch_entries`` holds every entry seen, with its status (``done`` once its
article is stored, ``failed`` with the number of attempts). An entry is marked ``done``
only after its article is committed; the article write is an idempotent upsert by id, so a
kill between the two only means one harmless re-fetch.

The tables have their own ``MetaData`` (created with ``checkfirst``), apart from the
store's migrated schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite

from lagebild.store import Store
from lagebild.store.engine import BEGIN_OPTION

metadata = MetaData()

watch_feeds = Table(
    "watch_feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", DateTime(timezone=True)),
    Column("last_status", Integer),
)

watch_entries = Table(
    "watch_entries",
    metadata,
    Column("feed_url", Text, nullable=False),
    Column("entry_key", Text, nullable=False),
    Column("link", Text),
    Column("article_id", Text),
    Column("status", Text, nullable=False),  # done | failed | skipped
    Column("attempts", Integer, nullable=False, default=0),
    Column("reason", Text),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("feed_url", "entry_key"),
)


@dataclass(frozen=True, slots=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None


class WatchState:
    """Read and write the watcher's tables in the store's database."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine
        metadata.create_all(self.engine, checkfirst=True)

    def _upsert(self, table: Table, row: dict[str, Any], keys: tuple[str, ...]) -> Any:
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        stmt = insert(table).values(**row)
        updates = {k: stmt.excluded[k] for k in row if k not in keys}
        return stmt.on_conflict_do_update(index_elements=list(keys), set_=updates)

    def _write(self, stmt: Any) -> None:
        options = {BEGIN_OPTION: "IMMEDIATE"}  # SQLite: take the write lock up front
        with self.engine.connect().execution_options(**options) as conn, conn.begin():
            conn.execute(stmt)

    def feed(self, url: str) -> FeedState:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(watch_feeds.c.etag, watch_feeds.c.last_modified).where(
                    watch_feeds.c.url == url
                )
            ).first()
        return FeedState(row.etag, row.last_modified) if row else FeedState()

    def save_feed(self, url: str, status: int, etag: str | None, last_modified: str | None) -> None:
        row = {
            "url": url,
            "etag": etag,
            "last_modified": last_modified,
            "last_polled": datetime.now(UTC),
            "last_status": status,
        }
        self._write(self._upsert(watch_feeds, row, ("url",)))

    def entry_status(self, feed_url: str, keys: list[str]) -> dict[str, tuple[str, int]]:
        """(status, attempts) of the entries among ``keys`` already seen."""
        if not keys:
            return {}
        e = watch_entries
        out: dict[str, tuple[str, int]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(keys), 500):
                rows = conn.execute(
                    select(e.c.entry_key, e.c.status, e.c.attempts).where(
                        e.c.feed_url == feed_url, e.c.entry_key.in_(keys[i : i + 500])
                    )
                ).all()
                out.update({r.entry_key: (r.status, int(r.attempts or 0)) for r in rows})
        return out

    def mark(
        self,
        feed_url: str,
        key: str,
        link: str | None,
        status: str,
        article_id: str | None = None,
        reason: str | None = None,
        attempts: int = 1,
    ) -> None:
        row = {
            "feed_url": feed_url,
            "entry_key": key,
            "link": link,
            "article_id": article_id,
            "status": status,
            "attempts": attempts,
            "reason": reason,
            "seen_at": datetime.now(UTC),
        }
        self._write(self._upsert(watch_entries, row, ("feed_url", "entry_key")))

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with self.engine.connect() as conn:
            rows = conn.execute(
                select(watch_entries.c.status, func.count()).group_by(watch_entries.c.status)
            ).all()
        return {r[0]: int(r[1]) for r in rows}
