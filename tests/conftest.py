"""Shared fixtures: paths to the project's own test data and to ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.shared import SHARED, shared_path  # noqa: F401 - re-exported for tests

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def seed_text() -> str:
    return shared_path("seeds", "sample_de_rubio.txt").read_text(encoding="utf-8")
