"""Shared fixtures: paths to the project's own test data and to ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def data_dir() -> Path:
    return DATA


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the calling test is skipped when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is beside the project in CI)")
    return path


@pytest.fixture
def seed_text() -> str:
    return shared_path("seeds", "sample_de_rubio.txt").read_text(encoding="utf-8")
