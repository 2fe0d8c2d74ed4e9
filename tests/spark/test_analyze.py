"""The Spark job gives the same records as the single-machine path, and never fails on bad input."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest

from lagebild.config import Config
from lagebild.ingest import read_bytes
from lagebild.pipeline import Context, run
from lagebild.records import Article, Failure, to_dict
from lagebild.spark.synthetic import synthetic_corpus

pytestmark = pytest.mark.spark


def _jsonl(path: Path, rows: list[dict[str, Any]], extra: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(extra)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _comparable(article: Article) -> dict[str, Any]:
    # the Spark reader knows the file, not the line number: source_path is the only difference
    return to_dict(dataclasses.replace(article, source_path=None))


def _corpus(path: Path, n: int) -> Path:
    rows = synthetic_corpus(n, copies=4, per_day=40)
    for i, row in enumerate(rows):
        if i % 10 == 3:
            del row["id"]  # id = sha256 of the cleaned text, as on one machine
        if i % 10 == 5:
            row["html"] = f"<html><body><article><p>{row.pop('text')}</p></article></body></html>"
    return _jsonl(path, rows)


def _analyze(corpus: Path, out: Path, stages: tuple[str, ...]) -> dict[str, Any]:
    from lagebild.spark import analyze_job

    summary = analyze_job([str(corpus)], str(out), master=None, stages=stages, partitions=4)
    return {"out": str(out), "summary": summary, "corpus": corpus}


@pytest.fixture(scope="module")
def analyzed(spark: Any, stages: tuple[str, ...], tmp_path_factory) -> dict[str, Any]:
    """30 articles through every stage that exists: the default (fast) equality check."""
    base = tmp_path_factory.mktemp("small")
    return _analyze(_corpus(base / "articles.jsonl", 30), base / "out", stages)


def _assert_same_records(analyzed: dict[str, Any], stages: tuple[str, ...], n: int) -> None:
    from lagebild.spark import read_articles

    corpus: Path = analyzed["corpus"]
    cfg = Config(stages=stages)
    single = list(run(read_bytes(corpus.read_bytes(), str(corpus), cfg.limits), Context(cfg)))
    expected = {a.id: _comparable(a) for a in single if isinstance(a, Article)}
    got = {a.id: _comparable(a) for a in read_articles(analyzed["out"])}
    assert len(expected) == n - sum(isinstance(x, Failure) for x in single)
    assert sorted(got) == sorted(expected)
    for key, record in expected.items():
        assert got[key] == record, key
    assert analyzed["summary"]["rows"]["articles"] == len(expected)
    for table in ("entities", "attributions", "claims", "times"):
        assert analyzed["summary"]["rows"][table] == sum(len(r[table]) for r in got.values())


def test_same_records_as_single_machine(analyzed: dict, stages: tuple[str, ...]):
    _assert_same_records(analyzed, stages, 30)


def test_tables_partitioned_by_publication_day(analyzed: dict):
    days = sorted(p.name for p in (Path(analyzed["out"]) / "articles").iterdir() if p.is_dir())
    assert days and all(d.startswith("pub_date=2025-09-") for d in days)
    assert analyzed["summary"]["worker_peak_rss_mb"] > 0


def test_load_parquet_into_store_round_trip(analyzed: dict, tmp_path: Path):
    from lagebild.spark import load_parquet, read_articles
    from lagebild.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'lagebild.db'}")
    try:
        counts = load_parquet(analyzed["out"], store)
        assert counts["articles"] == counts["saved"] == analyzed["summary"]["articles"]
        for article in list(read_articles(analyzed["out"]))[:25]:
            assert store.get_article(article.id) == article
    finally:
        store.close()


# --------------------------------------------------------------------------- bad input


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))  # fmt: skip
    return out.getvalue()


PAGE = (
    "<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{t}: the harbour "
    "authority said on Monday that the ferry would run again after repairs, and the mayor "
    "thanked the crews who had worked through the night.</p></article></body></html>"
)


def test_bad_records_land_in_errors_and_the_job_succeeds(spark: Any, tmp_path: Path):
    import pandas as pd

    from lagebild.spark import analyze_job, read_articles
    from lagebild.spark.load import read_failures

    good = synthetic_corpus(6, copies=2)
    jsonl = _jsonl(tmp_path / "mixed.jsonl", good[:3], extra=(
        "{this is not json", json.dumps({"id": "no-text", "title": "only a title"}),
        json.dumps({"id": "blank", "text": "   "}),
    ))  # fmt: skip
    parquet = tmp_path / "body.parquet"
    pd.DataFrame({
        "body": [r["text"] for r in good[3:]] + [None],
        "id": [r["id"] for r in good[3:]] + ["no-body"],
        "published": [r["published"] for r in good[3:]] + ["2025-09-02"],
    }).to_parquet(parquet)  # fmt: skip
    warc_ok = tmp_path / "crawl.warc.gz"
    warc_ok.write_bytes(_warc([("https://port.example/2025/09/03/ferry", PAGE.format(t="Ferry"))]))
    warc_cut = tmp_path / "cut.warc"  # a record header promising more than there is
    warc_cut.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\n<html>cut")
    out = tmp_path / "out"

    summary = analyze_job(
        [str(jsonl), str(parquet), str(warc_ok), str(warc_cut)], str(out),
        master=None, stages=("clean", "language"), partitions=2, text_column="body",
    )  # fmt: skip

    ids = {a.id for a in read_articles(str(out))}
    assert {r["id"] for r in good} <= ids
    assert any(a.url == "https://port.example/2025/09/03/ferry" for a in read_articles(str(out)))
    errors = read_failures(str(out))
    reasons = " | ".join(f"{e.id}: {e.reason}" for e in errors)
    assert summary["errors"] == len(errors) >= 5, reasons
    assert "invalid JSON" in reasons
    assert "no-text" in reasons and "no-body" in reasons
    assert "truncated or corrupt" in reasons
    assert all(e.code.startswith("E") for e in errors)
