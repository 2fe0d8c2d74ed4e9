"""``lagebild spark analyze``: articles (JSONL, Parquet, WARC) → the record tables in Parquet.

>>> from lagebild.spark import analyze_job
>>> summary = analyze_job(["s3a://bucket/crawl/*.warc.gz"], "s3a://bucket/lagebild/",
...                       master=None, stages=None, partitions=None)

Inputs are read through Spark's filesystem layer (local paths, HDFS, S3 …): JSONL with
``spark.read.json`` (fields as in the JSONL reader; a malformed line becomes an ``errors``
row), Parquet with ``spark.read.parquet`` (a text column plus optional metadata columns) and
WARC/WARC.gz with the ``binaryFile`` source (one task per file). Each partition runs the
lagebild pipeline with models loaded once per worker; see :mod:`lagebild.spark.executor`.

Run with spark-submit: ``spark-submit … -m``-less entry file ``lagebild/spark/submit.py``, or
``python -m lagebild.spark.analyze INPUT… --out DIR`` for a local run.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from pathlib import Path
from typing import Any

from lagebild.config import Config
from lagebild.errors import ConfigError
from lagebild.spark.executor import (
    CORRUPT,
    METRICS,
    ROW_FIELDS,
    STAGED_SCHEMA,
    analyze_rows,
    analyze_warc,
)
from lagebild.spark.schema import ERRORS, PARTITION, RECORD_TABLES, table_schema
from lagebild.spark.session import get_session

log = logging.getLogger(__name__)

INPUT_FORMATS = ("jsonl", "parquet", "warc")
_SUFFIXES = {
    "warc": (".warc", ".warc.gz", ".arc", ".arc.gz"),
    "parquet": (".parquet",),
    "jsonl": (".jsonl", ".jsonl.gz", ".json", ".json.gz", ".ndjson", ".ndjson.gz"),
}


def input_format(path: str) -> str:
    """``jsonl``, ``parquet`` or ``warc`` from the name (a local directory: from its files)."""
    name = path.lower().rstrip("/")
    for fmt, suffixes in _SUFFIXES.items():
        if name.endswith(suffixes) or any(name.endswith(s + "*") for s in suffixes):
            return fmt
    local = Path(path)
    if "://" not in path and local.is_dir():
        for child in sorted(local.rglob("*")):
            if child.is_file() and not child.name.startswith((".", "_")):
                return input_format(child.name)
    raise ConfigError(
        f"cannot tell the format of {path!r}; name it with --format jsonl|parquet|warc"
    )


def _group_inputs(inputs: list[str], fmt: str | None) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for path in inputs:
        kind = fmt or input_format(path)
        if kind not in INPUT_FORMATS:
            raise ConfigError(f"unknown input format {kind!r}; known: {', '.join(INPUT_FORMATS)}")
        groups.setdefault(kind, []).append(path)
    return groups


def _row_frame(spark: Any, kind: str, paths: list[str], text_column: str) -> Any:
    """JSONL or Parquet inputs as one string column per reader field plus ``origin``."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    if kind == "jsonl":
        fields = [T.StructField(n, T.StringType(), True) for n in (*ROW_FIELDS, CORRUPT)]
        frame = (
            spark.read.schema(T.StructType(fields))
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT)
            .json(paths)
        )
    else:
        frame = spark.read.parquet(*paths)
        if text_column not in frame.columns:
            raise ConfigError(f"Parquet input has no column {text_column!r}: {frame.columns}")
        if text_column != "text":
            frame = frame.drop("text").withColumnRenamed(text_column, "text")
        frame = frame.withColumn(CORRUPT, F.lit(None).cast("string"))
    columns = [
        (F.col(n).cast("string") if n in frame.columns else F.lit(None).cast("string")).alias(n)
        for n in (*ROW_FIELDS, CORRUPT)
    ]
    return frame.select(*columns, F.input_file_name().alias("origin"))


def _spread(frame: Any, partitions: int | None, spark: Any) -> Any:
    if partitions:
        return frame.repartition(partitions)
    wanted = spark.sparkContext.defaultParallelism * 2
    return frame.repartition(wanted) if frame.rdd.getNumPartitions() < wanted else frame


