#!/usr/bin/env bash
# Cross-compile the Windows executable with mingw-w64 to prove the
# cross-platform build.
set -euo pipefail
cd "$(dirname "$0")/.."
DRILLBOOK_WINDOWS=1 bash scripts/setup.sh
. scripts/env.sh
GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc go build -ldflags "-H=windowsgui" -o drillbook.exe .
echo "windows: built $(ls -la drillbook.exe | awk '{print $5}') bytes drillbook.exe"
