"""Crash safety of the watcher: a real process is killed with SIGKILL at random points of a
round, restarted, and in the end every entry is stored exactly once and the store is sound."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from feed_server import PAGES, FeedServer

from lagebild.store import Store
from lagebild.watch.state import WatchState

N_PAGES = 24
RUN = """
import sys
from lagebild.config import Config
from lagebild.watch import watch
watch(sys.argv[1], sys.argv[2], once=True, config=Config(stages=("clean", "language")),
      stories=False, min_interval=0.0)
"""


def _pages_fetched(server: FeedServer) -> int:
    return sum(n for path, n in list(server.hits.items()) if path.startswith("/news/kill-"))


@pytest.mark.slow
def test_sigkill_and_restart_lose_nothing_and_duplicate_nothing(tmp_path: Path) -> None:
    rng = random.Random(8)
    added = []
    for i in range(N_PAGES):
        path = f"/news/kill-{i}.html"
        PAGES[path] = (
            f"Report {i} from Vell",
            f"Report number {i}: " + PAGES["/news/talks.html"][1],
        )
        added.append(path)
    try:
        with FeedServer() as server:
            server.items = [(f"Report {i}", p) for i, p in enumerate(added)]
            server.page_delay = 0.15  # slow pages: kills land in the middle of a round
            feeds = tmp_path / "feeds.txt"
            feeds.write_text(server.base + "/feed.xml\n")
            db = tmp_path / "kill.db"
            kills = 0
            for _ in range(5):
                # kill points follow the round's progress, not the clock: after 1–4 more
                # article pages were requested (a fast idle machine finished whole rounds
                # before a timed kill landed)
                target = _pages_fetched(server) + rng.randint(1, 4)
                proc = subprocess.Popen([sys.executable, "-c", RUN, str(feeds), str(db)])
                give_up = time.monotonic() + 120  # a safety net, not a measurement
                while (proc.poll() is None and _pages_fetched(server) < target
                       and time.monotonic() < give_up):
                    time.sleep(0.01)
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    kills += 1
                proc.wait(timeout=30)
            final = subprocess.run(
                [sys.executable, "-c", RUN, str(feeds), str(db)], timeout=300, check=False
            )
            assert final.returncode == 0
    finally:
        for path in added:
            PAGES.pop(path, None)
    with Store.open(str(db)) as store:
        assert store.integrity_check() == []
        rows = store.list_articles(limit=1000)
        assert len(rows) == N_PAGES
        assert len({r.url for r in rows}) == N_PAGES  # each page stored once
        assert WatchState(store).counts() == {"done": N_PAGES}
    assert kills >= 3  # most runs were cut short in the middle of a round
