"""A learned German speaker picker: which noun phrase of a cue's sentence is its speaker.

The rules of :mod:`.parse` choose among the cue's subject-like dependents with guards.
This module ranks *every* nominal token of the sentence (the root of a possible speaker
phrase) by a linear model over parse features (dependency label, relation to the cue,
case, side and distance, passive voice, person/institution-likeness). The weights
(``data/speaker_de.json``) are trained by ``scripts/train_speaker_de.py`` from the ship-ok
GermEval 2023 SpkAtt parliament data (CC BY-SA 4.0) only – never from the Wikinews or
PolNeAR data, which are for scoring. German only; without the weights file nothing changes.

Status: an experiment, not used by the stage – trained on parliament speeches it chose
worse speakers for news than the rules (see :func:`pick_speaker`). The weights file is not
shipped; ``scripts/train_speaker_de.py`` writes it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

Token = Any
WEIGHTS = Path(__file__).parent / "data" / "speaker_de.json"

NOMINAL = {"NOUN", "PROPN", "PRON", "X"}
_OBLIQUE = {"den", "dem", "einem", "einen", "des", "eines", "ihm", "ihn", "ihnen", "uns",
            "mir", "mich", "einer"}  # fmt: skip
_SUBORD = {"während", "weil", "dass", "wenn", "als", "ob", "nachdem", "obwohl", "da", "wobei",
           "sondern", "damit"}  # fmt: skip


_SUBJ = {"nsubj", "nsubj:pass", "obl:agent", "sb"}


def candidates(toks: list[Token], lo: int, hi: int, avoid: range | set[int]) -> list[Token]:
    """Phrase roots that may speak in ``[lo, hi)`` outside the content ``avoid``: nominal
    tokens, parsed subjects and capitalised words (the tagger calls some names ADV)."""
    from lagebild.attribution.parse import _ok

    rng = range(0) if isinstance(avoid, set) else avoid
    return [t for t in toks[lo:hi] if t.i not in avoid and not t.is_punct and (
        t.pos_ in NOMINAL or t.dep_ in _SUBJ or (t.text[:1].isupper() and t.pos_ != "DET"))
        and _ok(t, lo, hi, rng)]


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6-10" if n < 11 else "far"


def _relation(cand: Token, cue: Token) -> str:
    heads = {cue.i}
    if cue.dep_ in {"xcomp", "conj"} and cue.head is not cue:
        heads.add(cue.head.i)
    if cand.head.i in heads and cand.head is not cand:
        return "child"
    if cand.head.head.i in heads:
        return "grandchild"
    if cue.i in {a.i for a in cand.ancestors}:
        return "below"
    if cand.i in {a.i for a in cue.ancestors}:
        return "above"
    return "other"


def features(cand: Token, cue: Token, lo: int) -> list[str]:
    """Binary feature names for the pair (candidate phrase root, cue verb)."""
    from lagebild.attribution.parse import agentive

    doc = cand.doc
    rel = _relation(cand, cue)
    dep = cand.dep_
    side = "L" if cand.i < cue.i else "R"
    passive = any(c.dep_ in {"aux:pass", "auxpass"} for c in cue.children) or any(
        c.dep_ in {"aux:pass", "auxpass"} for c in cue.head.children)
    case = ",".join(cand.morph.get("Case")) or "-"
    first = next(iter(cand.subtree))
    fw = first.text.lower()
    prev = doc[first.i - 1].text.lower() if first.i > lo else "<s>"
    between = {doc[k].text.lower() for k in range(min(cand.i, cue.i), max(cand.i, cue.i))}
    clause = "," in between and bool(between & _SUBORD)
    ag = agentive(cand)
    f = [
        "bias", f"dep={dep}", f"pos={cand.pos_}", f"case={case}", f"rel={rel}",
        f"rel+dep={rel}|{dep}", f"side={side}", f"dist={_bucket(abs(cand.i - cue.i))}",
        f"side+dep={side}|{dep}", f"pass+dep={passive}|{dep}", f"pass+rel={passive}|{rel}",
        f"ag={ag}", f"ag+rel={ag}|{rel}", f"case+rel={case}|{rel}", f"ent={cand.ent_type_}",
        f"clause={clause}", f"first_oblique={fw in _OBLIQUE}", f"first_pos={first.pos_}",
        f"prev={prev if prev in {'als', 'wie', 'von', 'vom', 'laut', ',', '<s>'} else '*'}",
        f"pron={cand.text.lower() if cand.pos_ == 'PRON' else '-'}",
        f"head_pos={cand.head.pos_}", f"cue_dep={cue.dep_}", f"rel+cue_dep={rel}|{cue.dep_}",
        f"sent_start={first.i == lo}", f"rel+side={rel}|{side}",
    ]
    return f


@lru_cache(maxsize=1)
def weights() -> dict[str, float] | None:
    """The trained weights, or None when the file is absent."""
    if not WEIGHTS.exists():
        return None
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return dict(data["weights"])


def score(cand: Token, cue: Token, lo: int, w: dict[str, float]) -> float:
    return sum(w.get(name, 0.0) for name in features(cand, cue, lo))


def best_candidate(toks: list[Token], i: int, lo: int, hi: int,
                   avoid: range | set[int]) -> tuple[Token, float] | None:
    """The highest-scoring speaker root for the cue at ``i`` and its score."""
    w = weights()
    if w is None:
        return None
    cue = toks[i]
    scored = [(score(c, cue, lo, w), c.i) for c in candidates(toks, lo, hi, avoid) if c.i != i]
    if not scored:
        return None
    s, k = max(scored)
    return toks[k], s


def pick_speaker(toks: list[Token], i: int, lo: int, hi: int, avoid: range = range(0),
                 threshold: float = 10.0) -> tuple[int, int] | None:
    """The rules' speaker (:func:`.parse.parse_speaker`); when the rules find none (and the
    cue is not an agentless passive), the model's best phrase if it scores ``threshold``.

    Not wired into :class:`.frames.Finder`: on the Wikinews tune split this variant moved
    speaker overlap F1 by +0.001 (check split +0.003) and lowered speaker exact F1, and
    letting the model override the rules lost 0.01–0.03 (docs/notes/attribution.md).
    """
    from lagebild.attribution.parse import _span, parse_speaker

    rule = parse_speaker(toks, i, lo, hi, avoid)
    if rule is not None or any(c.dep_ == "aux:pass" for c in toks[i].children):
        return rule
    best = best_candidate(toks, i, lo, hi, avoid)
    if best is None or best[1] < threshold:
        return None
    return _span(best[0], i, lo, hi, avoid)
