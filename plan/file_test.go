package plan

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"drillbook/internal/atomicfile"
)

func TestDemoRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.drillbook")
	want := Demo()
	if err := Save(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("demo workspace changed in a save/load round trip")
	}
	// A second save of the loaded copy must be byte-identical: nothing is
	// reordered or dropped by the encoder.
	a, _ := Encode(want)
	b, _ := Encode(got)
	if !bytes.Equal(a, b) {
		t.Fatal("re-encoding a loaded workspace changed its bytes")
	}
}

func TestEncodeWritesSchemaVersionFirst(t *testing.T) {
	data, err := Encode(New("Acme"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, fmt.Appendf(nil, "{\n  \"schemaVersion\": %d,", SchemaVersion)) {
		t.Fatalf("document does not start with schemaVersion: %.60q", data)
	}
}

func TestSaveFileModeIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX permissions")
	}
	path := filepath.Join(t.TempDir(), "ws.json")
	if err := Save(path, New("Acme")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
}

func TestInterruptedSaveKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ws.json")
	if err := Save(path, New("Original")); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	// Simulate a crash after the temp file is written and synced but before
	// the rename that would replace the original.
	crash := errors.New("power lost")
	atomicfile.Rename = func(string, string) error { return crash }
	defer func() { atomicfile.Rename = os.Rename }()

	err := Save(path, New("Half-written replacement"))
	if !errors.Is(err, crash) {
		t.Fatalf("Save error = %v, want the rename failure", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the original file changed although the save did not complete")
	}
	ws, err := Load(path)
	if err != nil || ws.Organisation.Name != "Original" {
		t.Fatalf("original no longer loads: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary file left behind: %v", entries)
	}
}

