"""Consistency checks: the backend's own (SQLite ``PRAGMA integrity_check``, foreign keys,
FTS5 index) and ours (no orphan projection rows, story members point at stored articles,
story counts match). ``deep`` also re-reads every record and compares it with its hash
and its projection rows, which finds a half-written article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from sqlalchemy import Connection, Table, exists, func, select, text
from sqlalchemy.exc import DBAPIError

from lagebild.store import schema

A, S = schema.articles, schema.stories


def _orphans(conn: Connection, table: Table, column: str, parent: Table) -> int:
    parent_id = parent.c.id
    stmt = (
        select(func.count()).select_from(table).where(~exists().where(parent_id == table.c[column]))
    )
    return int(conn.execute(stmt).scalar_one())


def check(conn: Connection, deep: bool = False) -> list[str]:
    problems: list[str] = []
    if conn.dialect.name == "sqlite":
        problems += _sqlite_checks(conn)
    else:
        problems += _postgres_checks(conn)
    for table in schema.ARTICLE_CHILDREN:
        n = _orphans(conn, table, "article_id", A)
        if n:
            problems.append(f"{table.name}: {n} row(s) point at a missing article")
    for table in schema.STORY_CHILDREN:
        n = _orphans(conn, table, "story_id", S)
        if n:
            problems.append(f"{table.name}: {n} row(s) point at a missing story")
    for table in schema.STORY_ARTICLE_REFS:
        n = _orphans(conn, table, "article_id", A)
        if n:
            problems.append(f"{table.name}: {n} row(s) point at a missing article")
    m = schema.story_members
    members = select(func.count()).where(m.c.story_id == S.c.id).scalar_subquery()
    bad = conn.execute(select(S.c.id).where(S.c.n_articles != members).limit(5)).scalars().all()
    if bad:
        problems.append(f"stories: member count differs from n_articles for {list(bad)}")
    if deep:
        problems += list(_deep_checks(conn))
    return problems


def _sqlite_checks(conn: Connection) -> list[str]:
    problems = [
        f"sqlite integrity_check: {row[0]}"
        for row in conn.exec_driver_sql("PRAGMA integrity_check").all()
        if row[0] != "ok"
    ]
    fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if fk:
        tables = sorted({row[0] for row in fk})
        problems.append(f"sqlite foreign_key_check: {len(fk)} violation(s) in {tables}")
    try:
        conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    except DBAPIError as err:  # the error is the finding we report
        problems.append(f"full-text index: {err}")
    return problems


def _postgres_checks(conn: Connection) -> list[str]:
    problems = []
    invalid = conn.execute(
        text(
            "SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE n.nspname = current_schema() AND NOT c.convalidated"
        )
    ).scalars().all()  # fmt: skip
    if invalid:
        problems.append(f"postgres: constraints not validated: {list(invalid)}")
    invalid_ix = conn.execute(
        text(
            "SELECT i.indexrelid::regclass::text FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND NOT i.indisvalid"
        )
    ).scalars().all()  # fmt: skip
    if invalid_ix:
        problems.append(f"postgres: invalid indexes: {list(invalid_ix)}")
    return problems


_COUNTED = {
    "entities": "entities",
    "attributions": "attributions",
    "claims": "claims",
    "times": "times",
    "article_actors": "actors",
}


def _deep_checks(conn: Connection) -> Iterator[str]:
    counts: dict[str, dict[str, int]] = {}
    for name in _COUNTED:
        table = schema.metadata.tables[name]
        counts[name] = dict(
            conn.execute(
                select(table.c.article_id, func.count()).group_by(table.c.article_id)
            ).all()
        )
    stmt = select(A.c.id, A.c.record_hash, A.c.record, A.c.text).order_by(A.c.seq)
    for row in conn.execution_options(yield_per=500).execute(stmt):
        try:
            data = json.loads(row.record)
        except ValueError:
            yield f"articles: record of {row.id!r} is not valid JSON"
            continue
        text_value = data.pop("text", row.text)
        digest = hashlib.sha256()
        for part in (row.record, text_value):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x1f")
        if digest.hexdigest() != row.record_hash:
            yield f"articles: record of {row.id!r} does not match its hash"
        for name, key in _COUNTED.items():
            expected = len(data.get(key) or ())
            if counts[name].get(row.id, 0) != expected:
                found = counts[name].get(row.id, 0)
                yield f"{name}: {row.id!r} has {found} rows, its record {expected}"
