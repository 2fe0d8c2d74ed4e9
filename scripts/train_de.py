"""Train the German pipeline that ships inside lagebild (``lagebild-de``).

Ship-ok data only (see ../shared/data/README.md):

* syntax (STTS tagger, UPOS+morphology, lemmatizer, parser): UD German GSD + PUD,
* NER (PER ORG LOC MISC and the ``*deriv`` labels): GermEval 2014.

15 % of each file (by a stable hash of the sentence) is held out as the dev split and
never trained on; another 8 % of the rest is the "tune" split used for early stopping.
Steps: (1) pretrain a tok2vec (character objective, 2 epochs) on unlabelled ship-ok
German text (the training sentences, WikiWarsDE, the SpkAtt Bundestag speeches; ~320k
words); (2) train the syntax and NER pipelines separately from it (each keeps its own
copy of the tok2vec, 2,000 steps, best on the tune split); (3) assemble them into one
pipeline, copy it into ``src/lagebild/nlp/models/de`` and score it on the dev splits
(``WORKDIR/report.json``).

    .venv/bin/python scripts/train_de.py                    # all steps (~15 min, 1 core)
    .venv/bin/python scripts/train_de.py --part syntax      # one step (then --part assemble)
    .venv/bin/python scripts/train_de.py --learning-curve --fractions 0.25,0.5 --no-pretrain

Artefacts go to ``--workdir`` (default: build/train_de, not committed). ``make`` does not
retrain; the trained pipeline is committed (14 MB).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lagebild.nlp import corpus  # noqa: E402

log = logging.getLogger("train_de")
PACKAGE_MODEL = ROOT / "src" / "lagebild" / "nlp" / "models" / "de"
SENTS_PER_DOC = 6


def prepare(shared: Path, work: Path, fraction: float) -> dict[str, Path]:
    """Write train/tune DocBins and the dev files; return their paths."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    data = work / "data" / f"f{int(fraction * 100)}"
    data.mkdir(parents=True, exist_ok=True)
    train_ud, tune_ud = DocBin(store_user_data=False), DocBin(store_user_data=False)
    for name in corpus.UD_FILES:
        sentences = corpus.read_conllu(shared / name)
        tags = corpus.has_stts(sentences)  # PUD's XPOS are Penn tags: leave STTS missing
        train, _dev = corpus.split(sentences)
        tune = [s for s in train if corpus.is_tune(s.key)]
        train = corpus.subsample([s for s in train if not corpus.is_tune(s.key)], fraction)
        for group in corpus.chunk(train, SENTS_PER_DOC):
            train_ud.add(corpus.ud_doc(nlp.vocab, group, tags=tags))
        for group in corpus.chunk(tune, SENTS_PER_DOC):
            tune_ud.add(corpus.ud_doc(nlp.vocab, group, tags=tags))
    train_ner, tune_ner = DocBin(store_user_data=False), DocBin(store_user_data=False)
    for name in corpus.NER_FILES:
        train, _dev = corpus.split(corpus.read_ner(shared / name))
        for sent in train:
            if corpus.is_tune(sent.key):
                tune_ner.add(corpus.ner_doc(nlp.vocab, sent))
            elif corpus.subsample([sent], fraction):
                train_ner.add(corpus.ner_doc(nlp.vocab, sent))
    paths = {
        "ud_train": data / "ud_train.spacy", "ud_tune": data / "ud_tune.spacy",
        "ner_train": data / "ner_train.spacy", "ner_tune": data / "ner_tune.spacy",
    }
    train_ud.to_disk(paths["ud_train"])
    tune_ud.to_disk(paths["ud_tune"])
    train_ner.to_disk(paths["ner_train"])
    tune_ner.to_disk(paths["ner_tune"])
    paths.update(corpus.write_dev_splits(shared, work / "dev"))
    log.info("data: %d UD docs, %d NER sentences (fraction %.2f)",
             len(train_ud), len(train_ner), fraction)
    return paths


def raw_texts(shared: Path, work: Path) -> Path:
    """Unlabelled ship-ok German text for tok2vec pretraining (dev sentences left out)."""
    import re
    import tarfile

    lines: list[str] = []
    for name in corpus.UD_FILES:
        lines += [s.text for s in corpus.split(corpus.read_conllu(shared / name))[0]]
    for name in corpus.NER_FILES:
        lines += [" ".join(s.words) for s in corpus.split(corpus.read_ner(shared / name))[0]]
    for sgm in sorted((shared / "wikiwars_de" / "in").glob("*.sgm")):
        text = re.sub(r"<[^>]+>", " ", sgm.read_text(encoding="utf-8"))
        lines += [para.strip() for para in text.split("\n\n") if len(para.split()) > 3]
    archive = shared / "spkatt2023_task1_parliament" / "spkatt2023_task1_parliament.tar.xz"
    if archive.is_file():
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if "/task1/" in member.name and member.name.endswith(".json"):
                    speech = json.load(tar.extractfile(member))  # type: ignore[arg-type]
                    lines += [" ".join(s["Tokens"]) for s in speech["Sentences"]]
    out = work / "data" / "raw_text.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
    log.info("pretraining text: %d lines, %d words", len(lines), sum(len(x.split()) for x in lines))
    return out


