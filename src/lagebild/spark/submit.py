"""The spark-submit entry point: ``spark-submit … submit.py analyze|stories …``.

A plain ``argparse`` front (no typer needed on the driver) over :func:`analyze_job` and
:func:`stories_job`; the summary is printed to stdout as one JSON object. The same commands
run locally with ``python -m lagebild.spark.submit`` (or ``python -m lagebild.spark.analyze``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lagebild-spark", description=__doc__)
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    parser.add_argument("--debug", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="articles → Parquet record tables")
    analyze.add_argument("inputs", nargs="+", help="JSONL, Parquet or WARC(.gz) paths/URIs")
    analyze.add_argument("--out", required=True, help="output directory (URI)")
    analyze.add_argument("--stages", default=None, help="comma-separated pipeline stages")
    analyze.add_argument("--partitions", type=int, default=None)
    analyze.add_argument("--format", dest="fmt", choices=("jsonl", "parquet", "warc"))
    analyze.add_argument("--text-column", default="text", help="Parquet column with the text")
    analyze.add_argument("--model", default=None, help="spaCy pipelines, e.g. de=NAME,en=NAME")

    stories = sub.add_parser("stories", help="analyze output → stories, story_members")
    for command in (analyze, stories):  # --master also after the command name
        command.add_argument("--master", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    stories.add_argument("--in", dest="in_dir", required=True, help="analyze output directory")
    stories.add_argument("--out", required=True)
    stories.add_argument("--partitions", type=int, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)
    if args.command == "analyze":
        from lagebild.config import Config
        from lagebild.spark.analyze import analyze_job

        stages = tuple(s.strip() for s in args.stages.split(",")) if args.stages else None
        result = analyze_job(
            args.inputs, args.out, master=args.master, stages=stages,
            partitions=args.partitions, fmt=args.fmt, text_column=args.text_column,
            config=Config().with_models(args.model),
        )  # fmt: skip
    else:
        from lagebild.spark.stories import stories_job

        result = stories_job(args.in_dir, args.out, master=args.master,
                             partitions=args.partitions)  # fmt: skip
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
