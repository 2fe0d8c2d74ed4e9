"""Stories, claims, attributions and actors as the web UI and the API query them."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixtures import english, german, story
from store_strategies import articles, stories

from lagebild.errors import StoreError
from lagebild.records import Article, Origin, Story
from lagebild.store import ArticleFilter, AttributionFilter, ClaimFilter, Store, StoryFilter


@pytest.fixture
def filled(store: Store) -> Store:
    store.save_articles([german(), english()])
    store.save_stories([story()])
    return store


def test_story_round_trip_and_list_row(filled: Store) -> None:
    assert filled.get_story("s1") == story()
    assert filled.get_story("s2") is None
    [row] = filled.list_stories()
    assert (row.id, row.n_articles, row.n_claims, row.n_drift) == ("s1", 2, 1, 1)
    assert row.origin == Origin("CNN", None, "2025-08-21", "credited")
    assert (row.first_published, row.last_published) == ("2025-08-22", "2025-08-23")
    assert row.langs == ("de", "en")
    assert row.outlets == ("beispiel.de", "example.com")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (StoryFilter(lang="en"), 1),
        (StoryFilter(lang="fr"), 0),
        (StoryFilter(outlet="beispiel.de"), 1),
        (StoryFilter(actor_id="person:marco-rubio"), 1),
        (StoryFilter(actor_id="person:nobody"), 0),
        (StoryFilter(since="2025-08-23"), 1),
        (StoryFilter(since="2025-08-24"), 0),
        (StoryFilter(until="2025-08-21"), 0),
        (StoryFilter(q="Waffenstillstand"), 1),
        (StoryFilter(q="Frieden"), 0),
    ],
)
def test_story_filters(filled_ro: Store, filters: StoryFilter, expected: int) -> None:
    assert len(filled_ro.list_stories(filters)) == expected
    assert filled_ro.count_stories(filters) == expected


def test_stories_need_their_articles_stored_first(store: Store) -> None:
    store.save_article(german())
    with pytest.raises(StoreError, match="not in the store"):
        store.save_stories([story()])
    assert store.count_stories() == 0


def test_saving_stories_is_idempotent_and_replace_all_drops_the_rest(filled: Store) -> None:
    assert filled.save_stories([story()]) == (0, 1)
    other = Story("s2", ("en1",), None)
    assert filled.save_stories([other]) == (1, 0)
    changed = dataclasses.replace(story(), drift=())
    assert filled.save_stories([changed], replace_all=True) == (1, 0)
    assert [s.id for s in filled.list_stories()] == ["s1"]
    assert filled.get_story("s1") == changed
    assert filled.counts()["drift"] == 0
    assert filled.integrity_check(deep=True) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=stories(["de1", "en1"]))
def test_any_story_round_trips(filled: Store, data: Story) -> None:
    filled.save_stories([data])
    assert filled.get_story(data.id) == data
    assert filled.integrity_check() == []


def test_claims_by_actor_target_modality_and_story(filled: Store) -> None:
    rows = filled.claims(ClaimFilter(actor_id="person:marco-rubio"))
    assert [(r.article_id, r.claim.modality) for r in rows] == [
        ("en1", "future"), ("de1", "conditional"),
    ]  # fmt: skip
    assert rows[1].claim == german().claims[0]
    assert filled.count_claims(ClaimFilter(modality="conditional", lang="de")) == 1
    assert filled.count_claims(ClaimFilter(target_id="country:UKR", since="2025-08-23")) == 1
    assert filled.count_claims(ClaimFilter(story_id="s1")) == 2
    assert filled.count_claims(ClaimFilter(event_type="THREATEN")) == 0
    assert len(filled.claims(limit=1, offset=1)) == 1


def test_attributions_by_source_type_and_speaker(filled: Store) -> None:
    anon = filled.attributions(AttributionFilter(source_type="anonymous_diplomat"))
    assert [r.article_id for r in anon] == ["de1"]
    assert anon[0].attribution == german().attributions[0]
    assert filled.count_attributions(AttributionFilter(source_actor_id="outlet:cnn.com")) == 1
    assert filled.count_attributions(AttributionFilter(speaker_id="person:marco-rubio")) == 1
    assert filled.count_attributions(AttributionFilter(outlet="example.com", form="direct")) == 0


def test_actor_profile_merges_roles_and_aliases(filled: Store) -> None:
    profile = filled.actor("person:marco-rubio")
    assert profile is not None
    assert profile.actor.wikidata == "Q324546"
    assert [r.role for r in profile.actor.roles] == ["Secretary of State"]
    assert dict(profile.aliases) == {"Marco Rubio": 1, "Rubio": 1}
    assert (profile.n_articles, profile.first_seen, profile.last_seen) == (
        2, "2025-08-22", "2025-08-23",
    )  # fmt: skip
    assert filled.actor("person:nobody") is None
    assert filled.actors(kind="country") == [("country:USA", "United States", "country")]
    assert [a[0] for a in filled.actors(name="RUB")] == ["person:marco-rubio"]
    assert filled.actors(name="%") == []
    assert filled.count_actors() == 2
    assert filled.count_actors(name="rub") == 1


def test_paging_arguments_are_checked(filled: Store) -> None:
    with pytest.raises(StoreError):
        filled.claims(limit=-1)
    with pytest.raises(StoreError):
        filled.list_stories(offset=-5)


def test_replacing_an_article_updates_its_stories_dates(filled: Store) -> None:
    filled.save_article(dataclasses.replace(english(), published="2025-09-30"))
    [row] = filled.list_stories()
    assert (row.first_published, row.last_published) == ("2025-08-22", "2025-09-30")
    assert filled.count_stories(StoryFilter(since="2025-09-01")) == 1
    assert filled.integrity_check(deep=True) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    batch=st.lists(
        articles(),
        max_size=8,
        unique_by=lambda a: a.id,
    ),
    lang=st.none() | st.sampled_from(["de", "en", "uk"]),
    since=st.none() | st.dates().map(str),
    until=st.none() | st.dates().map(str),
    dates=st.lists(st.none() | st.dates().map(str), min_size=8, max_size=8),
)
def test_article_filters_agree_with_a_python_model(
    store: Store,
    batch: list[Article],
    lang: str | None,
    since: str | None,
    until: str | None,
    dates: list[str | None],
) -> None:
    batch = [dataclasses.replace(a, published=d) for a, d in zip(batch, dates, strict=False)]
    store.save_articles(batch)
    stored = {a.id: a for a in store.iter_articles(limit=1000)}  # includes earlier examples

    def day(a: Article) -> str | None:
        return a.published[:10] if a.published else None

    expected = {
        i for i, a in stored.items()
        if (lang is None or a.lang == lang)
        and (since is None or (day(a) is not None and day(a) >= since))
        and (until is None or (day(a) is not None and day(a) <= until))
    }  # fmt: skip
    f = ArticleFilter(lang=lang, since=since, until=until)
    assert {r.id for r in store.list_articles(f, limit=1000)} == expected
    assert store.count_articles(f) == len(expected)
    claims = ClaimFilter(lang=lang, since=since, until=until)
    assert store.count_claims(claims) == sum(len(stored[i].claims) for i in expected)
