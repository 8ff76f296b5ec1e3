package guide

import (
	"testing"

	"drillbook/plan/plantest"
	"drillbook/scoring"
)

// BenchmarkGuideLarge evaluates the guide on the large generated workspace
// (1,000 people, 300 playbooks × 30 steps × 10 revisions): one assessment,
// then every question. The GUI does this once per refresh of a guide page.
func BenchmarkGuideLarge(b *testing.B) {
	ws := plantest.Large()
	b.ReportAllocs()
	for b.Loop() {
		if p := Evaluate(ws, today); p.Total == 0 {
			b.Fatal("no questions")
		}
	}
}

// BenchmarkGuideFromAssessmentLarge is the guide's own share: reading an
// assessment already made and writing the summaries.
func BenchmarkGuideFromAssessmentLarge(b *testing.B) {
	ws := plantest.Large()
	a := scoring.Assess(ws, today)
	b.ReportAllocs()
	for b.Loop() {
		FromAssessment(ws, a)
	}
}

// BenchmarkGuideKeystrokeLarge is a keystroke on a guide page of the large
// workspace: one edit changes a person's name, then the editor re-runs
// validation, re-evaluates the guide and refreshes the rota's holes and the
// severity-1 escalation path (plan's BenchmarkEditorKeystrokeLarge without
// the guide).
func BenchmarkGuideKeystrokeLarge(b *testing.B) {
	ws := plantest.Large()
	names := [2]string{"Person 0500", "Person 0500x"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ws.People[500].Name = names[i%2]
		i++
		if ws.Validate().Errors() != 0 {
			b.Fatal("large workspace became invalid")
		}
		if p := Evaluate(ws, today); p.Total == 0 {
			b.Fatal("no questions")
		}
		_ = ws.Coverage.Holes()
		if len(ws.EscalationPath(1)) == 0 {
			b.Fatal("no escalation path")
		}
	}
}
