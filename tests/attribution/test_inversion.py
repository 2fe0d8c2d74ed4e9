"""The German V2 inversion rule on hand-built parses (the parse errors it is meant for)."""

from __future__ import annotations

import pytest

from lagebild.attribution.inversion import uninvert


def _doc(words: list[str], pos: list[str], deps: list[str], heads: list[int]):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("de")
    return Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads)


# A fronted object the parser took for the subject; the name after the verb speaks.
WORDS = ["Die", "Reform", "der", "Rente", "nannte", "Ministerin", "Weber", "einen", "Fehler", "."]
POS = ["DET", "NOUN", "DET", "NOUN", "VERB", "NOUN", "PROPN", "DET", "NOUN", "PUNCT"]
DEPS = ["det", "nsubj", "det", "nmod", "ROOT", "obj", "flat:name", "det", "obj", "punct"]
HEADS = [1, 4, 3, 1, 4, 4, 5, 8, 4, 4]


def test_fronted_object_gives_way_to_the_name_after_the_verb() -> None:
    doc = _doc(WORDS, POS, DEPS, HEADS)
    assert uninvert(list(doc), 4, 0, len(doc), (0, 4)) == (5, 7)


@pytest.mark.parametrize("first", ["Die Ministerin", "Die Bundesregierung"])
def test_a_speaker_like_prefield_stays(first: str) -> None:
    words = [*first.split(), "nannte", "die", "Reform", "einen", "Fehler", "."]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "DET", "NOUN", "PUNCT"]
    deps = ["det", "nsubj", "ROOT", "det", "obj", "det", "obj", "punct"]
    doc = _doc(words, pos, deps, [1, 2, 2, 4, 2, 6, 2, 2])
    assert uninvert(list(doc), 2, 0, len(doc), (0, 2)) == (0, 2)


def test_an_oblique_phrase_after_the_verb_does_not_speak() -> None:
    words = ["Die", "Reform", "schadet", "dem", "Minister", "Weber", "."]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "PROPN", "PUNCT"]
    deps = ["det", "nsubj", "ROOT", "det", "obj", "flat:name", "punct"]
    doc = _doc(words, pos, deps, [1, 2, 2, 4, 2, 4, 2])
    assert uninvert(list(doc), 2, 0, len(doc), (0, 2)) == (0, 2)


def test_a_speaker_after_the_verb_is_left_alone() -> None:
    doc = _doc(WORDS, POS, DEPS, HEADS)
    assert uninvert(list(doc), 4, 0, len(doc), (5, 7)) == (5, 7)
