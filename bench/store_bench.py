"""Store throughput: articles saved/s (batched and one per transaction), records read/s,
searches/s, on SQLite and (with --db postgresql://…) PostgreSQL.

    .venv/bin/python bench/store_bench.py [--articles 2000] [--db URL]

Without --db a fresh SQLite file in a temp folder is used. The articles are generated here
(own sentences, ~3,000 characters, 12 entities, 4 attributions, 4 claims, 3 times each) so
the figures can be reproduced anywhere. Point --db at an empty database: the benchmark
writes into it.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from lagebild.records import (
    Actor,
    Article,
    Attribution,
    Claim,
    Entity,
    Role,
    Source,
    Span,
    Speaker,
    TimeExpr,
)  # fmt: skip
from lagebild.store import ClaimFilter, Store

WORDS = [
    "Regierung", "Minister", "Kommission", "Sprecher", "Hilfen", "Grenze", "Abkommen",
    "Waffenstillstand", "Gespräche", "ministry", "president", "official", "talks", "agreement",
    "border", "sanctions", "ceasefire", "guarantees", "aid",
]  # fmt: skip
ACTORS = {
    f"person:p{i}": Actor(f"Person {i}", "person", "USA", None, (Role("Minister", "USA"),))
    for i in range(40)
}


def make_article(i: int, rng: random.Random) -> Article:
    text = " ".join(rng.choice(WORDS) for _ in range(380)) + f" artikel{i}"
    actor_ids = rng.sample(sorted(ACTORS), 4)
    span = Span(0, 40, text[:40])
    return Article(
        f"bench-{i:07d}", f"https://example.org/{i}", f"outlet{i % 25}.example",
        rng.choice(["de", "en"]), f"Titel {i} " + rng.choice(WORDS),
        f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", text,
        entities=tuple(Entity(j * 10, j * 10 + 5, "Name", "PER", actor_ids[j % 4])
                       for j in range(12)),
        actors={a: ACTORS[a] for a in actor_ids},
        attributions=tuple(
            Attribution(f"t{j}", "indirect", span, span, Speaker("Person", actor_ids[j]),
                        (Source("ein Diplomat", "anonymous_diplomat"),))
            for j in range(4)
        ),
        times=tuple(TimeExpr(j, j + 3, "am Montag", "2025-08-18", "day", "exact", "weekday")
                    for j in range(3)),
        claims=tuple(
            Claim(f"c{j}", actor_ids[j], "SUPPORT", None, "country:UKR", "asserted", None,
                  None, None, span, f"t{j}")
            for j in range(4)
        ),
    )  # fmt: skip


def timed(label: str, n: int, fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<42} {n:>7} in {seconds:7.2f} s = {n / seconds:9.1f} /s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", default=None, help="database URL (default: temp SQLite file)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    rng = random.Random(7)
    n = args.articles
    batch = [make_article(i, rng) for i in range(n)]
    single = [make_article(n + i, rng) for i in range(max(1, n // 10))]
    with Store.open(url) as store:
        print(f"backend: {store.dialect}   articles: {n}")
        timed("save_articles (batches of 200)", n, lambda: store.save_articles(batch))
        timed("save_articles again (all unchanged)", n, lambda: store.save_articles(batch))
        timed("save_article (one transaction each)", len(single),
              lambda: [store.save_article(a) for a in single])  # fmt: skip
        ids = [a.id for a in rng.sample(batch, min(n, 500))]
        timed("get_article", len(ids), lambda: [store.get_article(i) for i in ids])
        timed("iter_articles (all)", n + len(single), lambda: sum(1 for _ in store.iter_articles()))
        queries = [f"{rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(100)]
        timed("search (2 words, limit 20)", len(queries),
              lambda: [store.search(q, limit=20) for q in queries])  # fmt: skip
        timed("search (rare word, 1 hit)", 100,
              lambda: [store.search(f"artikel{i}") for i in range(100)])  # fmt: skip
        by_actor = [ClaimFilter(actor_id=f"person:p{i % 40}") for i in range(100)]
        timed("claims by actor (limit 50)", 100, lambda: [store.claims(f) for f in by_actor])
        timed("integrity_check(deep=True)", 1, lambda: store.integrity_check(deep=True))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS, includes the generated articles): {peak:.0f} MB")
    tmp.cleanup()


if __name__ == "__main__":
    main()
