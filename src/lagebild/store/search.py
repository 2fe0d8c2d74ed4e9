"""Full-text search over article titles and texts with each backend's own facility.

SQLite uses the FTS5 table ``articles_fts`` (external content, kept in step by triggers),
PostgreSQL the generated ``articles.tsv`` column with its GIN index; both tokenise without
stemming (``unicode61`` / ``simple``) so that German and English behave the same.

A user's query is never handed to either query language as typed: :func:`parse_query`
keeps only words (letters and digits), ``"quoted phrases"`` and a trailing ``*`` for a
prefix, and the query string built from them travels as a bound parameter. Every term
must match (AND).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    bindparam,
    false,
    func,
    literal_column,
    select,
)
from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table

from lagebild.store import schema
from lagebild.store.views import SearchHit

MAX_TERMS = 32
MAX_WORD = 64
_TERM = re.compile(r'"([^"]*)"?|([^\W_]+)(\*?)')
_WORD = re.compile(r"[^\W_]+")
MARK_START, MARK_END = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # one word, or several for a phrase
    prefix: bool = False


def parse_query(query: str) -> list[Term]:
    """The terms of a user's query; anything that is not a word or a phrase is dropped."""
    terms: list[Term] = []
    for match in _TERM.finditer(query or ""):
        phrase, word, star = match.groups()
        if phrase is not None:
            words = tuple(w[:MAX_WORD] for w in _WORD.findall(phrase))
            if words:
                terms.append(Term(words))
        elif word:
            terms.append(Term((word[:MAX_WORD],), prefix=bool(star)))
        if len(terms) >= MAX_TERMS:
            break
    return terms


def fts5_query(terms: list[Term]) -> str:
    """FTS5 syntax: every term double-quoted (words hold no quotes), prefix ``*`` outside."""
    return " ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in terms)


def tsquery(terms: list[Term]) -> str:
    """``to_tsquery`` syntax: quoted lexemes, ``<->`` inside phrases, ``&`` between terms."""
    parts = []
    for t in terms:
        lexemes = [f"'{w}'" for w in t.words]
        if t.prefix:
            lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)


_FTS = sa_table("articles_fts", sa_column("rowid"), sa_column("articles_fts"))
_TSV: ColumnElement[Any] = literal_column("articles.tsv")
_SIMPLE: ColumnElement[Any] = literal_column("'simple'::regconfig")


def _pg_query(terms: list[Term]) -> ColumnElement:
    return func.to_tsquery(_SIMPLE, bindparam("tsq", tsquery(terms)))


def _match_clause(dialect: str, terms: list[Term]) -> ColumnElement:
    if dialect == "sqlite":
        return _FTS.c.articles_fts.op("MATCH")(bindparam("ftsq", fts5_query(terms)))
    return _TSV.op("@@")(_pg_query(terms))


def matching_ids(dialect: str, query: str) -> Select:
    """A ``SELECT articles.id`` of the articles matching ``query`` (for use in filters)."""
    articles = schema.articles
    terms = parse_query(query)
    if not terms:
        return select(articles.c.id).where(false())
    if dialect == "sqlite":
        return (
            select(articles.c.id)
            .select_from(_FTS.join(articles, articles.c.seq == _FTS.c.rowid))
            .where(_match_clause(dialect, terms))
        )
    return select(articles.c.id).where(_match_clause(dialect, terms))


def search(
    conn: Connection, query: str, limit: int, offset: int, where: list[ColumnElement]
) -> list[SearchHit]:
    """Articles matching ``query`` (and the extra ``where`` clauses), best first."""
    terms = parse_query(query)
    if not terms:
        return []
    a = schema.articles
    dialect = conn.dialect.name
    cols = (a.c.id, a.c.title, a.c.outlet, a.c.lang, a.c.published)
    if dialect == "sqlite":
        fts: ColumnElement[Any] = literal_column("articles_fts")
        snippet = func.snippet(fts, -1, MARK_START, MARK_END, "…", 24)
        stmt = (
            select(*cols, snippet.label("snippet"), (-func.bm25(fts)).label("score"))
            .select_from(_FTS.join(a, a.c.seq == _FTS.c.rowid))
            .where(_match_clause(dialect, terms), *where)
            .order_by(func.bm25(fts), a.c.id)
        )
        found = conn.execute(stmt.limit(limit).offset(offset)).all()
        return [_hit(r, r.snippet or "") for r in found]
    query_expr = _pg_query(terms)
    score = func.ts_rank(_TSV, query_expr)
    stmt = (
        select(*cols, score.label("score"))
        .where(_TSV.op("@@")(query_expr), *where)
        .order_by(score.desc(), a.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = conn.execute(stmt).all()
    snippets = _pg_snippets(conn, terms, [r.id for r in rows])
    return [_hit(r, snippets.get(r.id, "")) for r in rows]


def _hit(row: Any, snippet: str) -> SearchHit:
    return SearchHit(
        row.id, row.title, row.outlet, row.lang, row.published, snippet, float(row.score)
    )


def _pg_snippets(conn: Connection, terms: list[Term], ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    a = schema.articles
    options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12"
    headline = func.ts_headline(_SIMPLE, a.c.text, _pg_query(terms), bindparam("opts", options))
    rows = conn.execute(select(a.c.id, headline).where(a.c.id.in_(ids))).all()
    return {r[0]: r[1] for r in rows}


def count(conn: Connection, query: str, where: list[ColumnElement]) -> int:
    terms = parse_query(query)
    if not terms:
        return 0
    a = schema.articles
    stmt = select(func.count()).select_from(a)
    if conn.dialect.name == "sqlite":
        stmt = select(func.count()).select_from(_FTS.join(a, a.c.seq == _FTS.c.rowid))
    return int(
        conn.execute(stmt.where(_match_clause(conn.dialect.name, terms), *where)).scalar_one()
    )
