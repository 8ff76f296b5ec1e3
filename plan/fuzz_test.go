package plan

import (
	"bytes"
	"os"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the decoder: it must return a workspace
// or an error, never panic; anything it accepts must also be accepted by
// encoding/json's strict decoder (so the scan lets no unknown field
// through), must validate, and must survive an encode/decode round trip
// unchanged.
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
	// Top levels that are not objects once crashed every start-up.
	f.Add([]byte(`null`))
	f.Add([]byte(`[]`))
	f.Add([]byte("\uFEFF{\"schemaVersion\": 1, \"organisation\": {\"name\": \"A\"}}"))
	f.Add([]byte(`{"schemaVersion": 1, "schemaVersion": 2, "Organisation": {}, "targetLevels": {"a": 1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ws, err := Decode(data)
		if err != nil {
			return
		}
		text := bytes.TrimPrefix(data, utf8Mark)
		if v, _ := schemaVersionOf(text); v == SchemaVersion {
			if _, err := decodeBaseline(text); err != nil {
				t.Fatalf("accepted input that encoding/json refuses: %v", err)
			}
		}
		_ = ws.Validate()
		out, err := Encode(ws)
		if err != nil {
			t.Fatalf("accepted input does not encode: %v", err)
		}
		again, err := Decode(out)
		if err != nil {
			t.Fatalf("encoded output does not decode: %v\n%s", err, out)
		}
		if out2, _ := Encode(again); !bytes.Equal(out, out2) {
			t.Fatalf("a save and reload changed the workspace:\n%s\n%s", out, out2)
		}
	})
}
