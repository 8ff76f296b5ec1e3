package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// tree reads every file under dir into a map of relative path → content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func plant(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// fillWith returns a fill function writing files, failing after the
// first `failAfter` of them when failAfter >= 0.
func fillWith(files map[string]string, failAfter int) func(string) error {
	return func(tmp string) error {
		n := 0
		for name, content := range files {
			if n == failAfter {
				return errBoom
			}
			p := filepath.Join(tmp, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
				return err
			}
			if err := WriteNew(p, []byte(content)); err != nil {
				return err
			}
			n++
		}
		return nil
	}
}

var errBoom = errors.New("boom")

// onlyEntry checks the parent folder holds nothing but the target: no
// temporary or backup folder is left behind.
func onlyEntry(t *testing.T, parent, name string) {
	t.Helper()
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.Name() != name {
			t.Errorf("left behind in %s: %s", parent, e.Name())
		}
	}
}

func TestWriteDirCreates(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	files := map[string]string{"README.md": "r", "playbooks/a.md": "a"}
	if err := WriteDir(dir, fillWith(files, -1)); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dir); len(got) != 2 || got["playbooks/a.md"] != "a" {
		t.Errorf("folder holds %v", got)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("folder mode %v: exports are private", fi.Mode().Perm())
	}
	onlyEntry(t, parent, "out")
}

// A fill that fails half-way leaves the old folder's files as they were
// and no temporary folder.
func TestWriteDirFailureKeepsOldFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	old := map[string]string{"README.md": "old readme", "playbooks/a.md": "old a", "notes.txt": "mine"}
	plant(t, dir, old)
	err := WriteDir(dir, fillWith(map[string]string{"README.md": "new", "playbooks/a.md": "new a", "playbooks/b.md": "b", "roles.md": "r"}, 2))
	if !errors.Is(err, errBoom) {
		t.Fatalf("err %v, want boom", err)
	}
	if got := tree(t, dir); len(got) != len(old) || got["README.md"] != "old readme" || got["playbooks/a.md"] != "old a" || got["notes.txt"] != "mine" {
		t.Errorf("old folder changed: %v", got)
	}
	onlyEntry(t, parent, "out")
}

// An earlier export (nothing in it the new one lacks) is replaced whole.
func TestWriteDirReplacesEarlierExport(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	plant(t, dir, map[string]string{"README.md": "old", "playbooks/a.md": "old a"})
	files := map[string]string{"README.md": "new", "playbooks/a.md": "new a", "playbooks/b.md": "b"}
	if err := WriteDir(dir, fillWith(files, -1)); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dir); len(got) != 3 || got["README.md"] != "new" || got["playbooks/a.md"] != "new a" {
		t.Errorf("folder holds %v", got)
	}
	onlyEntry(t, parent, "out")
}

// A folder with files the export does not write (the user's own, a
// repository, a playbook deleted since) keeps them; the export's files
// replace their namesakes.
func TestWriteDirKeepsOtherFiles(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	plant(t, dir, map[string]string{"README.md": "old", "notes.txt": "mine", ".git/config": "git", "playbooks/gone.md": "stale", "playbooks/a.md": "old a"})
	if err := WriteDir(dir, fillWith(map[string]string{"README.md": "new", "playbooks/a.md": "new a"}, -1)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"README.md": "new", "notes.txt": "mine", ".git/config": "git", "playbooks/gone.md": "stale", "playbooks/a.md": "new a"}
	if got := tree(t, dir); len(got) != len(want) {
		t.Errorf("folder holds %v, want %v", got, want)
	} else {
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %q, want %q", k, got[k], v)
			}
		}
	}
	onlyEntry(t, parent, "out")
}

// If the new folder cannot be renamed into place after the old one was
// moved aside, the old one is put back.
func TestWriteDirFailedSwapRestores(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	plant(t, dir, map[string]string{"README.md": "old"})
	defer func(r func(string, string) error) { Rename = r }(Rename)
	Rename = func(from, to string) error {
		if to == dir && strings.HasSuffix(from, ".tmp") {
			return errBoom
		}
		return os.Rename(from, to)
	}
	if err := WriteDir(dir, fillWith(map[string]string{"README.md": "new"}, -1)); !errors.Is(err, errBoom) {
		t.Fatalf("err %v, want boom", err)
	}
	if got := tree(t, dir); got["README.md"] != "old" {
		t.Errorf("folder holds %v", got)
	}
	onlyEntry(t, parent, "out")
}

// Folders left by a killed process are cleared on the next write beside
// them: its temporary folder is removed, and a backup whose replacement
// never arrived is put back.
func TestWriteDirRemovesStaleFolders(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := strconv.Itoa(cmd.Process.Pid)
	parent := t.TempDir()
	plant(t, parent, map[string]string{
		".out.drillbook-" + dead + "-1.tmp/README.md":   "half",
		".lost.drillbook-" + dead + "-2.old/README.md":  "lost's old content",
		".other.drillbook-" + dead + "-3.old/README.md": "superseded",
		"other/README.md": "current",
		".live.drillbook-" + strconv.Itoa(os.Getppid()) + "-4.tmp/x": "live",
	})
	if err := WriteDir(filepath.Join(parent, "out"), fillWith(map[string]string{"README.md": "new"}, -1)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"out/README.md":   "new",
		"lost/README.md":  "lost's old content",
		"other/README.md": "current",
		".live.drillbook-" + strconv.Itoa(os.Getppid()) + "-4.tmp/x": "live",
	}
	got := tree(t, parent)
	if len(got) != len(want) {
		t.Errorf("parent holds %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

// A subfolder that is a symbolic link to a folder elsewhere stays a link;
// the files go where it points.
func TestWriteDirFollowsLinkedSubfolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	elsewhere := filepath.Join(parent, "shared-playbooks")
	plant(t, dir, map[string]string{"README.md": "old"})
	plant(t, elsewhere, map[string]string{"a.md": "old a"})
	if err := os.Symlink(elsewhere, filepath.Join(dir, "playbooks")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteDir(dir, fillWith(map[string]string{"README.md": "new", "playbooks/a.md": "new a"}, -1)); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(filepath.Join(dir, "playbooks")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	if got := tree(t, elsewhere); got["a.md"] != "new a" {
		t.Errorf("linked folder holds %v", got)
	}
}
