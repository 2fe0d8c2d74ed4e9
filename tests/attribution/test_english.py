"""English-only rules (issue 5): told-frames, quote-then-subject frames, evidence objects."""

from __future__ import annotations

import pytest

from lagebild.attribution import attribution_stage
from lagebild.config import Config
from lagebild.pipeline import Context
from lagebild.records import Article

TEXT = (
    "The defence minister told the BBC on Monday that the frigates would sail in spring. "
    "An aide to the governor told reporters that the budget vote was delayed. "
    '"We are not giving up on the harbour plan," Ellen Marsh, a council member from the '
    "north ward, said after the meeting. "
    '"Who will pay for the dredging?" Marsh asked. '
    "A survey of dock workers showed broad support for the night shifts. "
    "The mayor closed the old pier on Friday, saying that the beams had rotted. "
    "Critics attacked her suggestion that the ferry could run without a subsidy."
)


@pytest.fixture(scope="module")
def en(nlp_en) -> Article:
    art = Article("e1", None, "example.org", "en", None, "2025-03-03", TEXT)
    return attribution_stage(art, nlp_en(TEXT), Context(Config()))


def find(article: Article, snippet: str):
    hits = [a for a in article.attributions if snippet in a.content.text]
    assert hits, f"no attribution with {snippet!r}"
    return hits[0]


def test_told_outlet_keeps_the_cue(en: Article) -> None:
    a = find(en, "frigates would sail")
    assert a.cue.text == "told" and a.speaker.text == "The defence minister"
    assert "BBC" not in a.content.text
    assert [s.type for s in a.sources] == ["named_person", "outlet"]
    assert a.sources[1].text == "the BBC"


def test_told_an_audience_is_no_source(en: Article) -> None:
    a = find(en, "budget vote")
    assert a.cue.text == "told" and a.speaker.text.startswith("An aide")
    assert [s.type for s in a.sources] == ["anonymous_official"]


def test_quote_then_subject_with_apposition(en: Article) -> None:
    a = find(en, "harbour plan")
    assert a.form == "direct" and a.cue.text == "said"
    assert a.speaker.text.startswith("Ellen Marsh")
    q = find(en, "dredging")
    assert q.form == "direct" and q.cue.text == "asked" and "Marsh" in q.speaker.text


def test_evidence_verb_object(en: Article) -> None:
    a = find(en, "broad support")
    assert a.cue.text == "showed" and a.content.text.startswith("broad support")


def test_participle_takes_the_main_subject(en: Article) -> None:
    a = find(en, "beams had rotted")
    assert a.cue.text == "saying" and a.speaker.text == "The mayor"


def test_speech_noun_with_that_clause(en: Article) -> None:
    # "attacked" is a cue of its own (its content: "her suggestion that …"); the noun frame
    # is the one whose cue is "suggestion"
    hits = [a for a in en.attributions if a.cue is not None and a.cue.text == "suggestion"]
    assert hits and hits[0].content.text.startswith("that the ferry")
    assert "without a subsidy" in hits[0].content.text


TRANSCRIPT = (
    "The panel argued about the harbour budget on Sunday.\n\n"
    "Okafor: Honestly, nobody in the port wants another levy.\n\n"
    "Lena Brandt-Wiley: The levy would pay for the new cranes within three years.\n\n"
    "Most of the dock workers left before the vote."
)


def test_transcript_speaker_lines(nlp_en) -> None:
    art = Article("e2", None, "example.org", "en", None, "2025-03-04", TRANSCRIPT)
    out = attribution_stage(art, nlp_en(TRANSCRIPT), Context(Config()))
    a = find(out, "another levy")
    assert a.cue.text == ":" and a.speaker.text == "Okafor"
    b = find(out, "new cranes")
    assert b.speaker.text == "Lena Brandt-Wiley"


def test_agentless_passive_cue_has_no_speaker(nlp_en) -> None:
    text = "The harbour master is expected to resign before the winter storms."
    art = Article("e3", None, "example.org", "en", None, "2025-03-05", text)
    out = attribution_stage(art, nlp_en(text), Context(Config()))
    a = find(out, "resign before")
    assert a.cue.text == "expected" and a.speaker is None


def test_stance_adjective_frame(nlp_en) -> None:
    text = "The fishermen are deeply worried about the new quota for cod."
    art = Article("e4", None, "example.org", "en", None, "2025-03-06", text)
    out = attribution_stage(art, nlp_en(text), Context(Config()))
    a = find(out, "new quota")
    assert a.cue.text == "worried" and a.speaker.text == "The fishermen"
    assert not a.content.text.startswith("about")
