"""A small feed server on 127.0.0.1 for the watcher tests: an RSS feed with ETag and
Last-Modified, article pages (our own sentences), robots.txt, a slow page, a huge page,
a redirect and a 404. It counts every request and records the conditional headers."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGES = {
    "/news/aid.html": (
        "Norland pledges vehicles",
        "Norland will send thirty armoured vehicles to Ukraine, the foreign minister said on "
        "Thursday. The first vehicles could leave within weeks, officials in the capital said.",
    ),
    "/news/talks.html": (
        "Talks in Vell continue",
        "Negotiators from both sides met again in Vell on Friday. A spokesperson said the "
        "talks would continue next week and that no agreement had been reached so far.",
    ),
    "/news/later.html": (
        "Harbour reopens",
        "The harbour of Vell reopened on Monday after three weeks of repairs, the port "
        "authority said. Ferries are expected to run on the normal timetable again.",
    ),
}


def page_html(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in text.split(".") if s.strip())
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home · World</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>© Example</footer></body></html>"
    ).encode()


def rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Thu, 21 Aug 2025 10:00:00 GMT</pubDate></item>"
        for t, link in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example news</title>'
        f"<link>http://example/</link><description>x</description>{body}</channel></rss>"
    ).encode()


class FeedServer:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.conditional: list[dict[str, str | None]] = []
        self.version = 1
        self.items = [
            ("Norland pledges vehicles", "/news/aid.html"),
            ("Talks in Vell continue", "/news/talks.html"),
            ("Secret page", "/private/secret.html"),
            ("Gone", "/news/missing.html"),
            ("Script link", "javascript:alert(1)"),
        ]
        self.slow_seconds = 2.0
        self.page_delay = 0.0  # seconds before each article page is answered
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                server.hits[self.path] += 1
                server.handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def etag(self) -> str:
        return f'"v{self.version}"'

    def last_modified(self) -> str:
        return f"Thu, 21 Aug 2025 1{self.version}:00:00 GMT"

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        if path == "/feed.xml":
            self.conditional.append(
                {
                    "if-none-match": h.headers.get("If-None-Match"),
                    "if-modified-since": h.headers.get("If-Modified-Since"),
                }
            )
            if h.headers.get("If-None-Match") == self.etag():
                h.send_response(304)
                h.end_headers()
                return
            items = [(t, link if ":" in link else self.base + link) for t, link in self.items]
            return self._send(
                h,
                200,
                rss(items),
                "application/rss+xml",
                {"ETag": self.etag(), "Last-Modified": self.last_modified()},
            )
        if path == "/robots.txt":
            return self._send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path in PAGES:
            time.sleep(self.page_delay)
            return self._send(h, 200, page_html(*PAGES[path]), "text/html; charset=utf-8")
        if path == "/slow.html":
            time.sleep(self.slow_seconds)
            return self._send(h, 200, page_html(*PAGES["/news/aid.html"]), "text/html")
        if path == "/huge.html":
            return self._send(h, 200, b"<p>" + b"x" * 50_000 + b"</p>", "text/html")
        if path == "/moved":
            h.send_response(302)
            h.send_header("Location", "/news/aid.html")
            h.end_headers()
            return None
        return self._send(h, 404, b"not here", "text/plain")

    @staticmethod
    def _send(
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        ctype: str,
        extra: dict[str, str] | None = None,
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)
