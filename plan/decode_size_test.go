package plan_test

import (
	"testing"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// TestMaxFileSizeLeavesHeadroom measures the benchmark workspace that
// MaxFileSize's comment quotes, and keeps the limit well above it.
func TestMaxFileSizeLeavesHeadroom(t *testing.T) {
	if testing.Short() {
		t.Skip("large workspace")
	}
	data, err := plan.Encode(plantest.Large())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("plantest.Large() encodes to %d bytes (%.1f MB)", len(data), float64(len(data))/1e6)
	if len(data)*2 > plan.MaxFileSize {
		t.Fatalf("the %d MB limit is less than twice the %d-byte benchmark workspace", plan.MaxFileSize>>20, len(data))
	}
}
