"""``lagebild actors …``: import a Wikidata dump into the gazetteer, resolve a phrase.

Wire with ``app.add_typer(lagebild.actors.cli.app, name="actors")``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="The actors gazetteer: import from Wikidata, look up names.",
                  no_args_is_help=True)


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="Wikidata JSON dump (subset), .json/.gz/.bz2.")],
    out: Annotated[Path | None, typer.Option(
        "--out", help="Gazetteer file to write (default: <user data dir>/actors/wikidata.yaml, "
        "which is read automatically).")] = None,
) -> None:
    """Extend the gazetteer with the people, states, organisations and outlets of a dump."""
    from lagebild.actors.wikidata import import_dump

    result = import_dump(file, out)
    typer.echo(json.dumps({"out": str(result.out), "read": result.read,
                           "written": result.written, "merged": result.merged}))


@app.command("resolve")
def resolve_command(
    text: Annotated[str, typer.Argument(help="A name, title or description.")],
    date: Annotated[str | None, typer.Option(help="Date the text speaks of (YYYY-MM-DD).")] = None,
) -> None:
    """Print the actor id a phrase names (or null) and the gazetteer record."""
    from lagebild.actors import gazetteer, resolve
    from lagebild.records import Article, to_dict

    article = Article("cli", None, None, None, None, date, text) if date else None
    actor_id = resolve(text, None, article)
    actor = gazetteer().actor(actor_id, date) if actor_id else None
    typer.echo(json.dumps({"actor_id": actor_id, "actor": to_dict(actor) if actor else None},
                          ensure_ascii=False))
