"""Export: JSONL round trip, CSV tables with one row per child record, Parquet when available."""

from __future__ import annotations

import csv
import json

import pytest
from tests.factories import rich_article

from lagebild.export import export
from lagebild.records import Article, from_dict


def test_jsonl_round_trip(tmp_path):
    a = rich_article()
    out = tmp_path / "x.jsonl"
    assert export([a, a], "jsonl", str(out)) == {"jsonl": 2}
    back = [from_dict(Article, json.loads(line)) for line in out.read_text().splitlines()]
    assert back == [a, a]


def test_csv_tables(tmp_path):
    export([rich_article()], "csv", str(tmp_path))
    with open(tmp_path / "claims.csv", encoding="utf-8") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["article_id"] == "a001" and row["event_type"] == "AID"
    assert json.loads(row["quantity"])["value"] == 30
    with open(tmp_path / "articles.csv", encoding="utf-8") as fh:
        [art] = list(csv.DictReader(fh))
    assert art["id"] == "a001" and "claims" not in art


def test_parquet_tables(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    counts = export([rich_article()], "parquet", str(tmp_path))
    assert counts["entities"] == 1
    assert pq.read_table(tmp_path / "entities.parquet").to_pylist()[0]["actor_id"] == (
        "person:marco-rubio"
    )


def test_unknown_format(tmp_path):
    from lagebild.errors import ConfigError

    with pytest.raises(ConfigError):
        export([], "xml", str(tmp_path))
