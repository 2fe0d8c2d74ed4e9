"""Throughput of the nlp stage: words/s and articles/s, German and English, 1 and 2 processes.

German: the 10kGNAD test articles (../shared/data/tenk_gnad_test); English: the English
side of the WMT24 documents (../shared/data/wmt24_en_de_docs). Each row runs in a fresh
subprocess so its peak RSS is its own; ``blank`` is ``spacy.blank(lang)`` tokenisation of
the same text (the reference), ``ratio`` = pipeline CPU time / blank CPU time. Words
per CPU-second (= per core) are the figure to compare on a shared machine; wall-clock
words/s depend on what else runs.

    .venv/bin/python bench/nlp.py                 # full table (a few minutes)
    .venv/bin/python bench/nlp.py --limit 200     # quicker
    .venv/bin/python bench/nlp.py --model de=de_core_news_lg
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from corpora import DATA, ROOT, texts  # bench/ is on sys.path when a script here runs


def run_one(lang: str, mode: str, n_process: int, limit: int, model: str | None) -> dict:
    """One measurement in this process: mode is "pipeline" or "blank"."""
    import spacy

    sys.path.insert(0, str(ROOT / "src"))
    from lagebild.config import Config
    from lagebild.nlp import load

    docs = texts(lang, limit)
    nlp = spacy.blank(lang) if mode == "blank" else load(lang, Config().with_models(model))
    # warm-up outside the clock (lazy model weights, first-call allocation)
    for _ in nlp.pipe(docs[:2]):
        pass
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    words = 0
    for doc in nlp.pipe(docs, batch_size=32, n_process=n_process):
        words += sum(1 for t in doc if not (t.is_space or t.is_punct))
    secs = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"lang": lang, "mode": mode, "n_process": n_process, "articles": len(docs),
            "words": words, "seconds": round(secs, 3), "words_per_s": round(words / secs),
            "cpu_seconds": round(cpu, 3), "words_per_cpu_s": round(words / cpu),
            "articles_per_s": round(len(docs) / secs, 1),
            "peak_rss_mb": round(max(rss, rss_children) / 1024),
            "pipes": list(nlp.pipe_names)}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the n_process workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(lang: str, mode: str, n_process: int, limit: int, model: str | None) -> dict:
    cmd = [sys.executable, __file__, "--one", lang, mode, str(n_process), "--limit", str(limit)]
    if model:
        cmd += ["--model", model]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(rows: list[dict]) -> str:
    lines = ["| lang | processes | articles | words | words/s (wall) | articles/s "
             "| words per CPU-s | blank words per CPU-s | ratio | peak RSS MB |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        lines.append(
            f"| {row['lang']} | {row['n_process']} | {row['articles']} | {row['words']} "
            f"| {row['words_per_s']:,} | {row['articles_per_s']} "
            f"| {row['words_per_cpu_s']:,} | {row['blank_words_per_cpu_s']:,} "
            f"| {row['ratio']:.1f}× | {row['peak_rss_mb']} |"
        )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description="nlp stage throughput")
    ap.add_argument("--langs", default="de,en")
    ap.add_argument("--processes", default="1,2")
    ap.add_argument("--limit", type=int, default=0, help="articles per language (0: all)")
    ap.add_argument("--model", default=None, help="LANG=NAME[,LANG=NAME]")
    ap.add_argument("--one", nargs=3, metavar=("LANG", "MODE", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        lang, mode, n = args.one
        sys.stdout.write(json.dumps(run_one(lang, mode, int(n), args.limit, args.model)) + "\n")
        return 0
    if not DATA.is_dir():
        sys.stderr.write(f"data folder not found: {DATA}\n")
        return 1
    rows = []
    for lang in args.langs.split(","):
        blank = measure(lang, "blank", 1, args.limit, None)
        for n in (int(x) for x in args.processes.split(",")):
            row = measure(lang, "pipeline", n, args.limit, args.model)
            row["blank_words_per_cpu_s"] = blank["words_per_cpu_s"]
            row["ratio"] = blank["words_per_cpu_s"] / row["words_per_cpu_s"]
            rows.append(row)
            sys.stderr.write(json.dumps(row) + "\n")
    sys.stdout.write(table(rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
