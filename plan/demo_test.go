package plan

import (
	"testing"
)

func TestDemoValidatesCleanly(t *testing.T) {
	ws := Demo()
	for _, p := range ws.Validate() {
		t.Errorf("demo: %s (%s)", p, p.Level)
	}
}
