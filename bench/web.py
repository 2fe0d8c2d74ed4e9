"""Web benchmarks: render time of a story page with 50 copies, and API requests/s for a
story read on loopback with two client processes (bounded in count and time).

    .venv/bin/python bench/web.py [--copies 50] [--renders 30] [--seconds 10] [--max 5000]
    .venv/bin/python bench/web.py --load [--reads 1000] [--ingests 100]

``--load`` runs the mixed load test instead: two client processes share ``--reads`` read
requests over every page and API list and ``--ingests`` authenticated ingests (English
articles through the full pipeline), and report errors and latency percentiles.

Every request goes to 127.0.0.1 only; the server is uvicorn started here on a free port
and stopped at the end.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "web"))  # the hand-built records of the web tests


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(path: Path, copies: int) -> str:
    from web_fixtures import fill, many_copies

    from lagebild.store import Store

    with Store.open(str(path)) as store:
        fill(store)
        articles, story = many_copies(copies, prefix="bench")
        store.save_articles(articles)
        store.save_stories([story])
        return story.id


def render_times(db: Path, story_id: str, n: int) -> list[float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from lagebild.web import create_app

    client = TestClient(create_app(str(db)))
    assert client.get(f"/stories/{story_id}").status_code == 200  # warm the templates
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(f"/stories/{story_id}")
        out.append(time.perf_counter() - t0)
        assert r.status_code == 200
    return out


def _client(url: str, seconds: float, max_requests: int, queue: mp.Queue) -> None:
    import httpx

    latencies, errors = [], 0
    end = time.perf_counter() + seconds
    with httpx.Client(timeout=10) as client:
        while time.perf_counter() < end and len(latencies) + errors < max_requests:
            t0 = time.perf_counter()
            try:
                ok = client.get(url).status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append(time.perf_counter() - t0)
            else:
                errors += 1
    queue.put((latencies, errors))


class Server:
    """``lagebild.web.serve`` in a child process on a free loopback port."""

    def __init__(self, db: Path, token: str | None = None) -> None:
        import httpx

        port = _free_port()
        code = (
            "from lagebild.web import serve; "
            f"serve({str(db)!r}, '127.0.0.1', {port}, token={token!r})"
        )
        self.process = subprocess.Popen([sys.executable, "-c", code])
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                if httpx.get(self.base + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _run_clients(target, args_for) -> tuple[list, float]:  # type: ignore[no-untyped-def]
    queue: mp.Queue = mp.Queue()
    workers = [mp.Process(target=target, args=(*args_for(i), queue)) for i in range(2)]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    results = [queue.get() for _ in workers]
    elapsed = time.perf_counter() - t0
    for w in workers:
        w.join()
    return results, elapsed


def _summary(latencies: list[float], errors: int, elapsed: float) -> dict:
    latencies = sorted(latencies)
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2] if latencies else float("nan"),
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)] if latencies else float("nan"),
    }


def api_throughput(db: Path, story_id: str, seconds: float, max_requests: int) -> dict:
    server = Server(db)
    try:
        url = f"{server.base}/api/v1/stories/{story_id}"
        results, elapsed = _run_clients(_client, lambda i: (url, seconds, max_requests // 2))
    finally:
        server.stop()
    return _summary([x for lat, _ in results for x in lat], sum(e for _, e in results), elapsed)


READ_PATHS = [
    "/",
    "/?lang=de",
    "/?q=Norland",
    "/stories/s-norland",
    "/articles/a-origin",
    "/actors/person:anna-berg",
    "/commitments?target=country:UKR",
    "/outlets",
    "/search?q=vehicles",
    "/claims?target=country:UKR",
    "/api/v1/stories",
    "/api/v1/stories/s-norland",
    "/api/v1/articles?limit=20",
    "/api/v1/claims?actor=country:NOR",
    "/api/v1/search?q=Norland",
    "/api/v1/actors",
    "/api/v1/attributions",
]
INGEST_TEXT = (
    "The foreign minister of Norland said on {day} that the country will send {n} more "
    "trucks with medical supplies to Ukraine. Officials in the capital said the convoy could "
    "leave within days if the border crossing stays open."
)


def _mixed_client(
    base: str, token: str, reads: int, ingests: int, worker: int, queue: mp.Queue
) -> None:
    import json

    import httpx

    latencies, errors, messages = [], 0, []
    deadline = time.perf_counter() + 600  # bounded in time as well as in count
    every = max(1, reads // max(1, ingests))
    done_ingests = 0
    with httpx.Client(base_url=base, timeout=60) as client:
        for i in range(reads + ingests):
            if time.perf_counter() > deadline:
                break
            t0 = time.perf_counter()
            if done_ingests < ingests and i % (every + 1) == every:
                line = json.dumps(
                    {
                        "id": f"load-{worker}-{i}",
                        "lang": "en",
                        "outlet": f"load{worker}.example",
                        "published": "2025-10-02",
                        "text": INGEST_TEXT.format(day="Thursday", n=i),
                    }
                )
                r = client.post(
                    "/api/v1/articles",
                    content=line.encode(),
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Content-Type": "application/x-ndjson",
                    },
                )
                done_ingests += 1
                ok = r.status_code == 201
            else:
                r = client.get(READ_PATHS[i % len(READ_PATHS)])
                ok = r.status_code == 200
            if ok:
                latencies.append(time.perf_counter() - t0)
            else:
                errors += 1
                messages.append(f"{r.status_code} {r.request.url.path}")
    queue.put((latencies, errors, messages[:5]))


def mixed_load(db: Path, reads: int, ingests: int) -> dict:
    token = "bench-token"
    server = Server(db, token=token)
    try:
        results, elapsed = _run_clients(
            _mixed_client, lambda i: (server.base, token, reads // 2, ingests // 2, i)
        )
    finally:
        server.stop()
    out = _summary([x for r in results for x in r[0]], sum(r[1] for r in results), elapsed)
    out["messages"] = [m for r in results for m in r[2]]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--renders", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--max", type=int, default=5000, help="request cap over both clients")
    ap.add_argument("--load", action="store_true", help="mixed reads + ingests instead")
    ap.add_argument("--reads", type=int, default=1000)
    ap.add_argument("--ingests", type=int, default=100)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        story_id = build_store(db, args.copies)
        if args.load:
            m = mixed_load(db, args.reads, args.ingests)
            print(
                f"mixed load, 2 client processes: {m['requests']} ok, {m['errors']} errors "
                f"({args.reads} reads + {args.ingests} ingests asked) in {m['seconds']:.1f} s, "
                f"p50 {m['p50_ms']:.1f} ms, p99 {m['p99_ms']:.1f} ms"
            )
            for message in m["messages"]:
                print("  error:", message)
            return
        times = render_times(db, story_id, args.renders)
        print(
            f"story page, {args.copies} copies: median {1000 * statistics.median(times):.1f} ms, "
            f"p95 {1000 * sorted(times)[int(0.95 * (len(times) - 1))]:.1f} ms "
            f"over {len(times)} renders (in-process, SQLite)"
        )
        api = api_throughput(db, story_id, args.seconds, args.max)
        print(
            f"GET /api/v1/stories/{{id}} ({args.copies} copies), 2 client processes, loopback: "
            f"{api['rps']:.0f} requests/s, {api['requests']} ok, {api['errors']} errors, "
            f"p50 {api['p50_ms']:.1f} ms, p99 {api['p99_ms']:.1f} ms "
            f"({api['seconds']:.1f} s, one uvicorn worker)"
        )


if __name__ == "__main__":
    main()
