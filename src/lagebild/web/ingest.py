"""``POST /api/v1/articles``: bytes in the CLI's formats → pipeline → store.

One ingest runs at a time (a lock): the pipeline's loaded models are shared and SQLite
wants one writer. A bad input yields failures, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lagebild.ingest import read_bytes
from lagebild.pipeline import run
from lagebild.records import Article, Failure
from lagebild.web.state import AppState


@dataclass(slots=True)
class IngestResult:
    ids: list[str] = field(default_factory=list)
    written: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "ids": self.ids,
            "written": self.written,
            "unchanged": self.unchanged,
            "failures": [
                {"id": f.id, "stage": f.stage, "reason": f.reason, "code": f.code}
                for f in self.failures
            ],
        }


def ingest_bytes(state: AppState, data: bytes, origin: str, fmt: str | None) -> IngestResult:
    """Read ``data`` (format ``fmt`` or detected from ``origin`` and the bytes), run the
    pipeline and store every article; failures are stored and returned."""
    result = IngestResult()
    limits = state.config.limits
    with state.ingest_lock:
        articles: list[Article] = []
        for item in run(read_bytes(data, origin, limits, fmt), state.context()):
            if isinstance(item, Failure):
                result.failures.append(item)
                state.store.save_failure(item)
            else:
                articles.append(item)
        if articles:
            result.written, result.unchanged = state.store.save_articles(articles)
        result.ids = [a.id for a in articles]
    return result
