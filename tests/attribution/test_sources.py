"""Source types of sourcing phrases."""

from __future__ import annotations

import pytest

from lagebild.attribution.sources import classify_source
from lagebild.records import SOURCE_TYPES


@pytest.mark.parametrize(
    "phrase, lang, want",
    [
        ("ein europäischer Diplomat, der mit dem Telefonat vertraut ist", "de",
         "anonymous_diplomat"),
        ("von einem Regierungsbeamten", "de", "anonymous_official"),
        ("Quellen, die mit den Gesprächen vertraut sind", "de", "anonymous_sources"),
        ("people familiar with the matter", "en", "anonymous_sources"),
        ("a senior administration official", "en", "anonymous_official"),
        ("told CNN", "en", "outlet"),
        ("die Financial Times", "de", "outlet"),
        ("ein internes Papier", "de", "document"),
        ("Außenminister Marco Rubio", "de", "named_person"),
        ("Russland", "de", "named_org"),
        ("ein Sprecher des Auswärtigen Amtes", "de", "named_org"),
    ],
)
def test_classify(phrase: str, lang: str, want: str) -> None:
    assert classify_source(phrase, lang) == want


def test_entity_label_wins_for_persons() -> None:
    assert classify_source("Kallas", "de", "PER") == "named_person"
    assert classify_source("Kallas", "de", "ORG") == "named_org"


def test_always_a_known_type() -> None:
    for phrase in ["", "???", "x", "die"]:
        assert classify_source(phrase) in SOURCE_TYPES
