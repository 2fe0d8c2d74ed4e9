"""Ingest: paths (files, directories, ``-`` for stdin) to raw articles, one reader per format.

>>> from lagebild.ingest import read_paths
>>> items = list(read_paths(["article.html", "feed.xml", "crawl.warc.gz", "dump.jsonl"]))

Every item is an :class:`~lagebild.records.Article` (raw text, not yet cleaned) or a
:class:`~lagebild.records.Failure`; nothing raises for a bad input.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lagebild.config import Limits
from lagebild.errors import InputNotFoundError, InputTooLargeError, LagebildError
from lagebild.ingest.formats import (
    Item,
    gunzip,
    read_feed,
    read_html,
    read_jsonl,
    read_text,
    read_warc,
)
from lagebild.records import Failure

__all__ = ["FORMATS", "detect_format", "expand_paths", "read_bytes", "read_paths"]

log = logging.getLogger(__name__)

Reader = Callable[[bytes, str, Limits], Iterator[Item]]
FORMATS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "warc": read_warc,
    "jsonl": read_jsonl,
}

_SUFFIXES = {
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".feed": "feed",
    ".warc": "warc", ".arc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
}  # fmt: skip


def detect_format(name: str, head: bytes) -> str:
    """Format from the file name, else from the first bytes."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    stem = lower.removesuffix(".gz")
    for suffix, fmt in _SUFFIXES.items():
        if stem.endswith(suffix):
            return fmt
    sample = head[:2048].lstrip().lower()
    if sample.startswith(b"warc/"):
        return "warc"
    if sample.startswith((b"{", b"[")):
        return "jsonl"
    if b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample:
        return "feed"
    if sample.startswith((b"<!doctype html", b"<html")) or b"<body" in sample:
        return "html"
    return "text"


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files under each path (directories recursively, sorted); ``-`` stays as is."""
    for path in paths:
        if path == "-":
            yield path
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield str(child)
        else:
            yield path


def read_bytes(data: bytes, origin: str, limits: Limits, fmt: str | None = None) -> Iterator[Item]:
    """Read one input given as bytes; failures are yielded, not raised."""
    try:
        if len(data) > limits.max_input_bytes:
            raise InputTooLargeError(
                f"{len(data):,} bytes is over the input limit of {limits.max_input_bytes:,}"
            )
        is_gzip = data[:2] == b"\x1f\x8b"
        fmt = fmt or detect_format(origin, data if not is_gzip else b"")
        if is_gzip and fmt != "warc":  # WARC readers handle per-record gzip themselves
            data = gunzip(data, limits, origin)
            if fmt == "text" and not origin.lower().removesuffix(".gz").endswith(".txt"):
                fmt = detect_format(origin.removesuffix(".gz"), data)
        yield from FORMATS[fmt](data, origin, limits)
    except LagebildError as err:
        yield Failure(origin, "ingest", err.message, err.code)
    except Exception as err:  # a parser library tripping over hostile input: one failure
        log.debug("reader failed on %s", origin, exc_info=True)
        yield Failure(origin, "ingest", f"unreadable input ({type(err).__name__}: {err})", "E104")


def read_paths(paths: Iterable[str], limits: Limits | None = None) -> Iterator[Item]:
    """Read every input under ``paths``; each bad one becomes a Failure, the rest go on."""
    limits = limits or Limits()
    for path in expand_paths(paths):
        try:
            if path == "-":
                data = sys.stdin.buffer.read(limits.max_input_bytes + 1)
                yield from read_bytes(data, "<stdin>", limits)
                continue
            p = Path(path)
            if not p.exists():
                raise InputNotFoundError("no such file or directory", path=path)
            size = p.stat().st_size
            if size > limits.max_input_bytes:
                raise InputTooLargeError(
                    f"{size:,} bytes is over the input limit of {limits.max_input_bytes:,} "
                    "(raise it with --max-bytes)"
                )
            data = p.read_bytes()
        except LagebildError as err:
            yield Failure(path, "ingest", err.message, err.code)
            continue
        except OSError as err:
            yield Failure(path, "ingest", f"cannot read: {err.strerror or err}", "E105")
            continue
        yield from read_bytes(data, path, limits)
