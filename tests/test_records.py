"""The data model: JSON round trip and the shipped JSON Schema against real output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from lagebild.config import Config
from lagebild.pipeline import Context, analyze_paths
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
    from_dict,
    to_dict,
    to_json,
)  # fmt: skip
from lagebild.schema import article_schema, validate_article

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def rich_article() -> Article:
    when = TimeValue(
        "am Donnerstag", "2025-08-21", "day", "exact", "weekday before publication date"
    )
    return Article(
        id="a001",
        url="https://example.org/x",
        outlet="example.org",
        lang="de",
        title="T",
        published="2025-08-22",
        text="Rubio sagte am Donnerstag, die USA würden helfen.",
        removed=(Removed(0, 10, "repeated_teaser", "x"),),
        entities=(Entity(0, 5, "Rubio", "PER", "person:marco-rubio"),),
        actors={
            "person:marco-rubio": Actor(
                "Marco Rubio",
                "person",
                "USA",
                None,
                (Role("Secretary of State", "USA", "2025-01-21"),),
            )
        },
        attributions=(
            Attribution(
                "t1",
                "indirect",
                Span(6, 11, "sagte"),
                Span(27, 49, "die USA würden helfen"),
                Speaker("Rubio", "person:marco-rubio", 0, 5),
                (Source("ein Diplomat", "anonymous_diplomat"),),
            ),
        ),
        times=(TimeExpr(12, 25, "am Donnerstag", "2025-08-21", "day", "exact", "weekday"),),
        claims=(
            Claim(
                "c1",
                "country:USA",
                "AID",
                None,
                "country:UKR",
                "future",
                None,
                Quantity("30 Länder", 30.0, None, "Länder"),
                when,
                Span(27, 49, "die USA würden helfen"),
                "t1",
            ),
        ),
        offset_map=((0, 0, 49),),
    )


def test_round_trip_equal():
    a = rich_article()
    assert from_dict(Article, json.loads(to_json(a))) == a


def test_documented_key_order():
    keys = list(to_dict(rich_article()))
    assert keys[:13] == [
        "id",
        "url",
        "outlet",
        "lang",
        "title",
        "published",
        "text",
        "removed",
        "entities",
        "actors",
        "attributions",
        "times",
        "claims",
    ]


def test_schema_accepts_rich_and_rejects_broken():
    validate_article(to_dict(rich_article()))
    broken = to_dict(rich_article())
    broken["claims"][0]["modality"] = "certainly"
    with pytest.raises(jsonschema.ValidationError):
        validate_article(broken)
    jsonschema.Draft202012Validator.check_schema(article_schema())


def test_schema_on_real_output():
    cfg = Config(stages=("clean", "language"))
    records = [a for a in analyze_paths([str(DATA)], ctx=Context(cfg)) if isinstance(a, Article)]
    assert len(records) >= 6
    for a in records:
        validate_article(to_dict(a))
