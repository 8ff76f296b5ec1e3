package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"drillbook/plan"
)

// importPlan is a saved 24/7 plan in London naming the fixtures' people.
func importPlan(t *testing.T) string {
	ws := plan.New("Example Health")
	ws.Coverage.Mode = plan.Coverage24x7
	ws.Coverage.TimeZone = "Europe/London"
	ws.Severities = []plan.Severity{{Level: 1, Name: "Critical"}}
	for _, p := range []struct{ id, name, mail string }{{"priya", "Priya Raman", "priya@example.com"}, {"bob", "Bob Okafor", "bob@example.com"},
		{"carol", "Carol Jones", ""}, {"dana", "Dana Whitfield", "dana@example.com"}, {"erik", "Erik Larsen", ""}} {
		person := plan.Person{ID: p.id, Name: p.name}
		if p.mail != "" {
			person.Contacts = []plan.Contact{{Channel: plan.ChannelEmail, Value: p.mail}}
		}
		ws.People = append(ws.People, person)
	}
	return savedWorkspace(t, "plan.json", ws)
}

func fixture(name string) string { return filepath.Join("..", "interchange", "testdata", name) }

func TestImportDryRunThenApply(t *testing.T) {
	path := importPlan(t)
	before, _ := os.ReadFile(path)
	code, out, errs, _ := run(t, "import", path, fixture("follow-the-sun.ics"), "--dry-run", "--week", "2026-01-12")
	if code != ExitOK || errs != "" {
		t.Fatalf("dry run: exit %d, stderr %q", code, errs)
	}
	for _, w := range []string{"week of 2026-01-12", "Added:", "shift APAC on call Mon–Thu, Sun 22:00–06:00 (Priya Raman)", "Unmatched", "Zed Unknown",
		"Holes in the rota after the import:\n  Wed 14:00–22:00", "dry run: nothing written"} {
		if !strings.Contains(out, w) {
			t.Errorf("preview lacks %q:\n%s", w, out)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("--dry-run wrote the workspace")
	}
	code, out, _, _ = run(t, "import", "--week", "2026-01-12", path, fixture("follow-the-sun.ics"), fixture("people.csv"))
	if code != ExitOK || !strings.Contains(out, "wrote "+path) {
		t.Fatalf("apply: exit %d\n%s", code, out)
	}
	ws, err := plan.Load(path)
	if err != nil || len(ws.Coverage.Rota.Shifts) != 6 || len(ws.People) != 6 {
		t.Fatalf("saved plan: err %v, %d shifts, %d people", err, len(ws.Coverage.Rota.Shifts), len(ws.People))
	}
	code, out, _, _ = run(t, "import", path, fixture("follow-the-sun.ics"), "--week", "2026-01-12")
	if code != ExitOK || !strings.Contains(out, "nothing to do") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
}

func TestImportFailureWritesNothing(t *testing.T) {
	path := importPlan(t)
	before, _ := os.ReadFile(path)
	bad := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(bad, []byte("Name,Email\nAna,not-mail\n"), 0o600)
	code, _, errs, _ := run(t, "import", path, fixture("follow-the-sun.ics"), bad, filepath.Join(t.TempDir(), "missing.ics"))
	if code != ExitProblems {
		t.Errorf("exit %d, want %d", code, ExitProblems)
	}
	for _, w := range []string{bad + `:2: e-mail: "not-mail" is not an e-mail address`, "missing.ics", "nothing written to " + path} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a failed import wrote the workspace")
	}
}

func TestImportUsage(t *testing.T) {
	for _, args := range [][]string{{"import"}, {"import", "plan.json"}, {"import", "--week", "soon", "a", "b"}} {
		if code, _, errs, _ := run(t, args...); code != ExitUsage || !strings.Contains(errs, "drillbook import WORKSPACE SOURCE...") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestExportWritesEachFile(t *testing.T) {
	path := importPlan(t)
	run(t, "import", path, fixture("follow-the-sun.ics"), "--week", "2026-01-12")
	dir := t.TempDir()
	ics, csv, md := filepath.Join(dir, "rota.ics"), filepath.Join(dir, "actions.csv"), filepath.Join(dir, "actions.md")
	code, out, errs, _ := run(t, "export", path, "--ics", ics, "--actions-csv", csv, "--actions-md", md, "--week", "2026-01-12")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{ics, csv, md} {
		if !strings.Contains(out, "wrote "+f) {
			t.Errorf("output lacks %s: %s", f, out)
		}
	}
	data, _ := os.ReadFile(ics)
	if !strings.Contains(string(data), "SUMMARY:APAC on call") {
		t.Errorf("rota.ics:\n%s", data)
	}
	data, _ = os.ReadFile(csv)
	if !strings.HasPrefix(string(data), "Summary,Description,Assignee,Due date,Labels,Priority,Status\n") {
		t.Errorf("actions.csv:\n%s", data)
	}
	// Importing the exported calendar into the plan it came from changes nothing.
	code, out, _, _ = run(t, "import", path, ics, "--week", "2026-01-12")
	if code != ExitOK || !strings.Contains(out, "nothing to do") {
		t.Errorf("re-import of the export: exit %d\n%s", code, out)
	}
	if code, _, _, _ := run(t, "export", path); code != ExitUsage {
		t.Errorf("export without outputs: exit %d", code)
	}
}

// import's flags may stand before, between or after its arguments, and
// "--" ends them.
func TestImportFlagsAnywhere(t *testing.T) {
	src := fixture("follow-the-sun.ics")
	for _, args := range [][]string{
		{"--dry-run", "--week=2026-01-14", "WS", src},
		{"WS", "--dry-run", src, "--week=2026-01-12"},
		{"WS", src, "--dry-run", "--week", "2026-01-12"},
		{"--dry-run", "--week=2026-01-12", "--", "WS", src},
	} {
		path := importPlan(t)
		args = slices.Clone(args)
		args[slices.Index(args, "WS")] = path
		code, out, errs, _ := run(t, append([]string{"import"}, args...)...)
		if code != ExitOK || !strings.Contains(out, "week of 2026-01-12") || !strings.Contains(out, "dry run") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}
