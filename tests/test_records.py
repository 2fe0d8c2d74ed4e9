"""The data model: JSON round trip and the shipped JSON Schema against real output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from tests.factories import rich_article

from lagebild.config import Config
from lagebild.pipeline import Context, analyze_paths
from lagebild.records import Article, from_dict, to_dict, to_json
from lagebild.schema import article_schema, validate_article

DATA = Path(__file__).resolve().parent / "data" / "ingest"


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
