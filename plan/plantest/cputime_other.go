//go:build !unix

package plantest

// cpuTime is not measured here; the scaling benchmarks then report wall
// time only.
func cpuTime() (ns int64, ok bool) { return 0, false }
