#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine and start Drillbook on the built-in
# demo workspace. Extra arguments go to drillbook (e.g. a workspace file).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
go build -o drillbook .
if [ $# -eq 0 ]; then set -- --demo; fi
exec ./drillbook "$@"
