"""The feeds file and the entries of one feed.

A feeds file has one URL per line; blank lines and ``#`` comments (a whole line, or after
the URL and a space) are ignored.
An entry's key is its ``id``/``guid`` when it has one, else its link (the key is what
makes an entry "already seen" across restarts).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from lagebild.errors import InputError, InputNotFoundError, MalformedInputError

MAX_KEY = 2000


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    link: str | None
    title: str | None
    published: str | None


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs of a feeds file, in order, without duplicates."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise InputNotFoundError("no such feeds file", path=str(p)) from err
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the feeds file: {err}", path=str(p)) from err
    urls: list[str] = []
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.split(" #", 1)[0].strip()  # a comment after the URL
        if not line.startswith(("http://", "https://")):
            raise InputError(f"line {n}: not an http(s) URL: {line[:120]!r}", path=str(p))
        if line not in urls:
            urls.append(line)
    return urls


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def parse_entries(data: bytes, feed_url: str) -> list[Entry]:
    """The entries of an RSS/Atom document (links made absolute against the feed URL)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and getattr(parsed, "bozo", False):
        raise MalformedInputError(
            f"not a readable RSS/Atom feed ({getattr(parsed, 'bozo_exception', 'no entries')})"
        )
    out: list[Entry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link") or None
        if link:
            link = urljoin(feed_url, link.strip())
        key = (entry.get("id") or link or entry.get("title") or "").strip()[:MAX_KEY]
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(Entry(key, link, entry.get("title") or None, _published(entry)))
    return out
