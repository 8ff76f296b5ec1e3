package plan

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestPathBuildsTheStringForm(t *testing.T) {
	cases := []struct {
		got  Path
		want string
	}{
		{Root("people").Index(0).Field("deputy"), "people[0].deputy"},
		{Root("runs").At(0, "tasks").Index(32), "runs[0].tasks[32]"},
		{Root("injects").Index(3), "injects[3]"},
		{Root("coverage.rota.shifts").At(2, "members").Index(1), "coverage.rota.shifts[2].members[1]"},
		{Root("severities").At(1, ""), "severities[1]"},
		{Path{}.Field("organisation").Field("name"), "organisation.name"},
	}
	for _, c := range cases {
		if c.got.String() != c.want {
			t.Errorf("built %q, want %q", c.got, c.want)
		}
	}
	base := Root("playbooks").Index(2)
	_ = base.Field("title")
	if base.Field("owner").String() != "playbooks[2].owner" || base.String() != "playbooks[2]" {
		t.Error("building on a path changed it")
	}
	if !(Path{}).IsZero() || Root("x").IsZero() {
		t.Error("IsZero wrong")
	}
}

func TestParsePathRoundTrip(t *testing.T) {
	for _, s := range []string{
		"people", "people[3]", "people[3].deputy", "runs[0].tasks[32]", "coverage.rota.shifts[10].members[0]",
		"escalationRules[2].escalateTo", "grid[1][2]", "targetLevels.types", "a_b-c[0]",
	} {
		p, err := ParsePath(s)
		if err != nil {
			t.Errorf("ParsePath(%q): %v", s, err)
			continue
		}
		if p.String() != s {
			t.Errorf("ParsePath(%q).String() = %q", s, p)
		}
		// Rebuilding from the elements gives the same path.
		var b Path
		for _, e := range elems(t, p) {
			if e.isIndex {
				b = b.Index(e.index)
			} else {
				b = b.Field(e.field)
			}
		}
		if b != p {
			t.Errorf("rebuilt %q as %q", s, b)
		}
	}
	got := elems(t, Root("people").At(3, "contacts").Index(1))
	want := []pathElem{{field: "people"}, {index: 3, isIndex: true}, {field: "contacts"}, {index: 1, isIndex: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("steps = %+v, want %+v", got, want)
	}
}

func TestParsePathRefusesMalformedPaths(t *testing.T) {
	cases := map[string]string{
		"":                             "empty path",
		"[0]":                          "starts with an index",
		"people[":                      "no closing ']'",
		"people[x]":                    `index "x" at byte 7 is not a whole number`,
		"people[-1]":                   `index "-1"`,
		"people[01]":                   "leading zeros",
		"people[]":                     `index ""`,
		"people[99999999999999999999]": "fits an int",
		"people[0]deputy":              "want '.' or '['",
		"people..name":                 "between two field names",
		"people.":                      "between two field names",
		".people":                      "between two field names",
		"people.[0]":                   "between two field names",
		"people]":                      "']' without '['",
	}
	for in, want := range cases {
		_, err := ParsePath(in)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "path "+strconv.Quote(in)) {
			t.Errorf("ParsePath(%q) = %v, want an error naming the path and containing %q", in, err, want)
		}
	}
}

func TestPathCut(t *testing.T) {
	p, _ := ParsePath("runs[3].tasks[5]")
	ri, rest, ok := p.Cut("runs")
	if !ok || ri != 3 || rest.String() != "tasks[5]" {
		t.Fatalf("Cut(runs) = %d, %q, %v", ri, rest, ok)
	}
	ti, rest, ok := rest.Cut("tasks")
	if !ok || ti != 5 || !rest.IsZero() {
		t.Fatalf("Cut(tasks) = %d, %q, %v", ti, rest, ok)
	}
	k, rest, ok := Root("injects").At(2, "expect").At(0, "within").Cut("injects")
	if !ok || k != 2 || rest.String() != "expect[0].within" {
		t.Errorf("Cut(injects) = %d, %q, %v", k, rest, ok)
	}
	if k, rest, ok := Root("grid").Index(1).Index(2).Cut("grid"); !ok || k != 1 || rest.String() != "[2]" {
		t.Errorf("Cut of a list of lists = %d, %q, %v", k, rest, ok)
	}
	for _, s := range []string{"runs", "runsx[1]", "run[1]", "runs[x]", "runs[1", "runs[1]x", "tasks[1]"} {
		if _, _, ok := Root(s).Cut("runs"); ok {
			t.Errorf("Cut(runs) of %q succeeded", s)
		}
	}
}

