"""Request guards: who may read and who may write.

Writes (``POST /api/v1/articles``) need ``Authorization: Bearer <LAGEBILD_TOKEN>``; a cookie
never authorises a write, so a cross-site form cannot ingest. With no token configured,
writes are refused outright. Reads are open unless the app was made with
``read_token_required``; then the bearer token or the login form's session cookie is needed.
"""

from __future__ import annotations

from fastapi import Request

from lagebild.web.security import SESSION_COOKIE, bearer_token, session_matches, token_matches
from lagebild.web.state import ApiError, AppState


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.lagebild
    return state


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def check_not_blocked(request: Request) -> None:
    """Refuse a client that failed the token check too often recently (429)."""
    wait = app_state(request).auth_failures.blocked_for(_client(request))
    if wait > 0:
        raise ApiError(
            429, "too_many_requests",
            f"too many failed token attempts: try again in {int(wait) + 1} s",
        )  # fmt: skip


def record_failure(request: Request) -> None:
    app_state(request).auth_failures.record(_client(request))


def may_read(request: Request) -> bool:
    state = app_state(request)
    if not state.read_token_required:
        return True
    if token_matches(bearer_token(request.headers.get("authorization")), state.token):
        return True
    return session_matches(request.cookies.get(SESSION_COOKIE), state.token)


def require_read(request: Request) -> None:
    if may_read(request):
        return
    check_not_blocked(request)
    if request.headers.get("authorization"):
        record_failure(request)  # a wrong token, not just a missing one
    raise ApiError(401, "unauthorized", "reading needs a valid bearer token")


def require_write(request: Request) -> None:
    state = app_state(request)
    if not state.token:
        raise ApiError(
            403, "writes_disabled", "writes are disabled: start the server with LAGEBILD_TOKEN set"
        )
    check_not_blocked(request)
    given = bearer_token(request.headers.get("authorization"))
    if given is None:
        raise ApiError(401, "unauthorized", "writing needs 'Authorization: Bearer <token>'")
    if not token_matches(given, state.token):
        record_failure(request)
        raise ApiError(401, "unauthorized", "the bearer token is not valid")
