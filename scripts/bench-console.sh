#!/bin/sh
# CPU of a running exercise console against an idle window, as whole
# processes under Xvfb at 1280x720: the process's user+system time over
# SECS seconds, from WARM seconds after it starts, as % of one core.
# Configurations alternate, ROUNDS times; compare medians in the output.
#
#   scripts/bench-console.sh BINARY [BASELINE_BINARY]
#
# Builds two floors from this go.mod: a bare Fyne window with one label
# (idle), and the same-content floor (scripts/benchconsole/floor: as many
# texts, rectangles and icons as the console draws, a few texts changing
# once a second), which is what Fyne costs to show that much once a second.
# Environment: DISPLAYNUM (default 97), ROUNDS (2), WARM (3), SECS (30).
set -eu
bin=$1
base=${2:-}
n=${DISPLAYNUM:-97}
rounds=${ROUNDS:-2}
warm=${WARM:-3}
secs=${SECS:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir "$tmp/bare" "$tmp/home"
# The same bare window bench-startup.sh measures against.
(cd "$root" && go build -o "$tmp/bare/bare" ./scripts/benchstartup/bare)
(cd "$root" && go build -o "$tmp/bare/floor" ./scripts/benchconsole/floor)
Xvfb ":$n" -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
tck=$(getconf CLK_TCK)

# cpu prints the % of a core one command used over the measured window.
cpu() {
	DISPLAY=":$n" LANG=C.UTF-8 HOME="$tmp/home" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$warm"
	a=$(awk '{print $14+$15}' "/proc/$pid/stat")
	sleep "$secs"
	b=$(awk '{print $14+$15}' "/proc/$pid/stat")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -rf "$tmp/home" && mkdir "$tmp/home"
	echo "$a $b" | awk -v t="$tck" -v s="$secs" '{printf "%.2f", ($2-$1)/t/s*100}'
}

for r in $(seq "$rounds"); do
	echo "round $r: bare-idle $(cpu "$tmp/bare/bare")%"
	echo "round $r: same-content-floor $(cpu "$tmp/bare/floor")%"
	echo "round $r: overview-idle $(cpu "$bin" --demo)%"
	for speed in 20 1; do
		[ -n "$base" ] && echo "round $r: baseline-drill-x$speed $(cpu "$base" --demo --exercise ransomware --speed "$speed")%"
		echo "round $r: drill-x$speed $(cpu "$bin" --demo --exercise ransomware --speed "$speed")%"
	done
done
