"""What the list methods of :class:`~lagebild.store.Store` take (filters) and return (rows).

Filters are frozen dataclasses whose fields are all optional; ``None`` means "any".
Dates are ISO strings compared on the first ten characters (``YYYY-MM-DD``), inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.records import Actor, Attribution, Claim, Origin


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    lang: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    actor_id: str | None = None  # articles that mention this actor
    q: str | None = None  # full-text query (see Store.search)


@dataclass(frozen=True, slots=True)
class StoryFilter:
    lang: str | None = None  # a copy in this language
    outlet: str | None = None  # a copy from this outlet
    since: str | None = None  # the story's copies reach this date or later
    until: str | None = None  # the story began on or before this date
    actor_id: str | None = None  # a copy mentions this actor
    q: str | None = None  # a copy matches this full-text query


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    actor_id: str | None = None
    target_id: str | None = None
    event_type: str | None = None
    modality: str | None = None
    article_id: str | None = None
    story_id: str | None = None  # claims of the story's copies
    lang: str | None = None
    outlet: str | None = None
    since: str | None = None  # publication date of the article
    until: str | None = None


@dataclass(frozen=True, slots=True)
class AttributionFilter:
    speaker_id: str | None = None
    source_type: str | None = None  # one of records.SOURCE_TYPES
    source_actor_id: str | None = None
    form: str | None = None
    article_id: str | None = None
    lang: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article without its text and annotations (for lists)."""

    id: str
    url: str | None
    outlet: str | None
    lang: str | None
    title: str | None
    published: str | None
    content_hash: str
    pipeline_version: str | None


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str | None
    n_articles: int
    origin: Origin | None
    first_published: str | None
    last_published: str | None
    n_claims: int
    n_drift: int
    langs: tuple[str, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim with the article it was found in."""

    article_id: str
    outlet: str | None
    lang: str | None
    published: str | None
    title: str | None
    claim: Claim


@dataclass(frozen=True, slots=True)
class AttributionRow:
    article_id: str
    outlet: str | None
    lang: str | None
    published: str | None
    title: str | None
    attribution: Attribution


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """An actor across the store: its latest record, every role and every surface form."""

    id: str
    actor: Actor  # ``roles`` merged from every article, ordered by start date
    aliases: tuple[tuple[str, int], ...]  # (entity text, mentions), most frequent first
    n_articles: int
    first_seen: str | None  # earliest publication date of an article that mentions it
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a full-text query. ``snippet`` marks hits with STX/ETX
    (``\\x02`` … ``\\x03``): escape it for HTML first, then replace the markers."""

    id: str
    title: str | None
    outlet: str | None
    lang: str | None
    published: str | None
    snippet: str
    score: float  # larger is better
