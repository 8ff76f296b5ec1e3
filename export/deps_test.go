package export

import (
	"os/exec"
	"strings"
	"testing"
)

// goTool returns the go command on PATH (scripts/env.sh puts the project's
// toolchain there).
func goTool(t *testing.T) string {
	t.Helper()
	return needTool(t, "go", "the go command is needed to list the package's dependencies")
}

// The reports package must not link the GUI toolkit: a headless report
// would otherwise run Fyne's package initialisers (which log about the
// locale) and need its cgo dependencies.
func TestExportDoesNotDependOnFyne(t *testing.T) {
	out, err := exec.Command(goTool(t), "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") {
			t.Errorf("drillbook/export depends on %s", dep)
		}
	}
}
