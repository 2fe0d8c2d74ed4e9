#!/usr/bin/env bash
# Run the test suite, with a throw-away PostgreSQL server on loopback when one can be started
# (tests marked `postgres` skip with a reason otherwise).
set -u
cd "$(dirname "$0")/.."
BIN=.venv/bin
# lint and types first: cheap, and a failure here is a failure of the run
$BIN/ruff check src tests bench scripts fuzz || exit 1
$BIN/mypy || exit 1
# a short coverage-guided fuzz run after the tests (FUZZ_RUNS=0 skips it; `make fuzz` is the long one)
fuzz_smoke() {
  local runs=${FUZZ_RUNS:-1000}
  [ "$runs" = 0 ] && return 0
  if ! $BIN/python -c "import atheris" 2>/dev/null && ! $BIN/pip install -q atheris 2>/dev/null; then
    echo "atheris could not be installed: fuzz smoke run skipped"
    return 0
  fi
  echo "fuzz smoke run: $runs inputs per target, seed 1"
  RUNS=$runs SEED=1 bash scripts/fuzz.sh
}
if [ -n "${LAGEBILD_TEST_PG_URL:-}" ]; then
  $BIN/python -m pytest -p no:cacheprovider "$@" || exit 1
  fuzz_smoke
  exit $?
fi
if out=$(bash scripts/pg_test_server.sh start 2>/tmp/lagebild-pg.log); then
  export LAGEBILD_TEST_PG_URL="$(echo "$out" | grep '^LAGEBILD_TEST_PG_URL=' | cut -d= -f2-)"
  pgdir=$(echo "$out" | grep '^LAGEBILD_PG_DIR=' | cut -d= -f2-)
  echo "PostgreSQL for tests on ${LAGEBILD_TEST_PG_URL##*@} (dir $pgdir)"
  trap 'bash scripts/pg_test_server.sh stop "$pgdir" >/dev/null 2>&1' EXIT
else
  echo "PostgreSQL could not be started (see /tmp/lagebild-pg.log): its tests will skip"
fi
$BIN/python -m pytest -p no:cacheprovider "$@" || exit 1
fuzz_smoke
