// Package testtool finds the external programs some tests need
// (pdftotext, LibreOffice, the go command). Without one, a test is skipped
// on a developer's machine but fails when the CI environment variable is
// set: there a missing tool is a broken setup, and a skip would hide that
// the check never ran.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the program name, or skips the test (fails it
// under CI) naming the program and how to install it.
func Need(t testing.TB, name, hint string) string {
	t.Helper()
	p, ok := Look(t, name, hint)
	if !ok {
		t.Skipf("%s not found: %s", name, hint)
	}
	return p
}

// Look is Need for an optional part of a test: without the program it
// logs and returns false (and fails the test under CI).
func Look(t testing.TB, name, hint string) (string, bool) {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p, true
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s not found (CI is set, so this is an error): %s", name, hint)
	}
	t.Logf("%s not found, part of the test skipped: %s", name, hint)
	return "", false
}
