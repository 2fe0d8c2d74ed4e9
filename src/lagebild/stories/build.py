"""``build_stories``: group, then name the origin, align claims and flag drift per story."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping

from lagebild.records import Article, Drift, Story, StoryClaim
from lagebild.stories.align import align_claims, align_units, make_copies
from lagebild.stories.drift import find_drift
from lagebild.stories.grouping import GroupingOptions, group
from lagebild.stories.origin import find_origin


def _by_date(article: Article) -> tuple[str, str]:
    return (article.published or "9999-99-99", article.id)


def describe(story: Story, articles: dict[str, Article]) -> Story:
    """Fill in origin, claims, drift and title of a grouped story."""
    members = sorted((articles[a] for a in story.articles), key=_by_date)
    origin = find_origin(members)
    if origin and origin.article_id:  # the origin copy leads: it is the reference in ties
        members.sort(key=lambda a: a.id != origin.article_id)
    claims: tuple[StoryClaim, ...] = ()
    drift: tuple[Drift, ...] = ()
    if len(members) > 1:
        copies = make_copies(members)
        units = align_units(copies)
        story_claims, _ = align_claims(copies, units)
        claims = tuple(story_claims)
        drift = tuple(_link_claims(find_drift(copies, units), claims, members))
    title = next((a.title for a in members if a.title), None)
    return dataclasses.replace(story, origin=origin, claims=claims, drift=drift, title=title)


def _link_claims(
    drift: list[Drift], claims: tuple[StoryClaim, ...], members: list[Article]
) -> list[Drift]:
    """Name the story claim a drift item is about: the drifted copy's claim in its evidence."""
    by_id = {a.id: {c.id: c for c in a.claims} for a in members}
    out = []
    for d in drift:
        changed = d.articles[-1]
        evidence = d.evidence.get(changed, "")
        for sc in claims:
            claim = by_id[changed].get(sc.present_in.get(changed, ""))
            if claim and evidence and claim.evidence.text and (
                claim.evidence.text in evidence or evidence in claim.evidence.text
            ):
                d = dataclasses.replace(d, claim_id=sc.id)
                break
        out.append(d)
    return out


def build_stories(
    articles: Iterable[Article],
    options: GroupingOptions | None = None,
    candidates: Mapping[str, Collection[str]] | None = None,
) -> list[Story]:
    """Group articles into stories and describe each one (origin, claims, drift).

    ``candidates`` restricts which earlier articles each one may join (see ``StoryIndex``).
    """
    items = list(articles)
    by_id = {a.id: a for a in items}
    return [describe(story, by_id) for story in group(items, options, candidates)]
