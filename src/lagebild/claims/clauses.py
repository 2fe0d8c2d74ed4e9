"""Sentences and clauses of an article, and the actor mentions in them.

Works on the plain text (a spaCy ``Doc`` only supplies sentence boundaries when given):
a sentence is cut into segments at punctuation and at ``dass``/``that``; a segment that is
only a zu-infinitive ("…, Sicherheit zu unterstützen") is joined to the segment it
complements. Each joined group is a :class:`Clause`, the unit a claim is read from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lagebild.records import Article

_SENT_END = re.compile(r"(?<=[.!?…])[\"“”»«]?\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9])|\n+")
_ABBREV = re.compile(r"\b(?:Dr|Prof|St|Nr|bzw|ca|vgl|z\.B|u\.a|Mr|Mrs|Ms|Gen|Sen|Rep|Gov|Jan|Feb"
                     r"|Aug|Sept|Sep|Oct|Okt|Nov|Dec|Dez|No|v\. Chr|U\.S|[A-Z])\.$")
_ORDINAL = re.compile(r"\b\d{1,2}\.$")
_MONTH = re.compile(r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
                    r"|November|Dezember)\b")
# a comma between digits ("300,000") is not a clause boundary
_SPLIT = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|[;:–—])\s*"
                    r"|\s+(?=(?:dass|that|aber|but|während|whereas|sondern)\b)")
_ZU_INF = re.compile(r"(?:\bzu\s+\w+(?:en|ern|eln)|\w+zu\w+en)\s*[.!?]?$")
_REL_START = re.compile(r"^(?:der|die|das|dem|den|deren|dessen|welche[rsnm]?|who|which)\b")
# "guarantees that do not …": "that" right before a verb starts a relative clause
_RELATIVE_THAT = re.compile(
    r"that\s+(?:do|does|did|will|would|can|could|has|have|had|is|are|was|were|may|might|must"
    r"|should|shall|\w+(?:ed|es))\b", re.IGNORECASE)
_CONTENT_START = re.compile(r"^(?:dass|that|ob|whether)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    kind: str


@dataclass
class Clause:
    start: int  # offsets into the article text
    end: int
    text: str
    sentence: tuple[int, int]
    index: int  # position in its sentence
    relative: bool = False  # starts with a relative pronoun
    content: bool = False  # a dass/that clause
    mentions: list[Mention] = field(default_factory=list)


def sentences(text: str, doc: Any = None) -> list[tuple[int, int]]:
    """Sentence spans: the Doc's when it has them, else a rule-based split."""
    if doc is not None and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if "\n" not in m.group(0) and _ABBREV.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        if _ORDINAL.search(text, max(0, m.start() - 4), m.start()) and _MONTH.match(text, m.end()):
            continue  # "zum 1. Januar": an ordinal date, not a sentence end
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return [_strip(text, s, e) for s, e in spans]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clauses(text: str, sentence: tuple[int, int]) -> list[Clause]:
    s0, s1 = sentence
    parts: list[tuple[int, int]] = []
    pos = s0
    for m in _SPLIT.finditer(text, s0, s1):
        if m.start() > pos:
            parts.append(_strip(text, pos, m.start()))
        pos = m.end()
    if pos < s1:
        parts.append(_strip(text, pos, s1))
    merged: list[list[int]] = []
    for a, b in parts:
        if b <= a:
            continue
        if merged and _ZU_INF.search(text[a:b]) and not _CONTENT_START.match(text[a:b]):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    out = []
    for i, (a, b) in enumerate(merged):
        body = text[a:b]
        content = bool(_CONTENT_START.match(body))
        relative = bool(_REL_START.match(body))
        if body[:5].lower() == "that " and _RELATIVE_THAT.match(body):
            content, relative = False, True  # "guarantees that do not …": a relative clause
        out.append(Clause(a, b, body, sentence, i, relative=relative, content=content))
    return out


def mentions(article: Article) -> list[Mention]:
    """Entities with an actor id, in text order, with the actor's kind."""
    out = []
    for e in sorted(article.entities, key=lambda e: e.start):
        if not e.actor_id:
            continue
        actor = article.actors.get(e.actor_id)
        kind = actor.kind if actor else e.actor_id.partition(":")[0]
        if kind in ("outlet", "place"):
            continue
        out.append(Mention(e.start, e.end, e.text, e.actor_id, kind))
    return out


def walk(article: Article, doc: Any = None) -> Iterator[tuple[tuple[int, int], list[Clause]]]:
    """Each sentence with its clauses, mentions attached."""
    ments = mentions(article)
    for sent in sentences(article.text, doc):
        cls = clauses(article.text, sent)
        for c in cls:
            c.mentions = [m for m in ments if c.start <= m.start < c.end]
        yield sent, cls
