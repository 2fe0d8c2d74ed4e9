"""The FastAPI application: pages, the REST API, error handling and the security layers.

>>> app = create_app("sqlite:///lagebild.db", token="s3cret")
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from lagebild import __version__
from lagebild.config import Config
from lagebild.store import Store
from lagebild.web import render
from lagebild.web.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from lagebild.web.state import ApiError, AppState

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
TOKEN_ENV = "LAGEBILD_TOKEN"


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
}


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    headers = dict(headers or {})
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if _wants_html(request):
        state: AppState = request.app.state.lagebild
        return state.templates.TemplateResponse(
            request,
            "error.html",
            {
                "status": status,
                "code": code,
                "message": message,
                "title": f"{status} {code}",
                "path": request.url.path,
                "logged_in": False,
                "csrf_token": "",
            },
            status_code=status,
            headers=headers,
        )
    body = {"error": {"code": code, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors()[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _allowed_methods(request: Request) -> list[str]:
    """The methods some route fully matches on this path (routers may be nested)."""
    from starlette.routing import Match

    allowed = []
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return allowed


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _CODES.get(exc.status_code, f"http_{exc.status_code}")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # name every method of every route on this path
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return error_response(request, exc.status_code, code, message, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid_request", _validation_message(exc))


def create_app(
    store_url: str | None,
    *,
    token: str | None = None,
    read_token_required: bool = False,
    config: Config | None = None,
    store: Store | None = None,
) -> FastAPI:
    """The web app over the store at ``store_url`` (None: the default SQLite file).

    ``token`` (else ``$LAGEBILD_TOKEN``) guards ``POST /api/v1/articles``; with no token at all
    writes are refused. ``read_token_required`` also guards every read (API: bearer token;
    pages: a session cookie set by the login form). ``config`` sets the pipeline used for
    ingest and the request body cap (``config.limits.max_request_bytes``).
    """
    config = config or Config()
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    app = FastAPI(
        title="lagebild",
        version=__version__,
        description="Attributed records from many copies of the news: articles, stories, "
        'actors, claims. Errors come as {"error": {"code", "message"}}.',
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN: not shipped, see /api
        redoc_url=None,
    )
    templates = render.make_templates(HERE / "templates")
    app.state.lagebild = AppState(
        store=store or Store.open(store_url),
        token=token,
        read_token_required=read_token_required,
        config=config,
        templates=templates,
    )
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from lagebild.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(BodyLimitMiddleware, max_bytes=config.limits.max_request_bytes)
    app.add_middleware(SecurityHeadersMiddleware)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/healthz", include_in_schema=False)
    def health() -> HTMLResponse:
        return HTMLResponse("ok", media_type="text/plain")

    return app


def serve(db: str | None, host: str = "127.0.0.1", port: int = 8000, **kwargs: Any) -> None:
    """Run the app with uvicorn (what ``lagebild serve`` calls)."""
    import uvicorn

    app = create_app(db, **kwargs)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
