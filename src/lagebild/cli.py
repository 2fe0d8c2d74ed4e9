"""The ``lagebild`` command: a thin layer over the library functions.

Human output (summary, progress, one line per failure) goes to stderr; records go to the
``--json`` target, so ``lagebild analyze x.html --json - | jq`` works.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

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
    articles, failures, pending = [], [], []
    try:
        for item in _with_progress(analyze_paths(files, cfg), len(files), "analyzing"):
            if isinstance(item, Failure):
                failures.append(item)
                line = f"{item.id} ({item.stage}): {item.reason} [{item.code}]"
                err.print(f"[yellow]skipped[/yellow] {escape(line)}", soft_wrap=True)
                if store is not None:
                    store.save_failure(item)
                continue
            articles.append(item)
            sink.write(item)
            pending.append(item)
            if store is not None and len(pending) >= 50:
                _flush(store, pending, failures)
    finally:
        sink.close()
        if store is not None:
            try:
                _flush(store, pending, failures)
            finally:
                store.close()
    return articles, failures


def _flush(store: Any, pending: list[Any], failures: list[Any]) -> None:
    """Store a batch in one transaction; an article the store refuses becomes a failure."""
    refused: list[Any] = []
    store.save_articles(pending, failures=refused)
    for failure in refused:
        err.print(f"[yellow]not stored[/yellow] {escape(f'{failure.id}: {failure.reason}')}")
        store.save_failure(failure)
    failures.extend(refused)
    pending.clear()


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


def load_articles(paths: list[str], cfg: Any, db: str | None, store_enabled: bool) -> list[Any]:
    """Records JSONL files are read as they are; anything else is analyzed first."""
    from lagebild.ingest import expand_paths
    from lagebild.records import article_from_json

    records: list[Any] = []
    raw: list[str] = []
    for path in expand_paths(paths):
        if _is_records_file(path):
            with open(path, encoding="utf-8") as fh:
                records.extend(article_from_json(line) for line in fh if line.strip())
        else:
            raw.append(path)
    if raw:
        analyzed, _ = run_analyze(raw, cfg, None, db, store_enabled)
        records.extend(analyzed)
    return records


def _is_records_file(path: str) -> bool:
    if path == "-" or not path.endswith((".jsonl", ".json", ".ndjson")) or not Path(path).is_file():
        return False
    with open(path, encoding="utf-8", errors="replace") as fh:
        first = fh.readline()
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(obj, dict) and "pipeline_version" in obj and "entities" in obj


def run_stories(
    articles: list[Any],
    json_out: str | None,
    html_out: str | None,
    db: str | None,
    store_enabled: bool,
) -> list[Any]:
    from lagebild.records import to_dict
    from lagebild.stories import build_stories, write_html

    stories = build_stories(articles)
    if json_out:
        payload = json.dumps([to_dict(s) for s in stories], ensure_ascii=False, indent=2)
        if json_out == "-":
            typer.echo(payload)
        else:
            Path(json_out).parent.mkdir(parents=True, exist_ok=True)
            Path(json_out).write_text(payload + "\n", encoding="utf-8")
    if html_out:
        Path(html_out).parent.mkdir(parents=True, exist_ok=True)
        write_html(stories, articles, html_out)
    if store_enabled:
        from lagebild.store import Store

        store = Store.open(db)
        try:
            store.save_stories(stories)
        finally:
            store.close()
    return stories


def print_stories(stories: list[Any], articles: list[Any]) -> None:
    titles = {a.id: a.title or "" for a in articles}
    for story in stories:
        origin = story.origin
        where = f"{origin.outlet or '?'} ({origin.basis})" if origin else "?"
        err.print(
            f"[bold]{story.id}[/bold] {len(story.articles)} copies, origin {where}: "
            f"{titles.get(story.articles[0], '')}"[:160]
        )
        for d in story.drift[:12]:
            err.print(f"   [magenta]{d.kind}[/magenta] {d.detail}"[:200])
        if len(story.drift) > 12:
            err.print(f"   … {len(story.drift) - 12} more drift items")


@app.command()
def stories(
    inputs: Annotated[
        list[str], typer.Argument(help="Articles in any ingest format, or records JSONL.")
    ],
    json_out: Annotated[
        str | None, typer.Option("--json", help="Write stories as JSON ('-' = stdout).")
    ] = None,
    html: Annotated[
        str | None, typer.Option("--html", help="Write a self-contained HTML report.")
    ] = None,
    db: DbOpt = None,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Do not write to the store.")
    ] = False,
    model: ModelOpt = None,
) -> None:
    """Group copies of the same report, name the origin, align claims and report drift."""
    try:
        cfg = _config(model)
        articles = load_articles(inputs, cfg, db, not no_store)
        if not articles:
            raise fail("no articles to group", 1)
        found = run_stories(articles, json_out, html, db, not no_store)
    except LagebildError as e:
        if STATE["debug"]:
            raise
        raise fail(str(e)) from e
    print_stories(found, articles)
    err.print(f"[bold]{len(found)} stories from {len(articles)} articles[/bold]")


def demo_articles_path() -> str:
    from importlib import resources

    return str(resources.files("lagebild.demo").joinpath("articles.jsonl"))


@app.command()
def demo(
    out: Annotated[
        Path, typer.Option(help="Folder for the demo's records, report and store.")
    ] = Path("demo-out"),
) -> None:
    """Run everything on the bundled demo articles, offline, and show what came out."""
    out.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{(out / 'demo.db').resolve()}"
    cfg = _config(None)
    articles, failures = run_analyze([demo_articles_path()], cfg, str(out / "records.jsonl"), db)
    summarise(articles, failures)
    found = run_stories(articles, str(out / "stories.json"), str(out / "stories.html"), db, True)
    print_stories(found, articles)
    err.print(
        f"\nrecords: {out / 'records.jsonl'}\nstories: {out / 'stories.json'}"
        f"\nreport:  {out / 'stories.html'}  (open it in a browser)"
    )
    err.print(
        f"\n[bold]Open the UI on the demo data:[/bold]\n  .venv/bin/lagebild serve --db {db}\n"
        "  then browse http://127.0.0.1:8000/"
    )
    if not articles:
        raise fail("the demo produced no records", 1)


@app.command()
def ingest(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Articles (any format) or records JSONL.")
    ] = None,
    db: DbOpt = None,
    parquet: Annotated[
        str | None,
        typer.Option("--parquet", help="Load the Parquet output of `lagebild spark analyze`."),
    ] = None,
    model: ModelOpt = None,
) -> None:
    """Put articles or records into the store (analyzing what is not yet a record)."""
    from lagebild.store import Store

    if not inputs and not parquet:
        raise fail("give INPUTS or --parquet DIR")
    try:
        if parquet:
            from lagebild.spark.load import load_parquet

            store = Store.open(db)
            try:
                counts = load_parquet(parquet, store)
            finally:
                store.close()
            err.print(f"[bold]loaded from {escape(parquet)}:[/bold] {counts}")
        if inputs:
            cfg = _config(model)
            records = [p for p in inputs if _is_records_file(p)]
            others = [p for p in inputs if p not in records]
            articles = load_articles(records, cfg, db, False) if records else []
            if articles:
                store = Store.open(db)
                try:
                    new, same = store.save_articles(articles)
                finally:
                    store.close()
                err.print(f"{new} record(s) stored, {same} already there")
            if others:
                done, failures = run_analyze(others, cfg, None, db)
                summarise(done, failures)
    except LagebildError as e:
        if STATE["debug"]:
            raise
        raise fail(str(e)) from e


@app.command()
def export(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Records JSONL files (default: the store).")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl | csv | parquet | plover")
    ] = "jsonl",
    out: Annotated[
        str, typer.Option("--out", "-o", help="File ('-' = stdout) or folder for csv/parquet.")
    ] = "-",
    db: DbOpt = None,
) -> None:
    """Export records from the store (or records files) as JSONL, CSV, Parquet or PLOVER JSON."""
    from lagebild.export import export as run_export

    try:
        if inputs:
            articles: Any = load_articles(inputs, _config(None), db, False)
            counts = run_export(articles, fmt, out)
        else:
            from lagebild.store import Store

            store = Store.open(db)
            try:
                counts = run_export(store.iter_articles(), fmt, out)
            finally:
                store.close()
    except LagebildError as e:
        if STATE["debug"]:
            raise
        raise fail(str(e)) from e
    err.print(", ".join(f"{n} {what}" for what, n in counts.items()))


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    read_token_required: Annotated[
        bool, typer.Option("--read-token-required", help="Require the token for reads too.")
    ] = False,
) -> None:
    """Serve the web UI and the REST API (/api/v1) over the store."""
    import os

    try:
        from lagebild.web import serve as run_server
    except ImportError as e:
        raise fail(f"the web UI needs its extra: pip install 'lagebild[web]' ({e.name})") from e
    if not os.environ.get("LAGEBILD_TOKEN"):
        err.print("note: LAGEBILD_TOKEN is not set, so writes (POST /api/v1/articles) are refused")
    err.print(f"serving on http://{host}:{port}/  (API: http://{host}:{port}/api/v1/)")
    try:
        run_server(db, host, port, read_token_required=read_token_required)
    except LagebildError as e:
        raise fail(str(e)) from e


@app.command()
def watch(
    feeds: Annotated[Path, typer.Argument(help="Text file with one feed URL per line.")],
    db: DbOpt = None,
    every: Annotated[str, typer.Option(help="Polling interval, e.g. 90s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and stop.")] = False,
    no_stories: Annotated[
        bool, typer.Option("--no-stories", help="Do not assign new articles to stories.")
    ] = False,
    min_interval: Annotated[
        float, typer.Option(help="Seconds between requests to one host.")
    ] = 1.0,
    timeout: Annotated[float, typer.Option(help="HTTP timeout in seconds.")] = 15.0,
) -> None:
    """Poll RSS/Atom feeds, fetch new entries, analyze, store and group them into stories."""
    from lagebild.watch import watch as run_watch

    try:
        run_watch(
            str(feeds),
            db,
            every,
            once,
            stories=not no_stories,
            min_interval=min_interval,
            timeout=timeout,
            on_round=lambda r: err.print(escape(r.summary())),
        )
    except LagebildError as e:
        if STATE["debug"]:
            raise
        raise fail(str(e)) from e


from lagebild.eval import app as eval_app  # noqa: E402 - sub-commands after the main app

app.add_typer(eval_app, name="eval")

from lagebild.actors.cli import app as actors_app  # noqa: E402

app.add_typer(actors_app, name="actors")

from lagebild.spark.cli import app as spark_app  # noqa: E402

app.add_typer(spark_app, name="spark")

db_app = typer.Typer(help="Look after the store: check, upgrade, statistics.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("check")
def db_check(
    db: DbOpt = None,
    deep: Annotated[
        bool, typer.Option("--deep", help="Also re-verify every stored record.")
    ] = False,
) -> None:
    """Integrity check (SQLite PRAGMA integrity_check plus lagebild's consistency checks)."""
    from lagebild.store import Store

    with Store.open(db) as store:
        problems = store.integrity_check(deep=deep)
    for problem in problems:
        err.print(f"[red]problem:[/red] {escape(problem)}")
    if problems:
        raise typer.Exit(1)
    err.print("store is consistent")


@db_app.command("upgrade")
def db_upgrade(db: DbOpt = None) -> None:
    """Create the store or bring its schema up to date (migrations run on open)."""
    from lagebild.store import Store
    from lagebild.store.migrate import current_revision, head_revision

    with Store.open(db) as store, store.engine.connect() as conn:
        err.print(f"{store.url}: schema revision {current_revision(conn)} (head {head_revision()})")


@db_app.command("stats")
def db_stats(db: DbOpt = None) -> None:
    """Rows per table."""
    from lagebild.store import Store

    with Store.open(db) as store:
        typer.echo(json.dumps(store.counts(), indent=2))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "phrases" and prefix* (all must match).')],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="Hits per page.")] = 20,
    offset: Annotated[int, typer.Option(help="Hits to skip.")] = 0,
) -> None:
    """Full-text search over stored articles (FTS5 on SQLite, tsvector on PostgreSQL)."""
    from lagebild.store import Store

    with Store.open(db) as store:
        total = store.count_search(query)
        for hit in store.search(query, limit=limit, offset=offset):
            data = dataclasses.asdict(hit)
            if isinstance(data.get("snippet"), str):  # hit markers STX/ETX shown as « »
                data["snippet"] = data["snippet"].replace("\x02", "«").replace("\x03", "»")
            typer.echo(json.dumps(data, ensure_ascii=False, default=str))
    err.print(f"{total} hit(s)")


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
