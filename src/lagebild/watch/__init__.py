"""Continuous feed watching: ``lagebild watch FEEDS.txt [--every 15m] [--once]``.

>>> from lagebild.watch import watch
>>> watch("feeds.txt", db="lagebild.db", once=True)

Polls RSS/Atom feeds with conditional requests, fetches new entries' pages politely
(per-host pause, timeouts, robots.txt), runs the pipeline, stores the articles and keeps
its state in the store, so a restart resumes without duplicates.
"""

from __future__ import annotations

import logging
import re
import signal
import threading
from collections.abc import Callable
from types import FrameType

from lagebild.config import Config
from lagebild.errors import ConfigError
from lagebild.store import Store
from lagebild.watch.feeds import Entry, parse_entries, read_feed_list
from lagebild.watch.fetch import Fetcher, FetchRefused
from lagebild.watch.watcher import RoundReport, Watcher

__all__ = [
    "Entry",
    "FetchRefused",
    "Fetcher",
    "RoundReport",
    "Watcher",
    "parse_entries",
    "parse_every",
    "read_feed_list",
    "watch",
]

log = logging.getLogger(__name__)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``"15m"`` → 900.0; ``"30s"``, ``"2h"``, ``"1d"`` and plain seconds (``"90"``)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value or "")
    if not m:
        raise ConfigError(f"--every wants a duration like 30s, 15m, 2h: got {value!r}")
    seconds = float(m[1]) * _UNITS[m[2] or "s"]
    if seconds < 1:
        raise ConfigError("--every must be at least one second")
    return seconds


def watch(
    feeds_file: str,
    db: str | None = None,
    every: str = "15m",
    once: bool = False,
    *,
    config: Config | None = None,
    stories: bool = True,
    min_interval: float = 1.0,
    timeout: float = 15.0,
    on_round: Callable[[RoundReport], None] | None = None,
    stop: threading.Event | None = None,
) -> RoundReport:
    """Watch the feeds in ``feeds_file`` until stopped (SIGINT/SIGTERM or ``stop``), or for
    one round with ``once``. Returns the last round's report; ``on_round`` sees each one."""
    interval = parse_every(every)
    feeds = read_feed_list(feeds_file)
    config = config or Config()
    stop = stop or threading.Event()
    store = Store.open(db or config.db_url)
    fetcher = Fetcher(
        timeout=timeout, min_interval=min_interval, max_bytes=config.limits.max_input_bytes
    )
    watcher = Watcher(store, feeds, config=config, fetcher=fetcher, stories=stories)
    restore = _stop_on_signals(stop) if not once else None
    report = RoundReport()
    try:
        while True:
            report = watcher.poll_once()
            if on_round is not None:
                on_round(report)
            if once or stop.wait(interval):
                return report
    finally:
        if restore is not None:
            restore()
        watcher.close()
        store.close()


def _stop_on_signals(stop: threading.Event) -> Callable[[], None] | None:
    """Let SIGINT/SIGTERM end the wait between rounds (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum: int, frame: FrameType | None) -> None:
        log.info("signal %s: stopping after this round", signum)
        stop.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for s, h in old.items():
            signal.signal(s, h)

    return restore
