"""The app's shared state and its one error type (kept apart to avoid import cycles)."""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field

from fastapi.templating import Jinja2Templates

from lagebild.config import Config
from lagebild.pipeline import Context
from lagebild.store import Store


class AuthFailures:
    """Failed token attempts per client address: past ``limit`` within ``window`` seconds the
    address is refused (429) until its oldest failure ages out, right token or not."""

    def __init__(self, limit: int = 20, window: float = 60.0) -> None:
        self.limit = limit
        self.window = window
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._seen.setdefault(client, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked_for(self, client: str) -> float:
        """Seconds until ``client`` may try again (0 when it may now)."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(client, now)
            if len(times) < self.limit:
                return 0.0
            return max(0.0, self.window - (now - times[0]))

    def record(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent(client, now).append(now)
            if len(self._seen) > 10_000:  # forget the quiet ones; memory stays bounded
                for key in [k for k, v in self._seen.items() if not v][:5_000]:
                    del self._seen[key]


@dataclass
class AppState:
    """What every request handler reaches through ``request.app.state.lagebild``."""

    store: Store
    token: str | None
    read_token_required: bool
    config: Config
    templates: Jinja2Templates
    ctx: Context | None = None
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    auth_failures: AuthFailures = field(default_factory=AuthFailures)

    def context(self) -> Context:
        if self.ctx is None:
            self.ctx = Context(self.config)
        return self.ctx


class ApiError(Exception):
    """An error answered in the one JSON shape ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
