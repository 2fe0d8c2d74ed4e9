"""The UD and NER scorers, on files written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from lagebild.eval.ner import normalise_label, score_ner  # noqa: E402
from lagebild.eval.ud import score_ud  # noqa: E402
from lagebild.nlp import corpus  # noqa: E402

DATA = Path(__file__).parent / "data"


class GoldPipeline:
    """Stands in for a spaCy pipeline: returns the gold analysis (optionally spoiled)."""

    def __init__(self, docs, spoil=None) -> None:
        self.vocab = docs[0].vocab
        self.docs = docs
        self.spoil = spoil

    def pipe(self, inputs):
        for given, doc in zip(inputs, self.docs, strict=True):
            text = given if isinstance(given, str) else given.text
            assert text == doc.text
            if self.spoil:
                self.spoil(doc)
            yield doc


def test_conllu_reader_merges_multiword_tokens() -> None:
    sents = corpus.read_conllu(DATA / "mini_de_own.ud.txt")
    assert [s.key for s in sents] == ["t1", "t2"]
    forms = [t.form for t in sents[0].tokens]
    assert forms == ["Die", "Ministerin", "sagte", ",", "sie", "sei", "im", "Amt", "."]
    im = sents[0].tokens[6]
    assert (im.lemma, im.upos, im.xpos, im.deprel) == ("in", "ADP", "APPRART", "case")
    assert "Case=Dat" in im.feats
    assert sents[0].tokens[im.head].form == "Amt"
    assert sents[0].tokens[2].head == -1
    assert corpus.has_stts(sents)


def test_ud_scores_are_perfect_for_gold_and_drop_when_spoiled() -> None:
    sents = corpus.read_conllu(DATA / "mini_de_own.ud.txt")
    vocab = spacy.blank("de").vocab
    gold = GoldPipeline([corpus.ud_doc(vocab, sents)])
    scores = score_ud(gold, sents)
    for key in ("upos", "tag", "morph", "lemma", "mood_f1", "uas", "las", "sent_f1"):
        assert scores[key] == 1.0, key

    def spoil(doc):
        doc[5].set_morph("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")  # sei
        doc[0].pos_ = "PRON"

    spoiled = score_ud(GoldPipeline([corpus.ud_doc(vocab, sents)], spoil), sents)
    assert spoiled["mood_f1"] == 0.0
    assert spoiled["upos"] == round(13 / 14, 4)


def test_germeval_reader_maps_labels_and_outer_spans() -> None:
    sents = corpus.read_ner(DATA / "mini_germeval.tsv")
    spans = [corpus.ner_spans(s.tags) for s in sents]
    assert spans[0] == [(2, 4, "PER"), (6, 7, "LOC")]
    assert spans[1] == [(1, 2, "LOCderiv"), (2, 3, "ORG"), (5, 8, "MISC")]


def test_conll_reader() -> None:
    (sent,) = corpus.read_ner(DATA / "mini.conll")
    assert corpus.ner_spans(sent.tags) == [(0, 2, "PER"), (4, 5, "LOC")]


def test_ner_scores() -> None:
    sents = corpus.read_ner(DATA / "mini_germeval.tsv")
    vocab = spacy.blank("de").vocab
    docs = [corpus.ner_doc(vocab, s) for s in sents]
    assert score_ner(GoldPipeline(docs), sents)["f1"] == 1.0

    def spoil(doc):
        doc.ents = [e for e in doc.ents if e.label_ != "MISC"]

    docs = [corpus.ner_doc(vocab, s) for s in sents]
    scores = score_ner(GoldPipeline(docs, spoil), sents)
    assert scores["precision"] == 1.0
    assert scores["recall"] == 0.8
    assert scores["per_label"]["MISC"]["f1"] == 0.0


@pytest.mark.parametrize(("label", "ours"), [
    ("PERSON", "PER"), ("GPE", "LOC"), ("NORP", "MISC"), ("DATE", None),
    ("OTH", "MISC"), ("OTHderiv", "MISCderiv"), ("LOCpart", "LOC"), ("LOCderiv", "LOCderiv"),
])
def test_label_mapping(label: str, ours: str | None) -> None:
    assert normalise_label(label) == ours


def test_dev_split_is_stable_and_disjoint() -> None:
    keys = [f"s{i}" for i in range(2000)]
    dev = [k for k in keys if corpus.is_dev(k)]
    assert 0.12 < len(dev) / len(keys) < 0.18
    assert dev == [k for k in keys if corpus.is_dev(k)]


def test_eval_commands_print_json_and_honour_floors(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lagebild.eval import app

    runner = CliRunner()
    res = runner.invoke(app, ["ner", str(DATA / "mini_germeval.tsv"), "--model", "xx"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.stdout)
    assert scores["f1"] == 0.0  # a blank pipeline finds no entities
    res = runner.invoke(app, ["ud", str(DATA / "mini_de_own.ud.txt"), "--model", "xx",
                              "--min", "sent_f1=1.0"])
    assert res.exit_code == 0, res.output
    assert set(json.loads(res.stdout)) >= {"upos", "morph", "mood_f1", "uas", "las", "sent_f1"}
    res = runner.invoke(app, ["ud", str(DATA / "mini_de_own.ud.txt"), "--model", "xx",
                              "--min", "upos=0.5"])
    assert res.exit_code == 1
