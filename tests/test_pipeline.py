"""Stages: registry, swapping one by name, one bad article never stops the batch, limits."""

from __future__ import annotations

import dataclasses

import pytest

from lagebild.config import Config, Limits
from lagebild.errors import ConfigError
from lagebild.pipeline import _OVERRIDES, STAGES, Context, register_stage, run
from lagebild.records import Article, Entity, Failure


def raw(i: int, text: str) -> Article:
    return Article(id=f"a{i}", url=None, outlet=None, lang="de", title=None, published=None,
                   text=text)


@pytest.fixture(autouse=True)
def _restore():
    saved = dict(_OVERRIDES)
    yield
    _OVERRIDES.clear()
    _OVERRIDES.update(saved)


def test_swapped_stage_runs_and_failure_names_stage():
    def shouting(article, doc, ctx):
        if "boom" in article.text:
            raise ValueError("cannot shout this")
        return dataclasses.replace(article, text=article.text.upper())

    register_stage("language", shouting)
    ctx = Context(Config(stages=("clean", "language")))
    out = list(run([raw(1, "eins zwei drei"), raw(2, "boom bang"), raw(3, "vier")], ctx))
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Article"]
    assert out[0].text == "EINS ZWEI DREI"
    assert out[1] == Failure("a2", "language", "ValueError: cannot shout this", "E300")


def test_entity_limit_refuses_article():
    def many(article, doc, ctx):
        ents = tuple(Entity(0, 1, "x", "PER") for _ in range(11))
        return dataclasses.replace(article, entities=ents)

    register_stage("actors", many)
    ctx = Context(Config(stages=("clean", "actors"), limits=Limits(max_entities=10)))
    [failure] = list(run([raw(1, "ein Text")], ctx))
    assert isinstance(failure, Failure) and failure.stage == "limits" and failure.code == "E106"


@pytest.mark.parametrize("field_name", ["attributions", "times", "claims"])
def test_every_capped_list_refuses_article(field_name):
    from tests.factories import rich_article

    [one] = getattr(rich_article(), field_name)[:1]

    def many(article, doc, ctx):
        return dataclasses.replace(article, **{field_name: (one,) * 4})

    register_stage("actors", many)
    limits = Limits(**{f"max_{field_name}": 3})
    ctx = Context(Config(stages=("clean", "actors"), limits=limits))
    [failure] = list(run([raw(1, "ein Text")], ctx))
    assert isinstance(failure, Failure) and failure.stage == "limits"
    assert f"4 {field_name} is over the limit of 3" in failure.reason


def test_unknown_stage_is_a_config_error():
    with pytest.raises(ConfigError):
        Config(stages=("clean", "teleport"))
    assert {"clean", "language", "nlp", "actors", "attribution", "claims"} <= set(STAGES)
