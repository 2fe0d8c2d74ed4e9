"""Round-2 verb classes for general news (issue 6) and the look-alikes that must stay
silent (found while checking the new lines on bench articles). Sentences are written for
these tests and are not in any modality set."""

from __future__ import annotations

import pytest

from lagebild.claims.lexicon import find_triggers
from lagebild.eval.modality import predict


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Das Verwaltungsgericht wies die Eilanträge der Anwohner ab.", "REJECT"),
        ("The appeals court overturned the conviction.", "REJECT"),
        ("Der Verein reichte Klage gegen die Stadt ein.", "ACCUSE"),
        ("Die Staatsanwaltschaft leitete ein Verfahren gegen den Landrat ein.", "ACCUSE"),
        ("Die Familie beantragte Asyl in Österreich.", "REQUEST"),
        ("The reform takes effect in January.", "AGREE"),
        ("Die Novelle tritt am 1. März in Kraft.", "AGREE"),
        ("Der Bundestag verlängerte das Mandat der Marine.", "AGREE"),
        ("Seenotretter retteten 80 Menschen aus einem Schlauchboot.", "AID"),
        ("The county evacuated three villages.", "AID"),
        ("Das Land fördert den Umbau mit vier Millionen Euro.", "AID"),
        ("Der Kreis stoppte die Bauarbeiten an der Brücke.", "SANCTION"),
        ("Das Amt hat dem Betreiber die Lizenz entzogen.", "SANCTION"),
        ("Die Stadt verhängte ein Böllerverbot.", "COERCE"),
        ("Die Polizei räumte das besetzte Haus.", "COERCE"),
        ("Fahnder stellten zwei Kilogramm Kokain sicher.", "COERCE"),
        ("Die Angestellten legten am Morgen die Arbeit nieder.", "PROTEST"),
        ("The governor pardoned two activists.", "RETREAT"),
        ("Der Trainer wurde am Sonntag entlassen.", "SANCTION"),
        ("Die Ministerin entließ ihren Sprecher.", "SANCTION"),  # was a regex bug ("ießen?")
        ("Der Angeklagte hat die Tat gestanden.", "CONCEDE"),
        ("Zwei Männer überfielen eine Tankstelle.", "ASSAULT"),
    ],
)
def test_round2_classes(text: str, event: str) -> None:
    hits = find_triggers(text)
    assert event in {h.trigger.event for h in hits}, [h.text for h in hits]


@pytest.mark.parametrize(
    "text",
    [
        "Nächster Stopp ist am Freitag.",
        "Das Entsperren des Telefons dauerte Stunden.",
        "Der Laden hat verlängerte Öffnungszeiten.",
        "The shop now has extended opening hours.",
        "Die Helfer räumen den Schutt weg.",
        "Sie ist neben dem Zaun gestanden, als der Bus kam.",
        "Der Landtag kam zu 40 Sitzungen zusammen.",
        "Er hat seinen Glauben aufgegeben.",
    ],
)
def test_round2_lookalikes_stay_silent(text: str) -> None:
    hits = find_triggers(text)
    assert not hits, [(h.trigger.event, h.text) for h in hits]


def test_negated_extension_is_negated() -> None:
    assert predict("Die Regierung verlängert die Frist nicht.", "de")[0] == "negated"
