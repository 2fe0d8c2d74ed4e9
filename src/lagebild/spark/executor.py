"""What runs on the executors: raw inputs → pipeline → one JSON row per output record.

The functions here are handed to ``mapInPandas``; they are module-level so that Spark ships
them by reference (the executors import ``lagebild`` from the installed wheel). Models are
loaded once per Python worker process and kept in :data:`_CONTEXTS` between tasks
(``spark.python.worker.reuse`` is on by default), so a worker pays the spaCy load once.

Each output row is ``(table, pub_date, json)``; the driver splits them into the tables with
``from_json`` and the schemas of :mod:`lagebild.spark.schema`. A bad input or a crashing
stage gives an ``errors`` row, never a failed task.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import resource
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from lagebild.errors import LagebildError
from lagebild.ingest.formats import JSONL_FIELDS, read_jsonl, read_warc
from lagebild.records import Article, Failure
from lagebild.spark.schema import ERRORS, article_rows, failure_row, pub_date

if TYPE_CHECKING:
    import pandas as pd

    from lagebild.config import Config, Limits
    from lagebild.pipeline import Context

log = logging.getLogger(__name__)

STAGED_SCHEMA = "table string, pub_date string, json string"
ROW_FIELDS: tuple[str, ...] = (*JSONL_FIELDS, "author")
METRICS = "_metrics"
CORRUPT = "_corrupt_record"
BATCH = 64  # articles per pipeline call inside a partition

_CONTEXTS: dict[str, Context] = {}


def executor_context(config: Config) -> Context:
    """The worker's Context for ``config``: built (models loaded lazily) once per process."""
    from lagebild.pipeline import Context

    key = repr(config)
    ctx = _CONTEXTS.get(key)
    if ctx is None:
        ctx = _CONTEXTS[key] = Context(config)
    return ctx


# --------------------------------------------------------------------------- raw inputs


def items_from_row(row: dict[str, Any], origin: str, limits: Limits) -> Iterator[Article | Failure]:
    """Raw articles from one JSONL/Parquet row, read exactly as the JSONL reader reads a line."""
    if row.get(CORRUPT):  # the raw line: the JSONL reader gives the single machine's reason
        items = list(read_jsonl(str(row[CORRUPT]).encode("utf-8"), origin, limits))
        for item in items or [Failure(origin, "ingest", "invalid JSON line", "E104")]:
            if isinstance(item, Article):  # Spark refused what Python's json accepts
                yield dataclasses.replace(item, source_path=origin)
            else:
                yield dataclasses.replace(item, id=origin)
        return
    obj = {k: row[k] for k in ROW_FIELDS if row.get(k) is not None}
    line = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    for item in read_jsonl(line, origin, limits):
        if isinstance(item, Article):
            yield dataclasses.replace(item, source_path=origin)
        else:
            yield dataclasses.replace(item, id=str(row.get("id") or origin))


def items_from_warc(data: bytes, origin: str, limits: Limits) -> Iterator[Article | Failure]:
    """Raw articles from one WARC(.gz) file; the size limit applies per record, not per file."""
    try:
        yield from read_warc(data, origin, limits)
    except LagebildError as err:
        yield Failure(origin, "ingest", err.message, err.code)


# --------------------------------------------------------------------------- pipeline


def _staged(table: str, day: str, data: dict[str, Any]) -> tuple[str, str, str]:
    return (table, day, json.dumps(data, ensure_ascii=False))


def process_items(
    items: Iterable[tuple[Article | Failure, str]], ctx: Context
) -> Iterator[tuple[str, str, str]]:
    """Run the pipeline over (raw item, origin) pairs; yield staged rows (never raises)."""
    from lagebild.pipeline import run

    pending = list(items)
    origins = {id(item): origin for item, origin in pending}
    for start in range(0, len(pending), BATCH):
        chunk = [item for item, _ in pending[start : start + BATCH]]
        for raw, out in zip(chunk, _run_each(chunk, ctx, run), strict=True):
            origin = origins[id(raw)]
            if isinstance(out, Failure):
                yield _staged(ERRORS, "", failure_row(out, origin))
                continue
            try:
                day = pub_date(out.published)
                rows = [_staged(t, day, r) for t, r in article_rows(out)]
            except (TypeError, ValueError) as err:  # a record JSON cannot hold
                failure = Failure(out.id, "spark", f"cannot serialise: {err}", "E300")
                yield _staged(ERRORS, "", failure_row(failure, origin))
                continue
            yield from rows


def _run_each(chunk: list[Article | Failure], ctx: Context, run: Any) -> list[Article | Failure]:
    """``pipeline.run`` over a chunk, one output per input even if the run itself breaks."""
    try:
        out = list(run(chunk, ctx))
        if len(out) == len(chunk):
            return out
    except Exception:  # the batch broke outside a stage: redo one by one
        log.warning("pipeline batch failed; retrying article by article", exc_info=True)
    result: list[Article | Failure] = []
    for item in chunk:
        try:
            result.extend(run([item], ctx))
        except Exception as err:  # one bad article never fails the job
            key = item.id or (getattr(item, "source_path", None) or "")
            result.append(Failure(key, "spark", f"{type(err).__name__}: {err}", "E300"))
    return result


# --------------------------------------------------------------------------- mapInPandas


def _frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=["table", "pub_date", "json"], dtype=object)


def _metrics_row(n: int, started: float) -> tuple[str, str, str]:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    data = {"pid": os.getpid(), "peak_rss_kb": peak_kb, "items": n,
            "seconds": round(time.perf_counter() - started, 3)}  # fmt: skip
    return (METRICS, "", json.dumps(data))


def _no_nan(record: dict[str, Any]) -> dict[str, Any]:
    """pandas gives a missing string as NaN: make it None again."""
    return {k: (None if isinstance(v, float) and v != v else v) for k, v in record.items()}


def analyze_rows(config: Config) -> Any:
    """A ``mapInPandas`` function over JSONL/Parquet rows (columns ``ROW_FIELDS``, ``origin``)."""

    def run_partition(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        started, n = time.perf_counter(), 0
        ctx = executor_context(config)
        for frame in batches:
            records = [_no_nan(rec) for rec in frame.to_dict("records")]
            n += len(records)
            items = [
                (item, rec["origin"])
                for rec in records
                for item in items_from_row(rec, rec["origin"], config.limits)
            ]
            yield _frame(list(process_items(items, ctx)))
        yield _frame([_metrics_row(n, started)])

    return run_partition


def analyze_warc(config: Config) -> Any:
    """A ``mapInPandas`` function over ``binaryFile`` rows (``path``, ``content``)."""

    def run_partition(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        started, n = time.perf_counter(), 0
        ctx = executor_context(config)
        for frame in batches:
            for path, content in zip(frame["path"], frame["content"], strict=True):
                items = [(it, path) for it in items_from_warc(bytes(content), path, config.limits)]
                n += len(items)
                yield _frame(list(process_items(items, ctx)))
        yield _frame([_metrics_row(n, started)])

    return run_partition
