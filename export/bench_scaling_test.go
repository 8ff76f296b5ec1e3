package export

import (
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"drillbook/plan/plantest"
	"drillbook/scoring"
)

// The scaling benchmarks export generated workspaces at 1×, 4× and 16× a
// base size and report how the cost grows: exponent = log(c16/c1)/log 16
// of the CPU time and of the bytes allocated, so 1 is linear and 2
// quadratic. 16× is about the large workspace with 100 runs of 500
// events. The peak heap is reported per size but not fitted: it counts
// garbage not yet collected, which grows with the inputs held for the
// other sizes as much as with the export's own.
//
//	go test ./export -run '^$' -bench Scaling -benchtime 2x

// scales are the sizes, as multiples of the base.
var scales = []int{1, 4, 16}

// scaledSize is the generated plan at k times the base: 64 people, 3
// roles, 20 playbooks of 30 steps and 10 revisions, and 6 runs of 500
// events.
func scaledSize(k int) (plantest.Size, int) {
	return plantest.Size{People: 64 * k, Roles: 3 * k, Playbooks: 20 * k, Steps: 30, Revisions: 10}, 6 * k
}

var scaledInputs = map[int]func() Input{}

func init() {
	for _, k := range scales {
		scaledInputs[k] = sync.OnceValue(func() Input {
			sz, runs := scaledSize(k)
			ws := plantest.WithRuns(plantest.Generate(sz), runs, 500)
			return Input{Workspace: ws, Assessment: scoring.Assess(ws, reportDay)}
		})
	}
}

// benchScaling runs export on each scale in turn per iteration and
// reports the CPU time, bytes allocated and peak heap at each, and the
// growth exponents of the first two.
func benchScaling(b *testing.B, name string, run func(k int) error) {
	cpu := make([]time.Duration, len(scales))
	heap := make([]float64, len(scales))
	alloc := make([]uint64, len(scales))
	var ms runtime.MemStats
	for _, k := range scales {
		scaledInputs[k]()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for i, k := range scales {
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			p, c := measure(func() {
				if err := run(k); err != nil {
					b.Fatalf("%s at %d×: %v", name, k, err)
				}
			})
			runtime.ReadMemStats(&ms)
			alloc[i] += ms.TotalAlloc - before
			cpu[i] += c
			heap[i] = max(heap[i], p)
		}
	}
	last := len(scales) - 1
	for i, k := range scales {
		b.ReportMetric(float64(cpu[i])/float64(time.Millisecond)/float64(b.N), fmt.Sprintf("cpu-ms-%dx", k))
		b.ReportMetric(float64(alloc[i])/(1<<20)/float64(b.N), fmt.Sprintf("alloc-MB-%dx", k))
		b.ReportMetric(heap[i], fmt.Sprintf("heap-MB-%dx", k))
	}
	b.ReportMetric(exponent(float64(cpu[0]), float64(cpu[last]), scales[last]), "cpu-exponent")
	b.ReportMetric(exponent(float64(alloc[0]), float64(alloc[last]), scales[last]), "alloc-exponent")
}

// exponent is the power of the size the cost grows with, from the cost
// at 1× and at k×.
func exponent(c1, ck float64, k int) float64 {
	if c1 <= 0 || ck <= 0 {
		return 0
	}
	return math.Log(ck/c1) / math.Log(float64(k))
}

func BenchmarkPDFScaling(b *testing.B) {
	benchScaling(b, "PDF", func(k int) error {
		return PDF(context.Background(), io.Discard, scaledInputs[k](), benchOpts, nil)
	})
}

func BenchmarkExcelScaling(b *testing.B) {
	benchScaling(b, "Excel", func(k int) error {
		return Excel(context.Background(), io.Discard, scaledInputs[k](), benchOpts, nil)
	})
}

// BenchmarkFitScaling shortens a marking of 2,500, 10,000 and 40,000
// characters to a page header's width and wraps a name as long into a
// table column: both walk the text once.
func BenchmarkFitScaling(b *testing.B) {
	f := fitPDF(b)
	d := &pdfDoc{f: f}
	texts := map[int]string{}
	for _, k := range scales {
		texts[k] = string([]rune(strings.Repeat("CONFIDENTIAL — client ", 2500*k/22+1))[:2500*k])
	}
	benchScaling(b, "fit", func(k int) error {
		for range 20 {
			fit(f, texts[k], contentW)
			d.split(texts[k], 40)
		}
		return f.Error()
	})
}
