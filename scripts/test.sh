#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine and run the whole test suite:
# formatting, vet, staticcheck and the race-enabled tests (GUI tests use
# Fyne's headless test driver, so no display is needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

STATICCHECK_VERSION=v0.8.2
if ! staticcheck -version 2>/dev/null | grep -qF "(${STATICCHECK_VERSION#v})"; then
	echo "test: installing staticcheck $STATICCHECK_VERSION"
	go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt needed on:"; echo "$unformatted"; exit 1
fi
echo "== go vet"
go vet ./...
echo "== staticcheck"
staticcheck ./...
echo "== go test -race"
go test -race -count=1 -timeout 30m ./...
