"""The tables of the store (SQLAlchemy Core).

``articles`` and ``stories`` hold each record's full JSON (``record``) so that a read gives
back exactly what was written; every other table is a projection of those records that the
web UI and the API query (entities, actors, attributions, claims, story members …).
Child rows are keyed by their parent's id and their position (``idx``) in the record, so
duplicate ids inside one record cannot break a write.

The schema is created by the Alembic migrations in ``lagebild/store/migrations``; a test
checks that the migrated database and this module agree. Full-text search objects
(SQLite FTS5 table and triggers, PostgreSQL ``tsv`` column and GIN index) live only in the
migrations and in :mod:`lagebild.store.search`.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

# SQLite needs exactly INTEGER for an auto-incrementing rowid alias.
SEQ = BigInteger().with_variant(Integer(), "sqlite")


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


def _story_fk() -> ForeignKey:
    return ForeignKey("stories.id", ondelete="CASCADE")


articles = Table(
    "articles",
    metadata,
    Column("seq", SEQ, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("content_hash", Text, nullable=False, index=True),
    Column("record_hash", String(64), nullable=False),
    Column("url", Text),
    Column("outlet", Text, index=True),
    Column("lang", Text, index=True),
    Column("title", Text),
    Column("published", Text),
    Column("published_date", String(10), index=True),
    Column("author", Text),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("pipeline_version", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("article_id", Text, _article_fk(), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("start_char", BigInteger),
    Column("end_char", BigInteger),
    Column("text", Text),
    Column("label", Text),
    Column("actor_id", Text, index=True),
    PrimaryKeyConstraint("article_id", "idx"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text),
    Column("kind", Text, index=True),
    Column("country", Text),
    Column("wikidata", Text),
    Column("json", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

article_actors = Table(
    "article_actors",
    metadata,
    Column("article_id", Text, _article_fk(), nullable=False),
    Column("actor_id", Text, nullable=False, index=True),
    Column("name", Text),
    Column("kind", Text),
    PrimaryKeyConstraint("article_id", "actor_id"),
)

actor_roles = Table(
    "actor_roles",
    metadata,
    Column("article_id", Text, _article_fk(), nullable=False),
    Column("actor_id", Text, nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("role", Text),
    Column("org", Text),
    Column("start_date", Text),
    Column("end_date", Text),
    Column("source", Text),
    PrimaryKeyConstraint("article_id", "actor_id", "idx"),
)

attributions = Table(
    "attributions",
    metadata,
    Column("article_id", Text, _article_fk(), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("id", Text),
    Column("form", Text),
    Column("cue_text", Text),
    Column("content_start", BigInteger),
    Column("content_end", BigInteger),
    Column("content_text", Text),
    Column("speaker_text", Text),
    Column("speaker_actor_id", Text, index=True),
    Column("json", Text, nullable=False),
    PrimaryKeyConstraint("article_id", "idx"),
)

attribution_sources = Table(
    "attribution_sources",
    metadata,
    Column("article_id", Text, _article_fk(), nullable=False),
    Column("attribution_idx", Integer, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("text", Text),
    Column("type", Text, index=True),
    Column("actor_id", Text, index=True),
    PrimaryKeyConstraint("article_id", "attribution_idx", "idx"),
)

claims = Table(
    "claims",
    metadata,
    Column("article_id", Text, _article_fk(), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("id", Text),
    Column("actor_id", Text, index=True),
    Column("event_type", Text, index=True),
    Column("mode", Text),
    Column("target_id", Text, index=True),
    Column("modality", Text),
    Column("condition", Text),
    Column("quantity_text", Text),
    Column("quantity_value", Float),
    Column("time_text", Text),
    Column("time_resolved", Text),
    Column("time_granularity", Text),
    Column("evidence_start", BigInteger),
    Column("evidence_end", BigInteger),
    Column("evidence_text", Text),
    Column("attribution_id", Text),
    Column("json", Text, nullable=False),
    PrimaryKeyConstraint("article_id", "idx"),
)

times = Table(
    "times",
    metadata,
    Column("article_id", Text, _article_fk(), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("start_char", BigInteger),
    Column("end_char", BigInteger),
    Column("text", Text),
    Column("resolved", Text, index=True),
    Column("granularity", Text),
    Column("type", Text),
    Column("reason", Text),
    PrimaryKeyConstraint("article_id", "idx"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Text, primary_key=True),
    Column("title", Text),
    Column("n_articles", Integer, nullable=False),
    Column("origin_outlet", Text),
    Column("origin_article_id", Text),
    Column("origin_date", Text),
    Column("origin_basis", Text),
    Column("first_published", String(10)),
    Column("last_published", String(10), index=True),
    Column("record_hash", String(64), nullable=False),
    Column("record", Text, nullable=False),
    Column("pipeline_version", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

story_members = Table(
    "story_members",
    metadata,
    Column("story_id", Text, _story_fk(), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False, index=True),
    PrimaryKeyConstraint("story_id", "idx"),
)

story_claims = Table(
    "story_claims",
    metadata,
    Column("story_id", Text, _story_fk(), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("id", Text),
    Column("actor_id", Text, index=True),
    Column("event_type", Text),
    Column("target_id", Text, index=True),
    PrimaryKeyConstraint("story_id", "idx"),
)

story_claim_copies = Table(
    "story_claim_copies",
    metadata,
    Column("story_id", Text, _story_fk(), nullable=False),
    Column("claim_idx", Integer, nullable=False),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False, index=True),
    Column("article_claim_id", Text),
    PrimaryKeyConstraint("story_id", "claim_idx", "article_id"),
)

drift = Table(
    "drift",
    metadata,
    Column("story_id", Text, _story_fk(), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("kind", Text, index=True),
    Column("claim_id", Text),
    Column("detail", Text),
    Column("json", Text, nullable=False),
    PrimaryKeyConstraint("story_id", "idx"),
)

drift_articles = Table(
    "drift_articles",
    metadata,
    Column("story_id", Text, _story_fk(), nullable=False),
    Column("drift_idx", Integer, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False, index=True),
    Column("evidence", Text),
    PrimaryKeyConstraint("story_id", "drift_idx", "idx"),
)

failures = Table(
    "failures",
    metadata,
    Column("seq", SEQ, primary_key=True, autoincrement=True),
    Column("id", Text),
    Column("stage", Text, index=True),
    Column("reason", Text),
    Column("code", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)

# Tables whose rows are projections of one article (deleted and rewritten with it).
ARTICLE_CHILDREN = (
    entities, article_actors, actor_roles, attributions, attribution_sources, claims, times,
)  # fmt: skip
# Tables whose rows are projections of one story.
STORY_CHILDREN = (story_members, story_claims, story_claim_copies, drift, drift_articles)
# Story tables that point at articles.
STORY_ARTICLE_REFS = (story_members, story_claim_copies, drift_articles)

# Full-text search objects made by the migrations, outside this metadata (autogenerate and
# the schema test skip them).
SEARCH_OBJECTS = ("articles_fts", "tsv", "ix_articles_tsv")


def is_search_object(name: str | None) -> bool:
    return name is not None and (name in SEARCH_OBJECTS or name.startswith("articles_fts"))
