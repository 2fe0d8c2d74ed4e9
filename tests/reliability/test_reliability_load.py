"""Load on loopback against ``lagebild serve``: mixed reads and ingests, zero errors.

Two client processes, bounded in count and time, stop by themselves (bench/web.py's
``mixed_load``); the p99 latency is printed for the record, never asserted.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_web", ROOT / "bench" / "web.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_web"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.integration
def test_mixed_load_no_errors(tmp_path, capsys):
    pytest.importorskip("fastapi")
    pytest.importorskip("uvicorn")
    bench = _bench()
    db = tmp_path / "load.db"
    bench.build_store(db, 20)
    result = bench.mixed_load(db, reads=1000, ingests=100)
    with capsys.disabled():
        print(f"\nload: {result['requests']} ok, {result['errors']} errors, "
              f"p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms")
    assert result["errors"] == 0, result["messages"]
    assert result["requests"] == 1100
