"""Gazetteer rules for German NER: places (LOC), their adjectives (LOCderiv), persons (PER).

The statistical NER of the shipped pipeline learnt from ~4,000 sentences; it misses
country and city names it has not seen, their adjectives ("kubanische",
"tschechisch-polnische") and unseen persons. ``lagebild_de_gazetteer`` runs after ``ner``
and only adds an entity where the model found none (it never overrides the model):
a listed place name, an adjective from a listed stem, or a listed given name followed by
capitalised words ("Volker Leienbach"). The lists (``data/*.txt``) were written for
lagebild.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

FACTORY = "lagebild_de_gazetteer"
DATA = Path(__file__).parent / "data"
ENDINGS = ("", "e", "en", "er", "es", "em")
MAX_NAME_TOKENS = 3
MAX_SURNAME_TOKENS = 3
NAME_PARTICLES = {"von", "van", "de", "der", "da", "di", "del", "zu", "bin", "al", "ibn"}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: frozenset[tuple[str, ...]]
    stems: frozenset[str]
    given: frozenset[str]
    first_words: frozenset[str]  # first word of each name, also with a genitive -s


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    names, stems = set(), set()
    for line in (DATA / "de_places.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, stem = line.partition("|")
        names.add(tuple(name.split()))
        if stem.strip():
            stems.add(stem.strip())
    given = {line.strip() for line in (DATA / "first_names.txt").read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    first = {n[0] for n in names} | {n[0] + "s" for n in names if len(n) == 1}
    return Gazetteer(frozenset(names), frozenset(stems), frozenset(given), frozenset(first))


def is_place_adjective(word: str, stems: frozenset[str]) -> bool:
    """"russische", "Russischen", "tschechisch-polnische" → True."""
    lower = word.lower()
    if "sch" not in lower and "lich" not in lower:  # every stem ends in -isch/-sch/-lich
        return False
    return any(_adjective_part(part, stems) for part in lower.split("-"))


def _adjective_part(part: str, stems: frozenset[str]) -> bool:
    for ending in ENDINGS:
        if ending and not part.endswith(ending):
            continue
        if part[: len(part) - len(ending)] in stems:
            return True
    return False


def _name_at(doc: Doc, i: int, names: frozenset[tuple[str, ...]]) -> int:
    """Length in tokens of a place name starting at token ``i`` (0: none)."""
    for size in range(MAX_NAME_TOKENS, 0, -1):
        words = tuple(t.text for t in doc[i : i + size])
        if len(words) < size:
            continue
        if words in names:
            return size
        last = words[-1]
        if last.endswith("s") and (*words[:-1], last[:-1]) in names:  # genitive
            return size
    return 0


def _person_at(doc: Doc, i: int, given: frozenset[str], taken: list[bool]) -> int:
    """Length of "Given [von] Surname" starting at ``i`` (0: none)."""
    if doc[i].text not in given:
        return 0
    end = i + 1
    while end < len(doc) and end - i <= MAX_SURNAME_TOKENS and not taken[end]:
        word = doc[end].text
        capitalised = word[:1].isupper() and (doc[end].is_alpha or "-" in word)
        particle = (word in NAME_PARTICLES and end + 1 < len(doc)
                    and doc[end + 1].text[:1].isupper())
        if not (capitalised or particle):
            break
        end += 1
    while end > i + 1 and doc[end - 1].text in NAME_PARTICLES:
        end -= 1
    return end - i if end > i + 1 else 0


def add_entities(doc: Doc) -> Doc:
    from spacy.tokens import Span

    gaz = gazetteer()
    taken = [False] * len(doc)
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            taken[k] = True
    found: list[Span] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        size = _name_at(doc, i, gaz.names) if tok.text in gaz.first_words and not taken[i] else 0
        if size and not any(taken[i : i + size]):
            found.append(Span(doc, i, i + size, label="LOC"))
            i += size
            continue
        size = 0 if taken[i] else _person_at(doc, i, gaz.given, taken)
        if size:
            found.append(Span(doc, i, i + size, label="PER"))
            i += size
            continue
        if not taken[i] and tok.pos_ not in {"PROPN"} and is_place_adjective(tok.text, gaz.stems):
            found.append(Span(doc, i, i + 1, label="LOCderiv"))
        i += 1
    if found:
        doc.ents = sorted([*doc.ents, *found], key=lambda s: s.start)
    return doc


def add_to(nlp: Language) -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.component(FACTORY, assigns=["doc.ents"], func=add_entities)
    if FACTORY not in nlp.pipe_names:
        where = {"after": "ner"} if "ner" in nlp.pipe_names else {"last": True}
        nlp.add_pipe(FACTORY, **where)
