#!/usr/bin/env bash
# The installed program as a user gets it (issue 11, part 4): build the sdist, a wheel from that sdist,
# install the wheel into a fresh venv, and from a folder outside the checkout run every kind of command
# once, headless, with an empty data folder. Any failure stops it with a non-zero exit.
#
#   tools/smoke_install.sh [WORKDIR]      (default: a new temporary folder; needs python3 and the package index)
#
# Leaves in WORKDIR: dist/ (the sdist and the wheel), venv/ (the installed program), data/ (its data folder),
# shots/ (the screenshots). .ci/run calls it, then checks the file lists (tests/test_install.py, BRIDGES_DIST).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${1:-}" ]; then mkdir -p "$1" && WORK=$(cd "$1" && pwd); else WORK=$(mktemp -d -t bridges-smoke-XXXXXX); fi
PYTHON=${PYTHON:-python3}
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy PIP_DISABLE_PIP_VERSION_CHECK=1
export BRIDGES_DATA_DIR="$WORK/data"
DIST="$WORK/dist"
rm -rf "$DIST" "$WORK/venv" "$WORK/data" "$WORK/shots" "$WORK/outside"
step() { printf '\n--- smoke: %s\n' "$*"; }

step "sdist ($ROOT)"
[ -x "$WORK/tools/bin/python" ] || "$PYTHON" -m venv "$WORK/tools"
"$WORK/tools/bin/pip" install -q build
"$WORK/tools/bin/python" -m build --sdist --outdir "$DIST" "$ROOT" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
step "wheel built from the sdist"
"$WORK/tools/bin/pip" wheel --no-deps -q -w "$DIST" "$DIST"/*.tar.gz
ls -l "$DIST"
step "install the wheel into a fresh venv"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q "$DIST"/*.whl
BRIDGES="$WORK/venv/bin/bridges"
[ -x "$WORK/venv/bin/bridges-gui" ]

mkdir -p "$WORK/outside" && cd "$WORK/outside"  # nothing of the checkout is on the path from here
step "bridges --version"
"$BRIDGES" --version
"$WORK/venv/bin/python" - "$ROOT/pyproject.toml" <<'PY'
import sys, tomllib, game, game.version
want = tomllib.load(open(sys.argv[1], "rb"))["project"]["version"]
assert game.version.version() == want, (game.version.version(), want)
assert "site-packages" in game.__file__, f"the game was imported from {game.__file__}, not the installed wheel"
PY
step "bridges validate demo-river-cleanup"
"$BRIDGES" validate demo-river-cleanup
step "bridges analyze demo-river-cleanup --plays 50"
"$BRIDGES" analyze demo-river-cleanup --plays 50 --time-limit 120
step "bridges coverage"
"$BRIDGES" coverage
step "bridges new my-test (into BRIDGES_DATA_DIR)"
"$BRIDGES" new my-test
test -f "$BRIDGES_DATA_DIR/scenarios/my-test.yaml"
"$BRIDGES" validate my-test
step "bridges screenshots --out DIR"
"$BRIDGES" screenshots --out "$WORK/shots" --size 1280x720
test -s "$WORK/shots/en-1280x720-100-01-title.png" && test -s "$WORK/shots/bg-1280x720-100-01-title.png"
ls "$WORK/shots" | wc -l
step "bridges report (an empty store)"
"$BRIDGES" report
"$BRIDGES" report --out "$WORK/exports"
step "passed: the installed wheel works from $WORK/outside"
