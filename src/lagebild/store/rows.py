"""Turn records into the rows of every table (pure functions, no database access).

The full record goes to ``articles.record`` / ``stories.record`` as JSON (the article text
is kept once, in ``articles.text``). Projection columns are made safe for every backend:
PostgreSQL text cannot hold NUL characters and no driver accepts lone surrogates, so those
are replaced in projections; the record JSON keeps them escaped, so reads stay exact.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lagebild.records import Article, Story, content_hash

Row = dict[str, Any]
_BIG = 2**63 - 1


_FIELDS: dict[type, tuple[str, ...]] = {}


def record_dict(record: Any) -> Any:
    """``records.to_dict`` with the field names cached per class (the store's hot path).
    The round-trip tests check that both give the same JSON."""
    if record is None or isinstance(record, (str, int, float)):
        return record
    names = _FIELDS.get(type(record))
    if names is not None:
        return {name: record_dict(getattr(record, name)) for name in names}
    if isinstance(record, (list, tuple)):
        return [record_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: record_dict(v) for k, v in record.items()}
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        _FIELDS[type(record)] = tuple(f.name for f in dataclasses.fields(record))
        return record_dict(record)
    return record


def safe_text(value: str | None) -> str | None:
    """A string every backend stores: NUL and lone surrogates replaced by U+FFFD."""
    if value is None:
        return None
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    return value


def _int(value: Any) -> int | None:
    """An offset as a 64-bit column value (None when it cannot be one)."""
    if isinstance(value, int) and not isinstance(value, bool) and -_BIG <= value <= _BIG:
        return value
    return None


def _float(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        return number if number == number and abs(number) != float("inf") else None
    return None


def dumps(data: Any) -> str:
    """JSON for a record column: UTF-8 when possible, ASCII escapes when not."""
    text = json.dumps(data, ensure_ascii=False)
    if "\x00" in text:  # cannot occur (json escapes control characters), kept as a guard
        return json.dumps(data, ensure_ascii=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True)
    return text


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


@dataclass(slots=True)
class ArticleRows:
    """Everything one article writes: its ``articles`` row and its projection rows."""

    id: str
    record_hash: str
    article: Row
    children: dict[str, list[Row]] = field(default_factory=dict)
    actors: dict[str, Row] = field(default_factory=dict)  # upserted into ``actors``


def article_rows(article: Article, now: datetime) -> ArticleRows:
    data = record_dict(article)
    text = data.pop("text")
    column_text = safe_text(text) or ""
    if column_text != text:
        data["text"] = text  # keep the exact text in the record when the column cannot
    record = dumps(data)
    record_hash = _hash(record, text)
    published = article.published if isinstance(article.published, str) else None
    row: Row = {
        "id": article.id,
        "content_hash": safe_text(article.content_hash) or content_hash(column_text),
        "record_hash": record_hash,
        "url": safe_text(article.url),
        "outlet": safe_text(article.outlet),
        "lang": safe_text(article.lang),
        "title": safe_text(article.title),
        "published": safe_text(published),
        "published_date": safe_text(published[:10]) if published else None,
        "author": safe_text(article.author),
        "text": column_text,
        "record": record,
        "pipeline_version": safe_text(article.pipeline_version),
        "ingested_at": now,
        "updated_at": now,
    }
    rows = ArticleRows(article.id, record_hash, row)
    _entity_rows(article, rows)
    _actor_rows(article, data, rows, now)
    _attribution_rows(article, data, rows)
    _claim_rows(article, data, rows)
    _time_rows(article, rows)
    return rows


def _entity_rows(article: Article, rows: ArticleRows) -> None:
    rows.children["entities"] = [
        {
            "article_id": article.id, "idx": i, "start_char": _int(e.start),
            "end_char": _int(e.end), "text": safe_text(e.text), "label": safe_text(e.label),
            "actor_id": safe_text(e.actor_id),
        }
        for i, e in enumerate(article.entities)
    ]  # fmt: skip


def _actor_rows(article: Article, data: dict[str, Any], rows: ArticleRows, now: datetime) -> None:
    links, roles = [], []
    for actor_id, actor in article.actors.items():
        links.append(
            {"article_id": article.id, "actor_id": safe_text(actor_id),
             "name": safe_text(actor.name), "kind": safe_text(actor.kind)}
        )  # fmt: skip
        for i, role in enumerate(actor.roles):
            roles.append(
                {
                    "article_id": article.id, "actor_id": safe_text(actor_id), "idx": i,
                    "role": safe_text(role.role), "org": safe_text(role.org),
                    "start_date": safe_text(role.start), "end_date": safe_text(role.end),
                    "source": safe_text(role.source),
                }
            )  # fmt: skip
        rows.actors[safe_text(actor_id) or ""] = {
            "id": safe_text(actor_id), "name": safe_text(actor.name),
            "kind": safe_text(actor.kind), "country": safe_text(actor.country),
            "wikidata": safe_text(actor.wikidata),
            "json": dumps(data["actors"][actor_id]), "updated_at": now,
        }  # fmt: skip
    # Two ids that differ only in unpaired surrogates collapse to one projected id.
    rows.children["article_actors"] = list({r["actor_id"]: r for r in links}.values())
    seen = {(r["actor_id"], r["idx"]): r for r in roles}
    rows.children["actor_roles"] = list(seen.values())


def _attribution_rows(article: Article, data: dict[str, Any], rows: ArticleRows) -> None:
    out, sources = [], []
    for i, (a, a_json) in enumerate(zip(article.attributions, data["attributions"], strict=True)):
        out.append(
            {
                "article_id": article.id, "idx": i, "id": safe_text(a.id),
                "form": safe_text(a.form), "cue_text": safe_text(a.cue.text) if a.cue else None,
                "content_start": _int(a.content.start), "content_end": _int(a.content.end),
                "content_text": safe_text(a.content.text),
                "speaker_text": safe_text(a.speaker.text) if a.speaker else None,
                "speaker_actor_id": safe_text(a.speaker.actor_id) if a.speaker else None,
                "json": dumps(a_json),
            }
        )  # fmt: skip
        for j, s in enumerate(a.sources):
            sources.append(
                {"article_id": article.id, "attribution_idx": i, "idx": j,
                 "text": safe_text(s.text), "type": safe_text(s.type),
                 "actor_id": safe_text(s.actor_id)}
            )  # fmt: skip
    rows.children["attributions"] = out
    rows.children["attribution_sources"] = sources


def _claim_rows(article: Article, data: dict[str, Any], rows: ArticleRows) -> None:
    out = []
    for i, (c, c_json) in enumerate(zip(article.claims, data["claims"], strict=True)):
        q, t = c.quantity, c.time
        out.append(
            {
                "article_id": article.id, "idx": i, "id": safe_text(c.id),
                "actor_id": safe_text(c.actor_id), "event_type": safe_text(c.event_type),
                "mode": safe_text(c.mode), "target_id": safe_text(c.target_id),
                "modality": safe_text(c.modality), "condition": safe_text(c.condition),
                "quantity_text": safe_text(q.text) if q else None,
                "quantity_value": _float(q.value) if q else None,
                "time_text": safe_text(t.text) if t else None,
                "time_resolved": safe_text(t.resolved) if t else None,
                "time_granularity": safe_text(t.granularity) if t else None,
                "evidence_start": _int(c.evidence.start), "evidence_end": _int(c.evidence.end),
                "evidence_text": safe_text(c.evidence.text),
                "attribution_id": safe_text(c.attribution), "json": dumps(c_json),
            }
        )  # fmt: skip
    rows.children["claims"] = out


def _time_rows(article: Article, rows: ArticleRows) -> None:
    rows.children["times"] = [
        {
            "article_id": article.id, "idx": i, "start_char": _int(t.start),
            "end_char": _int(t.end), "text": safe_text(t.text),
            "resolved": safe_text(t.resolved), "granularity": safe_text(t.granularity),
            "type": safe_text(t.type), "reason": safe_text(t.reason),
        }
        for i, t in enumerate(article.times)
    ]  # fmt: skip


@dataclass(slots=True)
class StoryRows:
    id: str
    record_hash: str
    story: Row
    children: dict[str, list[Row]] = field(default_factory=dict)
    article_ids: set[str] = field(default_factory=set)  # every article the story points at


def story_rows(story: Story, now: datetime) -> StoryRows:
    data = record_dict(story)
    record = dumps(data)
    origin = story.origin
    row: Row = {
        "id": story.id,
        "title": safe_text(story.title),
        "n_articles": len(story.articles),
        "origin_outlet": safe_text(origin.outlet) if origin else None,
        "origin_article_id": safe_text(origin.article_id) if origin else None,
        "origin_date": safe_text(origin.date) if origin else None,
        "origin_basis": safe_text(origin.basis) if origin else None,
        "first_published": None,
        "last_published": None,
        "record_hash": _hash(record),
        "record": record,
        "pipeline_version": safe_text(story.pipeline_version),
        "updated_at": now,
    }
    rows = StoryRows(story.id, row["record_hash"], row)
    sid = story.id
    rows.children["story_members"] = [
        {"story_id": sid, "idx": i, "article_id": a} for i, a in enumerate(story.articles)
    ]
    rows.children["story_claims"] = [
        {"story_id": sid, "idx": i, "id": safe_text(k.id), "actor_id": safe_text(k.actor_id),
         "event_type": safe_text(k.event_type), "target_id": safe_text(k.target_id)}
        for i, k in enumerate(story.claims)
    ]  # fmt: skip
    rows.children["story_claim_copies"] = [
        {"story_id": sid, "claim_idx": i, "article_id": a, "article_claim_id": safe_text(c)}
        for i, k in enumerate(story.claims)
        for a, c in k.present_in.items()
    ]
    rows.children["drift"] = [
        {"story_id": sid, "idx": i, "kind": safe_text(d.kind), "claim_id": safe_text(d.claim_id),
         "detail": safe_text(d.detail), "json": dumps(d_json)}
        for i, (d, d_json) in enumerate(zip(story.drift, data["drift"], strict=True))
    ]  # fmt: skip
    rows.children["drift_articles"] = [
        {"story_id": sid, "drift_idx": i, "idx": j, "article_id": a,
         "evidence": safe_text(d.evidence.get(a))}
        for i, d in enumerate(story.drift)
        for j, a in enumerate(d.articles)
    ]  # fmt: skip
    for name in ("story_members", "story_claim_copies", "drift_articles"):
        rows.article_ids.update(r["article_id"] for r in rows.children[name])
    return rows
