"""Pages: actors (list, profile with a timeline of statements and claims), the claims list
that every matrix cell links to, the commitments matrix (+ CSV) and the outlets page."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from lagebild.records import EVENT_TYPES, FORMS, MODALITIES, Attribution, Claim, Role
from lagebild.store import AttributionFilter, ClaimFilter
from lagebild.web import charts, queries
from lagebild.web.auth import app_state
from lagebild.web.pages.common import Params, login_redirect, page_of, render
from lagebild.web.state import ApiError

router = APIRouter(include_in_schema=False)
TIMELINE_MAX = 200
SHOW = ("all", "statements", "claims")


@router.get("/actors")
def actor_list(request: Request) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    store = app_state(request).store
    p = Params(request, ("name", "kind"))
    name, kind = p.get("name"), p.get("kind")
    page = page_of(request, lambda: queries.count_actors(store, kind, name))
    rows = store.actors(kind, name, page.limit, page.offset)
    ctx = {"title": "Actors", "rows": rows, "page": page, "params": p.values, "notes": p.notes}
    return render(request, "actors.html", ctx)


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of an actor's timeline."""

    date: str | None
    kind: str  # "statement" or "claim"
    article_id: str
    outlet: str | None
    title: str | None
    claim: Claim | None = None
    attribution: Attribution | None = None
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """One role of an actor, merged over every article that names it."""

    role: str
    org: str | None
    first: str | None
    last: str | None
    end: str | None
    sources: tuple[str, ...]
    n: int


def merge_roles(roles: tuple[Role, ...]) -> list[RoleSpan]:
    groups: dict[tuple[str, str | None], list[Role]] = {}
    for r in roles:
        groups.setdefault(((r.role or "").strip(), r.org), []).append(r)
    out = []
    for (role, org), items in groups.items():
        starts = sorted(r.start for r in items if r.start)
        ends = sorted(r.end for r in items if r.end)
        sources = tuple(sorted({r.source for r in items if r.source}))
        out.append(
            RoleSpan(
                role,
                org,
                starts[0] if starts else None,
                starts[-1] if starts else None,
                ends[-1] if ends else None,
                sources,
                len(items),
            )
        )
    return sorted(out, key=lambda x: (x.first or "", x.role))


@router.get("/actors/{actor_id:path}")
def actor_page(request: Request, actor_id: str) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    store = app_state(request).store
    profile = store.actor(actor_id)
    if profile is None:
        raise ApiError(404, "not_found", f"no actor with id {actor_id!r}")
    p = Params(request, ("event_type", "modality", "form", "show", "since", "until"))
    event_type = p.one_of("event_type", EVENT_TYPES)
    modality = p.one_of("modality", MODALITIES)
    form = p.one_of("form", FORMS)
    show = p.one_of("show", SHOW) or "all"
    since, until = p.day("since"), p.day("until")
    events: list[Event] = []
    n_claims = n_statements = 0
    if show in ("all", "claims"):
        cf = ClaimFilter(
            actor_id=actor_id, event_type=event_type, modality=modality, since=since, until=until
        )
        n_claims = store.count_claims(cf)
        for row in store.claims(cf, TIMELINE_MAX, 0):
            events.append(
                Event(
                    row.published, "claim", row.article_id, row.outlet, row.title, claim=row.claim
                )
            )
    if show in ("all", "statements") and event_type is None and modality is None:
        af = AttributionFilter(speaker_id=actor_id, form=form, since=since, until=until)
        n_statements = store.count_attributions(af)
        for arow in store.attributions(af, TIMELINE_MAX, 0):
            events.append(
                Event(
                    arow.published,
                    "statement",
                    arow.article_id,
                    arow.outlet,
                    arow.title,
                    attribution=arow.attribution,
                )
            )
    events.sort(key=lambda e: (e.date or "", e.kind), reverse=True)
    targets = [e.claim.target_id for e in events if e.claim and e.claim.target_id]
    ctx = {
        "title": profile.actor.name,
        "profile": profile,
        "roles": merge_roles(profile.actor.roles),
        "events": events,
        "n_claims": n_claims,
        "n_statements": n_statements,
        "params": p.values,
        "notes": p.notes,
        "event_types": EVENT_TYPES,
        "modalities": MODALITIES,
        "forms": FORMS,
        "show_values": SHOW,
        "timeline_max": TIMELINE_MAX,
        "names": queries.actor_names(store, targets),
        "statements_hidden": show != "claims" and (event_type is not None or modality is not None),
    }
    return render(request, "actor.html", ctx)


CLAIM_FILTERS = ("actor", "target", "event_type", "modality", "since", "until", "outlet", "lang")


@router.get("/claims")
def claim_list(request: Request) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    store = app_state(request).store
    p = Params(request, CLAIM_FILTERS)
    f = ClaimFilter(
        actor_id=p.get("actor"),
        target_id=p.get("target"),
        event_type=p.get("event_type"),
        modality=p.get("modality"),
        lang=p.get("lang"),
        outlet=p.get("outlet"),
        since=p.day("since"),
        until=p.day("until"),
    )
    page = page_of(request, lambda: store.count_claims(f))
    rows = store.claims(f, page.limit, page.offset)
    ids = [x for r in rows for x in (r.claim.actor_id, r.claim.target_id) if x]
    ctx = {
        "title": "Claims",
        "rows": rows,
        "page": page,
        "params": p.values,
        "notes": p.notes,
        "names": queries.actor_names(store, ids),
        "event_types": EVENT_TYPES,
        "modalities": MODALITIES,
    }
    return render(request, "claims.html", ctx)


def _matrix(request: Request) -> tuple[Params, queries.Matrix]:
    p = Params(request, ("target", "since", "until", "event_type"))
    store = app_state(request).store
    matrix = queries.commitments(
        store,
        p.get("target"),
        p.day("since"),
        p.day("until"),
        p.one_of("event_type", EVENT_TYPES),
    )
    return p, matrix


@router.get("/commitments")
def commitments_page(request: Request) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    store = app_state(request).store
    p, matrix = _matrix(request)
    targets = queries.targets(store)
    ctx = {
        "title": "Commitments",
        "matrix": matrix,
        "params": p.values,
        "notes": p.notes,
        "targets": targets,
        "event_types": EVENT_TYPES,
        "names": queries.actor_names(
            store, [*matrix.rows, matrix.target or "", *(t for t, _ in targets)]
        ),
    }
    return render(request, "commitments.html", ctx)


def _csv_cell(value: Any) -> Any:
    """Defuse spreadsheet formulas: a text cell starting with = + - @ gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@router.get("/commitments.csv")
def commitments_csv(request: Request) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    _p, matrix = _matrix(request)
    if not matrix.target:
        raise ApiError(422, "invalid_request", "target is required")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["actor_id", *[f"{e}/{m}" for e, m in matrix.columns], "total"])
    for actor in matrix.rows:
        counts = [matrix.cells.get((actor, e, m), 0) for e, m in matrix.columns]
        writer.writerow([_csv_cell(actor or "(unknown)"), *counts, matrix.totals[actor]])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="commitments.csv"'},
    )


@router.get("/outlets")
def outlets_page(request: Request) -> Response:
    if (r := login_redirect(request)) is not None:
        return r
    stats = queries.outlet_stats(app_state(request).store)
    ctx = {
        "title": "Outlets",
        "stats": stats,
        "groups": queries.GROUPS,
        "sourcing_chart": charts.sourcing_chart(stats[:40]),
        "drift_chart": charts.drift_chart(stats[:40]),
    }
    return render(request, "outlets.html", ctx)
