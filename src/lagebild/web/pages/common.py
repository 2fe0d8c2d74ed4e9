"""What every page handler shares: reading filter parameters safely, the read guard,
the CSRF cookie and rendering a template."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from lagebild.web.auth import app_state, may_read
from lagebild.web.render import Page
from lagebild.web.security import CSRF_COOKIE, new_csrf_token

PAGE_SIZE = 50
MAX_PARAM = 300
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Params:
    """Query parameters of a page: trimmed, length-capped, NUL-free; empty means absent."""

    def __init__(self, request: Request, names: tuple[str, ...]) -> None:
        self.values: dict[str, str] = {}
        self.notes: list[str] = []
        for name in names:
            raw = request.query_params.get(name)
            if raw is None:
                continue
            value = raw.replace("\x00", "").strip()[:MAX_PARAM]
            if value:
                self.values[name] = value

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def day(self, name: str) -> str | None:
        value = self.values.get(name)
        if value is not None and not _DAY.match(value):
            self.notes.append(f"ignored {name}={value!r}: dates are written YYYY-MM-DD")
            del self.values[name]
            return None
        return value

    def one_of(self, name: str, allowed: tuple[str, ...]) -> str | None:
        value = self.values.get(name)
        if value is not None and value not in allowed:
            self.notes.append(f"ignored {name}={value!r}: not one of the known values")
            del self.values[name]
            return None
        return value


def page_of(request: Request, total_fn: Any, size: int = PAGE_SIZE) -> Page:
    raw = request.query_params.get("offset", "0")
    offset = int(raw) if raw.isdigit() and len(raw) < 10 else 0
    total = int(total_fn())
    return Page(size, min(offset, max(0, total - 1)) if total else 0, total)


def login_redirect(request: Request) -> Response | None:
    """A redirect to the login form when reads need a token and this request has none."""
    if may_read(request):
        return None
    target = request.url.path
    if request.url.query:
        target += "?" + request.url.query
    from urllib.parse import quote

    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render ``template``; make sure the browser holds a CSRF cookie for the forms it shows."""
    state = app_state(request)
    csrf = request.cookies.get(CSRF_COOKIE)
    fresh = not csrf or len(csrf) > 100
    if fresh:
        csrf = new_csrf_token()
    base = {
        "csrf_token": csrf,
        "logged_in": state.read_token_required and may_read(request),
        "login_needed": state.read_token_required,
        "path": request.url.path,
    }
    response = state.templates.TemplateResponse(
        request, template, {**base, **context}, status_code=status
    )
    if fresh:
        response.set_cookie(
            CSRF_COOKIE,
            csrf or "",
            httponly=True,
            samesite="strict",
            path="/",
            secure=request.url.scheme == "https",
        )
    return response
