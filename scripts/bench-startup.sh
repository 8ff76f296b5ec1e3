#!/usr/bin/env bash
# Start-up against the floor: a bare Fyne window with one label, built from
# the same go.mod (scripts/benchstartup/bare), and the real binary, run in
# turn under their own Xvfb. Each run is timed from its start to its first
# painted frame (both print it with DRILLBOOK_TRACE_STARTUP=1, see
# app/trace.go); Drillbook also prints when the workspace is shown. Peak
# memory is VmHWM from /proc, read SETTLE seconds after the workspace is
# shown (the bare window: after its first frame).
#
#   scripts/bench-startup.sh [N]     N runs of each (default 7)
#
# Environment: SETTLE (seconds, default 2), CASES ("demo large runs",
# default "demo large"; runs is the large workspace with 100 stored runs),
# BIN (a drillbook binary to measure instead of building one, e.g. an
# older commit's, to compare before and after).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
runs=${1:-7}
settle=${SETTLE:-2}
cases=${CASES:-demo large}
work=$(mktemp -d)
xvfb=
cleanup() {
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/bare" ./scripts/benchstartup/bare
if [ -n "${BIN:-}" ]; then
	cp "$BIN" "$work/drillbook"
else
	go build -o "$work/drillbook" .
fi
for c in $cases; do
	case $c in
	large) go run ./scripts/benchstartup/large "$work/large.json" ;;
	runs) go run ./scripts/benchstartup/large -runs 100 "$work/runs.json" ;;
	esac
done

# A display nobody uses.
n=96
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
display=:$n
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done

# one PROGRAM ARGS...: prints "<ms to first frame> <ms to loaded> <peak RSS MB>".
one() {
	local home log pid start ff ld hwm
	home=$(mktemp -d -p "$work")
	log="$home/log"
	start=$(date +%s%N)
	HOME=$home DISPLAY=$display LANG=C.UTF-8 DRILLBOOK_TRACE_STARTUP=1 "$@" 2>"$log" >/dev/null &
	pid=$!
	for _ in $(seq 600); do
		grep -q "first-frame" "$log" 2>/dev/null && { [ "$1" = "$work/bare" ] || grep -q "loaded" "$log"; } && break
		sleep 0.05
	done
	sleep "$settle"
	hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	ff=$(awk '/first-frame/ {print $3; exit}' "$log")
	ld=$(awk '/loaded/ {print $3; exit}' "$log")
	[ -n "$ff" ] || { echo "no first frame from $*:" >&2; cat "$log" >&2; exit 1; }
	echo "$(((ff - start) / 1000000)) $(((${ld:-$ff} - start) / 1000000)) $((hwm / 1024))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf "%-6s %-10s %10s %10s %10s\n" case program "frame ms" "loaded ms" "peak MB"
for c in $cases; do
	args=(--demo)
	[ "$c" = demo ] || args=("$work/$c.json")
	: >"$work/bare.$c" && : >"$work/app.$c"
	for i in $(seq "$runs"); do
		# Alternate which goes first, so drift in the machine's load hits both.
		if [ $((i % 2)) = 1 ]; then
			one "$work/bare" >>"$work/bare.$c"
			one "$work/drillbook" "${args[@]}" >>"$work/app.$c"
		else
			one "$work/drillbook" "${args[@]}" >>"$work/app.$c"
			one "$work/bare" >>"$work/bare.$c"
		fi
	done
	for p in bare app; do
		f=$work/$p.$c
		printf "%-6s %-10s %10s %10s %10s\n" "$c" "$p" "$(cut -d' ' -f1 "$f" | median)" \
			"$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)"
	done
	# The median of the paired ratios, run i of the app against run i of the bare window.
	for col in 1 2 3; do
		paste -d' ' <(cut -d' ' -f"$col" "$work/app.$c") <(cut -d' ' -f"$col" "$work/bare.$c") |
			awk '{printf "%.3f\n", $1 / ($2 > 0 ? $2 : 1)}' | median >"$work/ratio.$col"
	done
	printf "%-6s %-10s %9sx %9sx %9sx\n" "$c" "ratio" "$(cat "$work/ratio.1")" "$(cat "$work/ratio.2")" "$(cat "$work/ratio.3")"
done
