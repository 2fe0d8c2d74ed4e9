"""German according-to markers: a parenthetical "so + verb + X" and "laut" + lower-case name."""

from __future__ import annotations

from lagebild.attribution.cues import markers


def _doc(words: list[str], pos: list[str] | None = None):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("de").vocab, words=words, pos=pos)


def test_parenthetical_so_with_verb() -> None:
    words = ["In", "zehn", "Jahren", ",", "so", "schätzen", "die", "Forscher", ",", "sei",
             "es", "so", "weit", "."]
    doc = _doc(words)
    found = markers(list(doc), 0, len(doc), "de")
    assert len(found) == 1
    a, b = found[0].source
    assert " ".join(words[a:b]) == "die Forscher"


def test_laut_with_lower_case_name() -> None:
    words = ["Es", "gibt", "laut", "ai-Bericht", "viele", "Fälle", "."]
    pos = ["PRON", "VERB", "ADP", "NOUN", "DET", "NOUN", "PUNCT"]
    doc = _doc(words, pos)
    found = markers(list(doc), 0, len(doc), "de")
    assert [words[slice(*m.source)] for m in found] == [["ai-Bericht"]]
