"""``lagebild eval modality FILE``: modality (and condition) of the main claim of a sentence.

FILE is JSONL: ``{"lang", "text", "modality", "condition"}`` (the project's own dev set is
``tests/data/claims/modality_dev.jsonl``). The claims extractor runs on each sentence
(without a parser, as for German today); the first claim is the sentence's main claim.
A conditional counts as correct only when its condition text matches the gold one
(one contains the other, case and spacing ignored). Prints ``accuracy`` (strict: a
sentence without any claim counts as wrong), ``n``, ``claim_coverage`` (share of sentences
with a claim), ``accuracy_given_claim`` (over those sentences only: says whether misses
are lexicon coverage or modality), ``per_modality`` accuracy and ``condition_match``
(over gold conditionals).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from lagebild.errors import EvalError
from lagebild.eval import MIN_OPTION_HELP, emit  # module level: typer resolves annotations here


def _norm(text: str | None) -> str:
    return re.sub(r"[\s,]+", " ", (text or "").lower()).strip(" .")


def predict(text: str, lang: str | None) -> tuple[str | None, str | None]:
    """(modality, condition) of the first claim in ``text``; (None, None) without a claim."""
    from lagebild.claims.extract import extract
    from lagebild.records import Article

    article = Article(id="m", url=None, outlet=None, lang=lang, title=None, published=None,
                      text=text)
    claims = extract(article, None, [], keep_empty=True)
    if not claims:
        return None, None
    return claims[0].modality, claims[0].condition


def score_modality(path: Path) -> dict[str, Any]:
    try:
        items = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(f"cannot read modality gold from {path}: {err}") from err
    if not items:
        raise EvalError(f"no sentences in {path}")
    right = covered = right_covered = 0
    by: dict[str, list[bool]] = {}
    cond_right = cond_n = 0
    for item in items:
        modality, condition = predict(item["text"], item.get("lang"))
        ok = modality == item["modality"]
        if item["modality"] == "conditional":
            cond_n += 1
            gold, got = _norm(item.get("condition")), _norm(condition)
            cond_ok = bool(got) and (gold in got or got in gold)
            cond_right += cond_ok
            ok = ok and cond_ok
        right += ok
        if modality is not None:
            covered += 1
            right_covered += ok
        by.setdefault(item["modality"], []).append(ok)
    return {
        "accuracy": round(right / len(items), 4),
        "n": len(items),
        "claim_coverage": round(covered / len(items), 4),
        "accuracy_given_claim": round(right_covered / covered, 4) if covered else 0.0,
        "per_modality": {k: round(sum(v) / len(v), 4) for k, v in sorted(by.items())},
        "condition_match": round(cond_right / cond_n, 4) if cond_n else 0.0,
    }


def register(app: typer.Typer) -> None:
    @app.command("modality")
    def modality_command(
        path: Annotated[Path, typer.Argument(help="JSONL with lang, text, modality, condition")],
        floor: Annotated[list[str] | None, typer.Option("--min", help=MIN_OPTION_HELP)] = None,
    ) -> None:
        """Claim modality (asserted/future/conditional/possible/negated) and condition text."""
        emit(score_modality(path), floor)
