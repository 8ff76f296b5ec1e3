package plantest

import (
	"math"
	"runtime"
	"strconv"
	"testing"

	"drillbook/plan"
)

// ScaleBase is the 1× workspace of the scaling benchmarks: a quarter of
// LargeSize's people and playbooks, so 4× is the large workspace and 16×
// four times it.
var ScaleBase = Size{People: 250, Roles: 40, Playbooks: 75, Steps: 30, Revisions: 10}

// ScaleRuns is how many stored runs (of ScaleEvents events) the 1×
// workspace has: 4× is the large workspace with 100 runs.
const (
	ScaleRuns   = 25
	ScaleEvents = 500
)

// Scales are the multiples the scaling benchmarks run at.
var Scales = []int{1, 4, 16}

// Scaled returns ScaleBase with k times the people and playbooks. Roles
// stay as many, so they grow fuller, as in a bigger organisation (any cost
// per member of a role then shows), and playbooks keep their steps and
// revisions.
func Scaled(k int) Size {
	sz := ScaleBase
	sz.People *= k
	sz.Playbooks *= k
	return sz
}

// ScaledWithRuns is Generate(Scaled(k)) with k×ScaleRuns stored runs.
func ScaledWithRuns(k int) *plan.Workspace {
	return WithRuns(Generate(Scaled(k)), ScaleRuns*k, ScaleEvents)
}

// Scaling runs op as the sub-benchmarks x1, x4 and x16 on build(k), built
// once per size outside the timing, and reports on x16 the growth
// exponents log(m16/m1)/log(16) (1 is linear, 2 quadratic) of wall time
// ("exp"), of the process's CPU time ("cpu-exp", steadier on a shared
// machine; it includes the garbage collector's threads) and of allocated
// bytes ("B-exp"). Each size also reports its CPU time per op.
func Scaling[T any](b *testing.B, build func(k int) T, op func(b *testing.B, v T)) {
	b.Helper()
	type perOp struct{ ns, cpu, bytes float64 }
	got := map[int]perOp{}
	first, last := Scales[0], Scales[len(Scales)-1]
	for _, k := range Scales {
		var v T
		built := false
		b.Run("x"+strconv.Itoa(k), func(b *testing.B) {
			if !built {
				v, built = build(k), true
			}
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			cpu0, cpuOK := cpuTime()
			b.ResetTimer()
			op(b, v)
			b.StopTimer()
			cpu1, _ := cpuTime()
			runtime.ReadMemStats(&after)
			n := float64(b.N)
			m := perOp{ns: float64(b.Elapsed().Nanoseconds()) / n, bytes: float64(after.TotalAlloc-before.TotalAlloc) / n}
			if cpuOK {
				m.cpu = float64(cpu1-cpu0) / n
				b.ReportMetric(m.cpu, "cpu-ns/op")
			}
			got[k] = m
			if k != last || got[first].ns == 0 {
				return
			}
			f := float64(last) / float64(first)
			b.ReportMetric(Exponent(got[first].ns, m.ns, f), "exp")
			b.ReportMetric(Exponent(got[first].bytes, m.bytes, f), "B-exp")
			if cpuOK {
				b.ReportMetric(Exponent(got[first].cpu, m.cpu, f), "cpu-exp")
			}
		})
	}
}

// Exponent is the growth exponent e with big = small × factor^e.
func Exponent(small, big, factor float64) float64 {
	if small <= 0 || big <= 0 || factor <= 1 {
		return math.NaN()
	}
	return math.Log(big/small) / math.Log(factor)
}
