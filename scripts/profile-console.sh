#!/bin/sh
# A CPU profile of the running console as a whole process under Xvfb at
# 1280x720 (DRILLBOOK_CPUPROFILE, internal/cpuprofile): SECS seconds from
# WARM seconds after start, then `go tool pprof -top` of it. The profile
# sees Go threads only; software GL's own threads show in bench-console.sh's
# CPU figures but not here.
#
#   scripts/profile-console.sh BINARY [SPEED] [OUT.pb]
#
# Environment: DISPLAYNUM (default 96), WARM (3), SECS (30), TOP (25).
set -eu
bin=$1
speed=${2:-20}
out=${3:-/tmp/drillbook-console-x$speed.pb}
n=${DISPLAYNUM:-96}
warm=${WARM:-3}
secs=${SECS:-30}
tmp=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
Xvfb ":$n" -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=":$n" LANG=C.UTF-8 HOME="$tmp" \
	DRILLBOOK_CPUPROFILE="$out" DRILLBOOK_CPUPROFILE_AFTER="${warm}s" DRILLBOOK_CPUPROFILE_FOR="${secs}s" \
	"$bin" --demo --exercise ransomware --speed "$speed" >/dev/null 2>&1 &
pid=$!
sleep $((warm + secs + 1))
kill "$pid"
wait "$pid" 2>/dev/null || true
echo "profile: $out"
go tool pprof -top -nodecount="${TOP:-25}" "$bin" "$out" 2>/dev/null
