"""The record's JSON Schema, shipped with the package and tested against real output."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def article_schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_article(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``record`` does not match the schema."""
    import jsonschema

    jsonschema.validate(record, article_schema())
