"""Quality floors on the gold dev data (read from ../shared/data; skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.eval import check_floors

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


def _floors(name: str) -> list[str]:
    return [f"{k}={v}" for k, v in FLOORS[name].items()]


def _quote_data() -> Path:
    data = SHARED / "data" / "german_news_quotation_attribution"
    if not data.exists():
        pytest.skip(f"gold data not found: {data}")
    return data


def test_quotes_dev_subset_floor() -> None:
    """The first 40 dev articles (fast; the German model when it is installed)."""
    from lagebild.eval.quotes import evaluate

    scores = evaluate(_quote_data(), "dev", limit=40)
    assert scores["n"]["articles"] == 40
    assert check_floors(scores, _floors("quotes_dev40")) == []


@pytest.mark.slow
def test_quotes_dev_floor() -> None:
    """All 150 dev articles (about 30 s of parsing on an idle machine)."""
    from lagebild.eval.quotes import evaluate

    scores = evaluate(_quote_data(), "dev")
    assert check_floors(scores, _floors("quotes_dev")) == []


@pytest.mark.slow
def test_polnear_dev_floor() -> None:
    from lagebild.eval.polnear import evaluate

    data = SHARED / "data" / "polnear_en"
    if not data.exists():
        pytest.skip(f"gold data not found: {data}")
    assert check_floors(evaluate(data, "dev"), _floors("polnear_dev")) == []


def test_source_types_floor() -> None:
    from lagebild.eval.sources import evaluate

    scores = evaluate(ROOT / "tests" / "data" / "attribution" / "source_types.tsv")
    assert scores["n"] >= 100
    assert check_floors(scores, _floors("source_types")) == []
