package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"drillbook/plan"
)

func TestAssessCommand(t *testing.T) {
	path := savedWorkspace(t, "demo.json", plan.Demo())
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Main(args, Env{Stdout: &out, Stderr: &errb})
		return code, out.String(), errb.String()
	}
	code, out, _ := run("assess", path, "--date", "2026-11-24")
	if code != ExitOK || !strings.Contains(out, "Basic — not yet validated") || !strings.Contains(out, "ROL-2.3") {
		t.Fatalf("text: exit %d\n%s", code, out)
	}
	code, out, _ = run("assess", "--json", path, "--date=2026-11-24")
	var got struct {
		Tier       string
		Validation struct{ Status string }
		Index      float64
		Dimensions []struct {
			ID    string
			Level int
		}
		Findings []struct{ ID, Severity string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitOK {
		t.Fatalf("json: exit %d, %v\n%s", code, err, out)
	}
	if got.Tier != "Basic" || got.Validation.Status != "not yet exercised" || len(got.Dimensions) != 12 || len(got.Findings) == 0 || got.Index <= 0 {
		t.Errorf("json: %+v", got)
	}
	for _, f := range got.Findings {
		if f.ID == "" || !strings.Contains("critical high medium low", f.Severity) {
			t.Errorf("finding %+v", f)
		}
	}
	if code, _, _ := run("assess", path, "--date", "2026-11-24", "--fail-below", "Basic"); code != ExitOK {
		t.Errorf("--fail-below Basic on a Basic plan: exit %d, want 0", code)
	}
	if code, _, _ := run("assess", path, "--date", "2026-11-24", "--fail-below", "intermediate"); code != ExitProblems {
		t.Errorf("--fail-below Intermediate on a Basic plan: exit %d, want 1", code)
	}
	if code, _, errs := run("assess", path, "--fail-below", "Expert"); code != ExitUsage || !strings.Contains(errs, "unknown tier") {
		t.Errorf("bad tier: exit %d %q", code, errs)
	}
	if code, _, _ := run("assess", filepath.Join(t.TempDir(), "missing.json")); code != ExitUsage {
		t.Errorf("missing file: exit %d, want 2", code)
	}
}

// drillbook assess reads every calibration workspace, as text and as JSON.
func TestAssessCalibrationFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "scoring", "testdata", "calibration", "*.json"))
	if err != nil || len(files) < 6 {
		t.Fatalf("calibration files: %v %v", files, err)
	}
	for _, f := range files {
		if filepath.Base(f) == "expectations.json" {
			continue
		}
		var out, errb bytes.Buffer
		if code := Main([]string{"assess", f, "--date", "2026-12-01"}, Env{Stdout: &out, Stderr: &errb}); code != ExitOK || !strings.Contains(out.String(), "Index") {
			t.Errorf("%s text: exit %d %s", f, code, errb.String())
		}
		out.Reset()
		if code := Main([]string{"assess", "--json", f, "--date", "2026-12-01"}, Env{Stdout: &out, Stderr: &errb}); code != ExitOK {
			t.Errorf("%s json: exit %d %s", f, code, errb.String())
		}
		var got struct{ Tier string }
		if err := json.Unmarshal(out.Bytes(), &got); err != nil || got.Tier == "" {
			t.Errorf("%s json: %v %q", f, err, got.Tier)
		}
	}
}
