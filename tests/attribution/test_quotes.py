"""Quotation marks in every style (own example sentences)."""

from __future__ import annotations

import pytest

from lagebild.attribution.quotes import find_quotes


def spans(text: str) -> list[tuple[str, int]]:
    return [(text[q.start : q.end], q.depth) for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text, want",
    [
        ("Er sagte: „Wir kommen.“ Dann ging er.", [("„Wir kommen.“", 0)]),
        ("Sie rief »Halt!« und lief.", [("»Halt!«", 0)]),
        ('He said "we will stay" twice.', [('"we will stay"', 0)]),
        ("She said “no way” again.", [("“no way”", 0)]),
        ("Er nannte es ‚absurd‘.", [("‚absurd‘", 0)]),
        ("„Er sprach von ‚Verrat‘ und ging“, hieß es.", [("„Er sprach von ‚Verrat‘ und ging“", 0),
                                                        ("‚Verrat‘", 1)]),
    ],
)
def test_styles_and_nesting(text: str, want: list[tuple[str, int]]) -> None:
    assert spans(text) == want


def test_apostrophes_are_not_quotes() -> None:
    assert spans("It's Rubio's plan, and they don't like it.") == []


def test_unclosed_quote_stops_at_paragraph() -> None:
    text = "Er sagte „nichts.\n\nNeuer Absatz mit „Zitat“ hier."
    assert spans(text) == [("„Zitat“", 0)]


def test_multi_sentence_quote() -> None:
    text = "„Das ist gut. Wir machen weiter.“, sagte sie."
    assert spans(text) == [("„Das ist gut. Wir machen weiter.“", 0)]
