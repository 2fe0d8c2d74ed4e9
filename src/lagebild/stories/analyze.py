"""Run the article pipeline (clean … claims) over raw articles before building stories."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from lagebild.records import Article, Failure

log = logging.getLogger(__name__)


def analyze_articles(articles: Sequence[Article]) -> list[Article]:
    """Articles with entities, attributions and claims; a failed one is kept as it was."""
    from lagebild.config import Config
    from lagebild.pipeline import Context, run

    ctx = Context(Config())
    out = []
    for original, result in zip(articles, run(articles, ctx), strict=True):
        if isinstance(result, Failure):
            log.warning("%s: %s (%s); kept without records", result.id, result.reason, result.code)
            out.append(original)
        else:
            out.append(result)
    return out
