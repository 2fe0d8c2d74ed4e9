"""Speaker spans keep the closing mark of a quoted or bracketed name."""

from __future__ import annotations

from lagebild.attribution.balance import balanced


def test_closing_quote_and_bracket_are_added() -> None:
    text = "Die „Neue Rundschau“ meldete, die Behörde (ABC) habe geprüft."
    a = text.index("Die")
    assert text[slice(*balanced(text, (a, text.index("“"))))] == "Die „Neue Rundschau“"
    b = text.index("die Behörde")
    assert text[slice(*balanced(text, (b, text.index(")"))))] == "die Behörde (ABC)"


def test_balanced_spans_stay() -> None:
    text = "Die „Neue Rundschau“ meldete etwas."
    assert balanced(text, (0, 20)) == (0, 20)
    assert balanced(text, None) is None



def _tagged(words: list[str], tags: list[str]):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("de").vocab, words=words, tags=tags)


def test_closed_relative_clause_is_cut() -> None:
    from lagebild.attribution.balance import without_relative

    doc = _tagged(["Der", "Verein", ",", "der", "dort", "spielt", ",", "sagte", "nichts", "."],
                  ["ART", "NN", "$,", "PRELS", "ADV", "VVFIN", "$,", "VVFIN", "PIS", "$."])
    span = (0, doc[5].idx + len(doc[5].text))
    assert doc.text[slice(*without_relative(list(doc), span))] == "Der Verein"


def test_apposition_stays() -> None:
    from lagebild.attribution.balance import without_relative

    doc = _tagged(["Anna", "Berg", ",", "die", "Sprecherin", ",", "sagte", "nichts", "."],
                  ["NE", "NE", "$,", "ART", "NN", "$,", "VVFIN", "PIS", "$."])
    span = (0, doc[4].idx + len(doc[4].text))
    assert without_relative(list(doc), span) == span


def test_title_takes_the_name_after_it() -> None:
    from lagebild.attribution.balance import with_name

    doc = _tagged(["sagte", "der", "Bürgermeister", "Karl", "Huber", "gestern", "."],
                  ["VVFIN", "ART", "NN", "NE", "NE", "ADV", "$."])
    span = (doc[1].idx, doc[2].idx + len(doc[2].text))
    out = with_name(list(doc), span)
    assert out is not None and doc.text[slice(*out)] == "der Bürgermeister Karl Huber"
