package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
	"github.com/xuri/excelize/v2"

	"drillbook/plan"
	"drillbook/plan/plantest"
	"drillbook/scoring"
)

// The benchmarks export the large generated workspace (1,000 people, 300
// playbooks) with 100 runs of 500 events, and compare each export with a
// baseline that writes the same number of pages (PDF) or rows (Excel)
// with the bare library, so the ratio shows what the report's own work
// costs. Run them together:
//
//	go test ./export -run '^$' -bench . -benchtime 3x
//
// Each reports ns/op, allocations, cpu-ms/op (the process's CPU time, which
// other processes on a shared machine do not inflate as they do wall
// time) and peak-heap-MB: the highest live heap seen while the export ran,
// above the heap before it started.

var largeInput = sync.OnceValue(func() Input {
	ws := plantest.WithRuns(plantest.Large(), 100, 500)
	return Input{Workspace: ws, Assessment: scoring.Assess(ws, reportDay)}
})

// benchOpts are the report options the benchmarks use.
var benchOpts = Options{Date: reportDay, Marking: "CONFIDENTIAL — benchmark", Assessor: "Bench"}

// peakHeap samples the live heap while fn runs and returns the highest
// value above the heap before it started, in megabytes.
func peakHeap(fn func()) float64 {
	peak, _ := measure(fn)
	return peak
}

// measure runs fn after a garbage collection and returns its peak heap
// (as peakHeap) and the CPU time it took (cpuTime), the collection before
// it not counted.
func measure(fn func()) (peakMB float64, cpu time.Duration) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var m runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > peak.Load() {
					peak.Store(m.HeapAlloc)
				}
			}
		}
	}()
	start := cpuTime()
	fn()
	cpu = cpuTime() - start
	close(done)
	<-stopped
	p := peak.Load()
	if p < base {
		return 0, cpu
	}
	return float64(p-base) / (1 << 20), cpu
}

func benchRun(b *testing.B, fn func() error) {
	b.ReportAllocs()
	var peak float64
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		p := peakHeap(func() {
			if err := fn(); err != nil {
				b.Fatal(err)
			}
		})
		peak = max(peak, p)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(peak, "peak-heap-MB")
}

func BenchmarkPDF(b *testing.B) {
	in := largeInput()
	benchRun(b, func() error { return PDF(context.Background(), io.Discard, in, benchOpts, nil) })
	b.ReportMetric(float64(largePages()), "pages")
}

// largePages is how many pages the full large report has, for the
// baseline to write as many.
var largePages = sync.OnceValue(func() int {
	var buf bytes.Buffer
	if err := PDF(context.Background(), &buf, largeInput(), benchOpts, nil); err != nil {
		panic(err)
	}
	return bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))
})

// BenchmarkPDFBaseline writes the same number of pages with gofpdf
// directly: the same embedded font, a header and footer, and plain
// bordered five-column text tables filling each page.
func BenchmarkPDFBaseline(b *testing.B) {
	pages := largePages()
	benchRun(b, func() error { return baselinePDF(io.Discard, pages) })
	b.ReportMetric(float64(pages), "pages")
}

func baselinePDF(w io.Writer, pages int) error {
	f := gofpdf.New("P", "mm", "A4", "")
	fd := fonts()
	f.AddUTF8FontFromBytes(fontFamily, "", fd.regular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fd.bold)
	f.AliasNbPages("{nb}")
	f.SetAutoPageBreak(false, 16)
	f.SetFooterFunc(func() {
		f.SetY(-12)
		f.SetFont(fontFamily, "", 7)
		f.CellFormat(0, 4, fmt.Sprintf("Page %d of {nb}", f.PageNo()), "", 0, "R", false, 0, "")
	})
	widths := []float64{20, 28, 34, 34, 62}
	for p := 0; p < pages; p++ {
		f.AddPage()
		f.SetFont(fontFamily, "B", 8)
		for _, w := range widths {
			f.CellFormat(w, 6, "Header", "1", 0, "L", false, 0, "")
		}
		f.Ln(-1)
		f.SetFont(fontFamily, "", 8)
		for y := 0; f.GetY() < 280; y++ {
			row := []string{"T+12:30", "notify-stakeholder", fmt.Sprintf("Person %04d", y), "Incident Manager", "Done as the playbook says."}
			for i, w := range widths {
				f.CellFormat(w, 5, row[i], "1", 0, "L", false, 0, "")
			}
			f.Ln(-1)
		}
	}
	return f.Output(w)
}

func BenchmarkExcel(b *testing.B) {
	in := largeInput()
	benchRun(b, func() error { return Excel(context.Background(), io.Discard, in, benchOpts, nil) })
	b.ReportMetric(float64(largeRows()), "rows")
}

// largeRows counts the rows the full workbook has on its streamed sheets,
// for the baseline.
var largeRows = sync.OnceValue(func() int {
	ws := largeInput().Workspace
	n := 0
	for _, r := range ws.Runs {
		n += len(r.Events) + len(r.Tasks)
	}
	for _, p := range ws.People {
		n += max(1, len(p.Contacts))
	}
	return n + len(ws.Playbooks) + len(ws.Responsibilities) + len(largeInput().Assessment.Findings)
})

// BenchmarkExcelBaseline streams the same number of rows of fifteen
// plain values into one sheet with excelize directly: no cleaning, styles,
// tables or charts.
func BenchmarkExcelBaseline(b *testing.B) {
	rows := largeRows()
	benchRun(b, func() error { return baselineExcel(io.Discard, rows) })
	b.ReportMetric(float64(rows), "rows")
}

func baselineExcel(w io.Writer, rows int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	wall := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for r := 1; r <= rows; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{"run-001", "DNS provider outage on a Sunday night", r, time.Duration(r) * time.Second, wall,
			"action", "escalate", "person-0001", "Person 0001", "head-of-engineering", "Head of Engineering",
			"Done as the playbook says.", "", 2, 1}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// BenchmarkAssessLarge is the scoring the GUI has done before it exports
// (not part of the export figures above).
func BenchmarkAssessLarge(b *testing.B) {
	ws := largeInput().Workspace
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		scoring.Assess(ws, plan.NewDate(2026, time.November, 24))
	}
}

// BenchmarkPDFLongMarking exports the demo report with a 10,000-character
// marking, which every page header and footer shortens to fit (see fit):
//
//	go test ./export -run '^$' -bench PDFLongMarking -benchtime 3x
func BenchmarkPDFLongMarking(b *testing.B) {
	opts := demoOpts
	opts.Date = reportDay
	opts.Marking = string([]rune(strings.Repeat("CONFIDENTIAL — ", 10000/15+1))[:10000])
	in := Input{Workspace: demoWorkspace(b)}
	benchRun(b, func() error { return PDF(context.Background(), io.Discard, in, opts, nil) })
}
