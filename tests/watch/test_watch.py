"""The feed watcher against a feed server on 127.0.0.1: conditional requests, robots.txt,
per-host pauses, timeouts, size cap, and resuming after a restart or a crash without
duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from feed_server import FeedServer

from lagebild.config import Config, Limits
from lagebild.errors import ConfigError, InputError, InputNotFoundError
from lagebild.store import Store
from lagebild.watch import Fetcher, FetchRefused, Watcher, parse_every, read_feed_list, watch
from lagebild.watch.fetch import is_private_host
from lagebild.watch.state import WatchState

LIGHT = Config(stages=("clean", "language"))  # no spaCy model needed to test the watcher


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "watch.db")) as s:
        yield s


def make_watcher(store: Store, server: FeedServer, **kwargs: object) -> Watcher:
    fetcher = kwargs.pop("fetcher", None) or Fetcher(min_interval=0.0, timeout=5.0)
    return Watcher(store, [server.base + "/feed.xml"], config=LIGHT, fetcher=fetcher, **kwargs)  # type: ignore[arg-type]


def test_first_round_stores_new_entries_politely(store: Store, server: FeedServer) -> None:
    w = make_watcher(store, server)
    report = w.poll_once()
    assert report.stored == 2 and report.skipped == 2 and report.failed == 1
    assert store.count_articles() == 2
    urls = {row.url for row in store.list_articles()}
    assert urls == {server.base + "/news/aid.html", server.base + "/news/talks.html"}
    assert server.hits["/private/secret.html"] == 0  # robots.txt disallows it
    assert server.hits["/robots.txt"] == 1  # read once per host
    article = store.get_article(next(iter(store.list_articles())).id)
    assert article is not None and article.outlet == "127.0.0.1" and article.lang == "en"
    assert "Home · World" not in article.text  # the page was cleaned
    assert WatchState(store).counts() == {"done": 2, "skipped": 2, "failed": 1}
    w.close()


def test_second_round_is_conditional_and_fetches_nothing_new(
    store: Store, server: FeedServer
) -> None:
    w = make_watcher(store, server)
    w.poll_once()
    before = dict(server.hits)
    report = w.poll_once()
    assert report.not_modified == 1 and report.stored == 0
    assert server.conditional[-1]["if-none-match"] == server.etag()
    assert server.conditional[-1]["if-modified-since"] == server.last_modified()
    assert server.hits["/news/aid.html"] == before["/news/aid.html"]
    w.close()


def test_restart_resumes_without_duplicates(store: Store, server: FeedServer) -> None:
    make_watcher(store, server).poll_once()
    server.version = 2  # the feed changed: one new entry
    server.items.append(("Harbour reopens", "/news/later.html"))
    again = make_watcher(store, server)  # a new process: state comes from the store
    report = again.poll_once()
    assert report.stored == 1
    assert server.hits["/news/aid.html"] == 1 and server.hits["/news/later.html"] == 1
    assert store.count_articles() == 3
    assert store.integrity_check() == []


def test_crash_between_store_and_mark_loses_nothing(
    store: Store, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = WatchState.mark
    calls = {"n": 0}

    def crash_on_first_done(self, feed_url, key, link, status, **kw):  # type: ignore[no-untyped-def]
        if status == "done":
            calls["n"] += 1
            if calls["n"] == 1:
                raise KeyboardInterrupt("killed")  # like a kill right after the article write
        return real(self, feed_url, key, link, status, **kw)

    monkeypatch.setattr(WatchState, "mark", crash_on_first_done)
    with pytest.raises(KeyboardInterrupt):
        make_watcher(store, server).poll_once()
    assert store.count_articles() == 1  # stored, but not yet marked done
    monkeypatch.setattr(WatchState, "mark", real)
    report = make_watcher(store, server).poll_once()  # the restart: feed not marked either
    assert report.stored == 2  # the first one again (idempotent upsert) and the second
    assert store.count_articles() == 2
    assert store.integrity_check() == []


def test_failed_entries_are_retried_then_given_up(store: Store, server: FeedServer) -> None:
    w = make_watcher(store, server)
    for _ in range(5):
        server.version += 1  # defeat the 304 so that every round reads the feed
        w.poll_once()
    assert server.hits["/news/missing.html"] == 3  # MAX_ATTEMPTS
    w.close()


def test_per_host_pause(server: FeedServer) -> None:
    pauses: list[float] = []
    now = {"t": 100.0}
    f = Fetcher(min_interval=2.0, clock=lambda: now["t"], sleep=pauses.append, respect_robots=False)
    f.get(server.base + "/news/aid.html", allow_private=True)
    now["t"] += 0.5
    f.get(server.base + "/news/talks.html", allow_private=True)
    assert pauses == [1.5]
    now["t"] += 5
    f.get(server.base + "/news/talks.html", allow_private=True)
    assert pauses == [1.5]  # enough time had passed
    f.close()


def test_timeout_size_cap_redirect_and_scheme(server: FeedServer) -> None:
    f = Fetcher(min_interval=0.0, timeout=0.3, max_bytes=10_000)
    server.slow_seconds = 1.5
    with pytest.raises(httpx.TimeoutException):
        f.get(server.base + "/slow.html", allow_private=True)
    with pytest.raises(FetchRefused, match="cap"):
        f.get(server.base + "/huge.html", allow_private=True)
    moved = f.get(server.base + "/moved", allow_private=True)
    assert moved.status == 200 and moved.url.endswith("/news/aid.html")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://x/y"):
        with pytest.raises(FetchRefused, match="http"):
            f.get(bad)
    f.close()


def test_private_addresses_need_permission(server: FeedServer) -> None:
    assert is_private_host("127.0.0.1") and is_private_host("10.1.2.3")
    assert is_private_host("[::1]") and is_private_host("169.254.169.254")
    assert not is_private_host("93.184.216.34")
    f = Fetcher(min_interval=0.0)
    with pytest.raises(FetchRefused, match="private"):
        f.get(server.base + "/news/aid.html")  # an entry of a public feed may not point here
    f.close()


def test_watch_once_from_a_feeds_file(tmp_path: Path, server: FeedServer) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# my feeds\n\n{server.base}/feed.xml  # example\n{server.base}/feed.xml\n")
    assert read_feed_list(feeds) == [server.base + "/feed.xml"]
    db = tmp_path / "w.db"
    seen = []
    report = watch(
        str(feeds),
        str(db),
        once=True,
        config=LIGHT,
        stories=False,
        min_interval=0.0,
        on_round=seen.append,
    )
    assert report.stored == 2 and seen == [report]
    with Store.open(str(db)) as s:
        assert s.count_articles() == 2


def test_bad_feed_is_reported_not_fatal(store: Store, server: FeedServer) -> None:
    w = Watcher(
        store,
        [server.base + "/news/missing-feed.xml", server.base + "/feed.xml"],
        config=LIGHT,
        fetcher=Fetcher(min_interval=0.0),
    )
    report = w.poll_once()
    assert report.feed_errors == 1 and report.stored == 2
    w.close()


def test_feeds_file_and_every_parsing(tmp_path: Path) -> None:
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("2h") == 7200
    assert parse_every("90") == 90
    for bad in ("", "fast", "0s", "-5m", "5 weeks"):
        with pytest.raises(ConfigError):
            parse_every(bad)
    bad = tmp_path / "feeds.txt"
    bad.write_text("file:///etc/passwd\n")
    with pytest.raises(InputError):
        read_feed_list(bad)
    with pytest.raises(InputNotFoundError):
        read_feed_list(tmp_path / "missing.txt")


def test_page_over_input_limit_becomes_a_failure(store: Store, server: FeedServer) -> None:
    tiny = Config(stages=("clean", "language"), limits=Limits(max_input_bytes=200))
    w = Watcher(store, [server.base + "/feed.xml"], config=tiny, fetcher=Fetcher(min_interval=0.0))
    report = w.poll_once()
    assert report.stored == 0 and report.failed == 3
    w.close()


def test_new_articles_are_assigned_to_stories(store: Store, server: FeedServer) -> None:
    """Two pages telling the same news become one story (stories module's streaming index)."""
    from feed_server import PAGES

    PAGES["/news/aid-copy.html"] = (
        "Norland pledges armoured vehicles",
        PAGES["/news/aid.html"][1].replace("thirty", "thirty new"),
    )
    try:
        server.items = [
            ("a", "/news/aid.html"),
            ("b", "/news/aid-copy.html"),
            ("c", "/news/talks.html"),
        ]
        report = make_watcher(store, server, stories=True).poll_once()
    finally:
        del PAGES["/news/aid-copy.html"]
    assert report.stored == 3 and report.stories == 1
    [story] = store.list_stories()
    assert story.n_articles == 2


@pytest.mark.integration
@pytest.mark.postgres
def test_watch_state_on_postgresql(server: FeedServer) -> None:
    """The same rounds on PostgreSQL: state upserts, conditional request, no duplicates."""
    import os
    import uuid

    base = os.environ.get("LAGEBILD_TEST_PG_URL")
    if not base:
        pytest.skip(
            "LAGEBILD_TEST_PG_URL is not set: start a server with scripts/pg_test_server.sh"
        )
    import psycopg

    schema = f"lagebild_watch_{uuid.uuid4().hex[:12]}"  # generated here, not user input
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        with Store.open(f"{base}?options=-csearch_path%3D{schema}") as store:
            assert make_watcher(store, server).poll_once().stored == 2
            again = make_watcher(store, server).poll_once()
            assert again.not_modified == 1 and again.stored == 0
            assert store.count_articles() == 2
            assert WatchState(store).counts() == {"done": 2, "skipped": 2, "failed": 1}
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
