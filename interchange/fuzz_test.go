package interchange

import (
	"os"
	"path/filepath"
	"testing"

	"drillbook/plan"
)

// Each parser is fuzzed with its fixtures as seeds (more seeds, including
// inputs the fuzzer found, live in testdata/fuzz): whatever the bytes, a
// parser returns a source or an *Error naming the file, never panics, and
// merging what it returns into a plan never panics either.

func fuzzSeeds(f *testing.F, pattern string) {
	names, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func fuzzParse(t *testing.T, parse func() (*Source, error)) {
	src, err := parse()
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("error %T is not an *Error: %v", err, err)
		}
		return
	}
	if _, err := Plan(testPlan(), []*Source{src}); err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("plan error %T: %v", err, err)
		}
	}
}

var fuzzOpt = Options{Week: plan.NewDate(2026, 1, 12), Zone: "Europe/London"}

func FuzzParseICS(f *testing.F) {
	fuzzSeeds(f, "*.ics")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, func() (*Source, error) { return ParseICS("f.ics", data, fuzzOpt) })
	})
}

func FuzzParsePagerDuty(f *testing.F) {
	fuzzSeeds(f, "*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, func() (*Source, error) { return ParsePagerDuty("f.json", data, fuzzOpt) })
	})
}

func FuzzParsePeopleCSV(f *testing.F) {
	fuzzSeeds(f, "*.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, func() (*Source, error) { return ParsePeopleCSV("f.csv", data) })
	})
}
