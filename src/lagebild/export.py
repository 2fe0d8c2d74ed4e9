"""Export records: JSONL, CSV tables, Parquet tables, PLOVER JSON.

The CSV and Parquet tables are those of the Spark job (``articles``, ``entities``,
``attributions``, ``claims``, ``times``; see :mod:`lagebild.spark.schema`): one row per
record, children keyed by ``article_id`` and ``idx``. CSV cells holding nested values carry
them as JSON; Parquet keeps them as nested columns.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lagebild.errors import ConfigError
from lagebild.records import Article, to_json

FORMATS = ("jsonl", "csv", "parquet", "plover")


def _table_rows(articles: Iterable[Article]) -> dict[str, list[dict[str, Any]]]:
    from lagebild.spark.schema import RECORD_TABLES, article_rows

    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in RECORD_TABLES}
    for article in articles:
        for table, row in article_rows(article):
            tables[table].append(row)
    return tables


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def export(articles: Iterable[Article], fmt: str, out: str) -> dict[str, int]:
    """Write ``articles`` as ``fmt`` to ``out`` (a file, ``-`` or a folder for tables)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("jsonl", "plover"):
        return {fmt: _write_lines(articles, fmt, out)}
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    tables = _table_rows(articles)
    if fmt == "csv":
        for table, rows in tables.items():
            with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
                if rows:
                    writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
                    writer.writeheader()
                    writer.writerows({k: _cell(v) for k, v in r.items()} for r in rows)
    else:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as err:
            raise ConfigError(
                "Parquet export needs pyarrow: pip install 'lagebild[spark]'"
            ) from err
        for table, rows in tables.items():
            # nested values as JSON text: a table without rows still gets its columns
            data = [{k: _cell(v) for k, v in r.items()} for r in rows]
            pq.write_table(pa.Table.from_pylist(data), folder / f"{table}.parquet")
    return {table: len(rows) for table, rows in tables.items()}


def _write_lines(articles: Iterable[Article], fmt: str, out: str) -> int:
    fh = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
    n = 0
    try:
        if fmt == "jsonl":
            for article in articles:
                fh.write(to_json(article) + "\n")
                n += 1
        else:
            from lagebild.claims.plover import export_plover

            for event in export_plover(articles):
                fh.write(json.dumps(event, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if fh is not sys.stdout:
            fh.close()
    return n
