"""Scorer unit tests and the pinned quality floors (dev bundle, WMT documents)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from lagebild.eval import check_floors
from lagebild.eval.stories import b3, outlet_key, register, run_eval, score
from lagebild.records import Drift, Origin, Story

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "stories"
FLOORS = json.loads((HERE / "floors.json").read_text())


def _floors(name: str) -> list[str]:
    return [f"{k}={v}" for k, v in FLOORS[name].items()]


def test_b3_perfect_split_and_lumped():
    gold = {"a": "1", "b": "1", "c": "2"}
    assert b3({"a": "x", "b": "x", "c": "y"}, gold)["f1"] == 1.0
    lumped = b3({"a": "x", "b": "x", "c": "x"}, gold)
    assert lumped["r"] == 1.0 and lumped["p"] == pytest.approx((2 / 3 * 2 + 1 / 3) / 3, 1e-3)
    split = b3({"a": "x", "b": "y", "c": "z"}, gold)
    assert split["p"] == 1.0 and split["r"] == pytest.approx((0.5 + 0.5 + 1) / 3, 1e-3)


def test_outlet_key_normalises_names_and_domains():
    assert outlet_key("https://www.politico.com/x") == outlet_key("Politico") == "politico"
    assert outlet_key("Financial Times") == "financialtimes"


def test_score_near_miss_origin_and_drift():
    gold = {
        "stories": [{"story_id": "g1", "articles": ["a", "b"], "original_source": "CNN"}],
        "near_miss": [{"id": "n", "nearest_story": "g1"}],
        "drift": [{"story_id": "g1", "kind": "role_changed", "articles": ["b"]},
                  {"story_id": "g1", "kind": "date_changed", "articles": ["b"]}],
    }
    drift = (Drift("role_changed", None, ("a", "b"), "x"),
             Drift("number_changed", None, ("a", "b"), "y"))
    good = [Story("s1", ("a", "b"), Origin("CNN", None, None, "credited"), drift=drift),
            Story("s2", ("n",), None)]
    got = score(gold, good, ["a", "b", "n"])
    assert got["b3"]["f1"] == 1.0 and got["near_miss_apart"] == 1.0
    assert got["origin_accuracy"] == 1.0
    assert (got["drift"]["p"], got["drift"]["r"]) == (0.5, 0.5)
    lumped = [Story("s1", ("a", "b", "n"), Origin("a.example", "a", None, "earliest"))]
    got = score(gold, lumped, ["a", "b", "n"])
    assert got["near_miss_apart"] == 0.0 and got["origin_accuracy"] == 0.0


def test_dev_bundle_meets_pinned_floors():
    scores = run_eval(str(DATA / "dev_gold.json"), str(DATA / "dev_articles.jsonl"), None)
    assert check_floors(scores, _floors("dev")) == [], scores


def test_second_bundle_meets_pinned_floors():
    """A story written after the rules (first run: drift P 0.67, R 1.0; see the notes)."""
    scores = run_eval(str(DATA / "heldout_gold.json"), str(DATA / "heldout_articles.jsonl"),
                      None)
    assert check_floors(scores, _floors("heldout")) == [], scores


def test_wmt_documents_meet_pinned_floor():
    path = HERE.parents[2] / "shared" / "data" / "wmt24_en_de_docs" / "docs_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is beside the project in CI)")
    scores = run_eval(None, None, str(path))
    assert scores["n_articles"] == 171
    assert check_floors(scores, _floors("wmt")) == [], scores


def test_cli_prints_json_and_fails_below_a_floor(tmp_path):
    app = typer.Typer()  # only this task's command: other eval modules are not under test
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps "stories" a sub-command
    lines = [
        {"id": "a", "lang": "en", "published": "2025-05-02", "text": "Heavy rain closed 40 "
         "schools in Valencia on Thursday, the regional government said."},
        {"id": "b", "lang": "de", "published": "2025-05-02", "text": "Starker Regen hat am "
         "Donnerstag in Valencia 40 Schulen geschlossen, teilte die Regionalregierung mit."},
        {"id": "c", "lang": "en", "published": "2025-05-02", "text": "The central bank of "
         "Norway kept its key rate at 4.5 percent on Thursday."},
    ]
    records = tmp_path / "r.jsonl"
    records.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"stories": [{"story_id": "g", "articles": ["a", "b"],
                                             "original_source": None}]}), encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(app, ["stories", str(gold), str(records), "--min", "b3.f1=0.9"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["b3"]["f1"] == 1.0
    bad = runner.invoke(app, ["stories", str(gold), str(records), "--min", "b3.f1=1.01"])
    assert bad.exit_code == 1
    missing = runner.invoke(app, ["stories"])
    assert missing.exit_code != 0


def test_dev_records_from_the_pipeline_meet_pinned_floors():
    """The same bundle with entities, attributions and claims (tests/data/stories/
    dev_records.jsonl, made by ``analyze_articles``; regenerate when the stages change)."""
    scores = run_eval(str(DATA / "dev_gold.json"), str(DATA / "dev_records.jsonl"), None)
    assert check_floors(scores, _floors("records")) == [], scores


@pytest.mark.slow
def test_pipeline_then_stories_meet_pinned_floors():
    scores = run_eval(str(DATA / "dev_gold.json"), str(DATA / "dev_articles.jsonl"), None,
                      analyze=True)
    assert check_floors(scores, _floors("records")) == [], scores
