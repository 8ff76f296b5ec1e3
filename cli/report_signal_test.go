//go:build unix

package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"drillbook/plan/plantest"
)

// The tests below run "drillbook report" in a child process (this test
// binary, re-run as TestReportChild) and stop it while it is writing: the
// child's hook says when an output has started (its temporary file or
// folder exists) and then waits, so the signal always lands mid-write.

const childEnv = "DRILLBOOK_REPORT_CHILD_ARGS"

// TestReportChild is the child: it runs the report named by childEnv.
func TestReportChild(t *testing.T) {
	args := os.Getenv(childEnv)
	if args == "" {
		t.Skip("only run as the child of the signal tests")
	}
	testHookWriting = func(ctx context.Context, path string) {
		fmt.Fprintf(os.Stdout, "writing %s\n", path)
		<-ctx.Done()
	}
	os.Exit(Main(strings.Split(args, "\n"), Env{Stdout: os.Stdout, Stderr: os.Stderr}))
}

// largeWorkspace saves the large generated workspace (1,000 people, 300
// playbooks), the size a report takes longest on.
func largeWorkspace(t *testing.T) string {
	return savedWorkspace(t, "large.json", plantest.Large())
}

// startReport starts the child and waits until it is writing output.
func startReport(t *testing.T, output string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReportChild$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(append([]string{"report"}, args...), "\n"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if lines.Text() == "writing "+output {
			go func() { // keep draining, so the child never blocks on a full pipe
				for lines.Scan() {
				}
			}()
			return cmd, &stderr
		}
	}
	cmd.Wait()
	t.Fatalf("the report never started writing %s; stderr:\n%s", output, stderr.String())
	return nil, nil
}

// leftovers lists what is in dir besides the names given.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestReportStoppedMidWrite(t *testing.T) {
	large, demo := largeWorkspace(t), demoFile(t)
	t.Run("signals", func(t *testing.T) { signalsLeaveTargetAndNoTemp(t, large, demo) })
	t.Run("SIGKILL", func(t *testing.T) { afterSIGKILLNoTemp(t, large, demo) })
}

// SIGTERM, SIGHUP and Ctrl-C during a report cancel it: the child exits
// saying so, the target is as it was, no temporary file or folder is left.
func signalsLeaveTargetAndNoTemp(t *testing.T, large, demo string) {
	for _, c := range []struct {
		sig      syscall.Signal
		flag, ws string
	}{{syscall.SIGTERM, "--pdf", large}, {syscall.SIGHUP, "--xlsx", demo}, {syscall.SIGINT, "--pdf", demo}, {syscall.SIGTERM, "--md", demo}} {
		t.Run(c.sig.String()+c.flag, func(t *testing.T) {
			out := t.TempDir()
			target := filepath.Join(out, "report")
			if c.flag == "--md" {
				if err := os.MkdirAll(target, 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(target, "README.md"), []byte("old export"), 0o600); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(target, []byte("old report"), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd, stderr := startReport(t, target, c.ws, c.flag, target, "--date", "2026-11-24")
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != ExitUsage || !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("exit %d (%v), stderr %q; want exit %d and a word that it was interrupted", code, err, stderr, ExitUsage)
			}
			if left := leftovers(t, out, "report"); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			old := target
			if c.flag == "--md" {
				old = filepath.Join(target, "README.md")
				if left := leftovers(t, target, "README.md"); len(left) > 0 {
					t.Errorf("the old folder gained %v", left)
				}
			}
			if b, _ := os.ReadFile(old); !strings.HasPrefix(string(b), "old ") {
				t.Errorf("the target changed to %.40q", b)
			}
		})
	}
}

// A report killed outright (SIGKILL cannot be caught) leaves its
// temporary file or folder; the next report into the same folder removes
// it.
func afterSIGKILLNoTemp(t *testing.T, large, demo string) {
	for flag, ws := range map[string]string{"--pdf": large, "--md": demo} {
		t.Run(flag, func(t *testing.T) {
			out := t.TempDir()
			target := filepath.Join(out, "report")
			cmd, _ := startReport(t, target, ws, flag, target, "--date", "2026-11-24")
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			left := leftovers(t, out)
			if len(left) != 1 || !strings.HasPrefix(left[0], ".report.drillbook-") {
				t.Fatalf("after the kill the folder holds %v; want the killed writer's temporary", left)
			}
			code, _, stderr, _ := run(t, "report", demo, flag, target, "--date", "2026-11-24")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if left := leftovers(t, out, "report"); len(left) > 0 {
				t.Errorf("the next report left %v", left)
			}
		})
	}
}
