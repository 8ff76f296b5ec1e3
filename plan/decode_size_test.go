package plan_test

import (
	"bytes"
	"io"
	"runtime"
	"testing"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// TestMaxFileSizeLeavesHeadroom measures the benchmark workspaces that
// MaxFileSize's comment quotes, and keeps the limit well above them: four
// times the large workspace with 100 runs.
func TestMaxFileSizeLeavesHeadroom(t *testing.T) {
	if testing.Short() {
		t.Skip("large workspace")
	}
	ws := plantest.Large()
	data, err := plan.Encode(ws)
	if err != nil {
		t.Fatal(err)
	}
	withRuns, err := plan.Encode(plantest.WithRuns(ws, 100, 500))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("plantest.Large() encodes to %.1f MB, %.1f MB with 100 runs; the limit is %d MB", float64(len(data))/1e6, float64(len(withRuns))/1e6, plan.MaxFileSize>>20)
	if len(withRuns)*4 > plan.MaxFileSize {
		t.Fatalf("the %d MB limit is less than four times the %d-byte benchmark workspace with runs", plan.MaxFileSize>>20, len(withRuns))
	}
}

// TestEncodeToEqualsWholeLarge holds the streamed save to the
// whole-document encoding on the large workspace with 100 runs.
func TestEncodeToEqualsWholeLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large workspace")
	}
	ws := plantest.WithRuns(plantest.Large(), 100, 500)
	want, err := plan.EncodeWhole(ws)
	if err != nil {
		t.Fatal(err)
	}
	got, err := plan.Encode(ws)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("streamed encoding of the large workspace differs (%d bytes, want %d)", len(got), len(want))
	}
	// Streaming allocates per item, never the document: the whole-document
	// encoder allocated about 7× the file.
	if raceOn {
		return
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := plan.EncodeTo(io.Discard, ws); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(len(want)/2) {
		t.Errorf("EncodeTo allocated %d bytes for a %d-byte document", n, len(want))
	} else {
		t.Logf("EncodeTo allocated %.1f MB for a %.1f MB document", float64(n)/1e6, float64(len(want))/1e6)
	}
}
