"""``lagebild spark stories``: the analyze output → ``stories`` and ``story_members`` tables.

1. *Profiles*: per partition, the single-machine ``build_profiles`` (sentence vectors, keys,
   lead dates, events, shingles) plus the block keys of :mod:`lagebild.spark.blocking`.
2. *Candidate pairs*: members sharing a block key, sorted-neighbourhood within each key.
3. *Edges*: pairs the index's own pair score says could join (≥ threshold − margin).
4. *Blocks*: connected components of the edges (:mod:`lagebild.spark.components`).
5. *Stories*: ``build_stories`` — the same grouping, origin and drift code as the single
   machine — on each block, articles in (publication date, id) order.

An article no edge touches is a block of its own. Story ids are ``s-`` + 12 hex digits of the
SHA-1 of the story's first article id, stable across runs and cluster sizes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import pickle
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from lagebild.records import Article, Failure, Story, to_dict
from lagebild.spark.blocking import (
    BlockingOptions,
    block_keys,
    minhash_bands,
    neighbour_pairs,
    pair_score,
    simhash,
    window_pairs,
)
from lagebild.spark.executor import STAGED_SCHEMA
from lagebild.spark.schema import (
    ARTICLE_COLUMNS,
    CHILDREN,
    ERRORS,
    PARTITION,
    article_from_rows,
    failure_row,
    table_schema,
)
from lagebild.stories import GroupingOptions

if TYPE_CHECKING:
    import pandas as pd

    from lagebild.stories.profile import Profile

log = logging.getLogger(__name__)

# ``profile`` is the single-machine Profile, pickled (float32 vector as on one machine, so the
# cosine ranks agree; no shingles): the pair score reads whatever fields the stories package
# puts there.
PROFILE_SCHEMA = (
    "id string, lang string, day bigint, profile binary, mh array<bigint>, "
    "blocks array<string>, sig string, ord string"
)
_PROFILE_FIELDS = ("profile", "mh", "ord")
SCORED_SCHEMA = (
    "a string, b string, later string, score double, cos double, near boolean, inwin boolean"
)


# --------------------------------------------------------------------------- records


def article_records(spark: Any, in_dir: str) -> Any:
    """``(id, published, record)``: each article of an analyze output as one JSON record."""
    from pyspark.sql import functions as F

    root = in_dir.rstrip("/")
    articles = _read_table(spark, f"{root}/articles", "articles")
    for table in CHILDREN:
        child = _read_table(spark, f"{root}/{table}", table).drop(PARTITION)
        rest = [c for c in child.columns if c not in ("article_id", "idx")]
        nested = child.groupBy("article_id").agg(
            F.sort_array(F.collect_list(F.struct("idx", *rest))).alias(table)
        )
        articles = articles.join(nested, articles.id == nested.article_id, "left").drop(
            "article_id"
        )
    # keep nulls: a record field without a default (Attribution.cue, .speaker) must be
    # present as null, or the record cannot be rebuilt from the JSON
    record = F.to_json(F.struct(*ARTICLE_COLUMNS, *CHILDREN), {"ignoreNullFields": "false"})
    return articles.select("id", "published", record.alias("record"))


def _read_table(spark: Any, path: str, table: str) -> Any:
    from pyspark.errors import AnalysisException
    from pyspark.sql import types as T

    schema = table_schema(table)
    if table != ERRORS:
        schema = T.StructType([*schema.fields, T.StructField(PARTITION, T.StringType(), True)])
    try:
        return spark.read.schema(schema).parquet(path)
    except AnalysisException:  # no such table (e.g. no entities at all): empty
        return spark.createDataFrame([], schema)


def article_from_record(record: str) -> Article:
    data = json.loads(record)
    children = {t: data.pop(t, None) or [] for t in CHILDREN}
    return article_from_rows(data, children)


# --------------------------------------------------------------------------- executors


def profile_partition(grouping: GroupingOptions, blocking: BlockingOptions) -> Any:
    """``mapInPandas``: records → profiles with block keys (PROFILE_SCHEMA)."""

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        from lagebild.stories.profile import build_profiles

        for frame in batches:
            articles = [article_from_record(r) for r in frame["record"]]
            rows = []
            for article, profile in zip(articles, _profiles(articles, build_profiles),
                                        strict=True):  # fmt: skip
                if profile is None:  # no profile: the article stays a block of its own
                    continue
                bands = minhash_bands(profile, grouping)
                sims = simhash(profile.vector, blocking)
                blocks = block_keys(profile, article, bands, sims, grouping, blocking)
                profile.shingles = ()
                rows.append({
                    "id": article.id, "lang": profile.lang, "day": profile.day,
                    "profile": pickle.dumps(profile, protocol=pickle.HIGHEST_PROTOCOL),
                    "mh": bands, "blocks": blocks, "sig": "".join(f"{s:03d}" for s in sims),
                    "ord": processing_order(article),
                })  # fmt: skip
            yield _profiles_frame(rows)

    return run


def _profiles(articles: list[Article], build: Any) -> list[Profile | None]:
    """Profiles of a batch; when the batch fails, article by article (None for a bad one)."""
    try:
        return list(build(articles))
    except Exception:  # one bad article must not lose the batch
        log.warning("profile batch failed; retrying one by one", exc_info=True)
    out: list[Profile | None] = []
    for article in articles:
        try:
            out.extend(build([article]))
        except Exception:  # recorded as its own block later
            log.warning("no profile for %s", article.id, exc_info=True)
            out.append(None)
    return out


def _profiles_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=PROFILE_SCHEMA_COLUMNS)
    frame["day"] = pd.array([r["day"] for r in rows], dtype="Int64")
    return frame


PROFILE_SCHEMA_COLUMNS = [part.split()[0] for part in PROFILE_SCHEMA.split(", ")]


def _profile(prefix: str, rec: dict[str, Any]) -> Profile:
    profile: Profile = pickle.loads(rec[f"{prefix}profile"])  # written by profile_partition
    profile.vector = profile.vector.astype(np.float32)
    return profile


def processing_order(article: Article) -> str:
    """The order ``build_stories`` adds articles in: publication date, then id."""
    return f"{article.published or '9999'}\x00{article.id}"


def edge_partition(grouping: GroupingOptions, blocking: BlockingOptions) -> Any:
    """``mapInPandas`` over joined pairs: those the index would score, with their score.

    ``later`` is the member the index adds second: it is the one that joins the other's story.
    A pair is scored when the two are near-duplicates, or within the window with a cosine of at
    least ``floor`` (of those the index scores only the ``top_k`` best per article: see
    :func:`candidate_edges`).
    """

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import pandas as pd

        for frame in batches:
            keep = []
            for rec in frame.to_dict("records"):
                a, b = _profile("a_", rec), _profile("b_", rec)
                near = a.lang == b.lang and bool(set(rec["a_mh"]) & set(rec["b_mh"]))
                in_window = (
                    a.day is None or b.day is None or abs(a.day - b.day) <= grouping.window_days
                )
                cos = float(a.vector @ b.vector)
                inwin = in_window and cos >= grouping.floor
                if not near and not inwin:
                    continue
                score = pair_score(a, b, cos, near, grouping)
                later = b.article_id if rec["b_ord"] > rec["a_ord"] else a.article_id
                keep.append((a.article_id, b.article_id, later, score, cos, near, inwin))
            yield pd.DataFrame(keep, columns=["a", "b", "later", "score", "cos", "near", "inwin"])

    return run


def story_id(first_article: str) -> str:
    return "s-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


def build_group(grouping: GroupingOptions) -> Any:
    """``applyInPandas`` per block: ``build_stories`` → staged story and member rows."""

    def run(frame: pd.DataFrame) -> pd.DataFrame:
        import pandas as pd

        from lagebild.stories import build_stories

        rows: list[tuple[str, str, str]] = []
        articles = sorted((article_from_record(r) for r in frame["record"]), key=lambda a: a.id)
        # each article may join only what the whole corpus gave it as candidates
        allowed = {i: set(c) if c is not None else set()
                   for i, c in zip(frame["id"], frame["cands"], strict=True)}  # fmt: skip
        try:
            stories = build_stories(articles, grouping, allowed)
        except Exception as err:  # one bad block never fails the job
            log.warning("stories failed on a block of %d", len(articles), exc_info=True)
            for article in articles:
                failure = Failure(article.id, "stories", f"{type(err).__name__}: {err}", "E300")
                rows.append((ERRORS, "", json.dumps(failure_row(failure))))
            return pd.DataFrame(rows, columns=["table", "pub_date", "json"], dtype=object)
        by_id = {a.id: a for a in articles}
        for story in stories:
            rows.extend(story_rows(story, by_id))
        return pd.DataFrame(rows, columns=["table", "pub_date", "json"], dtype=object)

    return run


def story_rows(story: Story, by_id: dict[str, Article]) -> list[tuple[str, str, str]]:
    sid = story_id(story.articles[0])
    story = dataclasses.replace(story, id=sid)
    dates = [p for a in story.articles if (p := by_id[a].published)]
    row = {**to_dict(story), "n_articles": len(story.articles),
           "first_published": min(dates) if dates else None}  # fmt: skip
    out = [("stories", "", json.dumps(row, ensure_ascii=False))]
    for position, article_id in enumerate(story.articles):
        a = by_id[article_id]
        member = {"story_id": sid, "article_id": article_id, "position": position,
                  "published": a.published, "outlet": a.outlet, "lang": a.lang}  # fmt: skip
        out.append(("story_members", "", json.dumps(member, ensure_ascii=False)))
    return out


# --------------------------------------------------------------------------- driver


def candidate_edges(
    profiles: Any, grouping: GroupingOptions, blocking: BlockingOptions
) -> tuple[Any, Any]:
    """(pairs, compared): candidate pairs from the block keys and the date window, and the
    scored pairs ``(a, b, later, score)`` the index would compare."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    keyed = profiles.select("id", "day", "sig", F.explode("blocks").alias("key"))
    pairs = neighbour_pairs(keyed, grouping, blocking)
    pairs = pairs.unionByName(window_pairs(profiles, grouping, blocking)).distinct()
    side_a = profiles.select(F.col("id").alias("a"), *[F.col(c).alias(f"a_{c}") for c in
                                                        _PROFILE_FIELDS])  # fmt: skip
    side_b = profiles.select(F.col("id").alias("b"), *[F.col(c).alias(f"b_{c}") for c in
                                                        _PROFILE_FIELDS])  # fmt: skip
    joined = pairs.join(side_a, "a").join(side_b, "b")
    joined = joined.withColumnRenamed("a", "a_id").withColumnRenamed("b", "b_id")
    scored = joined.mapInPandas(edge_partition(grouping, blocking), SCORED_SCHEMA)
    # What the index compares a new article with: its top_k earlier articles in the window
    # by cosine, and its near-duplicates.
    by_cos = Window.partitionBy("later").orderBy(F.desc("cos"), "a", "b")
    columns = ("a", "b", "later", "score")
    ranked = scored.filter("inwin").withColumn("rank", F.row_number().over(by_cos))
    compared = (
        ranked.filter(F.col("rank") <= grouping.top_k).select(*columns)
        .unionByName(scored.filter("near").select(*columns))
        .distinct()
    )  # fmt: skip
    return pairs, compared


