package plan

import (
	"bytes"
	"encoding/json"
)

// decodeBaseline is encoding/json's strict decoder alone (unknown fields
// refused; repeated keys, case variants and positions not checked): the
// same-run baseline BenchmarkDecodeLargeStrict holds Decode against.
func decodeBaseline(data []byte) (*Workspace, error) {
	var ws Workspace
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ws); err != nil {
		return nil, err
	}
	return &ws, nil
}
