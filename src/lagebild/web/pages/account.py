"""Pages: log in with the token (when reads need one), log out, and the API overview.

Both form posts carry a CSRF token (double submit: hidden field == ``SameSite=Strict``
cookie) and are refused when the browser says they come from another origin.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from lagebild.web.auth import app_state, check_not_blocked, record_failure
from lagebild.web.pages.common import render
from lagebild.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    SESSION_COOKIE,
    csrf_ok,
    same_origin,
    session_value,
    token_matches,
)
from lagebild.web.state import ApiError

router = APIRouter(include_in_schema=False)


def safe_next(value: object) -> str:
    """A local path to go to after logging in; anything else (``//evil``, ``https:``) → ``/``."""
    if not isinstance(value, str) or not value.startswith("/") or len(value) > 2000:
        return "/"
    if value.startswith(("//", "/\\")) or any(ord(ch) < 32 for ch in value):
        return "/"
    return value


async def checked_form(request: Request) -> dict[str, Any]:
    """The posted form, after the CSRF checks (raises 403 when they fail)."""
    if not same_origin(request.headers.get("origin"), request.headers.get("host")):
        raise ApiError(403, "csrf_failed", "cross-site form post refused")
    form = await request.form(max_files=0, max_fields=20)
    field = form.get(CSRF_FIELD)
    if not csrf_ok(request.cookies.get(CSRF_COOKIE), field if isinstance(field, str) else None):
        raise ApiError(403, "csrf_failed", "the form's CSRF token is missing or wrong: reload")
    return {k: v for k, v in form.items() if isinstance(v, str)}


@router.get("/login")
def login_form(request: Request) -> Response:
    ctx = {"title": "Log in", "next": safe_next(request.query_params.get("next")), "error": None}
    return render(request, "login.html", ctx)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await checked_form(request)
    state = app_state(request)
    target = safe_next(form.get("next"))
    check_not_blocked(request)
    if not token_matches(form.get("token"), state.token):
        record_failure(request)
        ctx = {"title": "Log in", "next": target, "error": "That token is not valid."}
        return render(request, "login.html", ctx, status=401)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_value(state.token or ""),
        httponly=True,
        samesite="strict",
        path="/",
        secure=request.url.scheme == "https",
        max_age=7 * 24 * 3600,
    )
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    await checked_form(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/api")
def api_overview(request: Request) -> Response:
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [p.get("name", "") for p in op.get("parameters", [])]
            endpoints.append((method.upper(), path, op.get("summary", ""), params))
    ctx = {"title": "API", "endpoints": endpoints}
    return render(request, "api.html", ctx)
