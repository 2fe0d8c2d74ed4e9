"""Fuzz targets: each takes raw bytes and must never raise or emit an offset outside its text.

Used by ``fuzz/run.py`` (atheris, coverage-guided, ``make fuzz``) and by the short
hypothesis run in ``tests/reliability/test_fuzz.py``. A target raises ``AssertionError``
for a broken invariant; any other exception is a crash.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from lagebild.clean import clean
from lagebild.config import Limits
from lagebild.ingest import read_bytes
from lagebild.records import Article, Failure, from_dict, to_dict

LIMITS = Limits(max_input_bytes=2 * 1024 * 1024, max_decompressed_bytes=8 * 1024 * 1024)


def _check_items(items: list[Article | Failure]) -> None:
    for item in items:
        assert isinstance(item, (Article, Failure)), type(item)
        if isinstance(item, Failure):
            assert item.reason.strip() and "\n" not in item.reason
            assert item.code.startswith("E")
            # the last-resort handler in read_bytes keeps users safe; for fuzzing, reaching
            # it is a finding: some reader let a library exception through
            assert not item.reason.startswith("unreadable input ("), item.reason


def _reader(fmt: str) -> Callable[[bytes], None]:
    def target(data: bytes) -> None:
        _check_items(list(read_bytes(data, f"fuzz.{fmt}", LIMITS, fmt=fmt)))

    target.__name__ = f"ingest_{fmt}"
    return target


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def clean_target(data: bytes) -> None:
    raw = _text(data)
    result = clean(raw)
    text = result["text"]
    covered = 0
    for c, r, n in result["offset_map"]:
        assert c == covered and r >= 0 and r + n <= len(raw), (c, r, n)
        covered += n
    assert covered == len(text)
    for rem in result["removed"]:
        assert 0 <= rem.raw_start <= rem.raw_end <= len(raw)


def time_target(data: bytes) -> None:
    from lagebild.claims.time import find_times

    text = _text(data)
    for published in ("2025-08-22", None):
        for lang in ("de", "en"):
            for t in find_times(text, lang, published):
                assert 0 <= t.start < t.end <= len(text), (t.start, t.end, len(text))
                assert text[t.start : t.end] == t.text
                assert t.type in {"exact", "approximate", "range", "unresolved"}


def record_target(data: bytes) -> None:
    """Any JSON object either loads as an Article that round-trips, or is refused cleanly."""
    try:
        obj = json.loads(_text(data))
    except ValueError:
        return
    if not isinstance(obj, dict):
        return
    try:
        article = from_dict(Article, obj)
    except (TypeError, ValueError, AttributeError, KeyError):
        return  # refused: wrong shape
    try:
        again = from_dict(Article, json.loads(json.dumps(to_dict(article))))
    except (TypeError, ValueError):
        return  # unhashable or non-JSON content handed in: refused, not crashed
    assert to_dict(again) == to_dict(article)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "html": _reader("html"),
    "feed": _reader("feed"),
    "warc": _reader("warc"),
    "jsonl": _reader("jsonl"),
    "text": _reader("text"),
    "clean": clean_target,
    "time": time_target,
    "record": record_target,
}
