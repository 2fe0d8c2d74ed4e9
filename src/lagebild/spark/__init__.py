"""Scale-out on Apache Spark: the lagebild pipeline over millions of articles.

* :func:`analyze_job` — JSONL / Parquet / WARC inputs → Parquet tables ``articles``,
  ``entities``, ``attributions``, ``claims``, ``times`` (by publication day) and ``errors``;
* :func:`stories_job` — the ``articles`` tables → ``stories`` and ``story_members``, with
  candidate blocking so the cost grows near-linearly;
* :func:`load_parquet` — the tables back into records and into the store (no Spark needed).

pyspark is an optional extra (``pip install 'lagebild[spark]'``) and is imported lazily.
"""

from __future__ import annotations

from typing import Any

__all__ = ["analyze_job", "load_parquet", "read_articles", "read_stories", "stories_job"]


def __getattr__(name: str) -> Any:
    if name == "analyze_job":
        from lagebild.spark.analyze import analyze_job

        return analyze_job
    if name == "stories_job":
        from lagebild.spark.stories import stories_job

        return stories_job
    if name in ("load_parquet", "read_articles", "read_stories"):
        from lagebild.spark import load

        return getattr(load, name)
    raise AttributeError(name)
