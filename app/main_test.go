package app

import (
	"context"
	"os"
	"testing"
)

// TestMain points the untitled recovery folder at a temporary directory,
// so no test reads or writes the user's real cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "drillbook-cache-")
	if err != nil {
		panic(err)
	}
	userCacheDir = func() (string, error) { return dir, nil }
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// inlineBackground runs background work on the calling goroutine, so
// tests stay deterministic and race-free.
func inlineBackground(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) func() {
	ctx, cancel := context.WithCancel(context.Background())
	done(work(ctx, progress))
	return cancel
}
