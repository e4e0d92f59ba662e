#!/usr/bin/env bash
# Installs OSV from this folder without a network (docs/install.md):
#   ./install.sh TARGET [--postgresql]
# makes a virtualenv in TARGET with python3 (the Python version the archive was built for, see
# README.txt), installs the locked dependencies from wheels/ (each checked against the SHA-256 in
# requirements/), then OSV's own wheel, and prints `osv --version`. --postgresql adds PostgreSQL's
# driver (osv[postgresql]); without it OSV uses SQLite.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ] || [ $# -gt 2 ] || { [ $# -eq 2 ] && [ "$2" != "--postgresql" ]; }; then
    echo "usage: $0 TARGET [--postgresql]" >&2
    exit 2
fi
TARGET=$1
LOCK="$HERE/requirements/runtime.txt"
if [ "${2:-}" = "--postgresql" ]; then LOCK="$HERE/requirements/postgresql.txt"; fi

# Only this folder: no configured index, links or constraints of the machine.
export PIP_CONFIG_FILE=/dev/null
unset PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_FIND_LINKS PIP_CONSTRAINT PIP_REQUIREMENT || true

"${PYTHON:-python3}" -m venv "$TARGET"
"$TARGET/bin/python" -m pip install --quiet --no-index --find-links "$HERE/wheels" \
    --require-hashes -r "$LOCK"
"$TARGET/bin/python" -m pip install --quiet --no-index --no-deps "$HERE"/wheels/osv-*.whl
"$TARGET/bin/osv" --version
