package cpuprofile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestNothingAskedWritesNothing(t *testing.T) {
	var stderr bytes.Buffer
	stop := Start(env(nil), &stderr)
	stop()
	stop()
	if stderr.Len() != 0 {
		t.Fatalf("stderr: %q", stderr.String())
	}
}

// A bounded profile is complete once its span has passed, though the
// process is never told to stop (as the scripts kill the window).
func TestBoundedProfileIsWrittenWithoutStop(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.pb")
	var stderr bytes.Buffer
	stop := Start(env(map[string]string{FileEnv: path, AfterEnv: "10ms", ForEnv: "100ms"}), &stderr)
	defer stop()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			// Finished: a new profile may start again.
			if err := pprof.StartCPUProfile(&bytes.Buffer{}); err != nil {
				if time.Now().After(deadline) {
					t.Fatalf("profile still running: %v", err)
				}
			} else {
				pprof.StopCPUProfile()
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("no profile written")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if stderr.Len() != 0 {
		t.Fatalf("stderr: %q", stderr.String())
	}
}

func TestStopEndsAnUnboundedProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.pb")
	stop := Start(env(map[string]string{FileEnv: path}), &bytes.Buffer{})
	time.Sleep(50 * time.Millisecond)
	stop()
	if b, err := os.ReadFile(path); err != nil || len(b) == 0 {
		t.Fatalf("profile: %d bytes, %v", len(b), err)
	}
}

func TestBadSettingsAreReportedAndSkipped(t *testing.T) {
	for _, c := range []struct{ after, span, want string }{
		{"soon", "", "soon"},
		{"", "-1s", "negative"},
	} {
		path := filepath.Join(t.TempDir(), "cpu.pb")
		var stderr bytes.Buffer
		stop := Start(env(map[string]string{FileEnv: path, AfterEnv: c.after, ForEnv: c.span}), &stderr)
		stop()
		if !strings.Contains(stderr.String(), c.want) || !strings.Contains(stderr.String(), AfterEnv) {
			t.Errorf("after %q for %q: stderr %q", c.after, c.span, stderr.String())
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("after %q for %q: a profile was written", c.after, c.span)
		}
	}
}

func TestUnwritableFileIsReported(t *testing.T) {
	var stderr bytes.Buffer
	stop := Start(env(map[string]string{FileEnv: filepath.Join(t.TempDir(), "no", "such", "dir", "cpu.pb")}), &stderr)
	stop()
	if !strings.Contains(stderr.String(), FileEnv) {
		t.Fatalf("stderr %q", stderr.String())
	}
}
