"""``lagebild spark …``: a typer sub-app over :func:`analyze_job` and :func:`stories_job`.

Wire it in the main CLI with ``app.add_typer(spark_app, name="spark")``. The summary of a
run goes to stdout as JSON; pyspark is imported only when a command runs.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

app = typer.Typer(
    name="spark", help="Run the pipeline on Apache Spark (pip install 'lagebild[spark]').",
    no_args_is_help=True,
)  # fmt: skip

MasterOpt = Annotated[
    str | None,
    typer.Option(help="Spark master, e.g. local[4] or yarn (default: spark-submit's or local[*])."),
]
PartitionsOpt = Annotated[
    int | None, typer.Option(help="Partitions to spread the work over (default: 2 × cores).")
]


@app.command("analyze")
def analyze_command(
    inputs: Annotated[list[str], typer.Argument(help="JSONL, Parquet or WARC(.gz) paths/URIs.")],
    out: Annotated[str, typer.Option("--out", help="Output directory (local, hdfs://, s3a://).")],
    master: MasterOpt = None,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages to run.")] = None,
    partitions: PartitionsOpt = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="jsonl, parquet or warc (default: by name).")
    ] = None,
    text_column: Annotated[str, typer.Option(help="Parquet column with the text.")] = "text",
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy pipelines, e.g. de=NAME,en=NAME")
    ] = None,
) -> None:
    """Articles → Parquet tables articles, entities, attributions, claims, times, errors."""
    from lagebild.config import Config
    from lagebild.spark.analyze import analyze_job

    chosen = tuple(s.strip() for s in stages.split(",")) if stages else None
    summary = analyze_job(
        inputs, out, master=master, stages=chosen, partitions=partitions, fmt=fmt,
        text_column=text_column, config=Config().with_models(model),
    )  # fmt: skip
    typer.echo(json.dumps(summary, indent=2))
    if not summary["articles"]:
        raise typer.Exit(1)


@app.command("stories")
def stories_command(
    in_dir: Annotated[str, typer.Option("--in", help="An analyze output directory.")],
    out: Annotated[str, typer.Option("--out", help="Where to write stories, story_members.")],
    master: MasterOpt = None,
    partitions: PartitionsOpt = None,
) -> None:
    """Group the analyzed articles into stories (tables stories, story_members)."""
    from lagebild.spark.stories import stories_job

    summary = stories_job(in_dir, out, master=master, partitions=partitions)
    typer.echo(json.dumps(summary, indent=2))
