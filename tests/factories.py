"""Hand-built records for tests: one rich article with every kind of child record."""

from __future__ import annotations

from lagebild.records import (
    Actor,
    Article,
    Attribution,
    Claim,
    Entity,
    Quantity,
    Removed,
    Role,
    Source,
    Span,
    Speaker,
    TimeExpr,
    TimeValue,
)  # fmt: skip


def rich_article() -> Article:
    when = TimeValue(
        "am Donnerstag", "2025-08-21", "day", "exact", "weekday before publication date"
    )
    return Article(
        id="a001",
        url="https://example.org/x",
        outlet="example.org",
        lang="de",
        title="T",
        published="2025-08-22",
        text="Rubio sagte am Donnerstag, die USA würden helfen.",
        removed=(Removed(0, 10, "repeated_teaser", "x"),),
        entities=(Entity(0, 5, "Rubio", "PER", "person:marco-rubio"),),
        actors={
            "person:marco-rubio": Actor(
                "Marco Rubio",
                "person",
                "USA",
                None,
                (Role("Secretary of State", "USA", "2025-01-21"),),
            )
        },
        attributions=(
            Attribution(
                "t1",
                "indirect",
                Span(6, 11, "sagte"),
                Span(27, 49, "die USA würden helfen"),
                Speaker("Rubio", "person:marco-rubio", 0, 5),
                (Source("ein Diplomat", "anonymous_diplomat"),),
            ),
        ),
        times=(TimeExpr(12, 25, "am Donnerstag", "2025-08-21", "day", "exact", "weekday"),),
        claims=(
            Claim(
                "c1",
                "country:USA",
                "AID",
                None,
                "country:UKR",
                "future",
                None,
                Quantity("30 Länder", 30.0, None, "Länder"),
                when,
                Span(27, 49, "die USA würden helfen"),
                "t1",
            ),
        ),
        offset_map=((0, 0, 49),),
    )
