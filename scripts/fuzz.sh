#!/usr/bin/env bash
# make fuzz: every target for RUNS inputs (default 100000), seeded from the project's fixtures.
# SEED fixes libFuzzer's random seed (the short CI run uses one, so a failure reproduces).
set -u
cd "$(dirname "$0")/.."
RUNS=${RUNS:-100000}
SEED=${SEED:-0}
BIN=.venv/bin
$BIN/python -c "import atheris" 2>/dev/null || $BIN/pip install -q atheris
fails=0
for target in html feed warc jsonl text clean time record; do
  corpus=$(mktemp -d)
  cp tests/data/ingest/* "$corpus"/ 2>/dev/null
  echo "== $target: $RUNS inputs"
  if ! $BIN/python fuzz/run.py "$target" -runs="$RUNS" -seed="$SEED" -max_len=8192 -timeout=20 \
        -artifact_prefix="fuzz/crash-$target-" "$corpus" 2>&1 | tail -n 3; then
    fails=$((fails + 1))
  fi
  rm -rf "$corpus"
done
echo "fuzz targets with crashes: $fails"
exit $fails
