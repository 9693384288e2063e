#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions run from the EXIT trap
# Integration tests against the production-shaped runtime: PostgreSQL, Redis and a real
# `celery -A smartcv worker` consuming every queue, all on this machine.
#
#   scripts/integration.sh [extra pytest args…]
#
# Uses PostgreSQL/Redis already answering on 127.0.0.1 (installing and starting them only when
# absent, and stopping only what it started), a fresh database smartcv_ci_<pid>_<n> (dropped at
# exit), a Redis database number of its own (5–15, locked and flushed first) and a temporary
# MEDIA_ROOT. The worker's log is printed when anything fails; SMARTCV_CI_WORKER_LOG=<file>
# keeps it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
# shellcheck source=scripts/services.sh
. scripts/services.sh

bash scripts/setup.sh
PY="$ROOT/.venv/bin/python"
CELERY="$ROOT/.venv/bin/celery"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/smartcv-integration.XXXXXX")"
WORKER_LOG="${SMARTCV_CI_WORKER_LOG:-$WORK/worker.log}"  # set it to keep the log
WORKER_PID=""
DB_NAME=""
REDIS_DB=""

stop_worker() {
    [ -n "$WORKER_PID" ] || return 0
    if kill -0 "$WORKER_PID" 2>/dev/null; then
        log "integration: stopping the worker (pid $WORKER_PID)"
        kill -TERM "$WORKER_PID" 2>/dev/null || true
        for _ in $(seq 1 40); do
            kill -0 "$WORKER_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$WORKER_PID" 2>/dev/null; then
            warn "integration: worker still running after 20 s; killing it"
        fi
    fi
    # The worker runs in its own process group (setsid): take any pool children with it.
    kill -KILL -- "-$WORKER_PID" 2>/dev/null || true
    wait "$WORKER_PID" 2>/dev/null || true
    WORKER_PID=""
}

cleanup() {
    local rc=$?
    set +e
    if [ "$rc" -ne 0 ] && [ -s "$WORKER_LOG" ]; then
        printf '\n----- last 80 lines of the worker log (%s) -----\n' "$WORKER_LOG" >&2
        tail -n 80 "$WORKER_LOG" >&2
        printf -- '----- end of worker log -----\n\n' >&2
    fi
    stop_worker
    if [ -n "$DB_NAME" ]; then
        log "integration: dropping database $DB_NAME"
        pg_psql -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >/dev/null
    fi
    if [ -n "$REDIS_DB" ]; then
        redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" flushdb >/dev/null 2>&1
    fi
    services_down
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

services_up

# A Redis database of our own: the first of 5–15 that no other run on this machine holds.
for n in $(seq 5 15); do
    exec 9>"${TMPDIR:-/tmp}/smartcv-ci-redis-$REDIS_PORT-$n.lock"
    if flock -n 9; then
        REDIS_DB="$n"
        break
    fi
    exec 9>&-
done
[ -n "$REDIS_DB" ] || die "Redis databases 5–15 are all in use by other integration runs"
log "integration: Redis database $REDIS_DB (flushed)"
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" flushdb >/dev/null

DB_NAME="smartcv_ci_$$_${RANDOM}"
log "integration: creating database $DB_NAME"
pg_psql -c "CREATE DATABASE \"$DB_NAME\"" >/dev/null

urlquote() { "$PY" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
credentials="$(urlquote "$PG_USER")${PG_PASSWORD:+:$(urlquote "$PG_PASSWORD")}"
export DATABASE_URL="postgresql://$credentials@$PG_HOST:$PG_PORT/$DB_NAME"
export REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB"
export CELERY_EAGER=false
export SMARTCV_WEBHOOK_ALLOWED_HOSTS=127.0.0.1,localhost
# A short webhook schedule so tests/integration/test_faults.py sees retries end in seconds.
export SMARTCV_WEBHOOK_TIMEOUT="${SMARTCV_WEBHOOK_TIMEOUT:-2}"
export SMARTCV_WEBHOOK_RETRY_DELAYS="${SMARTCV_WEBHOOK_RETRY_DELAYS:-1,2}"
export MEDIA_ROOT="$WORK/media"
mkdir -p "$MEDIA_ROOT"

log "integration: manage.py migrate"
"$PY" manage.py migrate --noinput >"$WORK/migrate.log" 2>&1 || {
    cat "$WORK/migrate.log" >&2
    die "migrate failed"
}

log "integration: starting celery worker ci@$(hostname) (log: $WORKER_LOG)"
setsid "$CELERY" -A smartcv worker -Q default,parsing,matching,rendering,webhooks \
    --concurrency 2 -n 'ci@%h' --loglevel INFO </dev/null >"$WORKER_LOG" 2>&1 9>&- &
WORKER_PID=$!

deadline=$((SECONDS + 60))
until "$CELERY" -A smartcv inspect ping --timeout 2 >/dev/null 2>&1; do
    kill -0 "$WORKER_PID" 2>/dev/null || die "the celery worker exited during startup"
    [ "$SECONDS" -lt "$deadline" ] || die "the celery worker did not answer a ping within 60 s"
    sleep 1
done
log "integration: worker answers ping"

log "integration: pytest -m integration tests/integration $*"
set +e
"$ROOT/.venv/bin/pytest" -m integration tests/integration "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    die "pytest collected no integration tests (exit 5); tests/integration must have some"
fi
exit "$rc"
