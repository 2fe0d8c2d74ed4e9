"""Drift and claim alignment on hand-built copies: each kind is found, paraphrase is not."""

from __future__ import annotations

import pytest
from stories_helpers import article, claim

from lagebild.records import Story
from lagebild.stories.build import describe

EN1 = ("The Netherlands will send two frigates to the Baltic Sea if NATO asks for them, Defence "
       "Minister Ruben Brekelmans said on Tuesday, the broadcaster NOS reported. The ships "
       "would leave Den Helder in March, a ministry official said.")
EN2 = ("The Dutch government will deploy two frigates to the Baltic Sea if NATO requests them, "
       "Defence Minister Ruben Brekelmans said on Tuesday, NOS reported. According to a ministry "
       "official, the ships would depart from Den Helder in March.")
DE1 = ("Die Niederlande werden zwei Fregatten in die Ostsee schicken, falls die NATO darum "
       "bittet, sagte Verteidigungsminister Ruben Brekelmans am Dienstag, wie der Sender NOS "
       "berichtete. Die Schiffe würden im März aus Den Helder auslaufen, sagte ein Beamter des "
       "Ministeriums.")

VARIANTS = {
    "role_changed": EN1.replace("Defence Minister", "Foreign Minister"),
    "number_changed": EN1.replace("two frigates", "three frigates"),
    "modality_changed": EN1.replace("will send", "could send"),
    "condition_dropped": EN1.replace(" if NATO asks for them", ""),
    "source_dropped": EN1.replace(", the broadcaster NOS reported", ""),
    "source_changed": EN1.replace("the broadcaster NOS reported", "Reuters reported"),
    "date_changed": EN1.replace("on Tuesday", "on Monday"),
    "detail_added": EN1.replace("leave Den Helder in March",
                                "leave Den Helder in March with a Belgian supply ship"),
    "detail_changed": EN1.replace("Den Helder", "Rotterdam"),
}


def _story(drifted: str) -> Story:
    copies = [
        article("en1", EN1, published="2025-02-05"),
        article("de1", DE1, lang="de", published="2025-02-05"),
        article("en2", EN2, published="2025-02-06"),
        article("x", drifted, published="2025-02-06"),
    ]
    story = Story(id="s1", articles=tuple(a.id for a in copies), origin=None)
    return describe(story, {a.id: a for a in copies})


def test_paraphrase_and_translation_are_not_drift():
    story = _story(EN2.replace("The Dutch government", "The government in The Hague"))
    assert [(d.kind, d.articles) for d in story.drift] == []
    assert story.origin.outlet == "NOS" and story.origin.basis == "credited"


@pytest.mark.parametrize("kind", sorted(VARIANTS))
def test_each_kind_of_drift_is_found_in_the_changed_copy(kind):
    story = _story(VARIANTS[kind])
    found = {(d.kind, d.articles[-1]) for d in story.drift}
    assert found == {(kind, "x")}
    item = next(d for d in story.drift if d.kind == kind)
    assert item.articles[0] != "x"  # the reference is a copy that kept the original
    assert item.detail


def test_drift_carries_evidence_from_both_copies():
    story = _story(VARIANTS["number_changed"])
    (item,) = story.drift
    assert "three frigates" in item.evidence["x"]
    assert "two frigates" in item.evidence[item.articles[0]] or "zwei" in item.evidence[
        item.articles[0]]


def test_claims_are_aligned_across_languages():
    en = article("en1", EN1, claims=(
        claim("c1", EN1, "will send two frigates to the Baltic Sea", actor="country:NLD",
              event="MOBILIZE", condition="if NATO asks for them"),
        claim("c9", EN1, "would leave Den Helder in March", actor=None, event="MOBILIZE",
              modality="possible"),
    ))
    de = article("de1", DE1, lang="de", claims=(
        claim("c3", DE1, "werden zwei Fregatten in die Ostsee schicken", actor="country:NLD",
              event="MOBILIZE", condition="falls die NATO darum bittet"),
    ))
    other = article("en2", EN2, claims=(
        claim("c2", EN2, "will deploy two frigates", actor="country:NLD", event="MOBILIZE"),
        claim("c5", EN2, "Defence Minister Ruben Brekelmans said", actor="person:ruben-brekelmans",
              event="CONSULT", modality="asserted"),
    ))
    story = describe(Story("s1", ("en1", "de1", "en2"), None),
                     {a.id: a for a in (en, de, other)})
    by_present = sorted(sorted(sc.present_in.items()) for sc in story.claims)
    assert [("de1", "c3"), ("en1", "c1"), ("en2", "c2")] in by_present
    assert [("en2", "c5")] in by_present
    main = next(sc for sc in story.claims if "de1" in sc.present_in)
    assert (main.actor_id, main.event_type) == ("country:NLD", "MOBILIZE")
