"""Web security: headers on every response, body cap, CSRF on form posts, the login flow,
constant-time token checks, injection strings in every filter, no path traversal, and
highlighting/links that keep hostile text inert."""

from __future__ import annotations

import pytest
from web_fixtures import HOSTILE, TOKEN, make_client

from lagebild.config import Config, Limits
from lagebild.store import Store
from lagebild.web import security
from lagebild.web.highlight import Mark, highlight, marked_snippet
from lagebild.web.render import safe_url


def _check_headers(headers) -> None:  # type: ignore[no-untyped-def]
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/stories/s-norland",
        "/static/style.css",
        "/static/app.js",
        "/api/v1/stories",
        "/api/v1/openapi.json",
        "/nope",
        "/api/v1/stories/nope",
        "/api/v1/articles?limit=0",
        "/commitments.csv?target=country:UKR",
        "/login",
    ],
)
def test_security_headers_everywhere(client, path: str) -> None:  # type: ignore[no-untyped-def]
    _check_headers(client.get(path).headers)


def test_body_cap_refuses_large_bodies(fresh_store: Store) -> None:
    config = Config(stages=("clean", "language"), limits=Limits(max_request_bytes=1000))
    c = make_client(fresh_store, token=TOKEN, config=config)
    auth = {"authorization": f"Bearer {TOKEN}"}
    r = c.post("/api/v1/articles", content=b"x" * 1001, headers=auth)
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "body_too_large"
    _check_headers(r.headers)

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):  # streamed without a Content-Length
            yield b"y" * 100

    r = c.post("/api/v1/articles", content=chunks(), headers=auth)
    assert r.status_code == 413
    small = c.post("/api/v1/articles", content=b"Norland hilft der Ukraine.", headers=auth)
    assert small.status_code == 201
    login = c.post(
        "/login",
        content=b"token=" + b"a" * 2000,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert login.status_code == 413


# --------------------------------------------------------------------------- tokens


def test_token_compare_is_constant_time(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every guess, whatever its length or correct prefix, is compared as two 32-byte
    digests by hmac.compare_digest: no early exit that a timing probe could measure."""
    seen: list[tuple[int, int]] = []
    real = security.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    guesses = ["", "c", TOKEN[:5], TOKEN[:-1], TOKEN + "x", "z" * 10_000, TOKEN]
    results = [security.token_matches(g, TOKEN) for g in guesses]
    assert results == [False] * 6 + [True]
    assert seen == [(32, 32)] * len(guesses)
    assert security.token_matches(TOKEN, None) is False
    assert security.token_matches(TOKEN, "") is False
    assert security.token_matches(None, TOKEN) is False


def test_bearer_parsing() -> None:
    assert security.bearer_token("Bearer abc") == "abc"
    assert security.bearer_token("bearer   abc ") == "abc"
    for bad in (None, "", "Bearer", "Bearer   ", "Basic abc", "abc"):
        assert security.bearer_token(bad) is None


def test_session_cookie_does_not_authorise_writes(fresh_store: Store) -> None:
    c = make_client(fresh_store, token=TOKEN, read_token_required=True)
    c.cookies.set(security.SESSION_COOKIE, security.session_value(TOKEN))
    assert c.get("/api/v1/stories").status_code == 200  # a read with the cookie
    r = c.post("/api/v1/articles", content=b"Norland hilft.")
    assert r.status_code == 401  # a write needs the bearer header
    c.cookies.set(security.SESSION_COOKIE, security.session_value("other"))
    assert c.get("/api/v1/stories").status_code == 401


# --------------------------------------------------------------------------- CSRF + login


def _csrf(c) -> str:  # type: ignore[no-untyped-def]
    c.get("/login")
    return c.cookies.get(security.CSRF_COOKIE)


def test_login_form_needs_csrf_token(fresh_store: Store) -> None:
    c = make_client(fresh_store, token=TOKEN, read_token_required=True)
    csrf = _csrf(c)
    assert csrf and len(csrf) >= 32
    page = c.get("/login")
    assert f'name="csrf_token" value="{csrf}"' in page.text
    form = {"token": TOKEN, "next": "/stories/s-norland"}
    assert c.post("/login", data=form).status_code == 403  # no field
    assert c.post("/login", data={**form, "csrf_token": "guess"}).status_code == 403
    cross = c.post(
        "/login", data={**form, "csrf_token": csrf}, headers={"origin": "https://evil.example"}
    )
    assert cross.status_code == 403 and cross.json()["error"]["code"] == "csrf_failed"
    wrong = c.post("/login", data={**form, "csrf_token": csrf, "token": "nope"})
    assert wrong.status_code == 401 and "not valid" in wrong.text
    ok = c.post(
        "/login",
        data={**form, "csrf_token": csrf},
        follow_redirects=False,
        headers={"origin": "http://testserver"},
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/stories/s-norland"
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and TOKEN not in cookie
    assert c.get("/stories/s-norland").status_code == 200
    assert c.post("/logout", data={}).status_code == 403  # logout is a form post too
    out = c.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert out.status_code == 303
    c.cookies.delete(security.SESSION_COOKIE)
    assert c.get("/stories/s-norland", follow_redirects=False).status_code == 303


def test_csrf_cookie_without_form_field_fails_even_same_site(fresh_store: Store) -> None:
    c = make_client(fresh_store, token=TOKEN)
    _csrf(c)
    r = c.post("/logout", data={"csrf_token": ""})
    assert r.status_code == 403


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "https://evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "evil",
        "/\r\nSet-Cookie: x=1",
    ],
)
def test_login_never_redirects_off_site(fresh_store: Store, target: str) -> None:
    c = make_client(fresh_store, token=TOKEN, read_token_required=True)
    csrf = _csrf(c)
    r = c.post(
        "/login", data={"token": TOKEN, "csrf_token": csrf, "next": target}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == "/"


# --------------------------------------------------------------------------- injection

INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "*",
    '"unbalanced',
    "NEAR(a b) OR title:x ^y",
    "x' UNION SELECT record FROM articles --",
    "<script>alert(1)</script>",
    "\u0000",
    "a" * 299,
    "ü'ö\"ß😀",
    "{{7*7}}",
    "\x02\x03",
]
# Pages get the strings that reach SQL, the full-text parser and the templates.
PAGE_INJECTIONS = [
    *INJECTIONS[:4],
    INJECTIONS[7],
    INJECTIONS[9],
    INJECTIONS[10],
    "\u0000",
    "{{7*7}}",
]
PAGE_PARAMS = {
    "/": ("q", "lang", "outlet", "actor", "since", "until", "offset"),
    "/search": ("q", "lang", "outlet", "since", "until"),
    "/actors": ("name", "kind", "offset"),
    "/actors/country:NOR": ("event_type", "modality", "form", "show", "since", "until"),
    "/claims": ("actor", "target", "event_type", "modality", "since", "until"),
    "/commitments": ("target", "event_type", "since", "until"),
    "/commitments.csv": ("target",),
}
API_PARAMS = {
    "/api/v1/articles": ("lang", "outlet", "actor", "q", "since"),
    "/api/v1/stories": ("lang", "outlet", "actor", "q", "until"),
    "/api/v1/actors": ("kind", "name"),
    "/api/v1/claims": (
        "actor",
        "target",
        "event_type",
        "modality",
        "article",
        "story",
        "lang",
        "outlet",
    ),
    "/api/v1/attributions": ("speaker", "source_type", "source_actor", "form", "article"),
    "/api/v1/search": ("q", "lang", "outlet"),
    "/api/v1/commitments": ("target", "event_type"),
}


def test_injection_strings_in_every_filter(client, filled_store: Store) -> None:  # type: ignore[no-untyped-def]
    before = filled_store.counts()
    for table, values in ((PAGE_PARAMS, PAGE_INJECTIONS), (API_PARAMS, INJECTIONS)):
        for path, names in table.items():
            for name in names:
                for value in values:
                    r = client.get(path, params={name: value})
                    assert r.status_code in (200, 422), (path, name, value, r.text[:200])
                    if r.status_code == 200 and r.headers["content-type"].startswith("text/html"):
                        assert "<script>alert(1)</script>" not in r.text
    assert filled_store.counts() == before  # nothing dropped, nothing written
    assert filled_store.integrity_check() == []
    # the injection strings match nothing rather than everything
    assert client.get("/api/v1/articles", params={"q": "' OR '1'='1"}).json()["total"] == 0
    assert client.get("/api/v1/claims", params={"actor": "' OR '1'='1"}).json()["total"] == 0
    assert client.get("/api/v1/actors", params={"name": "%"}).json()["total"] == 0


def test_template_syntax_in_params_is_not_evaluated(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/", params={"actor": "{{7*7}}"})
    assert "{{7*7}}" in r.text and ">49<" not in r.text


# --------------------------------------------------------------------------- traversal


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/static//etc/passwd",
        "/static/..%5capp.py",
        "/static/../../../../etc/passwd",
        "/static/%252e%252e/app.py",
        "/static/templates/base.html",
        "/static/../templates/base.html",
    ],
)
def test_no_path_traversal_in_static_files(client, path: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == 404 or "def create_app" not in r.text
    assert "root:" not in r.text and "{% extends" not in r.text and "[project]" not in r.text
    assert r.status_code in (404, 405, 200)
    if r.status_code == 200:  # a page route matched: it must be our HTML, not a file
        assert r.headers["content-type"].startswith("text/html")


def test_record_ids_with_dots_are_ids_not_paths(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/v1/articles/..%2F..%2Fetc%2Fpasswd")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


# --------------------------------------------------------------------------- inert rendering


def test_highlight_escapes_and_handles_overlaps() -> None:
    text = "<b>Rubio</b> said & left"
    marks = [
        Mark(0, 12, "content", "t0", 'x"><script>'),
        Mark(3, 8, "evidence", "c0", "y"),
        Mark(13, 17, "cue", "t0", "cue"),
    ]
    html = str(highlight(text, marks))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert "<script>" not in html
    assert html.count("<span") == html.count("</span>") == 4
    assert 'class="hl hl-content hl-evidence"' in html
    import re

    assert re.sub(r"<[^>]+>", "", html) == str(marked_snippet(text))  # text kept whole


def test_highlight_drops_bad_offsets() -> None:
    from dataclasses import replace

    from web_fixtures import hostile_copy

    from lagebild.web.highlight import article_marks

    article = hostile_copy()
    marks = article_marks(article)
    assert all(0 <= m.start < m.end <= len(article.text) for m in marks)
    broken = replace(article.entities[0], start=True, end=3)
    assert article_marks(replace(article, entities=(broken,), attributions=(), claims=())) == []


def test_snippet_marks_are_balanced() -> None:
    assert str(marked_snippet("a \x02<b>\x03 c")) == "a <mark>&lt;b&gt;</mark> c"
    assert str(marked_snippet("\x03x\x02y")) == "x<mark>y</mark>"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://a.example/x", True),
        ("http://a.example", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.example", False),
        ("vbscript:x", False),
        ("https://", False),
        (None, False),
        ("https://a.example/\x00", False),
        (HOSTILE, False),
    ],
)
def test_safe_url(url: object, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok


def test_repeated_wrong_tokens_are_throttled(fresh_store: Store) -> None:
    """Guessing is slowed to 20 tries a minute per address; while throttled even the right
    token is refused, so a guess cannot be confirmed."""
    c = make_client(fresh_store, token=TOKEN, read_token_required=True)
    for i in range(20):
        r = c.post("/api/v1/articles", content=b"x", headers={"authorization": f"Bearer g{i}"})
        assert r.status_code == 401
    blocked = c.post("/api/v1/articles", content=b"x", headers={"authorization": "Bearer g"})
    assert blocked.status_code == 429 and blocked.json()["error"]["code"] == "too_many_requests"
    right = {"authorization": f"Bearer {TOKEN}"}
    assert c.post("/api/v1/articles", content=b"Norland hilft.", headers=right).status_code == 429
    assert c.get("/api/v1/stories", headers={"authorization": "Bearer nope"}).status_code == 429
    csrf = _csrf(c)
    login = c.post("/login", data={"token": TOKEN, "csrf_token": csrf}, follow_redirects=False)
    assert login.status_code == 429
    other = make_client(fresh_store, token=TOKEN)  # another server: its own count
    assert (
        other.post("/api/v1/articles", content=b"Norland hilft.", headers=right).status_code == 201
    )
