"""The attribution stage on example articles written for these tests."""

from __future__ import annotations

import pytest

from lagebild.attribution import attribution_stage
from lagebild.config import Config
from lagebild.pipeline import Context
from lagebild.records import FORMS, SOURCE_TYPES, Article, Entity

DE = (
    "„Wir lassen die Ukraine nicht allein“, sagte die Außenministerin am Montag. "
    "„Das ist unser Versprechen“, fügte sie hinzu, „und wir halten es.“\n"
    "Der Kanzler kündigte neue Hilfen an. Laut einem Regierungssprecher sollen die Mittel "
    "noch im Herbst fließen. Nach Angaben der Polizei wurden zwei Menschen verletzt.\n"
    "Ein Sprecher des Kremls erklärte, Moskau sei zu Gesprächen bereit. Die Bedingungen "
    "seien aber unverändert.\n"
    "Die Brücke wurde im vergangenen Jahr für den Verkehr gesperrt.\n"
    "Anna Berger erklärte, dass die Verhandlungen weitergehen. Sie betonte jedoch, dass "
    "keine Einigung absehbar sei, so ein westlicher Diplomat."
)


def run(text: str, lang: str, doc=None, entities=()) -> Article:
    art = Article("a1", None, None, lang, None, None, text, entities=tuple(entities))
    return attribution_stage(art, doc, Context(Config()))


def find(article: Article, snippet: str):
    hits = [a for a in article.attributions if snippet in a.content.text]
    assert hits, f"no attribution with {snippet!r}"
    return hits[0]


@pytest.fixture(scope="module")
def de() -> Article:
    return run(DE, "de")


def test_records_are_well_formed(de: Article) -> None:
    assert [a.id for a in de.attributions] == [f"t{k}" for k in range(1, len(de.attributions) + 1)]
    for a in de.attributions:
        assert a.form in FORMS
        assert DE[a.content.start : a.content.end] == a.content.text
        if a.cue:
            assert DE[a.cue.start : a.cue.end] == a.cue.text
        assert a.sources and all(s.type in SOURCE_TYPES for s in a.sources)


def test_direct_quote_with_trailing_frame(de: Article) -> None:
    a = find(de, "nicht allein")
    assert a.form == "direct" and a.cue.text == "sagte"
    assert a.speaker.text == "die Außenministerin"


def test_interrupted_quote_is_one_attribution(de: Article) -> None:
    a = find(de, "unser Versprechen")
    assert "wir halten es" in a.content.text
    assert a.speaker.text == "die Außenministerin"  # "sie" resolved


def test_reported_separable_verb(de: Article) -> None:
    a = find(de, "neue Hilfen")
    assert a.form == "reported" and a.cue.text == "kündigte"
    assert a.speaker.text == "Der Kanzler"


def test_according_to(de: Article) -> None:
    a = find(de, "im Herbst")
    assert a.form == "according_to"
    assert a.sources[0].type == "anonymous_official"
    b = find(de, "zwei Menschen")
    assert b.form == "according_to" and b.sources[0].type == "named_org"


def test_indirect_v2_and_free_indirect(de: Article) -> None:
    a = find(de, "Moskau sei")
    assert a.form == "indirect" and a.cue.text == "erklärte"
    b = find(de, "Bedingungen seien")
    assert b.form == "indirect" and b.cue is None
    assert b.speaker.text == a.speaker.text == "Ein Sprecher des Kremls"


def test_unattributed_claim(de: Article) -> None:
    a = find(de, "Brücke")
    assert a.speaker is None and a.sources[0].type == "unattributed"


def test_pronoun_and_source_chain(de: Article) -> None:
    a = find(de, "keine Einigung")
    assert a.speaker.text == "Anna Berger"  # "Sie" resolved
    assert a.sources[0].type == "anonymous_diplomat"
    b = find(de, "Verhandlungen weitergehen")  # the "so"-source covers the statement before
    assert b.sources[0].type == "anonymous_diplomat"


def test_actor_ids_from_entities() -> None:
    text = "Anna Berger erklärte, dass die Verhandlungen weitergehen."
    ent = Entity(0, 11, "Anna Berger", "PER", "person:anna-berger")
    a = run(text, "de", entities=[ent]).attributions[0]
    assert a.speaker.actor_id == "person:anna-berger"
    assert a.sources[0].actor_id == "person:anna-berger"


def test_uses_a_given_doc(blank_de) -> None:
    text = "Der Minister sagte, die Lage sei ernst."
    a = run(text, "de", doc=blank_de(text)).attributions[0]
    assert a.form == "indirect" and a.content.text == "die Lage sei ernst"


def test_empty_text() -> None:
    assert run("", "de").attributions == ()


EN = (
    "The United States is ready to help, Secretary of State Marco Rubio said on Thursday. "
    '"We will not walk away," he told CNN. According to two people familiar with the talks, '
    "the plan includes air support. A senior administration official said that no troops "
    "would be sent. Russia warned against any deployment."
)


@pytest.fixture(scope="module")
def en(nlp_en) -> Article:
    return run(EN, "en", doc=nlp_en(EN))


def test_english_forms_and_chain(en: Article) -> None:
    a = find(en, "ready to help")
    assert a.speaker.text == "Secretary of State Marco Rubio" and a.form == "indirect"
    b = find(en, "walk away")
    assert b.form == "direct" and "Rubio" in b.speaker.text
    assert [s.type for s in b.sources] == ["named_person", "outlet"]
    c = find(en, "air support")
    assert c.form == "according_to" and c.sources[0].type == "anonymous_sources"
    d = find(en, "no troops")
    assert d.sources[0].type == "anonymous_official"
    e = find(en, "any deployment")
    assert e.form == "reported" and e.speaker.text == "Russia"


def test_told_reporters_is_an_audience_not_an_outlet():
    from lagebild.config import Config
    from lagebild.pipeline import Context, process
    from lagebild.records import Article

    text = ("Ministers met in Brussels on Wednesday. NATO defence ministers did not agree on a "
            "timetable for the mission, Mark Rutte told reporters after the meeting.")
    out = process(Article("r", None, None, "en", "T", "2025-10-15", text), Context(Config()))
    sources = [s for a in out.attributions for s in a.sources]
    assert not any("reporters" in s.text for s in sources), sources
