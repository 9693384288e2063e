# PostgreSQL and Redis for the integration tests. Source it (after scripts/lib.sh), then:
#
#   services_up     use what already answers on 127.0.0.1, otherwise install and start it
#   services_down   stop only what services_up itself started (call it from an EXIT trap)
#   pg_psql ARGS…   psql against the `postgres` database with the credentials that work
#
# After services_up: PG_HOST PG_PORT PG_USER PG_PASSWORD (may be empty) REDIS_HOST REDIS_PORT.
# Ports: SMARTCV_PG_PORT (default 5432) and SMARTCV_REDIS_PORT (default 6379). For PostgreSQL
# it tries, in order: PGUSER/PGPASSWORD if set, user postgres without a password, then a role
# `smartcv_ci` (password smartcv_ci, CREATEDB) that it creates through the local socket as
# the postgres system user when TCP logins need a password.
# shellcheck shell=bash

PG_HOST=127.0.0.1
PG_PORT="${SMARTCV_PG_PORT:-5432}"
PG_USER=""
PG_PASSWORD=""
REDIS_HOST=127.0.0.1
REDIS_PORT="${SMARTCV_REDIS_PORT:-6379}"
_PG_STARTED=""    # "<version> <cluster>" when services_up started it
_REDIS_STARTED="" # its pid file when services_up started it
_SERVICES_DIR=""

# --- PostgreSQL -----------------------------------------------------------------------------

_pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3 >/dev/null 2>&1; }

_pg_wait() {
    for _ in $(seq 1 60); do
        _pg_ready && return 0
        sleep 0.5
    done
    return 1
}

# Run a command as the postgres system user (peer authentication on the local socket).
_as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    elif command -v sudo >/dev/null 2>&1; then
        (cd / && sudo -n -u postgres "$@")
    else
        return 1
    fi
}

_pg_login_works() { # USER PASSWORD
    env ${2:+PGPASSWORD="$2"} psql -X -w -q -h "$PG_HOST" -p "$PG_PORT" -U "$1" -d postgres \
        -Atc 'SELECT 1' >/dev/null 2>&1
}

pg_psql() {
    env ${PG_PASSWORD:+PGPASSWORD="$PG_PASSWORD"} psql -X -w -q -v ON_ERROR_STOP=1 \
        -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"
}

_pg_start() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /etc/postgresql/*/*/postgresql.conf >/dev/null 2>&1; then
        log "services: PostgreSQL is not installed; installing it"
        apt_install postgresql
        if _pg_wait; then
            log "services: PostgreSQL was started by its package installation (left running)"
            return 0
        fi
    fi
    local ver name
    read -r ver name < <(pg_lsclusters --no-header 2>/dev/null |
        awk -v p="$PG_PORT" '$3 == p { print $1, $2; exit }') || true
    if [ -z "${ver:-}" ]; then
        if pg_lsclusters --no-header 2>/dev/null | grep -q .; then
            die "no PostgreSQL cluster is configured for port $PG_PORT (see pg_lsclusters); set SMARTCV_PG_PORT"
        fi
        # shellcheck disable=SC2012  # version directories: plain names
        ver="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
        # shellcheck disable=SC2012
        [ -n "$ver" ] || ver="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
        name=main
        log "services: creating PostgreSQL cluster $ver/$name on port $PG_PORT"
        as_root pg_createcluster "$ver" "$name" --port "$PG_PORT" >/dev/null
    fi
    log "services: starting PostgreSQL cluster $ver/$name (port $PG_PORT)"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
    _PG_STARTED="$ver $name"
    _pg_wait || die "PostgreSQL cluster $ver/$name did not start answering on $PG_HOST:$PG_PORT"
}