def stage_rows(
    spark: Any,
    inputs: list[str],
    config: Config,
    *,
    partitions: int | None = None,
    fmt: str | None = None,
    text_column: str = "text",
) -> Any:
    """The staged ``(table, pub_date, json)`` rows of all inputs (lazy)."""
    frames = []
    for kind, paths in _group_inputs(inputs, fmt).items():
        if kind == "warc":
            raw = spark.read.format("binaryFile").load(paths).select("path", "content")
            frames.append(_spread(raw, partitions, spark).mapInPandas(
                analyze_warc(config), STAGED_SCHEMA))  # fmt: skip
        else:
            raw = _row_frame(spark, kind, paths, text_column)
            frames.append(_spread(raw, partitions, spark).mapInPandas(
                analyze_rows(config), STAGED_SCHEMA))  # fmt: skip
    staged = frames[0]
    for other in frames[1:]:
        staged = staged.unionByName(other)
    return staged


def write_tables(
    staged: Any, out: str, tables: tuple[str, ...] = RECORD_TABLES, *, by_date: bool = True
) -> None:
    """Split staged rows into Parquet tables under ``out`` (record tables by ``pub_date``)."""
    from pyspark.sql import functions as F

    for table in (*tables, ERRORS):
        rows = staged.filter(F.col("table") == table)
        parsed = rows.select(
            F.from_json("json", table_schema(table)).alias("r"), F.col("pub_date")
        ).select("r.*", PARTITION)
        target = f"{out.rstrip('/')}/{table}"
        if table == ERRORS or not by_date:
            parsed.drop(PARTITION).write.mode("overwrite").parquet(target)
        else:
            parsed.write.mode("overwrite").partitionBy(PARTITION).parquet(target)


def analyze_job(
    inputs: list[str],
    out: str,
    *,
    master: str | None = None,
    stages: tuple[str, ...] | list[str] | None = None,
    partitions: int | None = None,
    fmt: str | None = None,
    text_column: str = "text",
    config: Config | None = None,
) -> dict[str, Any]:
    """Run the pipeline over ``inputs`` on Spark and write the tables under ``out``.

    Returns a summary: rows per table, seconds, articles/s and the peak RSS of the Python
    workers (what one executor core needs for the models and one batch).
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if not inputs:
        raise ConfigError("no inputs given")
    config = config or Config()
    if stages:
        config = dataclasses.replace(config, stages=tuple(stages))
    spark = get_session(master, "lagebild analyze")
    started = time.perf_counter()
    staged = stage_rows(
        spark, list(inputs), config, partitions=partitions, fmt=fmt, text_column=text_column
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = {r["table"]: r["count"] for r in staged.groupBy("table").count().collect()}
        metrics = [json.loads(r["json"]) for r in
                   staged.filter(F.col("table") == METRICS).select("json").collect()]  # fmt: skip
        write_tables(staged, out)
    finally:
        staged.unpersist()
    seconds = time.perf_counter() - started
    return summary(counts, metrics, seconds, out)


def summary(
    counts: dict[str, int], metrics: list[dict[str, Any]], seconds: float, out: str
) -> dict[str, Any]:
    peaks: dict[int, int] = {}
    for m in metrics:
        peaks[m["pid"]] = max(peaks.get(m["pid"], 0), int(m["peak_rss_kb"]))
    articles = counts.get("articles", 0)
    return {
        "out": out,
        "rows": {t: counts.get(t, 0) for t in (*RECORD_TABLES, ERRORS)},
        "articles": articles,
        "errors": counts.get(ERRORS, 0),
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 2) if seconds else 0.0,
        "workers": len(peaks),
        "worker_peak_rss_mb": round(max(peaks.values(), default=0) / 1024, 1),
        "partitions": len(metrics),
        "partition_seconds": sorted(m["seconds"] for m in metrics),
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m lagebild.spark.analyze`` (also what ``submit.py analyze`` runs)."""
    from lagebild.spark.submit import main as submit_main

    return submit_main(["analyze", *(argv if argv is not None else _argv())])


def _argv() -> list[str]:
    import sys

    return sys.argv[1:]


if __name__ == "__main__":
    raise SystemExit(main())
