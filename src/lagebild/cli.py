"""The ``lagebild`` command: a thin layer over the library functions.

Human output (summary, progress, one line per failure) goes to stderr; records go to the
``--json`` target, so ``lagebild analyze x.html --json - | jq`` works.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from lagebild import __version__
from lagebild.errors import LagebildError

app = typer.Typer(
    name="lagebild",
    help="One attributed picture from many copies of the news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
STATE: dict[str, Any] = {"debug": False}

JsonOpt = Annotated[
    str | None, typer.Option("--json", help="Write records as JSONL to FILE ('-' = stdout).")
]
DbOpt = Annotated[
    str | None, typer.Option("--db", help="Store URL: sqlite:///path.db or postgresql://…")
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipelines, e.g. de=de_core_news_lg,en=en_core_web_trf"),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    STATE["debug"] = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def _config(model: str | None, stages: str | None = None, max_bytes: int | None = None) -> Any:
    from lagebild.config import Config, Limits

    cfg = Config()
    if stages:
        cfg = dataclasses.replace(cfg, stages=tuple(s.strip() for s in stages.split(",")))
    if max_bytes:
        cfg = dataclasses.replace(
            cfg, limits=dataclasses.replace(Limits(), max_input_bytes=max_bytes)
        )
    return cfg.with_models(model)


class JsonSink:
    """JSONL writer for ``--json`` (file or stdout)."""

    def __init__(self, target: str | None) -> None:
        self.target = target
        self.fh = None
        if target == "-":
            self.fh = sys.stdout
        elif target:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(target, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def write(self, record: Any) -> None:
        from lagebild.records import to_json

        if self.fh is not None:
            self.fh.write(to_json(record) + "\n")

    def close(self) -> None:
        if self.fh is not None and self.fh is not sys.stdout:
            self.fh.close()


def _with_progress(items: Iterator[Any], total_hint: int, label: str) -> Iterator[Any]:
    if total_hint <= 3 or (not err.is_terminal and total_hint <= 20):
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task(label, total=total_hint)
        for item in items:
            progress.advance(task)
            yield item


def run_analyze(
    paths: list[str], cfg: Any, json_target: str | None, db: str | None, store_enabled: bool = True
) -> tuple[list[Any], list[Any]]:
    """Analyze ``paths``: write JSON, store, print failures; returns (articles, failures)."""
    from lagebild.ingest import expand_paths
    from lagebild.pipeline import analyze_paths
    from lagebild.records import Failure

    files = list(expand_paths(paths))
    store = None
    if store_enabled:
        from lagebild.store import Store

        store = Store.open(db or cfg.db_url)
    sink = JsonSink(json_target)
    articles, failures = [], []
    try:
        for item in _with_progress(analyze_paths(files, cfg), len(files), "analyzing"):
            if isinstance(item, Failure):
                failures.append(item)
                err.print(f"[yellow]skipped[/yellow] {item.id}: {item.reason} [{item.code}]")
                if store is not None:
                    store.save_failure(item)
                continue
            articles.append(item)
            sink.write(item)
            if store is not None:
                store.save_article(item)
    finally:
        sink.close()
        if store is not None:
            store.close()
    return articles, failures


def summarise(articles: list[Any], failures: list[Any]) -> None:
    from rich.table import Table

    if articles:
        table = Table(show_header=True, header_style="bold", box=None)
        for col in ("id", "lang", "published", "title", "ent", "attr", "claims"):
            table.add_column(col)
        for a in articles[:20]:
            table.add_row(
                a.id[:12],
                a.lang or "?",
                a.published or "?",
                (a.title or "")[:50],
                str(len(a.entities)),
                str(len(a.attributions)),
                str(len(a.claims)),
            )
        err.print(table)
        if len(articles) > 20:
            err.print(f"… and {len(articles) - 20} more")
    err.print(
        f"[bold]{len(articles)} article(s) processed, {len(failures)} input(s) skipped[/bold]"
    )


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (recursive) or '-' for stdin.")
    ],
    json_out: JsonOpt = None,
    db: DbOpt = None,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Do not write to the store.")
    ] = False,
    model: ModelOpt = None,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages to run.")] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Largest input file accepted (bytes).")
    ] = None,
) -> None:
    """Analyze articles (text, Markdown, HTML, RSS/Atom, WARC, JSONL) into records."""
    try:
        cfg = _config(model, stages, max_bytes)
        articles, failures = run_analyze(paths, cfg, json_out, db, store_enabled=not no_store)
    except LagebildError as e:
        if STATE["debug"]:
            raise
        raise fail(str(e)) from e
    summarise(articles, failures)
    if not articles:
        raise fail("nothing could be processed", 1)


from lagebild.eval import app as eval_app  # noqa: E402 - sub-commands after the main app

app.add_typer(eval_app, name="eval")


def main() -> None:
    try:
        app()
    except LagebildError as e:  # last resort: one line, no traceback unless --debug
        if STATE["debug"]:
            raise
        err.print(f"[red]error:[/red] {e}")
        sys.exit(2)


if __name__ == "__main__":
    main()
