package plan

// DecodeStrict exposes the strict-only decode path to the external
// benchmarks as a same-run baseline for the fast path.
func DecodeStrict(data []byte) (*Workspace, error) { return decodeBaseline(data) }
