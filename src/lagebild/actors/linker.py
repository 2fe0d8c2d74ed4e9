"""Link the mentions of one text to actors.

Order of work: gazetteer matches -> merge with the NER entities -> unambiguous names ->
capitals as places or states (``places.py``) ->
surnames (to the person named in full in the article, else to the only known bearer) ->
role words (titles before names, appositions after them, descriptions such as
"der ukrainische Präsident" resolved to the holder on the article's date) -> unknown people
(stable ``person:<slug>`` ids) and their later surname mentions. Whatever cannot be
resolved with confidence keeps ``actor_id = None``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from lagebild.actors import counterparts, guards, matcher, places, roles, titles
from lagebild.actors import tokens as tk
from lagebild.actors.catalog import Gazetteer, kind_of
from lagebild.actors.matcher import Mention
from lagebild.actors.state import (
    DETERMINERS,
    PARTICLES,
    TYPE_RANK,
    TextState,
    ends_in_s,
    loose_person,
)
from lagebild.records import Actor, Entity, Role

NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE",
              "NORP": "NORP", "MISC": "MISC", "OTH": "MISC", "FAC": "LOC"}
KIND_LABELS = {"person": "PER", "country": "GPE", "org": "ORG", "outlet": "ORG",
               "group": "NORP", "place": "LOC"}


def link(gaz: Gazetteer, text: str, date: str | None,
         ner: Iterable[tuple[int, int, str]] = (),
         proper: Iterable[int] | None = None, outlet: str | None = None) -> list[Mention]:
    """Mentions of ``text`` with their actor ids (None where unresolved), sorted by offset.

    ``ner`` are the NLP stage's entities (start, end, label); ``proper`` the start offsets of
    tokens its tagger calls proper nouns (None without a tagger): an unknown person from the
    NER needs two proper-noun words, so "Liter Benzin" tagged PER stays unresolved.
    """
    state = TextState(gaz, text, tk.tokenize(text), date)
    state.proper = frozenset(proper) if proper is not None else None
    state.outlet = outlet
    state.mentions = matcher.find(gaz, state.toks)
    _merge_ner(state, ner)
    guards.longer_org_names(state)
    guards.other_first_names(state)
    _resolve_names(state)
    places.decide(state)
    _resolve_short(state)
    titles.find_roles(state)
    counterparts.link(state)
    _unknown_people(state)
    guards.unknown_places(state)
    _follow_surnames(state)
    return sorted(state.mentions, key=lambda m: m.start)


# ---------------------------------------------------------------------------- NER


def _merge_ner(state: TextState, ner: Iterable[tuple[int, int, str]]) -> None:
    toks = state.toks
    starts = [t.start for t in toks]
    cover = {k: m for m in state.mentions for k in range(m.first, m.last)}
    for start, end, raw_label in ner:
        label = NER_LABELS.get(raw_label)
        if label is None:
            continue
        first = bisect.bisect_left(starts, start)
        last = first
        while last < len(toks) and toks[last].end <= end:
            last += 1
        if last == first:
            continue
        start, end = toks[first].start, toks[last - 1].end
        overlap = list({id(m): m for k in range(first, last) if (m := cover.get(k))}.values())
        ner_mention = Mention(first, last, start, end, source="ner", label=label)
        if not overlap and label != "PER" and _role_word(toks, first, last):
            continue  # "Kremlchef" tagged ORG is a role word, for the role rules
        if not overlap:
            state.add(ner_mention)
            continue
        same = [m for m in overlap if m.start == start and m.end == end]
        if same:
            m = same[0]
            m.label = label  # the gazetteer wins: small NER models call "Alaska" a person
            continue
        inside = all(start <= m.start and m.end <= end for m in overlap)
        if inside and label == "PER" and not any(
            state.kind(m) == "person" or m.genitive or ends_in_s(state, m) for m in overlap
        ) and _extra_name_words(state, first, last, overlap):
            for m in overlap:
                state.drop(m)
            state.add(ner_mention)  # "Paris Hilton" is not France
            cover.update(dict.fromkeys(range(first, last), ner_mention))
        # an organisation named after a state keeps the state's link: "US Air Force" -> USA


def _role_word(toks: list[tk.Token], first: int, last: int) -> bool:
    hit = roles.match_at(toks, first) if toks[first].is_word else None
    return hit is not None and hit[0] == last


def _extra_name_words(state: TextState, first: int, last: int, inner: list[Mention]) -> bool:
    covered = {k for m in inner for k in range(m.first, m.last)}
    toks = state.toks
    for k in range(first, last):
        t = toks[k]
        if k in covered or not t.is_word or not t.is_capital or t.key in DETERMINERS:
            continue
        joined = (k > 0 and toks[k - 1].text == "-") or (k + 1 < len(toks)
                                                           and toks[k + 1].text == "-")
        if not joined and roles.match_at(toks, k) is None:
            return True
    return False


# ---------------------------------------------------------------------------- names


def _resolve_names(state: TextState) -> None:
    for m in state.mentions:
        if m.source != "gazetteer" or m.actor_id:
            continue
        pairs = [(i, t) for i, t in zip(m.ids, m.types, strict=True) if t != "short"]
        if not pairs:
            continue
        best = min(TYPE_RANK[t] for _, t in pairs)
        top = [i for i, t in pairs if TYPE_RANK[t] == best]
        if len(top) == 1:
            m.actor_id = top[0]


def _resolve_short(state: TextState) -> None:
    full = [(m.first, m.actor_id) for m in state.mentions
            if m.actor_id and kind_of(m.actor_id) == "person"]
    for m in state.mentions:
        if m.actor_id or "short" not in m.types:
            continue
        candidates = [i for i, t in zip(m.ids, m.types, strict=True) if t == "short"]
        before = [pid for pos, pid in full if pid in candidates and pos < m.first]
        anywhere = [pid for _, pid in full if pid in candidates]
        if before:
            m.actor_id = before[-1]
        elif guards.private_surname(state, m.first, candidates):
            continue  # "Frau Lindner aus Halle", "a farmer named Harris"
        elif len(set(anywhere)) == 1:
            m.actor_id = anywhere[0]
        elif len(candidates) == 1 and not anywhere:
            m.actor_id = candidates[0]


# ---------------------------------------------------------------------------- people


def slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", tk.key(name)).strip("-")


def _unknown_people(state: TextState) -> None:
    for m in state.mentions:
        if m.actor_id or state.kind(m) != "person" or m.ids:
            continue
        if m.source == "ner" and state.proper is not None and not _trim_to_names(state, m):
            continue
        while m.last - m.first > 1 and state.toks[m.first].key in guards.HONORIFICS:
            m.first += 1  # "Mr John Powell" is John Powell; "Mr Powell" a lone surname
            m.start = state.toks[m.first].start
        words = [t for t in state.toks[m.first:m.last] if t.is_word]
        if len(words) >= 2 and all(t.is_capital or t.key in PARTICLES for t in words):
            m.actor_id = f"person:{slug(state.text[m.start:m.end])}"
            country = next((o for _, o in m.roles if o and len(o) == 3 and o.isupper()), None)
            if country:
                state.countries[m.actor_id] = country


def _trim_to_names(state: TextState, m: Mention) -> bool:
    """Cut titles and common nouns off a NER person span; too little left -> not a name."""
    toks, proper = state.toks, state.proper or frozenset()

    def is_name(k: int) -> bool:
        t = toks[k]
        if t.key in guards.HONORIFICS:
            return False  # "Mr Powell" is one surname, not a full name
        return t.start in proper or (k > 0 and toks[k - 1].text == "-") or not t.is_word

    first, last = m.first, m.last
    while first < last and not is_name(first):
        first += 1
    while last > first and not is_name(last - 1):
        last -= 1
    names = [k for k in range(first, last) if toks[k].is_word and toks[k].start in proper]
    if len(names) < 2 or any(not is_name(k) for k in range(first, last)):
        return False
    m.first, m.last, m.start, m.end = first, last, toks[first].start, toks[last - 1].end
    return True


def _follow_surnames(state: TextState) -> None:
    """A surname alone after a full name links to that person ("Kallas" after "Kaja Kallas")."""
    seen: dict[str, tuple[int, str | None]] = {}
    for m in sorted(state.mentions, key=lambda m: m.first):
        if not m.actor_id or kind_of(m.actor_id) != "person" or m.source == "role":
            continue
        words = [t for t in state.toks[m.first:m.last] if t.is_word]
        if len(words) < 2 or len(words[-1].key) < 3:
            continue
        surname = words[-1].key
        if surname in seen and seen[surname][1] != m.actor_id:
            seen[surname] = (seen[surname][0], None)  # two people share it: leave it
        else:
            seen.setdefault(surname, (m.last, m.actor_id))
    if not seen:
        return
    starting, _, _ = state.index()
    covered = {k for m in state.mentions if not loose_person(m) for k in range(m.first, m.last)}
    for t in state.toks:
        hit = seen.get(t.key)
        if hit is None and t.is_capital and t.key.endswith("s"):
            hit = seen.get(t.key[:-1])
        if hit is None or t.i in covered or not t.is_capital or t.i < hit[0]:
            continue
        ner = starting.get(t.i)
        state.add(Mention(t.i, t.i + 1, t.start, t.end, source="surname",
                                      label="PER", actor_id=hit[1]))
        if ner is not None and ner in state.mentions:
            state.drop(ner)
    for m in list(state.mentions):  # single-word NER persons now covered twice
        if m.source == "ner" and m.actor_id is None and any(
            o is not m and o.source == "surname" and o.first == m.first for o in state.mentions
        ):
            state.drop(m)


# ---------------------------------------------------------------------------- records


def records(gaz: Gazetteer, text: str, mentions: list[Mention], date: str | None
            ) -> tuple[tuple[Entity, ...], dict[str, Actor]]:
    """Entities and the actors map of DESIGN.md from linked mentions."""
    entities: list[Entity] = []
    actors: dict[str, Actor] = {}
    for m in mentions:
        kind = kind_of(m.actor_id) if m.actor_id else None
        label = KIND_LABELS.get(kind or "", m.label or "MISC")
        if kind == "country" and m.strongest in ("adj", "demonym"):
            label = "NORP"
        entities.append(Entity(m.start, m.end, text[m.start:m.end], label, m.actor_id))
        if m.actor_id is None:
            continue
        actor = actors.get(m.actor_id) or gaz.actor(m.actor_id, date) or Actor(
            text[m.start:m.end], kind or "person", _country(m), None, ())
        said = tuple(Role(r, o, date, None, "text") for r, o in m.roles)
        new = tuple(r for r in said if r not in actor.roles)
        if new:
            actor = Actor(actor.name, actor.kind, actor.country, actor.wikidata,
                          actor.roles + new)
        actors[m.actor_id] = actor
    return tuple(entities), actors


def _country(m: Mention) -> str | None:
    return next((o for _, o in m.roles if o and len(o) == 3 and o.isupper()), None)
