"""Ingest + clean throughput on generated HTML pages: files/s, words/s, peak memory.

    .venv/bin/python bench/ingest.py [--pages 1000] [--keep DIR]

The pages are generated here (own template text, varied per page) so the figure can be
reproduced anywhere; each page has navigation, a comment section and a repeated teaser,
like a scraped news page.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from lagebild.config import Config
from lagebild.ingest import read_paths
from lagebild.pipeline import Context, run
from lagebild.records import Article

ACTORS = [
    "Die Regierung",
    "Der Minister",
    "Die Kommission",
    "Ein Sprecher",
    "The ministry",
    "The president",
    "A senior official",
    "Die Opposition",
]
VERBS = [
    "kündigte an, dass",
    "erklärte am Montag, dass",
    "said on Tuesday that",
    "bestätigte, dass",
    "warned that",
    "teilte mit, dass",
]
THINGS = [
    "die Hilfen verlängert werden",
    "the talks would continue next week",
    "weitere 30 Millionen Euro bereitstehen",
    "no decision had been taken",
    "die Grenze geöffnet bleibt",
    "the agreement could be signed in March",
]


def page(i: int, rng: random.Random) -> str:
    title = f"Bericht {i}: {rng.choice(ACTORS)} zur Lage"
    teaser = f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(THINGS)}."
    paras = "".join(
        f"<p>{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(THINGS)}, "
        f"und {rng.choice(ACTORS).lower()} {rng.choice(VERBS)} {rng.choice(THINGS)}.</p>"
        for _ in range(rng.randint(6, 14))
    )
    day = f"2025-0{1 + i % 9}-1{i % 9}"
    return (
        f"<html><head><title>{title}</title><meta name='date' content='{day}'>"
        f"</head><body><nav><a href='/'>Start</a></nav><article><h1>{title}</h1>"
        f"<p>{teaser}</p><p>{teaser}</p>{paras}</article>"
        f"<div class='comments'><p>Kommentar {i}: unwichtig</p></div></body></html>"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--keep", help="write the pages here instead of a temp dir")
    args = ap.parse_args()
    rng = random.Random(7)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="lagebild-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(args.pages):
        (folder / f"page{i:05d}.html").write_text(page(i, rng), encoding="utf-8")
    ctx = Context(Config(stages=("clean", "language")))
    t0 = time.perf_counter()
    n_ok = n_fail = words = 0
    for item in run(read_paths([str(folder)]), ctx):
        if isinstance(item, Article):
            n_ok += 1
            words += len(item.text.split())
        else:
            n_fail += 1
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingest+clean+language: {n_ok} pages ({n_fail} failed) in {dt:.1f} s")
    print(f"  files/s  {n_ok / dt:8.1f}")
    print(f"  words/s  {words / dt:8.0f}")
    print(f"  peak RSS {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
