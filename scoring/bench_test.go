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

// BenchmarkAssessScaling assesses plantest.ScaledWithRuns at 1×, 4× and
// 16× (4× is the large workspace with 100 runs) and reports the growth
// exponent: linear in plan size and runs is about 1.
func BenchmarkAssessScaling(b *testing.B) {
	plantest.Scaling(b, plantest.ScaledWithRuns, func(b *testing.B, ws *plan.Workspace) {
		for b.Loop() {
			Assess(ws, today)
		}
	})
}

// BenchmarkProposeActionsScaling is ProposeActions on the assessments of
// BenchmarkAssessScaling's workspaces.
func BenchmarkProposeActionsScaling(b *testing.B) {
	type assessed struct {
		ws *plan.Workspace
		a  *Assessment
	}
	build := func(k int) assessed {
		ws := plantest.ScaledWithRuns(k)
		return assessed{ws, Assess(ws, today)}
	}
	plantest.Scaling(b, build, func(b *testing.B, v assessed) {
		for b.Loop() {
			ProposeActions(v.a, v.ws, today)
		}
	})
}
