"""Read articles (JSONL records or plain JSONL articles) and story records for stories."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from lagebild.errors import InputError, InputNotFoundError
from lagebild.records import Article, Story, from_dict


def _lines(path: str | Path) -> Iterator[tuple[int, dict]]:
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"no such file: {p}", path=str(p))
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"line {n}: not JSON ({err.msg})", path=str(p)) from err
            if not isinstance(data, dict):
                raise InputError(f"line {n}: not a JSON object", path=str(p))
            yield n, data


def read_articles(path: str | Path) -> list[Article]:
    """Articles from a JSONL file of records (or of plain ``id, title, text, …`` objects)."""
    out = []
    for n, data in _lines(path):
        if not isinstance(data.get("text"), str) or "id" not in data:
            raise InputError(f"line {n}: an article needs 'id' and 'text'", path=str(path))
        data.setdefault("url", None)
        data.setdefault("outlet", None)
        data.setdefault("lang", None)
        data.setdefault("title", None)
        data.setdefault("published", None)
        out.append(from_dict(Article, data))
    return out


def is_story_file(path: str | Path) -> bool:
    """True when the first record of a JSON(L) file is a story (has ``articles``)."""
    for _, data in _lines(path):
        return "articles" in data and "text" not in data
    return False


def read_stories(path: str | Path) -> list[Story]:
    return [from_dict(Story, data) for _, data in _lines(path)]
