package plan

import (
	_ "embed"
	"fmt"
)

//go:embed demo.json
var demoJSON []byte

// Demo returns a fresh copy of the built-in demo workspace: Harbourside Health,
// a digital-health web product with realistic gaps for the assessment to find.
func Demo() *Workspace {
	ws, err := Decode(demoJSON)
	if err != nil {
		// The demo is embedded at build time and pinned by tests.
		panic(fmt.Sprintf("built-in demo workspace is invalid: %v", err))
	}
	return ws
}
