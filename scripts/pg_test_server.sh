#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the tests (Debian's `postgresql` package).
#
#   scripts/pg_test_server.sh start          # prints LAGEBILD_TEST_PG_URL=… and LAGEBILD_PG_DIR=…
#   scripts/pg_test_server.sh stop DIR       # stops the server started in DIR and deletes DIR
#   scripts/pg_test_server.sh run -- CMD …   # start, run CMD with LAGEBILD_TEST_PG_URL set, stop
#
# The cluster lives in a fresh temp folder, listens on 127.0.0.1 on a free port; the
# superuser "lagebild" logs in over TCP with a random password (in the printed URL), and
# there is a database "lagebild".
# As root the server runs as the "postgres" user (postgres refuses to run as root).
# Environment: PG_BIN (folder with initdb/pg_ctl; default: newest /usr/lib/postgresql/*/bin),
# PG_PORT (default: a free port), PG_FSYNC (default: off — a throw-away server needs no
# durability against power loss; set PG_FSYNC=on for benchmarks).
set -euo pipefail

die() { echo "pg_test_server: $*" >&2; exit 1; }

find_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n "$bin" && -x "$bin/initdb" ]] || die "no PostgreSQL found: apt-get install -y postgresql"
    echo "$bin"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

as_owner() {  # run a command as the user that owns the cluster
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin dir port fsync password
    bin=$(find_bin)
    dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/lagebild-pg.XXXXXX")}
    port=${PG_PORT:-$(free_port)}
    fsync=${PG_FSYNC:-off}
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user"
        chown postgres: "$dir"
    fi
    chmod 700 "$dir"
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    as_owner sh -c "umask 077; echo '$password' > '$dir/pwfile'"
    as_owner "$bin/initdb" -D "$dir/data" -U lagebild --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    as_owner mkdir -p "$dir/sock"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=$fsync -c max_connections=50" \
        >/dev/null || { cat "$dir/server.log" >&2; die "server did not start"; }
    as_owner "$bin/createdb" -h "$dir/sock" -p "$port" -U lagebild lagebild
    echo "LAGEBILD_TEST_PG_URL=postgresql://lagebild:$password@127.0.0.1:$port/lagebild"
    echo "LAGEBILD_PG_DIR=$dir"
}

stop() {
    local dir=${1:-${LAGEBILD_PG_DIR:-}}
    [[ -n "$dir" && -d "$dir" ]] || die "usage: $0 stop DIR (the LAGEBILD_PG_DIR printed by start)"
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        as_owner "$(find_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
}

RUN_DIR=""

run() {
    [[ "${1:-}" == "--" ]] && shift
    [[ $# -gt 0 ]] || die "usage: $0 run -- COMMAND [ARGS…]"
    local out url rc
    RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/lagebild-pg.XXXXXX")
    trap 'stop "$RUN_DIR"' EXIT  # also when interrupted while the server starts
    trap 'exit 130' INT TERM
    out=$(start "$RUN_DIR")
    url=$(sed -n 's/^LAGEBILD_TEST_PG_URL=//p' <<<"$out")
    echo "pg_test_server: PostgreSQL at $url" >&2
    rc=0
    LAGEBILD_TEST_PG_URL="$url" "$@" || rc=$?
    return "$rc"
}

case "${1:-}" in
    start) start ;;
    stop) shift; stop "$@" ;;
    run) shift; run "$@" ;;
    *) die "usage: $0 start | stop DIR | run -- COMMAND" ;;
esac
