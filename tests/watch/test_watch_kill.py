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
                proc = subprocess.Popen([sys.executable, "-c", RUN, str(feeds), str(db)])
                time.sleep(rng.uniform(1.5, 4.0))
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
    assert kills >= 3  # most runs were cut short (a round takes > 4 s here)
