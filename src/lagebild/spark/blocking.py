"""Candidate blocking for stories at scale: which pairs of articles are worth scoring.

The single-machine :class:`~lagebild.stories.StoryIndex` compares each article with every
article published within ``window_days`` (top cosine candidates) and with its MinHash
near-duplicates in the same language (any date). Over a whole corpus that is quadratic per
window; here each article gets a few *block keys* instead, and only articles that share a
key are paired:

* ``m:`` MinHash LSH bands of the word shingles, same language, any date — exactly the bands
  of the ``MinHashLSH`` the index uses, so every near-duplicate candidate it finds is paired;
* ``s:`` SimHash bands of the sentence vector (random hyperplanes, ``SIM_BITS`` bits per band)
  within a date bucket — cross-language copies with a high cosine land in the same bucket;
* ``a:`` the article's two most frequent actor ids within a date bucket.

A date bucket is ``day // (window + 1)``; an article is keyed in its bucket and the next one,
so two articles at most ``window`` days apart always share a bucket. Within one key the
members are sorted (MinHash keys by date, the others by SimHash signature) and each is paired
with its ``neighbours`` predecessors only (sorted-neighbourhood blocking), so a huge key —
thousands of copies of one wire report — costs ``n × neighbours`` pairs, not ``n²``.

Each pair is then scored with the index's own pair score (cosine + key overlap + near-duplicate
bonus − date/event penalties); pairs that could join (score ≥ threshold − ``margin``) are the
edges whose connected components are the blocks handed to ``build_stories``.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from lagebild.stories import GroupingOptions

if TYPE_CHECKING:
    import pandas as pd

    from lagebild.records import Article
    from lagebild.stories.profile import Profile

log = logging.getLogger(__name__)

SIM_BANDS = 12
SIM_BITS = 6
_SEED = 20250822


@dataclass(frozen=True, slots=True)
class BlockingOptions:
    neighbours: int = 8  # pairs per member and key (sorted neighbourhood)
    margin: float = 0.02  # keep pairs scoring this much under the threshold (float16 vectors)
    sim_bands: int = SIM_BANDS
    sim_bits: int = SIM_BITS
    actor_keys: int = 2
    # dated articles: every earlier article within the window is compared by cosine, as on
    # one machine, in date buckets of up to this many articles (larger ones: keys only)
    window_cap: int = 20_000
    slack: int = 2  # cosine candidates kept per article and bucket beyond top_k


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def _hyperplanes(bands: int, bits: int, dim: int) -> np.ndarray:
    rng = np.random.default_rng(_SEED)
    return rng.standard_normal((bands * bits, dim)).astype(np.float32)


_PLANES: dict[tuple[int, int, int], np.ndarray] = {}


def simhash(vector: np.ndarray, options: BlockingOptions) -> list[int]:
    """One integer per band: the sign bits of ``sim_bits`` random projections."""
    key = (options.sim_bands, options.sim_bits, len(vector))
    planes = _PLANES.get(key)
    if planes is None:
        planes = _PLANES[key] = _hyperplanes(options.sim_bands, options.sim_bits, len(vector))
    bits = (planes @ vector > 0).reshape(options.sim_bands, options.sim_bits)
    weights = 1 << np.arange(options.sim_bits)
    return [int(x) for x in (bits * weights).sum(axis=1)]


def minhash_bands(profile: Profile, grouping: GroupingOptions) -> list[int]:
    """The LSH band hashes the index's ``MinHashLSH`` would file this article under."""
    from datasketch import MinHashLSH

    from lagebild.stories.grouping import minhash

    if not profile.shingles:
        return []
    mh = minhash(profile.shingles, grouping.num_perm)
    lsh = MinHashLSH(threshold=grouping.lsh_threshold, num_perm=grouping.num_perm)
    return [
        _h64(f"{i}:".encode() + mh.hashvalues[start:end].tobytes())
        for i, (start, end) in enumerate(lsh.hashranges)
    ]


def top_actors(article: Article, n: int) -> list[str]:
    counts = Counter(e.actor_id for e in article.entities if e.actor_id)
    return sorted(a for a, _ in counts.most_common(n))


def block_keys(
    profile: Profile,
    article: Article,
    bands: list[int],
    sims: list[int],
    grouping: GroupingOptions,
    options: BlockingOptions,
) -> list[str]:
    keys = [f"m:{profile.lang}:{b}" for b in bands]
    if profile.day is None:
        buckets = ["u"]
    else:
        home = profile.day // (grouping.window_days + 1)
        buckets = [str(home), str(home + 1)]
    actors = "|".join(top_actors(article, options.actor_keys))
    for bucket in buckets:
        keys += [f"s:{bucket}:{i}:{s}" for i, s in enumerate(sims)]
        if actors:
            keys.append(f"a:{bucket}:{actors}")
    return keys


