"""Jinja2 set-up for the pages: autoescaping everywhere, filters for safe links and pagination.

Every template is autoescaped (``.html`` and anything else); the only ``Markup`` a page
receives is built by :mod:`lagebild.web.highlight` and :mod:`lagebild.web.charts`, which
escape every piece of stored text themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from lagebild.web.highlight import marked_snippet

SAFE_SCHEMES = ("http", "https")


def safe_url(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None: never ``javascript:`` & co."""
    if not isinstance(url, str) or len(url) > 4000:
        return None
    stripped = url.strip()
    if any(ord(ch) < 32 for ch in stripped):
        return None
    try:
        parts = urlsplit(stripped)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return stripped


def query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied; empty values dropped."""
    merged = {**params, **changes}
    return urlencode([(k, v) for k, v in merged.items() if v not in (None, "", ())], doseq=True)


@dataclass(frozen=True, slots=True)
class Page:
    """Where a list is: ``limit`` items from ``offset`` of ``total``."""

    limit: int
    offset: int
    total: int

    @property
    def first(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.limit, self.total)

    @property
    def prev_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None


def short_id(actor_id: str | None) -> str:
    """``person:marco-rubio`` → ``marco-rubio`` for tight table headers."""
    if not actor_id:
        return "—"
    return actor_id.split(":", 1)[-1]


def make_templates(folder: Path) -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["snippet"] = marked_snippet
    env.filters["short_id"] = short_id
    env.filters["pct"] = lambda x: "—" if x is None else f"{100 * x:.0f} %"
    env.globals["query"] = query
    return Jinja2Templates(env=env)
