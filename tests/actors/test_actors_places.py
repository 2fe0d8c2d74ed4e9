"""Capitals as places or states, role phrases with a country, mentions that must stay open.

The dev set ``tests/data/actors/dev_roles_places.jsonl`` was written before the rules (its
floor is checked in ``test_actors_eval.py``); the unit tests below use other sentences so that
they check the rules, not the dev items.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.actors import mentions
from lagebild.eval.actors import read_gold

HERE = Path(__file__).resolve().parent
DEV = HERE.parent / "data" / "actors" / "dev_roles_places.jsonl"


def _ids(text: str, date: str = "2025-10-01", lang: str | None = None) -> dict[str, str | None]:
    return {e.text: e.actor_id for e in mentions(text, lang, _Art(date))}


class _Art:
    """The little of an article that ``mentions`` reads."""

    def __init__(self, published: str) -> None:
        self.published = published
        self.outlet = None
        self.url = None
        self.id = "t"
        self.lang = None
        self.title = None
        self.text = ""


def test_dev_set_size_and_classes():
    items = read_gold(DEV)
    found = [m for item in items for m in item["mentions"]]
    assert len(found) >= 80
    assert {item["lang"] for item in items} == {"de", "en"}
    assert {"role", "place", "unresolved", "metonym"} <= {m[2] for m in found}


@pytest.mark.parametrize(("text", "name", "want"), [
    ("Die Konferenz beginnt morgen in Madrid.", "Madrid", "place:madrid"),
    ("Madrid lehnte den Vorschlag ab.", "Madrid", "country:ESP"),
    ("Sie reiste gestern nach Lissabon.", "Lissabon", "place:lisbon"),
    ("Die Regierung in Lissabon schwieg.", "Lissabon", "country:PRT"),
    ("Kritik kam aus Prag.", "Prag", "country:CZE"),
    ("Die Minister kehrten aus Prag zurück.", "Prag", "place:prague"),
    ("Raketenangriffe auf Kyjiw dauerten an.", "Kyjiw", "place:kyiv"),
    ("The envoy arrived in Ankara late on Monday.", "Ankara", "place:ankara"),
    ("Ankara insisted on its conditions.", "Ankara", "country:TUR"),
    ("She grew up in Athens, Greece.", "Athens", "place:athens"),
    ("Officials travelled to Budapest for the vote.", "Budapest", "place:budapest"),
    ("The offer to Budapest was withdrawn.", "Budapest", "country:HUN"),
    ("The Athens talks collapsed.", "Athens", "place:athens"),
    ("ROME, June 3 - The talks resumed.", "ROME", "place:rome"),
    ("Brüssel drängt auf Einigkeit.", "Brüssel", "org:EU"),
    ("Die Minister tagten in Brüssel.", "Brüssel", "place:brussels"),
])
def test_capital_as_place_or_state(text: str, name: str, want: str):
    assert _ids(text)[name] == want


def test_cities_in_a_list_after_a_preposition():
    got = _ids("Proteste gab es in Madrid, Lissabon und Athen.")
    assert [got[c] for c in ("Madrid", "Lissabon", "Athen")] == [
        "place:madrid", "place:lisbon", "place:athens"]


@pytest.mark.parametrize(("text", "date", "role", "want"), [
    ("Spaniens Regierungschef sprach von einem Erfolg.", "2025-06-01", "Regierungschef",
     "person:pedro-sanchez"),
    ("Der Regierungschef Spaniens sprach von einem Erfolg.", "2025-06-01", "Regierungschef",
     "person:pedro-sanchez"),
    ("The Chinese foreign minister left early.", "2025-06-01", "foreign minister",
     "person:wang-yi"),
    ("The US president signed the order.", "2024-06-01", "president", "person:joe-biden"),
    ("The US president signed the order.", "2025-06-01", "president", "person:donald-trump"),
    ("Japan's prime minister visited Seoul.", "2025-06-01", "prime minister",
     "person:shigeru-ishiba"),
])
def test_role_phrases_with_a_country(text: str, date: str, role: str, want: str):
    assert _ids(text, date)[role] == want


@pytest.mark.parametrize(("text", "name"), [
    ("Herr Merz vom Kleingartenverein lud zum Sommerfest.", "Merz"),
    ("A driver named Vance was injured.", "Vance"),
    ("Mr Healey, a local baker, spoke to reporters.", "Healey"),
])
def test_private_people_with_a_politicians_surname_stay_open(text: str, name: str):
    assert _ids(text)[name] is None


def test_a_politicians_surname_with_honorific_after_full_name_links():
    got = {e.actor_id for e in mentions("Rachel Reeves spoke first. Ms Reeves then left.",
                                        "en", _Art("2025-06-01"))}
    assert "person:rachel-reeves" in got


def test_unknown_organisation_starting_with_a_known_name_stays_open():
    got = _ids("The Politico Reader Council met on Tuesday.", lang="en")
    assert not any(v and v.startswith("outlet:") for v in got.values()), got


def test_honorific_is_not_part_of_an_unknown_name():
    spacy = pytest.importorskip("spacy")
    from lagebild.actors import actors_stage
    from lagebild.config import Config
    from lagebild.pipeline import Context
    from lagebild.records import Article

    text = "Mr Powell said the bus was late. Mrs Jane Doyle agreed."
    doc = spacy.blank("en")(text)
    first, second = text.index("Mr Powell"), text.index("Mrs Jane Doyle")
    doc.ents = [doc.char_span(first, first + 9, "PERSON"),
                doc.char_span(second, second + 14, "PERSON")]
    article = Article("t", None, None, "en", None, "2025-06-01", text)
    ids = {e.text: e.actor_id for e in actors_stage(article, doc, Context(Config())).entities}
    assert ids.get("Mr Powell") is None and ids.get("Powell") is None
    assert ids["Jane Doyle"] == "person:jane-doyle"


@pytest.mark.parametrize(("text", "role", "want"), [
    ("Der Chef des Pentagons reiste ab.", "Chef", "person:pete-hegseth"),
    ("Der Chef des Quai d'Orsay reiste ab.", "Chef", "person:jean-noel-barrot"),
    ("Der Chef des Weißen Hauses reiste ab.", "Chef", "person:donald-trump"),
])
def test_head_of_a_ministry_is_the_minister(text: str, role: str, want: str):
    assert _ids(text, "2025-10-01")[role] == want


@pytest.mark.parametrize("text", [
    "Die Deutsche Bank erhöhte die Gebühren.",
    "The British Council opened a library.",
    "The European Investment Bank lent money.",
])
def test_adjective_inside_an_unknown_organisation_name_is_no_state(text: str):
    assert not any(_ids(text, lang=None).values())


@pytest.mark.parametrize(("text", "role", "want"), [
    ("Der Vize-Präsident der USA reiste an.", "Präsident", "person:jd-vance"),
    ("Die stellvertretende US-Außenministerin reiste an.", "Außenministerin", None),
])
def test_deputies_are_not_the_office_holder(text: str, role: str, want: str | None):
    assert _ids(text, "2025-10-01")[role] == want


def test_a_capital_listed_after_another_place():
    assert _ids("Gespräche gab es in Genf und Madrid.")["Madrid"] == "place:madrid"
    assert _ids("Genf und Madrid widersprachen.")["Madrid"] == "country:ESP"


@pytest.mark.parametrize("text", [
    "Das Russische Rote Kreuz schickte Helfer.",
    "Die Ukrainische Griechisch-Katholische Kirche rief zum Gebet.",
])
def test_capitalised_german_adjective_inside_a_name_is_no_state(text: str):
    assert not any(_ids(text).values())


def test_sentence_initial_german_adjective_is_still_a_state():
    assert _ids("Russische Truppen rückten vor.")["Russische"] == "country:RUS"


def test_outlet_name_running_on_with_of_is_another_outlet():
    assert "outlet:thetimes.co.uk" not in _ids("The Times of Malta reported it.").values()


@pytest.mark.parametrize(("text", "word", "want"), [
    ("Sybiha traf am Montag seinen polnischen Amtskollegen.", "Amtskollegen",
     "person:radoslaw-sikorski"),
    ("Merz telefonierte mit seinem britischen Amtskollegen.", "Amtskollegen",
     "person:keir-starmer"),
    ("Lavrov met his Chinese counterpart.", "counterpart", "person:wang-yi"),
    ("Der Minister traf seinen polnischen Kollegen.", "Kollegen", None),
])
def test_counterpart_holds_the_same_office_in_the_other_state(text: str, word: str,
                                                             want: str | None):
    assert _ids(text, "2025-10-01").get(word) == want


def test_colleagues_in_the_plural_are_nobody_in_particular():
    assert _ids("Pistorius sprach mit seinen polnischen Kollegen.").get("Kollegen") is None


def test_unknown_location_from_the_ner_becomes_a_place():
    spacy = pytest.importorskip("spacy")
    from lagebild.actors import actors_stage
    from lagebild.config import Config
    from lagebild.pipeline import Context
    from lagebild.records import Article

    text = "Das Treffen fand in Gotha statt, die Ostflanke blieb Thema."
    doc = spacy.blank("de")(text)
    for token in doc:
        token.tag_ = "NE" if token.text == "Gotha" else "NN"
    gotha, flank = text.index("Gotha"), text.index("Ostflanke")
    doc.ents = [doc.char_span(gotha, gotha + 5, "LOC"), doc.char_span(flank, flank + 9, "LOC")]
    article = Article("t", None, None, "de", None, "2025-06-01", text)
    ids = {e.text: e.actor_id for e in actors_stage(article, doc, Context(Config())).entities}
    assert ids["Gotha"] == "place:gotha"
    assert ids["Ostflanke"] is None  # not a proper noun
