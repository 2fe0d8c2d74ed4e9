"""What the linker knows about one text while it works: tokens, mentions, word lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.actors import tokens as tk
from lagebild.actors.catalog import TYPES, Gazetteer, kind_of
from lagebild.actors.matcher import Mention


def keys(words: str) -> frozenset[str]:
    """The match keys of space-separated words."""
    return frozenset(tk.key(w) for w in words.split())


DETERMINERS = keys("der die das den dem des ein eine einer einen einem eines the a an")
# words between a person and an apposition that names their role
GLUE = keys(", der die who is was also auch als as zugleich gleichzeitig serves serving "
             "currently derzeit zudem ist war the now inzwischen mittlerweile nun jetzt "
             "bereits - – ( seit")
GLUE_NEEDS = keys(", als as ( - –")
RIGHT_LINKS = keys("der des von of aus from for für")
NAME_STOP = keys(
    "Der Die Das Den Dem Des Ein Eine Einer Am Im In Auf Mit Nach Bei Und Oder Aber Laut "
    "Zum Zur Vom Von Für Über Unter Vor Nach Seit Als Wie Wenn Dass Es Er Sie Wir Ich Man "
    "The A An In On At And But For Of To From With By As It He She They We This That "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday Januar Februar März April Mai Juni Juli August September "
    "Oktober November Dezember January February March June July October December "
    "Regierung Ministerium Government Ministry Nachrichtenagentur Agentur"
)
# determiners before a German noun that is singular and plural alike ("der/die Berater")
SINGULAR = keys("der des dem den ein einen einem eines einer sein seinen seinem ihr ihren "
                 "ihrem dessen deren unser unseren the a an its his her")
INDEFINITE = keys("ein eine einer einen einem eines a an another ein weiterer weitere "
                   "mehrere several some einige")
PARTICLES = keys("al el bin van de da")
TYPE_RANK = {t: n for n, t in enumerate(TYPES)}
MODIFIER_KINDS = ("country", "org", "group", "place")


@dataclass(slots=True)
class TextState:
    gaz: Gazetteer
    text: str
    toks: list[tk.Token]
    date: str | None
    mentions: list[Mention] = field(default_factory=list)
    countries: dict[str, str] = field(default_factory=dict)  # unknown person id -> ISO3
    proper: frozenset[int] | None = None  # offsets of proper-noun tokens, if tagged
    outlet: str | None = None  # the article's outlet (domain): whose "Bundeskanzler"

    _index: tuple[dict[int, Mention], dict[int, Mention], set[int]] | None = None

    def index(self) -> tuple[dict[int, Mention], dict[int, Mention], set[int]]:
        """Mentions by first token, by last token, and the covered tokens (cached)."""
        if self._index is None:
            starting = {m.first: m for m in self.mentions}
            ending = {m.last - 1: m for m in self.mentions}
            covered = {k for m in self.mentions for k in range(m.first, m.last)}
            self._index = (starting, ending, covered)
        return self._index

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self._index = None

    def drop(self, mention: Mention) -> None:
        self.mentions.remove(mention)
        self._index = None

    def kind(self, mention: Mention) -> str | None:
        if mention.actor_id:
            return kind_of(mention.actor_id)
        if mention.ids:
            return kind_of(mention.ids[0])
        return "person" if mention.label == "PER" else None


def ends_in_s(state: TextState, m: Mention) -> bool:
    last = state.toks[m.last - 1]
    return kind_of(m.actor_id or "") == "country" and last.text.endswith("s") and \
        m.strongest in ("name", "metonym") and last.key not in ("usa", "us")



def loose_person(m: Mention) -> bool:
    return m.source == "ner" and m.actor_id is None and m.label == "PER" and m.last - m.first == 1
