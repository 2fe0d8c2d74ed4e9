"""Initial schema: articles, their projections, stories, failures, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles", ondelete="CASCADE"
    )


def _story_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["story_id"], ["stories.id"], name=f"fk_{table}_story_id_stories", ondelete="CASCADE"
    )


def _plain_article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles"
    )


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", SEQ, autoincrement=True, nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("lang", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Text()),
        sa.Column("published_date", sa.String(10)),
        sa.Column("author", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("pipeline_version", sa.Text()),
        sa.Column("ingested_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_articles"),
        sa.UniqueConstraint("id", name="uq_articles_id"),
    )
    _index("articles", "content_hash", "outlet", "lang", "published_date")

    op.create_table(
        "entities",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.BigInteger()),
        sa.Column("end_char", sa.BigInteger()),
        sa.Column("text", sa.Text()),
        sa.Column("label", sa.Text()),
        sa.Column("actor_id", sa.Text()),
        sa.PrimaryKeyConstraint("article_id", "idx", name="pk_entities"),
        _article_fk("entities"),
    )
    _index("entities", "actor_id")

    op.create_table(
        "actors",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text()),
        sa.Column("kind", sa.Text()),
        sa.Column("country", sa.Text()),
        sa.Column("wikidata", sa.Text()),
        sa.Column("json", sa.Text(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
    )
    _index("actors", "kind")

    op.create_table(
        "article_actors",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text()),
        sa.Column("kind", sa.Text()),
        sa.PrimaryKeyConstraint("article_id", "actor_id", name="pk_article_actors"),
        _article_fk("article_actors"),
    )
    _index("article_actors", "actor_id")

    op.create_table(
        "actor_roles",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("role", sa.Text()),
        sa.Column("org", sa.Text()),
        sa.Column("start_date", sa.Text()),
        sa.Column("end_date", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.PrimaryKeyConstraint("article_id", "actor_id", "idx", name="pk_actor_roles"),
        _article_fk("actor_roles"),
    )
    _index("actor_roles", "actor_id")

    op.create_table(
        "attributions",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text()),
        sa.Column("form", sa.Text()),
        sa.Column("cue_text", sa.Text()),
        sa.Column("content_start", sa.BigInteger()),
        sa.Column("content_end", sa.BigInteger()),
        sa.Column("content_text", sa.Text()),
        sa.Column("speaker_text", sa.Text()),
        sa.Column("speaker_actor_id", sa.Text()),
        sa.Column("json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "idx", name="pk_attributions"),
        _article_fk("attributions"),
    )
    _index("attributions", "speaker_actor_id")

    op.create_table(
        "attribution_sources",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("attribution_idx", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text()),
        sa.Column("type", sa.Text()),
        sa.Column("actor_id", sa.Text()),
        sa.PrimaryKeyConstraint(
            "article_id", "attribution_idx", "idx", name="pk_attribution_sources"
        ),
        _article_fk("attribution_sources"),
    )
    _index("attribution_sources", "type", "actor_id")

    op.create_table(
        "claims",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text()),
        sa.Column("actor_id", sa.Text()),
        sa.Column("event_type", sa.Text()),
        sa.Column("mode", sa.Text()),
        sa.Column("target_id", sa.Text()),
        sa.Column("modality", sa.Text()),
        sa.Column("condition", sa.Text()),
        sa.Column("quantity_text", sa.Text()),
        sa.Column("quantity_value", sa.Float()),
        sa.Column("time_text", sa.Text()),
        sa.Column("time_resolved", sa.Text()),
        sa.Column("time_granularity", sa.Text()),
        sa.Column("evidence_start", sa.BigInteger()),
        sa.Column("evidence_end", sa.BigInteger()),
        sa.Column("evidence_text", sa.Text()),
        sa.Column("attribution_id", sa.Text()),
        sa.Column("json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "idx", name="pk_claims"),
        _article_fk("claims"),
    )
    _index("claims", "actor_id", "event_type", "target_id")

    op.create_table(
        "times",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.BigInteger()),
        sa.Column("end_char", sa.BigInteger()),
        sa.Column("text", sa.Text()),
        sa.Column("resolved", sa.Text()),
        sa.Column("granularity", sa.Text()),
        sa.Column("type", sa.Text()),
        sa.Column("reason", sa.Text()),
        sa.PrimaryKeyConstraint("article_id", "idx", name="pk_times"),
        _article_fk("times"),
    )
    _index("times", "resolved")

    op.create_table(
        "stories",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("origin_outlet", sa.Text()),
        sa.Column("origin_article_id", sa.Text()),
        sa.Column("origin_date", sa.Text()),
        sa.Column("origin_basis", sa.Text()),
        sa.Column("first_published", sa.String(10)),
        sa.Column("last_published", sa.String(10)),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("pipeline_version", sa.Text()),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    _index("stories", "last_published")

    op.create_table(
        "story_members",
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("story_id", "idx", name="pk_story_members"),
        _story_fk("story_members"),
        _plain_article_fk("story_members"),
    )
    _index("story_members", "article_id")

    op.create_table(
        "story_claims",
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("id", sa.Text()),
        sa.Column("actor_id", sa.Text()),
        sa.Column("event_type", sa.Text()),
        sa.Column("target_id", sa.Text()),
        sa.PrimaryKeyConstraint("story_id", "idx", name="pk_story_claims"),
        _story_fk("story_claims"),
    )
    _index("story_claims", "actor_id", "target_id")

    op.create_table(
        "story_claim_copies",
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("claim_idx", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("article_claim_id", sa.Text()),
        sa.PrimaryKeyConstraint(
            "story_id", "claim_idx", "article_id", name="pk_story_claim_copies"
        ),
        _story_fk("story_claim_copies"),
        _plain_article_fk("story_claim_copies"),
    )
    _index("story_claim_copies", "article_id")

    op.create_table(
        "drift",
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text()),
        sa.Column("claim_id", sa.Text()),
        sa.Column("detail", sa.Text()),
        sa.Column("json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("story_id", "idx", name="pk_drift"),
        _story_fk("drift"),
    )
    _index("drift", "kind")

    op.create_table(
        "drift_articles",
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("drift_idx", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text()),
        sa.PrimaryKeyConstraint("story_id", "drift_idx", "idx", name="pk_drift_articles"),
        _story_fk("drift_articles"),
        _plain_article_fk("drift_articles"),
    )
    _index("drift_articles", "article_id")

    op.create_table(
        "failures",
        sa.Column("seq", SEQ, autoincrement=True, nullable=False),
        sa.Column("id", sa.Text()),
        sa.Column("stage", sa.Text()),
        sa.Column("reason", sa.Text()),
        sa.Column("code", sa.Text()),
        sa.Column("at", TS, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_failures"),
    )
    _index("failures", "stage")

    _create_search()


# Full-text search: each backend's own facility, kept in step with ``articles``.
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "title, text, content='articles', content_rowid='seq', tokenize='unicode61')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
]
# A tsvector holds at most 1 MB: index the first 200,000 characters (a long article's rest
# is still stored, just not searchable on PostgreSQL).
POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, left(coalesce(title, '') || ' ' || text, 200000))) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
]


def _create_search() -> None:
    dialect = op.get_bind().dialect.name
    statements = {"sqlite": SQLITE_FTS, "postgresql": POSTGRES_FTS}.get(dialect, [])
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in (
        "failures", "drift_articles", "drift", "story_claim_copies", "story_claims",
        "story_members", "stories", "times", "claims", "attribution_sources", "attributions",
        "actor_roles", "article_actors", "actors", "entities", "articles",
    ):  # fmt: skip
        op.drop_table(table)
