"""``lagebild eval actors FILE``: linking accuracy on a gold file of mentions.

The gold file is JSONL, one short text per line::

    {"id": "de001", "lang": "de", "published": "2025-08-22", "text": "Moskau wies …",
     "mentions": [["Moskau", "country:RUS", "metonym"], ["Kreml", "country:RUS", "metonym", 0]]}

A mention is ``[text, actor_id or null, class, occurrence]`` (occurrence counts whole-word
matches of ``text`` from 0, default 0). The system's answer for a mention is the entity
that overlaps it most; a gold ``null`` is right when no entity there carries an actor id.
Scores: ``accuracy`` over all mentions, ``n``, and ``per_class`` accuracy and count.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from lagebild.errors import EvalError, ModelNotFoundError

NLP_CHOICES = ("auto", "blank")


def read_gold(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise EvalError("gold file not found", path=str(path))
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as err:
            raise EvalError(f"line {number}: {err}", path=str(path)) from err
        if not isinstance(item, dict) or "text" not in item or "mentions" not in item:
            raise EvalError(f"line {number}: needs 'text' and 'mentions'", path=str(path))
        items.append(item)
    return items


def _span(text: str, surface: str, nth: int) -> tuple[int, int] | None:
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    found = list(pattern.finditer(text))
    return (found[nth].start(), found[nth].end()) if nth < len(found) else None


def _docs(items: list[dict[str, Any]], nlp: str) -> dict[str, Any]:
    """A parser per language (None = no NER: the gazetteer alone), and what was used."""
    from lagebild.config import Config

    parsers: dict[str, Any] = {}
    for lang in sorted({str(i.get("lang") or "de") for i in items}):
        parsers[lang] = None
        if nlp == "blank":
            continue
        try:
            from lagebild.nlp import load

            parsers[lang] = load(lang, Config())
        except (ImportError, ModelNotFoundError):
            parsers[lang] = None
    return parsers


def score(path: Path, nlp: str = "auto", errors: bool = False) -> dict[str, Any]:
    """Linking accuracy of the actors stage on a gold file (see module doc)."""
    from lagebild.actors import actors_stage
    from lagebild.config import Config
    from lagebild.pipeline import Context
    from lagebild.records import Article

    if nlp not in NLP_CHOICES:
        raise EvalError(f"--nlp must be one of {NLP_CHOICES}")
    items = read_gold(path)
    parsers = _docs(items, nlp)
    ctx = Context(Config())
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    wrong: list[dict[str, Any]] = []
    for item in items:
        lang = str(item.get("lang") or "de")
        article = Article(str(item.get("id", "")), None, None, lang, None,
                          item.get("published"), item["text"])
        parser = parsers.get(lang)
        doc = parser(article.text) if parser is not None else None
        linked = actors_stage(article, doc, ctx)
        for mention in item["mentions"]:
            surface, gold, cls = mention[0], mention[1], mention[2]
            nth = int(mention[3]) if len(mention) > 3 else 0
            span = _span(article.text, surface, nth)
            if span is None:
                raise EvalError(f"{item.get('id')}: {surface!r} (#{nth}) not in the text")
            overlapping = [e for e in linked.entities if e.start < span[1] and span[0] < e.end]
            best = max(overlapping, default=None,
                       key=lambda e: min(e.end, span[1]) - max(e.start, span[0]))
            got = best.actor_id if best is not None else None
            total[cls] += 1
            if got == gold:
                right[cls] += 1
            elif errors:
                wrong.append({"id": item.get("id"), "mention": surface, "gold": gold,
                              "got": got, "class": cls})
    n = sum(total.values())
    scores: dict[str, Any] = {
        "accuracy": round(sum(right.values()) / n, 4) if n else 0.0,
        "n": n,
        "per_class": {c: {"accuracy": round(right[c] / total[c], 4), "n": total[c]}
                      for c in sorted(total)},
        "nlp": {lang: ("none" if p is None else p.meta.get("name", "spacy"))
                for lang, p in parsers.items()},
    }
    if errors:
        scores["errors"] = wrong
    return scores


def register(app: typer.Typer) -> None:
    from lagebild.eval import MIN_OPTION_HELP, emit

    @app.command("actors")
    def actors_command(
        file: Annotated[Path, typer.Argument(help="Gold JSONL (see lagebild.eval.actors).")],
        minimum: Annotated[list[str] | None, typer.Option("--min", help=MIN_OPTION_HELP)] = None,
        nlp: Annotated[str, typer.Option(
            help="auto: the configured spaCy pipelines (gazetteer only where missing); "
            "blank: no NER, gazetteer only.")] = "auto",
        errors: Annotated[bool, typer.Option(help="List the mentions linked wrongly.")] = False,
    ) -> None:
        """Actor linking accuracy: one JSON object with accuracy, n and per_class."""
        emit(score(file, nlp, errors), minimum)

    @app.command("actors-gum")
    def actors_gum_command(
        archive: Annotated[Path, typer.Argument(help="gum_en.tar.xz (GUM English).")] = GUM_TAR,
        minimum: Annotated[list[str] | None, typer.Option("--min", help=MIN_OPTION_HELP)] = None,
        nlp: Annotated[str, typer.Option(help="auto or blank (see `eval actors`).")] = "blank",
    ) -> None:
        """Independent English check: GUM mentions whose Wikipedia link is a known actor."""
        emit(score_gum(archive, nlp), minimum)


# ---------------------------------------------------------------------------- GUM

GUM_TAR = Path("../shared/data/gum_en/gum_en.tar.xz")


def _gum_docs(tar_path: Path) -> Iterator[tuple[str, str | None, str, list[tuple[int, int, str]]]]:
    """(doc id, date, text, [(start, end, wikipedia title)]) of each GUM document."""
    import tarfile
    from urllib.parse import unquote

    if not tar_path.exists():
        raise EvalError("GUM archive not found", path=str(tar_path))
    with tarfile.open(tar_path) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.name.endswith(".conllu"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            lines = handle.read().decode("utf-8").splitlines()
            doc_id = Path(member.name).stem
            text, spans, date = _gum_text(lines)
            yield doc_id, date, text, [(s, e, unquote(t)) for s, e, t in spans]


def _gum_text(lines: list[str]) -> tuple[str, list[tuple[int, int, str]], str | None]:
    """The document text, its linked entity spans (names only: with a PROPN token), date."""
    parts: list[str] = []
    names: list[int] = []
    length = 0
    spans: list[tuple[int, int, str]] = []
    open_: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
    date = None
    for line in lines:
        if not line or line.startswith("#"):
            if not line and parts and not parts[-1].endswith("\n"):
                parts.append("\n")
                length += 1
            continue
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        if date is None and (found := re.search(r'date when:::"(\d{4}-\d\d-\d\d)', cols[9])):
            date = found.group(1)
        start = length
        if cols[3] == "PROPN":
            names.append(start)
        parts.append(cols[1])
        length += len(cols[1])
        _gum_entities(misc.get("Entity", ""), start, length, open_, spans)
        if misc.get("SpaceAfter") != "No":
            parts.append(" ")
            length += 1
    spans = [(s, e, t) for s, e, t in spans if any(s <= n < e for n in names)]
    return "".join(parts), spans, date


def _gum_entities(value: str, start: int, end: int,
                  open_: dict[str, list[tuple[int, str | None]]],
                  spans: list[tuple[int, int, str]]) -> None:
    i = 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            fields = value[i + 1:j].split("-", 7)
            title = fields[7] if len(fields) == 8 else None
            if j < len(value) and value[j] == ")":  # one-token entity
                if title:
                    spans.append((start, end, title))
                i = j + 1
            else:
                open_[fields[0]].append((start, title))
                i = j
        elif value[i].isdigit():
            j = i
            while j < len(value) and value[j].isdigit():
                j += 1
            if j < len(value) and value[j] == ")" and open_[value[i:j]]:
                first, title = open_[value[i:j]].pop()
                if title:
                    spans.append((first, end, title))
            i = j + 1
        else:
            i += 1


def _title_index() -> dict[str, str]:
    from lagebild.actors import gazetteer

    index: dict[str, str] = {}
    for entry in gazetteer().entries.values():
        if entry.kind == "outlet":
            continue
        for alias in [entry.name, *entry.aliases.get("name", [])]:
            index.setdefault(alias.replace(" ", "_"), entry.id)
    return index


def score_gum(tar_path: Path = GUM_TAR, nlp: str = "blank") -> dict[str, Any]:
    """Independent check on GUM (English): mentions whose Wikipedia link is a known actor.

    Only mentions with a proper noun (UPOS PROPN) are counted: the linker does not resolve
    pronouns or "the country"; the Reddit documents (text masked as "___") are skipped.
    ``recall``: share linked to the right actor; ``precision``: of those it linked at all,
    the share that is right. Capitals (places with a ``country``, e.g. ``place:paris``) are
    scored apart under ``cities``: GUM links a city used as a place to the city's page, so
    that subset measures the place/metonym choice; the top-level figures stay comparable
    with those taken before capitals were places.
    """
    from lagebild.actors import actors_stage, gazetteer
    from lagebild.config import Config
    from lagebild.pipeline import Context
    from lagebild.records import Article

    titles = _title_index()
    cities = {e.id for e in gazetteer().entries.values() if e.kind == "place" and e.country}
    parser = _docs([{"lang": "en"}], nlp).get("en")
    ctx = Context(Config())
    counts = {"actors": [0, 0, 0], "cities": [0, 0, 0]}  # gold, linked, right
    for doc_id, date, text, spans in _gum_docs(tar_path):
        wanted = [(s, e, titles[t.split("_(")[0]]) for s, e, t in spans
                  if t.split("_(")[0] in titles and re.search(r"[^\W_]", text[s:e])]
        if not wanted:
            continue
        article = Article(doc_id, None, None, "en", None, date, text)
        entities = actors_stage(article, parser(text) if parser else None, ctx).entities
        for start, end, gold in wanted:
            overlapping = [e for e in entities if e.start < end and start < e.end]
            best = max(overlapping, default=None,
                       key=lambda e: min(e.end, end) - max(e.start, start))
            row = counts["cities" if gold in cities else "actors"]
            row[0] += 1
            if best is not None and best.actor_id:
                row[1] += 1
                row[2] += best.actor_id == gold
    scores = _rates(*counts["actors"])
    scores["cities"] = _rates(*counts["cities"])
    return scores


def _rates(gold_n: int, linked_n: int, right_n: int) -> dict[str, Any]:
    return {"recall": round(right_n / gold_n, 4) if gold_n else 0.0,
            "precision": round(right_n / linked_n, 4) if linked_n else 0.0,
            "n": gold_n}
