"""German: quoted titles with lower-case articles/prepositions are names, not quotes."""

from __future__ import annotations

import pytest

from lagebild.attribution.context import _is_name
from lagebild.attribution.frames import Finder


@pytest.mark.parametrize("inner", ["Neues am Montag", "Ein Abend im Park",
                                   "Walking on the Moon"])
def test_titles_are_names_in_german_text(inner: str) -> None:
    assert _is_name(inner, "", wide=True)
    assert not _is_name(inner, "")  # English text keeps the narrower rule


@pytest.mark.parametrize("inner", ["Wir machen weiter", "ein großer Erfolg",
                                   "Das ist am Montag vorbei."])
def test_speech_is_no_name(inner: str) -> None:
    assert not _is_name(inner, "", wide=True)


def test_quoted_title_before_a_cue_is_no_quote(blank_de) -> None:
    text = "Die Zeitung „Neues am Montag“ berichtete über den Fall."
    assert not [f for f in Finder(blank_de(text), "de").run() if f.form == "direct"]
