package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"drillbook/plan"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string, gui *GUIOptions) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, GUI: func(o GUIOptions) error { gui = &o; return nil }}
	code = Main(args, env)
	return code, out.String(), errb.String(), gui
}

func TestHelpMentionsEveryCommand(t *testing.T) {
	code, out, _, _ := run(t, "--help")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, w := range []string{"drillbook FILE", "--demo", "new", "validate", "Exit codes"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q", w)
		}
	}
}

func TestGUIArguments(t *testing.T) {
	cases := []struct {
		args []string
		want GUIOptions
	}{
		// No arguments parse like any others: speed 1 (which the GUI ignores
		// without --exercise).
		{nil, GUIOptions{Speed: 1}},
		{[]string{"client.json"}, GUIOptions{Path: "client.json", Speed: 1}},
		{[]string{"--demo"}, GUIOptions{Demo: true, Speed: 1}},
		{[]string{"--demo", "--exercise", "ransomware", "--speed", "20", "--projector"}, GUIOptions{Demo: true, Exercise: "ransomware", Speed: 20, Projector: true}},
		{[]string{"client.json", "--exercise", "bad-deploy"}, GUIOptions{Path: "client.json", Exercise: "bad-deploy", Speed: 1}},
	}
	for _, c := range cases {
		code, _, _, gui := run(t, c.args...)
		if code != ExitOK || gui == nil || *gui != c.want {
			t.Errorf("%v: exit %d, gui %+v, want %+v", c.args, code, gui, c.want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"--bogus"}, {"a", "b"}, {"validate"}, {"new"}, {"--demo", "x"}, {"--demo", "--speed", "30", "--exercise", "x"}, {"--projector"}} {
		code, _, stderr, gui := run(t, args...)
		if code != ExitUsage || gui != nil || !strings.Contains(stderr, "drillbook:") {
			t.Errorf("%v: exit %d, gui %v, stderr %q", args, code, gui, stderr)
		}
	}
}

func TestNewAndValidate(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.json")
	if code, out, stderr, _ := run(t, "new", "--demo", demo); code != ExitOK || !strings.Contains(out, "wrote") {
		t.Fatalf("new --demo: %d %q %q", code, out, stderr)
	}
	code, out, _, _ := run(t, "validate", demo)
	if code != ExitOK || !strings.Contains(out, "0 errors") {
		t.Fatalf("validate demo: %d %q", code, out)
	}
	// Refuses to overwrite without --force and leaves the file alone.
	before, _ := os.ReadFile(demo)
	if code, _, stderr, _ := run(t, "new", demo); code != ExitUsage || !strings.Contains(stderr, "already exists") {
		t.Fatalf("overwrite: %d %q", code, stderr)
	}
	after, _ := os.ReadFile(demo)
	if !bytes.Equal(before, after) {
		t.Fatal("refused overwrite still changed the file")
	}
	if code, _, _, _ := run(t, "new", "--force", "--name", "Acme Care", demo); code != ExitOK {
		t.Fatal("--force failed")
	}
	ws, err := plan.Load(demo)
	if err != nil || ws.Organisation.Name != "Acme Care" || len(ws.People) != 0 {
		t.Fatalf("blank workspace: %v %+v", err, ws.Organisation)
	}
}

func TestValidateReportsErrorsWithPaths(t *testing.T) {
	ws := plan.Demo()
	ws.EscalationRules[0].EscalateTo = "cto-nobody"
	path := savedWorkspace(t, "bad.json", ws)
	code, out, _, _ := run(t, "validate", path)
	if code != ExitProblems {
		t.Fatalf("exit %d, want %d", code, ExitProblems)
	}
	if !strings.Contains(out, `escalationRules[0].escalateTo: unknown role "cto-nobody"`) {
		t.Fatalf("output lacks the path: %q", out)
	}
}

func TestValidateUnreadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "broken.json")
	os.WriteFile(path, []byte("{\n\"schemaVersion\": 1,\n  oops\n}"), 0o600)
	code, _, stderr, _ := run(t, "validate", path)
	if code != ExitUsage || !strings.Contains(stderr, "broken.json:3:") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr, _ = run(t, "validate", filepath.Join(t.TempDir(), "missing.json"))
	if code != ExitUsage || !strings.Contains(stderr, "missing.json") {
		t.Fatalf("missing file: %d %q", code, stderr)
	}
}
