"""Articles through the store: exact round trip, idempotency, replacement, failures."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_strategies import articles

from lagebild.errors import StoreError
from lagebild.records import Article, Claim, Failure, Span, from_dict, to_dict
from lagebild.store import ArticleFilter, ClaimFilter, Store
from lagebild.store.rows import record_dict

ROUND_TRIP = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@ROUND_TRIP
@given(article=articles())
def test_any_article_round_trips_exactly(store: Store, article: Article) -> None:
    assert record_dict(article) == to_dict(article)
    store.save_article(article)
    back = store.get_article(article.id)
    assert back == article
    assert from_dict(Article, to_dict(back)) == article
    assert store.integrity_check(deep=True) == []


@settings(ROUND_TRIP, max_examples=30)
@given(batch=st.lists(articles(), max_size=6))
def test_batches_round_trip_and_keep_the_last_copy_of_an_id(
    store: Store, batch: list[Article]
) -> None:
    store.save_articles(batch, batch_size=4)
    last = {a.id: a for a in batch}
    for article_id, article in last.items():
        assert store.get_article(article_id) == article


def _article(article_id: str = "a1", text: str = "Rubio sagte am Donnerstag etwas.") -> Article:
    claim = Claim(
        "c1", "country:USA", "SUPPORT", None, "country:UKR", "conditional", "falls", None, None,
        Span(0, 5, "Rubio"), None,
    )  # fmt: skip
    return Article(
        article_id, "https://example.org/1", "example.org", "de", "Titel", "2025-08-22", text,
        claims=(claim,),
    )  # fmt: skip


def test_saving_the_same_record_again_is_a_no_op(store: Store) -> None:
    article = _article()
    assert store.save_article(article) is True
    assert store.save_article(article) is False
    assert store.save_articles([article, article]) == (0, 2)
    assert store.count_articles() == 1
    assert store.counts()["claims"] == 1


def test_same_id_with_new_content_replaces_the_article_and_its_rows(store: Store) -> None:
    store.save_article(_article())
    newer = dataclasses.replace(_article(text="Ein ganz anderer Text."), claims=())
    assert store.save_article(newer) is True
    assert store.get_article("a1") == newer
    assert store.count_articles() == 1
    assert store.counts()["claims"] == 0
    assert store.claims(ClaimFilter(article_id="a1")) == []
    assert [h.id for h in store.search("anderer")] == ["a1"]
    assert store.search("Donnerstag") == []
    assert store.integrity_check(deep=True) == []


def test_missing_article_is_none(store: Store) -> None:
    assert store.get_article("nope") is None


def test_list_and_iterate_articles_page_without_gaps(store: Store) -> None:
    batch = [
        dataclasses.replace(_article(f"a{i:02d}"), published=f"2025-08-{i + 1:02d}")
        for i in range(12)
    ]
    assert store.save_articles(batch, batch_size=5) == (12, 0)
    pages = [store.list_articles(limit=5, offset=o) for o in (0, 5, 10)]
    ids = [row.id for page in pages for row in page]
    assert ids == [f"a{i:02d}" for i in reversed(range(12))]  # newest first
    assert [a.id for a in store.iter_articles(batch_size=4)] == ids
    assert [a.id for a in store.iter_articles(limit=3, offset=2, batch_size=2)] == ids[2:5]
    stored_order = [a.id for a in batch]
    assert [a.id for a in store.iter_articles(order="stored", batch_size=5)] == stored_order
    assert list(store.iter_articles(limit=0)) == []
    since = ArticleFilter(since="2025-08-10", lang="de")
    assert store.count_articles(since) == 3
    assert [a.published for a in store.iter_articles(since, batch_size=1)] == [
        "2025-08-12", "2025-08-11", "2025-08-10",
    ]  # fmt: skip


def test_iteration_is_not_shifted_by_concurrent_inserts(store: Store) -> None:
    store.save_articles(
        dataclasses.replace(_article(f"a{i}"), published=f"2025-08-{i + 10}") for i in range(6)
    )
    seen = []
    for article in store.iter_articles(batch_size=2):
        seen.append(article.id)
        if len(seen) == 1:  # a newer article arrives while we iterate
            store.save_article(dataclasses.replace(_article("new"), published="2025-09-01"))
    assert seen == [f"a{i}" for i in reversed(range(6))]


def test_failures_are_recorded_newest_first(store: Store) -> None:
    store.save_failure(Failure("bad.bin", "ingest", "binary file", "E102"))
    store.save_failure(Failure("empty.txt", "ingest", "empty file", "E101"))
    store.save_failure(Failure("a7", "claims", "boom\x00", "E300"))
    assert store.count_failures() == 3
    newest = store.failures(limit=2)
    assert [f.id for f, _ in newest] == ["a7", "empty.txt"]
    assert [f.id for f, _ in store.failures(stage="ingest")] == ["empty.txt", "bad.bin"]
    assert store.failures(offset=2)[0][0] == Failure("bad.bin", "ingest", "binary file", "E102")


def test_a_refused_article_is_left_out_of_its_batch_alone(store: Store) -> None:
    good = [_article(f"g{i}") for i in range(5)]
    bad = _article("bad\x00id")  # an id no backend can store
    with pytest.raises(StoreError, match="without NUL"):
        store.save_article(bad)
    failures: list[Failure] = []
    assert store.save_articles([*good[:3], bad, *good[3:]], failures=failures) == (5, 0)
    assert [f.id for f in failures] == ["bad\x00id"]
    assert failures[0].stage == "store"
    assert store.count_articles() == 5
    assert store.count_failures() == 1
    with pytest.raises(StoreError):
        store.save_articles([*good, bad])
    assert store.count_articles() == 5
