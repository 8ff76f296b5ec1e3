package plan

import (
	"os"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the decoder: it must return a workspace
// or an error, never panic, and anything it accepts must validate and
// survive an encode/decode round trip.
func FuzzLoad(f *testing.F) {
	// Small seeds mutate well: one workspace with an item of every kind.
	// (The 150 KB demo made the fuzzing engine itself stall.)
	if seed, err := Encode(validBase()); err == nil {
		f.Add(seed)
	}
	if v0, err := os.ReadFile("testdata/v0-workspace.json"); err == nil {
		f.Add(v0)
	}
	f.Add([]byte(`{"schemaVersion": 1}`))
	f.Add([]byte(`{"schemaVersion": 0, "organisation": "x", "severities": [{"level": 1, "ackMinutes": 5}]}`))
	f.Add([]byte(`{"schemaVersion": 1, "playbooks": [{"id": "a", "references": ["a"]}]}`))
	f.Add([]byte(`{"schemaVersion": 1, "severities": [{"targets": {"resolve": "99999999w"}}]}`))
	f.Add([]byte(`{"schemaVersion": 1, "coverage": {"rota": {"shifts": [{"start": "24:00", "end": "00:00"}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ws, err := Decode(data)
		if err != nil {
			return
		}
		_ = ws.Validate()
		out, err := Encode(ws)
		if err != nil {
			t.Fatalf("accepted input does not encode: %v", err)
		}
		if _, err := Decode(out); err != nil {
			t.Fatalf("encoded output does not decode: %v\n%s", err, out)
		}
	})
}
