"""``lagebild eval stories``: grouping (B³), near misses, origin and drift against gold.

Gold file (JSON)::

    {"stories": [{"story_id": "g1", "articles": ["a1", "a2"], "original_source": "Politico"}],
     "near_miss": [{"id": "a9", "nearest_story": "g1"}],
     "drift": [{"story_id": "g1", "kind": "role_changed", "articles": ["a2"]}]}

Gold drift ``articles`` name the copies that changed; a predicted drift matches when it
is of the same kind, in the predicted story that best covers the gold story, and one of
its changed copies (every article after the first, which is the reference) is named.
Articles of the records file that no gold story lists count as singletons for B³.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer

from lagebild.errors import EvalError
from lagebild.eval import MIN_OPTION_HELP, emit  # module level: typer resolves annotations here
from lagebild.records import Article, Story
from lagebild.stories.origin import outlet_key


def b3(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B³ precision, recall and F1 over the articles of ``gold``."""
    ids = [a for a in gold if a in pred]
    if not ids:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    pred_members: dict[str, set[str]] = {}
    gold_members: dict[str, set[str]] = {}
    for a in ids:
        pred_members.setdefault(pred[a], set()).add(a)
        gold_members.setdefault(gold[a], set()).add(a)
    p = r = 0.0
    for a in ids:
        both = len(pred_members[pred[a]] & gold_members[gold[a]])
        p += both / len(pred_members[pred[a]])
        r += both / len(gold_members[gold[a]])
    p, r = p / len(ids), r / len(ids)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def _best_cover(stories: list[Story], members: set[str]) -> Story | None:
    best, overlap = None, 0
    for story in stories:
        n = len(members & set(story.articles))
        if n > overlap:
            best, overlap = story, n
    return best


def score(gold: dict[str, Any], stories: list[Story], article_ids: list[str]) -> dict[str, Any]:
    gold_stories = gold.get("stories", [])
    gold_of = {a: g["story_id"] for g in gold_stories for a in g["articles"]}
    for a in article_ids:
        gold_of.setdefault(a, f"single:{a}")
    pred_of = {a: s.id for s in stories for a in s.articles}
    for a in article_ids:
        pred_of.setdefault(a, f"single:{a}")
    members = {g["story_id"]: set(g["articles"]) for g in gold_stories}
    cover = {sid: _best_cover(stories, m) for sid, m in members.items()}

    near = gold.get("near_miss", [])
    apart = 0
    for item in near:
        story = pred_of.get(item["id"])
        together = {a for a, s in pred_of.items() if s == story}
        apart += not (together & members.get(item["nearest_story"], set()))

    origins = [g for g in gold_stories if g.get("original_source")]
    right = 0
    for g in origins:
        covered = cover[g["story_id"]]
        got = covered.origin.outlet if covered and covered.origin else None
        right += outlet_key(got) == outlet_key(g["original_source"])

    scores: dict[str, Any] = {
        "b3": b3(pred_of, gold_of),
        "near_miss_apart": round(apart / len(near), 4) if near else None,
        "origin_accuracy": round(right / len(origins), 4) if origins else None,
        "drift": drift_prf(gold.get("drift", []), cover) if "drift" in gold else None,
        "n_articles": len(article_ids),
        "n_stories": len(stories),
    }
    return scores


def drift_prf(gold_drift: list[dict[str, Any]], cover: dict[str, Story | None]) -> dict:
    """Precision/recall of drift items in the stories that cover gold stories."""
    predicted = []
    for sid, story in cover.items():
        if story is None:
            continue
        for d in story.drift:
            predicted.append((sid, d.kind, set(d.articles[1:]) or set(d.articles)))
    used: set[int] = set()
    hits = 0
    for g in gold_drift:
        for i, (sid, kind, changed) in enumerate(predicted):
            if i in used or sid != g["story_id"] or kind != g["kind"]:
                continue
            if changed & set(g["articles"]):
                used.add(i)
                hits += 1
                break
    p = hits / len(predicted) if predicted else 0.0
    r = hits / len(gold_drift) if gold_drift else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    per_kind = Counter(k for _, k, _ in predicted)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4),
            "predicted": len(predicted), "gold": len(gold_drift), "by_kind": dict(per_kind)}


def wmt_gold(path: str | Path) -> tuple[dict[str, Any], list[Article]]:
    """Gold and articles from a WMT-style ``docs*.jsonl`` (``en``, ``de_a``, ``de_b``)."""
    stories, articles = [], []
    p = Path(path)
    if not p.exists():
        raise EvalError(f"no such file: {p}", path=str(p))
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            doc = json.loads(line)
            sid = str(doc.get("docid", n))
            ids = []
            for key in ("en", "de_a", "de_b"):
                if doc.get(key):
                    aid = f"{sid}:{key}"
                    ids.append(aid)
                    articles.append(Article(id=aid, url=None, outlet=None, lang=key[:2],
                                            title=None, published=None, text=doc[key]))
            stories.append({"story_id": sid, "articles": ids, "original_source": None})
    return {"stories": stories, "near_miss": []}, articles


def _read_gold(path: str) -> dict[str, Any]:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(f"cannot read gold file: {err}", path=path) from err
    if not isinstance(gold, dict) or "stories" not in gold:
        raise EvalError("gold needs a 'stories' list", path=path)
    return gold


def run_eval(gold_path: str | None, records: str | None, wmt: str | None,
             analyze: bool = False) -> dict[str, Any]:
    from lagebild.stories import build_stories, group
    from lagebild.stories.io import is_story_file, read_articles, read_stories

    if wmt:
        gold, articles = wmt_gold(wmt)
        return score(gold, group(articles), [a.id for a in articles])
    if not gold_path or not records:
        raise EvalError("give GOLD and RECORDS, or --wmt FILE")
    gold = _read_gold(gold_path)
    if is_story_file(records):
        stories = read_stories(records)
        ids = [a for s in stories for a in s.articles]
        return score(gold, stories, ids)
    articles = read_articles(records)
    if analyze:
        from lagebild.stories.analyze import analyze_articles

        articles = analyze_articles(articles)
    return score(gold, build_stories(articles), [a.id for a in articles])


def register(app: typer.Typer) -> None:
    @app.command("stories")
    def stories_cmd(
        gold: Annotated[str | None, typer.Argument(help="Gold JSON file.")] = None,
        records: Annotated[
            str | None, typer.Argument(help="Articles/records JSONL, or stories JSONL.")
        ] = None,
        wmt: Annotated[
            str | None, typer.Option("--wmt", help="WMT docs*.jsonl: builds the gold itself.")
        ] = None,
        analyze: Annotated[
            bool, typer.Option("--analyze", help="Run the pipeline over raw articles first.")
        ] = False,
        floors: Annotated[list[str] | None, typer.Option("--min", help=MIN_OPTION_HELP)] = None,
    ) -> None:
        """Score story grouping, near misses, origin and drift."""
        emit(run_eval(gold, records, wmt, analyze), floors)
