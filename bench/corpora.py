"""The benchmark corpora, read from ../shared/data (never copied into the repo).

German: the 10kGNAD test articles; English: the English side of the WMT24 documents.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def texts(lang: str, limit: int = 0) -> list[str]:
    """Article texts for ``lang`` ("de" or anything else for English), at most ``limit``."""
    if lang == "de":
        with (DATA / "tenk_gnad_test" / "test.csv").open(encoding="utf-8", newline="") as fh:
            out = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]
    else:
        with (DATA / "wmt24_en_de_docs" / "docs_dev.jsonl").open(encoding="utf-8") as fh:
            out = [json.loads(line)["en"] for line in fh if line.strip()]
    return out[:limit] if limit else out
