package export

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMarkdownExport(t *testing.T) {
	ws := demoWorkspace(t)
	dir := filepath.Join(t.TempDir(), "plan")
	var last, total int
	err := Markdown(context.Background(), dir, Input{Workspace: ws}, Options{Date: reportDay}, func(done, tot int) { last, total = done, tot })
	if err != nil {
		t.Fatal(err)
	}
	if last != total || total != 4+len(ws.Playbooks)+1 {
		t.Errorf("progress ended at %d of %d", last, total)
	}
	readme := readFile(t, dir, "README.md")
	for _, link := range []string{"(procedure.md)", "(roles.md)", "(escalation.md)", "(playbooks/index.md)"} {
		if !strings.Contains(readme, link) {
			t.Errorf("README.md lacks a link %s", link)
		}
	}
	proc := readFile(t, dir, "procedure.md")
	for _, want := range []string{"## Incident types", "## Severity levels", "## Third parties", "## Cover and on call", "## Communication plan", ws.Severities[0].Name, "| Level | Name |"} {
		if !strings.Contains(proc, want) {
			t.Errorf("procedure.md lacks %q", want)
		}
	}
	roles := readFile(t, dir, "roles.md")
	for _, want := range []string{"## Roles", "## Responsibility matrix", "## Reporting obligations", ws.Roles[0].Name} {
		if !strings.Contains(roles, want) {
			t.Errorf("roles.md lacks %q", want)
		}
	}
	esc := readFile(t, dir, "escalation.md")
	for _, s := range ws.Severities {
		if !strings.Contains(esc, "## Severity ") || !strings.Contains(esc, s.Name) {
			t.Errorf("escalation.md lacks severity %d", s.Level)
		}
	}
	for _, p := range ws.Playbooks {
		if _, err := os.Stat(filepath.Join(dir, "playbooks", p.ID+".md")); err != nil {
			t.Errorf("playbook %s: %v", p.ID, err)
		}
	}
	readFile(t, filepath.Join(dir, "playbooks"), "index.md")
}

func TestMarkdownCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Markdown(ctx, t.TempDir(), Input{Workspace: demoWorkspace(t)}, Options{}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

// A Markdown export that fails half-way (cancelled in the playbooks)
// leaves the old folder's files as they were and no temporary folder.
func TestMarkdownFailureKeepsOldFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "plan")
	ws := demoWorkspace(t)
	if err := Markdown(context.Background(), dir, Input{Workspace: ws}, Options{Date: reportDay}, nil); err != nil {
		t.Fatal(err)
	}
	before := treeOf(t, dir)
	ws.Organisation.Name = "Renamed Ltd"
	ws.Roles[0].Name = "Renamed role"
	ctx, cancel := context.WithCancel(context.Background())
	err := Markdown(ctx, dir, Input{Workspace: ws}, Options{Date: reportDay}, func(done, total int) {
		if done == 4+3 { // the plan files and three playbooks
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	after := treeOf(t, dir)
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
	for name, content := range before {
		if after[name] != content {
			t.Errorf("%s changed", name)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left beside the folder: %v", entries)
	}
}

// treeOf reads every file under dir by relative path.
func treeOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
