"""REST API under ``/api/v1``: paginated reads of articles, stories, actors, claims,
attributions and search, and ``POST /articles`` to ingest (bearer token).

Every list answers ``{"items": [...], "total": N, "limit": L, "offset": O}``; ``limit`` is
capped at :data:`MAX_LIMIT`. Every error answers ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from lagebild.records import to_dict
from lagebild.store import (
    ArticleFilter,
    AttributionFilter,
    ClaimFilter,
    StoryFilter,
)
from lagebild.web import queries
from lagebild.web.auth import app_state, require_read, require_write
from lagebild.web.ingest import ingest_bytes
from lagebild.web.state import ApiError

MAX_LIMIT = 200
NO_NUL = r"^[^\x00]*$"
DATE = r"^\d{4}-\d{2}-\d{2}"


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class ListBody(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class IngestFailure(BaseModel):
    id: str
    stage: str
    reason: str
    code: str


class IngestBody(BaseModel):
    ids: list[str]
    written: int
    unchanged: int
    failures: list[IngestFailure]


ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody} for s in (401, 404, 413, 422, 429, 500)
}
router = APIRouter(prefix="/api/v1", responses=ERRORS, dependencies=[Depends(require_read)])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (≤ {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=10**9)]
Text = Annotated[str | None, Query(max_length=300, pattern=NO_NUL)]
Day = Annotated[
    str | None, Query(max_length=32, pattern=DATE, description="YYYY-MM-DD (inclusive)")
]
Format = Literal["text", "html", "feed", "jsonl", "warc"]


def _opt(value: str | None) -> str | None:
    return value if value else None


def _page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": [to_dict(x) for x in items], "total": total, "limit": limit, "offset": offset}


def _not_found(kind: str, ident: str) -> ApiError:
    return ApiError(404, "not_found", f"no {kind} with id {ident!r}")


# --------------------------------------------------------------------------- articles


@router.get("/articles", response_model=ListBody, summary="List articles, newest first")
def list_articles(
    request: Request,
    lang: Text = None,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
    actor: Text = None,
    q: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    store = app_state(request).store
    f = ArticleFilter(_opt(lang), _opt(outlet), since, until, _opt(actor), _opt(q))
    return _page(store.list_articles(f, limit, offset), store.count_articles(f), limit, offset)


@router.get("/articles/{article_id:path}", summary="One article record")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    article = app_state(request).store.get_article(article_id)
    if article is None:
        raise _not_found("article", article_id)
    data: dict[str, Any] = to_dict(article)
    return data


@router.post(
    "/articles",
    response_model=IngestBody,
    status_code=201,
    summary="Ingest articles (JSONL, HTML, text, RSS/Atom, WARC as in the CLI)",
    dependencies=[Depends(require_write)],
    responses={400: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                m: {"schema": {"type": "string", "format": "binary", "minLength": 1}}
                for m in (
                    "application/x-ndjson",
                    "text/html",
                    "text/plain",
                    "application/rss+xml",
                    "application/octet-stream",
                )
            },
        }
    },
)
async def post_articles(
    request: Request,
    format: Annotated[Format | None, Query(description="input format; else detected")] = None,
    name: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
) -> dict[str, Any]:
    data = await request.body()
    if not data:
        raise ApiError(400, "empty_body", "the request body is empty")
    fmt = format or _format_of(request.headers.get("content-type", ""))
    state = app_state(request)
    result = await run_in_threadpool(ingest_bytes, state, data, name or "request", fmt)
    if not result.ids and result.failures:
        first = result.failures[0]
        raise ApiError(422, "unreadable_input", f"{first.reason} [{first.code}]")
    return result.to_json()


_CONTENT_TYPES = {
    "application/json": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/warc": "warc",
}


def _format_of(content_type: str) -> str | None:
    return _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())


# --------------------------------------------------------------------------- stories


@router.get("/stories", response_model=ListBody, summary="List stories, newest first")
def list_stories(
    request: Request,
    lang: Text = None,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
    actor: Text = None,
    q: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    store = app_state(request).store
    f = StoryFilter(_opt(lang), _opt(outlet), since, until, _opt(actor), _opt(q))
    return _page(store.list_stories(f, limit, offset), store.count_stories(f), limit, offset)


@router.get("/stories/{story_id:path}", summary="One story: origin, aligned claims, drift")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    story = app_state(request).store.get_story(story_id)
    if story is None:
        raise _not_found("story", story_id)
    data: dict[str, Any] = to_dict(story)
    return data


# --------------------------------------------------------------------------- actors


@router.get("/actors", response_model=ListBody, summary="List actors by id")
def list_actors(
    request: Request,
    kind: Text = None,
    name: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    store = app_state(request).store
    rows = store.actors(_opt(kind), _opt(name), limit, offset)
    items = [{"id": i, "name": n, "kind": k} for i, n, k in rows]
    total = queries.count_actors(store, _opt(kind), _opt(name))
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/actors/{actor_id:path}", summary="One actor: names, aliases, roles over time")
def get_actor(request: Request, actor_id: str) -> dict[str, Any]:
    profile = app_state(request).store.actor(actor_id)
    if profile is None:
        raise _not_found("actor", actor_id)
    data: dict[str, Any] = to_dict(profile)
    return data


# --------------------------------------------------------------------------- claims …


@router.get("/claims", response_model=ListBody, summary="List claims, newest article first")
def list_claims(
    request: Request,
    actor: Text = None,
    target: Text = None,
    event_type: Text = None,
    modality: Text = None,
    article: Text = None,
    story: Text = None,
    lang: Text = None,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    store = app_state(request).store
    f = ClaimFilter(
        _opt(actor),
        _opt(target),
        _opt(event_type),
        _opt(modality),
        _opt(article),
        _opt(story),
        _opt(lang),
        _opt(outlet),
        since,
        until,
    )
    return _page(store.claims(f, limit, offset), store.count_claims(f), limit, offset)


@router.get("/attributions", response_model=ListBody, summary="List attributed statements")
def list_attributions(
    request: Request,
    speaker: Text = None,
    source_type: Text = None,
    source_actor: Text = None,
    form: Text = None,
    article: Text = None,
    lang: Text = None,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    store = app_state(request).store
    f = AttributionFilter(
        _opt(speaker),
        _opt(source_type),
        _opt(source_actor),
        _opt(form),
        _opt(article),
        _opt(lang),
        _opt(outlet),
        since,
        until,
    )
    rows = store.attributions(f, limit, offset)
    return _page(rows, store.count_attributions(f), limit, offset)


@router.get("/search", response_model=ListBody, summary="Full-text search over articles")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=300, pattern=NO_NUL)],
    lang: Text = None,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    store = app_state(request).store
    f = ArticleFilter(_opt(lang), _opt(outlet), since, until)
    hits = store.search(q, limit, offset, f)
    return _page(hits, store.count_search(q, f), limit, offset)


@router.get("/commitments", summary="Claims toward a target: actors × event type/modality")
def commitments(
    request: Request,
    target: Annotated[str, Query(min_length=1, max_length=300, pattern=NO_NUL)],
    since: Day = None,
    until: Day = None,
    event_type: Text = None,
) -> dict[str, Any]:
    m = queries.commitments(app_state(request).store, target, since, until, _opt(event_type))
    cells = [
        {"actor_id": a or None, "event_type": e, "modality": mo, "count": n}
        for (a, e, mo), n in sorted(m.cells.items())
    ]
    return {"target": target, "actors": m.rows, "cells": cells}


@router.get("/outlets", response_model=ListBody, summary="Sourcing and drift per outlet")
def outlets(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    stats = queries.outlet_stats(app_state(request).store)
    items = [
        {
            "outlet": s.outlet,
            "articles": s.articles,
            "statements": s.statements,
            "origins": s.origins,
            "copies": s.copies,
            "drifted": s.drifted,
            "drift_rate": s.drift_rate,
        }
        for s in stats[offset : offset + limit]
    ]
    return {"items": items, "total": len(stats), "limit": limit, "offset": offset}
