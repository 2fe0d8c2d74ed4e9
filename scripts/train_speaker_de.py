"""Train the German speaker picker (``lagebild.attribution.learned``) on SpkAtt 2023.

Reads the ship-ok GermEval 2023 SpkAtt task 1 parliament data (CC BY-SA 4.0) from
``../shared/data/spkatt2023_task1_parliament`` (the archive is unpacked into a temporary
folder), parses each sentence that holds a verb cue with its Source in the same sentence
with lagebild's German pipeline (on the gold tokens), and trains an averaged perceptron that
ranks the sentence's nominal tokens: the root of the Source span should score highest.
Writes ``src/lagebild/attribution/data/speaker_de.json`` (feature weights, a few KB) and
prints the ranking accuracy on the SpkAtt dev split. Deterministic (fixed seed).

    PYTHONPATH=src .venv/bin/python scripts/train_speaker_de.py [DATA_DIR] [--epochs 8]
"""

from __future__ import annotations

import argparse
import json
import random
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from lagebild.attribution import learned

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "spkatt2023_task1_parliament"
OUT = ROOT / "src" / "lagebild" / "attribution" / "data" / "speaker_de.json"


def _ids(refs: list[str]) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (r.split(":") for r in refs)]


def instances(folder: Path, nlp: Any, split: str) -> list[tuple[list[list[str]], int]]:
    """(candidate feature lists, index of the gold candidate) per usable cue."""
    from spacy.tokens import Doc

    out = []
    files = sorted(folder.rglob(f"data/{split}/task1/*.json"))
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        sents = {s["SentenceId"]: s["Tokens"] for s in data["Sentences"]}
        by_sent: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for ann in data["Annotations"]:
            cue, src = _ids(ann["Cue"]), _ids(ann["Source"])
            if not cue or not src or len({s for s, _ in cue + src}) != 1:
                continue
            by_sent[cue[0][0]].append(ann)
        for sid, anns in by_sent.items():
            doc = nlp(Doc(nlp.vocab, words=sents[sid]))
            for ann in anns:
                cue_toks = [doc[t] for _, t in _ids(ann["Cue"])]
                verbs = [t for t in cue_toks if t.pos_ in {"VERB", "AUX"}]
                if not verbs:
                    continue
                src = {t for _, t in _ids(ann["Source"])}
                roots = [t for t in sorted(src) if doc[t].head.i not in src or doc[t].head.i == t]
                msg = {t for _, t in _ids(ann["Message"])}
                cands = learned.candidates(list(doc), 0, len(doc), msg)
                cands = [c for c in cands if c.i not in {t.i for t in cue_toks}]
                gold = [k for k, c in enumerate(cands) if roots and c.i == roots[0]]
                if not gold or len(cands) < 2:
                    continue
                feats = [learned.features(c, verbs[0], 0) for c in cands]
                out.append((feats, gold[0]))
    return out


def train(data: list[tuple[list[list[str]], int]], epochs: int) -> dict[str, float]:
    """Averaged perceptron over candidate rankings."""
    w: dict[str, float] = defaultdict(float)
    total: dict[str, float] = defaultdict(float)
    stamp: dict[str, int] = defaultdict(int)
    step = 0
    rng = random.Random(13)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, gold in data:
            step += 1
            scores = [sum(w[f] for f in fs) for fs in feats]
            guess = max(range(len(feats)), key=lambda k: scores[k])
            if guess == gold:
                continue
            for f, d in [(f, 1.0) for f in feats[gold]] + [(f, -1.0) for f in feats[guess]]:
                total[f] += (step - stamp[f]) * w[f]
                stamp[f] = step
                w[f] += d
    return {f: round((total[f] + (step - stamp[f]) * w[f]) / step, 4)
            for f in w if abs(total[f] + (step - stamp[f]) * w[f]) > 1e-9}


def accuracy(w: dict[str, float], data: list[tuple[list[list[str]], int]]) -> float:
    right = sum(max(range(len(fs)), key=lambda k: sum(w.get(f, 0.0) for f in fs[k])) == g
                for fs, g in data)
    return right / len(data) if data else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--epochs", type=int, default=8)
    args = ap.parse_args()
    from lagebild.config import Config
    from lagebild.nlp import load

    nlp = load("de", Config())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for archive in sorted(args.data.glob("*.tar.xz")):
            with tarfile.open(archive) as tar:
                tar.extractall(folder, filter="data")
        train_set = instances(folder, nlp, "train")
        dev_set = instances(folder, nlp, "dev")
    w = train(train_set, args.epochs)
    print(f"train {len(train_set)} cues, dev {len(dev_set)} cues; "
          f"ranking accuracy train {accuracy(w, train_set):.3f}, dev {accuracy(w, dev_set):.3f}")
    OUT.write_text(json.dumps({
        "about": "German speaker picker (lagebild.attribution.learned); averaged perceptron "
                 "trained by scripts/train_speaker_de.py on GermEval 2023 SpkAtt task 1 "
                 "(CC BY-SA 4.0)",
        "epochs": args.epochs, "train_cues": len(train_set),
        "weights": dict(sorted(w.items())),
    }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
