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

