"""``lagebild eval quotes DIR``: quotation attribution against German Wikinews gold.

DIR is ``../shared/data/german_news_quotation_attribution`` (a ``train_dev.tar.xz`` of one
JSON per article, Petersen-Frey & Biemann 2024) or an extracted folder. The archive is
unpacked into a cache folder outside the project, never into the repo. Each dev article's
``originalText`` runs through the attribution rules (spaCy model of ``--model``, else a
blank German tokenizer with a sentencizer); quotes and speakers are compared as token
sets (tokens = the gold tokens' character spans):

* ``exact``: a predicted quote matches a gold quote with the same token set;
* ``overlap``: they share at least one token (each gold and predicted quote used once);
* ``token``: precision/recall over quote tokens.

The predicted speaker is ``Found.mention`` when set (the phrase as annotators mark it,
"Angaben des USGS"), else ``Found.speaker``.
A speaker is right when its quote matched and the speaker mention matches the gold
speaker (exact token set, or overlap). Speaker precision counts predicted quotes that
have a speaker; recall counts gold quotes that have one. ``per_type`` gives quote recall
(overlap) per gold type (Direct, Indirect, Reported, FreeIndirect, …).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import tarfile
from pathlib import Path
from typing import Any

import typer

from lagebild.eval import MIN_OPTION_HELP, emit

CACHE = Path.home() / ".cache" / "lagebild" / "eval"


def extract_archive(path: Path) -> Path:
    """Unpack ``path`` (.tar.xz) once into the cache; returns the folder."""
    key = hashlib.sha256(f"{path.resolve()}:{path.stat().st_size}".encode()).hexdigest()[:16]
    dest = CACHE / key
    if not (dest / ".done").exists():
        dest.mkdir(parents=True, exist_ok=True)
        with tarfile.open(path) as tar:
            tar.extractall(dest, filter="data")
        (dest / ".done").write_text("ok")
    return dest


def data_root(directory: Path) -> Path:
    """The folder holding the data: DIR itself, or its archive unpacked into the cache."""
    from lagebild.errors import EvalError

    if not directory.exists():
        raise EvalError(f"no such folder: {directory}")
    archives = sorted(directory.glob("*.tar.xz"))
    return extract_archive(archives[0]) if archives else directory


def prf(tp_p: float, n_pred: float, tp_g: float, n_gold: float) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _token_set(starts: list[int], ends: list[int], spans: list[tuple[int, int]]) -> frozenset:
    out: set[int] = set()
    for a, b in spans:
        i = bisect.bisect_left(ends, a + 1)
        while i < len(starts) and starts[i] < b:
            out.add(i)
            i += 1
    return frozenset(out)


def _match(pred: list[frozenset], gold: list[frozenset], exact: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, largest overlap first."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = len(p & g)
            if (p == g) if exact else ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


class Tally:
    def __init__(self) -> None:
        self.n: dict[str, float] = {}

    def add(self, key: str, value: float = 1) -> None:
        self.n[key] = self.n.get(key, 0) + value

    def __getitem__(self, key: str) -> float:
        return self.n.get(key, 0)


def score_document(gold: dict[str, Any], pred: list[Any], tally: Tally) -> None:
    """Add one article's counts. ``pred`` holds (content spans, speaker span or None)."""
    toks = gold["tokens"]
    starts = [t["charBegin"] for t in toks]
    ends = [t["charEnd"] for t in toks]

    def ts(spans: list[tuple[int, int]]) -> frozenset:
        return _token_set(starts, ends, spans)

    g_q, g_s, g_type = [], [], []
    for ann in gold["annotations"]:
        q = ts([(s["charBegin"], s["charEnd"]) for s in ann["quote"]["spans"]])
        if not q:
            continue
        g_q.append(q)
        g_s.append(ts([(s["charBegin"], s["charEnd"]) for s in ann["speaker"]["spans"]]))
        g_type.append(ann.get("type") or "?")
    p_q = [ts(c) for c, _ in pred]
    p_s = [ts([s]) if s else frozenset() for _, s in pred]
    tally.add("gold", len(g_q))
    tally.add("pred", len(p_q))
    tally.add("gold_spk", sum(1 for s in g_s if s))
    tally.add("pred_spk", sum(1 for s in p_s if s))
    all_g = frozenset().union(*g_q) if g_q else frozenset()
    all_p = frozenset().union(*p_q) if p_q else frozenset()
    tally.add("tok_gold", len(all_g))
    tally.add("tok_pred", len(all_p))
    tally.add("tok_tp", len(all_g & all_p))
    for t in g_type:
        tally.add(f"type:{t}")
    for mode in ("exact", "overlap"):
        pairs = _match(p_q, g_q, mode == "exact")
        tally.add(f"{mode}_tp", len(pairs))
        for i, j in pairs:
            if mode == "overlap":
                tally.add(f"type_tp:{g_type[j]}")
            ps, gs = p_s[i], g_s[j]
            if ps and gs:
                tally.add("spk_exact_tp:" + mode, ps == gs)
                tally.add("spk_overlap_tp:" + mode, bool(ps & gs))


