"""Table schemas and row conversion (no JVM needed)."""

from __future__ import annotations

import json

import pytest

from lagebild.records import (
    Actor,
    Article,
    Attribution,
    Claim,
    Entity,
    Quantity,
    Removed,
    Role,
    Source,
    Span,
    Speaker,
    TimeExpr,
    TimeValue,
)
from lagebild.spark.schema import (
    ARTICLE_COLUMNS,
    CHILDREN,
    article_from_rows,
    article_rows,
    pub_date,
)

ARTICLE = Article(
    id="t-1", url="https://harbour.example/a", outlet="harbour.example", lang="en",
    title="Ferry resumes", published="2025-09-04T08:00:00", text="The ferry runs again.",
    removed=(Removed(0, 5, "repeated_teaser", "Teaser"),),
    entities=(Entity(4, 9, "ferry", "ORG", None),),
    actors={"org:ferry": Actor("Ferry Co", "org", "NOR", None,
                               (Role("operator", None, "2025-01-01"),))},
    attributions=(Attribution("t1", "according_to", None, Span(0, 21, "The ferry runs again."),
                              Speaker("the mayor", None, 0, 9),
                              (Source("the mayor", "named_person", None),)),),
    times=(TimeExpr(0, 3, "now", "2025-09-04", "day", "exact", "publication date"),),
    claims=(Claim("c1", "org:ferry", "COOPERATE", None, None, "asserted", None,
                  Quantity("two boats", 2.0, None, "boats", "about"),
                  TimeValue("now", "2025-09-04", "day", "exact", "publication date"),
                  Span(0, 21, "The ferry runs again."), "t1"),),
    offset_map=((0, 10, 21),), content_hash="abc",
)  # fmt: skip


def test_rows_round_trip_through_json():
    rows = [(t, json.loads(json.dumps(r))) for t, r in article_rows(ARTICLE)]
    main = [r for t, r in rows if t == "articles"]
    assert len(main) == 1 and set(main[0]) == set(ARTICLE_COLUMNS)
    children = {t: [r for tt, r in rows if tt == t] for t in CHILDREN}
    assert all(len(children[t]) == 1 for t in CHILDREN)
    assert article_from_rows(main[0], children) == ARTICLE


def test_map_columns_from_arrow_pairs():
    rows = dict(article_rows(ARTICLE))
    row = rows["articles"]
    row["actors"] = list(row["actors"].items())  # what pyarrow's to_pylist gives for a map
    assert article_from_rows(row, {}).actors == ARTICLE.actors


def test_pub_date_partition_values():
    assert pub_date("2025-09-04T08:00:00") == "2025-09-04"
    assert pub_date(None) == pub_date("yesterday") == "unknown"


def test_spark_schemas_have_every_record_field():
    pytest.importorskip("pyspark")
    from lagebild.spark.schema import table_schema

    assert table_schema("articles").fieldNames() == list(ARTICLE_COLUMNS)
    claims = table_schema("claims")
    assert claims["quantity"].dataType.fieldNames() == ["text", "value", "unit", "counts",
                                                        "qualifier"]  # fmt: skip
    assert claims["quantity"].dataType["value"].dataType.typeName() == "double"
    actors = table_schema("articles")["actors"].dataType
    assert actors.typeName() == "map" and "roles" in actors.valueType.fieldNames()
    assert table_schema("articles")["offset_map"].dataType.elementType.typeName() == "array"
