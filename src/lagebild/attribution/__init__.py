"""Attributions: every quote and reported statement, its speaker and its chain of sources.

The stage :func:`attribution_stage` (``article, doc, ctx -> Article``) assigns
``article.attributions``. :mod:`.frames` finds content, cue and speaker mention by rules
over the Doc (the dependency parse and ``Mood=Sub`` are used when the model has them, the
word order otherwise); :mod:`.speakers` resolves pronouns and short references and links
actor ids through ``article.entities``; :mod:`.sources` types each source.

The chain of sources (nearest first, as in DESIGN.md): the according-to phrase of the
sentence ("so ein europäischer Diplomat"), which also covers the statements just before it
by the same speaker in the same paragraph; then an outlet the statement was told to ("told
CNN"), or, for anonymous sources, an outlet the article credits elsewhere ("berichtete CNN").
With no intermediary the speaker is the source.

**Unattributed**: a sentence that no attribution covers gets an ``unattributed`` record
(form ``reported``, no cue, no speaker) when it is claim-like: a declarative sentence (ends
in "." or "!"), at least five words, not a heading, question or imperative, and – when the
Doc is tagged – with a verb. Background the outlet states on its own is thus visible as such.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from typing import Any

from lagebild.attribution.frames import Finder, Found
from lagebild.attribution.sources import classify_source
from lagebild.attribution.speakers import Mention, Resolver, actor_for, outlet_actor
from lagebild.records import Article, Attribution, Entity, Source, Span, Speaker

log = logging.getLogger(__name__)

__all__ = ["attribution_stage", "classify_source", "extract"]

_ANON = {"anonymous_official", "anonymous_diplomat", "anonymous_sources"}


def _blank(lang: str) -> Any:
    import spacy

    nlp = spacy.blank(lang if lang in {"de", "en"} else "xx")
    nlp.add_pipe("sentencizer")
    return nlp


def _doc_entities(doc: Any) -> list[Entity]:
    return [Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]


def attribution_stage(article: Article, doc: Any, ctx: Any) -> Article:
    """Assign ``attributions`` to the article (see the module doc)."""
    lang = "de" if (article.lang or "de").startswith("de") else "en"
    if doc is None or doc.text != article.text:
        nlp = ctx.resource(f"attribution.blank.{lang}", lambda: _blank(lang))
        doc = nlp(article.text)
    return dataclasses.replace(article, attributions=tuple(extract(article, doc, lang)))


def extract(article: Article, doc: Any, lang: str) -> list[Attribution]:
    """The attributions of ``article`` from its Doc (``doc.text == article.text``)."""
    finder = Finder(doc, lang)
    found = finder.run()
    entities = list(article.entities) or _doc_entities(doc)
    resolver = Resolver(article.text, lang, entities)
    items = [_resolve(f, resolver) for f in found]
    _propagate(items, article.text)
    credited = _credited_outlets(items)
    out: list[Attribution] = []
    for f, spk, chain in items:
        sources = chain
        if sources and credited and sources[-1].type in _ANON:
            sources = [*sources, credited[0]]
        if spk is None:
            sources = [Source(article.outlet or "", "unattributed",
                              outlet_actor(article.outlet) if article.outlet else None)]
        out.append(_record(f, spk, sources, article.text))
    out.extend(_unattributed(finder, found, article))
    out.sort(key=lambda a: (a.content.start, a.content.end))
    return [dataclasses.replace(a, id=f"t{k}") for k, a in enumerate(out, 1)]


Item = tuple[Found, Speaker | None, list[Source]]


_AUDIENCE = re.compile(
    r"\b(?:reporters?|journalists?|the\s+press|the\s+media|Journalist\w*|Reporter\w*"
    r"|Presse(?:vertretern)?|Medien(?:vertretern)?)\b", re.IGNORECASE)


def _source(m: Mention, resolver: Resolver) -> Source:
    kind = resolver.kind(m)
    return Source(m.text, kind, actor_for(m, kind, resolver.lang))  # type: ignore[arg-type]


def _resolve(f: Found, resolver: Resolver) -> Item:
    speaker, own = None, None
    if f.speaker:
        ref = resolver.resolve(resolver.mention(*f.speaker, f.sent))
        resolver.remember(ref)
        kind = resolver.kind(ref)
        speaker = Speaker(ref.text, actor_for(ref, kind, resolver.lang), ref.start, ref.end)
        own = Source(ref.text, kind, speaker.actor_id)  # type: ignore[arg-type]
    inter: list[Source] = []
    told: list[Source] = []
    for start, end, how in f.sources:
        ref = resolver.resolve(resolver.mention(start, end, f.sent))
        resolver.remember(ref)
        src = _source(ref, resolver)
        if speaker and src.text == speaker.text:
            continue
        if how == "told" and (src.type != "outlet" or _AUDIENCE.search(src.text)):
            continue  # "told reporters", "gegenüber Journalisten": an audience, not a source
        (told if how == "told" else inter).append(src)
    if f.rule == "according" or not inter:
        inter = [own] if own else []
    return f, speaker, inter + told


def _para(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _propagate(items: list[Item], text: str) -> None:
    """A sentence-final "so X" also sources the same speaker's statements just before it."""
    for k, (f, spk, chain) in enumerate(items):
        if spk is None or f.rule == "according" or all(h != "according" for *_, h in f.sources):
            continue
        para = _para(text, f.start)
        for j in range(k - 1, -1, -1):
            g, gspk, _ = items[j]
            if _para(text, g.start) != para or gspk is None:
                break
            if (gspk.actor_id or gspk.text) != (spk.actor_id or spk.text):
                break
            if not g.sources:
                items[j] = (g, gspk, list(chain))


