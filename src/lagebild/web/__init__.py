"""Web UI and REST API over the store: ``create_app(store_url)`` and ``serve(db, host, port)``.

Pages are rendered on the server (Jinja2, autoescaped) with a strict Content-Security-Policy;
the API lives under ``/api/v1`` (OpenAPI at ``/api/v1/openapi.json``).
"""

from lagebild.web.app import TOKEN_ENV, create_app, serve

__all__ = ["TOKEN_ENV", "create_app", "serve"]
