"""What grouping knows about one article: a vector, shingles and language-free signatures.

The signature is what a translation keeps and a near miss changes: actor ids, numbers,
name-like words, the day of the lead event and the event types of the lead claims.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lagebild.records import Article
from lagebild.stories import encoder
from lagebild.stories.text import dates, name_tokens, numbers, parse_day, sentences

LEAD_SENTENCES = 6
KEY_CHARS = 4000
SHINGLE_CHARS = 1500
LEAD_CHARS = 700


@dataclass(slots=True)
class Profile:
    article_id: str
    lang: str
    day: int | None  # proleptic ordinal of the publication day
    vector: np.ndarray
    keys: np.ndarray  # sorted unique int64 hashes of the signature keys
    lead_dates: frozenset[str]
    numbers: frozenset[float]  # numbers of the lead (years left out)
    events: frozenset[str]
    shingles: tuple[str, ...]


def _hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) | (len(key) << 32)


def lead_sentences(
    article: Article, limit: int = LEAD_SENTENCES, sents: list[str] | None = None
) -> list[str]:
    """Title and the first sentences of the text (a repeated title or teaser counted once)."""
    out: list[str] = []
    seen: set[str] = set()
    if sents is None:
        sents = [s for _, _, s in sentences(article.text[:KEY_CHARS])]
    candidates = [article.title or "", *sents]
    for sent in candidates:
        key = " ".join(sent.split()).lower()
        if key and key not in seen:
            seen.add(key)
            out.append(sent)
        if len(out) >= limit:
            break
    return out or [article.text[:200]]


def signature_keys(article: Article, sents: list[str] | None = None) -> set[str]:
    head = article.text[:KEY_CHARS]
    keys = {f"w:{w}" for w in name_tokens(head, sents)}
    keys |= {f"n:{v:g}" for v, _, _ in numbers(head)}
    keys |= {f"a:{e.actor_id}" for e in article.entities if e.actor_id}
    return keys


def _lead_dates(article: Article, sents: list[str]) -> frozenset[str]:
    """Days of the lead event: the first day named in the lead text (resolved backwards from
    the publication day) together with the first day the claims or times resolve to; two
    sources, because either can be wrong, and a conflict needs both to disagree."""
    lead = " ".join(lead_sentences(article, 4, sents))[:LEAD_CHARS]
    found = [d for d, _, o in sorted(dates(lead, article.published), key=lambda x: x[2])][:1]
    from_claims = [
        c.time.resolved[:10]
        for c in article.claims[:3]
        if c.time and c.time.resolved and c.time.granularity == "day"
    ]
    if not from_claims and article.times:
        first = article.times[0]
        if first.resolved and first.granularity == "day":
            from_claims = [first.resolved[:10]]
    return frozenset(found + from_claims[:1])


def lead_numbers(lead: str) -> frozenset[float]:
    return frozenset(v for v, _, _ in numbers(lead) if not 1900 <= v <= 2100)


def shingles(text: str, n: int = 3) -> tuple[str, ...]:
    words = text[:SHINGLE_CHARS].lower().split()
    return tuple({" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))})


def build_profiles(
    articles: Sequence[Article], lead: int = LEAD_SENTENCES
) -> list[Profile]:
    """Profiles for a batch (one encoder call for the ``lead`` first sentences of each)."""
    split = [[s for _, _, s in sentences(a.text[:KEY_CHARS])] for a in articles]
    leads = [lead_sentences(a, lead, sents) for a, sents in zip(articles, split, strict=True)]
    flat = [s for group in leads for s in group]
    vectors = encoder.encode_cached(flat)
    out = []
    row = 0
    for article, group, sents in zip(articles, leads, split, strict=True):
        vector = encoder.mean_vector(vectors[row : row + len(group)])
        row += len(group)
        day = parse_day(article.published)
        keys = np.unique(
            np.fromiter((_hash(k) for k in signature_keys(article, sents)), dtype=np.int64)
        )
        out.append(
            Profile(
                article_id=article.id,
                lang=article.lang or "und",
                day=day.toordinal() if day else None,
                vector=vector,
                keys=keys,
                lead_dates=_lead_dates(article, sents),
                numbers=lead_numbers(" ".join(group)),
                events=frozenset(c.event_type for c in article.claims[:3]),
                shingles=shingles(article.text),
            )
        )
    return out
