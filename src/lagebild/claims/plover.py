"""PLOVER view of claims, and ``export_plover`` (``lagebild export --format plover``).

Claims keep the event that is said to happen plus its modality ("the USA will provide
guarantees": SUPPORT, future). PLOVER codes the speech act instead: an intent to
cooperate is AGREE, an announced hostile act is THREATEN, a refused cooperative act is
REJECT. :func:`plover_event` makes that mapping; the export and ``lagebild eval events``
use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from lagebild import PIPELINE_VERSION
from lagebild.records import Article, Claim

COOPERATIVE = {"SUPPORT", "COOPERATE", "AID", "CONSULT", "CONCEDE", "RETREAT", "AGREE"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
# event types whose PLOVER definition has modes (PLOVER 2021 codebook)
MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("phone", "visit", "third-party"),
    "ACCUSE": ("allege", "disapprove", "investigate"),
    "REJECT": ("assist", "change", "meet", "yield"),
    "REQUEST": ("assist", "change", "meet", "yield"),
    "THREATEN": ("ban", "expel", "political", "relations", "restrict", "territory", "violence"),
    "PROTEST": ("boycott", "demo", "hunger", "obstruct", "riot"),
    "SANCTION": ("discontinue", "expel", "withdraw"),
    "MOBILIZE": ("police", "troops"),
    "COERCE": ("arrest", "ban", "curfew", "deport", "martial-law", "restrict", "seize"),
    "ASSAULT": ("abduct", "assassinate", "beat", "cleansing", "explosives", "firearms",
                "heavy-weapons", "massacre", "seize", "sexual", "suicide-attack", "torture",
                "unconventional"),
    "RETREAT": ("access", "ceasefire", "disarm", "ease", "release", "return", "withdraw"),
}
_THREAT_MODE = {"SANCTION": "relations", "COERCE": "restrict", "ASSAULT": "violence",
                "MOBILIZE": "violence", "PROTEST": "political"}


def plover_event(claim: Claim) -> tuple[str, str | None]:
    """The PLOVER (event, mode) of a claim: intent → AGREE/THREATEN, refusal → REJECT."""
    event, mode = claim.event_type, claim.mode
    if claim.modality in ("future", "conditional"):
        if event in COOPERATIVE:
            return "AGREE", None
        if event in HOSTILE:
            return "THREATEN", _THREAT_MODE.get(event)
    if claim.modality == "negated" and event in COOPERATIVE:
        return "REJECT", "assist" if event in ("AID", "SUPPORT", "COOPERATE") else None
    if mode is not None and mode not in MODES.get(event, ()):
        mode = None
    return event, mode


def _actor(article: Article, actor_id: str | None) -> list[dict[str, Any]]:
    if not actor_id:
        return []
    actor = article.actors.get(actor_id)
    return [{"actorText": actor.name if actor else actor_id, "code": actor_id,
             "wikidata": actor.wikidata if actor else None}]


def plover_record(article: Article, claim: Claim) -> dict[str, Any]:
    event, mode = plover_event(claim)
    when = claim.time.resolved if claim.time and claim.time.granularity == "day" else None
    return {
        "id": f"{article.id}-{claim.id}",
        "date": (when or article.published or "")[:10] or None,
        "source": _actor(article, claim.actor_id),
        "target": _actor(article, claim.target_id),
        "event": event,
        "mode": mode,
        "eventText": claim.cue,
        "modality": claim.modality,
        "condition": claim.condition,
        "size": claim.quantity.value if claim.quantity else None,
        "text": claim.evidence.text,
        "language": article.lang,
        "publication": article.outlet,
        "url": article.url,
        "coder": f"lagebild {PIPELINE_VERSION}",
        "version": "PLOVER 2021",
    }


def export_plover(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """One PLOVER-style JSON record per claim of each article."""
    for article in articles:
        for claim in article.claims:
            yield plover_record(article, claim)
