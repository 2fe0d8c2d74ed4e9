"""Every page renders the fixture records: stories, a story with drift, articles with
highlights, actors with their timeline, the commitments matrix (and CSV), outlets, search."""

from __future__ import annotations

import csv
import io
import re

import pytest
from web_fixtures import HOSTILE, fill, make_client, many_copies

from lagebild.store import Store

HTML = {"accept": "text/html"}


def test_story_list_newest_first_with_counts(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    titles = re.findall(r'class="story-link" href="/stories/([^"]+)"', r.text)
    assert titles == ["s-air", "s-norland"]  # s-air's copy is the newest
    assert 'class="badge drift">3<' in r.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lang=de", ["s-norland"]),
        ("outlet=wire.example", ["s-air", "s-norland"]),
        ("actor=person:anna-berg", ["s-norland"]),
        ("since=2025-09-01", ["s-air"]),
        ("until=2025-08-30", ["s-norland"]),
        ("q=gepanzerte", ["s-norland"]),
        ("q=air+defence", ["s-air"]),
        ("q=nothinglikethis", []),
        ("since=not-a-date", ["s-air", "s-norland"]),  # ignored with a note
    ],
)
def test_story_list_filters(client, query: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/?" + query)
    assert r.status_code == 200
    assert re.findall(r'class="story-link" href="/stories/([^"]+)"', r.text) == expected
    if "not-a-date" in query:
        assert "dates are written YYYY-MM-DD" in r.text


def test_story_list_paginates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(str(tmp_path / "many.db")) as store:
        for i in range(53):
            articles, story = many_copies(1, prefix=f"p{i:02d}")
            store.save_articles(articles)
            store.save_stories([story])
        c = make_client(store)
        first = c.get("/")
        assert first.text.count('class="story-link"') == 50
        assert "1–50 of 53" in first.text
        second = c.get("/?offset=50")
        assert second.text.count('class="story-link"') == 3
        assert 'rel="prev"' in second.text
        assert c.get("/?offset=999999999999").status_code == 200


def test_story_page_shows_origin_copies_claims_and_drift(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/stories/s-norland")
    assert r.status_code == 200
    text = r.text
    assert "wire.example" in text and "earliest" in text
    assert text.count('class="drift-item"') == 3
    assert "number changed" in text and "30 → 40" in text
    assert "40 gepanzerte Fahrzeuge" in text  # evidence from the German copy
    assert text.count("drift-cell") >= 3  # two cells + the legend swatch
    assert 'href="/articles/a-copy-de#c0"' in text  # claim cell links to the copy's claim
    assert 'class="badge origin"' in text
    assert "mod-conditional" in text and "mod-future" in text


def test_story_page_404(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/stories/nope", headers=HTML)
    assert r.status_code == 404
    assert "no story with id" in r.text and "<!doctype html>" in r.text
    j = client.get("/stories/nope")
    assert j.json() == {"error": {"code": "not_found", "message": "no story with id 'nope'"}}


def test_article_page_highlights_from_offsets(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/articles/a-origin")
    assert r.status_code == 200
    assert 'class="hl hl-cue"' in r.text
    assert re.search(r'class="hl hl-content hl-evidence"[^>]*data-ref="t0 c0"', r.text)
    assert 'id="t1"' in r.text and 'id="c0"' in r.text
    assert "anonymous diplomat" in r.text
    assert 'href="/stories/s-norland"' in r.text
    assert 'href="https://wire.example/norland-vehicles"' in r.text


def test_actor_pages(client) -> None:  # type: ignore[no-untyped-def]
    listing = client.get("/actors?name=berg")
    assert "person:anna-berg" in listing.text and "country:UKR" not in listing.text
    r = client.get("/actors/person:anna-berg")
    assert r.status_code == 200
    assert "Foreign Minister" in r.text and "Anna Berg" in r.text
    assert r.text.count('class="event event-statement"') == 2
    nor = client.get("/actors/country:NOR")
    assert nor.text.count('class="event event-claim"') == 4
    only = client.get("/actors/country:NOR?event_type=THREATEN")
    assert only.text.count('class="event event-claim"') == 1
    mod = client.get("/actors/country:NOR?modality=future")
    assert mod.text.count('class="event event-claim"') == 1
    bad = client.get("/actors/country:NOR?modality=sometimes")
    assert "ignored modality" in bad.text
    assert client.get("/actors/nobody:here").status_code == 404


def test_commitments_matrix_and_csv(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/commitments")
    assert "country:UKR (4)" in r.text
    m = client.get("/commitments?target=country:UKR")
    assert m.status_code == 200
    links = re.findall(r'<td class="num hit[^"]*"><a href="([^"]+)"', m.text)
    assert len(links) == 4
    cell = client.get(links[0].replace("&amp;", "&"))
    assert cell.status_code == 200 and cell.text.count("<q>") == 1
    period = client.get("/commitments?target=country:UKR&since=2025-08-22")
    assert len(re.findall(r'<td class="num hit', period.text)) == 3
    data = client.get("/commitments.csv?target=country:UKR")
    assert data.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(data.text)))
    assert rows[0][0] == "actor_id" and rows[0][-1] == "total"
    assert rows[1][0] == "country:NOR" and rows[1][-1] == "4"
    assert client.get("/commitments.csv").status_code == 422


def test_csv_defuses_formulas(fresh_store: Store) -> None:
    from dataclasses import replace

    from web_fixtures import origin_article

    a = origin_article()
    claim = replace(a.claims[0], actor_id='=HYPERLINK("http://x")', target_id="country:XYZ")
    fresh_store.save_article(replace(a, id="a-formula", claims=(claim,)))
    rows = make_client(fresh_store).get("/commitments.csv?target=country:XYZ").text
    assert "'=HYPERLINK" in rows


def test_outlets_page_with_svg_charts(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/outlets")
    assert r.status_code == 200
    assert r.text.count("<svg") == 2
    assert "tagesblatt.example" in r.text
    assert "100 % (1/1)" in r.text  # the German copy drifts from its origin


def test_search_page_marks_hits(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/search?q=armoured")
    assert r.status_code == 200
    assert "<mark>armoured</mark>" in r.text
    assert client.get("/search").status_code == 200


def test_claims_page_filters(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/claims?actor=country:UKR")
    assert r.text.count("<q>") == 1 and "REQUEST" in r.text


def test_api_overview_page(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api")
    assert "/api/v1/stories" in r.text and "openapi.json" in r.text


def test_empty_store_renders_every_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(str(tmp_path / "empty.db")) as store:
        c = make_client(store)
        for path in ("/", "/actors", "/commitments", "/outlets", "/search?q=x", "/claims"):
            assert c.get(path).status_code == 200, path


def test_hostile_article_is_escaped(client) -> None:  # type: ignore[no-untyped-def]
    for path in (
        "/articles/a-hostile",
        "/stories/s-norland",
        "/outlets",
        "/claims",
        "/actors?name=evil",
        "/api",
    ):
        body = client.get(path).text
        assert "<script>window" not in body, path
        assert "<img src=x" not in body, path
        assert "<svg onload" not in body, path
        assert 'href="javascript:' not in body.lower(), path
        assert "<style>body" not in body, path
    body = client.get("/articles/a-hostile").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body


def test_fill_is_idempotent(fresh_store: Store) -> None:
    before = fresh_store.counts()
    fill(fresh_store)
    assert fresh_store.counts() == before
    assert HOSTILE in (fresh_store.get_article("a-hostile").title or "")
