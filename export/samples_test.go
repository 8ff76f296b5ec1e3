package export

import (
	"context"
	"drillbook/internal/atomicfile"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

var samples = flag.Bool("samples", false, "write the demo report samples into docs/samples and docs/screenshots")

// TestWriteSamples regenerates the committed sample outputs for the demo
// workspace with two played runs:
//
//	go test ./export -run TestWriteSamples -samples
func TestWriteSamples(t *testing.T) {
	if !*samples {
		t.Skip("run with -samples to rewrite docs/samples and docs/screenshots/report-page-*.png")
	}
	ws := demoWorkspace(t)
	opts := demoOpts
	opts.Date = reportDay
	opts.Created = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)
	in := Input{Workspace: ws}
	dir := filepath.Join("..", "docs", "samples")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "demo-report.pdf")
	for _, out := range []struct {
		path  string
		write func(io.Writer) error
	}{
		{pdf, func(w io.Writer) error { return PDF(context.Background(), w, in, opts, nil) }},
		{filepath.Join(dir, "demo-report.xlsx"), func(w io.Writer) error { return Excel(context.Background(), w, in, opts, nil) }},
	} {
		if err := atomicfile.Write(out.path, out.write); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(out.path, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Markdown(context.Background(), filepath.Join(dir, "demo-plan-markdown"), in, opts, nil); err != nil {
		t.Fatal(err)
	}
	shots := filepath.Join("..", "docs", "screenshots")
	for page := 1; page <= 3; page++ {
		prefix := filepath.Join(t.TempDir(), "p")
		cmd := exec.Command("pdftoppm", "-png", "-r", "80", "-singlefile", "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), pdf, prefix)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		b, err := os.ReadFile(prefix + ".png")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("report-page-%d.png", page)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
