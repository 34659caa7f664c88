#!/usr/bin/env bash
# Set up Refill's environment (a .venv from pyproject.toml) and run the app or the tests.
#   ./dev.sh run [--demo | refill arguments…]   set up, then run refill
#   ./dev.sh test [pytest arguments…]           set up, then run the whole test suite
#   ./dev.sh bench [benchmark arguments…]       set up, then run the benchmark table
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
VENV=.venv
stamp=$VENV/.installed

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e '.[test]'
    touch "$stamp"
  fi
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case $cmd in
  run)
    setup
    exec "$VENV/bin/refill" "$@"
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    set +e
    "$VENV/bin/python" -m pytest "$@"
    rc=$?
    set -e
    if [ $rc -eq 5 ]; then
      echo "dev.sh: pytest collected no tests — treating that as a failure" >&2
      exit 1
    fi
    exit $rc
    ;;
  bench)
    setup
    exec "$VENV/bin/python" benchmarks/run.py "$@"
    ;;
  *)
    echo "usage: ./dev.sh run [--demo|ARGS…] | test [PYTEST ARGS…] | bench [ARGS…]" >&2
    exit 2
    ;;
esac
