"""The store: SQLite by default, PostgreSQL by URL; schema by Alembic migrations.

``Store.open(url)`` → save articles, stories and failures; read them back exactly; list,
filter and search what the web UI and the API show.
"""

from lagebild.store.store import Store
from lagebild.store.views import (
    ActorProfile,
    ArticleFilter,
    ArticleRow,
    AttributionFilter,
    AttributionRow,
    ClaimFilter,
    ClaimRow,
    SearchHit,
    StoryFilter,
    StoryRow,
)

__all__ = [
    "ActorProfile",
    "ArticleFilter",
    "ArticleRow",
    "AttributionFilter",
    "AttributionRow",
    "ClaimFilter",
    "ClaimRow",
    "SearchHit",
    "Store",
    "StoryFilter",
    "StoryRow",
]
