package app

import (
	"testing"

	"drillbook/internal/deepcopy"
	"drillbook/plan"
	"drillbook/plan/plantest"
)

// BenchmarkSaveUIGoroutineLarge is what a save or an autosave of the
// benchmark workspace costs the UI goroutine: the copy it takes now
// against encoding the whole workspace there, as it did before (the
// baseline).
func BenchmarkSaveUIGoroutineLarge(b *testing.B) {
	ws := plantest.Large()
	b.Run("copy", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			deepcopy.Of(*ws)
		}
	})
	b.Run("encode-baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := plan.Encode(ws); err != nil {
				b.Fatal(err)
			}
		}
	})
}
