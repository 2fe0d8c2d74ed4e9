"""Fixtures for the claims tests: Articles built by hand, a tiny gazetteer standing in for
the actors stage (so the claims logic is tested in isolation)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from lagebild.records import Actor, Article, Entity

GAZETTEER: dict[str, tuple[str, str, str]] = {
    # surface pattern: (actor id, kind, label)
    r"Marco Rubio|Rubio": ("person:marco-rubio", "person", "PER"),
    r"Donald Trump|Trumps?|Trump-Administration": ("person:donald-trump", "person", "PER"),
    r"Wolodymyr Selenskyj|Selenskyj|Zelensky|Selenskyjs": ("person:volodymyr-zelensky", "person",
                                                            "PER"),
    r"Boris Pistorius|Pistorius": ("person:boris-pistorius", "person", "PER"),
    r"die USA|der USA|den USA|USA|US|Vereinigten Staaten|United States|the US|Washington"
    r"|amerikanische\w*|American": ("country:USA", "country", "LOC"),
    r"Ukraine|Kiew|Kyiv|ukrainische\w*|Ukrainian": ("country:UKR", "country", "LOC"),
    r"Russland|Moskau|Moskaus|Russia|Moscow|Kreml|Kremlin": ("country:RUS", "country", "LOC"),
    r"Türkei|Turkey|Ankara": ("country:TUR", "country", "LOC"),
    r"Deutschland|Berlin|deutsche\w*|Germany|German": ("country:DEU", "country", "LOC"),
    r"Frankreichs|Frankreich|France|Paris": ("country:FRA", "country", "LOC"),
    r"Europa|Europas|Europäer|europäische\w*|Europe|Europeans|European": ("group:europe", "group",
                                                                         "LOC"),
    r"Verbündete\w*|Alliierte\w*|allies": ("group:allies", "group", "ORG"),
    r"NATO|Nato": ("org:NATO", "org", "ORG"),
    r"EU|Europäischen Union|European Union": ("org:EU", "org", "ORG"),
    r"China|Peking|Beijing": ("country:CHN", "country", "LOC"),
    r"Iran|Teheran|Tehran": ("country:IRN", "country", "LOC"),
    r"Polen|Poland|Warschau|Warsaw": ("country:POL", "country", "LOC"),
}
_RX = re.compile("|".join(f"(?P<g{i}>\\b(?:{p})\\b)" for i, p in enumerate(GAZETTEER)))
_IDS = list(GAZETTEER.values())


def tag(text: str) -> tuple[tuple[Entity, ...], dict[str, Actor]]:
    ents, actors = [], {}
    for m in _RX.finditer(text):
        i = int(next(k for k, v in m.groupdict().items() if v)[1:])
        actor_id, kind, label = _IDS[i]
        ents.append(Entity(m.start(), m.end(), m.group(0), label, actor_id))
        actors[actor_id] = Actor(actor_id.split(":")[1], kind)
    return tuple(ents), actors


def article(text: str, published: str | None = "2025-08-22", lang: str = "de",
            id: str = "t") -> Article:
    ents, actors = tag(text)
    return Article(id=id, url=None, outlet=None, lang=lang, title=None, published=published,
                   text=text, entities=ents, actors=actors)


@pytest.fixture
def make_article() -> Callable[..., Article]:
    return article
