package scoring

import (
	"testing"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// BenchmarkAssessLarge assesses the large generated workspace (1,000
// people, 300 playbooks × 30 steps × 10 revisions) with 100 stored runs of
// 500 events each. Target: under 50 ms.
func BenchmarkAssessLarge(b *testing.B) {
	ws := plantest.WithRuns(plantest.Large(), 100, 500)
	b.ReportAllocs()
	for b.Loop() {
		if a := Assess(ws, today); len(a.Runs) != 100 {
			b.Fatal("runs not scored")
		}
	}
}

func BenchmarkAssessDemo(b *testing.B) {
	ws := plan.Demo()
	b.ReportAllocs()
	for b.Loop() {
		Assess(ws, today)
	}
}

func BenchmarkProposeActionsLarge(b *testing.B) {
	ws := plantest.WithRuns(plantest.Large(), 100, 500)
	a := Assess(ws, today)
	b.ReportAllocs()
	for b.Loop() {
		ProposeActions(a, ws, today)
	}
}
