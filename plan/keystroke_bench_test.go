package plan_test

import (
	"testing"

	"drillbook/plan/plantest"
)

// BenchmarkEditorKeystrokeLarge is the plan's share of the editor's "edit
// → validate → refresh" path on the large workspace: one keystroke changes
// a person's name, then the editor re-runs validation and refreshes the
// rota's holes and the severity-1 escalation path. It must stay well under
// a 60 Hz frame (16 ms) so typing never lags. A guide page also
// re-evaluates the guide: BenchmarkGuideKeystrokeLarge in guide/ times the
// whole path.
func BenchmarkEditorKeystrokeLarge(b *testing.B) {
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
		_ = ws.Coverage.Holes()
		if len(ws.EscalationPath(1)) == 0 {
			b.Fatal("no escalation path")
		}
	}
}

// BenchmarkEditorRefreshLarge is the same refresh without validation, to
// show what the coverage and escalation previews add to it.
func BenchmarkEditorRefreshLarge(b *testing.B) {
	ws := plantest.Large()
	b.ReportAllocs()
	for b.Loop() {
		ws.Coverage.Holes()
		ws.EscalationPath(1)
	}
}
