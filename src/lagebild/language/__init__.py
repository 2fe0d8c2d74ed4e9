"""Language: keep a given ``lang``; otherwise detect it with py3langid.

Detection is restricted to ``config.detect_languages`` (by default the languages news in
this domain comes in), so short German texts are not taken for Luxembourgish or Dutch.
Full NLP runs for ``config.languages``; the others get the language-independent stages.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from lagebild.records import Article

__all__ = ["detect", "language_stage"]


@functools.lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(languages))
    return ident


def detect(text: str, languages: tuple[str, ...]) -> tuple[str | None, float]:
    """Most likely language among ``languages`` and its probability (None for no text)."""
    sample = text[:5000]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    lang, prob = _identifier(tuple(sorted(languages))).classify(sample)
    return lang, float(prob)


def language_stage(article: Article, doc: object, ctx: Any) -> Article:
    if article.lang:
        return dataclasses.replace(article, lang=article.lang.lower()[:2])
    lang, _ = detect(article.text, ctx.config.detect_languages)
    return dataclasses.replace(article, lang=lang)
