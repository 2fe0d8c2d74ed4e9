"""``lagebild eval``: scores against gold data, one module per task.

Every module in this package defines ``register(app)`` adding its sub-command(s); they
are discovered here, so a new scorer is a new file. Each command prints one JSON object
with scores as fractions in [0, 1] and exits 0; ``--min KEY=VALUE`` floors make it exit 1
on a regression (see :func:`check_floors`).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any

import typer

app = typer.Typer(
    help="Score lagebild against gold data (prints one JSON object).", no_args_is_help=True
)


def _discover() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        # typer resolves string annotations in the module's globals; a scorer that imports
        # these two inside register() would otherwise break `lagebild --help` for everyone
        vars(module).setdefault("MIN_OPTION_HELP", MIN_OPTION_HELP)
        vars(module).setdefault("emit", emit)
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


def lookup(scores: dict[str, Any], dotted: str) -> float:
    value: Any = scores
    for part in dotted.split("."):
        value = value[part]
    return float(value)


def check_floors(scores: dict[str, Any], floors: list[str] | None) -> list[str]:
    """Floors like ``f1=0.8`` or ``quote.overlap.f1=0.75``; returns the ones not met."""
    missed = []
    for floor in floors or []:
        key, _, want = floor.partition("=")
        got = lookup(scores, key.strip())
        if got + 1e-9 < float(want):
            missed.append(f"{key}: {got:.4f} < floor {float(want):.4f}")
    return missed


def emit(scores: dict[str, Any], floors: list[str] | None = None) -> None:
    """Print the scores as JSON; exit 1 naming each floor that was not met."""
    typer.echo(json.dumps(scores, ensure_ascii=False, indent=2, sort_keys=False))
    missed = check_floors(scores, floors)
    if missed:
        for line in missed:
            typer.echo(f"floor not met: {line}", err=True)
        raise typer.Exit(1)


MIN_OPTION_HELP = "Floor KEY=VALUE (dotted key into the scores); exit 1 if a score is below."


_discover()
