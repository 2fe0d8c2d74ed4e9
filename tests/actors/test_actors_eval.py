"""``lagebild eval actors``: the dev set scores at or above the pinned floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.errors import EvalError
from lagebild.eval import app
from lagebild.eval.actors import read_gold, score

HERE = Path(__file__).resolve().parent
DEV = HERE.parent / "data" / "actors" / "dev.jsonl"
ALL_FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))


def test_dev_set_is_big_enough():
    items = read_gold(DEV)
    mentions = [m for item in items for m in item["mentions"]]
    assert len(mentions) >= 150
    assert {item["lang"] for item in items} == {"de", "en"}
    classes = {m[2] for m in mentions}
    assert {"metonym", "adjective", "transliteration", "surname", "role", "group",
            "unresolved"} <= classes


@pytest.mark.parametrize("name", ["dev.jsonl", "dev_roles_places.jsonl"])
@pytest.mark.parametrize("nlp", ["blank", "auto"])
def test_floor(name: str, nlp: str):
    """Each own dev set at or above its floor, gazetteer only and with the spaCy pipelines."""
    scores = score(DEV.parent / name, nlp)
    if nlp == "auto" and set(scores["nlp"].values()) == {"none"}:
        pytest.skip("no spaCy pipeline available")
    assert scores["accuracy"] >= ALL_FLOORS[name][nlp]["accuracy"], scores


def test_floor_on_gum_independent_gold():
    from tests.shared import shared_path

    from lagebild.eval.actors import score_gum

    scores = score_gum(shared_path("data", "gum_en", "gum_en.tar.xz"), "blank")
    floors = ALL_FLOORS["gum_en"]["blank"]
    assert scores["n"] > 500
    assert scores["recall"] >= floors["recall"], scores
    assert scores["precision"] >= floors["precision"], scores
    cities = ALL_FLOORS["gum_en"]["cities_blank"]
    assert scores["cities"]["n"] > 100
    assert scores["cities"]["recall"] >= cities["recall"], scores
    assert scores["cities"]["precision"] >= cities["precision"], scores


def test_cli_prints_scores_and_checks_floors():
    runner = CliRunner()
    result = runner.invoke(app, ["actors", str(DEV), "--nlp", "blank", "--min", "accuracy=0.9"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) >= {"accuracy", "n", "per_class"}
    result = runner.invoke(app, ["actors", str(DEV), "--nlp", "blank", "--min", "accuracy=1.01"])
    assert result.exit_code == 1


def test_bad_gold(tmp_path: Path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"text": "Moskau", "mentions": [["Kiew", "country:UKR", "x"]]}\n',
                   encoding="utf-8")
    with pytest.raises(EvalError):
        score(bad, "blank")
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(EvalError):
        read_gold(bad)
