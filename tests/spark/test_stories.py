"""Stories on Spark: blocks + the single-machine grouping give the same stories."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from lagebild.spark.synthetic import synthetic_corpus

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def analyzed(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    from lagebild.spark import analyze_job

    rows = synthetic_corpus(48, copies=4, per_day=8)
    src = tmp_path_factory.mktemp("stories-in") / "copies.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path_factory.mktemp("stories-records")
    analyze_job([str(src)], str(out), master=None, stages=("clean", "language"), partitions=2)
    return str(out)


@pytest.fixture(scope="module")
def grouped(spark: Any, analyzed: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    from lagebild.spark import stories_job

    out = tmp_path_factory.mktemp("stories-out")
    return {"out": out, "summary": stories_job(analyzed, str(out), master=None, partitions=2)}


def test_stories_match_the_single_machine_path(analyzed: str, grouped: dict):
    from lagebild.spark import read_articles, read_stories
    from lagebild.stories import build_stories

    summary = grouped["summary"]
    articles = sorted(read_articles(analyzed), key=lambda a: a.id)
    expected = {frozenset(s.articles): s for s in build_stories(articles)}
    got = {frozenset(s.articles): s for s in read_stories(str(grouped["out"]))}

    assert summary["articles"] == len(articles) == 48
    assert summary["story_members"] == 48 and summary["errors"] == 0
    assert summary["candidate_pairs"] < 48 * 47 / 2  # blocking pruned the pairs
    assert set(got) == set(expected)
    for members, story in expected.items():
        assert got[members] == dataclasses.replace(story, id=got[members].id)
    assert any(len(m) > 1 for m in got)  # copies were grouped, not all singletons


def test_story_members_table(grouped: dict):
    import pyarrow.parquet as pq

    members = pq.read_table(grouped["out"] / "story_members").to_pylist()
    stories = pq.read_table(grouped["out"] / "stories").to_pylist()
    assert sorted(m["article_id"] for m in members) == sorted(
        a for s in stories for a in s["articles"]
    )
    for story in stories:
        assert story["n_articles"] == len(story["articles"])
        assert story["id"].startswith("s-")


@pytest.mark.parametrize("driver_edges", [0, 1000])
def test_connected_components_both_ways(spark: Any, monkeypatch, driver_edges: int):
    from lagebild.spark import components

    monkeypatch.setattr(components, "DRIVER_EDGES", driver_edges)
    pairs = [("a", "b"), ("b", "c"), ("d", "e"), ("c", "f"), ("x", "y")]
    edges = spark.createDataFrame(pairs, "a string, b string")
    got = dict(components.connected_components(edges, len(pairs)).collect())
    assert got == {"a": "a", "b": "a", "c": "a", "f": "a", "d": "d", "e": "d", "x": "x", "y": "x"}
