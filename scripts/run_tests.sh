#!/usr/bin/env bash
# Run the test suite with a throw-away PostgreSQL server on loopback when one can be started.
set -u
cd "$(dirname "$0")/.."
BIN=.venv/bin
pg_started=0
if [ -z "${LAGEBILD_TEST_PG_URL:-}" ] && [ -x scripts/pg_test_server.sh ]; then
  if url=$(bash scripts/pg_test_server.sh start 2>/tmp/lagebild-pg.log); then
    export LAGEBILD_TEST_PG_URL="$url"
    pg_started=1
    echo "PostgreSQL for tests: $url"
  else
    echo "PostgreSQL could not be started (see /tmp/lagebild-pg.log): its tests will skip"
  fi
fi
$BIN/python -m pytest -p no:cacheprovider "$@"
rc=$?
[ $pg_started -eq 1 ] && bash scripts/pg_test_server.sh stop >/dev/null 2>&1
exit $rc
