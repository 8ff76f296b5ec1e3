package atomicfile

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"
)

func TestWriteReplacesAndIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.json")
	os.WriteFile(path, []byte("old"), 0o644)
	if err := WriteBytes(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new" {
		t.Fatalf("content %q", got)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestFailedWriteKeepsTargetAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	os.WriteFile(path, []byte("previous"), 0o600)
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want boom", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "previous" {
		t.Fatalf("target changed to %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("folder holds %d entries, want only the target", len(entries))
	}
}

func TestWriteFollowsSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "clients", "acme.json")
	os.MkdirAll(filepath.Dir(real), 0o700)
	os.WriteFile(real, []byte("old"), 0o600)
	link := filepath.Join(dir, "current.json")
	if err := os.Symlink(filepath.Join("clients", "acme.json"), link); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a regular file")
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Fatalf("link target holds %q, want new", got)
	}
}

// A temporary file left by a process that was killed (its PID is gone) is
// removed by the next write to the folder; one of a live process is kept.
func TestStaleTempsOfDeadProcessesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := cmd.Process.Pid
	deadTemp := filepath.Join(dir, ".report.pdf"+tempMarker+strconv.Itoa(dead)+"-123.tmp")
	liveTemp := filepath.Join(dir, ".report.pdf"+tempMarker+strconv.Itoa(os.Getppid())+"-456.tmp")
	oldLegacy := filepath.Join(dir, ".report.pdf.98765.tmp")
	newLegacy := filepath.Join(dir, ".other.pdf.4321.tmp")
	foreign := filepath.Join(dir, ".notes.tmp")
	for _, p := range []string{deadTemp, liveTemp, oldLegacy, newLegacy, foreign} {
		os.WriteFile(p, []byte("x"), 0o600)
	}
	old := time.Now().Add(-2 * staleAge)
	os.Chtimes(oldLegacy, old, old)
	os.Chtimes(foreign, old, old)
	if err := WriteBytes(filepath.Join(dir, "report.pdf"), []byte("%PDF")); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{deadTemp: false, liveTemp: true, oldLegacy: false, newLegacy: true, foreign: true} {
		_, err := os.Stat(p)
		if exists := err == nil; exists != want {
			t.Errorf("%s exists=%v, want %v", filepath.Base(p), exists, want)
		}
	}
}
