"""Polite HTTP(S) fetching for the watcher: timeouts, a per-host pause between requests,
robots.txt, a cap on body size, conditional requests and checked redirects.

* Only ``http``/``https`` URLs are fetched. Redirects are followed by hand (at most
  :data:`MAX_REDIRECTS`) so that every hop passes the same checks.
* robots.txt is read once per host and kept for :data:`ROBOTS_TTL` seconds (RFC 9309:
  4xx → everything allowed, 5xx or unreachable → nothing allowed for now).
* A URL whose host is a loopback, private or link-local address is fetched only when the
  caller allows it (entries of a feed that itself lives on such an address), so that a
  feed from the web cannot point the watcher at the machine's own network.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from lagebild import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"lagebild/{__version__} (+feed watcher; respects robots.txt)"
ROBOTS_AGENT = "lagebild"
MAX_REDIRECTS = 5
ROBOTS_TTL = 24 * 3600.0
DISALLOW_ALL = ["User-agent: *", "Disallow: /"]


class FetchRefused(Exception):
    """A URL the watcher will not fetch (scheme, robots.txt, private address, size)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int
    body: bytes
    headers: dict[str, str]


def is_private_host(host: str) -> bool:
    """True when ``host`` is, or resolves to, a loopback/private/link-local address."""
    if not host:
        return True
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except OSError:
            return False  # unresolvable: the request itself will fail
        addresses = [ipaddress.ip_address(i[4][0]) for i in infos]
    return any(
        a.is_loopback or a.is_private or a.is_link_local or a.is_reserved or a.is_unspecified
        for a in addresses
    )


class Fetcher:
    """One HTTP client shared by a watcher run (connection reuse, one pause per host)."""

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        min_interval: float = 1.0,
        max_bytes: int = 20 * 1024 * 1024,
        respect_robots: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=False,
            transport=transport,
        )
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------------ politeness

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.min_interval - (self.clock() - last)
            if pause > 0:
                self.sleep(pause)
        self._last[host] = self.clock()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is not None and self.clock() - cached[0] < ROBOTS_TTL:
            return cached[1]
        parser = urllib.robotparser.RobotFileParser()
        try:
            got = self._get(origin + "/robots.txt", {}, allow_private=True, robots=False)
        except (httpx.HTTPError, FetchRefused) as err:
            log.info("robots.txt of %s unreachable (%s): not fetching from it now", origin, err)
            parser.parse(DISALLOW_ALL)
        else:
            if got.status >= 500:
                parser.parse(DISALLOW_ALL)
            elif got.status >= 400:
                parser.parse([])  # no robots.txt: everything allowed
            else:
                parser.parse(got.body.decode("utf-8", "replace").splitlines())
        self._robots[origin] = (self.clock(), parser)
        return parser

    def allowed(self, url: str) -> bool:
        if not self.respect_robots:
            return True
        parser = self._robots_for(url)
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    # ------------------------------------------------------------------ requests

    def get(
        self, url: str, headers: dict[str, str] | None = None, *, allow_private: bool = False
    ) -> Fetched:
        """GET ``url`` (conditional ``headers`` allowed); raises FetchRefused or httpx errors."""
        return self._get(url, headers or {}, allow_private=allow_private, robots=True)

    def _check(self, url: str, allow_private: bool, robots: bool) -> str:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchRefused(f"not an http(s) URL: {url[:200]!r}")
        if not allow_private and is_private_host(parts.hostname):
            raise FetchRefused(f"{parts.hostname} is a local or private address")
        if robots and not self.allowed(url):
            raise FetchRefused(f"robots.txt of {parts.hostname} disallows {url[:200]}")
        return parts.hostname

    def _get(
        self, url: str, headers: dict[str, str], *, allow_private: bool, robots: bool
    ) -> Fetched:
        for _ in range(MAX_REDIRECTS + 1):
            host = self._check(url, allow_private, robots)
            self._wait_for(host)
            self.requests += 1
            with self.client.stream("GET", url, headers=headers) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                body = self._read_capped(response, url)
                return Fetched(url, response.status_code, body, dict(response.headers))
        raise FetchRefused(f"more than {MAX_REDIRECTS} redirects from {url[:200]}")

    def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        announced = response.headers.get("content-length", "")
        if announced.isdigit() and int(announced) > self.max_bytes:
            raise FetchRefused(f"{url[:200]} announces {announced} bytes, over the cap")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchRefused(f"{url[:200]} is over the cap of {self.max_bytes:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)
