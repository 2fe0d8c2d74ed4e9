"""Read the Spark job's Parquet tables back into records, and load them into the store.

This needs only ``pyarrow`` (no Java, no Spark): ``lagebild ingest --parquet DIR`` runs on a
laptop over the output a cluster wrote. Articles are rebuilt one ``pub_date`` partition at a
time, so memory stays at one day's worth of records. Paths may be local or any URI pyarrow's
filesystem layer opens (``s3://…`` when pyarrow is built with S3).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from lagebild.errors import InputNotFoundError
from lagebild.records import Article, Failure, Story
from lagebild.spark.schema import CHILDREN, ERRORS, PARTITION, article_from_rows, story_from_row

if TYPE_CHECKING:
    from lagebild.store import Store

log = logging.getLogger(__name__)


def _fs(path: str) -> tuple[Any, str]:
    from pyarrow import fs

    if "://" in path:
        return fs.FileSystem.from_uri(path)
    from pathlib import Path

    return fs.LocalFileSystem(), str(Path(path).resolve())


def _exists(filesystem: Any, path: str) -> bool:
    from pyarrow import fs

    return filesystem.get_file_info(path).type != fs.FileType.NotFound


def _read_rows(filesystem: Any, path: str) -> list[dict[str, Any]]:
    """All rows of a Parquet directory (Spark's ``_SUCCESS``/``.crc`` files are skipped)."""
    import pyarrow.dataset as ds

    if not _exists(filesystem, path):
        return []
    dataset = ds.dataset(path, filesystem=filesystem, format="parquet", partitioning=None)
    rows: list[dict[str, Any]] = dataset.to_table().to_pylist()
    for row in rows:
        row.pop(PARTITION, None)
    return rows


def _days(filesystem: Any, table_dir: str) -> list[str]:
    from pyarrow import fs

    if not _exists(filesystem, table_dir):
        raise InputNotFoundError(f"no articles table under {table_dir}", path=table_dir)
    infos = filesystem.get_file_info(fs.FileSelector(table_dir))
    prefix = f"{PARTITION}="
    return sorted(
        i.base_name[len(prefix):] for i in infos
        if i.type == fs.FileType.Directory and i.base_name.startswith(prefix)
    )  # fmt: skip


def read_articles(directory: str) -> Iterator[Article]:
    """Articles from an analyze output directory, day by day (ordered by id within a day)."""
    filesystem, root = _fs(directory)
    for day in _days(filesystem, f"{root}/articles"):
        part = f"{PARTITION}={day}"
        children: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for table in CHILDREN:
            for row in _read_rows(filesystem, f"{root}/{table}/{part}"):
                children[row["article_id"]][table].append(row)
        rows = _read_rows(filesystem, f"{root}/articles/{part}")
        for row in sorted(rows, key=lambda r: r["id"]):
            yield article_from_rows(row, children.get(row["id"], {}))


def read_failures(directory: str) -> list[Failure]:
    filesystem, root = _fs(directory)
    return [
        Failure(r["id"] or "", r["stage"] or "", r["reason"] or "", r["code"] or "E000")
        for r in _read_rows(filesystem, f"{root}/{ERRORS}")
    ]


def read_stories(directory: str) -> list[Story]:
    """Stories from a ``lagebild spark stories`` output directory (empty when absent)."""
    filesystem, root = _fs(directory)
    rows = _read_rows(filesystem, f"{root}/stories")
    for row in rows:
        row.pop("n_articles", None)
        row.pop("first_published", None)
    return [story_from_row(r) for r in sorted(rows, key=lambda r: r["id"])]


def load_parquet(directory: str, store: Store, *, batch_size: int = 200) -> dict[str, int]:
    """Save the articles (and errors, and stories when present) of ``directory`` in ``store``.

    ``directory`` is an analyze output, a stories output (its articles must be stored
    already), or one directory holding both. Returns counts: ``articles`` read, ``saved``
    (new or changed), ``failures``, ``stories``.
    """
    counts = {"articles": 0, "saved": 0, "failures": 0, "stories": 0}
    filesystem, root = _fs(directory)
    has_articles = _exists(filesystem, f"{root}/articles")
    if not has_articles and not _exists(filesystem, f"{root}/stories"):
        raise InputNotFoundError(
            f"no 'articles' or 'stories' table under {directory}", path=directory
        )
    batch: list[Article] = []
    for article in read_articles(directory) if has_articles else ():
        batch.append(article)
        counts["articles"] += 1
        if len(batch) >= batch_size:
            counts["saved"] += store.save_articles(batch, batch_size)[0]
            batch = []
    if batch:
        counts["saved"] += store.save_articles(batch, batch_size)[0]
    for failure in read_failures(directory):
        store.save_failure(failure)
        counts["failures"] += 1
    stories = read_stories(directory)
    if stories:
        store.save_stories(stories)
        counts["stories"] = len(stories)
    return counts
