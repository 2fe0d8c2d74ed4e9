"""German cue forms that equal the infinitive: finite plural yes, infinitive after a modal no."""

from __future__ import annotations

from lagebild.attribution.cues import cue_at


def _doc(words: list[str], tags: list[str], pos: list[str]):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("de").vocab, words=words, tags=tags, pos=pos)


def test_strong_verb_plural_present_is_a_cue() -> None:
    doc = _doc(["Die", "Anwohner", "sprechen", "von", "Lärm", "."],
               ["ART", "NN", "VVFIN", "APPR", "NN", "$."],
               ["DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"])
    cue = cue_at(list(doc), 2, 0, len(doc), "de")
    assert cue is not None and cue.lemma == "sprechen"


def test_infinitive_after_a_modal_is_no_cue() -> None:
    doc = _doc(["Der", "Verband", "will", "mehr", "Geld", "fordern", "."],
               ["ART", "NN", "VMFIN", "PIAT", "NN", "VVINF", "$."],
               ["DET", "NOUN", "AUX", "DET", "NOUN", "VERB", "PUNCT"])
    assert cue_at(list(doc), 5, 0, len(doc), "de") is None


def test_finite_weak_plural_stays_a_cue() -> None:
    doc = _doc(["Die", "Verbände", "fordern", "mehr", "Geld", "."],
               ["ART", "NN", "VVFIN", "PIAT", "NN", "$."],
               ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"])
    cue = cue_at(list(doc), 2, 0, len(doc), "de")
    assert cue is not None and cue.lemma == "fordern"
