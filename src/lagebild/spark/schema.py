"""The Parquet tables of the Spark job: Spark schemas derived from the record dataclasses.

Every table has the fields of its record in :mod:`lagebild.records`, with nested records
as Spark structs (not JSON strings): ``tuple[X, ...]`` is ``array<X>``, ``dict[str, X]`` is
``map<string, X>``, a nested dataclass is a ``struct``, ``str``/``Literal`` is ``string``,
``int`` is ``bigint`` and ``float`` is ``double``. The schemas are derived from the type hints,
so a field added to a record appears in the tables without a change here.

Tables (all but ``errors`` and the story tables partitioned by ``pub_date``, the
publication day ``YYYY-MM-DD`` or ``unknown``):

* ``articles``: the :class:`~lagebild.records.Article` fields except the four collections
  below (``removed``, ``actors``, ``offset_map`` stay in the row as nested columns);
* ``entities``, ``attributions``, ``claims``, ``times``: ``article_id``, ``idx`` (position in
  the article's tuple) and the fields of ``Entity``, ``Attribution``, ``Claim``, ``TimeExpr``;
* ``errors``: ``id, stage, reason, code, source`` (one row per input or article that failed);
* ``stories``: the :class:`~lagebild.records.Story` fields plus ``n_articles`` and
  ``first_published``; ``story_members``: ``story_id, article_id, position, published,
  outlet, lang``.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import Any, Literal, Union

from lagebild.records import (
    Article,
    Attribution,
    Claim,
    Entity,
    Failure,
    Story,
    TimeExpr,
    to_dict,
)

CHILDREN: dict[str, type] = {
    "entities": Entity,
    "attributions": Attribution,
    "claims": Claim,
    "times": TimeExpr,
}
ARTICLE_COLUMNS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Article) if f.name not in CHILDREN
)
RECORD_TABLES: tuple[str, ...] = ("articles", *CHILDREN)
ERRORS = "errors"
PARTITION = "pub_date"
UNKNOWN_DATE = "unknown"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def pub_date(published: str | None) -> str:
    """The partition value for a publication date: ``YYYY-MM-DD`` or ``unknown``."""
    if published and _DAY.match(published[:10]):
        return published[:10]
    return UNKNOWN_DATE


def spark_type(tp: Any) -> Any:
    """The Spark SQL type for a record field's type hint."""
    from pyspark.sql import types as T

    origin = typing.get_origin(tp)
    if origin is Literal:
        return T.StringType()
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if all(a in (int, float) for a in args) and float in args:
            return T.DoubleType()
        return spark_type(args[0])
    if origin is tuple:
        # tuple[X, ...] and fixed tuples of one type (offset_map triples) are both arrays
        return T.ArrayType(spark_type(typing.get_args(tp)[0]), containsNull=True)
    if origin is dict:
        _, value = typing.get_args(tp)
        return T.MapType(T.StringType(), spark_type(value), valueContainsNull=True)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return record_struct(tp)
    simple = {str: T.StringType(), int: T.LongType(), float: T.DoubleType(), bool: T.BooleanType()}
    if tp in simple:
        return simple[tp]
    raise TypeError(f"no Spark type for {tp!r}")


def record_struct(cls: type, only: tuple[str, ...] | None = None) -> Any:
    """A ``StructType`` with the fields of a record dataclass (optionally a subset)."""
    from pyspark.sql import types as T

    hints = typing.get_type_hints(cls)
    return T.StructType(
        [
            T.StructField(f.name, spark_type(hints[f.name]), True)
            for f in dataclasses.fields(cls)
            if only is None or f.name in only
        ]
    )


def table_schema(table: str) -> Any:
    """The row schema of one output table (without the partition column)."""
    from pyspark.sql import types as T

    if table == "articles":
        return record_struct(Article, ARTICLE_COLUMNS)
    if table in CHILDREN:
        head = [
            T.StructField("article_id", T.StringType(), False),
            T.StructField("idx", T.LongType(), False),
        ]
        return T.StructType(head + list(record_struct(CHILDREN[table]).fields))
    if table == ERRORS:
        return T.StructType(
            [T.StructField(n, T.StringType(), True)
             for n in ("id", "stage", "reason", "code", "source")]
        )  # fmt: skip
    if table == "stories":
        return T.StructType(
            [
                *record_struct(Story).fields,
                T.StructField("n_articles", T.LongType(), True),
                T.StructField("first_published", T.StringType(), True),
            ]
        )
    if table == "story_members":
        return T.StructType(
            [
                T.StructField("story_id", T.StringType(), False),
                T.StructField("article_id", T.StringType(), False),
                T.StructField("position", T.LongType(), False),
                T.StructField("published", T.StringType(), True),
                T.StructField("outlet", T.StringType(), True),
                T.StructField("lang", T.StringType(), True),
            ]
        )
    raise KeyError(table)


# --------------------------------------------------------------------------- rows


def article_rows(article: Article) -> list[tuple[str, dict[str, Any]]]:
    """(table, row) pairs for one processed article: its row and one per child record."""
    data = to_dict(article)
    out: list[tuple[str, dict[str, Any]]] = [("articles", {k: data[k] for k in ARTICLE_COLUMNS})]
    for table in CHILDREN:
        for idx, child in enumerate(data[table]):
            out.append((table, {"article_id": article.id, "idx": idx, **child}))
    return out


def failure_row(failure: Failure, source: str | None = None) -> dict[str, Any]:
    return {
        "id": failure.id,
        "stage": failure.stage,
        "reason": failure.reason,
        "code": failure.code,
        "source": source,
    }


def article_from_rows(row: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> Article:
    """Rebuild an :class:`Article` from its ``articles`` row and its child rows."""
    from lagebild.records import from_dict

    data = {k: v for k, v in row.items() if k in ARTICLE_COLUMNS}
    data["actors"] = _as_dict(data.get("actors"))
    for table in CHILDREN:
        rows = sorted(children.get(table, ()), key=lambda r: r["idx"])
        data[table] = [{k: v for k, v in r.items() if k not in ("article_id", "idx")}
                       for r in rows]  # fmt: skip
    return from_dict(Article, data)


def story_from_row(row: dict[str, Any]) -> Story:
    from lagebild.records import from_dict

    data = dict(row)
    for claim in data.get("claims") or ():
        claim["present_in"] = _as_dict(claim.get("present_in"))
    for drift in data.get("drift") or ():
        drift["evidence"] = _as_dict(drift.get("evidence"))
    return from_dict(Story, data)


def _as_dict(value: Any) -> dict[str, Any]:
    """A map column as a dict (Arrow gives a list of (key, value) pairs, JSON a dict)."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    return dict(value)
