package plan

import (
	"strings"
	"testing"
)

func TestValidateFrameworks(t *testing.T) {
	w := validBase()
	w.Frameworks = []string{"nis2", "gdpr", "nis2", "nist-csf-1.1"}
	ps := w.Validate()
	var got []string
	for _, p := range ps {
		got = append(got, p.Path+" "+p.Level.String()+" "+p.Message)
	}
	want := []string{
		`frameworks[2] warning framework "nis2" is chosen twice`,
		`frameworks[3] error unknown framework "nist-csf-1.1" (known: nist-csf-2.0, nist-sp-800-61r3, iso-iec-27035-1-2023, nis2, dora, gdpr, uk-gdpr, hipaa-breach, sec-8k-1.05, pci-dss-4.0-12.10)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A version-4 file has no frameworks; it loads as version 5 unchanged, and
// the list round-trips.
func TestFrameworksFieldAndVersion5(t *testing.T) {
	ws, err := Decode([]byte(`{"schemaVersion": 4, "organisation": {"name": "A"}, "frameworks": ["nis2"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if ws.SchemaVersion != 5 || len(ws.Frameworks) != 1 || ws.Frameworks[0] != "nis2" {
		t.Errorf("decoded version %d, frameworks %q", ws.SchemaVersion, ws.Frameworks)
	}
	if _, err := Decode([]byte(`{"schemaVersion": 5, "frameworks": "nis2"}`)); err == nil || !strings.Contains(err.Error(), "frameworks") {
		t.Errorf("a string for the list: %v", err)
	}
}
