"""Actors: one canonical id per person, state, organisation, group, place and outlet.

The stage :func:`actors_stage` fills ``article.entities`` (with ``actor_id``) and
``article.actors``. Other stages use the small API here:

- :func:`gazetteer` – the gazetteer of this process (loaded once): ``gazetteer().outlet("CNN")``
  -> ``"outlet:cnn.com"``, ``.kind(actor_id)``, ``.lookup(text)``, ``.actor(actor_id, date)``.
- :func:`resolve` – the actor a whole phrase names ("US-Außenminister Marco Rubio",
  "der ukrainische Präsident", "Moskau", "CNN"), or None.
- :func:`mentions` – every linked mention of a text, as :class:`lagebild.records.Entity`.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING, Any

from lagebild.actors import linker, state
from lagebild.actors import tokens as tk
from lagebild.actors.catalog import Gazetteer, gazetteer, kind_of
from lagebild.errors import LimitExceededError
from lagebild.records import Article, Entity

if TYPE_CHECKING:
    from lagebild.pipeline import Context

__all__ = ["Gazetteer", "actors_stage", "gazetteer", "kind_of", "mentions", "resolve"]

log = logging.getLogger(__name__)
RESOURCE_KEY = "actors.gazetteer"
# words a phrase may have around the name it gives: "laut dem Kreml", "told CNN"
FUNCTION_WORDS = state.DETERMINERS | state.RIGHT_LINKS | state.keys(
    "laut zufolge nach angaben gegenüber von vom zur zum im in bei mit according to told "
    "by at via in on sagte said erklärte berichtete reported"
)
# a state's government is the state: "die russische Regierung", "the Kremlin leadership"
GOVERNMENT_WORDS = state.keys(
    "Regierung Regierungen Führung Staatsführung Administration Behörden Staat Staates "
    "government administration leadership authorities state"
)
PROPER_TAGS = frozenset({"NE", "NNP", "NNPS", "FM"})  # STTS and Penn proper nouns


def _date(article: Article | None) -> str | None:
    return article.published[:10] if article is not None and article.published else None


def _ner(doc: Any) -> list[tuple[int, int, str]]:
    if doc is None:
        return []
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def _proper(doc: Any) -> list[int] | None:
    """Start offsets of the tokens the tagger calls proper nouns (None: no tagger)."""
    if doc is None or not (doc.has_annotation("POS") or doc.has_annotation("TAG")):
        return None
    return [t.idx for t in doc if t.pos_ == "PROPN" or t.tag_ in PROPER_TAGS]


def actors_stage(article: Article, doc: Any, ctx: Context) -> Article:
    """Stage ``actors``: link the doc's entities and gazetteer matches to actor ids."""
    gaz: Gazetteer = ctx.resource(RESOURCE_KEY, gazetteer)
    date = _date(article)
    if doc is not None and doc.text != article.text:
        log.warning("article %s: the doc is not of the article text; NER ignored", article.id)
        doc = None
    found = linker.link(gaz, article.text, date, _ner(doc), _proper(doc), article.outlet)
    limit = ctx.config.limits.max_entities
    if len(found) > limit:
        raise LimitExceededError(f"{len(found)} entities in one article (limit {limit})")
    entities, actors = linker.records(gaz, article.text, found, date)
    return dataclasses.replace(article, entities=entities, actors=actors)


def mentions(text: str, lang: str | None = None, article: Article | None = None,
             doc: Any = None) -> list[Entity]:
    """All mentions in ``text`` with their actor ids (dates from ``article``)."""
    gaz = gazetteer()
    outlet = article.outlet if article is not None else None
    found = linker.link(gaz, text, _date(article), _ner(doc), _proper(doc), outlet)
    return list(linker.records(gaz, text, found, _date(article))[0])


def resolve(text: str, lang: str | None = None, article: Article | None = None) -> str | None:
    """The actor id the whole of ``text`` names, or None when unsure.

    ``text`` is a name, a title with a name, a description or a metonym, e.g. "Selenskyj",
    "US-Außenminister Marco Rubio", "der ukrainische Präsident" (the holder on the
    article's date), "dem Kreml", "laut CNN", "die russische Regierung". Function words,
    titles and government nouns around the name are allowed; other content words make it
    None ("ein europäischer Diplomat", "US-Beamte", "die Sicherheitsberater Europas").
    ``article`` adds the article's date and the people it already names (for surnames).
    """
    gaz = gazetteer()
    toks = tk.tokenize(text.strip())
    while toks and toks[0].key in FUNCTION_WORDS:
        toks = toks[1:]
    if not toks:
        return None
    core = text.strip()[toks[0].start:]
    exact = gaz.lookup(core)
    if len(exact) == 1:
        return exact[0]
    if article is not None:
        for entity in article.entities:
            if entity.actor_id and tk.key(entity.text) == tk.key(core):
                return entity.actor_id
    known = _article_people(article)
    phrase = text.strip()  # with its determiner: "der Sprecher" is one person
    outlet = article.outlet if article is not None else None
    found = linker.link(gaz, (known + "\n" if known else "") + phrase, _date(article),
                        outlet=outlet)
    offset = len(known) + 1 if known else 0
    found = [m for m in found if m.start >= offset]
    toks = tk.tokenize(phrase)
    covered = {t.i for m in found for t in toks
               if m.start - offset <= t.start and t.end <= m.end - offset}
    persons = {m.actor_id for m in found if m.actor_id and kind_of(m.actor_id) == "person"}
    ids = {m.actor_id for m in found}
    titled = any(_is_title(toks, t.i) for t in toks if t.i not in covered)
    rest = [t for t in toks if t.i not in covered and t.is_word
            and t.key not in FUNCTION_WORDS and not _is_title(toks, t.i)
            and not (t.key in GOVERNMENT_WORDS and not persons)]
    if rest:
        return None
    if len(persons) == 1:
        return persons.pop()
    if len(ids) == 1 and not persons and not titled:
        return ids.pop()
    return None


def _is_title(toks: list[tk.Token], i: int) -> bool:
    from lagebild.actors import roles

    for start in range(max(0, i - 3), i + 1):
        hit = roles.match_at(toks, start)
        if hit and start <= i < hit[0]:
            return True
    return toks[i].key in roles.QUALIFIERS


def _article_people(article: Article | None) -> str:
    """The full names an article gives, so that a bare surname can be resolved against them."""
    if article is None:
        return ""
    names = [e.text for e in article.entities
             if e.actor_id and kind_of(e.actor_id) == "person" and " " in e.text]
    return " ; ".join(dict.fromkeys(names))
