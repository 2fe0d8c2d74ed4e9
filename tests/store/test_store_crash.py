"""A writer killed with SIGKILL mid-write leaves only whole batches and a consistent store."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_workers import make_article

from lagebild.store import Store

WORKER = Path(__file__).with_name("store_workers.py")
BATCH = 10
CYCLES = 3


def _wait_for(store: Store, n: int, proc: subprocess.Popen[bytes], guard_s: float = 120) -> None:
    """Poll until the writer has committed ``n`` articles (the guard only stops a hang)."""
    deadline = time.monotonic() + guard_s
    while store.count_articles() < n:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "died"
        assert time.monotonic() < deadline, "writer made no progress"
        time.sleep(0.05)


def test_sigkill_during_writes_loses_no_committed_batch(db_url: str) -> None:
    rng = random.Random(11)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(WORKER.parent), *sys.path])}
    with Store.open(db_url) as store:
        for cycle in range(CYCLES):
            before = store.count_articles()
            proc = subprocess.Popen(
                [sys.executable, str(WORKER), db_url, str(1000 * cycle)],
                env=env, stderr=subprocess.PIPE,
            )  # fmt: skip
            try:
                _wait_for(store, before + rng.randint(1, 6) * BATCH, proc)
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
            assert proc.returncode == -signal.SIGKILL
        with Store.open(db_url) as reopened:
            assert reopened.integrity_check(deep=True) == []
            stored = list(reopened.iter_articles(order="stored"))
    assert len(stored) % BATCH == 0  # whole batches only: no half-written transaction
    assert len({a.id for a in stored}) == len(stored)
    for article in stored:
        assert article == make_article(article.id)
    batches = {a.id.split("-")[0] for a in stored}
    assert len(batches) * BATCH == len(stored)
