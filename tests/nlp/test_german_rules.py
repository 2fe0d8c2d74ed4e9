"""Rules on top of the German pipeline: Konjunktiv, dictionary lemmas, place names."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from lagebild.nlp import gazetteer, german  # noqa: E402


def doc_of(words, tags, heads, deps, morphs=None, pos=None):
    vocab = spacy.blank("de").vocab
    return Doc(vocab, words=words, tags=tags, heads=heads, deps=deps,
               morphs=morphs or [""] * len(words), pos=pos)


def test_konjunktiv_i_with_third_person_subject() -> None:
    doc = doc_of(["Die", "Regierung", "unterstütze", "den", "Plan"],
                 ["ART", "NN", "VVFIN", "ART", "NN"], [1, 2, 2, 4, 2],
                 ["det", "nsubj", "ROOT", "det", "obj"])
    german.set_konjunktiv(doc)
    assert doc[2].morph.get("Mood") == ["Sub"]


def test_first_person_and_weak_past_stay_indicative() -> None:
    doc = doc_of(["Ich", "habe", "Zeit"], ["PPER", "VAFIN", "NN"], [1, 1, 1],
                 ["nsubj", "ROOT", "obj"])
    german.set_konjunktiv(doc)
    assert "Sub" not in doc[1].morph.get("Mood")
    doc = doc_of(["Er", "sagte", "nichts"], ["PPER", "VVFIN", "PIS"], [1, 1, 1],
                 ["nsubj", "ROOT", "obj"], morphs=["", "Tense=Past", ""])
    german.set_konjunktiv(doc)
    assert "Sub" not in doc[1].morph.get("Mood")
    doc = doc_of(["Er", "wurde", "gewählt"], ["PPER", "VAFIN", "VVPP"], [2, 2, 2],
                 ["nsubj:pass", "aux:pass", "ROOT"])
    german.set_konjunktiv(doc)
    assert "Sub" not in doc[1].morph.get("Mood")


@pytest.mark.parametrize("form", ["wäre", "hätten", "könne", "sei", "würde"])
def test_always_konjunktiv_forms(form: str) -> None:
    doc = doc_of(["es", form], ["PPER", "VAFIN"], [1, 1], ["nsubj", "ROOT"])
    german.set_konjunktiv(doc)
    assert doc[1].morph.get("Mood") == ["Sub"]


def test_dictionary_lemmas_skip_prepositions() -> None:
    doc = doc_of(["Die", "Häuser", "im", "Dorf"], ["ART", "NN", "APPRART", "NN"],
                 [1, 1, 3, 1], ["det", "ROOT", "case", "nmod"],
                 pos=["DET", "NOUN", "ADP", "NOUN"])
    doc[2].lemma_ = "in"
    german.set_lemmas(doc)
    assert doc[1].lemma_ == "Haus"
    assert doc[2].lemma_ == "in"


def test_place_names_and_adjectives_fill_gaps_only() -> None:
    nlp = spacy.blank("de")
    gazetteer.add_to(nlp)
    doc = nlp("Die kubanische und die tschechisch-polnische Grenze liegen fern von Kubas Küste.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("kubanische", "LOCderiv"), ("tschechisch-polnische", "LOCderiv"), ("Kubas", "LOC"),
    ]
    doc = nlp.make_doc("Die Bank von Polen in New York")
    doc.ents = [doc.char_span(4, 18, label="ORG")]  # the model's entity wins
    doc = nlp.get_pipe(gazetteer.FACTORY)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Bank von Polen", "ORG"),
                                                      ("New York", "LOC")]


def test_place_adjective_matcher() -> None:
    stems = gazetteer.gazetteer().stems
    assert gazetteer.is_place_adjective("Russischen", stems)
    assert not gazetteer.is_place_adjective("russ", stems)
    assert not gazetteer.is_place_adjective("Regierung", stems)


def test_given_name_marks_a_person() -> None:
    nlp = spacy.blank("de")
    gazetteer.add_to(nlp)
    doc = nlp("Gestern sprach Volker Leienbach mit Anna von Hohenfels über Bonn.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Volker Leienbach", "PER"), ("Anna von Hohenfels", "PER"), ("Bonn", "LOC"),
    ]
    assert nlp("Das sagte Anna.").ents == ()  # a given name alone stays open
