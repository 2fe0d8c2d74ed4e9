"""Read queries the web UI needs beyond :class:`~lagebild.store.Store`'s own methods:
many articles by id at once, facet values for the filter forms, the commitments matrix
and the per-outlet sourcing and drift figures.

Built with SQLAlchemy Core on the store's tables: every value travels as a bound
parameter, never inside the SQL text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, and_, func, literal, or_, select

from lagebild.records import Article, from_dict
from lagebild.store import Store, schema

T = TypeVar("T")
A = schema.articles
C = schema.claims
SOURCE_GROUPS: dict[str, str] = {
    "named_person": "named",
    "named_org": "named",
    "document": "named",
    "anonymous_official": "anonymous",
    "anonymous_diplomat": "anonymous",
    "anonymous_sources": "anonymous",
    "outlet": "outlet",
    "unattributed": "unattributed",
}
GROUPS = ("named", "anonymous", "outlet", "unattributed")


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _read(store: Store, fn: Callable[..., T], *args: Any) -> T:
    with store.engine.connect() as conn:
        return fn(conn, *args)


def articles_by_id(store: Store, ids: Sequence[str]) -> dict[str, Article]:
    """Full records of the stored articles among ``ids`` (one query per 500 ids)."""
    out: dict[str, Article] = {}
    wanted = list(dict.fromkeys(ids))
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = _read(
            store,
            lambda c, chunk=chunk: c.execute(
                select(A.c.id, A.c.record, A.c.text).where(A.c.id.in_(chunk))
            ).all(),
        )
        for row in rows:
            data = json.loads(row.record)
            data.setdefault("text", row.text)
            out[row.id] = from_dict(Article, data)
    return out


def facets(store: Store) -> dict[str, list[str]]:
    """Values offered in the filter forms: languages and outlets present in the store."""

    def work(conn: Connection) -> dict[str, list[str]]:
        langs = conn.execute(
            select(A.c.lang).where(A.c.lang.is_not(None)).distinct().order_by(A.c.lang)
        ).scalars()
        outlets = conn.execute(
            select(A.c.outlet).where(A.c.outlet.is_not(None)).distinct().order_by(A.c.outlet)
        ).scalars()
        return {"langs": list(langs)[:200], "outlets": list(outlets)[:1000]}

    return _read(store, work)


def actor_names(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """Display names of the actors among ``ids`` (ids without a stored actor are left out)."""
    wanted = [i for i in dict.fromkeys(ids) if i]
    if not wanted:
        return {}
    ac = schema.actors
    rows = _read(
        store,
        lambda c: c.execute(select(ac.c.id, ac.c.name).where(ac.c.id.in_(wanted[:2000]))).all(),
    )
    return {r.id: r.name or r.id for r in rows}


# --------------------------------------------------------------------------- commitments


@dataclass(slots=True)
class Matrix:
    """Claims toward one target: actors × (event type, modality) with counts."""

    target: str | None
    rows: list[str] = field(default_factory=list)  # actor ids, most claims first
    columns: list[tuple[str, str]] = field(default_factory=list)  # (event_type, modality)
    cells: dict[tuple[str, str, str], int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)


def targets(store: Store, limit: int = 200) -> list[tuple[str, int]]:
    """Claim targets with their number of claims, most first."""
    stmt = (
        select(C.c.target_id, func.count().label("n"))
        .where(C.c.target_id.is_not(None))
        .group_by(C.c.target_id)
        .order_by(func.count().desc(), C.c.target_id)
        .limit(limit)
    )
    return [(r[0], int(r[1])) for r in _read(store, lambda c: c.execute(stmt).all())]


def commitments(
    store: Store,
    target: str | None,
    since: str | None = None,
    until: str | None = None,
    event_type: str | None = None,
    max_actors: int = 200,
) -> Matrix:
    matrix = Matrix(target)
    if not target:
        return matrix
    actor = func.coalesce(C.c.actor_id, literal(""))
    where = [C.c.target_id == target]
    if since:
        where.append(A.c.published_date >= _day(since))
    if until:
        where.append(A.c.published_date <= _day(until))
    if event_type:
        where.append(C.c.event_type == event_type)
    stmt = (
        select(actor.label("actor"), C.c.event_type, C.c.modality, func.count().label("n"))
        .select_from(C.join(A, A.c.id == C.c.article_id))
        .where(and_(*where))
        .group_by(actor, C.c.event_type, C.c.modality)
    )
    rows = _read(store, lambda c: c.execute(stmt).all())
    columns: set[tuple[str, str]] = set()
    for actor_id, etype, modality, n in rows:
        key = (actor_id or "", etype or "", modality or "")
        matrix.cells[key] = matrix.cells.get(key, 0) + int(n)
        matrix.totals[key[0]] = matrix.totals.get(key[0], 0) + int(n)
        columns.add(key[1:])
    matrix.rows = sorted(matrix.totals, key=lambda a: (-matrix.totals[a], a))[:max_actors]
    matrix.columns = sorted(columns)
    return matrix


# --------------------------------------------------------------------------- outlets


@dataclass(slots=True)
class OutletStats:
    outlet: str
    articles: int = 0
    statements: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GROUPS, 0))
    origins: int = 0  # stories this outlet is the origin of
    copies: int = 0  # story copies that are not the origin
    drifted: int = 0  # of those, copies named in at least one drift item

    @property
    def n_statements(self) -> int:
        return sum(self.statements.values())

    def share(self, group: str) -> float:
        n = self.n_statements
        return self.statements[group] / n if n else 0.0

    @property
    def drift_rate(self) -> float | None:
        return self.drifted / self.copies if self.copies else None


def outlet_stats(store: Store, limit: int = 500) -> list[OutletStats]:
    """Per outlet: statements by their first source's type, and drift of its copies."""

    def work(conn: Connection) -> list[OutletStats]:
        stats: dict[str, OutletStats] = defaultdict(lambda: OutletStats(""))
        for outlet, n in conn.execute(
            select(A.c.outlet, func.count()).where(A.c.outlet.is_not(None)).group_by(A.c.outlet)
        ):
            stats[outlet] = OutletStats(outlet, articles=int(n))
        t, s = schema.attributions, schema.attribution_sources
        first = s.alias("first_source")
        kind = func.coalesce(first.c.type, literal("unattributed"))
        stmt = (
            select(A.c.outlet, kind.label("type"), func.count())
            .select_from(
                t.join(A, A.c.id == t.c.article_id).outerjoin(
                    first,
                    and_(
                        first.c.article_id == t.c.article_id,
                        first.c.attribution_idx == t.c.idx,
                        first.c.idx == 0,
                    ),
                )
            )
            .where(A.c.outlet.is_not(None))
            .group_by(A.c.outlet, kind)
        )
        for outlet, source_type, n in conn.execute(stmt):
            group = SOURCE_GROUPS.get(source_type, "unattributed")
            stats[outlet].statements[group] += int(n)
        _drift_counts(conn, stats)
        ranked = sorted(stats.values(), key=lambda x: (-x.articles, x.outlet))
        return [x for x in ranked if x.outlet][:limit]

    return _read(store, work)


