package export

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Tests that need pdftotext or LibreOffice skip without them on a
// developer's machine but fail in CI, so a CI image that lost a tool
// cannot pass by silently skipping the checks. The tests run in a child
// process whose PATH holds neither program.
func TestMissingToolsFailInCI(t *testing.T) {
	if os.Getenv("DRILLBOOK_CI_CHILD") != "" {
		t.Skip("already the child")
	}
	for _, test := range []string{"TestPDFReadBack", "TestExcelOpensInLibreOffice"} {
		for _, ci := range []string{"", "true"} {
			cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v")
			cmd.Env = append(os.Environ(), "PATH="+t.TempDir(), "CI="+ci, "DRILLBOOK_CI_CHILD=1")
			out, err := cmd.CombinedOutput()
			switch {
			case ci == "" && (err != nil || !strings.Contains(string(out), "--- SKIP: "+test)):
				t.Errorf("%s without CI and without the tool: want a skip, got err %v\n%s", test, err, out)
			case ci != "" && (err == nil || !strings.Contains(string(out), "--- FAIL: "+test) || !strings.Contains(string(out), "CI is set")):
				t.Errorf("%s with CI set and without the tool: want a failure naming the tool, got err %v\n%s", test, err, out)
			}
		}
	}
}