def neighbour_pairs(keyed: Any, grouping: GroupingOptions, options: BlockingOptions) -> Any:
    """Sorted-neighbourhood pairs ``(a, b)``, ``a < b``, from ``(key, id, day, sig)`` rows.

    All in Spark SQL (a window with ``lag``), no Python per key: within each key the members
    are sorted — MinHash keys by day, the others by SimHash signature — and each is paired with
    its ``neighbours`` predecessors; pairs on dated keys further apart than the window drop.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    day_text = F.coalesce(F.format_string("%012d", F.col("day")), F.lit(""))
    order = F.when(F.col("key").startswith("m:"), F.concat(day_text, F.lit(" "), F.col("id")))
    order = order.otherwise(F.concat(F.col("sig"), F.lit(" "), F.col("id")))
    window = Window.partitionBy("key").orderBy("order")
    before = [
        F.struct(F.lag("id", w).over(window).alias("id"), F.lag("day", w).over(window).alias("day"))
        for w in range(1, options.neighbours + 1)
    ]
    lagged = keyed.withColumn("order", order).select(
        "key", "id", "day", F.array(*before).alias("others")
    )  # windows first, explode after: Spark cannot generate over a window expression
    near = lagged.select("key", "id", "day", F.explode("others").alias("other"))
    far = (F.col("day").isNotNull() & F.col("other.day").isNotNull()) & (
        F.abs(F.col("day") - F.col("other.day")) > grouping.window_days
    )
    keep = F.col("other.id").isNotNull() & (F.col("key").startswith("m:") | ~far)
    return (
        near.filter(keep)
        .select(F.least("id", "other.id").alias("a"), F.greatest("id", "other.id").alias("b"))
        .filter(F.col("a") != F.col("b"))
        .distinct()
    )


def window_pairs(profiles: Any, grouping: GroupingOptions, options: BlockingOptions) -> Any:
    """``(a, b)`` pairs, ``a < b``: each dated article with the earlier articles (processing
    order) within ``window_days`` whose cosine is among its ``top_k + slack`` best in a date
    bucket — a superset of the cosine candidates the single-machine index scores, so the
    Spark stories see the same candidates. Buckets: ``day // (window + 1)`` and the next one,
    so two articles at most ``window`` days apart share one; one numpy product per bucket.
    """
    from pyspark.sql import functions as F

    home = F.floor(F.col("day") / (grouping.window_days + 1))
    keyed = profiles.filter(F.col("day").isNotNull()).select(
        "id", "day", "ord", "profile", F.explode(F.array(home, home + 1)).alias("bucket")
    )
    pairs = keyed.groupBy("bucket").applyInPandas(
        _bucket_pairs(grouping, options), "a string, b string"
    )
    return pairs.distinct()


def _bucket_pairs(grouping: GroupingOptions, options: BlockingOptions) -> Any:
    def run(frame: pd.DataFrame) -> pd.DataFrame:
        import pandas as pd

        pairs: list[tuple[str, str]] = []
        if len(frame) > options.window_cap:
            log.warning("date bucket of %d articles: left to the block keys", len(frame))
        elif len(frame) > 1:
            frame = frame.sort_values("ord")
            ids = frame["id"].tolist()
            days = frame["day"].to_numpy(dtype=np.int64)
            vectors = np.stack([
                np.asarray(pickle.loads(p).vector, dtype=np.float32) for p in frame["profile"]
            ])  # fmt: skip
            wanted = grouping.top_k + options.slack
            for start in range(1, len(ids), 256):
                end = min(len(ids), start + 256)
                sims = vectors[start:end] @ vectors[:end].T
                for i in range(start, end):
                    cos = sims[i - start, :i]
                    near = np.abs(days[:i] - days[i]) <= grouping.window_days
                    ok = np.flatnonzero(near & (cos >= grouping.floor - 1e-6))
                    if len(ok) > wanted:
                        ok = ok[np.argpartition(-cos[ok], wanted)[:wanted]]
                    pairs += [(min(ids[i], ids[j]), max(ids[i], ids[j])) for j in ok]
        return pd.DataFrame(pairs, columns=["a", "b"], dtype=object)

    return run


_SCORERS: dict[GroupingOptions, Any] = {}


def pair_score(a: Profile, b: Profile, cos: float, near: bool, grouping: GroupingOptions) -> float:
    """The single-machine index's score of a candidate pair (same formula, same options)."""
    from lagebild.stories.grouping import StoryIndex

    scorer = _SCORERS.get(grouping)
    if scorer is None:
        scorer = _SCORERS[grouping] = StoryIndex(grouping)
    return float(scorer.pair_score(a, b, cos, near))  # the index's own rule, not a copy
