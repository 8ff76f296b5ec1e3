package app

import (
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
