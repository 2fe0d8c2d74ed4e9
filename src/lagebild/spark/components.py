"""Connected components of an edge list (no GraphFrames needed).

Up to ``DRIVER_EDGES`` edges (a few hundred MB of id pairs) are collected and joined with a
union-find on the driver: one pass, no Spark rounds. Beyond that, min-label propagation with
pointer jumping in DataFrames: every vertex starts with the smallest id among itself and its
neighbours, takes the smallest label among its neighbours each round, then the label of its
label. Story blocks are small, so a few rounds suffice; every round is a checkpoint so the
query plan does not grow.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


DRIVER_EDGES = 2_000_000


def connected_components(edges: Any, n_edges: int | None = None, max_rounds: int = 40) -> Any:
    """``(a, b)`` edges → ``(id, comp)`` for every vertex on an edge (comp = smallest id)."""
    if n_edges is not None and n_edges <= DRIVER_EDGES:
        return _on_driver(edges)
    return _propagate(edges, max_rounds)


def _on_driver(edges: Any) -> Any:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a, b in edges.select("a", "b").toLocalIterator():
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    rows = [(x, find(x)) for x in list(parent)]
    return edges.sparkSession.createDataFrame(rows, "id string, comp string")


def _propagate(edges: Any, max_rounds: int) -> Any:
    from pyspark.sql import functions as F

    both = edges.select(F.col("a").alias("src"), F.col("b").alias("dst")).unionByName(
        edges.select(F.col("b").alias("src"), F.col("a").alias("dst"))
    )
    both = both.localCheckpoint()
    labels = both.groupBy("src").agg(F.least(F.min("dst"), F.col("src")).alias("comp"))
    labels = labels.withColumnRenamed("src", "id").localCheckpoint()
    for n in range(max_rounds):
        spread = both.join(labels, both.src == labels.id).select(
            F.col("dst").alias("id"), F.col("comp")
        )
        merged = labels.unionByName(spread).groupBy("id").agg(F.min("comp").alias("comp"))
        hop = merged.select(F.col("id").alias("hop_id"), F.col("comp").alias("hop_comp"))
        jumped = (
            merged.join(hop, merged.comp == hop.hop_id, "left")
            .select("id", F.least("comp", F.coalesce("hop_comp", "comp")).alias("comp"))
            .localCheckpoint()
        )
        changed = (
            jumped.join(labels.withColumnRenamed("comp", "old"), "id")
            .filter(F.col("comp") != F.col("old"))
            .count()
        )
        labels = jumped
        if changed == 0:
            log.debug("components converged after %d round(s)", n + 1)
            return labels
    log.warning("components did not converge in %d rounds; blocks may be split", max_rounds)
    return labels
