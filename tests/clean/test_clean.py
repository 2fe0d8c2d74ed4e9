"""Cleaning: repeated headline/teaser blocks, call-to-action lines, offsets back to raw."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.clean import clean
from lagebild.clean.textmap import _DROP, _QUOTES

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def test_seed_one_title_teaser_once(seed_text):
    result = clean(seed_text)
    teaser = "Marco Rubio bekräftigt die Unterstützung der USA für Sicherheitsgarantien"
    assert result["title"].startswith("Rubio bekräftigt Trumps Unterstützung")
    assert result["text"].count(teaser) == 1
    assert "Rubio bekräftigt Trumps Unterstützung für die Ukraine, fordert" not in result["text"]
    reasons = [r.reason for r in result["removed"]]
    assert reasons.count("repeated_teaser") == 2
    assert reasons.count("repeated_headline") == 1
    assert "call_to_action" in reasons
    assert "Erfahren Sie mehr" not in result["text"]
    assert "Die Europäer haben den US-Beamten mitgeteilt" in result["text"]  # body kept


def test_own_fixture_near_verbatim_repeat():
    raw = (DATA / "wiederholt_de.txt").read_text(encoding="utf-8")
    result = clean(raw)
    text = result["text"]
    assert (
        result["title"]
        == "Pistorius sagt Litauen weitere Luftabwehr zu, verlangt Beteiligung der Partner"
    )
    assert text.count("Verteidigungsminister Boris Pistorius hat Litauen") == 1
    # the third teaser copy differs (no call to action, a double space): still a repeat
    assert [r.reason for r in result["removed"]].count("repeated_teaser") == 2
    assert "Lesen Sie mehr" not in text
    assert "schloss Pistorius jedoch aus" in text


def test_removed_offsets_point_at_raw_text(seed_text):
    result = clean(seed_text)
    for r in result["removed"]:
        assert 0 <= r.raw_start < r.raw_end <= len(seed_text)
        assert seed_text[r.raw_start : r.raw_end].strip() == r.text


def test_paraphrased_paragraphs_are_not_removed():
    raw = (
        "Titelzeile ohne Punkt\n\n"
        "Die Regierung kündigte am Montag neue Hilfen für die Region an.\n\n"
        "Die Opposition kritisierte am Dienstag die neuen Hilfen für die Region scharf.\n"
    )
    result = clean(raw)
    assert not any(r.reason.startswith("repeated") for r in result["removed"])
    assert "Opposition" in result["text"] and "kündigte" in result["text"]


def _check_map(raw: str, text: str, offset_map) -> None:
    covered = 0
    for c, r, n in offset_map:
        assert c == covered  # runs tile the cleaned text
        covered += n
        assert r >= 0 and r + n <= len(raw)
        for k in range(n):
            clean_ch, raw_ch = text[c + k], raw[r + k]
            if clean_ch == "\n" or clean_ch == " ":
                continue  # separators and collapsed whitespace map to nearby whitespace
            assert raw_ch.translate(_QUOTES) == clean_ch
    assert covered == len(text)


def test_offset_map_on_seed(seed_text):
    result = clean(seed_text)
    _check_map(seed_text, result["text"], result["offset_map"])


alphabet = st.sampled_from(
    [*"abc ÄöüßXY.,;„“»«\"'\n\t\u00a0\u200b", "Erfahren Sie mehr. ", "Read more "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(alphabet, max_size=200).map("".join))
def test_offset_map_property(raw):
    result = clean(raw)
    text = result["text"]
    _check_map(raw, text, result["offset_map"])
    assert not any(ch in _DROP for ch in text)
    for r in result["removed"]:
        assert 0 <= r.raw_start <= r.raw_end <= len(raw)


def test_hostile_similar_lines_do_not_reach_the_quadratic_comparison(monkeypatch):
    """Long lines over a tiny vocabulary look alike to cheap checks; the shingle gate keeps
    them from the edit-similarity comparison (which took minutes for 100 such lines)."""
    import random

    import lagebild.clean.blocks as blocks

    calls = []
    real = blocks.SequenceMatcher

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(blocks, "SequenceMatcher", counting)
    rng = random.Random(1)
    words = ["alpha", "beta", "gamma", "delta", "eins", "zwei", "drei", "vier"]
    raw = "\n".join(" ".join(rng.choice(words) for _ in range(150)) for _ in range(200))
    result = clean(raw)
    assert len(calls) < 50, len(calls)
    assert not result["removed"]
