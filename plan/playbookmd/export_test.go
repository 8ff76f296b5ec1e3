package playbookmd

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

func TestExportPlaybooks(t *testing.T) {
	ws := plan.Demo()
	dir := filepath.Join(t.TempDir(), "out", "playbooks")
	today := plan.NewDate(2026, time.November, 20)
	var calls [][2]int
	err := Export(context.Background(), ws, dir, today, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(ws.Playbooks)+1 {
		t.Errorf("%d files, want %d", len(entries), len(ws.Playbooks)+1)
	}
	n := len(ws.Playbooks) + 1
	if len(calls) != n || calls[n-1] != [2]int{n, n} || calls[0] != [2]int{1, n} {
		t.Errorf("progress calls = %v", calls)
	}
	for i := range ws.Playbooks {
		pb := &ws.Playbooks[i]
		data, err := os.ReadFile(filepath.Join(dir, pb.ID+".md"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := Parse(string(data))
		if err != nil {
			t.Fatalf("%s: %v", pb.ID, err)
		}
		if !reflect.DeepEqual(*got, carried(*pb)) {
			t.Errorf("%s: exported file does not read back", pb.ID)
		}
		// Every link points at a file that exists.
		for _, ref := range append(append([]string(nil), got.References...), stepRefs(got)...) {
			if _, err := os.Stat(filepath.Join(dir, ref+".md")); err != nil {
				t.Errorf("%s links to missing %s.md", pb.ID, ref)
			}
		}
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Playbooks: Harbourside Health Ltd\n",
		"| [Incident Manager: run a major incident](im-major-incident.md) | Incident Manager | ",
		"| 2026-02-28 (**overdue**) |",
	} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index lacks %q:\n%s", want, index)
		}
	}
	if st, err := os.Stat(filepath.Join(dir, "index.md")); err == nil && st.Mode().Perm()&0o077 != 0 {
		t.Errorf("index.md mode %v: exported plans are private", st.Mode())
	}
}

func stepRefs(p *plan.Playbook) []string {
	var out []string
	for _, s := range p.Steps {
		out = append(out, s.References...)
	}
	return out
}

func TestExportPlaybooksRefusesBadNames(t *testing.T) {
	cases := []struct {
		ids []string
		msg string
	}{
		{[]string{"ok", "../escape"}, `"../escape" cannot be a file name`},
		{[]string{""}, `"" cannot be a file name`},
		{[]string{"a", "a"}, `two playbooks have the ID "a"`},
		{[]string{"index"}, "would overwrite index.md"},
		{[]string{"con"}, "reserved file name on Windows"},
		{[]string{"lpt1.notes"}, "reserved file name on Windows"},
		{[]string{"trailing."}, "ends with a dot"},
	}
	for _, c := range cases {
		ws := plan.New("x")
		for _, id := range c.ids {
			ws.Playbooks = append(ws.Playbooks, plan.Playbook{ID: id, Title: "T"})
		}
		dir := filepath.Join(t.TempDir(), "out")
		err := Export(context.Background(), ws, dir, plan.Date{}, nil)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%v: error = %v, want %q", c.ids, err, c.msg)
		}
		if _, statErr := os.Stat(dir); !os.IsNotExist(statErr) {
			t.Errorf("%v: the folder was created before the names were checked", c.ids)
		}
	}
	if err := Export(context.Background(), nil, t.TempDir(), plan.Date{}, nil); err == nil {
		t.Error("nil workspace: no error")
	}
}

// An export that fails half-way (here: cancelled after three playbooks)
// leaves the old folder's files as they were and no temporary folder.
func TestExportPlaybooksCancelKeepsOldFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "playbooks")
	old := plan.Demo()
	old.Playbooks = old.Playbooks[:2]
	if err := Export(context.Background(), old, dir, plan.Date{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := folderFiles(t, dir)
	ws := plan.Demo()
	ws.Organisation.Name = "Renamed"
	ctx, cancel := context.WithCancel(context.Background())
	err := Export(ctx, ws, dir, plan.Date{}, func(done, total int) {
		if done == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if after := folderFiles(t, dir); !reflect.DeepEqual(after, before) {
		t.Errorf("the old folder changed: %d files before, %d after", len(before), len(after))
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left beside the folder: %v", entries)
	}
}

// folderFiles reads a folder's files by name.
func folderFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func TestExportPlaybooksEmptyAndUnwritable(t *testing.T) {
	dir := t.TempDir()
	if err := Export(context.TODO(), plan.New("Empty"), dir, plan.Date{}, nil); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "index.md"))
	if string(data) != "# Playbooks: Empty\n\nNo playbooks yet.\n" {
		t.Errorf("index = %q", data)
	}
	file := filepath.Join(dir, "index.md")
	err := Export(context.Background(), plan.Demo(), filepath.Join(file, "sub"), plan.Date{}, nil)
	if err == nil || !strings.Contains(err.Error(), "export playbooks") {
		t.Errorf("exporting under a file: %v", err)
	}
}
