package scenarios

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestParseErrorsNameFileLineAndField: every problem a file can have is
// placed by the YAML node it concerns — type errors and unknown fields deep
// in the file included — and names the field by its path.
func TestParseErrorsNameFileLineAndField(t *testing.T) {
	edit := func(old, new string) string {
		if !strings.Contains(fixtureScenario, old) {
			t.Fatalf("fixture has no %q", old)
		}
		return strings.Replace(fixtureScenario, old, new, 1)
	}
	cases := []struct{ name, yaml, want string }{
		{"type error deep in the file",
			edit("target: third-party:cloud, within: 20m}", "target: third-party:cloud, within: 20m, weight: heavy}"),
			`f.yaml:37: injects[3].expect[0].weight: "heavy" is not a number`},
		{"the type's own error",
			edit("    at: T+3:30:00", "    at: soon"),
			`f.yaml:39: injects[4].at: invalid offset "soon"`},
		{"unknown field deep in the file",
			edit("{text: Wait, grade: poor, then: [f1]}", "{text: Wait, grade: poor, then: [f1], cost: 3}"),
			`f.yaml:51: decisions[0].options[1]: unknown field "cost"`},
		{"field name in the wrong case",
			edit("    from: staff", "    From: staff"),
			`f.yaml:40: injects[4]: unknown field "From" (field names are case-sensitive: write "from")`},
		{"repeated field",
			edit("    from: staff", "    from: staff\n    from: nurse"),
			`f.yaml:41: injects[4].from: repeated field "from" (first on line 40)`},
		{"list where a number goes",
			edit("startingSeverity: 2", "startingSeverity: [2]"),
			`f.yaml:5: startingSeverity: expected a whole number, found a list`},
		{"mapping where a list goes",
			edit("objectives: [Acknowledge in time, Escalate in time]", "objectives: {first: Acknowledge}"),
			`f.yaml:8: objectives: expected a list, found a mapping`},
		{"syntax error", edit("startingSeverity: 2", "startingSeverity: 2\n  bad: : x"),
			`f.yaml:6: mapping values are not allowed in this context`},
		{"not a mapping", "hello", `f.yaml:1: expected a mapping (name: value lines), found "hello"`},
		{"empty", "", `f.yaml: file is empty`},
		{"only a comment", "# nothing yet\n", `f.yaml: file is empty`},
		{"alias that contains itself", "decisions:\n  - &d {<<: *d}\n", `f.yaml:2: decisions[0]: *d contains itself`},
		{"validation, placed by path", edit("{kind: escalate, by: incident-manager, target: executive, within: 15m}", "{kind: escalate, by: incident-manager, target: executive, within: 0m}"),
			`f.yaml:31: injects[2].expect[0].within: a deadline greater than zero is required`},
	}
	for _, c := range cases {
		_, err := Parse("f.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got\n%v\nwant %q", c.name, err, c.want)
		}
		var es Errors
		if err != nil && !errors.As(err, &es) {
			t.Errorf("%s: %T is not Errors", c.name, err)
		}
	}
}

func TestParseErrorsCarryTheColumn(t *testing.T) {
	y := strings.Replace(fixtureScenario, "{kind: escalate, by: incident-manager, target: executive, within: 15m}", "{kind: escalate, by: incident-manager, target: executive, within: 15m, weight: x}", 1)
	_, err := Parse("f.yaml", []byte(y))
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("got %v", err)
	}
	if e := es[0]; e.Line != 31 || e.Column != 88 {
		t.Errorf("placed at %d:%d, want 31:88 (the value x)", e.Line, e.Column)
	}
}

// TestParseReadsAnchorsAndMerges: decoding from the node tree keeps what
// the library's decoder accepted: aliases and merge keys, where the
// mapping's own keys win.
func TestParseReadsAnchorsAndMerges(t *testing.T) {
	y := strings.Replace(fixtureScenario, "objectives: [Acknowledge in time, Escalate in time]", "objectives: &goals [Acknowledge in time, Escalate in time]", 1)
	y = strings.Replace(y, "hotwash: [One, Two, Three]", "hotwash: *goals", 1)
	y = strings.Replace(y, "      - {text: Fail over, grade: good}\n      - {text: Wait, grade: poor, then: [f1]}",
		"      - &good {text: Fail over, grade: good}\n      - {<<: *good, text: Wait, then: [f1]}", 1)
	s, err := Parse("f.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.Hotwash, "|") != "Acknowledge in time|Escalate in time" {
		t.Errorf("hotwash through an alias: %q", s.Hotwash)
	}
	if o := s.Decisions[0].Options[1]; o.Text != "Wait" || o.Grade != GradeGood || len(o.Then) != 1 {
		t.Errorf("merged option %+v, want Wait, good, then f1", o)
	}
}

func TestFieldPathsDoNotShareMemory(t *testing.T) {
	p := field("injects").at(2)
	a, b := p.key("at"), p.key("text")
	if a.String() != "injects[2].at" || b.String() != "injects[2].text" {
		t.Errorf("siblings %q and %q", a, b)
	}
}

// TestScenarioTypesAreWhatTheNodeDecoderModels: yamlFields does not model
// inline fields, so no scenario type may use one.
func TestScenarioTypesAreWhatTheNodeDecoderModels(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Slice || rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Map {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || seen[rt] {
			return
		}
		seen[rt] = true
		for i := range rt.NumField() {
			f := rt.Field(i)
			if strings.Contains(f.Tag.Get("yaml"), "inline") || (f.Anonymous && f.Tag.Get("yaml") != "-") {
				t.Errorf("%v.%s is inline or embedded", rt, f.Name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[Scenario]())
	if len(seen) < 5 {
		t.Errorf("walked only %d types", len(seen))
	}
}
