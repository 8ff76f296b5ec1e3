package plan_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"drillbook/internal/atomicfile"
	"drillbook/plan"
	"drillbook/plan/plantest"
)

func largeFile(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "large.json")
	if err := plan.Save(path, plantest.Large()); err != nil {
		b.Fatal(err)
	}
	return path
}

func BenchmarkLoadLarge(b *testing.B) {
	path := largeFile(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Load(path); err != nil {
			b.Fatal(err)
		}
	}
	st, _ := os.Stat(path)
	b.ReportMetric(float64(st.Size())/1e6, "MB-file")
}

func BenchmarkValidateLarge(b *testing.B) {
	ws := plantest.Large()
	b.ReportAllocs()
	for b.Loop() {
		if n := ws.Validate().Errors(); n != 0 {
			b.Fatalf("%d errors", n)
		}
	}
}

// BenchmarkLoadValidateLarge is the "open a workspace" path; target < 150 ms.
func BenchmarkLoadValidateLarge(b *testing.B) {
	path := largeFile(b)
	b.ReportAllocs()
	for b.Loop() {
		ws, err := plan.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		ws.Validate()
	}
}

// BenchmarkSaveLarge saves the large workspace with 100 runs (40 MB),
// streamed into the file; BenchmarkSaveLargeBaseline is the same save as
// it was, the whole document encoded in memory first. B/op is the memory a
// save allocates: the baseline's is several times the file.
// BenchmarkMapDecodeLarge is the floor for BenchmarkLoadValidateLarge
// (what `drillbook validate` does): reading the same file and decoding it
// with encoding/json into map[string]any, checking nothing.
func BenchmarkMapDecodeLarge(b *testing.B) {
	path := largeFile(b)
	b.ReportAllocs()
	for b.Loop() {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadScaling loads plantest.ScaledWithRuns files at 1×, 4× and
// 16× (about 10, 40 and 160 MB) and reports the growth exponents of time
// and allocated bytes.
func BenchmarkLoadScaling(b *testing.B) {
	dir := b.TempDir()
	build := func(k int) string {
		path := filepath.Join(dir, fmt.Sprintf("x%d.json", k))
		if err := plan.Save(path, plantest.ScaledWithRuns(k)); err != nil {
			b.Fatal(err)
		}
		return path
	}
	plantest.Scaling(b, build, func(b *testing.B, path string) {
		for b.Loop() {
			if _, err := plan.Load(path); err != nil {
				b.Fatal(err)
			}
		}
		st, _ := os.Stat(path)
		b.ReportMetric(float64(st.Size())/1e6, "MB-file")
	})
}

// BenchmarkValidateScaling validates the same workspaces in memory.
func BenchmarkValidateScaling(b *testing.B) {
	plantest.Scaling(b, plantest.ScaledWithRuns, func(b *testing.B, ws *plan.Workspace) {
		for b.Loop() {
			if n := ws.Validate().Errors(); n != 0 {
				b.Fatalf("%d errors", n)
			}
		}
	})
}

func BenchmarkSaveLarge(b *testing.B) {
	benchSave(b, func(path string, ws *plan.Workspace) error { return plan.Save(path, ws) })
}

func BenchmarkSaveLargeBaseline(b *testing.B) {
	benchSave(b, func(path string, ws *plan.Workspace) error {
		data, err := plan.EncodeWhole(ws)
		if err != nil {
			return err
		}
		return atomicfile.WriteBytes(path, data)
	})
}

func benchSave(b *testing.B, save func(string, *plan.Workspace) error) {
	ws := plantest.WithRuns(plantest.Large(), 100, 500)
	path := filepath.Join(b.TempDir(), "large.json")
	b.ReportAllocs()
	for b.Loop() {
		if err := save(path, ws); err != nil {
			b.Fatal(err)
		}
	}
	st, _ := os.Stat(path)
	b.ReportMetric(float64(st.Size())/1e6, "MB-file")
}

func TestLargeIsValid(t *testing.T) {
	if testing.Short() {
		t.Skip("large workspace")
	}
	ws := plantest.Large()
	if got := len(ws.People); got != 1000 {
		t.Fatalf("%d people", got)
	}
	if errs := ws.Validate(); errs.Errors() != 0 {
		t.Fatalf("generated workspace invalid: %v", errs[:min(5, len(errs))])
	}
}

func largeDoc(b *testing.B) []byte {
	b.Helper()
	data, err := plan.Encode(plantest.Large())
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkDecodeLargeStrict is the same-run baseline for the fast load
// path: the same document through the strict json.Decoder only.
func BenchmarkDecodeLargeStrict(b *testing.B) {
	data := largeDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.DecodeStrict(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeLargeFast is the path Load takes for a file whose keys
// are all known.
func BenchmarkDecodeLargeFast(b *testing.B) {
	data := largeDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReferencedLarge is the check a new item's renamed ID makes on
// every keystroke; BenchmarkReferencedLargeJSON is what it replaced
// (counting the quoted ID in the marshalled workspace), kept as the
// same-run baseline.
func BenchmarkReferencedLarge(b *testing.B) {
	ws := plantest.Large()
	b.ReportAllocs()
	for b.Loop() {
		if ws.Referenced("no-such-id") {
			b.Fatal("referenced")
		}
	}
}

func BenchmarkReferencedLargeJSON(b *testing.B) {
	ws := plantest.Large()
	quoted, _ := json.Marshal("no-such-id")
	b.ReportAllocs()
	for b.Loop() {
		data, err := json.Marshal(ws)
		if err != nil || strings.Count(string(data), string(quoted)) > 1 {
			b.Fatal("referenced", err)
		}
	}
}
