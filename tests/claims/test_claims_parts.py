"""Quantities, conditions, modality cues and the PLOVER export."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lagebild.claims import claims_stage, export_plover, plover_event
from lagebild.claims.modality import conditions, modality
from lagebild.claims.quantity import find_quantities
from lagebild.records import EVENT_TYPES, Article


@pytest.mark.parametrize(
    ("text", "value", "counts", "qualifier", "unit"),
    [
        ("dass 30 Länder bereit sind", 30, "Länder", None, None),
        ("mehr als 1.000 Soldaten wurden verlegt", 1000, "Soldaten", "more_than", None),
        ("The US sent more than 1,000 troops", 1000, "troops", "more_than", None),
        ("Die EU gibt 2,5 Milliarden Euro frei", 2.5e9, None, None, "EUR"),
        ("zwölf Staaten wollen Schiffe stellen", 12, "Staaten", None, None),
    ],
)
def test_quantities(text: str, value: float, counts: str | None, qualifier: str | None,
                    unit: str | None) -> None:
    (_, _, q), = find_quantities(text)
    assert (q.value, q.counts, q.qualifier, q.unit) == (value, counts, qualifier, unit)


def test_dates_are_not_quantities() -> None:
    assert find_quantities("am 21. August 2025 und seit 3 Jahren") == []


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("Die USA würden helfen, falls ein Friedensabkommen erzielt wird.",
         "falls ein Friedensabkommen erzielt wird"),
        ("welche Garantien die Alliierten im Falle eines Friedensabkommens geben würden",
         "im Falle eines Friedensabkommens"),
        ("The US would send jets if a ceasefire holds, officials said.", "if a ceasefire holds"),
        ("Berlin hilft, sofern der Bundestag zustimmt.", "sofern der Bundestag zustimmt"),
        ("Aid flows unless the army attacks.", "unless the army attacks"),
    ],
)
def test_conditions(sentence: str, condition: str) -> None:
    assert [c.text for c in conditions(sentence)] == [condition]


def test_concessive_wenn_auch_is_no_condition() -> None:
    assert conditions("Er kommt, wenn auch spät.") == []


@pytest.mark.parametrize(
    ("clause", "want"),
    [
        ("die USA werden Garantien bereitstellen", "future"),
        ("Dies könnte den Einsatz von Piloten umfassen", "possible"),
        ("Trump schloss den Einsatz nicht aus", "negated"),
        ("Russia will not accept guarantees", "negated"),
        ("The government is considering sanctions", "possible"),
        ("Die Armee griff das Dorf an", "asserted"),
    ],
)
def test_modality_cues(clause: str, want: str) -> None:
    assert modality(clause) == want


def test_export_plover(make_article: Callable[..., Article]) -> None:
    art = claims_stage(make_article(
        "Die USA werden der Ukraine Waffen liefern. Russland lehnte die Gespräche ab."),
        None, None)
    records = list(export_plover([art]))
    assert len(records) == len(art.claims) == 2
    first, second = records
    assert first["event"] == "AGREE"  # an announced delivery: intent to cooperate
    assert first["source"][0]["code"] == "country:USA"
    assert first["target"][0]["code"] == "country:UKR"
    assert second["event"] == "REJECT" and second["source"][0]["code"] == "country:RUS"
    assert all(r["event"] in EVENT_TYPES and r["id"].startswith("t-c") for r in records)


def test_plover_view_of_negated_and_hostile(make_article: Callable[..., Article]) -> None:
    art = claims_stage(make_article(
        "Deutschland wird keine Panzer liefern. Russland wird neue Angriffe starten."),
        None, None)
    views = [plover_event(c)[0] for c in art.claims]
    assert views == ["REJECT", "THREATEN"]


def test_trigger_prefilter_changes_nothing() -> None:
    import json
    from pathlib import Path

    from lagebild.claims.clauses import clauses, sentences
    from lagebild.claims.lexicon import find_triggers

    data = Path(__file__).resolve().parent.parent / "data" / "claims"
    texts = [(data / f"demo_{lang}.txt").read_text("utf-8") for lang in ("de", "en")]
    for name in ("modality_dev.jsonl", "modality_heldout.jsonl"):
        texts += [json.loads(x)["text"] for x in (data / name).read_text("utf-8").splitlines()]
    for text in texts:
        for sent in sentences(text):
            for clause in clauses(text, sent):
                assert find_triggers(clause.text) == find_triggers(clause.text, prefilter=False)