_pg_credentials() {
    if [ -n "${PGUSER:-}" ] && _pg_login_works "$PGUSER" "${PGPASSWORD:-}"; then
        PG_USER="$PGUSER" PG_PASSWORD="${PGPASSWORD:-}"
    elif _pg_login_works postgres ""; then
        PG_USER=postgres PG_PASSWORD=""
    elif _pg_login_works smartcv_ci smartcv_ci; then
        PG_USER=smartcv_ci PG_PASSWORD=smartcv_ci
    else
        log "services: TCP login as postgres needs a password; creating role smartcv_ci via the local socket"
        _as_postgres psql -X -q -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 <<'SQL' >/dev/null ||
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'smartcv_ci') THEN
        ALTER ROLE smartcv_ci LOGIN CREATEDB PASSWORD 'smartcv_ci';
    ELSE
        CREATE ROLE smartcv_ci LOGIN CREATEDB PASSWORD 'smartcv_ci';
    END IF;
END
$$;
SQL
            die "cannot log in to PostgreSQL on $PG_HOST:$PG_PORT; set PGUSER/PGPASSWORD for a role with CREATEDB"
        _pg_login_works smartcv_ci smartcv_ci ||
            die "role smartcv_ci cannot log in over TCP on $PG_HOST:$PG_PORT (check pg_hba.conf); set PGUSER/PGPASSWORD"
        PG_USER=smartcv_ci PG_PASSWORD=smartcv_ci
    fi
    log "services: PostgreSQL login as $PG_USER${PG_PASSWORD:+ (with password)}"
}

_pg_up() {
    need_cmd pg_isready postgresql-client
    need_cmd psql postgresql-client
    if _pg_ready; then
        log "services: PostgreSQL answers on $PG_HOST:$PG_PORT; using it"
    else
        _pg_start
    fi
    _pg_credentials
}

# --- Redis ----------------------------------------------------------------------------------

_redis_ping() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null || true; }

_redis_up() {
    need_cmd redis-cli redis-tools
    local answer
    answer="$(_redis_ping)"
    if [ "$answer" = PONG ]; then
        log "services: Redis answers on $REDIS_HOST:$REDIS_PORT; using it"
        return 0
    fi
    [ -z "$answer" ] || die "something on $REDIS_HOST:$REDIS_PORT answers PING with '$answer'; set SMARTCV_REDIS_PORT"
    if ! command -v redis-server >/dev/null 2>&1; then
        log "services: Redis is not installed; installing redis-server"
        apt_install redis-server
        if [ "$(_redis_ping)" = PONG ]; then
            log "services: Redis was started by its package installation (left running)"
            return 0
        fi
    fi
    log "services: starting redis-server on $REDIS_HOST:$REDIS_PORT (no persistence)"
    redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save "" --appendonly no \
        --dir "$_SERVICES_DIR" --pidfile "$_SERVICES_DIR/redis.pid" --logfile "$_SERVICES_DIR/redis.log"
    _REDIS_STARTED="$_SERVICES_DIR/redis.pid"
    for _ in $(seq 1 40); do
        [ "$(_redis_ping)" = PONG ] && return 0
        sleep 0.25
    done
    tail -n 20 "$_SERVICES_DIR/redis.log" >&2 || true
    die "redis-server did not start answering on $REDIS_HOST:$REDIS_PORT"
}

# --- Public ---------------------------------------------------------------------------------

services_up() {
    _SERVICES_DIR="$(mktemp -d "${TMPDIR:-/tmp}/smartcv-services.XXXXXX")"
    _pg_up
    _redis_up
}

services_down() {
    if [ -n "$_REDIS_STARTED" ]; then
        log "services: stopping the redis-server this script started"
        redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 ||
            { [ -f "$_REDIS_STARTED" ] && kill "$(cat "$_REDIS_STARTED")" 2>/dev/null; } || true
        _REDIS_STARTED=""
    fi
    if [ -n "$_PG_STARTED" ]; then
        log "services: stopping the PostgreSQL cluster this script started ($_PG_STARTED)"
        # shellcheck disable=SC2086  # "<version> <cluster>" are two arguments
        as_root pg_ctlcluster --skip-systemctl-redirect $_PG_STARTED stop || true
        _PG_STARTED=""
    fi
    if [ -n "$_SERVICES_DIR" ]; then
        rm -rf "$_SERVICES_DIR"
        _SERVICES_DIR=""
    fi
}
