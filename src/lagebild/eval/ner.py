"""``lagebild eval ner FILE``: entity P/R/F1 against GermEval 2014 TSV or CoNLL gold.

Scored on the gold tokens (the pipeline runs on a ``Doc`` made of them), exact span and
label match over the outer spans. GermEval labels are mapped to ours: OTH → MISC,
``-part`` folded into the base label, ``-deriv`` kept (LOCderiv, …). Labels of other
pipelines are mapped too (OntoNotes PERSON → PER, GPE/LOC/FAC → LOC, NORP/EVENT/… →
MISC; dates and numbers are dropped), so any spaCy pipeline can be scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lagebild.eval import MIN_OPTION_HELP, emit

if TYPE_CHECKING:
    from spacy.language import Language

    from lagebild.nlp.corpus import NERSentence

ONTONOTES = {
    "PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
    "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "PRODUCT": "MISC", "LANGUAGE": "MISC",
}
DROPPED = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def normalise_label(label: str) -> str | None:
    """A predicted label in our scheme (None: not an entity we score)."""
    if label in DROPPED:
        return None
    if label in ONTONOTES:
        return ONTONOTES[label]
    from lagebild.nlp.corpus import map_ner_label

    return map_ner_label(label)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": n_gold}


def score_ner(nlp: Language, sentences: Sequence[NERSentence]) -> dict[str, Any]:
    """Scores of ``nlp``'s entities against gold NER sentences (fractions in [0, 1])."""
    from spacy.tokens import Doc

    from lagebild.nlp.corpus import ner_spans

    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sentences)
    gold_n: dict[str, int] = {}
    pred_n: dict[str, int] = {}
    tp_n: dict[str, int] = {}
    for doc, sent in zip(nlp.pipe(docs), sentences, strict=True):
        gold = set(ner_spans(sent.tags))
        pred = set()
        for ent in doc.ents:
            label = normalise_label(ent.label_)
            if label is not None:
                pred.add((ent.start, ent.end, label))
        for *_, label in gold:
            gold_n[label] = gold_n.get(label, 0) + 1
        for *_, label in pred:
            pred_n[label] = pred_n.get(label, 0) + 1
        for *_, label in gold & pred:
            tp_n[label] = tp_n.get(label, 0) + 1
    overall = _prf(sum(tp_n.values()), sum(pred_n.values()), sum(gold_n.values()))
    labels = sorted(set(gold_n) | set(pred_n))
    per_label = {lab: _prf(tp_n.get(lab, 0), pred_n.get(lab, 0), gold_n.get(lab, 0))
                 for lab in labels}
    return {
        "precision": overall["precision"], "recall": overall["recall"], "f1": overall["f1"],
        "per_label": per_label, "n_sentences": len(sentences), "n_entities": overall["support"],
    }


def ner_command(
    file: Annotated[Path, typer.Argument(help="Gold GermEval 2014 TSV or CoNLL file.",
                                         exists=True, dir_okay=False)],
    model: Annotated[str | None, typer.Option(
        help="spaCy pipeline: NAME, or LANG=NAME[,LANG=NAME] (default: the configured one)."
    )] = None,
    lang: Annotated[str, typer.Option(help="Language of the file.")] = "de",
    min: Annotated[list[str] | None, typer.Option("--min", help=MIN_OPTION_HELP)] = None,
) -> None:
    """Score a pipeline's entities (P/R/F1 overall and per label, outer spans)."""
    from lagebild.eval.ud import resolve_model
    from lagebild.nlp import load_model
    from lagebild.nlp.corpus import read_ner

    name = resolve_model(model, lang)
    scores = score_ner(load_model(name), read_ner(file))
    emit({"model": name, **scores}, min)


def register(app: typer.Typer) -> None:
    app.command("ner")(ner_command)