func TestSaveIntoMissingFolderFails(t *testing.T) {
	err := Save(filepath.Join(t.TempDir(), "no", "such", "ws.json"), New("x"))
	if err == nil || !strings.Contains(err.Error(), "ws.json") {
		t.Fatalf("error %v should name the file", err)
	}
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ws.json")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name, content string
		want          []string // substrings of the error
	}{
		{"syntax error has line and column", "{\n  \"schemaVersion\": 1,\n  \"organisation\": {\"name\": \"A\",}\n}", []string{"ws.json:3:", "syntax"}},
		{"truncated file", "{\n  \"schemaVersion\": 1,\n  \"organisation\": {", []string{"ws.json:", "ends before"}},
		{"wrong type names the field", "{\"schemaVersion\": 1,\n\"severities\": [{\"level\": \"one\"}]}", []string{"ws.json:2:", "severities[0].level"}},
		{"unknown field", "{\"schemaVersion\": 1, \"organisaton\": {}}", []string{"ws.json", "organisaton"}},
		{"bad duration", "{\"schemaVersion\": 1, \"severities\": [{\"level\": 1, \"targets\": {\"resolve\": \"soon\"}}]}", []string{"ws.json:1:73:", "severities[0].targets.resolve", "soon"}},
		{"newer schema", "{\"schemaVersion\": 99}", []string{"ws.json", "schema version 99", "newer version"}},
		{"negative schema", "{\"schemaVersion\": -1}", []string{"schemaVersion -1"}},
		{"not an object", "[1,2,3]", []string{"ws.json:1:1:", "a JSON list, not a workspace object"}},
		{"null", "null", []string{"ws.json:1:1:", "the file holds JSON null, not a workspace object"}},
		{"trailing data", "{\"schemaVersion\": 1} {}", []string{"ws.json:1:", "after"}},
		{"empty file", "", []string{"ws.json", "empty"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(writeFile(t, c.content))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadNewerSchemaIsErrNewerSchema(t *testing.T) {
	_, err := Load(writeFile(t, fmt.Sprintf(`{"schemaVersion": %d}`, SchemaVersion+1)))
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("got %v, want ErrNewerSchema", err)
	}
}

func TestLoadRefusesOversizedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: large on paper, cheap on disk.
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(path)
	if err == nil || !strings.Contains(err.Error(), "limited to") {
		t.Fatalf("got %v, want a size-limit error", err)
	}
}

func TestMigrateV0(t *testing.T) {
	ws, err := Load("testdata/v0-workspace.json")
	if err != nil {
		t.Fatal(err)
	}
	if ws.SchemaVersion != SchemaVersion {
		t.Errorf("schema version %d, want %d", ws.SchemaVersion, SchemaVersion)
	}
	if ws.Organisation.Name != "Old Format Clinic" {
		t.Errorf("organisation %q", ws.Organisation.Name)
	}
	want := Targets{Acknowledge: 5 * Minute, UpdateCadence: 30 * Minute, Resolve: 4 * Hour}
	if got := ws.Severity(1).Targets; got != want {
		t.Errorf("severity 1 targets %+v, want %+v", got, want)
	}
	if got := ws.Severity(2).Targets; got != (Targets{Acknowledge: 15 * Minute, Resolve: 8 * Hour}) {
		t.Errorf("severity 2 targets %+v", got)
	}
	if n := ws.Validate().Errors(); n != 0 {
		t.Errorf("migrated workspace has %d errors: %v", n, ws.Validate())
	}
}

func TestMigrateV0RejectsBadMinutes(t *testing.T) {
	_, err := Load(writeFile(t, `{"organisation": "x", "severities": [{"level": 1, "ackMinutes": "five"}]}`))
	if err == nil || !strings.Contains(err.Error(), "severities[0].ackMinutes") {
		t.Fatalf("got %v, want an error naming severities[0].ackMinutes", err)
	}
}

func TestFailedLoadLeavesFileUntouched(t *testing.T) {
	content := "{\"schemaVersion\": 99, \"keep\": \"me\"}"
	path := writeFile(t, content)
	if _, err := Load(path); err == nil {
		t.Fatal("expected an error")
	}
	got, _ := os.ReadFile(path)
	if string(got) != content {
		t.Fatal("Load modified the file")
	}
}

func TestUnknownFieldRejectedEvenWhenValueHasColon(t *testing.T) {
	// A colon inside a value once sent the decoder down another path; the
	// unknown key must be reported whatever the values hold.
	_, err := Decode([]byte(`{"schemaVersion": 1, "organisation": {"name": "a: b", "nmae": "x"}}`))
	if err == nil || !strings.Contains(err.Error(), "nmae") {
		t.Fatalf("got %v, want an unknown-field error naming nmae", err)
	}
	ws, err := Decode([]byte(`{"schemaVersion": 1, "organisation": {"name": "Ward 7: Triage"}}`))
	if err != nil || ws.Organisation.Name != "Ward 7: Triage" {
		t.Fatalf("colon in a value: %v", err)
	}
}

func TestSaveThroughSymlinkUpdatesTarget(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "plans", "real.json")
	if err := os.Mkdir(filepath.Dir(target), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := Save(target, New("Before")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "current.json")
	if err := os.Symlink(filepath.Join("plans", "real.json"), link); err != nil {
		t.Fatal(err)
	}
	if err := Save(link, New("After")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", st.Mode(), err)
	}
	ws, err := Load(target)
	if err != nil || ws.Organisation.Name != "After" {
		t.Fatalf("the target was not updated: %v, %+v", err, ws)
	}
}

func TestReadAllDoesNotGrowTheBuffer(t *testing.T) {
	const size = 100_000
	path := filepath.Join(t.TempDir(), "ws.json")
	if err := os.WriteFile(path, bytes.Repeat([]byte{' '}, size), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := readAll(f)
	if err != nil || len(data) != size {
		t.Fatalf("read %d bytes, %v", len(data), err)
	}
	// A grown buffer is twice the file: one copy too many of a 24 MB file.
	if cap(data) > size+bytes.MinRead {
		t.Fatalf("buffer grew to %d bytes for a %d-byte file", cap(data), size)
	}
}

func TestFileErrorWithoutFileName(t *testing.T) {
	_, err := Decode([]byte("{\"schemaVersion\": 1,\n  \"x\": 1}"))
	if err == nil || err.Error() != `line 2, column 3: unknown field "x"` {
		t.Fatalf("got %q", err)
	}
}
