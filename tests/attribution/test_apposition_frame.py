"""German: an apposition before a cue ("X, Anna Berg, forderte …") is the speaker, not a
fronted statement (hand-built parse, so the test does not depend on the model)."""

from __future__ import annotations

from lagebild.attribution.frames import Finder


def _doc(words: list[str], tags: list[str], pos: list[str], deps: list[str], heads: list[int]):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("de").vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads)


def test_apposition_before_the_cue_speaks() -> None:
    doc = _doc(
        ["Die", "Sprecherin", "des", "Vereins", ",", "Anna", "Berg", ",", "forderte", "die",
         "Einrichtung", "."],
        ["ART", "NN", "ART", "NN", "$,", "NE", "NE", "$,", "VVFIN", "ART", "NN", "$."],
        ["DET", "NOUN", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "DET", "NOUN",
         "PUNCT"],
        ["det", "nsubj", "det", "nmod", "punct", "appos", "flat:name", "punct", "ROOT", "det",
         "obj", "punct"],
        [1, 8, 3, 1, 5, 1, 5, 5, 8, 10, 8, 8])
    found = Finder(doc, "de").run()
    assert len(found) == 1
    f = found[0]
    assert f.speaker is not None and "Anna Berg" in doc.text[f.speaker[0] : f.speaker[1]]
    assert "Einrichtung" in doc.text[f.content[0][0] : f.content[-1][1]]


def test_fronted_clause_before_the_cue_is_content() -> None:
    doc = _doc(
        ["Die", "Lage", "ist", "ernst", ",", "sagte", "Anna", "Berg", "."],
        ["ART", "NN", "VAFIN", "ADJD", "$,", "VVFIN", "NE", "NE", "$."],
        ["DET", "NOUN", "AUX", "ADJ", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"],
        ["det", "nsubj", "cop", "ccomp", "punct", "ROOT", "nsubj", "flat:name", "punct"],
        [1, 3, 3, 5, 5, 5, 5, 6, 5])
    found = Finder(doc, "de").run()
    assert [doc.text[a:b] for a, b in found[0].content] == ["Die Lage ist ernst"]
    assert found[0].speaker is not None
    assert doc.text[found[0].speaker[0] : found[0].speaker[1]] == "Anna Berg"


def test_adverbial_prefield_is_no_speaker() -> None:
    """ "Sinngemäß hofft Berg, dass …": the model parsed the name as object; the speaker is
    the phrase after the verb, not the adverb in front of it."""
    doc = _doc(
        ["Sinngemäß", "hofft", "Berg", ",", "dass", "die", "Lage", "besser", "wird", "."],
        ["ADV", "VVFIN", "NN", "$,", "KOUS", "ART", "NN", "ADJD", "VAFIN", "$."],
        ["ADV", "VERB", "NOUN", "PUNCT", "SCONJ", "DET", "NOUN", "ADJ", "AUX", "PUNCT"],
        ["advmod", "ROOT", "obj", "punct", "mark", "det", "nsubj", "ccomp", "cop", "punct"],
        [1, 1, 1, 7, 7, 6, 7, 1, 7, 1])
    found = Finder(doc, "de").run()
    assert found and found[0].speaker is not None
    assert doc.text[found[0].speaker[0] : found[0].speaker[1]] == "Berg"
