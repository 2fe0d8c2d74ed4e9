"""Benchmark the Spark jobs locally: analyze scaling (local[1] vs local[2]) and stories growth.

    .venv/bin/python bench/spark.py                      # 2,000 articles; stories at 10k
    .venv/bin/python bench/spark.py --with-100k          # stories also at 100k copies
    .venv/bin/python bench/spark.py --articles 4000 --stories 10000,30000 --json out.json

Prints one JSON object: articles/s per master (after a warm-up job, so model loading is not
counted) and the scaling ratio (rate at 2 executors / twice the rate at 1; 1.0 is linear),
the peak RSS of one Python worker (models + one batch) and of the JVM, and the stories
job's time per corpus size with the growth exponent
(log time ratio / log size ratio: 1.0 is linear, n log n from 10k to 100k is about 1.1).
The corpora are synthetic copies from :mod:`lagebild.spark.synthetic` (our own templates).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lagebild.config import Config
from lagebild.spark.synthetic import synthetic_corpus


def _jvm_peak_mb() -> float:
    """Peak RSS (VmHWM) of the java processes started by this Python process."""
    peak = 0.0
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("Name", "").strip() != "java" or int(fields.get("PPid", "0")) != me:
            continue
        peak = max(peak, int(fields.get("VmHWM", "0 kB").split()[0]) / 1024)
    return round(peak, 1)


def _write_corpus(path: Path, n: int, per_day: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in synthetic_corpus(n, copies=5, per_day=per_day):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def bench_analyze(work: Path, n: int, stages: tuple[str, ...], partitions: int) -> dict[str, Any]:
    from lagebild.spark import analyze_job
    from lagebild.spark.session import get_session

    corpus = _write_corpus(work / f"analyze-{n}.jsonl", n, per_day=200)
    warm = _write_corpus(work / "warm.jsonl", 24, per_day=200)
    runs: dict[str, Any] = {}
    for master in ("local[1]", "local[2]"):
        session = get_session(master, "lagebild-bench")
        # warm-up: JVM JIT, Python workers started, models loaded (worker reuse keeps them)
        analyze_job([str(warm)], str(work / "warm-out"), master=master, stages=stages,
                    partitions=4)  # fmt: skip
        started = time.perf_counter()
        summary = analyze_job(
            [str(corpus)], str(work / f"out-{master[6]}"), master=master, stages=stages,
            partitions=partitions,
        )  # fmt: skip
        wall = time.perf_counter() - started
        runs[master] = {
            "articles": summary["articles"],
            "errors": summary["errors"],
            "seconds": round(wall, 1),
            "articles_per_s": round(summary["articles"] / wall, 2),
            "python_workers": summary["workers"],
            "worker_peak_rss_mb": summary["worker_peak_rss_mb"],
            "jvm_peak_rss_mb": _jvm_peak_mb(),
        }
        session.stop()
    one, two = runs["local[1]"]["articles_per_s"], runs["local[2]"]["articles_per_s"]
    return {"stages": list(stages), "runs": runs, "scaling_ratio": round(two / (2 * one), 2)}


def bench_stories(work: Path, sizes: list[int], master: str) -> dict[str, Any]:
    from lagebild.spark import analyze_job, stories_job
    from lagebild.spark.session import get_session

    session = get_session(master, "lagebild-bench-stories")
    out: dict[str, Any] = {}
    for n in sizes:
        corpus = _write_corpus(work / f"copies-{n}.jsonl", n, per_day=400)
        records = work / f"records-{n}"
        analyze_job([str(corpus)], str(records), master=master, stages=("clean", "language"),
                    partitions=None)  # fmt: skip
        started = time.perf_counter()
        summary = stories_job(str(records), str(work / f"stories-{n}"), master=master)
        summary["wall_seconds"] = round(time.perf_counter() - started, 1)
        summary.pop("out", None)
        out[str(n)] = summary
    session.stop()
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        ta, tb = out[str(a)]["wall_seconds"], out[str(b)]["wall_seconds"]
        out["growth_exponent"] = round(math.log(tb / ta) / math.log(b / a), 2)
        out["n_log_n_exponent"] = round(
            math.log((b * math.log(b)) / (a * math.log(a))) / math.log(b / a), 2
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--stories", default="10000", help="comma-separated corpus sizes")
    parser.add_argument("--with-100k", action="store_true", help="add 100,000 copies")
    parser.add_argument("--stages", default=None, help="default: the configured stages")
    parser.add_argument("--skip-analyze", action="store_true")
    parser.add_argument("--skip-stories", action="store_true")
    parser.add_argument("--json", default=None, help="also write the result here")
    args = parser.parse_args(argv)

    stages = tuple(args.stages.split(",")) if args.stages else Config().stages
    sizes = [int(s) for s in args.stories.split(",") if s]
    if args.with_100k and 100_000 not in sizes:
        sizes.append(100_000)
    result: dict[str, Any] = {"cpus": os.cpu_count(), "load_avg_at_start": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="lagebild-spark-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_analyze:
            result["analyze"] = bench_analyze(work, args.articles, stages, args.partitions)
            print(json.dumps(result["analyze"]), file=sys.stderr, flush=True)
        if not args.skip_stories:
            result["stories"] = bench_stories(work, sizes, "local[2]")
    result["load_avg_at_end"] = os.getloadavg()
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
