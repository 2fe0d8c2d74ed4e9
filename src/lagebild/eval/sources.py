"""``lagebild eval sources FILE``: source-type accuracy on a list of sourcing phrases.

FILE is a TSV (``lang<TAB>type<TAB>phrase``, ``#`` comments), such as the project's own
``tests/data/attribution/source_types.tsv``. Each phrase is typed by
:func:`lagebild.attribution.sources.classify_source` without entity labels (the shape of
the phrase alone); prints accuracy overall, per language and per type (recall), and the
phrases it got wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from lagebild.eval import MIN_OPTION_HELP, emit


def read_phrases(path: Path) -> list[tuple[str, str, str]]:
    from lagebild.errors import EvalError

    if not path.is_file():
        raise EvalError(f"no such file: {path}")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise EvalError(f"{path}:{n}: want lang<TAB>type<TAB>phrase")
        rows.append((parts[0], parts[1], parts[2]))
    return rows


def evaluate(path: Path) -> dict[str, Any]:
    from lagebild.attribution.sources import classify_source

    rows = read_phrases(path)
    hits: dict[str, list[int]] = {}
    wrong = []
    for lang, want, phrase in rows:
        got = classify_source(phrase, lang)
        ok = int(got == want)
        for key in ("all", f"lang:{lang}", f"type:{want}"):
            hits.setdefault(key, []).append(ok)
        if not ok:
            wrong.append(f"{lang} {phrase!r}: {got} (want {want})")

    def acc(key: str) -> float:
        values = hits.get(key, [])
        return round(sum(values) / len(values), 4) if values else 0.0

    return {
        "accuracy": acc("all"),
        "per_lang": {k[5:]: acc(k) for k in sorted(hits) if k.startswith("lang:")},
        "per_type": {k[5:]: acc(k) for k in sorted(hits) if k.startswith("type:")},
        "n": len(rows),
        "wrong": wrong,
    }


def register(app: typer.Typer) -> None:
    @app.command("sources")
    def sources_cmd(
        file: Path = typer.Argument(..., help="TSV of lang, type, phrase"),  # noqa: B008 (typer reads its options from defaults)
        floors: list[str] = typer.Option(None, "--min", help=MIN_OPTION_HELP),  # noqa: B008 (typer reads its options from defaults)
    ) -> None:
        """Source-type accuracy on sourcing phrases."""
        emit(evaluate(file), floors)
