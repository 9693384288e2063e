#!/usr/bin/env bash
# A deeper schemathesis run than the CI test (tests/security/test_schemathesis.py): every
# phase (examples, coverage, fuzzing, stateful), positive and negative data, every operation
# of the four dialects, against a live server on 127.0.0.1 with a fresh SQLite database, the
# demo data and an Enterprise key of the demo recruiter (rate limits out of the way).
#
#   bash benchmarks/schemathesis_long.sh                     # 10 minutes, random seed (printed)
#   MAX_TIME=120 SEED=42 bash benchmarks/schemathesis_long.sh
#   CHECKS=all bash benchmarks/schemathesis_long.sh          # also negative_data_rejection, …
#
# Checks by default: no 5xx, documented status codes, content types and response schemas.
# Exit status is schemathesis's (non-zero when it found a failure). Reports (JUnit, and a
# pytest file reproducing each failure) land in test-output/schemathesis/.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
# A free port unless one is given (other servers may run on this machine).
PORT="${PORT:-$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
MAX_TIME="${MAX_TIME:-600}"
SEED="${SEED:-$RANDOM}"
EXAMPLES="${EXAMPLES:-100}"
CHECKS="${CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance}"
WORK="$(mktemp -d)"
REPORTS="test-output/schemathesis"
mkdir -p "$REPORTS"

unset REDIS_URL CELERY_EAGER
export DATABASE_URL="sqlite:///$WORK/smartcv.sqlite3"
export MEDIA_ROOT="$WORK/media"
export SITE_URL="http://127.0.0.1:$PORT"
export SMARTCV_WEBHOOK_ALLOWED_HOSTS=""

server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

"$PY" manage.py migrate --noinput >/dev/null
"$PY" manage.py seed_demo --base-url "$SITE_URL" >/dev/null
KEY="$("$PY" manage.py createapikey demo --plan enterprise --name schemathesis | tail -n 1)"

"$PY" manage.py runserver "127.0.0.1:$PORT" --noreload >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT/api/v1/usage" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 0.2
done

echo "schemathesis: seed $SEED, up to $EXAMPLES examples per operation, $MAX_TIME s, checks $CHECKS"
status=0
.venv/bin/st run "http://127.0.0.1:$PORT/api/schema/?format=json" \
    --url "http://127.0.0.1:$PORT" \
    --header "X-API-Key: $KEY" \
    --generation-with-security-parameters false \
    --phases examples,coverage,fuzzing,stateful \
    --checks "$CHECKS" \
    --max-examples "$EXAMPLES" \
    --max-time "$MAX_TIME" \
    --seed "$SEED" \
    --workers 2 \
    --generation-database none \
    --request-timeout 30 \
    --continue-on-failure \
    --report junit,pytest \
    --report-dir "$REPORTS" || status=$?

if grep -q "Traceback" "$WORK/server.log"; then
    echo "server tracebacks (first 40 lines):"
    grep -n -A 20 "Traceback" "$WORK/server.log" | head -40
    status=1
fi
exit "$status"
