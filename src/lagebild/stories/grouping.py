"""Group copies of one report into stories, incrementally.

A new article is compared with the articles already indexed that were published within a
few days of it (its vector against theirs, one matrix product per batch) and with its
near-duplicates in the same language (MinHash LSH over word shingles). A candidate pair
scores its cosine similarity plus a bonus for shared language-free keys (actor ids,
numbers, names) and a bonus for being a near-duplicate, minus penalties when the lead
events fall on different days or have different event types: that is what keeps a near
miss (same actors, same topic, another event) apart. The article joins the story of its
best-scoring candidate above the threshold, or starts a new story. Nothing is re-clustered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import zlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from lagebild.records import Article, Story
from lagebild.stories.encoder import DIM
from lagebild.stories.profile import Profile, build_profiles

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    threshold: float = 0.58  # join when the best candidate scores at least this
    window_days: int = 3  # compare with articles published this many days before/after
    key_weight: float = 0.2  # bonus per unit of Dice overlap of signature keys
    min_keys: int = 3  # key overlap counts only when both sides have this many keys
    near_dup_bonus: float = 0.25  # same language and MinHash Jaccard over lsh_threshold
    lsh_threshold: float = 0.5
    num_perm: int = 64
    date_penalty: float = 0.4  # lead events two or more days apart
    near_date_penalty: float = 0.15  # lead events one day apart (often a copy's error)
    number_penalty: float = 0.1  # both leads give numbers, none shared
    event_penalty: float = 0.1  # lead claims with disjoint event types
    floor: float = 0.3  # cosine below which a pair is not even scored
    top_k: int = 12  # candidates scored per article (besides near-duplicates)
    batch_size: int = 256
    lead_sentences: int = 6  # title + first sentences averaged into the article's vector
    undated_cap: int = 20_000  # an undated article is compared with this many recent ones


_NO_VECTOR = np.zeros(0, dtype=np.float32)
_UNDATED = 0  # the day of an undated row: compared with every article


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


_PERMS: dict[int, tuple[Any, Any]] = {}


def minhash(shingles: Sequence[str], num_perm: int) -> MinHash:
    """The MinHash of an article's shingles, as the index files it in its LSH (the Spark
    blocking derives its band keys from this too, so both see the same near-duplicates)."""
    perms = _PERMS.get(num_perm)
    if perms is None:  # drawn once: MinHash() would draw them for every article
        first = MinHash(num_perm=num_perm, seed=1)
        perms = _PERMS[num_perm] = (first.permutations, getattr(first, "scheme", None))
    permutations, scheme = perms
    extra = {"scheme": scheme} if scheme else {}  # datasketch ≥ 2 wants it named
    mh = MinHash(num_perm=num_perm, seed=1, hashfunc=_crc32, permutations=permutations,
                 **extra)  # fmt: skip
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def _dice(a: np.ndarray, b: np.ndarray, min_keys: int) -> float:
    if len(a) < min_keys or len(b) < min_keys:
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return 2.0 * shared / (len(a) + len(b))


class StoryIndex:
    """Streaming story assignment: ``add(article) -> story_id``."""

    def __init__(
        self,
        options: GroupingOptions | None = None,
        prefix: str = "story",
        candidates: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        """``candidates`` (article id -> the earlier articles it may join) restricts the
        comparison: the Spark job passes, per block, the candidates the whole corpus gave
        each article, so a block's index makes the choices the one big index makes."""
        self.options = options or GroupingOptions()
        self.prefix = prefix
        self.candidates = candidates
        self._vectors = np.zeros((1024, DIM), dtype=np.float32)
        self._days = np.zeros(1024, dtype=np.int64)  # row -> day (undated: "near" everything)
        self._profiles: list[Profile] = []
        self._story_of: list[int] = []  # row -> story number
        self._members: list[list[int]] = []  # story number -> rows
        self._by_day: dict[int | None, list[int]] = {}
        self._lsh: dict[str, MinHashLSH] = {}
        self._row_of: dict[str, int] = {}

    # ------------------------------------------------------------------ public API

    def __len__(self) -> int:
        return len(self._profiles)

    def add(self, article: Article) -> str:
        """Assign one article to an existing story or start a new one; returns the story id."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article]) -> list[str]:
        """Assign articles in the given order (embedded in batches); returns their story ids."""
        out: list[str] = []
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.options.batch_size:
                out += self._add_batch(batch)
                batch = []
        if batch:
            out += self._add_batch(batch)
        return out

    def story_of(self, article_id: str) -> str:
        return self._story_id(self._story_of[self._row_of[article_id]])

    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids, in the order the stories were started."""
        return {
            self._story_id(n): [self._profiles[r].article_id for r in rows]
            for n, rows in enumerate(self._members)
        }

    # ------------------------------------------------------------------ internals

    def _story_id(self, number: int) -> str:
        """Stable: named after the story's first article, so re-runs and stores agree."""
        first = self._profiles[self._members[number][0]].article_id
        return f"{self.prefix}-{hashlib.sha1(first.encode('utf-8')).hexdigest()[:12]}"

    def _add_batch(self, articles: Sequence[Article]) -> list[str]:
        fresh = [a for a in articles if a.id not in self._row_of]
        profiles = build_profiles(fresh, self.options.lead_sentences) if fresh else []
        position = {p.article_id: i for i, p in enumerate(profiles)}
        window_rows = self._window_rows(profiles)
        window_sims = None
        if profiles and len(window_rows):
            window_sims = np.stack([p.vector for p in profiles]) @ self._vectors[window_rows].T
        out = []
        first_row = len(self._profiles)
        for article in articles:
            i = position.get(article.id)
            if i is None or article.id in self._row_of:  # the same id again: already placed
                out.append(self.story_of(article.id))
                continue
            profile = profiles[i]
            mh = self._minhash(profile) if profile.shingles else None
            near = self._near_duplicates(profile.lang, mh)
            inner = self._vectors[first_row : len(self._profiles)] @ profile.vector
            rows = np.concatenate([window_rows, np.arange(first_row, len(self._profiles))])
            cos = inner if window_sims is None else np.concatenate([window_sims[i], inner])
            if profile.day is not None and len(rows):
                days = self._days[rows]
                far = (np.abs(days - profile.day) > self.options.window_days) & (days != _UNDATED)
                cos = np.where(far, -1.0, cos)
            if self.candidates is not None:
                allowed = self.candidates.get(profile.article_id, ())
                ok = [self._profiles[r].article_id in allowed for r in rows]
                cos = np.where(np.asarray(ok, dtype=bool), cos, -1.0) if len(rows) else cos
                near = {r for r in near if self._profiles[r].article_id in allowed}
            story = self._best_story(profile, rows, cos, near)
            out.append(self._story_id(self._insert(profile, story, mh)))
        return out

    def _window_rows(self, profiles: Sequence[Profile]) -> np.ndarray:
        if not profiles or not self._profiles:
            return np.zeros(0, dtype=np.int64)
        days = {p.day for p in profiles}
        w = self.options.window_days
        wanted: set[int | None] = {None}
        if None in days:
            n = len(self._profiles)
            start = max(0, n - self.options.undated_cap)
            return np.arange(start, n, dtype=np.int64)
        for day in days:
            wanted.update(range(day - w, day + w + 1))  # type: ignore[operator]
        rows = [r for d in wanted for r in self._by_day.get(d, ())]
        return np.asarray(sorted(rows), dtype=np.int64)

    def _best_story(
        self, profile: Profile, rows: np.ndarray, cos: np.ndarray, near: set[int]
    ) -> int | None:
        opt = self.options
        candidates: dict[int, float] = {}
        if len(rows):
            keep = np.flatnonzero(cos >= opt.floor)
            if len(keep) > opt.top_k:
                keep = keep[np.argpartition(-cos[keep], opt.top_k)[: opt.top_k]]
            candidates = {int(rows[k]): float(cos[k]) for k in keep}
        for row in near:
            if row not in candidates:
                candidates[row] = float(self._vectors[row] @ profile.vector)
        best_story, best = None, opt.threshold
        for row, sim in candidates.items():
            score = self.pair_score(profile, self._profiles[row], sim, row in near)
            if score >= best:
                best_story, best = self._story_of[row], score
        return best_story

    def pair_score(self, a: Profile, b: Profile, cos: float, near_dup: bool) -> float:
        """How strongly two articles look like copies (the Spark blocking uses this too)."""
        opt = self.options
        score = cos + opt.key_weight * _dice(a.keys, b.keys, opt.min_keys)
        if near_dup and a.lang == b.lang:
            score += opt.near_dup_bonus
        if a.lead_dates and b.lead_dates and not (a.lead_dates & b.lead_dates):
            gap = min(abs(_ordinal(x) - _ordinal(y)) for x in a.lead_dates for y in b.lead_dates)
            score -= opt.near_date_penalty if gap <= 1 else opt.date_penalty
        if a.numbers and b.numbers and not (a.numbers & b.numbers):
            score -= opt.number_penalty
        if a.events and b.events and not (a.events & b.events):
            score -= opt.event_penalty
        return score

    def _minhash(self, profile: Profile) -> MinHash:
        return minhash(profile.shingles, self.options.num_perm)

    def _near_duplicates(self, lang: str, mh: MinHash | None) -> set[int]:
        lsh = self._lsh.get(lang)
        if lsh is None or mh is None:
            return set()
        return {self._row_of[k] for k in lsh.query(mh)}

    def _insert(self, profile: Profile, story: int | None, mh: MinHash | None) -> int:
        row = len(self._profiles)
        if row >= len(self._vectors):
            grown = np.zeros((2 * len(self._vectors), DIM), dtype=np.float32)
            grown[:row] = self._vectors[:row]
            self._vectors = grown
            days = np.zeros(len(grown), dtype=np.int64)
            days[:row] = self._days[:row]
            self._days = days
        self._vectors[row] = profile.vector
        self._days[row] = profile.day if profile.day is not None else _UNDATED
        self._profiles.append(profile)
        self._row_of[profile.article_id] = row
        self._by_day.setdefault(profile.day, []).append(row)
        if story is None:
            story = len(self._members)
            self._members.append([])
        self._members[story].append(row)
        self._story_of.append(story)
        if mh is not None:
            lsh = self._lsh.get(profile.lang)
            if lsh is None:
                lsh = MinHashLSH(threshold=self.options.lsh_threshold,
                                 num_perm=self.options.num_perm)
                self._lsh[profile.lang] = lsh
            lsh.insert(profile.article_id, mh)
        profile.shingles = ()  # not needed any more: keep memory flat
        profile.vector = _NO_VECTOR  # the row of self._vectors is the one copy kept
        return story


def _ordinal(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def group(
    articles: Iterable[Article],
    options: GroupingOptions | None = None,
    candidates: Mapping[str, Collection[str]] | None = None,
) -> list[Story]:
    """Group articles into stories, in publication order (then id: independent of input order)."""
    items = list(articles)
    order = sorted(range(len(items)), key=lambda i: (items[i].published or "9999", items[i].id))
    index = StoryIndex(options, candidates=candidates)
    index.add_many(items[i] for i in order)
    return [
        Story(id=sid, articles=tuple(ids), origin=None)
        for sid, ids in index.stories().items()
    ]
