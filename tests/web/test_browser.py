"""The pages in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by
Playwright against uvicorn on a free loopback port. Screenshots go to test-artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_fixtures import PWN, fill, many_copies

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.integration,
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from lagebild.store import Store
    from lagebild.web import create_app

    db = tmp_path_factory.mktemp("browser") / "web.db"
    with Store.open(str(db)) as store:
        fill(store)
        articles, story = many_copies(50, prefix="wide")
        store.save_articles(articles)
        store.save_stories([story])
    port = _free_port()
    app = create_app(str(db), token="browser-test-token")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):  # up to ~10 s for the server to listen
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    else:
        pytest.fail("uvicorn did not start")
    yield base
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    pytest.importorskip("playwright", reason="needs the playwright package (dev extra)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.dialogs = []  # any alert/confirm would mean a script ran
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def assert_inert(page) -> None:  # type: ignore[no-untyped-def]
    """No script from stored content ran, and only our own script is on the page."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    scripts = page.evaluate("[...document.scripts].map(s => s.src || s.textContent)")
    assert len(scripts) == 1 and scripts[0].endswith("/static/app.js"), scripts
    assert page.evaluate("getComputedStyle(document.body).display") != "none"
    assert page.locator("[onerror], [onload], [onclick], [onmouseover]").count() == 0
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]


def test_story_list_to_story_with_drift(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    assert page.locator("table.stories tbody tr").count() == 3
    shot(page, "stories")
    page.click("text=Norland pledges vehicles to Ukraine")
    page.wait_for_url("**/stories/s-norland")
    drift = page.locator(".drift-item")
    assert drift.count() == 3
    assert "number changed" in drift.first.inner_text()
    assert "30 → 40" in drift.first.inner_text()
    assert page.locator("td.drift-cell").count() >= 2
    assert_inert(page)
    shot(page, "story")


def test_filter_by_actor(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.fill("input[name=actor]", "person:anna-berg")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**actor=person%3Aanna-berg**")
    titles = page.locator("a.story-link").all_inner_texts()
    assert titles == ["Story with 50 copies", "Norland pledges vehicles to Ukraine"]
    shot(page, "stories-actor")


def test_commitment_matrix(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/commitments")
    page.select_option("#f-target", "country:UKR")  # our script submits on change
    page.wait_for_url("**target=country%3AUKR**")
    cells = page.locator("table.commitments td.hit a")
    assert cells.count() >= 2
    shot(page, "commitments")
    cells.first.click()
    page.wait_for_url("**/claims?**")
    assert page.locator("table.list tbody tr").count() >= 1
    assert_inert(page)


def test_article_highlights_and_own_script_runs(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/articles/a-origin")
    assert page.locator("#text .hl-content").count() >= 1
    page.locator("#text .hl-evidence").first.click()
    assert page.locator(".item.active").count() >= 1  # app.js ran under the CSP
    assert_inert(page)
    shot(page, "article")


@pytest.mark.parametrize(
    "path",
    [
        "/articles/a-hostile",
        "/stories/s-norland",
        "/claims?target=country:UKR",
        "/actors/country:NOR",
        "/outlets",
        "/search?q=official",
        "/actors",
        f"/?q={PWN}&actor=%3Cscript%3E{PWN}%3C/script%3E",
    ],
)
def test_hostile_content_stays_inert(server: str, page, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + path)
    page.wait_for_load_state("load")
    page.mouse.move(200, 300)
    assert_inert(page)
    if path == "/articles/a-hostile":
        assert "<script>" in page.inner_text("#text")  # shown as text, not run
        shot(page, "hostile-article")


def test_outlets_and_actor_pages_render(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/outlets")
    assert page.locator("svg.chart").count() == 2
    shot(page, "outlets")
    page.goto(server + "/actors/person:anna-berg")
    assert page.locator("ol.timeline li").count() >= 2
    shot(page, "actor")


def test_story_with_fifty_copies(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/stories/wide-story")
    assert page.locator("table.copies tbody tr").count() == 50
    assert page.locator("table.claims-matrix td.cell").count() == 50
    assert page.locator(".drift-item").count() == 1  # 49 alike items grouped
    assert "in 49 copies" in page.inner_text(".drift-item")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1360  # matrix scrolls inside
    shot(page, "story-50-copies")
