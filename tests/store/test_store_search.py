"""Full-text search (FTS5 / tsvector) and hostile strings in every search and filter value."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixtures import english, german

from lagebild.store import (
    ArticleFilter,
    AttributionFilter,
    ClaimFilter,
    Store,
    StoryFilter,
)
from lagebild.store.search import Term, fts5_query, parse_query, tsquery

INJECTIONS = [
    "'; DROP TABLE articles; --",
    '"; DROP TABLE articles; --',
    "Rubio' OR '1'='1",
    "1; DELETE FROM claims",
    "Rubio\x00' OR 1=1 --",
    "NEAR(Rubio Ukraine) OR title:Rubio",
    "Rubio AND NOT Ukraine",
    "rubio:* | ukraine & !(x)",
    "*",
    '"',
    "'",
    "\\",
    "%_%",
    "((((",
    "Ru\u0000bio",
    "' UNION SELECT record FROM articles --",
    "x" * 5000,
]


@pytest.fixture
def filled(filled_ro: Store) -> Store:
    return filled_ro


def test_parse_query_keeps_only_words_phrases_and_prefixes() -> None:
    terms = parse_query("Rubio \"Garantien für\" Ukr* ; DROP -- 'x'")
    assert terms == [
        Term(("Rubio",)), Term(("Garantien", "für")), Term(("Ukr",), prefix=True),
        Term(("DROP",)), Term(("x",)),
    ]  # fmt: skip
    assert fts5_query(terms[:3]) == '"Rubio" "Garantien für" "Ukr"*'
    assert tsquery(terms[:3]) == "('Rubio') & ('Garantien' <-> 'für') & ('Ukr':*)"
    assert parse_query("'; -- !!") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Rubio", ["de1", "en1"]),
        ("rubio washington", ["en1"]),  # every word must match
        ("Waffenstillstand", ["de1"]),
        ("Sicherheits*", ["de1"]),
        ('"Rubio hat am Donnerstag"', ["de1"]),
        ('"Donnerstag Rubio"', []),
        ("Garantien", ["de1"]),  # in the title only
        ("außenminister", ["de1"]),
        ("", []),
    ],
)
def test_search_finds_words_phrases_and_prefixes(
    filled: Store, query: str, expected: list[str]
) -> None:
    hits = filled.search(query)
    assert sorted(h.id for h in hits) == expected
    assert filled.count_search(query) == len(expected)


def test_search_snippet_marks_hits_and_filters_apply(filled: Store) -> None:
    [hit] = filled.search("Waffenstillstand")
    assert "\x02Waffenstillstand\x03" in hit.snippet
    assert (hit.title, hit.outlet, hit.lang) == ("Rubio sagt Garantien zu", "beispiel.de", "de")
    assert [h.id for h in filled.search("Rubio", filters=ArticleFilter(lang="en"))] == ["en1"]
    assert filled.search("Rubio", limit=1, offset=1)[0].id in {"de1", "en1"}
    assert filled.search("Rubio", limit=1, offset=2) == []


def test_search_follows_replacement(store: Store) -> None:
    store.save_articles([german(), english()])
    filled = store
    filled.save_article(dataclasses.replace(german(), text="Nur noch ein Satz.", title=None))
    assert [h.id for h in filled.search("Waffenstillstand")] == []
    assert [h.id for h in filled.search("Satz")] == ["de1"]


def _state(store: Store) -> dict[str, int]:
    return store.counts()


@pytest.mark.parametrize("hostile", INJECTIONS)
def test_hostile_strings_in_every_search_and_filter_are_inert(filled: Store, hostile: str) -> None:
    before = _state(filled)
    assert filled.search(hostile) == [] or all(
        h.id in {"de1", "en1"} for h in filled.search(hostile)
    )
    filled.count_search(hostile, ArticleFilter(lang=hostile, outlet=hostile, q=hostile))
    assert filled.list_articles(ArticleFilter(lang=hostile, outlet=hostile, actor_id=hostile)) == []
    assert filled.count_articles(ArticleFilter(since=hostile, until=hostile)) >= 0
    story_filter = StoryFilter(hostile, hostile, hostile, hostile, hostile, hostile)
    assert filled.list_stories(story_filter) == []
    claim_filter = ClaimFilter(*([hostile] * 10))
    assert filled.claims(claim_filter) == []
    attribution_filter = AttributionFilter(*([hostile] * 9))
    assert filled.attributions(attribution_filter) == []
    assert filled.actor(hostile) is None
    assert filled.actors(kind=hostile, name=hostile) == []
    assert filled.get_article(hostile) is None
    assert filled.get_story(hostile) is None
    assert filled.failures(stage=hostile) == []
    assert _state(filled) == before
    assert filled.integrity_check() == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=60))
def test_any_query_string_is_answered_without_error(filled: Store, query: str) -> None:
    hits = filled.search(query)
    assert {h.id for h in hits} <= {"de1", "en1"}
    assert filled.count_search(query) == len(hits)


def test_a_very_long_article_is_stored_and_found(store: Store) -> None:
    words = " ".join(f"wort{i}" for i in range(250_000))  # ~2.2 million characters
    long = dataclasses.replace(german(), id="long", text=f"Anfang {words} Ende")
    assert store.save_article(long) is True
    assert store.get_article("long") == long
    assert [h.id for h in store.search("Anfang")] == ["long"]
