"""Coverage-guided fuzzing of one target with atheris.

    .venv/bin/python fuzz/run.py TARGET [-runs=100000] [-max_len=4096] [corpus_dir]

Targets are listed in fuzz/targets.py. A crash prints the input's path; make it a
regression test under tests/reliability/.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import atheris

with atheris.instrument_imports():  # coverage is only seen in modules imported here
    import lagebild.claims.time
    import lagebild.clean
    import lagebild.ingest
    import lagebild.records  # noqa: F401

from targets import TARGETS


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: run.py TARGET [libFuzzer flags]; targets: {', '.join(TARGETS)}")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