def pretrain(shared: Path, work: Path, epochs: int) -> Path:
    """Pretrain the tok2vec (character objective) on :func:`raw_texts`; returns weights."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    raw = raw_texts(shared, work)
    config = load_config(ROOT / "configs" / "de_syntax.cfg", interpolate=False,
                         overrides={"paths.raw_text": str(raw),
                                    "pretraining.max_epochs": epochs}).interpolate()
    out = work / "pretrain"
    out.mkdir(parents=True, exist_ok=True)
    spacy_pretrain(config, out, use_gpu=-1, silent=False)
    weights = out / "model-last.bin"
    return weights


def train_one(cfg: str, train: Path, tune: Path, out: Path, max_steps: int | None,
              init_tok2vec: Path | None = None) -> float:
    """Train one spaCy config; returns wall seconds."""
    from spacy.cli.train import train as spacy_train

    overrides: dict[str, object] = {"paths.train": str(train), "paths.dev": str(tune)}
    if init_tok2vec is not None and init_tok2vec.is_file():
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    if max_steps:
        overrides["training.max_steps"] = max_steps
    started = time.perf_counter()
    spacy_train(ROOT / "configs" / cfg, out, overrides=overrides, use_gpu=-1)
    return time.perf_counter() - started


def assemble(work: Path, out: Path) -> Path:
    """One pipeline: the syntax components plus the sourced NER component."""
    import spacy

    nlp = spacy.load(work / "syntax" / "model-best")
    ner = spacy.load(work / "ner" / "model-best")
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])  # NER keeps its own copy
    nlp.add_pipe("ner", source=ner)
    nlp.meta.update({
        "name": "lagebild_de", "version": "0.1.0",
        "description": "lagebild's German pipeline (UD GSD+PUD syntax, GermEval 2014 NER)",
        "license": "CC BY-SA 4.0 (trained on UD German GSD/PUD and GermEval 2014)",
        "sources": [{"name": "UD German GSD"}, {"name": "UD German PUD"},
                    {"name": "GermEval 2014 NER"}],
    })
    final = work / "assembled"
    if final.exists():
        shutil.rmtree(final)
    nlp.to_disk(final)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(final, out)
    return out


def evaluate(model: Path, dev: dict[str, Path]) -> dict[str, dict[str, Any]]:
    from lagebild.eval.ner import score_ner
    from lagebild.eval.ud import score_ud
    from lagebild.nlp import load_model

    nlp = load_model(str(model))
    return {"ud": score_ud(nlp, corpus.read_conllu(dev["ud"])),
            "ner": score_ner(nlp, corpus.read_ner(dev["ner"]))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--workdir", type=Path, default=ROOT / "build" / "train_de")
    ap.add_argument("--out", type=Path, default=PACKAGE_MODEL)
    ap.add_argument("--part", choices=("all", "pretrain", "syntax", "ner", "assemble"),
                    default="all")
    ap.add_argument("--pretrain-epochs", type=int, default=2)
    ap.add_argument("--no-pretrain", action="store_true",
                    help="train from random tok2vec weights (no pretraining)")
    ap.add_argument("--init-tok2vec", type=Path, default=None,
                    help="pretrained tok2vec weights (default: WORKDIR/pretrain/model-last.bin)")
    ap.add_argument("--fractions", default="0.25,0.5,1.0", help="for --learning-curve")
    ap.add_argument("--fraction", type=float, default=1.0, help="share of training data")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--learning-curve", action="store_true",
                    help="train at 25/50/100 %% and print LAS and NER F1 on the dev splits")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if not args.shared.is_dir():
        ap.error(f"data folder not found: {args.shared}")
    if args.learning_curve:
        return learning_curve(args)
    paths = prepare(args.shared, args.workdir, args.fraction)
    timings = {}
    weights = _weights(args)
    if args.part in ("all", "pretrain") and weights is not None:
        started = time.perf_counter()
        pretrain(args.shared, args.workdir, args.pretrain_epochs)
        timings["pretrain_s"] = time.perf_counter() - started
    if args.part in ("all", "syntax"):
        timings["syntax_s"] = train_one("de_syntax.cfg", paths["ud_train"], paths["ud_tune"],
                                        args.workdir / "syntax", args.max_steps, weights)
    if args.part in ("all", "ner"):
        timings["ner_s"] = train_one("de_ner.cfg", paths["ner_train"], paths["ner_tune"],
                                     args.workdir / "ner", args.max_steps, weights)
    if args.part in ("all", "assemble"):
        model = assemble(args.workdir, args.out)
        scores = evaluate(model, paths)
        size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file())
        report = {"timings": timings, "size_mb": round(size / 2**20, 1), "dev": scores}
        (args.workdir / "report.json").write_text(json.dumps(report, indent=2))
        log.info("report: %s", json.dumps(report, indent=2))
    return 0


def _weights(args: argparse.Namespace) -> Path | None:
    if args.no_pretrain:
        return None
    return args.init_tok2vec or args.workdir / "pretrain" / "model-last.bin"


def learning_curve(args: argparse.Namespace) -> int:
    rows = []
    weights = _weights(args)
    for fraction in (float(x) for x in args.fractions.split(",")):
        work = args.workdir / f"curve{int(fraction * 100)}"
        paths = prepare(args.shared, work, fraction)
        secs = train_one("de_syntax.cfg", paths["ud_train"], paths["ud_tune"],
                         work / "syntax", args.max_steps, weights)
        secs += train_one("de_ner.cfg", paths["ner_train"], paths["ner_tune"],
                          work / "ner", args.max_steps, weights)
        model = assemble(work, work / "model")
        scores = evaluate(model, paths)
        ud, ner = scores["ud"], scores["ner"]
        rows.append({"fraction": fraction, "las": ud["las"], "upos": ud["upos"],
                     "ner_f1": ner["f1"], "train_s": round(secs)})
        log.info("curve: %s", rows[-1])
    out = args.workdir / "learning_curve.json"
    out.write_text(json.dumps(rows, indent=2))
    sys.stdout.write(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
