"""Kill ``lagebild analyze`` with SIGKILL at random points; the store loses nothing.

Each cycle starts a large ingest, kills it, then checks the store: it opens, passes its
integrity check (SQLite ``PRAGMA integrity_check`` plus lagebild's consistency checks),
every stored article is whole, and nothing is stored twice. A final run completes the set.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.store import Store

N_ARTICLES = 12000
CYCLES = 4
TEMPLATE = (
    "Meldung {i}: Der Stadtrat von Beispielstadt hat am Montag über den Haushalt {i} "
    "beraten. Ein Sprecher sagte, die Entscheidung falle nächste Woche. "
    "Die Opposition kritisierte den Entwurf {i} als unsolide."
)


def _write_inputs(folder: Path) -> Path:
    path = folder / "many.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            fh.write(
                json.dumps(
                    {
                        "id": f"m{i:05d}",
                        "text": TEMPLATE.format(i=i),
                        "published": f"2025-03-0{1 + i % 9}",
                        "lang": "de",
                    }
                )
                + "\n"
            )
    return path


def _analyze(src: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lagebild.cli",
            "analyze",
            str(src),
            "--db",
            db,
            "--stages",
            "clean,language",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "100"},
    )


def _wait_until_stored(path: Path, target: int, proc: subprocess.Popen) -> None:
    """Kill points follow progress, not the clock: wait until ``target`` rows are stored
    (a random point of the run), so the kill lands mid-ingest on a slow or a fast machine."""
    import sqlite3

    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= target:
                    return
        except sqlite3.Error:
            pass  # not created or migrated yet
        time.sleep(0.02)


def _check(db: str) -> int:
    store = Store.open(db)
    try:
        assert store.integrity_check(deep=True) == []
        ids = [a.id for a in store.iter_articles()]
        assert len(ids) == len(set(ids)), "an article was stored twice"
        assert store.count_articles() == len(ids)
        for a in store.iter_articles():
            n = int(a.id[1:])
            assert a.text == TEMPLATE.format(i=n), f"{a.id} half-written"
            assert a.content_hash and a.lang == "de"
        return len(ids)
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_during_analyze_loses_nothing(tmp_path):
    src = _write_inputs(tmp_path)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    rng = random.Random(11)
    stored = 0
    seen = []
    for _ in range(CYCLES):
        proc = _analyze(src, db)
        _wait_until_stored(tmp_path / "store.db", rng.randint(1, N_ARTICLES // 2), proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _check(db)
        assert now >= stored, "rows were lost"
        stored = now
        seen.append(now)
    # the test only means something if kills landed in the middle of an ingest
    assert any(0 < n < N_ARTICLES for n in seen), seen
    proc = _analyze(src, db)
    assert proc.wait(timeout=600) == 0
    assert _check(db) == N_ARTICLES
