#!/usr/bin/env bash
# Builds the offline archive of `make dist` (docs/install.md): OSV's wheel and a wheelhouse of
# the locked dependencies, PostgreSQL's driver included, with install.sh and the locks it checks
# the wheels against.
#   requirements/make-offline.sh PYTHON VERSION OUT [pip download options, e.g. --platform X
#   --python-version 3.12 to build for another machine]
# The wheel is built from the files git tracks (as they are in the working tree), in a copy, so
# nothing left over in build/ can end up in it; the build backend is the locked setuptools of the
# virtualenv (--no-build-isolation), so nothing is fetched that the lock does not name.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=$1 VERSION=$2 OUT=$3
shift 3

NAME="osv-$VERSION-offline"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/$NAME"
mkdir -p "$STAGE/wheels" "$STAGE/requirements" "$WORK/source"

# The wheel's file times: the commit's (setuptools honours SOURCE_DATE_EPOCH), so it is the same
# wheel each time.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
git ls-files -z | while IFS= read -r -d '' file; do
    if [ -e "$file" ]; then cp --parents -- "$file" "$WORK/source/"; fi
done
"$PYTHON" -m pip wheel --quiet --no-deps --no-build-isolation --no-index \
    --wheel-dir "$STAGE/wheels" "$WORK/source"

# Only wheels (nothing to compile on the target), each checked against the lock's hashes.
PIP_CONFIG_FILE=/dev/null env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL "$PYTHON" -m pip download --quiet --require-hashes --only-binary=:all: \
    --dest "$STAGE/wheels" -r requirements/postgresql.txt "$@"

cp requirements/runtime.txt requirements/postgresql.txt "$STAGE/requirements/"
cp requirements/install.sh "$STAGE/install.sh"
chmod +x "$STAGE/install.sh"
{
    echo "OSV $VERSION, offline installation (docs/install.md in the source)."
    echo "Built on $(uname -sm) with $("$PYTHON" --version) for:" \
        "${*:-this platform and Python version}."
    echo
    echo "    tar -xzf $NAME.tar.gz"
    echo "    $NAME/install.sh /opt/osv              # SQLite (the default)"
    echo "    $NAME/install.sh /opt/osv --postgresql # with PostgreSQL's driver"
    echo
    echo "Wheels (SHA-256):"
    (cd "$STAGE/wheels" && sha256sum -- *.whl)
} >"$STAGE/README.txt"

mkdir -p "$(dirname "$OUT")"
# Sorted names, fixed owner and times: the same inputs give the same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='1970-01-01 00:00Z' \
    -C "$WORK" -cf - "$NAME" | gzip -n >"$OUT"
echo "$OUT: $(du -h "$OUT" | cut -f1), $(ls "$STAGE/wheels" | wc -l) wheels"
