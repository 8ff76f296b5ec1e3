#!/usr/bin/env bash
# Installs what Drillbook needs to build and test on Debian/Ubuntu:
# the C toolchain and X11/GL headers for Fyne's cgo build, Xvfb and the
# document tools the tests read reports back with. Safe to run repeatedly.
# Source it (". scripts/setup.sh") or run it; it only installs what is missing.
set -euo pipefail

packages=(gcc pkg-config libgl1-mesa-dev xorg-dev xvfb xauth poppler-utils libreoffice-calc libreoffice-writer)
[ "${DRILLBOOK_WINDOWS:-0}" = 1 ] && packages+=(gcc-mingw-w64-x86-64)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
	missing+=(golang-go) # an older Go fetches the toolchain go.mod asks for
fi

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then sudo=""
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"
	else
		echo "setup: missing packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})" >&2
		exit 1
	fi
	echo "setup: installing ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go 1.21 or later fetches the exact toolchain go.mod names by itself
# (GOTOOLCHAIN=auto); older ones (Debian 12's golang-go is 1.19) cannot.
gobin=$(command -v go || echo /usr/local/go/bin/go)
if [ -x "$gobin" ]; then
	v=$("$gobin" env GOVERSION 2>/dev/null || "$gobin" version | awk '{print $3}')
	minor=$(echo "${v#go}" | cut -d. -f2)
	if [ "$(echo "${v#go}" | cut -d. -f1)" = 1 ] && [ "${minor:-0}" -lt 21 ]; then
		echo "setup: $v is too old to fetch the Go toolchain this project needs; install Go 1.21 or later" >&2
		echo "setup: (on Debian 12: apt-get install -t bookworm-backports golang-go, or a Go release in /usr/local/go)" >&2
		exit 1
	fi
fi
