"""Where a story started: the outlet its copies credit, else its earliest copy."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from lagebild.records import Article, Origin
from lagebild.stories.cues import credits, is_outlet_name, outlet_aliases


def outlet_key(name: str | None) -> str:
    """``politico.com``, ``www.Politico.eu`` and ``Politico`` all give ``politico``."""
    if not name:
        return ""
    s = re.sub(r"^(https?://)?(www\.)?", "", name.lower()).split("/")[0]
    s = re.sub(r"\.(com|de|org|net|eu|co\.uk|uk|example|at|ch|fr|it)$", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def _outlet_name(actor_id: str, text: str) -> str:
    aliases = outlet_aliases()
    return aliases.get(text.lower()) or text or actor_id.removeprefix("outlet:")


def article_credits(article: Article) -> list[str]:
    """Outlets this article names as its source, in text order (attributions first)."""
    out = []
    for attribution in article.attributions:
        for source in attribution.sources:
            # "told reporters" is no credit: a linked outlet or an outlet-like name only
            if source.type == "outlet" and (
                (source.actor_id or "").startswith("outlet:") or is_outlet_name(source.text)
            ):
                out.append(_outlet_name(source.actor_id or "", source.text))
    out += [name for name, _, _ in credits(article.text)]
    if article.title:
        out += [name for name, _, _ in credits(article.title)]
    own = outlet_key(article.outlet)
    return [name for name in out if outlet_key(name) != own or not own]


def _sort_key(article: Article) -> tuple[str, str]:
    return (article.published or "9999-99-99", article.id)


def find_origin(articles: Sequence[Article]) -> Origin | None:
    """The credited outlet most copies name (ties: the earliest copy's), else the earliest copy."""
    if not articles:
        return None
    ordered = sorted(articles, key=_sort_key)
    votes: Counter[str] = Counter()
    first_seen: dict[str, tuple[int, str, str | None]] = {}
    for rank, article in enumerate(ordered):
        for name in dict.fromkeys(article_credits(article)):
            k = outlet_key(name)
            votes[k] += 1
            first_seen.setdefault(k, (rank, name, article.published))
    if votes:
        best = max(votes, key=lambda k: (votes[k], -first_seen[k][0]))
        _, name, date = first_seen[best]
        own = next((a for a in ordered if outlet_key(a.outlet) == best), None)
        return Origin(
            outlet=name,
            article_id=own.id if own else None,
            date=(own.published if own else date),
            basis="credited",
        )
    first = ordered[0]
    return Origin(outlet=first.outlet, article_id=first.id, date=first.published,
                  basis="earliest")
