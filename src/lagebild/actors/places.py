"""Capitals as places or as their state: "in Paris" is a city, "Paris erklärte" is France.

A capital's name is two aliases at once: the city (``place:paris``, a place entry with a
``country``) and a metonym of the state's government (``country:FRA``; "Brüssel" of the
EU). News text uses the metonym when the city *acts* (says, rejects, demands) and the place
when something happens *there* or someone travels *to* or *from* it. The choice is made from
the words around the name; without such a cue the metonym stays, because a bare capital as
subject or object of a political verb is far more often the government.
"""

from __future__ import annotations

from lagebild.actors import tokens as tk
from lagebild.actors.catalog import kind_of
from lagebild.actors.matcher import Mention
from lagebild.actors.state import TextState, keys

# prepositions after which a city is where something is or happens
LOCATIVE = keys("in nach bei nahe nächst bis gen at near outside across around through into "
                "toward towards via throughout inside")
# prepositions that need a motion word nearby to mean the place ("aus Moskau zurückgekehrt")
SOURCE = keys("aus von from to")
MOTION = keys(
    "zurück zurückgekehrt zurückgekehrten angereist abgereist heimgekehrt eingeflogen "
    "eingetroffen reiste reisten reist gereist flog flogen fliegt geflogen "
    "fuhr fuhren gefahren evakuiert Rückkehr Reise Flug Flüge Zug Besuch Anreise Abreise "
    "returned return returning flew fly flies flying flight flights travel travelled traveled "
    "travelling traveling trip trips journey went go goes going arrived arrive "
    "arriving headed heading heads visit visits moved move evacuated route road train drove "
    "drive sailed moving moves relocated flown been back"
)
# nouns after which a city name is the city: "die Hauptstadt Kiew", "the city of London"
CITY_NOUNS = keys(
    "Hauptstadt Stadt Metropole Großstadt Millionenstadt Region Raum Umgebung Gebiet Großraum "
    "Innenstadt Zentrum Vororte Vororten Stadtrand Straßen Bürgermeister Bürgermeisterin "
    "Einwohner Bewohner Nähe Flughafen Universität Museum Hafen Bahnhof Zoo university museum "
    "vicinity capital city town metropolis region area outskirts suburbs "
    "streets centre center heart mayor residents skies sky airport downtown"
)
# verbs whose object is the city itself, physically: "Drohnen griffen Kiew an"
PHYSICAL = keys(
    "griff griffen beschoss beschossen bombardierte bombardierten erschütterte erschütterten "
    "überzog überzogen besuchte besuchten besucht erreichte erreichten verließ verließen "
    "attacked struck shelled bombed rocked pounded hit visited visiting visit left leaving "
    "reached reaching toured"
)
# "die Regierung in Kyjiw" is the government: the city names whose
GOVERNS = keys("Regierung Führung Machthaber Staatsführung Regime Kreml government leadership "
               "regime rulers authorities Behörden")
ATTACKS = keys("attack attacks strike strikes assault offensive bombing raid raids shelling "
               "Angriff Angriffe Angriffen Luftangriff Luftangriffe Raketenangriff "
               "Raketenangriffe Drohnenangriff Drohnenangriffe Offensive Vormarsch")
ARTICLES = keys("the a")  # not "an": German "der Brief an Moskau"
COORD = keys("und and oder or sowie , bzw")
LINKS = keys("von of der des the")


def decide(state: TextState) -> None:
    """Choose between the city and the state for every capital mention (see module doc)."""
    places: list[Mention] = []
    for m in sorted(state.mentions, key=lambda m: m.first):
        city, other = _readings(m)
        if city is None or other is None:
            continue
        place = _place_context(state, m) or _coordinated(state, m, places)
        m.actor_id = city if place else other
        if place:
            places.append(m)


def _readings(m: Mention) -> tuple[str | None, str | None]:
    """The city id and the metonym id a mention can have (None where it has not both)."""
    if m.source != "gazetteer":
        return None, None
    city = next((i for i in m.ids if kind_of(i) == "place"), None)
    other = next((i for i, t in zip(m.ids, m.types, strict=True)
                  if t == "metonym" and kind_of(i) != "place"), None)
    return city, other


def _before(state: TextState, m: Mention, n: int) -> list[tk.Token]:
    return [t for t in state.toks[max(0, m.first - n):m.first]]


MONTHS = keys("Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March "
              "April June July August September October November December Januar Februar "
              "März Juni Juli Oktober Dezember")