_GENERIC_OUTLET = {"zeitung", "sender", "medien", "media", "newspaper", "magazin", "blatt",
                   "reporter", "reporterin", "broadcaster", "agentur", "nachrichtenagentur"}


def _credited_outlets(items: list[Item]) -> list[Source]:
    """Outlets the article names as a source ("berichtete CNN"); generic ones don't count,
    nor an outlet someone spoke to ("told the BBC": it follows the speaker in the chain)."""
    out = []
    for _, _, chain in items:
        for s in chain[:1]:
            words = [w for w in s.text.split() if w[:1].isupper()]
            if s.type == "outlet" and any(w.lower().strip("„“\"") not in _GENERIC_OUTLET
                                          for w in words):
                out.append(s)
    return out


def _record(f: Found, spk: Speaker | None, sources: list[Source], text: str) -> Attribution:
    a, b = f.content[0][0], f.content[-1][1]
    cue = Span(f.cue[0], f.cue[1], text[f.cue[0] : f.cue[1]]) if f.cue else None
    return Attribution("t0", f.form, cue, Span(a, b, text[a:b]), spk,  # type: ignore[arg-type]
                       tuple(sources))


def _claim_like(finder: Finder, a: int, b: int) -> bool:
    toks = finder.toks[a:b]
    words = [t for t in toks if t.is_alpha]
    if len(words) < 5 or toks[-1].text not in {".", "!"}:
        return False
    if len(toks) > 1 and toks[1].text in {"Sie", "you"} and toks[0].pos_ != "PRON":
        return False  # "Erfahren Sie mehr …", imperative
    if finder.doc.has_annotation("POS"):
        return any(t.pos_ in {"VERB", "AUX"} for t in toks)
    return True


def _unattributed(finder: Finder, found: list[Found], article: Article) -> list[Attribution]:
    covered = [(c[0], c[1]) for f in found for c in f.content]
    covered += [f.cue for f in found if f.cue] + [f.speaker for f in found if f.speaker]
    out = []
    outlet = article.outlet or ""
    for s in finder.sents:
        a, b = finder.chars(s.start, s.end)
        if any(x < b and a < y for x, y in covered) or not _claim_like(finder, s.start, s.end):
            continue
        src = Source(outlet, "unattributed", outlet_actor(outlet) if outlet else None)
        out.append(Attribution("t0", "reported", None, Span(a, b, article.text[a:b]), None,
                               (src,)))
    return out
