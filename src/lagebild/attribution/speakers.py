"""Who a speaker mention is: pronouns and short references resolved, actor ids linked.

* A pronoun ("Er betonte …", "he said") is the most recent speaker of the last three
  sentences that fits it (er/he/she: a person), else the most recent person entity.
* A definite role noun ("der Diplomat", "the official") is the earlier speaker or source
  whose head has the same noun ("ein europäischer Diplomat, der …").
* A surname alone ("Rubio") is the earlier full name that ends with it.
* Actor ids come from the entities the actors stage found (the one overlapping the
  mention most, persons first); outlets from ``lagebild.actors`` when it offers a lookup.
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass
from typing import Any

from lagebild.attribution.sources import classify_source
from lagebild.records import Entity

log = logging.getLogger(__name__)

PERSON_PRONOUNS = {"er", "he", "she", "ihm", "him"}
ANY_PRONOUNS = {"sie", "they", "wir", "we", "ich", "i", "es", "it", "man", "beide"}
_DEFINITE = {"der", "die", "das", "the", "dieser", "diese", "this", "that"}
_WORD = re.compile(r"[\w][\w\-’']*")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str | None = None  # entity label of the mention, if any
    actor_id: str | None = None
    sent: int = 0

    @property
    def head(self) -> str:
        return re.split(r",|\s\(", self.text, maxsplit=1)[0]


def overlapping(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity that overlaps [start, end) most (persons first)."""
    best, best_key = None, (0, 0)
    for ent in entities:
        ov = min(end, ent.end) - max(start, ent.start)
        if ov <= 0:
            continue
        key = (1 if ent.label in {"PER", "PERSON"} else 0, ov)
        if key > best_key:
            best, best_key = ent, key
    return best


def norm_label(label: str | None) -> str | None:
    if label in {"PERSON", "PER"}:
        return "PER"
    if label in {"GPE", "LOC", "ORG", "NORP", "FAC"}:
        return label
    return label


def outlet_actor(name: str) -> str | None:
    """The actor id of an outlet ("CNN" → "outlet:cnn.com") from the actors stage."""
    actors = _actors()
    if actors is None:
        return None
    gaz = getattr(actors, "gazetteer", None)
    if callable(gaz):
        try:
            got = gaz().outlet(name)
        except (AttributeError, LookupError, ValueError, OSError):
            got = None
        if got:
            return str(got)
    for attr in ("outlet_id", "outlet_actor_id", "lookup_outlet"):
        fn = getattr(actors, attr, None)
        if callable(fn):
            try:
                got = fn(name)
            except (LookupError, ValueError):
                return None
            return getattr(got, "actor_id", got) if got else None
    return None


class Resolver:
    """Resolves mentions in text order; remembers the speakers it has seen."""

    def __init__(self, text: str, lang: str, entities: list[Entity]) -> None:
        self.text, self.lang = text, lang
        self.entities = sorted(entities, key=lambda e: e.start)
        self.seen: list[Mention] = []

    def mention(self, start: int, end: int, sent: int) -> Mention:
        ent = overlapping(self.entities, start, end)
        return Mention(start, end, self.text[start:end], norm_label(ent.label) if ent else None,
                       ent.actor_id if ent else None, sent)

    def resolve(self, m: Mention) -> Mention:
        """The mention this one refers to (itself when it names its referent)."""
        words = [w.lower() for w in _WORD.findall(m.head)]
        if len(words) == 1 and (words[0] in PERSON_PRONOUNS or words[0] in ANY_PRONOUNS):
            return self._pronoun(m, words[0] in PERSON_PRONOUNS)
        if len(words) == 2 and words[0] in _DEFINITE:
            for prev in reversed(self.seen):
                noun = words[1]
                head = _WORD.findall(prev.head)
                last = head[-1].lower() if head else ""
                if prev is not m and last and (last.startswith(noun[:-1]) or noun.startswith(
                        last[:-1])) and abs(len(last) - len(noun)) <= 2:
                    return prev
        if len(words) == 1 and m.text[:1].isupper():
            for prev in reversed(self.seen):
                toks = _WORD.findall(prev.head)
                if len(toks) > 1 and toks[-1].lower() == words[0]:
                    return prev
        return m

    def _pronoun(self, m: Mention, person: bool) -> Mention:
        for prev in reversed(self.seen):
            if prev.start >= m.start or m.sent - prev.sent > 3:
                continue
            if person and self.kind(prev) != "named_person":
                continue
            return prev
        people = [e for e in self.entities if e.end <= m.start and norm_label(e.label) == "PER"]
        if people:
            e = people[-1]
            return Mention(e.start, e.end, e.text, "PER", e.actor_id, m.sent)
        return m

    def kind(self, m: Mention) -> str:
        return classify_source(m.text, self.lang, m.label)

    def remember(self, m: Mention) -> None:
        self.seen.append(m)


def _actors() -> Any:
    try:
        return importlib.import_module("lagebild.actors")
    except ImportError:  # the actors stage is optional
        return None


def actor_for(m: Mention, kind: str, lang: str | None = None) -> str | None:
    """The actor id of a (resolved) mention: its entity's, else the actors module's."""
    if m.actor_id:
        return m.actor_id
    if kind == "outlet":
        return outlet_actor(m.head)
    if kind not in {"named_person", "named_org"}:
        return None
    actors = _actors()
    resolve = getattr(actors, "resolve", None) if actors else None
    if not callable(resolve):
        return None
    try:
        got = resolve(m.head, lang)
    except (LookupError, ValueError, OSError):
        log.debug("actors.resolve failed on %r", m.head, exc_info=True)
        return None
    return str(got) if got else None
