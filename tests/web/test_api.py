"""REST API: every list paginates with a total, records come back whole, errors share one
shape, and ingest needs the bearer token."""

from __future__ import annotations

import json

import pytest
from web_fixtures import TOKEN, make_client

from lagebild.store import Store
from lagebild.web.api import MAX_LIMIT

LISTS = [
    "/api/v1/articles",
    "/api/v1/stories",
    "/api/v1/actors",
    "/api/v1/claims",
    "/api/v1/attributions",
    "/api/v1/search?q=Norland",
    "/api/v1/outlets",
]


def _with(path: str, query: str) -> str:
    return path + ("&" if "?" in path else "?") + query


@pytest.mark.parametrize("path", LISTS)
def test_every_list_paginates_with_total(client, path: str) -> None:  # type: ignore[no-untyped-def]
    full = client.get(path).json()
    assert set(full) == {"items", "total", "limit", "offset"}
    assert full["total"] == len(full["items"]) >= 2
    first = client.get(_with(path, "limit=1")).json()
    second = client.get(_with(path, "limit=1&offset=1")).json()
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["total"] == second["total"] == full["total"]
    assert first["items"][0] != second["items"][0]
    assert first["items"] + second["items"] == full["items"][:2]
    over = client.get(_with(path, f"limit={MAX_LIMIT + 1}"))
    assert over.status_code == 422
    assert over.json()["error"]["code"] == "invalid_request"
    assert client.get(_with(path, "offset=-1")).status_code == 422


def test_article_and_story_records_round_trip(client) -> None:  # type: ignore[no-untyped-def]
    from web_fixtures import drift_story, origin_article

    from lagebild.records import to_dict

    assert client.get("/api/v1/articles/a-origin").json() == to_dict(origin_article())
    assert client.get("/api/v1/stories/s-norland").json() == to_dict(drift_story())


