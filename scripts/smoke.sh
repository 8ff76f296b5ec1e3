#!/usr/bin/env bash
# Start the real binary on the demo workspace under Xvfb for a few seconds:
# it must still be running and must not have logged a Fyne threading error
# or a panic.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
go build -o drillbook .
log=$(mktemp)
home=$(mktemp -d) # fresh preferences: no recent files from a developer's machine
display=:$((200 + RANDOM % 100))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
HOME=$home DISPLAY=$display LANG=en_US.UTF-8 ./drillbook --demo >"$log" 2>&1 &
app=$!
sleep "${SMOKE_SECONDS:-6}"
if ! kill -0 "$app" 2>/dev/null; then
	echo "smoke: drillbook exited early; its output:"; cat "$log"; exit 1
fi
kill "$app"; wait "$app" 2>/dev/null || true
if grep -Ei "fyne call thread|should have been called in fyne.Do|panic|fatal error|DATA RACE" "$log"; then
	echo "smoke: drillbook logged a threading error or panic (above)"; exit 1
fi
echo "smoke: drillbook ran ${SMOKE_SECONDS:-6}s under Xvfb with a clean log"