// FuzzParsePath checks that parsing never panics, that whatever parses
// prints back as written and rebuilds from its elements, and that Cut
// agrees with the steps the path splits into.
func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"people[3].deputy", "runs[0].tasks[32]", "a[1][2].b", "a..b", "[0]", "a[01]", "a[", "a]b", "a.b.c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePath(s)
		if err != nil {
			return
		}
		if p.String() != s {
			t.Fatalf("ParsePath(%q).String() = %q", s, p)
		}
		es := elems(t, p)
		var b Path
		for _, e := range es {
			if e.isIndex {
				b = b.Index(e.index)
			} else {
				b = b.Field(e.field)
			}
		}
		if b != p {
			t.Fatalf("%q rebuilt as %q", s, b)
		}
		if len(es) >= 2 && es[1].isIndex {
			i, rest, ok := p.Cut(es[0].field)
			if !ok || i != es[1].index {
				t.Fatalf("Cut(%q) of %q = %d, %v", es[0].field, s, i, ok)
			}
			if len(es) == 2 && !rest.IsZero() {
				t.Fatalf("Cut left %q of %q", rest, s)
			}
		}
	})
}

// elems splits a path into its steps, for tests that rebuild it.
func elems(t *testing.T, p Path) []pathElem {
	t.Helper()
	out, err := splitPath(p.String())
	if err != nil {
		t.Fatalf("%q does not split: %v", p, err)
	}
	return out
}

func TestWithinAndCutIndex(t *testing.T) {
	for _, c := range []struct {
		path, base string
		want       bool
	}{
		{"people[3].deputy", "people", true},
		{"people[3].deputy", "people[3]", true},
		{"people[3]", "people[3]", true},
		{"peoples[3]", "people", false},
		{"people[31]", "people[3]", false},
		{"people", "people[3]", false},
		{"coverage.rota", "coverage", true},
		{"people.x", "people", true},
		{"peo", "people", false},
		{"coverage.rota", "coverage.rota.shifts", false},
	} {
		if got := Within(c.path, c.base); got != c.want {
			t.Errorf("Within(%q, %q) = %v, want %v", c.path, c.base, got, c.want)
		}
	}
	for _, c := range []struct {
		path, field, rest string
		index             int
		ok                bool
	}{
		{"playbooks[3].revisions[1]", "playbooks", "revisions[1]", 3, true},
		{"playbooks[3]", "playbooks", "", 3, true},
		{"playbooks[2].steps[4].text", "playbooks[2].steps", "text", 4, true},
		{"playbooks", "playbooks", "", 0, false},
		{"playbooks[x]", "playbooks", "", 0, false},
		{"people[1]", "playbooks", "", 0, false},
		{"x", "x", "", 0, false},
		{"x3].y", "x", "", 0, false},
		{"x[-1]", "x", "", 0, false},
		{"x[2", "x", "", 0, false},
		{"x[2]y", "x", "", 0, false},
	} {
		i, rest, ok := CutIndex(c.path, c.field)
		if i != c.index || rest != c.rest || ok != c.ok {
			t.Errorf("CutIndex(%q, %q) = %d, %q, %v; want %d, %q, %v", c.path, c.field, i, rest, ok, c.index, c.rest, c.ok)
		}
	}
}
