package plan_test

import (
	"testing"
	"time"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// BenchmarkEditorKeystrokeLarge is the guided editor's "edit → validate →
// refresh" path on the large workspace: one keystroke changes a person's
// name, then the editor re-runs validation and refreshes the guide's
// progress, the rota's holes and the severity-1 escalation path. It must
// stay well under a 60 Hz frame (16 ms) so typing never lags.
func BenchmarkEditorKeystrokeLarge(b *testing.B) {
	ws := plantest.Large()
	today := plan.NewDate(2026, time.November, 20)
	names := [2]string{"Person 0500", "Person 0500x"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ws.People[500].Name = names[i%2]
		i++
		if ws.Validate().Errors() != 0 {
			b.Fatal("large workspace became invalid")
		}
		if p := ws.Progress(today); p.Total == 0 {
			b.Fatal("no guide questions")
		}
		_ = ws.Coverage.Holes()
		if len(ws.EscalationPath(1)) == 0 {
			b.Fatal("no escalation path")
		}
	}
}

// BenchmarkEditorRefreshLarge is the same refresh without validation, to
// show what the guide, coverage and escalation previews add to it.
func BenchmarkEditorRefreshLarge(b *testing.B) {
	ws := plantest.Large()
	today := plan.NewDate(2026, time.November, 20)
	b.ReportAllocs()
	for b.Loop() {
		ws.Progress(today)
		ws.Coverage.Holes()
		ws.EscalationPath(1)
	}
}
