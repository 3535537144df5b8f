#!/bin/sh
# pre-commit entry (language: script): pre-commit clones this repository once and runs this script from it. The first
# run installs the dependencies and builds dist/ there (npm ci); later runs start at once.
set -e
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$here/dist/cli.js" ]; then
  (cd "$here" && npm ci --no-fund --no-audit --loglevel=error >&2)
fi
exec node "$here/bin/iacpac-pre-commit.js" "$@"
