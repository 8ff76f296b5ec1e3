package cli

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The report test reads its PDF back with pdftotext when it can; in CI a
// missing pdftotext fails it rather than silently dropping the check.
func TestMissingToolsFailInCI(t *testing.T) {
	if os.Getenv("DRILLBOOK_CI_CHILD") != "" {
		t.Skip("already the child")
	}
	const test = "TestReportWritesEveryFormat"
	for _, ci := range []string{"", "true"} {
		cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v")
		cmd.Env = append(os.Environ(), "PATH="+t.TempDir(), "CI="+ci, "DRILLBOOK_CI_CHILD=1")
		out, err := cmd.CombinedOutput()
		switch {
		case ci == "" && (err != nil || !strings.Contains(string(out), "pdftotext not found")):
			t.Errorf("without CI and without pdftotext: want a pass that says what was skipped, got err %v\n%s", err, out)
		case ci != "" && (err == nil || !strings.Contains(string(out), "CI is set")):
			t.Errorf("with CI set and without pdftotext: want a failure naming the tool, got err %v\n%s", err, out)
		}
	}
}
