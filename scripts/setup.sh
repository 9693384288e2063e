#!/usr/bin/env bash
# Prepare this checkout to run SmartCV: Debian packages, .venv, Python requirements, var/.
#
# Idempotent and quick when nothing changed: packages are installed only when missing,
# the venv is created only when absent (or broken), and `pip install` runs only when
# requirements.txt changed since the last successful install. Works as root without sudo.
#
# Environment: PYTHON (interpreter for a new venv; default python3), VENV (default .venv).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
STAMP="$VENV/.requirements.sha256"

# --- 1. Debian packages ---------------------------------------------------------------------
missing=()
while IFS= read -r line || [ -n "$line" ]; do
    line="${line%%#*}"
    pkg="$(printf '%s' "${line%%|*}" | tr -d '[:space:]')"
    [ -n "$pkg" ] || continue
    if [[ "$line" == *"|"* ]]; then
        check="${line#*|}"
        if bash -c "$check" >/dev/null 2>&1; then
            continue
        fi
    elif pkg_installed "$pkg"; then
        continue
    fi
    missing+=("$pkg")
done <scripts/apt-packages.txt

if [ "${#missing[@]}" -gt 0 ]; then
    log "setup: installing missing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}"
else
    log "setup: Debian packages present"
fi

# --- 2. Virtual environment -----------------------------------------------------------------
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    log "setup: using existing $VENV ($("$VENV/bin/python" --version 2>&1))"
else
    if [ -e "$VENV" ]; then
        warn "setup: $VENV exists but its python does not run; recreating it"
        rm -rf "$VENV"
    fi
    command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found"
    log "setup: creating $VENV with $(command -v "$PYTHON") ($("$PYTHON" --version 2>&1))"
    "$PYTHON" -m venv "$VENV"
fi

# --- 3. Python requirements -----------------------------------------------------------------
# The stamp covers requirements.txt and the interpreter, so a rebuilt venv reinstalls.
want="$({
    cat requirements.txt
    "$VENV/bin/python" -c 'import sys; print(sys.version)'
} | sha256sum | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
    log "setup: requirements.txt unchanged since the last install; skipping pip"
else
    log "setup: pip install -r requirements.txt"
    PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
        "$VENV/bin/python" -m pip install --quiet -r requirements.txt
    printf '%s\n' "$want" >"$STAMP"
fi

# --- 4. Runtime directories -----------------------------------------------------------------
if [ ! -d var ]; then
    log "setup: creating var/"
fi
mkdir -p var
log "setup: done"
