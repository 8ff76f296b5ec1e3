package scenarios

import (
	"math"
	"strings"
	"testing"

	"drillbook/plan"
)

// TestImportMELRangeChecksEveryTime: NaN, infinities, negatives and times
// beyond a scenario are refused with the row; the NaN of the issue once
// landed at T--47:-16 and saved a file that could not be loaded again.
func TestImportMELRangeChecksEveryTime(t *testing.T) {
	const head = "time,from,message,expected action,deadline\n"
	cases := []struct{ row, want string }{
		{"NaN,x,y,,", "row 2: time"},
		{"-NaN,x,y,,", "row 2: time"},
		{"Inf,x,y,,", "row 2: time"},
		{"-Inf,x,y,,", "row 2: time"},
		{"-5,x,y,,", "row 2: time"},
		{"1e9,x,y,,", "row 2: time"},
		{"T+9:00:00,x,y,,", "row 2: time"},
		{"9000:00:00,x,y,,", "row 2: time"},
		{"5,x,y,acknowledge,NaN", "row 2: deadline"},
		{"5,x,y,acknowledge,Inf", "row 2: deadline"},
		{"5,x,y,acknowledge,-5", "row 2: deadline"},
		{"5,x,y,acknowledge,-5m", "row 2: deadline"},
		{"5,x,y,acknowledge,0", "row 2: deadline"},
		{"5,x,y,acknowledge,3d", "row 2: deadline"},
		{"5,x,y,acknowledge,1e300", "row 2: deadline"},
		{"5,x,y,set-severity 40,5m", "row 2: expect[0].severities[0]: severity 40"},
	}
	for _, c := range cases {
		_, err := ImportMEL(writeCSV(t, head+c.row+"\n"), "x", "X")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want an error with %q", c.row, err, c.want)
		}
	}
	// The edges are fine, and what imports saves and loads again.
	s, err := ImportMEL(writeCSV(t, head+"0,x,y,acknowledge,24h\n480,x,z,set-severity 1,5m\n"), "x", "X")
	if err != nil {
		t.Fatal(err)
	}
	if x := s.Injects[1].Expect[0]; x.Kind != ExpectSetSeverity || x.Severities[0] != 1 {
		t.Errorf("set-severity row read as %+v", x)
	}
	if s.Duration != maxScenario {
		t.Errorf("duration %s, want the longest scenario", s.Duration)
	}
	data, _ := Marshal(s)
	if _, err := Parse("x.yaml", data); err != nil {
		t.Fatalf("imported edge values do not load again: %v", err)
	}
}

// TestValidateRejectsTimesOutOfRange: scenarios built in code (imports,
// the editor) are held to the same ranges as files.
func TestValidateRejectsTimesOutOfRange(t *testing.T) {
	sc, _ := fixture(t)
	sc.Injects[0].At = Offset(math.MinInt64)
	sc.Decisions[0].At = -1
	sc.Decisions[0].Within = 2 * plan.Day
	sc.Injects[1].Expect[0].Weight = math.NaN()
	sc.Injects[1].Expect[1].Within = -plan.Minute
	got := sc.Validate().Error()
	for _, want := range []string{
		"injects[0].at: time is before the start",
		"decisions[0].at: time is before the start",
		"decisions[0].within: deadline 2d is outside",
		"injects[1].expect[0].weight: weight NaN",
		"injects[1].expect[1].within: a deadline greater than zero",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("validation missed %q:\n%s", want, got)
		}
	}
	y := strings.Replace(fixtureScenario, "{kind: acknowledge, by: on-call, within: 10m}", "{kind: acknowledge, by: on-call, within: 10m, weight: .nan}", 1)
	if _, err := Parse("f.yaml", []byte(y)); err == nil || !strings.Contains(err.Error(), "f.yaml:16: injects[0].expect[0].weight") {
		t.Errorf("NaN weight in a file: %v", err)
	}
}
