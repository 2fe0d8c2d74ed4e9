"""The seed article (read from ../shared at test time; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.attribution import attribution_stage
from lagebild.config import Config
from lagebild.pipeline import Context
from lagebild.records import Article

SHARED = Path(__file__).resolve().parents[3] / "shared"

SEED = SHARED / "seeds" / "sample_de_rubio.txt"


@pytest.fixture(scope="module")
def seed() -> Article:
    if not SEED.exists():
        pytest.skip(f"seed article not found: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    return attribution_stage(Article("seed", None, None, "de", None, "2025-08-22", text), None,
                             Context(Config()))


def types(a) -> set[str]:
    return {s.type for s in a.sources}


def with_content(article: Article, word: str):
    return [a for a in article.attributions if word in a.content.text]


def test_rubio_sourced_to_anonymous_diplomat(seed: Article) -> None:
    hits = [a for a in seed.attributions
            if a.speaker and "Rubio" in a.speaker.text and "anonymous_diplomat" in types(a)]
    assert len(hits) >= 2  # the guarantees and the European lead, "so ein … Diplomat"


def test_call_confirmed_by_anonymous_official(seed: Article) -> None:
    a = with_content(seed, "Stattfinden")[0]
    assert a.speaker and "Regierungsbeamten" in a.speaker.text
    assert "anonymous_official" in types(a)


def test_pilots_from_anonymous_sources(seed: Article) -> None:
    a = with_content(seed, "Piloten")[0]
    assert "anonymous_sources" in types(a) and a.speaker.text.startswith("Quellen")


def test_trump_refusal(seed: Article) -> None:
    a = with_content(seed, "US-Truppen")[0]
    assert a.speaker.text == "Trump" and a.form == "reported"


def test_europeans_told_us_officials(seed: Article) -> None:
    a = with_content(seed, "militärische Informationen")[0]
    assert a.speaker.text == "Die Europäer" and a.form == "indirect"


def test_selenskyj_named_person(seed: Article) -> None:
    hits = [a for a in seed.attributions if a.speaker and "Selenskyj" in a.speaker.text]
    assert len(hits) >= 3  # äußerte, "Er stellte fest", betonte, hob … hervor
    assert all("named_person" in types(a) for a in hits)


def test_official_on_wednesday_meetings(seed: Article) -> None:
    a = with_content(seed, "alles verändert")[0]
    assert "Mittwochstreffen" in a.speaker.text and "anonymous_official" in types(a)


def test_russia_condition(seed: Article) -> None:
    a = with_content(seed, "Veto-Recht")[0]
    assert a.speaker.text == "Russland" and "named_org" in types(a)


def test_rest_unattributed(seed: Article) -> None:
    a = with_content(seed, "kein konkretes Versprechen")[0]
    assert a.speaker is None and types(a) == {"unattributed"}
    assert not any("Erfahren Sie" in a.content.text for a in seed.attributions)