def test_filters_reach_the_store(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/v1/claims?actor=country:NOR&modality=conditional").json()
    assert body["total"] == 1 and body["items"][0]["claim"]["condition"]
    arts = client.get("/api/v1/articles?lang=de").json()
    assert [a["id"] for a in arts["items"]] == ["a-copy-de"]
    stories = client.get("/api/v1/stories?actor=person:anna-berg").json()
    assert [s["id"] for s in stories["items"]] == ["s-norland"]
    atts = client.get("/api/v1/attributions?source_type=anonymous_diplomat").json()
    assert atts["total"] == 1
    hits = client.get("/api/v1/search?q=gepanzerte").json()
    assert [h["id"] for h in hits["items"]] == ["a-copy-de"]
    actor = client.get("/api/v1/actors/person:anna-berg").json()
    assert actor["actor"]["roles"][0]["role"] == "Foreign Minister"
    matrix = client.get("/api/v1/commitments?target=country:UKR").json()
    assert sum(c["count"] for c in matrix["cells"]) == 4


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/v1/articles/nope", 404, "not_found"),
        ("/api/v1/stories/nope", 404, "not_found"),
        ("/api/v1/actors/nope", 404, "not_found"),
        ("/api/v1/nothing-here", 404, "not_found"),
        ("/api/v1/articles?limit=abc", 422, "invalid_request"),
        ("/api/v1/articles?since=yesterday", 422, "invalid_request"),
        ("/api/v1/search", 422, "invalid_request"),
        ("/api/v1/commitments", 422, "invalid_request"),
    ],
)
def test_one_error_shape(client, path: str, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


def test_method_not_allowed_and_server_error_shape(fresh_store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c = make_client(fresh_store, token=TOKEN)
    r = c.delete("/api/v1/articles/a-origin")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    assert r.headers["allow"] == "GET"
    assert c.request("OPTIONS", "/api/v1/articles").headers["allow"] == "GET, POST"

    def boom(*args: object) -> None:
        raise RuntimeError("disk on fire: secret detail")

    monkeypatch.setattr(fresh_store, "get_story", boom)
    r = c.get("/api/v1/stories/s-norland")
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal_error", "message": "internal server error"}}
    assert "content-security-policy" in r.headers  # headers even on a crash


def test_openapi_spec_lists_every_endpoint(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/api/v1/openapi.json").json()
    paths = set(spec["paths"])
    for p in (
        "/api/v1/articles",
        "/api/v1/stories",
        "/api/v1/actors",
        "/api/v1/claims",
        "/api/v1/search",
        "/api/v1/articles/{article_id}",
        "/api/v1/stories/{story_id}",
    ):
        assert p in paths
    assert "post" in spec["paths"]["/api/v1/articles"]
    assert not [p for p in paths if not p.startswith("/api/v1/")]  # pages stay out of the spec


# --------------------------------------------------------------------------- ingest + tokens

JSONL = (
    json.dumps(
        {
            "id": "new-1",
            "title": "Norland sends aid",
            "outlet": "new.example",
            "published": "2025-10-01",
            "lang": "en",
            "text": "Norland said on Monday it will send more aid to Ukraine soon.",
        }
    )
    + "\n"
).encode()


def test_ingest_needs_the_right_token(fresh_store: Store) -> None:
    c = make_client(fresh_store, token=TOKEN)
    cases = {
        None: 401,
        "Bearer": 401,
        "Bearer ": 401,
        "Basic " + TOKEN: 401,
        "Bearer wrong": 401,
        "Bearer " + TOKEN[:-1]: 401,  # right prefix
        "Bearer " + TOKEN + "x": 401,  # right token plus a character
        "Bearer " + TOKEN.upper(): 401,
    }
    for header, status in cases.items():
        headers = {"content-type": "application/x-ndjson"}
        if header is not None:
            headers["authorization"] = header
        r = c.post("/api/v1/articles", content=JSONL, headers=headers)
        assert r.status_code == status, header
        assert r.json()["error"]["code"] == "unauthorized"
        assert r.headers.get("www-authenticate") == "Bearer"
    assert fresh_store.get_article("new-1") is None
    ok = c.post(
        "/api/v1/articles",
        content=JSONL,
        headers={"authorization": f"bearer {TOKEN}", "content-type": "application/x-ndjson"},
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["ids"] == ["new-1"] and ok.json()["written"] == 1
    stored = fresh_store.get_article("new-1")
    assert stored is not None and stored.lang == "en"
    again = c.post("/api/v1/articles", content=JSONL, headers={"authorization": f"Bearer {TOKEN}"})
    assert again.json()["unchanged"] == 1 and again.json()["written"] == 0


def test_ingest_other_formats_and_bad_input(fresh_store: Store) -> None:
    c = make_client(fresh_store, token=TOKEN)
    auth = {"authorization": f"Bearer {TOKEN}"}
    html = (
        b"<html><head><title>Aid</title></head><body><article><p>"
        + b"Norland will help. " * 30
        + b"</p></article></body></html>"
    )
    r = c.post("/api/v1/articles?format=html&name=page.html", content=html, headers=auth)
    assert r.status_code == 201 and len(r.json()["ids"]) == 1
    r = c.post(
        "/api/v1/articles",
        content="Ein kurzer Text über Hilfe.".encode(),
        headers={**auth, "content-type": "text/plain"},
    )
    assert r.status_code == 201
    bad = c.post("/api/v1/articles?format=jsonl", content=b"{not json", headers=auth)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "unreadable_input"
    empty = c.post("/api/v1/articles", content=b"", headers=auth)
    assert empty.status_code == 400 and empty.json()["error"]["code"] == "empty_body"
    wrong = c.post("/api/v1/articles?format=exe", content=b"x", headers=auth)
    assert wrong.status_code == 422


def test_writes_refused_without_a_configured_token(fresh_store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("LAGEBILD_TOKEN", raising=False)
    c = make_client(fresh_store)
    for header in ({}, {"authorization": "Bearer "}, {"authorization": "Bearer None"}):
        r = c.post("/api/v1/articles", content=JSONL, headers=header)
        assert r.status_code == 403 and r.json()["error"]["code"] == "writes_disabled"


def test_token_from_environment(fresh_store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LAGEBILD_TOKEN", "from-env")
    c = make_client(fresh_store)
    assert (
        c.post(
            "/api/v1/articles", content=JSONL, headers={"authorization": "Bearer from-env"}
        ).status_code
        == 201
    )


def test_reads_can_require_the_token(fresh_store: Store) -> None:
    c = make_client(fresh_store, token=TOKEN, read_token_required=True)
    assert c.get("/api/v1/stories").status_code == 401
    assert c.get("/api/v1/stories", headers={"authorization": "Bearer nope"}).status_code == 401
    ok = c.get("/api/v1/stories", headers={"authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["total"] == 2
    page = c.get("/stories/s-norland", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fstories%2Fs-norland"
    assert c.get("/static/style.css").status_code == 200  # assets stay public
