"""``lagebild eval time PATH``: time normalisation, exact value match.

PATH is either a WikiWarsDE-style directory (``keyinline/*.xml`` with inline
``<TIMEX2 val=…>`` tags and a ``<DATETIME>`` document date), a TimeML directory
(``*.tml`` with ``<TIMEX3 value=…>`` and a ``<DCT>``, read as news), or a JSONL file of the
project's news-style sentences: ``{"lang", "published", "text", "expected": [{"text",
"resolved"}]}``. A gold expression counts as matched when a found expression overlaps it
and has the same value. Prints ``exact_match`` (matched / gold), ``n`` (gold expressions),
``extent_recall`` and ``precision`` (found expressions that overlap a gold one).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from lagebild.errors import EvalError
from lagebild.eval import MIN_OPTION_HELP, emit  # module level: typer resolves annotations here

_TIMEX = re.compile(r"<TIMEX[23]([^>]*)>(.*?)</TIMEX[23]>", re.S)
_VAL = re.compile(r'(?:val|value)="([^"]*)"')


def read_timex_file(path: Path) -> tuple[str, str | None, list[tuple[int, int, str]]]:
    """(plain text of <TEXT>, document date, [(start, end, value)]) of one inline file."""
    raw = path.read_text(encoding="utf-8")
    date = re.search(r"<(?:DATETIME|DCT)>.*?val(?:ue)?=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise EvalError(f"no <TEXT> element in {path}")
    src, out, gold, pos = body.group(1), [], [], 0
    length = 0
    for m in _TIMEX.finditer(src):
        chunk = html.unescape(re.sub(r"<[^>]+>", "", src[pos : m.start()]))
        out.append(chunk)
        length += len(chunk)
        inner = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
        val = _VAL.search(m.group(1))
        if val:
            gold.append((length, length + len(inner), val.group(1)))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(html.unescape(re.sub(r"<[^>]+>", "", src[pos:])))
    return "".join(out), date.group(1) if date else None, gold


def _score(pairs: list[tuple[list[tuple[int, int, str]], list[Any]]]) -> dict[str, Any]:
    n = hit = found = overlap = extent = 0
    for gold, system in pairs:
        n += len(gold)
        found += len(system)
        for start, end, value in gold:
            over = [t for t in system if t.start < end and start < t.end]
            extent += bool(over)
            hit += any(t.resolved == value for t in over)
        overlap += sum(any(t.start < e and s < t.end for s, e, _ in gold) for t in system)
    return {
        "exact_match": round(hit / n, 4) if n else 0.0,
        "n": n,
        "extent_recall": round(extent / n, 4) if n else 0.0,
        "precision": round(overlap / found, 4) if found else 0.0,
    }


def score_timex_dir(path: Path) -> dict[str, Any]:
    from lagebild.claims.time import find_times

    folder = path / "keyinline" if (path / "keyinline").is_dir() else path
    timeml = sorted(folder.rglob("*.tml"))  # TempEval-style TimeML (news: no narrative mode)
    files = timeml or sorted(folder.glob("*.xml"))
    if not files:
        raise EvalError(f"no TIMEX files (*.xml, *.tml) in {folder}")
    pairs = []
    for file in files:
        text, date, gold = read_timex_file(file)
        pairs.append((gold, find_times(text, None, date, narrative=not timeml)))
    return _score(pairs)


def score_news(path: Path) -> dict[str, Any]:
    from lagebild.claims.time import find_times

    pairs = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            raise EvalError(f"{path}:{i}: not JSON") from err
        text = item["text"]
        gold = []
        for exp in item["expected"]:
            start = text.find(exp["text"])
            if start < 0:
                raise EvalError(f"{path}:{i}: {exp['text']!r} not in the text")
            gold.append((start, start + len(exp["text"]), exp["resolved"]))
        pairs.append((gold, find_times(text, item.get("lang"), item.get("published"))))
    return _score(pairs)


def score_time(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise EvalError(f"{path} does not exist")
    return score_timex_dir(path) if path.is_dir() else score_news(path)


def register(app: typer.Typer) -> None:
    @app.command("time")
    def time_command(
        path: Annotated[Path, typer.Argument(help="WikiWarsDE-style directory or news JSONL")],
        floor: Annotated[list[str] | None, typer.Option("--min", help=MIN_OPTION_HELP)] = None,
    ) -> None:
        """Time normalisation: exact value match against TIMEX gold."""
        emit(score_time(path), floor)
