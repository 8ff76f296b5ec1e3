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

// assess --json has each chosen framework with its clauses and their
// statuses; the text output one line per framework.
func TestAssessFrameworks(t *testing.T) {
	ws := plan.Demo()
	ws.Frameworks = []string{"nis2", "gdpr"}
	ws.Organisation.Regimes = nil // its UK GDPR would add a third
	path := savedWorkspace(t, "demo.json", ws)
	var out, errb bytes.Buffer
	if code := Main([]string{"assess", "--json", path, "--date", "2026-11-24"}, Env{Stdout: &out, Stderr: &errb}); code != ExitOK {
		t.Fatalf("exit %d %s", code, errb.String())
	}
	var got struct {
		Catalogue  string `json:"frameworksCatalogue"`
		Frameworks []struct {
			ID      string
			Clauses []struct {
				ID, Ref, Status, Reason string
				Criteria, Findings      []string
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Catalogue == "" || len(got.Frameworks) != 2 || got.Frameworks[0].ID != "nis2" || got.Frameworks[1].ID != "gdpr" {
		t.Fatalf("frameworks: %+v", got)
	}
	statuses := map[string]string{}
	for _, f := range got.Frameworks {
		for _, c := range f.Clauses {
			statuses[f.ID+":"+c.ID] = c.Status
			if c.ID == "" || c.Ref == "" || !strings.Contains("met partly-met not-met not-assessed", c.Status) {
				t.Errorf("%s clause %+v", f.ID, c)
			}
			if c.Status == "not-assessed" && c.Reason == "" {
				t.Errorf("%s %s is not assessed without a reason", f.ID, c.ID)
			}
		}
	}
	// The demo records its reporting obligations with owners and deadlines
	// but has never exercised reporting (REG-4.1): GDPR Art. 33(1) is
	// partly met; Art. 33(5) (the breach register) is out of scope.
	if statuses["gdpr:33(1)"] != "partly-met" || statuses["gdpr:33(5)"] != "not-assessed" || statuses["nis2:23(4)(a)"] == "" {
		t.Errorf("statuses: %v", statuses)
	}
	out.Reset()
	Main([]string{"assess", path, "--date", "2026-11-24"}, Env{Stdout: &out, Stderr: &errb})
	if !strings.Contains(out.String(), "Framework coverage") || !strings.Contains(out.String(), "\n  NIS2: ") || !strings.Contains(out.String(), "\n  GDPR: ") {
		t.Errorf("text output lacks the framework lines:\n%s", out.String())
	}
}
