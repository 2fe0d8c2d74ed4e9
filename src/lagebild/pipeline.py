"""Stages registered by name, and the function that runs them over articles.

A stage is a function ``(article, doc, ctx) -> Article`` (``doc`` is the spaCy ``Doc``
of ``article.text`` or ``None`` before the ``nlp`` stage). Stages are named in
:data:`STAGES` with the module that implements them, what they require and what they
assign, and imported only when used, so a user can swap one by registering another
callable under the same name.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lagebild.errors import LagebildError, StageError
from lagebild.records import Article, Failure

if TYPE_CHECKING:
    from lagebild.config import Config

log = logging.getLogger(__name__)

StageFn = Callable[[Article, Any, "Context"], Article]


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    target: str  # "module:function"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STAGES: dict[str, StageSpec] = {
    s.name: s
    for s in (
        StageSpec("clean", "lagebild.clean:clean_stage", (), ("text", "title", "removed")),
        StageSpec("language", "lagebild.language:language_stage", ("text",), ("lang",)),
        StageSpec("nlp", "lagebild.nlp:parse", ("text", "lang"), ("doc",)),
        StageSpec("actors", "lagebild.actors:actors_stage", ("doc",), ("entities", "actors")),
        StageSpec(
            "attribution", "lagebild.attribution:attribution_stage", ("doc",), ("attributions",)
        ),
        StageSpec("claims", "lagebild.claims:claims_stage", ("doc",), ("times", "claims")),
    )
}

_OVERRIDES: dict[str, StageFn] = {}


def register_stage(name: str, fn: StageFn) -> None:
    """Replace (or add) the implementation of a stage by name."""
    if name not in STAGES:
        STAGES[name] = StageSpec(name, f"{fn.__module__}:{fn.__qualname__}")
    _OVERRIDES[name] = fn


def stage_function(name: str) -> StageFn:
    if name in _OVERRIDES:
        return _OVERRIDES[name]
    module, _, attr = STAGES[name].target.partition(":")
    fn: StageFn = getattr(importlib.import_module(module), attr)
    return fn


@dataclass
class Context:
    """What stages share in one process: the config and loaded resources (cached)."""

    config: Config
    resources: dict[str, Any] = field(default_factory=dict)

    def resource(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.resources:
            self.resources[key] = make()
        return self.resources[key]


def process(article: Article, ctx: Context) -> Article:
    """Run the configured stages over one article; raises :class:`StageError` naming the stage."""
    doc = None
    for name in ctx.config.stages:
        try:
            fn = stage_function(name)
            if name == "nlp":  # the one stage that yields a Doc: (article, ctx) -> Doc
                doc = fn(article, ctx)  # type: ignore[call-arg]
            else:
                article = fn(article, doc, ctx)
        except LagebildError as err:
            raise StageError(err.message, stage=name, code=err.code) from err
        except Exception as err:  # one bad article never aborts a batch
            log.debug("stage %s failed on %s", name, article.id, exc_info=True)
            raise StageError(f"{type(err).__name__}: {err}", stage=name) from err
    try:
        _check_limits(article, ctx.config)
    except LagebildError as err:
        raise StageError(err.message, stage="limits", code=err.code) from err
    return article


def _check_limits(article: Article, config: Config) -> None:
    """Refuse an article whose output is implausibly large (hostile or broken input)."""
    from lagebild.errors import LimitExceededError

    limits = config.limits
    for field_name, cap in (
        ("entities", limits.max_entities),
        ("attributions", limits.max_attributions),
        ("claims", limits.max_claims),
        ("times", limits.max_times),
    ):
        count = len(getattr(article, field_name))
        if count > cap:
            raise LimitExceededError(f"{count:,} {field_name} is over the limit of {cap:,}")


def run(articles: Iterable[Article | Failure], ctx: Context) -> Iterator[Article | Failure]:
    """Process each article; a failure in one is yielded as a :class:`Failure`, never raised."""
    for item in articles:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield process(item, ctx)
        except StageError as err:
            where = item.id or item.source_path or "?"
            yield Failure(where, err.stage, err.message, err.code)


def replace(article: Article, **changes: Any) -> Article:
    return dataclasses.replace(article, **changes)


def analyze_paths(
    paths: Iterable[str], config: Config | None = None, ctx: Context | None = None
) -> Iterator[Article | Failure]:
    """Read every input under ``paths`` and run the pipeline: the Python API of ``analyze``."""
    from lagebild.config import Config
    from lagebild.ingest import read_paths

    if ctx is None:
        ctx = Context(config or Config())
    yield from run(read_paths(paths, ctx.config.limits), ctx)
