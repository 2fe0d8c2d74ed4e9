"""Independent held-out sets (tests/data/heldout/, see docs/notes/heldout.md).

Written without reading the implementation or the dev sets. The floors sit a little below
the figures measured on 2026-11-25 so that a regression fails; they are not targets and
nothing was tuned on these sets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "heldout"

# measured: modality accuracy 0.3429, condition_match 0.4333; time exact_match 0.8904,
# extent_recall 0.9863; actors accuracy 0.9023; sources accuracy 0.8077
FLOORS: dict[str, dict[str, float]] = {
    "modality": {"accuracy": 0.30, "condition_match": 0.38},
    "time": {"exact_match": 0.85, "extent_recall": 0.95},
    "actors": {"accuracy": 0.87},
    "sources": {"accuracy": 0.77},
}


def _check(task: str, scores: dict[str, Any]) -> None:
    missed = [f"{key}: {scores[key]:.4f} < {floor:.2f}"
              for key, floor in FLOORS[task].items() if scores[key] + 1e-9 < floor]
    assert not missed, f"held-out {task} below floor: {missed}"


def test_modality_heldout() -> None:
    from lagebild.eval.modality import score_modality

    scores = score_modality(DATA / "modality_heldout2.jsonl")
    assert scores["n"] >= 100
    _check("modality", scores)


def test_time_heldout() -> None:
    from lagebild.eval.time import score_time

    scores = score_time(DATA / "time_heldout2.jsonl")
    assert scores["n"] >= 60
    _check("time", scores)


def test_actors_heldout() -> None:
    from lagebild.eval.actors import score

    scores = score(DATA / "actors_heldout2.jsonl", "auto")
    assert scores["n"] >= 80
    _check("actors", scores)


def test_sources_heldout() -> None:
    from lagebild.eval.sources import evaluate

    scores = evaluate(DATA / "sources_heldout2.tsv")
    assert scores["n"] >= 60
    _check("sources", scores)


@pytest.mark.parametrize("name", ["modality_heldout2.jsonl", "time_heldout2.jsonl",
                                  "actors_heldout2.jsonl", "sources_heldout2.tsv"])
def test_heldout_files_present(name: str) -> None:
    assert (DATA / name).is_file(), f"missing held-out set {name}"