def _drift_counts(conn: Connection, stats: dict[str, OutletStats]) -> None:
    m, st, d = schema.story_members, schema.stories, schema.drift_articles
    is_origin = func.coalesce(st.c.origin_article_id, literal("")) == m.c.article_id
    drifted = (
        select(literal(1))
        .where(d.c.story_id == m.c.story_id, d.c.article_id == m.c.article_id)
        .exists()
    )
    stmt = (
        select(
            A.c.outlet,
            m.c.story_id,
            m.c.article_id,
            is_origin.label("origin"),
            drifted.label("drifted"),
        )
        .select_from(m.join(st, st.c.id == m.c.story_id).join(A, A.c.id == m.c.article_id))
        .where(A.c.outlet.is_not(None))
        .distinct()
    )
    for outlet, _story, _article, origin, has_drift in conn.execute(stmt):
        entry = stats[outlet]
        if origin:
            entry.origins += 1
        else:
            entry.copies += 1
            entry.drifted += 1 if has_drift else 0


def count_actors(store: Store, kind: str | None, name: str | None) -> int:
    """How many actors :meth:`Store.actors` lists for the same ``kind`` and ``name``."""
    ac = schema.actors
    stmt = select(func.count()).select_from(ac)
    if kind is not None:
        stmt = stmt.where(ac.c.kind == kind)
    if name is not None:
        pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(ac.c.name.ilike(pattern, escape="\\"), ac.c.id.ilike(pattern, escape="\\"))
        )
    return int(_read(store, lambda c: c.execute(stmt).scalar_one()))


def stories_of(store: Store, article_id: str) -> list[tuple[str, str | None]]:
    """(id, title) of the stories an article is a copy in."""
    m, st = schema.story_members, schema.stories
    stmt = (
        select(st.c.id, st.c.title)
        .select_from(m.join(st, st.c.id == m.c.story_id))
        .where(m.c.article_id == article_id)
        .distinct()
        .order_by(st.c.id)
        .limit(50)
    )
    return [(r[0], r[1]) for r in _read(store, lambda c: c.execute(stmt).all())]
