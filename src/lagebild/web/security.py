"""What keeps the web app safe: security headers, a request body cap, the bearer token
check and CSRF tokens for HTML form posts.

* Every response carries a Content-Security-Policy without inline scripts or styles
  (``script-src 'self'``), ``frame-ancestors 'none'``, ``X-Content-Type-Options: nosniff``
  and a strict ``Referrer-Policy``.
* :class:`BodyLimitMiddleware` refuses a body over the cap with 413 before the app reads
  it, whether the client announces a ``Content-Length`` or streams chunks.
* Tokens are compared with :func:`hmac.compare_digest` over their SHA-256 digests, so the
  time taken does not depend on how much of a guess is right, nor on its length.
* Form posts carry a random CSRF token that must equal the one in a ``SameSite=Strict``
  cookie (double submit), and a cross-site ``Origin`` is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)

CSRF_COOKIE = "lagebild_csrf"
CSRF_FIELD = "csrf_token"
SESSION_COOKIE = "lagebild_session"


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()


class SecurityHeadersMiddleware:
    """Add the security headers to every HTTP response (pages, API, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                if scope.get("scheme") == "https":
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Answer a crash here, inside the headers layer, in the one error shape.
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            body = error_body("internal_error", "internal server error")
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send_with_headers({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413 in the JSON error shape."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Send) -> None:
        body = error_body(
            "body_too_large", f"request body is over the limit of {self.max_bytes:,} bytes"
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    announced = int(value)
                except ValueError:
                    announced = self.max_bytes + 1
                if announced > self.max_bytes or announced < 0:
                    await self._refuse(send)
                    return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)


# --------------------------------------------------------------------------- tokens


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()


def token_matches(given: str | None, expected: str | None) -> bool:
    """True when ``given`` equals the configured token; never when none is configured.

    Both sides are hashed first, so :func:`hmac.compare_digest` always compares 32 bytes:
    the time does not reveal the token's length or a correct prefix.
    """
    if not expected or given is None:
        return False
    return hmac.compare_digest(_digest(given), _digest(expected))


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (scheme case-insensitive)."""
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def session_value(token: str) -> str:
    """The session cookie's value for a token: an HMAC, so the cookie never holds the token."""
    return hmac.new(_digest(token), b"lagebild-session-v1", hashlib.sha256).hexdigest()


def session_matches(cookie: str | None, token: str | None) -> bool:
    if not token or not cookie:
        return False
    return hmac.compare_digest(_digest(cookie), _digest(session_value(token)))


# --------------------------------------------------------------------------- CSRF


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(cookie: str | None, field: str | None) -> bool:
    if not cookie or not field:
        return False
    return hmac.compare_digest(_digest(cookie), _digest(field))


def same_origin(origin: str | None, host: str | None) -> bool:
    """A form post is same-origin when its ``Origin`` (if sent) names this host."""
    if origin is None:
        return True  # older clients send none; the CSRF token still has to match
    if origin == "null" or not host:
        return False
    return urlsplit(origin).netloc.lower() == host.lower()