def summarize(t: Tally) -> dict[str, Any]:
    types = sorted(k.split(":", 1)[1] for k in t.n if k.startswith("type:"))
    return {
        "quote": {
            "exact": prf(t["exact_tp"], t["pred"], t["exact_tp"], t["gold"]),
            "overlap": prf(t["overlap_tp"], t["pred"], t["overlap_tp"], t["gold"]),
            "token": prf(t["tok_tp"], t["tok_pred"], t["tok_tp"], t["tok_gold"]),
        },
        "speaker": {
            "exact": prf(t["spk_exact_tp:overlap"], t["pred_spk"], t["spk_exact_tp:overlap"],
                         t["gold_spk"]),
            "overlap": prf(t["spk_overlap_tp:overlap"], t["pred_spk"],
                           t["spk_overlap_tp:overlap"], t["gold_spk"]),
        },
        "per_type": {k: {"n": int(t[f"type:{k}"]),
                         "r": round(t[f"type_tp:{k}"] / t[f"type:{k}"], 4)} for k in types},
        "n": {"articles": int(t["articles"]), "gold": int(t["gold"]), "pred": int(t["pred"])},
    }


def load_nlp(lang: str, model: str | None) -> Any:
    import spacy

    if model:
        return spacy.load(model)
    try:
        from lagebild.config import Config
        from lagebild.nlp import load

        return load(lang, Config())
    except (ImportError, OSError, AttributeError):
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        return nlp


def evaluate(directory: Path, split: str = "dev", model: str | None = None,
             limit: int | None = None) -> dict[str, Any]:
    """Scores of the attribution rules on the gold articles of ``split``."""
    from lagebild.attribution.frames import Finder
    from lagebild.errors import EvalError

    root = data_root(directory)
    files = sorted(root.rglob(f"data/{split}/*.json"))[:limit]
    if not files:
        raise EvalError(f"no {split} files under {directory}")
    nlp = load_nlp("de", model)
    tally = Tally()
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = nlp(gold["originalText"])
        pred = [(f.content, f.mention or f.speaker) for f in Finder(doc, "de").run()]
        score_document(gold, pred, tally)
        tally.add("articles")
    return summarize(tally)


def register(app: typer.Typer) -> None:
    @app.command("quotes")
    def quotes_cmd(
        directory: Path = typer.Argument(..., help="german_news_quotation_attribution folder"),  # noqa: B008 (typer reads its options from defaults)
        split: str = typer.Option("dev", help="split to score (dev, train)"),
        model: str = typer.Option(None, "--model", help="spaCy model (default: lagebild's)"),
        limit: int = typer.Option(None, help="score only the first N articles"),
        floors: list[str] = typer.Option(None, "--min", help=MIN_OPTION_HELP),  # noqa: B008 (typer reads its options from defaults)
    ) -> None:
        """Quote and speaker P/R/F1 (exact, overlap, token) on German Wikinews gold."""
        emit(evaluate(directory, split, model, limit), floors)
