package scoring

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"drillbook/plan"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// summary renders the parts of an assessment the golden file pins: levels,
// progress, caps, tier, index and every finding with its place.
func summary(a *Assessment) string {
	var b strings.Builder
	fmt.Fprintf(&b, "date: %s\ntier: %s\nheadline: %s\nheld back by: %v\nindex: %.1f\n\n", a.Date, a.Tier, a.Headline(), a.HeldBackBy, a.Index)
	for _, d := range a.Dimensions {
		var failing []string
		for _, r := range d.Failing {
			failing = append(failing, r.Criterion.ID)
		}
		fmt.Fprintf(&b, "%-15s level %d (criteria %d) progress %.2f  pass %2d fail %2d n/a %d  failing %v\n",
			d.Dimension.ID, d.Level, d.CriteriaLevel, d.Progress, len(d.Passing), len(d.Failing), len(d.NA), failing)
		if d.CappedBy != "" {
			fmt.Fprintf(&b, "%-15s capped: %s\n", "", d.CappedBy)
		}
	}
	b.WriteString("\nfindings:\n")
	for _, f := range a.Findings {
		fmt.Fprintf(&b, "%-8s %-8s %-6s %s\n         %s\n         in %s\n", f.ID, f.Severity, f.Effort, f.Where, f.What, f.Place)
	}
	for _, n := range a.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	for _, f := range a.Frameworks {
		fmt.Fprintf(&b, "\nframework %s\n", f.Summary())
		for _, c := range f.Clauses {
			fmt.Fprintf(&b, "  %-20s %-12s %v\n", c.Clause.ID, c.Status, c.Findings)
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./scoring -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("assessment differs from %s (rerun with -update if intended)\n--- got ---\n%s", path, got)
	}
}

// TestDemoAssessmentGolden pins the demo workspace's assessment on a fixed
// day.
func TestDemoAssessmentGolden(t *testing.T) {
	golden(t, "demo-assessment.golden", summary(Assess(plan.Demo(), today)))
}

// TestDemoGapsAreFound checks each of the demo's five deliberate gaps is
// reported by the right criterion, pointing at the right place.
func TestDemoGapsAreFound(t *testing.T) {
	ws := plan.Demo()
	a := Assess(ws, today)
	tests := []struct {
		gap, criterion, where, mention string
	}{
		{"incident manager with no deputy", "ROL-2.3", "people[0].deputy", "Amira Khan"},
		{"critical DNS provider with no out-of-hours contact", "TP-2.2", "thirdParties[2].contacts", "Signpost DNS"},
		{"Sunday 00:00–08:00 rota hole", "COV-2.3", "coverage.rota.shifts", "Sun 00:00–08:00"},
		{"DNS failover playbook review overdue", "PBK-3.2", "playbooks[2].lastReviewed", "2026-02-28"},
		{"DNS failover playbook not revised in its interval", "PBK-3.3", "playbooks[2].revisions", "180 days"},
		{"on-call engineer responsible for security breaches with no playbook", "PBK-2.2", "responsibilities[2]", "Security breach"},
	}
	for _, tt := range tests {
		t.Run(tt.gap, func(t *testing.T) {
			f := a.Finding(tt.criterion)
			if f == nil {
				t.Fatalf("%s does not fail", tt.criterion)
			}
			if f.Where != tt.where || len(f.Gaps) != 1 || !strings.Contains(f.What, tt.mention) {
				t.Errorf("finding at %q (%d places): %s", f.Where, len(f.Gaps), f.What)
			}
		})
	}
	// The paths resolve to the intended items.
	if ws.People[0].ID != "amira-khan" || ws.ThirdParties[2].ID != "signpost-dns" || ws.Playbooks[2].ID != "oncall-dns-failover" ||
		ws.Responsibilities[2].Role != "on-call-engineer" || ws.Responsibilities[2].IncidentType != "security-breach" {
		t.Error("demo indexes moved; update the expected paths")
	}
	// Outside exercising and improvement, the five gaps are the only
	// plan findings below level 4.
	for _, f := range a.Findings {
		if f.Level < 4 && f.Dimension != DimExercise && f.Dimension != DimImprovement {
			switch f.ID {
			case "ROL-2.3", "TP-2.2", "COV-2.3", "PBK-3.2", "PBK-3.3", "PBK-2.2":
			default:
				t.Errorf("unexpected demo finding %s: %s", f.ID, f.What)
			}
		}
	}
}
