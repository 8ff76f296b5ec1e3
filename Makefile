# Convenience targets; each calls the script the README documents.
.PHONY: run test smoke windows bench fuzz

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

smoke:
	bash scripts/smoke.sh

windows:
	bash scripts/windows.sh

bench:
	. scripts/env.sh && go test -run '^$$' -bench . -benchmem ./...

fuzz:
	. scripts/env.sh && go test -run '^$$' -fuzz FuzzLoad -fuzztime 2m ./plan