def _dateline(state: TextState, m: Mention) -> bool:
    """ "BERLIN, Oct 16 -", "Kiew (dpa) -": where the report was filed."""
    toks, text = state.toks, state.text
    if m.first > 0 and "\n" not in text[toks[m.first - 1].end:m.start]:
        return False
    if m.last >= len(toks):
        return False
    after = toks[m.last]
    nxt = toks[m.last + 1] if m.last + 1 < len(toks) else None
    caps = all(t.text.isupper() for t in toks[m.first:m.last] if t.is_word)
    dated = after.text == "," and nxt is not None and (nxt.key in MONTHS or nxt.text.isdigit())
    return after.text == "(" or dated or (caps and after.text in ",-–—")


def _place_context(state: TextState, m: Mention) -> bool:
    toks = state.toks
    if _dateline(state, m):
        return True
    if m.first == 0:
        return False
    prev = toks[m.first - 1]
    if prev.key in LOCATIVE and not m.genitive:
        return not (m.first >= 2 and toks[m.first - 2].key in GOVERNS)
    if prev.key == "um" and m.first >= 2 and toks[m.first - 2].key in keys("rund und"):
        return True  # "rund um Kiew", "in und um Kiew"
    clause = _clause_before(state, m, 4)
    if any(t.key in PHYSICAL for t in clause):
        return True  # "Drohnen griffen in der Nacht Kiew an"
    if prev.key in keys("auf on") and m.first >= 2 and toks[m.first - 2].key in ATTACKS:
        return True  # "Angriffe auf Kiew", "strikes on Kyiv"
    if prev.key in ARTICLES and m.last < len(toks) and toks[m.last].is_word \
            and toks[m.last].key not in GOVERNS:
        return True  # attributive: "the Moscow summit", not "the Kyiv government"
    if _with_own_country(state, m):
        return True  # "Warsaw, Poland"
    window = _before(state, m, 4) + toks[m.last:m.last + 4]
    if prev.key in SOURCE and any(t.key in MOTION for t in window):
        return True
    if prev.key in SOURCE and _then_to(state, m):
        return True  # "von Berlin nach Washington"
    if prev.key in keys("to nach") and any(t.key in keys("from von aus") for t in clause):
        return True  # "from Berlin to Madrid"
    k = m.first - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1  # "the Romanian capital, Bucharest"
    if k >= 0 and toks[k].key in LINKS:
        k -= 1
    if k >= 0 and toks[k].key == "the":
        k -= 1
    if k >= 0 and toks[k].key in CITY_NOUNS:
        return True
    after = toks[m.last] if m.last < len(toks) else None
    nxt = toks[m.last + 1] if m.last + 1 < len(toks) else None
    if after is not None and after.key in CITY_NOUNS and m.genitive:
        return True  # "Kiews Bürgermeister"
    return after is not None and after.text == "'" and nxt is not None and nxt.key == "s" \
        and m.last + 2 < len(toks) and toks[m.last + 2].key in CITY_NOUNS  # "London's mayor"


def _clause_before(state: TextState, m: Mention, n: int) -> list[tk.Token]:
    """Up to ``n`` words before the mention, not across punctuation."""
    out: list[tk.Token] = []
    k = m.first - 1
    while k >= 0 and len(out) < n and state.toks[k].is_word:
        out.append(state.toks[k])
        k -= 1
    return out


def _with_own_country(state: TextState, m: Mention) -> bool:
    toks = state.toks
    if m.last >= len(toks) or toks[m.last].text != ",":
        return False
    city = next((i for i in m.ids if kind_of(i) == "place"), None)
    entry = state.gaz.get(city) if city else None
    starting, _, _ = state.index()
    after = starting.get(m.last + 1)
    return entry is not None and after is not None and f"country:{entry.country}" in after.ids


def _then_to(state: TextState, m: Mention) -> bool:
    toks = state.toks
    k = m.last
    return k + 1 < len(toks) and toks[k].key in keys("nach to") and toks[k + 1].is_capital


def _coordinated(state: TextState, m: Mention, places: list[Mention]) -> bool:
    """"in Paris und Berlin": a city joined to a city that is a place is a place too."""
    k = m.first - 1
    if k < 0 or state.toks[k].key not in COORD:
        return False
    if any(p.last == k for p in places):
        return True
    # a place that is only a place ("in Istanbul und Moskau") after a locative preposition
    before = next((o for o in state.mentions if o.last == k and o.actor_id
                   and kind_of(o.actor_id) == "place"), None)
    return before is not None and before.first > 0 \
        and state.toks[before.first - 1].key in LOCATIVE
