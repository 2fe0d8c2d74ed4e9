"""German free indirect speech across a paragraph break: reported, but with no speaker."""

from __future__ import annotations

from lagebild.attribution.frames import Finder

TEXT = ("Die Ministerin sagte, die Lage sei ernst. Die Preise seien gestiegen.\n\n"
        "Die Reform sei gescheitert. Das Wetter war gut.\n\nDie Bahn fahre wieder.")


def _found(nlp, text: str) -> dict[str, str | None]:
    out = {}
    for f in Finder(nlp(text), "de").run():
        span = text[f.content[0][0] : f.content[-1][1]]
        out[span] = text[f.speaker[0] : f.speaker[1]] if f.speaker else None
    return out


def test_same_paragraph_keeps_the_speaker(blank_de) -> None:
    assert _found(blank_de, TEXT)["Die Preise seien gestiegen."] == "Die Ministerin"


def test_next_paragraph_is_reported_without_speaker(blank_de) -> None:
    found = _found(blank_de, TEXT)
    assert "Die Reform sei gescheitert." in found
    assert found["Die Reform sei gescheitert."] is None


def test_indicative_or_ambiguous_sentences_are_not_taken(blank_de) -> None:
    found = _found(blank_de, TEXT)
    assert not any("Wetter" in k or "Bahn" in k for k in found)