def joins(compared: Any, grouping: GroupingOptions, blocking: BlockingOptions) -> tuple[Any, Any]:
    """(edges, candidates): the pairs that may join, and per article (``later``) the earlier
    articles it is compared with (``cands``)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    # It joins the story of its best-scoring candidate, so the joins form a forest: keep, per
    # later article, the candidates within the margin of its best. Its components hold the
    # stories; the block's index then compares each article with the same candidates.
    best = F.max("score").over(Window.partitionBy("later"))
    edges = (
        compared.withColumn("best", best)
        .filter((F.col("score") >= F.col("best") - blocking.margin)
                & (F.col("score") >= grouping.threshold - blocking.margin))
        .select("a", "b")
    )  # fmt: skip
    earlier = F.when(F.col("a") == F.col("later"), F.col("b")).otherwise(F.col("a"))
    candidates = compared.groupBy("later").agg(F.collect_list(earlier).alias("cands"))
    return edges, candidates


def stories_job(
    in_dir: str,
    out: str,
    *,
    master: str | None = None,
    partitions: int | None = None,
    grouping: GroupingOptions | None = None,
    blocking: BlockingOptions | None = None,
) -> dict[str, Any]:
    """Group the articles under ``in_dir`` (an analyze output) into stories under ``out``."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from lagebild.spark.analyze import write_tables
    from lagebild.spark.components import connected_components
    from lagebild.spark.session import get_session

    grouping = grouping or GroupingOptions()
    blocking = blocking or BlockingOptions()
    spark = get_session(master, "lagebild stories")
    started = time.perf_counter()
    clock = _Clock()
    records = article_records(spark, in_dir)
    wanted = partitions or spark.sparkContext.defaultParallelism * 2
    records = records.repartition(wanted).persist(StorageLevel.MEMORY_AND_DISK)
    profiles = records.mapInPandas(profile_partition(grouping, blocking), PROFILE_SCHEMA)
    profiles = profiles.persist(StorageLevel.MEMORY_AND_DISK)
    n_articles = profiles.count()
    clock.lap("profiles")
    pairs, compared = candidate_edges(profiles, grouping, blocking)
    pairs = pairs.persist(StorageLevel.MEMORY_AND_DISK)
    n_pairs = pairs.count()
    clock.lap("pairs")
    compared = compared.persist(StorageLevel.MEMORY_AND_DISK)
    edges, candidates = joins(compared, grouping, blocking)
    edges = edges.persist(StorageLevel.MEMORY_AND_DISK)
    n_edges = edges.count()
    clock.lap("edges")
    comps = connected_components(edges, n_edges).persist(StorageLevel.MEMORY_AND_DISK)
    largest = comps.groupBy("comp").count().agg(F.max("count")).first()[0] or 1
    clock.lap("components")
    blocks = records.join(comps, "id", "left").withColumn("comp", F.coalesce("comp", "id"))
    blocks = blocks.join(candidates.withColumnRenamed("later", "id"), "id", "left")
    staged = blocks.groupBy("comp").applyInPandas(build_group(grouping), STAGED_SCHEMA)
    staged = staged.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = {r["table"]: r["count"] for r in staged.groupBy("table").count().collect()}
        clock.lap("build")
        write_tables(staged, out, ("stories", "story_members"), by_date=False)
        clock.lap("write")
    finally:
        for frame in (staged, comps, edges, compared, pairs, profiles, records):
            frame.unpersist()
    return {
        "out": out,
        "articles": n_articles,
        "candidate_pairs": n_pairs,
        "edges": n_edges,
        "largest_block": int(largest),
        "stories": counts.get("stories", 0),
        "story_members": counts.get("story_members", 0),
        "errors": counts.get(ERRORS, 0),
        "seconds": round(time.perf_counter() - started, 2),
        "step_seconds": clock.laps,
    }


class _Clock:
    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 2)
        self.last = now
