"""Pages: the story list, a story (copies, claims × copies, drift), an article with its
attributions and claims highlighted, and full-text search."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from lagebild.records import Article, Claim, Story
from lagebild.store import ArticleFilter, StoryFilter
from lagebild.web import queries
from lagebild.web.auth import app_state
from lagebild.web.highlight import article_marks, highlight
from lagebild.web.pages.common import Params, login_redirect, page_of, render
from lagebild.web.state import ApiError

router = APIRouter(include_in_schema=False)
FILTERS = ("since", "until", "lang", "actor", "outlet", "q")


@router.get("/")
@router.get("/stories")
def story_list(request: Request) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    store = app_state(request).store
    p = Params(request, FILTERS)
    f = StoryFilter(
        lang=p.get("lang"),
        outlet=p.get("outlet"),
        since=p.day("since"),
        until=p.day("until"),
        actor_id=p.get("actor"),
        q=p.get("q"),
    )
    page = page_of(request, lambda: store.count_stories(f))
    rows = store.list_stories(f, page.limit, page.offset)
    ctx = {
        "title": "Stories",
        "rows": rows,
        "page": page,
        "params": p.values,
        "notes": p.notes,
        "facets": queries.facets(store),
        "actor_name": queries.actor_names(store, [p.get("actor") or ""]).get(p.get("actor") or ""),
    }
    return render(request, "stories.html", ctx)


@dataclass(slots=True)
class Copy:
    id: str
    article: Article | None
    label: str
    is_origin: bool
    n_drift: int = 0


@dataclass(slots=True)
class Cell:
    article_id: str
    claim: Claim | None
    anchor: str | None
    drift: bool


@dataclass(slots=True)
class DriftGroup:
    """Drift items of one kind and detail (many copies often drift the same way)."""

    kind: str
    detail: str
    claim_id: str | None
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (article id, text)
    n_items: int = 0


def group_drift(story: Story) -> list[DriftGroup]:
    groups: dict[tuple[str, str, str | None], DriftGroup] = {}
    for d in story.drift:
        key = (d.kind, d.detail, d.claim_id)
        group = groups.setdefault(key, DriftGroup(d.kind, d.detail, d.claim_id))
        group.n_items += 1
        shown = {a for a, _ in group.evidence}
        for article_id in d.articles:
            if article_id not in shown:
                group.evidence.append((article_id, d.evidence.get(article_id, "")))
                shown.add(article_id)
    return list(groups.values())


@dataclass(slots=True)
class ClaimRowView:
    id: str
    actor_id: str | None
    event_type: str
    target_id: str | None
    cells: list[Cell] = field(default_factory=list)
    drift_kinds: list[str] = field(default_factory=list)


def story_view(request: Request, story: Story) -> dict[str, Any]:
    store = app_state(request).store
    articles = queries.articles_by_id(store, story.articles)
    origin_id = story.origin.article_id if story.origin else None
    copies = []
    for article_id in story.articles:
        a = articles.get(article_id)
        label = f"{a.outlet or '?'} ({a.lang or '?'})" if a else article_id
        copies.append(Copy(article_id, a, label, article_id == origin_id))
    n_drift: dict[str, int] = {}
    drifted: set[tuple[str | None, str]] = set()
    for d in story.drift:
        for article_id in d.articles:
            n_drift[article_id] = n_drift.get(article_id, 0) + 1
            drifted.add((d.claim_id, article_id))
    for c in copies:
        c.n_drift = n_drift.get(c.id, 0)
    rows = []
    for sc in story.claims:
        row = ClaimRowView(sc.id, sc.actor_id, sc.event_type, sc.target_id)
        row.drift_kinds = sorted({d.kind for d in story.drift if d.claim_id == sc.id})
        for c in copies:
            claim_id = sc.present_in.get(c.id)
            claim, anchor = _find_claim(c.article, claim_id)
            row.cells.append(Cell(c.id, claim, anchor, (sc.id, c.id) in drifted))
        rows.append(row)
    labels = {c.id: c.label for c in copies}
    names = queries.actor_names(store, [x for r in rows for x in (r.actor_id, r.target_id) if x])

    def name(actor_id: str | None) -> str:
        return names.get(actor_id or "", actor_id or "?")

    claim_labels = {r.id: f"{name(r.actor_id)} {r.event_type} → {name(r.target_id)}" for r in rows}
    return {
        "story": story,
        "drift_groups": group_drift(story),
        "copies": copies,
        "claim_rows": rows,
        "labels": labels,
        "claim_labels": claim_labels,
        "names": names,
        "origin_article": articles.get(origin_id) if origin_id else None,
    }


def _find_claim(article: Article | None, claim_id: str | None) -> tuple[Claim | None, str | None]:
    if article is None or claim_id is None:
        return None, None
    for i, claim in enumerate(article.claims):
        if claim.id == claim_id:
            return claim, f"c{i}"
    return None, None


@router.get("/stories/{story_id:path}")
def story_page(request: Request, story_id: str) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    story = app_state(request).store.get_story(story_id)
    if story is None:
        raise ApiError(404, "not_found", f"no story with id {story_id!r}")
    ctx = {"title": story.title or story.id, **story_view(request, story)}
    return render(request, "story.html", ctx)


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    store = app_state(request).store
    article = store.get_article(article_id)
    if article is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    ids = [c.actor_id for c in article.claims] + [c.target_id for c in article.claims]
    ids += [a.speaker.actor_id for a in article.attributions if a.speaker]
    ctx = {
        "title": article.title or article.id,
        "article": article,
        "body": highlight(article.text, article_marks(article)),
        "stories": queries.stories_of(store, article.id),
        "names": queries.actor_names(store, [i for i in ids if i]),
    }
    return render(request, "article.html", ctx)


@router.get("/search")
def search_page(request: Request) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    store = app_state(request).store
    p = Params(request, ("q", "lang", "outlet", "since", "until"))
    f = ArticleFilter(p.get("lang"), p.get("outlet"), p.day("since"), p.day("until"))
    q = p.get("q")
    page = page_of(request, lambda: store.count_search(q, f) if q else 0, size=20)
    hits = store.search(q, page.limit, page.offset, f) if q else []
    ctx = {
        "title": "Search",
        "hits": hits,
        "page": page,
        "params": p.values,
        "notes": p.notes,
        "facets": queries.facets(store),
    }
    return render(request, "search.html", ctx)
