"""Loading pipelines by name and parsing an article (no network, own sentences)."""

from __future__ import annotations

import dataclasses

import pytest

spacy = pytest.importorskip("spacy")

from lagebild.config import Config  # noqa: E402
from lagebild.errors import ModelNotFoundError  # noqa: E402
from lagebild.nlp import BUILTIN_MODELS, load, load_model, parse  # noqa: E402
from lagebild.nlp.sentences import FACTORY  # noqa: E402
from lagebild.pipeline import Context  # noqa: E402
from lagebild.records import Article  # noqa: E402

HAS_DE = (BUILTIN_MODELS["lagebild-de"] / "config.cfg").is_file()
needs_de = pytest.mark.skipif(not HAS_DE, reason="German model not trained (scripts/train_de.py)")

TEXT_DE = (
    "Die Außenministerin Helga Brandt reiste am Dienstag nach Warschau. "
    "Sie sagte, die Bundesregierung werde die polnische Regierung unterstützen. "
    "„Wir stehen an der Seite unserer Nachbarn“, sagte Brandt."
)


def article(text: str, lang: str | None) -> Article:
    return Article(id="t1", url=None, outlet=None, lang=lang, title=None, published=None,
                   text=text)


def test_missing_model_raises_clear_error() -> None:
    config = Config().with_models("de=no_such_pipeline_xyz")
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline_xyz"):
        load("de", config)


def test_language_without_model_gets_blank_pipeline_with_sentences() -> None:
    nlp = load("uk", Config())
    assert nlp.lang == "xx"
    assert FACTORY in nlp.pipe_names
    doc = nlp("Перше речення. Друге речення.")
    assert len(list(doc.sents)) == 2


def test_load_is_cached_per_process() -> None:
    assert load("uk", Config()) is load("uk", Config())
    assert load_model("xx") is load("uk", Config())


def test_english_default_pipeline_parses() -> None:
    ctx = Context(Config())
    doc = parse(article("Senator Maria Lopez met officials in Ottawa on Friday. "
                        "She said talks would continue.", "en"), ctx)
    assert len(list(doc.sents)) == 2
    assert any(ent.label_ == "GPE" and ent.text == "Ottawa" for ent in doc.ents)
    assert doc.has_annotation("DEP")


def test_parse_without_language_uses_fallback() -> None:
    doc = parse(article("Ein Satz. Noch ein Satz.", None), Context(Config()))
    assert len(list(doc.sents)) == 2


def test_regional_language_tags_use_the_language_model() -> None:
    doc = parse(article("Der Bundesrat tagte in Bern. Er beschloss nichts.", "de-CH"),
                Context(Config().with_models("de=xx")))
    assert len(list(doc.sents)) == 2
    assert load("EN_us", Config()) is load("en", Config())


def test_max_length_follows_limits() -> None:
    config = Config()
    limits = dataclasses.replace(config.limits, max_text_chars=3_000_000)
    nlp = load("uk", dataclasses.replace(config, limits=limits))
    assert nlp.max_length > 3_000_000


@needs_de
def test_german_model_gives_full_annotation() -> None:
    ctx = Context(Config())
    doc = parse(article(TEXT_DE, "de"), ctx)
    assert [s.text.split()[0] for s in doc.sents] == ["Die", "Sie", "„Wir"]
    for attr in ("TAG", "POS", "MORPH", "LEMMA", "DEP"):
        assert doc.has_annotation(attr), attr
    werde = next(t for t in doc if t.text == "werde")
    assert "Sub" in werde.morph.get("Mood")
    assert werde.tag_ == "VAFIN"
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Warschau") == "LOC"
    assert labels.get("polnische") == "LOCderiv"
    assert "Helga Brandt" in labels and labels["Helga Brandt"] == "PER"
