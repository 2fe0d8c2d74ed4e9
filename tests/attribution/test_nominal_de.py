"""German speech-noun and agentless frames (round 4): own sentences, tokenised only."""

from __future__ import annotations

from lagebild.attribution.frames import Finder


def _run(nlp, text: str) -> list[tuple[str, list[str], str | None]]:
    out = []
    for f in Finder(nlp(text), "de").run():
        spk = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
        out.append((f.form, [text[a:b] for a, b in f.content], spk))
    return out


def test_agentless_bekannt_dass_has_no_speaker(blank_de) -> None:
    text = "Am Montag wurde bekannt, dass der Bürgermeister sein Amt aufgibt."
    assert _run(blank_de, text) == [
        ("indirect", ["dass der Bürgermeister sein Amt aufgibt"], None)]


def test_hervorgehen_takes_the_aus_phrase_as_source(blank_de) -> None:
    text = "Aus dem Jahresbericht der Kammer geht hervor, dass viele Betriebe klagen."
    assert _run(blank_de, text) == [
        ("indirect", ["dass viele Betriebe klagen"], "dem Jahresbericht der Kammer")]


def test_speech_noun_with_ob_clause(blank_de) -> None:
    text = "Es gibt Zweifel daran, ob die Brücke bis zum Sommer fertig wird."
    assert _run(blank_de, text) == [
        ("indirect", ["ob die Brücke bis zum Sommer fertig wird"], None)]


def test_bekannt_with_a_causal_clause_is_no_frame(blank_de) -> None:
    assert _run(blank_de, "Der Wagen war im Dorf bekannt, weil er rot war.") == []


def test_marker_content_around_a_short_quote(blank_de) -> None:
    text = "Die meisten Gäste verhielten sich „ruhig und freundlich“, so die Wirtin."
    found = _run(blank_de, text)
    assert ("according_to", ["Die meisten Gäste verhielten sich „ruhig und freundlich“"],
            "die Wirtin") in found
