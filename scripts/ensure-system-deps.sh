#!/bin/sh
# Install the Debian packages conflictmap needs, when they are missing:
#   build    a C compiler and the Python headers (the build compiles the report-reading core with mypyc)
#   browser  headless Chromium (the browser tests)
# Needs root (CI and the developer machines run as root); elsewhere it says what to run.
# Usage: ensure-system-deps.sh [build] [browser]   (PYTHON: the interpreter the build is for)
set -e
PYTHON=${PYTHON:-python3}
missing=""
for part in "$@"; do
  case "$part" in
    build)
      command -v cc >/dev/null 2>&1 || missing="$missing gcc libc6-dev"
      if ! "$PYTHON" -c "import os, sysconfig, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))"; then
        missing="$missing python3-dev"
      fi
      ;;
    browser)
      if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
        missing="$missing chromium"
      fi
      ;;
    *)
      echo "ensure-system-deps.sh: unknown part '$part' (build, browser)" >&2
      exit 2
      ;;
  esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages:$missing"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "missing Debian packages:$missing; run 'sudo apt-get install$missing'" >&2
  echo "(without a C compiler, 'CONFLICTMAP_PURE=1 make ...' installs and tests plain Python; without chromium the browser tests skip)" >&2
fi
