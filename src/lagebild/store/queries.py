"""Read queries behind the list methods of the store: filters become WHERE clauses.

Every value a caller passes travels as a bound parameter; ordering is deterministic
(newest first, then id) so that limit/offset pages neither repeat nor skip rows.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, exists, func, or_, select

from lagebild.records import Actor, Attribution, Claim, Origin, Role, from_dict
from lagebild.store import schema, search
from lagebild.store.views import (
    ActorProfile,
    ArticleFilter,
    ArticleRow,
    AttributionFilter,
    AttributionRow,
    ClaimFilter,
    ClaimRow,
    StoryFilter,
    StoryRow,
)

A = schema.articles
_ARTICLE_COLS = (
    A.c.id, A.c.url, A.c.outlet, A.c.lang, A.c.title, A.c.published, A.c.content_hash,
    A.c.pipeline_version,
)  # fmt: skip


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def article_where(dialect: str, f: ArticleFilter | None) -> list[ColumnElement]:
    if f is None:
        return []
    where: list[ColumnElement] = []
    if f.lang is not None:
        where.append(A.c.lang == f.lang)
    if f.outlet is not None:
        where.append(A.c.outlet == f.outlet)
    if f.since is not None:
        where.append(A.c.published_date >= _day(f.since))
    if f.until is not None:
        where.append(A.c.published_date <= _day(f.until))
    if f.actor_id is not None:
        aa = schema.article_actors
        where.append(exists().where(aa.c.article_id == A.c.id, aa.c.actor_id == f.actor_id))
    if f.q is not None:
        where.append(A.c.id.in_(search.matching_ids(dialect, f.q)))
    return where


def _newest_first(stmt: Select) -> Select:
    return stmt.order_by(A.c.published_date.desc().nulls_last(), A.c.id)


def article_page(
    where: list[ColumnElement], after: tuple[Any, ...] | None, n: int, order: str
) -> Select:
    """One keyset page of (key, id, record, text): newest first, or in storage order."""
    if order == "stored":
        stmt = select(A.c.seq, A.c.id, A.c.record, A.c.text).where(*where).order_by(A.c.seq)
        if after is not None:
            stmt = stmt.where(A.c.seq > after[0])
        return stmt.limit(n)
    day = func.coalesce(A.c.published_date, "")
    stmt = (
        select(day.label("day"), A.c.id, A.c.record, A.c.text)
        .where(*where)
        .order_by(day.desc(), A.c.id)
    )
    if after is not None:
        stmt = stmt.where(or_(day < after[0], and_(day == after[0], A.c.id > after[1])))
    return stmt.limit(n)


def list_articles(
    conn: Connection, f: ArticleFilter | None, limit: int, offset: int
) -> list[ArticleRow]:
    stmt = select(*_ARTICLE_COLS).where(*article_where(conn.dialect.name, f))
    rows = conn.execute(_newest_first(stmt).limit(limit).offset(offset)).all()
    return [ArticleRow(*r) for r in rows]


def count_articles(conn: Connection, f: ArticleFilter | None) -> int:
    stmt = select(func.count()).select_from(A).where(*article_where(conn.dialect.name, f))
    return int(conn.execute(stmt).scalar_one())


# --------------------------------------------------------------------------- stories

S = schema.stories


def story_where(dialect: str, f: StoryFilter | None) -> list[ColumnElement]:
    if f is None:
        return []
    where: list[ColumnElement] = []
    if f.since is not None:
        where.append(S.c.last_published >= _day(f.since))
    if f.until is not None:
        where.append(S.c.first_published <= _day(f.until))
    member = ArticleFilter(lang=f.lang, outlet=f.outlet, actor_id=f.actor_id, q=f.q)
    member_where = article_where(dialect, member)
    if member_where:
        m = schema.story_members
        where.append(
            exists()
            .select_from(m.join(A, A.c.id == m.c.article_id))
            .where(m.c.story_id == S.c.id, *member_where)
        )
    return where


_STORY_COLS = (
    "id", "title", "n_articles", "origin_outlet", "origin_article_id", "origin_date",
    "origin_basis", "first_published", "last_published",
)  # fmt: skip


def list_stories(
    conn: Connection, f: StoryFilter | None, limit: int, offset: int
) -> list[StoryRow]:
    sc, dr = schema.story_claims, schema.drift
    n_claims = select(func.count()).where(sc.c.story_id == S.c.id).scalar_subquery()
    n_drift = select(func.count()).where(dr.c.story_id == S.c.id).scalar_subquery()
    stmt = (
        select(
            *(S.c[name] for name in _STORY_COLS),
            n_claims.label("n_claims"),
            n_drift.label("n_drift"),
        )
        .where(*story_where(conn.dialect.name, f))
        .order_by(S.c.last_published.desc().nulls_last(), S.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = conn.execute(stmt).all()
    langs, outlets = _member_facets(conn, [r.id for r in rows])
    out = []
    for r in rows:
        origin = None
        if r.origin_basis is not None:
            origin = Origin(r.origin_outlet, r.origin_article_id, r.origin_date, r.origin_basis)
        out.append(
            StoryRow(
                r.id,
                r.title,
                r.n_articles,
                origin,
                r.first_published,
                r.last_published,
                r.n_claims,
                r.n_drift,
                langs.get(r.id, ()),
                outlets.get(r.id, ()),
            )
        )
    return out


def _member_facets(
    conn: Connection, ids: list[str]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    if not ids:
        return {}, {}
    m = schema.story_members
    rows = conn.execute(
        select(m.c.story_id, A.c.lang, A.c.outlet)
        .select_from(m.join(A, A.c.id == m.c.article_id))
        .where(m.c.story_id.in_(ids))
    ).all()
    langs: dict[str, set[str]] = {}
    outlets: dict[str, set[str]] = {}
    for story_id, lang, outlet in rows:
        if lang:
            langs.setdefault(story_id, set()).add(lang)
        if outlet:
            outlets.setdefault(story_id, set()).add(outlet)
    return (
        {k: tuple(sorted(v)) for k, v in langs.items()},
        {k: tuple(sorted(v)) for k, v in outlets.items()},
    )


def count_stories(conn: Connection, f: StoryFilter | None) -> int:
    stmt = select(func.count()).select_from(S).where(*story_where(conn.dialect.name, f))
    return int(conn.execute(stmt).scalar_one())


# --------------------------------------------------------------------------- claims

C = schema.claims


def claim_where(f: ClaimFilter | None) -> list[ColumnElement]:
    if f is None:
        return []
    where: list[ColumnElement] = []
    for name in ("actor_id", "target_id", "event_type", "modality", "article_id"):
        value = getattr(f, name)
        if value is not None:
            where.append(C.c[name] == value)
    if f.story_id is not None:
        m = schema.story_members
        where.append(exists().where(m.c.story_id == f.story_id, m.c.article_id == C.c.article_id))
    where.extend(_context_where(f.lang, f.outlet, f.since, f.until))
    return where


def _context_where(
    lang: str | None, outlet: str | None, since: str | None, until: str | None
) -> list[ColumnElement]:
    clauses: list[ColumnElement] = []
    if lang is not None:
        clauses.append(A.c.lang == lang)
    if outlet is not None:
        clauses.append(A.c.outlet == outlet)
    if since is not None:
        clauses.append(A.c.published_date >= _day(since))
    if until is not None:
        clauses.append(A.c.published_date <= _day(until))
    return clauses


_CONTEXT = (A.c.outlet, A.c.lang, A.c.published, A.c.title)


def list_claims(conn: Connection, f: ClaimFilter | None, limit: int, offset: int) -> list[ClaimRow]:
    stmt = (
        select(C.c.article_id, *_CONTEXT, C.c.json)
        .select_from(C.join(A, A.c.id == C.c.article_id))
        .where(*claim_where(f))
        .order_by(A.c.published_date.desc().nulls_last(), C.c.article_id, C.c.idx)
        .limit(limit)
        .offset(offset)
    )
    return [
        ClaimRow(r[0], r[1], r[2], r[3], r[4], from_dict(Claim, json.loads(r[5])))
        for r in conn.execute(stmt)
    ]


def count_claims(conn: Connection, f: ClaimFilter | None) -> int:
    stmt = select(func.count()).select_from(C.join(A, A.c.id == C.c.article_id))
    return int(conn.execute(stmt.where(*claim_where(f))).scalar_one())


# --------------------------------------------------------------------------- attributions

T = schema.attributions
TS = schema.attribution_sources


def attribution_where(f: AttributionFilter | None) -> list[ColumnElement]:
    if f is None:
        return []
    where: list[ColumnElement] = []
    if f.speaker_id is not None:
        where.append(T.c.speaker_actor_id == f.speaker_id)
    if f.form is not None:
        where.append(T.c.form == f.form)
    if f.article_id is not None:
        where.append(T.c.article_id == f.article_id)
    if f.source_type is not None or f.source_actor_id is not None:
        source = [TS.c.article_id == T.c.article_id, TS.c.attribution_idx == T.c.idx]
        if f.source_type is not None:
            source.append(TS.c.type == f.source_type)
        if f.source_actor_id is not None:
            source.append(TS.c.actor_id == f.source_actor_id)
        where.append(exists().where(and_(*source)))
    where.extend(_context_where(f.lang, f.outlet, f.since, f.until))
    return where


def list_attributions(
    conn: Connection, f: AttributionFilter | None, limit: int, offset: int
) -> list[AttributionRow]:
    stmt = (
        select(T.c.article_id, *_CONTEXT, T.c.json)
        .select_from(T.join(A, A.c.id == T.c.article_id))
        .where(*attribution_where(f))
        .order_by(A.c.published_date.desc().nulls_last(), T.c.article_id, T.c.idx)
        .limit(limit)
        .offset(offset)
    )
    return [
        AttributionRow(r[0], r[1], r[2], r[3], r[4], from_dict(Attribution, json.loads(r[5])))
        for r in conn.execute(stmt)
    ]


def count_attributions(conn: Connection, f: AttributionFilter | None) -> int:
    stmt = select(func.count()).select_from(T.join(A, A.c.id == T.c.article_id))
    return int(conn.execute(stmt.where(*attribution_where(f))).scalar_one())


# --------------------------------------------------------------------------- actors


def actor_profile(conn: Connection, actor_id: str) -> ActorProfile | None:
    row = conn.execute(select(schema.actors.c.json).where(schema.actors.c.id == actor_id)).first()
    if row is None:
        return None
    actor = from_dict(Actor, json.loads(row.json))
    r, aa, e = schema.actor_roles, schema.article_actors, schema.entities
    role_rows = conn.execute(
        select(r.c.role, r.c.org, r.c.start_date, r.c.end_date, r.c.source)
        .where(r.c.actor_id == actor_id)
        .distinct()
    ).all()
    roles = sorted({Role(*x) for x in role_rows}, key=lambda x: (x.start or "", x.role or ""))
    n, first, last = conn.execute(
        select(func.count(), func.min(A.c.published_date), func.max(A.c.published_date))
        .select_from(aa.join(A, A.c.id == aa.c.article_id))
        .where(aa.c.actor_id == actor_id)
    ).one()  # fmt: skip
    alias_rows = conn.execute(
        select(e.c.text, func.count()).where(e.c.actor_id == actor_id).group_by(e.c.text)
    ).all()
    aliases: Counter[str] = Counter({str(text or ""): int(n) for text, n in alias_rows})
    return ActorProfile(
        actor_id, Actor(actor.name, actor.kind, actor.country, actor.wikidata, tuple(roles)),
        tuple(sorted(aliases.items(), key=lambda x: (-x[1], x[0] or ""))), int(n), first, last,
    )  # fmt: skip


def _actor_where(kind: str | None, name: str | None) -> list[ColumnElement]:
    ac = schema.actors
    where: list[ColumnElement] = []
    if kind is not None:
        where.append(ac.c.kind == kind)
    if name is not None:
        pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(
            or_(ac.c.name.ilike(pattern, escape="\\"), ac.c.id.ilike(pattern, escape="\\"))
        )
    return where


def list_actors(
    conn: Connection, kind: str | None, name: str | None, limit: int, offset: int
) -> list[tuple[str, str | None, str | None]]:
    """(id, name, kind) of actors, by id; ``name`` matches a substring, case-insensitively."""
    ac = schema.actors
    stmt = select(ac.c.id, ac.c.name, ac.c.kind).where(*_actor_where(kind, name)).order_by(ac.c.id)
    return [tuple(x) for x in conn.execute(stmt.limit(limit).offset(offset)).all()]


def count_actors(conn: Connection, kind: str | None, name: str | None) -> int:
    stmt = select(func.count()).select_from(schema.actors).where(*_actor_where(kind, name))
    return int(conn.execute(stmt).scalar_one())
