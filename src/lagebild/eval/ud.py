"""``lagebild eval ud FILE.conllu``: tagging, morphology, parsing and sentences vs UD gold.

The pipeline reads the raw text (10 gold sentences per document, so sentence splitting
is scored too); its tokens are aligned to the gold tokens (multi-word tokens such as
"im" merged, as the tokenizer sees them). Every score is over gold tokens: a gold token
the pipeline split or merged counts as wrong. LAS compares universal relations (the part
before ":"), as the CoNLL 2018 shared task did. STTS (``tag``) is scored on sentences
whose XPOS are STTS. ``mood_f1`` is the F1 of ``Mood=Sub`` (Konjunktiv I/II) on tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lagebild.eval import MIN_OPTION_HELP, emit

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from lagebild.nlp.corpus import UDSentence

SENTS_PER_DOC = 10


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _universal(dep: str) -> str:
    return "root" if dep.lower() == "root" else dep.split(":")[0]


def _sent_spans(doc: Doc) -> set[tuple[int, int]]:
    spans = set()
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            spans.add((words[0].idx, words[-1].idx + len(words[-1].text)))
    return spans


class _Tally:
    def __init__(self) -> None:
        self.n: dict[str, int] = {}

    def add(self, key: str, value: int = 1) -> None:
        self.n[key] = self.n.get(key, 0) + value

    def __getitem__(self, key: str) -> int:
        return self.n.get(key, 0)


def _score_doc(pred: Doc, gold: Doc, stts: list[bool], t: _Tally) -> None:
    from spacy.training import Example

    align = Example(pred, gold).alignment
    g2p: dict[int, int] = {}
    for g, lengths in enumerate(align.y2x.lengths):
        if lengths == 1:
            x = int(align.y2x[g][0])
            if align.x2y.lengths[x] == 1:
                g2p[g] = x
    for g, gtok in enumerate(gold):
        t.add("tokens")
        p = g2p.get(g)
        ptok = pred[p] if p is not None else None
        gold_sub = "Sub" in gtok.morph.get("Mood", [])
        t.add("mood_gold", gold_sub)
        if stts[g]:
            t.add("tag_n")
        if ptok is None:
            continue
        t.add("aligned")
        t.add("upos", ptok.pos_ == gtok.pos_)
        t.add("tag", stts[g] and ptok.tag_ == gtok.tag_)
        t.add("morph", ptok.morph == gtok.morph)
        t.add("lemma", ptok.lemma_ == gtok.lemma_)
        t.add("mood_tp", gold_sub and "Sub" in ptok.morph.get("Mood", []))
        gold_head = gtok.head.i
        pred_head: int | None = g2p.get(gold_head) if gold_head != g else p
        if pred_head is not None and ptok.head.i == pred_head:
            t.add("uas")
            t.add("las", _universal(ptok.dep_) == _universal(gtok.dep_))
    t.add("mood_pred", sum("Sub" in tok.morph.get("Mood", []) for tok in pred))
    gold_sents, pred_sents = _sent_spans(gold), _sent_spans(pred)
    t.add("sent_gold", len(gold_sents))
    t.add("sent_pred", len(pred_sents))
    t.add("sent_tp", len(gold_sents & pred_sents))


def score_ud(nlp: Language, sentences: Sequence[UDSentence]) -> dict[str, Any]:
    """Scores of ``nlp`` against gold UD sentences (fractions in [0, 1])."""
    from lagebild.nlp.corpus import chunk, has_stts, ud_doc

    groups = chunk(sentences, SENTS_PER_DOC)
    golds = [ud_doc(nlp.vocab, group) for group in groups]
    stts = [[has_stts([s]) for s in group for _ in s.tokens] for group in groups]
    t = _Tally()
    texts = (gold.text for gold in golds)
    for pred, gold, flags in zip(nlp.pipe(texts), golds, stts, strict=True):
        _score_doc(pred, gold, flags, t)
    mood_p, mood_r, mood_f = _f1(t["mood_tp"], t["mood_pred"], t["mood_gold"])
    _, _, sent_f = _f1(t["sent_tp"], t["sent_pred"], t["sent_gold"])
    n = t["tokens"]
    return {
        "upos": _ratio(t["upos"], n),
        "tag": _ratio(t["tag"], t["tag_n"]) if t["tag_n"] else None,
        "morph": _ratio(t["morph"], n),
        "lemma": _ratio(t["lemma"], n),
        "mood_f1": mood_f,
        "mood_precision": mood_p,
        "mood_recall": mood_r,
        "uas": _ratio(t["uas"], n),
        "las": _ratio(t["las"], n),
        "sent_f1": sent_f,
        "tokens": _ratio(t["aligned"], n),
        "n_sentences": len(sentences),
        "n_tokens": n,
        "n_mood_sub": t["mood_gold"],
    }


def resolve_model(model: str | None, lang: str) -> str:
    """``--model NAME`` or ``--model de=NAME,en=NAME`` → the pipeline name for ``lang``."""
    from lagebild.config import Config

    config = Config()
    if model and "=" in model:
        config = config.with_models(model)
    elif model:
        return model
    return config.models.get(lang, "xx")


def ud_command(
    file: Annotated[Path, typer.Argument(help="Gold CoNLL-U file.", exists=True,
                                         dir_okay=False)],
    model: Annotated[str | None, typer.Option(
        help="spaCy pipeline: NAME, or LANG=NAME[,LANG=NAME] (default: the configured one)."
    )] = None,
    lang: Annotated[str, typer.Option(help="Language of the file.")] = "de",
    min: Annotated[list[str] | None, typer.Option("--min", help=MIN_OPTION_HELP)] = None,
) -> None:
    """Score a pipeline on a UD CoNLL-U file (UPOS, STTS, morph, Mood F1, UAS/LAS, sentences)."""
    from lagebild.nlp import load_model
    from lagebild.nlp.corpus import read_conllu

    name = resolve_model(model, lang)
    scores = score_ud(load_model(name), read_conllu(file))
    emit({"model": name, **scores}, min)


def register(app: typer.Typer) -> None:
    app.command("ud")(ud_command)
