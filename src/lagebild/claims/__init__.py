"""The ``claims`` stage: temporal expressions and claims of an article.

Requires ``text`` and (when present) ``entities``/``actors`` from the actors stage and
``attributions`` from the attribution stage; assigns ``times`` (every temporal expression,
normalised against ``published``) and ``claims`` (PLOVER event, actor, target, modality
with condition, quantity, time, evidence, attribution). Works without a parse: a spaCy
``Doc`` only contributes sentence boundaries.

Public API: :func:`claims_stage`, :func:`find_times`, :func:`export_plover`,
:func:`plover_event`.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from lagebild.claims.plover import export_plover, plover_event
from lagebild.claims.time import find_times
from lagebild.records import Article

__all__ = ["claims_stage", "export_plover", "find_times", "plover_event"]

log = logging.getLogger(__name__)


def claims_stage(article: Article, doc: Any, ctx: Any) -> Article:
    """Assign ``times`` and ``claims`` (stage contract of :mod:`lagebild.pipeline`)."""
    from lagebild.claims.extract import extract

    times = find_times(article.text, article.lang, article.published)
    claims = extract(article, doc, times)
    limit = getattr(getattr(getattr(ctx, "config", None), "limits", None), "max_claims", None)
    if limit is not None and len(claims) > limit:
        log.warning("%s: %d claims, keeping the first %d", article.id, len(claims), limit)
        claims = claims[:limit]
    return dataclasses.replace(article, times=tuple(times), claims=tuple(claims))
