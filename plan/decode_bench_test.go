package plan_test

import (
	"encoding/json"
	"testing"

	"drillbook/plan"
)

// BenchmarkUnmarshalLargeUnchecked is json.Unmarshal alone on the large
// document, which Decode runs after its scan: the difference to
// BenchmarkDecodeLargeFast is what the file checks cost.
func BenchmarkUnmarshalLargeUnchecked(b *testing.B) {
	data := largeDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		var ws plan.Workspace
		if err := json.Unmarshal(data, &ws); err != nil {
			b.Fatal(err)
		}
	}
}
