"""Two small hand-written copies of one story (our own sentences) for query tests."""

from __future__ import annotations

from lagebild.records import (
    Actor,
    Article,
    Attribution,
    Claim,
    Drift,
    Entity,
    Origin,
    Quantity,
    Role,
    Source,
    Span,
    Speaker,
    Story,
    StoryClaim,
    TimeValue,
)

RUBIO = Actor(
    "Marco Rubio", "person", "USA", "Q324546", (Role("Secretary of State", "USA", "2025-01-21"),)
)
USA = Actor("United States", "country", "USA")


def german() -> Article:
    text = (
        "Außenminister Marco Rubio hat am Donnerstag Sicherheitsgarantien für die Ukraine "
        "zugesagt, falls ein Waffenstillstand hält. Das berichtet ein Diplomat."
    )
    when = TimeValue("am Donnerstag", "2025-08-21", "day", "exact", "weekday before publication")
    return Article(
        "de1", "https://beispiel.de/a", "beispiel.de", "de", "Rubio sagt Garantien zu",
        "2025-08-22", text,
        entities=(Entity(14, 25, "Marco Rubio", "PER", "person:marco-rubio"),),
        actors={"person:marco-rubio": RUBIO, "country:USA": USA},
        attributions=(
            Attribution(
                "t1", "reported", Span(128, 137, "berichtet"), Span(0, 118, text[:118]),
                Speaker("ein Diplomat"),
                (Source("ein Diplomat", "anonymous_diplomat"),),
            ),
        ),
        claims=(
            Claim(
                "c1", "person:marco-rubio", "SUPPORT", "guarantee", "country:UKR",
                "conditional", "falls ein Waffenstillstand hält", Quantity("30 Länder", 30.0),
                when, Span(0, 118, text[:118]), "t1",
            ),
        ),
    )  # fmt: skip


def english() -> Article:
    text = (
        "Secretary Rubio said on Thursday that Washington will guarantee Ukraine's security, "
        "CNN reported."
    )
    return Article(
        "en1", "https://example.com/b", "example.com", "en", "Rubio pledges guarantees",
        "2025-08-23", text,
        entities=(Entity(10, 15, "Rubio", "PER", "person:marco-rubio"),),
        actors={"person:marco-rubio": RUBIO},
        attributions=(
            Attribution(
                "t1", "indirect", Span(16, 20, "said"), Span(21, 83, text[21:83]),
                Speaker("Secretary Rubio", "person:marco-rubio"),
                (Source("CNN", "outlet", "outlet:cnn.com"),),
            ),
        ),
        claims=(
            Claim(
                "c1", "person:marco-rubio", "SUPPORT", "guarantee", "country:UKR", "future",
                None, None, None, Span(0, 83, text[:83]), "t1",
            ),
        ),
    )  # fmt: skip


def story() -> Story:
    return Story(
        "s1", ("de1", "en1"), Origin("CNN", None, "2025-08-21", "credited"),
        (StoryClaim("k1", "person:marco-rubio", "SUPPORT", "country:UKR",
                    {"de1": "c1", "en1": "c1"}),),
        (Drift("condition_dropped", "k1", ("de1", "en1"), "condition lost",
               {"de1": "falls ein Waffenstillstand hält", "en1": ""}),),
        "Rubio: Garantien für die Ukraine",
    )  # fmt: skip
