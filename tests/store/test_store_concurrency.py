"""Two processes writing to one store at the same time lose nothing and corrupt nothing."""

from __future__ import annotations

import multiprocessing

from store_workers import expected_ids, make_article, run_worker

from lagebild.store import Store

N_OWN, N_SHARED = 120, 40


def test_two_writer_processes_lose_nothing(db_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(2), ctx.Queue()
    workers = [
        ctx.Process(target=run_worker, args=(db_url, w, N_OWN, N_SHARED, start, out))
        for w in (0, 1)
    ]
    for worker in workers:
        worker.start()
    outcomes = [out.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert [status for status, _ in outcomes] == ["ok", "ok"], outcomes
    results = [result for _, result in outcomes]
    ids = expected_ids(N_OWN, N_SHARED)
    with Store.open(db_url) as store:
        assert store.count_articles() == len(ids)
        stored = {a.id: a for a in store.iter_articles()}
        assert set(stored) == ids
        for article_id, article in stored.items():
            if article_id.startswith("fight-"):  # both wrote it: one whole version wins
                assert article in (make_article(article_id, "w0"), make_article(article_id, "w1"))
            else:
                assert article == make_article(article_id)
        counts = store.counts()
        assert counts["claims"] == len(ids)
        assert counts["entities"] == len(ids)
        assert counts["actors"] == 3
        assert store.count_failures() == 2 * len(range(0, N_OWN, 10))
        assert store.integrity_check(deep=True) == []
    # Every shared, identical article was written once and found unchanged once.
    assert sum(w for w, _ in results) >= len(ids)
    assert sum(s for _, s in results) >= N_SHARED
