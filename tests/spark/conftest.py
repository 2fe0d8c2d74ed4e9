"""Spark fixtures: one ``local[2]`` session for the whole area, skipped with a reason when
pyspark or Java is missing (``pip install 'lagebild[spark]'``, OpenJDK >= 17)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from lagebild.config import Config

TEST_CONF = {
    "spark.sql.shuffle.partitions": "4",
    "spark.default.parallelism": "4",
    "spark.ui.enabled": "false",
    "spark.driver.memory": "1g",
}


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from lagebild.spark.session import get_session, missing_requirements

    problem = missing_requirements()
    if problem:
        pytest.skip(f"Spark tests need pyspark and Java: {problem}")
    session = get_session("local[2]", "lagebild-tests", TEST_CONF)
    yield session
    session.stop()


@pytest.fixture(scope="session")
def stages() -> tuple[str, ...]:
    """The default stages, as the single-machine path runs them."""
    return Config().stages
